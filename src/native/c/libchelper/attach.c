/*
 * Socket side of the Attach API (jcmd, jstack, ... talking to a native image
 * built with --enable-monitoring=attach), following HotSpot's Linux attach
 * listener: a Unix domain socket /tmp/.java_pid<pid>, created on demand when a
 * tool drops an .attach_pid<pid> trigger file and sends SIGQUIT, and usable
 * only by processes of the same effective user.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

/* A socket file left by an earlier process with our pid would mislead tools. */
void svm_attach_startup(const char *socket_path) {
    struct stat st;
    if (stat(socket_path, &st) == 0) {
        unlink(socket_path);
    }
}

bool svm_attach_check_socket_file(const char *socket_path) {
    struct stat st;
    return stat(socket_path, &st) == 0;
}

/* The trigger file counts only if the user we run as (or root) created it. */
bool svm_attach_is_init_trigger(const char *trigger_path) {
    struct stat st;
    if (stat(trigger_path, &st) != 0 || !S_ISREG(st.st_mode)) {
        return false;
    }
    return st.st_uid == geteuid() || st.st_uid == 0;
}

/* Creates the listening socket; returns its descriptor or -1. */
int svm_attach_create_listener(const char *socket_path) {
    struct sockaddr_un addr;
    memset(&addr, 0, sizeof(addr));
    addr.sun_family = AF_UNIX;
    /* Bind under a temporary name and rename, so tools never see a half-made socket. */
    char temp_path[sizeof(addr.sun_path)];
    if (snprintf(temp_path, sizeof(temp_path), "%s.tmp", socket_path) >= (int) sizeof(temp_path)) {
        return -1;
    }
    snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", temp_path);

    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    unlink(temp_path);
    if (bind(fd, (struct sockaddr *) &addr, sizeof(addr)) != 0 ||
        chmod(temp_path, S_IRUSR | S_IWUSR) != 0 ||
        listen(fd, 5) != 0 ||
        rename(temp_path, socket_path) != 0) {
        close(fd);
        unlink(temp_path);
        return -1;
    }
    return fd;
}

/* Waits for a client of the same user; returns the connection's descriptor or -1. */
int svm_attach_wait_for_request(int listener) {
    for (;;) {
        int fd = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        struct ucred cred;
        socklen_t len = sizeof(cred);
        if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 &&
            (cred.uid == geteuid() || cred.uid == 0) && (cred.gid == getegid() || cred.uid == 0)) {
            return fd;
        }
        close(fd); /* someone else: refuse and keep listening */
    }
}

void svm_attach_shutdown_socket(int fd) {
    shutdown(fd, SHUT_RDWR);
}

void svm_attach_listener_cleanup(int listener, const char *socket_path) {
    if (listener >= 0) {
        close(listener);
    }
    if (socket_path != NULL) {
        unlink(socket_path);
    }
}
