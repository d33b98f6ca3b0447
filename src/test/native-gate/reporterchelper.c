/*
 * Stand-in for libreporterchelper.so, the builder's progress helper that a GraalVM distribution ships in
 * <java.home>/lib/svm/builder/lib/. The builder (com.oracle.svm.hosted.ProgressReporterCHelper) refuses to start
 * without it and calls its two JNI functions: the terminal width, for laying out its progress report, and the
 * process' peak resident set size, which it prints after every build phase.
 *   peak RSS: getrusage(2), ru_maxrss in KiB on Linux (https://man7.org/linux/man-pages/man2/getrusage.2.html)
 *   columns:  ioctl TIOCGWINSZ on stdout (https://man7.org/linux/man-pages/man2/TIOCGWINSZ.2const.html);
 *             0 when stdout is not a terminal, which the builder clamps to its default of 80.
 */
#include <jni.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

JNIEXPORT jlong JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getPeakRSS0(JNIEnv *env, jclass clazz) {
    struct rusage usage;
    if (getrusage(RUSAGE_SELF, &usage) != 0) {
        return -1;
    }
    return (jlong) usage.ru_maxrss * 1024;
}

JNIEXPORT jint JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getTerminalWindowColumns0(JNIEnv *env, jclass clazz) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) {
        return 0;
    }
    return size.ws_col;
}
