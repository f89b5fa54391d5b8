/*
 * The few JVM_* / jio_* functions a native image needs from "libjvm".
 *
 * The JDK's static libraries (libjava.a, libnio.a, libnet.a, ...) were written
 * to run inside HotSpot and call back into it through these functions. In a
 * native image there is no HotSpot: the image calls some of them itself
 * (com.oracle.svm.core.jdk.Jvm) and the linker asks for the rest when a JDK
 * object file that uses them ends up in the image. Each one does what
 * HotSpot's version does on Linux.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jni.h>

#include "jmm.h" /* HotSpot's management interface, taken from the JDK source */
#include "svm_container.h"

#define JVM_EXPORT __attribute__((visibility("default")))

/*
 * Called before the image loads a native library. Calling it links this file,
 * and with it every JVM_* function below, into the image, where JNI libraries
 * loaded at run time find them (the image exports its symbols). Nothing needs
 * setting up on Linux.
 */
JVM_EXPORT void initialize(void) {
}

/* ---- process exit (java.lang.Shutdown) ------------------------------------- */

/* HotSpot only reports JFR events here; there is nothing to do without it. */
JVM_EXPORT void JVM_BeforeHalt(void) {
}

/* Runtime.halt: HotSpot ends with libc exit(), which also flushes C streams. */
JVM_EXPORT void JVM_Halt(jint code) {
    exit(code);
}

/* ---- containers (jdk.internal.platform.CgroupMetrics) ------------------------ */

/* HotSpot's -XX:+UseContainerSupport, on by default; native images read cgroups too. */
JVM_EXPORT jboolean JVM_IsUseContainerSupport(void) {
    return JNI_TRUE;
}

/* Weak: an image that never touches container support does not link the library. */
extern int svm_container_initialize(int expected_version) __attribute__((weak));

JVM_EXPORT jboolean JVM_IsContainerized(void) {
    return svm_container_initialize != NULL &&
           svm_container_initialize(SVM_CONTAINER_VERSION) == SVM_CONTAINER_SUCCESS_IS_CONTAINERIZED;
}

/* ---- management (libmanagement_ext's JNI_OnLoad) --------------------------- */

/*
 * libmanagement_ext asks for HotSpot's JMM function table when it loads and
 * only calls GetVersion from it; the natives a native image keeps from that
 * library (OperatingSystemImpl) read /proc and never use the table, and the
 * rest of java.lang.management is implemented in Java by the image. Every
 * other entry therefore stops the process with a message instead of jumping
 * to an address that does not exist.
 */
static JmmInterface jmm;
static pthread_once_t jmm_once = PTHREAD_ONCE_INIT;

static jint JNICALL jmm_get_version(JNIEnv *env) {
    (void) env;
    return JMM_VERSION;
}

static void jmm_unsupported(void) {
    fputs("fatal: a HotSpot management (JMM) function was called in a native image\n", stderr);
    abort();
}

static void jmm_init(void) {
    void **slots = (void **) &jmm;
    for (size_t i = 0; i < sizeof(jmm) / sizeof(void *); i++) {
        slots[i] = (void *) jmm_unsupported;
    }
    jmm.reserved1 = NULL;
    jmm.reserved2 = NULL;
    jmm.reserved6 = NULL;
    jmm.GetVersion = jmm_get_version;
}

/* Like HotSpot: the table for exactly the current JMM version, else NULL. */
JVM_EXPORT void *JVM_GetManagement(jint version) {
    if (version != JMM_VERSION) {
        return NULL;
    }
    pthread_once(&jmm_once, jmm_init);
    return &jmm;
}

/* ---- time ------------------------------------------------------------------- */

JVM_EXPORT jlong JVM_CurrentTimeMillis(JNIEnv *env, jclass ignored) {
    (void) env;
    (void) ignored;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (jlong) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

JVM_EXPORT jlong JVM_NanoTime(JNIEnv *env, jclass ignored) {
    (void) env;
    (void) ignored;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (jlong) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- processors --------------------------------------------------------------- */

/* Processors this process may run on (its affinity mask), as HotSpot counts them. */
JVM_EXPORT jint JVM_ActiveProcessorCount(void) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0) {
        int count = CPU_COUNT(&set);
        if (count > 0) {
            return count;
        }
    }
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    return online > 0 ? (jint) online : 1;
}

/* ---- signals ------------------------------------------------------------------ */

/*
 * Installs handler (or SIG_DFL / SIG_IGN) for sig and returns the previous one,
 * or (void *) -1 on failure. HotSpot's special value 2 ("the JVM's own user
 * handler") has no meaning without HotSpot and is refused.
 */
