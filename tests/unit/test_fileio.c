/* test_fileio — reading whole files and writing them atomically (fileio.h).
 *
 *     build/test_fileio
 *
 * Works in a fresh folder under $TMPDIR (or /tmp), removed at the end.  Prints one
 * line per failed check and then "N passed, N failed"; exits 1 if any failed.
 */
#include "diag.h"
#include "fileio.h"
#include "unit.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

static char top[256];

/* `name` inside the test folder, in a static buffer of `slot` (two may be in use). */
static const char *at(int slot, const char *name) {
    static char buf[2][512];
    snprintf(buf[slot], sizeof buf[slot], "%s/%s", top, name);
    return buf[slot];
}

static void put(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* The number `cmd` (a shell pipeline ending in `wc -l`) prints, or -1. */
static int count_of(const char *cmd) {
    FILE *p = popen(cmd, "r");
    int n = -1;
    if (p) {
        if (fscanf(p, "%d", &n) != 1)
            n = -1;
        pclose(p);
    }
    return n;
}

/* Files in `dir` whose name starts with '.', other than "." and "..": the
 * temporary files of bg_write_atomic are ".NAME.XXXXXX". */
static int hidden_files(const char *dir) {
    char cmd[600];
    snprintf(cmd, sizeof cmd, "find '%s' -name '.*' ! -name . ! -name .. | wc -l", dir);
    return count_of(cmd);
}

/* Every output file in `dir` has mode `file` and every folder `folder`: count those
 * that do not. */
static int wrong_modes(const char *dir, mode_t file, mode_t folder) {
    char cmd[700];
    snprintf(cmd, sizeof cmd, "find '%s' \\( -type f ! -perm %o \\) -o \\( -type d ! -perm %o \\) | wc -l", dir,
             (unsigned)file, (unsigned)folder);
    return count_of(cmd);
}

static void test_read(void) {
    put(at(0, "hello.txt"), "hello");
    char *data = NULL;
    size_t len = 0;
    mode_t mode = 0;
    bg_file_status st = bg_file_read(at(0, "hello.txt"), 100, &data, &len, &mode);
    check_int("a regular file is read whole", st, BG_FILE_OK);
    check("what is read ends with a NUL after its bytes", data && len == 5 && data[5] == '\0');
    check_mem("what is read is the file's bytes", data, len, "hello", 5);

    data = (char *)"untouched";
    st = bg_file_read(at(0, "missing.txt"), 100, &data, &len, NULL);
    check_int("a missing file cannot be opened", st, BG_FILE_CANNOT_OPEN);
    check("errno says why a file cannot be opened", errno == ENOENT);
    check("on failure *data is NULL", data == NULL);

    st = bg_file_read(top, 100, &data, &len, &mode);
    check_int("a folder is not a regular file", st, BG_FILE_NOT_REGULAR);
    check_str("the words for a folder say what it is", strdup(bg_file_kind(mode)), " (it is a directory)");

    st = bg_file_read(at(0, "hello.txt"), 4, &data, &len, NULL);
    check_int("a file over the caller's limit is too large", st, BG_FILE_TOO_LARGE);
    check_int("a file too large says its size", (long)len, 5);

    if (mkfifo(at(0, "pipe"), 0600) == 0) {
        st = bg_file_read(at(0, "pipe"), 100, &data, &len, &mode);
        check_int("a pipe is refused at once, without waiting for a writer", st, BG_FILE_NOT_REGULAR);
        check_str("the words for a pipe say what it is", strdup(bg_file_kind(mode)), " (it is a pipe)");
    } else {
        unit_fail("mkfifo", "cannot make a pipe to test with: %s", strerror(errno));
    }
}

static void test_write(void) {
    const char *path = at(0, "out/deep/er/brief.uk.html");
    check_int("a write into folders that do not exist yet makes them", bg_write_atomic(path, "one", 3), 0);
    char *data = NULL;
    size_t len = 0;
    bg_file_read(path, 100, &data, &len, NULL);
    check_mem("the file written holds the bytes given", data, len, "one", 3);

    check_int("a second write replaces the file", bg_write_atomic(path, "second", 6), 0);
    bg_file_read(path, 100, &data, &len, NULL);
    check_mem("after a replacement the file holds only the new bytes", data, len, "second", 6);
    check_int("no temporary file is left beside an output", hidden_files(at(1, "out")), 0);
    check_int("an output and the folders made for it are shaped by the umask (027: 0640, 0750)",
              wrong_modes(at(1, "out"), 0640, 0750), 0);

    check_int("an empty output is a file of no bytes", bg_write_atomic(at(0, "empty.txt"), "", 0), 0);
    data = NULL;
    bg_file_read(at(0, "empty.txt"), 10, &data, &len, NULL);
    check_mem("the empty output exists and holds nothing", data, len, "", 0);

    /* A file where a folder should be: the write fails, says which file is in the
     * way, and leaves nothing behind. */
    put(at(0, "in-the-way"), "x");
    bg_diag_capture said;
    bg_diag_capture_begin(&said);
    int rc = bg_write_atomic(at(0, "in-the-way/sub/out.html"), "x", 1);
    bg_diag_capture_end();
    check_int("a write under a file (not a folder) fails", rc, -1);
    check("the failure names the file in the way",
          said.text && strstr(said.text, at(1, "in-the-way")) && strstr(said.text, "is a file, not a folder"));
    check_int("the failure is said once, as one error", said.errors, 1);
    bg_diag_capture_free(&said);
}

/* ---- the umask, from many threads at once ------------------------------------------- */

typedef struct writer {
    int id;
    int failures;
} writer;

static void *write_many(void *arg) {
    writer *w = arg;
    for (int i = 0; i < 25; i++) {
        char path[600];
        snprintf(path, sizeof path, "%s/threads/t%d/f%d/out.html", top, w->id, i);
        if (bg_write_atomic(path, "x", 1) != 0)
            w->failures++;
    }
    return NULL;
}

/* main() set the umask to 027 before the first write: bg_write_atomic reads it once. */
static void test_umask_threads(void) {
    enum { N = 8 };
    pthread_t t[N];
    writer w[N];
    for (int i = 0; i < N; i++) {
        w[i] = (writer){i, 0};
        pthread_create(&t[i], NULL, write_many, &w[i]);
    }
    int failures = 0;
    for (int i = 0; i < N; i++) {
        pthread_join(t[i], NULL);
        failures += w[i].failures;
    }
    mode_t after = umask(027);
    check_int("8 threads writing at once all succeed", failures, 0);
    check_int("writing from threads leaves the process's umask as it was", (long)after, 027);
    check_int("every file and folder written from threads is shaped by the umask (0640, 0750)",
              wrong_modes(at(0, "threads"), 0640, 0750), 0);
}

static void test_temp(void) {
    char stem[PATH_MAX], name[PATH_MAX], again[PATH_MAX];
    snprintf(stem, sizeof stem, "%s/t.", top);
    int fd = bg_temp_open(stem, name, sizeof name), fd2 = bg_temp_open(stem, again, sizeof again);
    struct stat st;
    check("bg_temp_open makes a new file named the stem and six more characters",
          fd >= 0 && strncmp(name, stem, strlen(stem)) == 0 && strlen(name) == strlen(stem) + 6 &&
              fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0600);
    check("two calls make two files", fd2 >= 0 && strcmp(name, again) != 0);
    if (fd >= 0)
        close(fd), unlink(name);
    if (fd2 >= 0)
        close(fd2), unlink(again);
    errno = 0;
    check("a name that does not fit: -1 and ENAMETOOLONG",
          bg_temp_open(stem, name, strlen(stem) + 6) == -1 && errno == ENAMETOOLONG);
}

int main(void) {
    const char *tmp = getenv("TMPDIR");
    snprintf(top, sizeof top, "%s/test_fileio.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(top)) {
        printf("FAIL setup: cannot make a test folder: %s\n0 passed, 1 failed\n", strerror(errno));
        return 1;
    }
    umask(027);
    test_read();
    test_write();
    test_temp();
    test_umask_threads();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
    if (system(cmd) != 0)
        printf("note: could not remove %s\n", top);
    return unit_end();
}
