/*
 * Fixed-argument entry points for libc functions the image calls but cannot
 * call directly: variadic functions (open, openat, mremap, fprintf) need the
 * C calling convention for "...", which the builder does not generate, and
 * strlcpy is missing from glibc before 2.38. The suffix letters name the
 * arguments after the first (S = string, I = int, D = int, P = pointer).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

int openSII(const char *path, int flags, int mode) {
    return open(path, flags, mode);
}

int openatISII(int dirfd, const char *path, int flags, int mode) {
    return openat(dirfd, path, flags, mode);
}

void *mremapP(void *old_address, size_t old_size, size_t new_size, int flags, void *new_address) {
    return mremap(old_address, old_size, new_size, flags, new_address);
}

int fprintfSD(FILE *file, const char *format, const char *string, int number) {
    return fprintf(file, format, string, number);
}

/* BSD strlcpy: copies at most size-1 bytes, always terminates, returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size) {
    size_t length = strlen(src);
    if (size > 0) {
        size_t n = length < size - 1 ? length : size - 1;
        memcpy(dst, src, n);
        dst[n] = '\0';
    }
    return length;
}
