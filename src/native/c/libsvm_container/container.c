/*
 * Container (cgroup) limits for native images: what HotSpot's
 * osContainer_linux reports, so that a native image sizes its heap and thread
 * pools by its container's limits instead of the host's.
 *
 * Supports cgroup v2 (unified) and cgroup v1 (memory, cpu controllers). Values
 * follow HotSpot's conventions: -1 means "no limit", -2 means "not available".
 * A limit is the smallest one set on the process's cgroup or on any ancestor
 * visible inside the cgroup namespace.
 *
 * Simplifications against HotSpot: no caching of values (each call reads
 * cgroupfs), no cpuset or cpu-shares based processor counts (HotSpot 25 ignores
 * shares too), no memory.stat hierarchical limit fallback on v1.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "svm_container.h"

#define UNLIMITED (-1L)
#define NOT_AVAILABLE (-2L)

typedef struct {
    bool found;
    bool read_only;
    char dir[PATH_MAX];  /* the process's own cgroup directory */
    char root[PATH_MAX]; /* mount point: ancestors above it are not visible */
} Controller;

static bool v2;
static Controller memory_ctl; /* on v2 both point at the unified hierarchy */
static Controller cpu_ctl;

/* ---- reading cgroupfs -------------------------------------------------- */

/* Reads a file's first line; false if it does not exist or cannot be read. */
static bool read_line(const char *dir, const char *file, char *buf, size_t size) {
    char path[PATH_MAX + 64];
    snprintf(path, sizeof(path), "%s/%s", dir, file);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return false;
    }
    bool ok = fgets(buf, (int) size, f) != NULL;
    fclose(f);
    if (ok) {
        buf[strcspn(buf, "\n")] = '\0';
    }
    return ok;
}

/* A number, "max" (v2: no limit) or a v1 "no limit" sentinel near LONG_MAX. */
static long read_value(const char *dir, const char *file) {
    char buf[256];
    if (!read_line(dir, file, buf, sizeof(buf))) {
        return NOT_AVAILABLE;
    }
    if (strncmp(buf, "max", 3) == 0) {
        return UNLIMITED;
    }
    char *end;
    long long v = strtoll(buf, &end, 10);
    if (end == buf) {
        return NOT_AVAILABLE;
    }
    if (v < 0 || v >= (LLONG_MAX / 4096) * 4096) {
        return UNLIMITED;
    }
    return (long) v;
}

/* Value of "key N" in a flat-keyed file such as memory.stat. */
static long read_key(const char *dir, const char *file, const char *key) {
    char path[PATH_MAX + 64];
    snprintf(path, sizeof(path), "%s/%s", dir, file);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return NOT_AVAILABLE;
    }
    char name[128];
    long long value;
    long result = NOT_AVAILABLE;
    while (fscanf(f, "%127s %lld", name, &value) == 2) {
        if (strcmp(name, key) == 0) {
            result = (long) value;
            break;
        }
    }
    fclose(f);
    return result;
}

/* Smallest limit set on the cgroup or an ancestor up to the mount point. */
static long read_limit(const Controller *c, const char *file) {
    if (!c->found) {
        return NOT_AVAILABLE;
    }
    char dir[PATH_MAX];
    strcpy(dir, c->dir);
    long limit = read_value(dir, file);
    size_t root_len = strlen(c->root);
    for (;;) {
        char *slash = strrchr(dir, '/');
        if (slash == NULL || (size_t) (slash - dir) < root_len) {
            break;
        }
        *slash = '\0';
        long parent = read_value(dir, file);
        if (parent >= 0 && (limit < 0 || parent < limit)) {
            limit = parent;
        }
    }
    return limit;
}

/* ---- finding the cgroup directories ------------------------------------- */

/* True if the comma-separated list contains name as a whole item. */
static bool has_item(const char *list, const char *name) {
    size_t n = strlen(name);
    for (const char *p = list; p != NULL; p = strchr(p, ',') != NULL ? strchr(p, ',') + 1 : NULL) {
        if (strncmp(p, name, n) == 0 && (p[n] == ',' || p[n] == '\0')) {
            return true;
        }
    }
    return false;
}