JVM_EXPORT void *JVM_RegisterSignal(jint sig, void *handler) {
    if (handler == (void *) 2) {
        return (void *) -1;
    }
    struct sigaction action, old;
    memset(&action, 0, sizeof(action));
    sigfillset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    action.sa_handler = (void (*)(int)) handler;
    if (sigaction(sig, &action, &old) != 0) {
        return (void *) -1;
    }
    return (old.sa_flags & SA_SIGINFO) ? (void *) old.sa_sigaction : (void *) old.sa_handler;
}

JVM_EXPORT jboolean JVM_RaiseSignal(jint sig) {
    return raise(sig) == 0 ? JNI_TRUE : JNI_FALSE;
}

/* Signal number for a name such as "INT" (no "SIG" prefix), or -1. */
JVM_EXPORT jint JVM_FindSignal(const char *name) {
    static const struct {
        const char *name;
        int number;
    } signals[] = {
        {"HUP", SIGHUP},   {"INT", SIGINT},       {"QUIT", SIGQUIT},   {"ILL", SIGILL},   {"TRAP", SIGTRAP},
        {"ABRT", SIGABRT}, {"IOT", SIGIOT},       {"BUS", SIGBUS},     {"FPE", SIGFPE},   {"KILL", SIGKILL},
        {"USR1", SIGUSR1}, {"SEGV", SIGSEGV},     {"USR2", SIGUSR2},   {"PIPE", SIGPIPE}, {"ALRM", SIGALRM},
        {"TERM", SIGTERM}, {"STKFLT", SIGSTKFLT}, {"CHLD", SIGCHLD},   {"CONT", SIGCONT}, {"STOP", SIGSTOP},
        {"TSTP", SIGTSTP}, {"TTIN", SIGTTIN},     {"TTOU", SIGTTOU},   {"URG", SIGURG},   {"XCPU", SIGXCPU},
        {"XFSZ", SIGXFSZ}, {"VTALRM", SIGVTALRM}, {"PROF", SIGPROF},   {"WINCH", SIGWINCH}, {"POLL", SIGPOLL},
        {"IO", SIGIO},     {"PWR", SIGPWR},       {"SYS", SIGSYS},
    };
    for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
        if (strcmp(name, signals[i].name) == 0) {
            return signals[i].number;
        }
    }
    return -1;
}

/* ---- libraries and paths ----------------------------------------------------- */

JVM_EXPORT void *JVM_FindLibraryEntry(void *handle, const char *name) {
    return dlsym(handle, name);
}

/* HotSpot's os::native_path changes nothing on Unix. */
JVM_EXPORT char *JVM_NativePath(char *path) {
    return path;
}

/* ---- raw monitors (used by libzip's shared state) ---------------------------- */

JVM_EXPORT void *JVM_RawMonitorCreate(void) {
    pthread_mutex_t *mutex = malloc(sizeof(pthread_mutex_t));
    if (mutex != NULL) {
        pthread_mutexattr_t attr;
        pthread_mutexattr_init(&attr);
        pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
        pthread_mutex_init(mutex, &attr);
        pthread_mutexattr_destroy(&attr);
    }
    return mutex;
}

JVM_EXPORT void JVM_RawMonitorDestroy(void *monitor) {
    pthread_mutex_destroy(monitor);
    free(monitor);
}

JVM_EXPORT jint JVM_RawMonitorEnter(void *monitor) {
    return pthread_mutex_lock(monitor) == 0 ? 0 : -1;
}

JVM_EXPORT void JVM_RawMonitorExit(void *monitor) {
    pthread_mutex_unlock(monitor);
}

/* ---- jio_* printing (HotSpot's bounded, always NUL-terminated variants) ----- */

JVM_EXPORT int jio_vsnprintf(char *str, size_t count, const char *fmt, va_list args) {
    if ((intptr_t) count <= 0) {
        return -1;
    }
    int result = vsnprintf(str, count, fmt, args);
    /* HotSpot reports truncation as -1 rather than the would-be length. */
    return (result >= 0 && (size_t) result < count) ? result : -1;
}

JVM_EXPORT int jio_snprintf(char *str, size_t count, const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    int result = jio_vsnprintf(str, count, fmt, args);
    va_end(args);
    return result;
}

JVM_EXPORT int jio_vfprintf(FILE *file, const char *fmt, va_list args) {
    return vfprintf(file, fmt, args);
}

JVM_EXPORT int jio_fprintf(FILE *file, const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    int result = jio_vfprintf(file, fmt, args);
    va_end(args);
    return result;
}
