/* typst_cli — the PDF engine through an official Typst CLI ($BRIEFGEN_TYPST, 0.13 or
 * later): each document in a private temporary folder, `typst compile` run there
 * within the time limit, its short diagnostics read back, the folder removed.
 *
 * Not run here against a real Typst 0.14 CLI (none could be installed on the
 * machine it was written on); its version check, diagnostics and time limit are
 * tested with stand-in scripts (tests/unit/test_typst.c).
 */
#include "typst_impl.h"

#include "diag.h"
#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Never whole: read until the process closes its output. */
static int until_closed(const bg_buf *b) {
    (void)b;
    return 0;
}

/* Run `argv` with stdin /dev/null, its stdout and stderr together into `out`, for
 * at most `seconds`.  0 with *status (waitpid's) when it ended in time, 1 when it
 * was killed for taking too long, -1 when it could not start (errno). */
static int run(bg_child *c, char *const argv[], int seconds, bg_buf *out, int *status) {
    if (bg_child_spawn(c, argv, BG_CHILD_MERGE) != 0)
        return -1;
    long long deadline = bg_now_ms() + (long long)seconds * 1000;
    int rc = bg_child_talk(c, NULL, 0, out, until_closed, deadline);
    if (rc == 1) {
        bg_child_kill(c, status);
        return 1;
    }
    long long left = deadline - bg_now_ms();
    *status = bg_child_finish(c, left > 0 ? (int)left : 0);
    return 0;
}

/* Refuse the CLI with `why` (kept for every compile after). */
static int refuse(bg_typst *t, const char *why) {
    char msg[1024];
    snprintf(msg, sizeof msg, "BRIEFGEN_TYPST=%s %s", t->cli, why);
    t->cli_refusal = strdup(msg);
    return -1;
}

int bg_typst_cli_version(bg_typst *t) {
    if (t->cli_asked)
        return t->cli_version ? 0 : -1;
    t->cli_asked = 1;
    char why[512];
    if (access(t->cli, X_OK) != 0) {
        snprintf(why, sizeof why, "is not an executable file (%s)", strerror(errno));
        return refuse(t, why);
    }
    char *argv[] = {t->cli, "--version", NULL};
    bg_child c = {0};
    bg_buf out = {0};
    int status = 0, rc = run(&c, argv, 10, &out, &status);
    const char *text = out.s ? out.s : "";
    int major = -1, minor = -1;
    char version[64] = "";
    const char *v = strstr(text, "typst ");
    if (rc == 0 && status == 0 && v && sscanf(v + 6, "%63[0-9A-Za-z.+-]", version) == 1)
        sscanf(version, "%d.%d", &major, &minor);
    bg_buf_free(&out);
    if (major < 0 || minor < 0)
        return refuse(t, rc == 1 ? "did not say its version within 10 s (typst --version)"
                                 : "did not say its version as Typst does (typst --version)");
    if (major == 0 && minor < 13) {
        snprintf(why, sizeof why,
                 "is Typst %s, and briefgen needs Typst 0.13 or later (its PDF/UA-1 export); install a newer one, or "
                 "unset BRIEFGEN_TYPST to use the engine scripts/install-deps --build-only installs",
                 version);
        return refuse(t, why);
    }
    t->cli_version = strdup(version);
    return t->cli_version ? 0 : -1;
}

/* Write `n` bytes to DIR/name, a new file.  0, or -1 (errno). */
static int put(const char *dir, const char *name, const char *data, size_t n) {
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    while (n > 0) {
        ssize_t w = write(fd, data, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int e = errno;
            close(fd);
            errno = e ? e : EIO;
            return -1;
        }
        data += w, n -= (size_t)w;
    }
    return close(fd);
}

/* Remove the temporary folder and everything in it (it holds only files). */
static void remove_folder(const char *dir) {
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[4096];
    while (d && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) < sizeof path)
            unlink(path);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

/* One line of `typst compile --diagnostic-format short`: "PATH:LINE:COL: error:
 * MESSAGE" (or warning), "error: MESSAGE" without a place, or "hint: …", which
 * belongs to the diagnostic before it. */
static void short_line(const char *line, size_t n, bg_typst_diags *d) {
    char *s = strndup(line, n);
    if (!s)
        return;
    char *sev = strstr(s, ": error: ");
    int warning = 0;
    if (!sev && (sev = strstr(s, ": warning: ")) != NULL)
        warning = 1;
    if (sev) {
        *sev = '\0';
        const char *msg = sev + (warning ? 11 : 9);
        long ln = 0, col = 0;
        char *c2 = strrchr(s, ':');
        if (c2) {
            *c2 = '\0';
            char *c1 = strrchr(s, ':');
            if (c1) {
                col = atol(c2 + 1), ln = atol(c1 + 1);
                *c1 = '\0';
            }
        }
        size_t fl = strlen(s);
        int main_file = fl >= 8 && strcmp(s + fl - 8, "main.typ") == 0;
        char other[1024];
        snprintf(other, sizeof other, "%s (in %s)", msg, s);
        const char *text = main_file ? msg : other;
        bg_typst_diags_add(d, main_file ? ln : 0, main_file ? col : 0, warning, text, strlen(text));
    } else if (!strncmp(s, "error: ", 7) || !strncmp(s, "warning: ", 9)) {
        int w = s[0] == 'w';
        bg_typst_diags_add(d, 0, 0, w, s + (w ? 9 : 7), strlen(s + (w ? 9 : 7)));
    } else if (!strncmp(s, "hint: ", 6) && d->n > 0) {
        bg_typst_diag *g = &d->v[d->n - 1];
        size_t a = strlen(g->message), b = strlen(s);
        char *m = realloc(g->message, a + b + 4);
        if (m) {
            snprintf(m + a, b + 4, " (%s)", s);
            g->message = m;
        }
    }
    free(s);
}