/* The process's path inside the hierarchy that has the given v1 controller ("" for v2). */
static bool own_cgroup_path(const char *controller, char *path, size_t size) {
    FILE *f = fopen("/proc/self/cgroup", "r");
    if (f == NULL) {
        return false;
    }
    char line[PATH_MAX + 256];
    bool found = false;
    while (!found && fgets(line, sizeof(line), f) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        char *controllers = strchr(line, ':');
        char *p = controllers != NULL ? strchr(controllers + 1, ':') : NULL;
        if (p == NULL) {
            continue;
        }
        *p = '\0';
        controllers++;
        if (controller[0] == '\0' ? controllers[0] == '\0' : has_item(controllers, controller)) {
            snprintf(path, size, "%s", p + 1);
            found = true;
        }
    }
    fclose(f);
    return found;
}

/* Builds the directory from a mountinfo entry (root, mount point) and the process's path. */
static void locate(Controller *c, const char *mount_root, const char *mount_point, const char *cgroup_path, bool ro) {
    const char *rest = cgroup_path;
    if (strcmp(mount_root, "/") != 0) {
        size_t n = strlen(mount_root);
        /* Inside a cgroup namespace or a bind mount the root is a prefix of our path. */
        rest = strncmp(cgroup_path, mount_root, n) == 0 ? cgroup_path + n : "";
    }
    if (strcmp(rest, "/") == 0) {
        rest = "";
    }
    snprintf(c->dir, sizeof(c->dir), "%s%s", mount_point, rest);
    snprintf(c->root, sizeof(c->root), "%s", mount_point);
    c->read_only = ro;
    c->found = true;
}

static void find_controllers(void) {
    FILE *f = fopen("/proc/self/mountinfo", "r");
    if (f == NULL) {
        return;
    }
    char line[4 * PATH_MAX];
    char v2_root[PATH_MAX] = "", v2_point[PATH_MAX] = "";
    bool v2_ro = false, v1_seen = false;
    while (fgets(line, sizeof(line), f) != NULL) {
        /* id parent major:minor root mount-point options [optional...] - fstype source super-options */
        char root[PATH_MAX], point[PATH_MAX], options[256], fstype[64], super[1024];
        char *sep = strstr(line, " - ");
        if (sep == NULL || sscanf(line, "%*d %*d %*s %4095s %4095s %255s", root, point, options) != 3 ||
            sscanf(sep + 3, "%63s %*s %1023s", fstype, super) != 2) {
            continue;
        }
        bool ro = strncmp(options, "ro", 2) == 0 && (options[2] == ',' || options[2] == '\0');
        char path[PATH_MAX];
        if (strcmp(fstype, "cgroup2") == 0) {
            snprintf(v2_root, sizeof(v2_root), "%s", root);
            snprintf(v2_point, sizeof(v2_point), "%s", point);
            v2_ro = ro;
        } else if (strcmp(fstype, "cgroup") == 0) {
            v1_seen = true;
            if (!memory_ctl.found && has_item(super, "memory") && own_cgroup_path("memory", path, sizeof(path))) {
                locate(&memory_ctl, root, point, path, ro);
            }
            if (!cpu_ctl.found && has_item(super, "cpu") && own_cgroup_path("cpu", path, sizeof(path))) {
                locate(&cpu_ctl, root, point, path, ro);
            }
        }
    }
    fclose(f);

    /* A v2 mount next to v1 controllers is the "hybrid" layout: v1 holds the limits. */
    char path[PATH_MAX];
    if (!v1_seen && v2_point[0] != '\0' && own_cgroup_path("", path, sizeof(path))) {
        v2 = true;
        locate(&memory_ctl, v2_root, v2_point, path, v2_ro);
        cpu_ctl = memory_ctl;
    }
}

/* ---- the library's API --------------------------------------------------- */

unsigned long svm_container_physical_memory(void) {
    long pages = sysconf(_SC_PHYS_PAGES);
    long page_size = sysconf(_SC_PAGESIZE);
    return pages > 0 && page_size > 0 ? (unsigned long) pages * (unsigned long) page_size : 0;
}

/* Limits at or above the host's memory are no limits. */
static long cap_to_host(long limit) {
    if (limit >= 0 && (unsigned long) limit >= svm_container_physical_memory()) {
        return UNLIMITED;
    }
    return limit;
}

long svm_container_memory_limit_in_bytes(void) {
    return cap_to_host(read_limit(&memory_ctl, v2 ? "memory.max" : "memory.limit_in_bytes"));
}

