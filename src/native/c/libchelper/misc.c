/*
 * Small libc helpers a native image calls directly: the environment, the
 * default time zone, per-thread CPU time and instruction-cache maintenance.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

extern char **environ;

/* Defined in the JDK's libjava (TimeZone_md.c): the platform's default zone id, malloc'ed. */
char *findJavaTZ_md(const char *java_home_dir);

char **getEnviron(void) {
    return environ;
}

/*
 * Default time zone id (TZ, /etc/timezone, /etc/localtime), from the JDK's own
 * code so that images agree with the JVM. The tzmappings table only matters on
 * Windows and AIX; Linux ignores it. The caller frees the result.
 */
char *SVM_FindJavaTZmd(const char *tzMappings, int length) {
    (void) tzMappings;
    (void) length;
    return findJavaTZ_md(NULL);
}

/* x86 keeps instruction caches coherent by itself; other CPUs need the flush. */
void codeSynchronization_clearCache(long code, long codeSize) {
    __builtin___clear_cache((char *) code, (char *) code + codeSize);
}

int getThreadId(void) {
    return (int) syscall(SYS_gettid);
}

/*
 * User-mode CPU time of thread tid of this process in nanoseconds, read from
 * /proc (the fallback when the per-thread clock cannot be used); -1 on error.
 */
long getThreadUserTimeSlow(int tid) {
    char path[64];
    snprintf(path, sizeof(path), "/proc/self/task/%d/stat", tid);
    FILE *file = fopen(path, "r");
    if (file == NULL) {
        return -1;
    }
    char line[2048];
    size_t n = fread(line, 1, sizeof(line) - 1, file);
    fclose(file);
    line[n] = '\0';

    /* The command name (field 2) may contain spaces, so start after its ')'. */
    char *p = strrchr(line, ')');
    if (p == NULL) {
        return -1;
    }
    unsigned long utime = 0;
    /* Fields 3..13 are skipped; field 14 is utime in clock ticks. */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu", &utime) != 1) {
        return -1;
    }
    long ticks_per_second = sysconf(_SC_CLK_TCK);
    if (ticks_per_second <= 0) {
        return -1;
    }
    return (long) utime * (1000000000L / ticks_per_second);
}