static void read_diagnostics(const char *text, size_t len, bg_typst_diags *d) {
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        short_line(p, (size_t)(eol - p), d);
        p = eol + 1;
    }
}

/* Write the source and files into `dir`.  0, or -1 reported. */
static int lay_out(const char *dir, const char *brief_path, const char *source, size_t len, const bg_typst_file *files,
                   size_t nfiles) {
    if (put(dir, "main.typ", source, len) != 0) {
        bg_typst_fail(brief_path, "cannot write %s/main.typ: %s", dir, strerror(errno));
        return -1;
    }
    for (size_t i = 0; i < nfiles; i++) {
        if (strcmp(files[i].name, "main.typ") == 0 || strcmp(files[i].name, "out.pdf") == 0 ||
            put(dir, files[i].name, files[i].data, files[i].len) != 0) {
            bg_typst_fail(brief_path, "cannot write %s/%s: %s", dir, files[i].name,
                          errno ? strerror(errno) : "a name the engine keeps for itself");
            return -1;
        }
    }
    return 0;
}

/* Run the CLI on DIR/main.typ, read what it said and the PDF.  0, or -1 reported. */
static int run_compile(bg_typst *t, const char *dir, const char *brief_path, const char *typ_name, const char *source,
                       size_t len, long long timestamp, char **pdf, size_t *pdflen) {
    char main_typ[4096], out_pdf[4096], ts[32];
    snprintf(main_typ, sizeof main_typ, "%s/main.typ", dir);
    snprintf(out_pdf, sizeof out_pdf, "%s/out.pdf", dir);
    snprintf(ts, sizeof ts, "%lld", timestamp);
    char *argv[] = {t->cli,
                    "compile",
                    "--root",
                    (char *)dir,
                    "--font-path",
                    t->fonts,
                    "--ignore-system-fonts",
                    "--pdf-standard",
                    "ua-1",
                    "--creation-timestamp",
                    ts,
                    "--diagnostic-format",
                    "short",
                    main_typ,
                    out_pdf,
                    NULL};
    bg_child c = {0};
    bg_buf said = {0};
    int status = 0, rc = run(&c, argv, t->timeout, &said, &status);
    if (rc != 0) {
        if (rc == 1)
            bg_typst_fail(brief_path, "Typst took more than %d s (BRIEFGEN_TYPST_TIMEOUT=SECONDS sets the limit)",
                          t->timeout);
        else
            bg_typst_fail(brief_path, "cannot run %s: %s", t->cli, strerror(errno));
        bg_buf_free(&said);
        return -1;
    }
    bg_typst_diags d = {0};
    read_diagnostics(said.s ? said.s : "", said.len, &d);
    int errors = bg_typst_report(brief_path, typ_name, source, len, &d);
    bg_typst_diags_clear(&d);
    int ok = status == 0 && errors == 0;
    if (ok && bg_file_read(out_pdf, (size_t)1 << 30, pdf, pdflen, NULL) != BG_FILE_OK) {
        bg_typst_fail(brief_path, "%s said nothing wrong, but wrote no PDF (%s)", t->cli, strerror(errno));
        ok = 0;
    } else if (!ok && errors == 0) {
        char words[80], tail[600];
        snprintf(tail, sizeof tail, "%s", said.s ? said.s : "");
        for (char *p = tail; *p; p++)
            if (*p == '\n' || *p == '\t')
                *p = ' ';
        bg_typst_fail(brief_path, "%s %s%s%s", t->cli, bg_child_status_words(status, words, sizeof words),
                      *tail ? ": " : "", tail);
    }
    bg_buf_free(&said);
    return ok ? 0 : -1;
}

int bg_typst_cli_compile(bg_typst *t, const char *brief_path, const char *typ_name, const char *source, size_t len,
                         const bg_typst_file *files, size_t nfiles, long long timestamp, char **pdf, size_t *pdflen) {
    if (bg_typst_cli_version(t) != 0) {
        bg_typst_fail(NULL, "%s", t->cli_refusal ? t->cli_refusal : "out of memory");
        return -1;
    }
    const char *tmp = getenv("TMPDIR");
    /* TMPDIR/briefgen-typst. and the six characters mkdtemp() replaces. */
    char dir[3000];
    int n = snprintf(dir, sizeof dir, "%s/briefgen-typst.", tmp && *tmp ? tmp : "/tmp");
    if (n < 0 || (size_t)n + 6 >= sizeof dir) {
        bg_typst_fail(brief_path, "TMPDIR is too long a path for Typst's temporary folder");
        return -1;
    }
    memset(dir + n, 'X', 6);
    dir[n + 6] = '\0';
    if (!mkdtemp(dir)) {
        bg_typst_fail(brief_path, "cannot make a temporary folder for Typst (%s): %s", dir, strerror(errno));
        return -1;
    }
    int rc = lay_out(dir, brief_path, source, len, files, nfiles);
    if (rc == 0)
        rc = run_compile(t, dir, brief_path, typ_name, source, len, timestamp, pdf, pdflen);
    remove_folder(dir);
    return rc;
}