long svm_container_memory_and_swap_limit_in_bytes(void) {
    long memory = svm_container_memory_limit_in_bytes();
    if (v2) {
        long swap = read_limit(&memory_ctl, "memory.swap.max");
        if (swap == NOT_AVAILABLE) {
            return memory; /* no swap accounting: memory is all there is */
        }
        if (memory < 0 || swap == UNLIMITED) {
            return UNLIMITED;
        }
        return memory + swap;
    }
    long both = read_limit(&memory_ctl, "memory.memsw.limit_in_bytes");
    if (both == NOT_AVAILABLE) {
        return memory;
    }
    if (both == UNLIMITED || (unsigned long) both >= 2 * svm_container_physical_memory()) {
        return UNLIMITED;
    }
    return both;
}

long svm_container_memory_soft_limit_in_bytes(void) {
    long soft = read_limit(&memory_ctl, v2 ? "memory.low" : "memory.soft_limit_in_bytes");
    return soft == 0 && v2 ? UNLIMITED : cap_to_host(soft);
}

long svm_container_memory_usage_in_bytes(void) {
    return memory_ctl.found ? read_value(memory_ctl.dir, v2 ? "memory.current" : "memory.usage_in_bytes") : NOT_AVAILABLE;
}

long svm_container_memory_max_usage_in_bytes(void) {
    return memory_ctl.found ? read_value(memory_ctl.dir, v2 ? "memory.peak" : "memory.max_usage_in_bytes") : NOT_AVAILABLE;
}

long svm_container_rss_usage_in_bytes(void) {
    return memory_ctl.found ? read_key(memory_ctl.dir, "memory.stat", v2 ? "anon" : "rss") : NOT_AVAILABLE;
}

long svm_container_cache_usage_in_bytes(void) {
    return memory_ctl.found ? read_key(memory_ctl.dir, "memory.stat", v2 ? "file" : "cache") : NOT_AVAILABLE;
}

/* Processors usable by this process: its CPU affinity, cut down by a CPU quota. */
int svm_container_active_processor_count(void) {
    cpu_set_t set;
    int host = sched_getaffinity(0, sizeof(set), &set) == 0 ? CPU_COUNT(&set) : (int) sysconf(_SC_NPROCESSORS_ONLN);
    if (host < 1) {
        host = 1;
    }
    if (!cpu_ctl.found) {
        return host;
    }
    long quota = UNLIMITED, period = 0;
    if (v2) {
        char buf[128], q[32];
        if (read_line(cpu_ctl.dir, "cpu.max", buf, sizeof(buf)) && sscanf(buf, "%31s %ld", q, &period) == 2 &&
            strcmp(q, "max") != 0) {
            quota = strtol(q, NULL, 10);
        }
    } else {
        quota = read_value(cpu_ctl.dir, "cpu.cfs_quota_us");
        period = read_value(cpu_ctl.dir, "cpu.cfs_period_us");
    }
    if (quota > 0 && period > 0) {
        int limit = (int) ((quota + period - 1) / period);
        return limit < host ? limit : host;
    }
    return host;
}

/*
 * HotSpot's rule for "running in a container": the cgroup filesystem is
 * mounted read-only (as container runtimes do), or a memory or CPU limit is set.
 */
int svm_container_initialize(int expected_version) {
    if (expected_version > SVM_CONTAINER_VERSION) {
        return SVM_CONTAINER_ERROR_LIBCONTAINER_TOO_OLD;
    }
    if (expected_version < SVM_CONTAINER_VERSION) {
        return SVM_CONTAINER_ERROR_LIBCONTAINER_TOO_NEW;
    }
    memset(&memory_ctl, 0, sizeof(memory_ctl));
    memset(&cpu_ctl, 0, sizeof(cpu_ctl));
    v2 = false;
    find_controllers();
    if (!memory_ctl.found && !cpu_ctl.found) {
        return SVM_CONTAINER_SUCCESS_IS_NOT_CONTAINERIZED;
    }
    bool read_only = (!memory_ctl.found || memory_ctl.read_only) && (!cpu_ctl.found || cpu_ctl.read_only);
    cpu_set_t set;
    int host = sched_getaffinity(0, sizeof(set), &set) == 0 ? CPU_COUNT(&set) : 0;
    bool limited = svm_container_memory_limit_in_bytes() > 0 ||
                   (host > 0 && svm_container_active_processor_count() < host);
    return read_only || limited ? SVM_CONTAINER_SUCCESS_IS_CONTAINERIZED : SVM_CONTAINER_SUCCESS_IS_NOT_CONTAINERIZED;
}
