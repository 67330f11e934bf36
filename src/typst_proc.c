/* typst_proc — the PDF engine's child processes: started with their standard
 * streams on pipes we own, talked to within a deadline, killed and always reaped
 * (typst_impl.h).
 *
 * Why a socket for stdin: writing to a pipe whose reader died raises SIGPIPE, which
 * would kill briefgen; a socket written with MSG_NOSIGNAL returns EPIPE instead, on
 * this thread only, with no process-wide signal setting to change or restore.
 */
/* pipe2 (close-on-exec from the start: another thread may spawn meanwhile). */
#define _GNU_SOURCE
#include "typst_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

long long bg_now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void close_fd(int *fd) {
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

static void close_all(int fds[], int n) {
    for (int i = 0; i < n; i++)
        close_fd(&fds[i]);
}

/* The file actions and attributes of a spawn: the child's ends become 0, 1, 2 (dup2
 * clears close-on-exec on the copy; the originals close at exec); SIGPIPE back to
 * its default and no signal blocked, whatever this thread has. */
static int spawn_with(bg_child *c, char *const argv[], int in_fd, int out_fd, int err_fd) {
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    sigset_t none, dfl;
    int rc = posix_spawn_file_actions_init(&fa);
    if (rc)
        return rc;
    rc = posix_spawnattr_init(&attr);
    if (rc) {
        posix_spawn_file_actions_destroy(&fa);
        return rc;
    }
    if (in_fd >= 0)
        rc = posix_spawn_file_actions_adddup2(&fa, in_fd, 0);
    else
        rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    if (!rc)
        rc = posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
    if (!rc)
        rc = posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
    sigemptyset(&none);
    sigemptyset(&dfl);
    sigaddset(&dfl, SIGPIPE);
    if (!rc)
        rc = posix_spawnattr_setsigmask(&attr, &none);
    if (!rc)
        rc = posix_spawnattr_setsigdefault(&attr, &dfl);
    if (!rc)
        rc = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    if (!rc)
        rc = posix_spawn(&c->pid, argv[0], &fa, &attr, argv, environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&fa);
    return rc;
}

int bg_child_spawn(bg_child *c, char *const argv[], int how) {
    /* ours[i] is our end, theirs[i] the child's: stdin, stdout, stderr. */
    int ours[3] = {-1, -1, -1}, theirs[3] = {-1, -1, -1}, p[2];
    c->pid = 0;
    c->in = c->out = c->err = -1;
    c->tail_len = 0;
    if (how & BG_CHILD_STDIN) {
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, p) != 0)
            return -1;
        ours[0] = p[0], theirs[0] = p[1];
    }
    for (int i = 1; i < 3; i++) {
        if (pipe2(p, O_CLOEXEC) != 0) {
            int e = errno;
            close_all(ours, 3), close_all(theirs, 3);
            errno = e;
            return -1;
        }
        ours[i] = p[0], theirs[i] = p[1];
    }
    /* Merged: its stderr is a second copy of its stdout's pipe. */
    if (how & BG_CHILD_MERGE) {
        close_fd(&ours[2]), close_fd(&theirs[2]);
        if ((theirs[2] = fcntl(theirs[1], F_DUPFD_CLOEXEC, 3)) < 0) {
            int e = errno;
            close_all(ours, 3), close_all(theirs, 3);
            errno = e;
            return -1;
        }
    }
    int rc = spawn_with(c, argv, theirs[0], theirs[1], theirs[2]);
    close_all(theirs, 3);
    if (rc != 0) {
        close_all(ours, 3);
        c->pid = 0;
        errno = rc;
        return -1;
    }
    for (int i = 0; i < 3; i++)
        if (ours[i] >= 0)
            fcntl(ours[i], F_SETFL, fcntl(ours[i], F_GETFL) | O_NONBLOCK);
    c->in = ours[0], c->out = ours[1], c->err = ours[2];
    return 0;
}

/* Keep the last bytes of stderr (a worker's last words are what explain its end). */
static void keep_tail(bg_child *c, const char *s, size_t n) {
    size_t cap = sizeof c->tail;
    if (n >= cap) {
        memcpy(c->tail, s + n - cap, cap);
        c->tail_len = cap;
        return;
    }
    if (c->tail_len + n > cap) {
        size_t drop = c->tail_len + n - cap;
        memmove(c->tail, c->tail + drop, c->tail_len - drop);
        c->tail_len -= drop;
    }
    memcpy(c->tail + c->tail_len, s, n);
    c->tail_len += n;
}

