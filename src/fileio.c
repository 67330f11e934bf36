/* fileio — see fileio.h. */
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
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
