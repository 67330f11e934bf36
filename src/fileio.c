/* fileio — see fileio.h. */
#include "fileio.h"

#include "diag.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *bg_file_kind(mode_t m) {
    return S_ISDIR(m)                 ? " (it is a directory)"
           : S_ISFIFO(m)              ? " (it is a pipe)"
           : S_ISCHR(m) || S_ISBLK(m) ? " (it is a device)"
           : S_ISSOCK(m)              ? " (it is a socket)"
                                      : "";
}

const char *bg_file_problem(bg_file_status st, mode_t mode, char *buf, size_t size) {
    switch (st) {
    case BG_FILE_CANNOT_OPEN:
        snprintf(buf, size, "cannot open: %s", strerror(errno));
        break;
    case BG_FILE_NOT_REGULAR:
        snprintf(buf, size, "not a regular file%s", bg_file_kind(mode));
        break;
    case BG_FILE_CANNOT_READ:
        snprintf(buf, size, "cannot read: %s", strerror(errno));
        break;
    case BG_FILE_OK:
    case BG_FILE_TOO_LARGE:
        snprintf(buf, size, "%s", st == BG_FILE_OK ? "read" : "too large");
        break;
    }
    return buf;
}

bg_file_status bg_file_read(const char *path, size_t max, char **data, size_t *len, mode_t *mode) {
    *data = NULL;
    *len = 0;
    /* O_NONBLOCK: opening a pipe must not wait for a writer; a regular file
     * ignores it. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return BG_FILE_CANNOT_OPEN;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return BG_FILE_CANNOT_OPEN;
    }
    if (mode)
        *mode = st.st_mode;
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return BG_FILE_NOT_REGULAR;
    }
    if ((unsigned long long)st.st_size > max) {
        close(fd);
        *len = (size_t)st.st_size;
        return BG_FILE_TOO_LARGE;
    }
    size_t size = (size_t)st.st_size, done = 0;
    char *buf = malloc(size + 1);
    if (!buf) {
        close(fd);
        errno = ENOMEM;
        return BG_FILE_CANNOT_READ;
    }
    /* Read what fstat promised; a file that shrinks meanwhile ends early. */
    while (done < size) {
        ssize_t r = read(fd, buf + done, size - done);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int saved = errno;
            free(buf);
            close(fd);
            errno = saved;
            return BG_FILE_CANNOT_READ;
        }
        if (r == 0)
            break;
        done += (size_t)r;
    }
    close(fd);
    buf[done] = '\0';
    *data = buf;
    *len = done;
    return BG_FILE_OK;
}

/* ---- writing --------------------------------------------------------------------- */

static int make_dirs(const char *dir) {
    char buf[PATH_MAX];
    snprintf(buf, sizeof buf, "%s", dir);
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(buf, 0777) != 0 && errno != EEXIST)
                return -1;
            *p = '/';
        }
    }
    return mkdir(buf, 0777) != 0 && errno != EEXIST ? -1 : 0;
}

/* The first leading part of `dir` that exists and is not a folder, into `buf`. */
static int file_in_the_way(const char *dir, char *buf, size_t size) {
    snprintf(buf, size, "%s", dir);
    for (char *p = buf + 1;; p++) {
        char c = *p;
        if (c == '/' || c == '\0') {
            *p = '\0';
            struct stat st;
            if (stat(buf, &st) == 0 && !S_ISDIR(st.st_mode))
                return 1;
            *p = c;
        }
        if (!c)
            return 0;
    }
}

/* The umask, read once.  POSIX has no call that only reads it: umask(0) sets it, so
 * for an instant the process has none.  pthread_once makes that instant happen once,
 * before any thread of ours gets past it to make a folder or a file. */
static mode_t process_umask;
static pthread_once_t umask_once = PTHREAD_ONCE_INIT;

static void read_umask(void) {
    process_umask = umask(0);
    umask(process_umask);
}

int bg_temp_open(const char *stem, char *buf, size_t size) {
    size_t n = strlen(stem);
    if (n + 7 > size) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(buf, stem, n);
    memset(buf + n, 'X', 6); /* the six characters mkstemp() replaces */
    buf[n + 6] = '\0';
    return mkstemp(buf);
}

int bg_write_atomic(const char *path, const char *data, size_t len) {
    pthread_once(&umask_once, read_umask);
    char dir[PATH_MAX], tmp[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash) {
        *slash = '\0';
        if (dir[0] && make_dirs(dir) != 0) {
            int saved = errno;
            char in_way[PATH_MAX];
            if (saved == ENOTDIR && file_in_the_way(dir, in_way, sizeof in_way))
                bg_error(dir, 0, "cannot create the output folder: %s is a file, not a folder", in_way);
            else
                bg_error(dir, 0, "cannot create the output folder: %s", strerror(saved));
            return -1;
        }
        *slash = '/';
        slash[1] = '\0';
    } else {
        dir[0] = '\0';
    }
    const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    /* The temporary file: ".NAME." and the six characters mkstemp() picks. */
    char stem[PATH_MAX];
    int n = snprintf(stem, sizeof stem, "%s.%s.", dir, name);
    int fd = n > 0 && n < (int)sizeof stem ? bg_temp_open(stem, tmp, sizeof tmp) : (errno = ENAMETOOLONG, -1);
    if (fd < 0) {
        bg_error(path, 0, "cannot write: %s", strerror(errno));
        return -1;
    }
    /* mkstemp makes the file 0600; an output is an ordinary file the umask shapes. */
    int rc = fchmod(fd, 0666 & ~process_umask);
    size_t done = 0;
    while (rc == 0 && done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            rc = -1;
            break;
        }
        done += (size_t)w;
    }
    if (rc == 0)
        rc = fsync(fd);
    int saved = errno;
    if (close(fd) != 0 && rc == 0) {
        rc = -1;
        saved = errno;
    }
    if (rc == 0 && rename(tmp, path) != 0) {
        rc = -1;
        saved = errno;
    }
    if (rc != 0) {
        unlink(tmp);
        bg_error(path, 0, "cannot write: %s", strerror(saved));
        return -1;
    }
    return 0;
}
