/*
 * Hand-off of asynchronous signals (sun.misc.Signal / jdk.internal.misc.Signal)
 * from the C signal handler to the Java thread that dispatches them.
 *
 * A signal handler may only do async-signal-safe work, so it just counts the
 * signal and posts a semaphore; the dispatch thread waits on the semaphore and
 * drains the counters with checkPendingSignal.
 */
#include <errno.h>
#include <semaphore.h>
#include <signal.h>
#include <stdbool.h>

static volatile int pending[NSIG];
static sem_t available;
static bool opened;

int cSunMiscSignal_open(void) {
    if (opened) {
        return -1;
    }
    for (int i = 0; i < NSIG; i++) {
        pending[i] = 0;
    }
    if (sem_init(&available, 0, 0) != 0) {
        return -1;
    }
    opened = true;
    return 0;
}

int cSunMiscSignal_close(void) {
    if (!opened) {
        return -1;
    }
    opened = false;
    return sem_destroy(&available);
}

int cSunMiscSignal_awaitSemaphore(void) {
    int rc;
    do {
        rc = sem_wait(&available);
    } while (rc != 0 && errno == EINTR);
    return rc;
}

int cSunMiscSignal_signalSemaphore(void) {
    return sem_post(&available);
}

bool cSunMiscSignal_signalRangeCheck(int signal) {
    return signal > 0 && signal < NSIG;
}

/* Returns one signal number that arrived and was not yet handed out, or -1. */
int cSunMiscSignal_checkPendingSignal(void) {
    for (int sig = 1; sig < NSIG; sig++) {
        int count = __atomic_load_n(&pending[sig], __ATOMIC_SEQ_CST);
        while (count > 0) {
            if (__atomic_compare_exchange_n(&pending[sig], &count, count - 1, false,
                                            __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
                return sig;
            }
        }
    }
    return -1;
}

/* The handler installed with sigaction for every signal Java code listens to. */
static void count_signal(int sig) {
    if (opened && cSunMiscSignal_signalRangeCheck(sig)) {
        int saved_errno = errno; /* sem_post may change errno; the interrupted code must not see that */
        __atomic_add_fetch(&pending[sig], 1, __ATOMIC_SEQ_CST);
        sem_post(&available);
        errno = saved_errno;
    }
}

void (*cSunMiscSignal_signalHandlerFunctionPointer(void))(int) {
    return count_signal;
}