/* Read what the child's stdout (into `out`) or, `out` NULL, its stderr (into its
 * tail) has now: 1 some, 0 end of file, -1 nothing yet or an error. */
static int drain(bg_child *c, bg_buf *out) {
    char chunk[65536];
    ssize_t r = read(out ? c->out : c->err, chunk, sizeof chunk);
    if (r > 0) {
        if (out)
            bg_buf_add(out, chunk, (size_t)r);
        else
            keep_tail(c, chunk, (size_t)r);
        return 1;
    }
    return r == 0 ? 0 : -1;
}

int bg_child_talk(bg_child *c, const char *data, size_t n, bg_buf *out, int (*whole)(const bg_buf *),
                  long long deadline) {
    size_t sent = 0;
    for (;;) {
        int w = whole(out);
        if (w != 0)
            return w > 0 ? 0 : 3;
        if (out->failed) {
            errno = ENOMEM;
            return -1;
        }
        long long left = deadline - bg_now_ms();
        if (left <= 0)
            return 1;
        struct pollfd fds[3] = {{c->out, POLLIN, 0}, {c->err, c->err >= 0 ? POLLIN : 0, 0}, {-1, POLLOUT, 0}};
        if (sent < n)
            fds[2].fd = c->in;
        int r = poll(fds, 3, left > 1000000 ? 1000000 : (int)left);
        if (r < 0 && errno != EINTR)
            return -1;
        if (r <= 0)
            continue;
        if (fds[2].revents & (POLLOUT | POLLERR | POLLHUP)) {
            ssize_t s = send(c->in, data + sent, n - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (s > 0)
                sent += (size_t)s;
            else if (s < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
                sent = n; /* it stopped reading: its stdout will say why, or close */
        }
        if (fds[1].revents && drain(c, NULL) == 0)
            close_fd(&c->err);
        if (fds[0].revents && drain(c, out) == 0)
            return whole(out) > 0 ? 0 : 2;
    }
}

void bg_child_kill(bg_child *c, int *status) {
    int st = 0;
    if (c->pid > 0) {
        kill(c->pid, SIGKILL);
        while (waitpid(c->pid, &st, 0) < 0 && errno == EINTR)
            ;
    }
    if (status)
        *status = st;
    c->pid = 0;
    close_fd(&c->in), close_fd(&c->out), close_fd(&c->err);
}

int bg_child_finish(bg_child *c, int grace_ms) {
    if (c->pid <= 0)
        return -1;
    close_fd(&c->in);
    long long deadline = bg_now_ms() + grace_ms;
    int st = 0;
    for (;;) {
        pid_t r = waitpid(c->pid, &st, WNOHANG);
        if (r == c->pid || (r < 0 && errno != EINTR)) {
            c->pid = 0;
            close_fd(&c->out), close_fd(&c->err);
            return st;
        }
        if (bg_now_ms() >= deadline)
            break;
        /* Keep its pipes empty meanwhile, so a last word cannot block its exit. */
        char sink[4096];
        if (c->out >= 0 && read(c->out, sink, sizeof sink) == 0)
            close_fd(&c->out);
        if (c->err >= 0) {
            ssize_t k = read(c->err, sink, sizeof sink);
            if (k > 0)
                keep_tail(c, sink, (size_t)k);
            else if (k == 0)
                close_fd(&c->err);
        }
        struct timespec ms5 = {0, 5000000};
        nanosleep(&ms5, NULL);
    }
    bg_child_kill(c, &st);
    return st;
}

const char *bg_child_status_words(int status, char *buf, size_t size) {
    if (WIFEXITED(status))
        snprintf(buf, size, "exited with status %d", WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        snprintf(buf, size, "was killed by signal %d%s", WTERMSIG(status),
                 WTERMSIG(status) == SIGKILL   ? " (SIGKILL)"
                 : WTERMSIG(status) == SIGSEGV ? " (SIGSEGV)"
                 : WTERMSIG(status) == SIGABRT ? " (SIGABRT)"
                                               : "");
    else
        snprintf(buf, size, "stopped (status %d)", status);
    return buf;
}

const char *bg_child_said(const bg_child *c, char *buf, size_t size) {
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < c->tail_len && k + 1 < size; i++) {
        unsigned char ch = (unsigned char)c->tail[i];
        if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
            space = k > 0;
            continue;
        }
        if (space && k + 2 < size)
            buf[k++] = ' ';
        space = 0;
        buf[k++] = (char)ch;
    }
    buf[k] = '\0';
    return buf;
}
