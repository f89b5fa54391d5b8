/*
 * JNI helper the native-image builder loads into its own JVM
 * (com.oracle.svm.hosted.ProgressReporterCHelper) to print build statistics.
 */
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <jni.h>

/* Peak resident set size of the builder process in bytes; -1 if unknown. */
JNIEXPORT jlong JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getPeakRSS0(JNIEnv *env, jclass clazz) {
    (void) env;
    (void) clazz;
    struct rusage usage;
    if (getrusage(RUSAGE_SELF, &usage) != 0) {
        return -1;
    }
    return (jlong) usage.ru_maxrss * 1024; /* Linux reports kilobytes */
}

/* Width of the terminal on stdout, 0 when stdout is not a terminal. */
JNIEXPORT jint JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getTerminalWindowColumns0(JNIEnv *env, jclass clazz) {
    (void) env;
    (void) clazz;
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) {
        return 0;
    }
    return size.ws_col;
}
