/* typst_node — the PDF engine's default route: one Node.js worker process
 * (typst-worker.js, whose opening comment has the protocol) per engine, started on
 * the first compile and fed one document after another.
 */
#include "typst_impl.h"

#include "diag.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

/* A diagnostic line longer than this means the stream is garbled. */
#define MAX_LINE (1 << 20)

/* The line starting at `*at` of s[0..len): its length (without the newline), and
 * *at moved past it; -2 when it has not all arrived; -1 when it is too long. */
static long next_line(const char *s, size_t len, size_t *at) {
    const char *nl = *at < len ? memchr(s + *at, '\n', len - *at) : NULL;
    if (!nl)
        return len - *at > MAX_LINE ? -1 : -2;
    long n = (long)(nl - (s + *at));
    *at += (size_t)n + 1;
    return n;
}

/* "WORD N" at `line` (n bytes): N, or -1 when the line is not that. */
static long long counted(const char *line, long n, const char *word) {
    size_t w = strlen(word);
    if ((size_t)n <= w + 1 || memcmp(line, word, w) != 0 || line[w] != ' ' || n - (long)w - 1 > 15)
        return -1;
    long long v = 0;
    for (long i = (long)w + 1; i < n; i++) {
        if (line[i] < '0' || line[i] > '9')
            return -1;
        v = v * 10 + (line[i] - '0');
    }
    return v;
}

/* One "LINE\tCOLUMN\tSEVERITY\tMESSAGE" into `d` (when not NULL); 0, or -1. */
static int diag_line(const char *s, long n, bg_typst_diags *d) {
    char *end;
    long line = strtol(s, &end, 10);
    if (end == s || *end != '\t')
        return -1;
    const char *p = end + 1;
    long col = strtol(p, &end, 10);
    if (end == p || *end != '\t')
        return -1;
    p = end + 1;
    const char *tab = memchr(p, '\t', (size_t)(s + n - p));
    if (!tab)
        return -1;
    int warning = (size_t)(tab - p) == 7 && memcmp(p, "warning", 7) == 0;
    if (d)
        bg_typst_diags_add(d, line, col, warning, tab + 1, (size_t)(s + n - tab - 1));
    return 0;
}

/* The `k` diagnostic lines from s[*at..len) into `d`: 1 when all are there, 0 when
 * more is to come, -1 when garbled. */
static int diag_lines(const char *s, size_t len, size_t *at, long long k, bg_typst_diags *d) {
    for (long long i = 0; i < k; i++) {
        size_t from = *at;
        long m = next_line(s, len, at);
        if (m < 0)
            return m == -2 ? 0 : -1;
        if (diag_line(s + from, m, d) != 0)
            return -1;
    }
    return 1;
}

/* Read the response in s[0..len): 1 when whole (*pdf_at and *pdf_len set for a PDF,
 * else *pdf_len is (size_t)-1; diagnostics into `d` when not NULL), 0 when more is
 * to come, -1 when garbled. */
static int parse_response(const char *s, size_t len, bg_typst_diags *d, size_t *pdf_at, size_t *pdf_len) {
    size_t at = 0;
    long n = next_line(s, len, &at);
    if (n < 0)
        return n == -2 ? 0 : -1;
    const char *line = s;
    long long k = counted(line, n, "warn");
    int rc;
    if (k >= 0) {
        if ((rc = diag_lines(s, len, &at, k, d)) != 1)
            return rc;
        line = s + at;
        n = next_line(s, len, &at);
        if (n < 0)
            return n == -2 ? 0 : -1;
    }
    if ((k = counted(line, n, "pdf")) >= 0) {
        if (len - at < (size_t)k)
            return 0;
        *pdf_at = at, *pdf_len = (size_t)k;
        return 1;
    }
    if ((k = counted(line, n, "error")) < 0)
        return -1;
    if ((rc = diag_lines(s, len, &at, k, d)) != 1)
        return rc;
    *pdf_len = (size_t)-1;
    return 1;
}

static int response_whole(const bg_buf *b) {
    size_t at, n;
    return parse_response(b->s ? b->s : "", b->len, NULL, &at, &n);
}

static int line_whole(const bg_buf *b) { return b->len && memchr(b->s, '\n', b->len) ? 1 : 0; }

/* Why the worker failed to answer (bg_child_talk's `rc`), said; it is killed and
 * reaped here, so the next compile starts a new one. */
static void worker_failed(bg_typst *t, const char *brief_path, int rc, const char *doing) {
    char said[600], words[80];
    int status = 0;
    int errno_was = errno;
    bg_child_said(&t->child, said, sizeof said);
    bg_child_kill(&t->child, &status);
    const char *then = "; the next PDF starts a new worker";
    if (rc == 1)
        bg_typst_fail(brief_path,
                      "Typst took more than %d s %s (BRIEFGEN_TYPST_TIMEOUT=SECONDS sets the limit), and its worker "
                      "was stopped%s",
                      t->timeout, doing, then);
    else if (rc == 2)
        bg_typst_fail(brief_path, "the Typst worker %s %s%s%s%s", bg_child_status_words(status, words, sizeof words),
                      doing, *said ? ": " : "", said, then);
    else if (rc == 3)
        bg_typst_fail(brief_path, "the Typst worker answered something unexpected %s%s", doing, then);
    else
        bg_typst_fail(brief_path, "talking to the Typst worker failed %s: %s%s", doing, strerror(errno_was), then);
}

int bg_typst_node_spawn(bg_typst *t) {
    char *argv[] = {t->node, t->worker, t->module, t->fonts, NULL};
    if (bg_child_spawn(&t->child, argv, BG_CHILD_STDIN) != 0)
        return -1;
    t->starting = 1;
    return 0;
}

/* Start the worker (unless bg_typst_warm did) and wait for its "ready" line.  0,
 * or -1 reported. */
static int start_worker(bg_typst *t, const char *brief_path) {
    if (!t->starting && bg_typst_node_spawn(t) != 0) {
        bg_typst_fail(brief_path, "cannot start Node.js (%s): %s; %s", t->node, strerror(errno), BG_TYPST_INSTALL_HINT);
        return -1;
    }
    t->starting = 0;
    bg_buf hello = {0};
    int rc = bg_child_talk(&t->child, NULL, 0, &hello, line_whole, bg_now_ms() + (long long)t->timeout * 1000);
    if (rc != 0) {
        bg_buf_free(&hello);
        worker_failed(t, brief_path, rc, "while starting");
        return -1;
    }
    size_t n = (size_t)((char *)memchr(hello.s, '\n', hello.len) - hello.s);
    if (n > 6 && memcmp(hello.s, "ready ", 6) == 0) {
        bg_buf_free(&hello);
        return 0;
    }
    int failed = n > 5 && memcmp(hello.s, "fail ", 5) == 0;
    bg_typst_fail(brief_path, "the Typst worker cannot start: %.*s; %s", (int)(failed ? n - 5 : n),
                  hello.s + (failed ? 5 : 0), BG_TYPST_INSTALL_HINT);
    bg_buf_free(&hello);
    bg_child_kill(&t->child, NULL);
    return -1;
}

/* A worker that exited since the last compile (it does after a request it could
 * not read) is reaped, and a new one will be started. */
static void reap_if_gone(bg_typst *t) {
    int st;
    if (t->child.pid > 0 && waitpid(t->child.pid, &st, WNOHANG) == t->child.pid) {
        t->child.pid = 0;
        bg_child_kill(&t->child, NULL);
    }
}

static void add_request(bg_buf *req, const char *source, size_t len, const bg_typst_file *files, size_t nfiles,
                        long long timestamp) {
    bg_buf_printf(req, "compile %zu %zu %lld\n", len, nfiles, timestamp);
    bg_buf_add(req, source, len);
    for (size_t i = 0; i < nfiles; i++) {
        bg_buf_printf(req, "file %zu %zu\n", strlen(files[i].name), files[i].len);
        bg_buf_puts(req, files[i].name);
        bg_buf_add(req, files[i].data, files[i].len);
    }
}

int bg_typst_node_compile(bg_typst *t, const char *brief_path, const char *typ_name, const char *source, size_t len,
                          const bg_typst_file *files, size_t nfiles, long long timestamp, char **pdf, size_t *pdflen) {
    if (!t->starting)
        reap_if_gone(t); /* (a worker still starting has said nothing yet: its death is read below) */
    if ((t->child.pid <= 0 || t->starting) && start_worker(t, brief_path) != 0)
        return -1;
    bg_buf req = {0}, resp = {0};
    add_request(&req, source, len, files, nfiles, timestamp);
    if (req.failed) {
        bg_buf_free(&req);
        bg_typst_fail(brief_path, "out of memory");
        return -1;
    }
    int rc =
        bg_child_talk(&t->child, req.s, req.len, &resp, response_whole, bg_now_ms() + (long long)t->timeout * 1000);
    bg_buf_free(&req);
    if (rc != 0) {
        bg_buf_free(&resp);
        worker_failed(t, brief_path, rc, "while making this PDF");
        return -1;
    }
    bg_typst_diags d = {0};
    size_t at = 0, n = 0;
    parse_response(resp.s, resp.len, &d, &at, &n);
    int errors = bg_typst_report(brief_path, typ_name, source, len, &d);
    bg_typst_diags_clear(&d);
    if (n == (size_t)-1) {
        if (errors == 0)
            bg_typst_fail(brief_path, "Typst failed without saying why (%s)", typ_name ? typ_name : "");
        bg_buf_free(&resp);
        return -1;
    }
    *pdf = malloc(n ? n : 1);
    if (!*pdf) {
        bg_buf_free(&resp);
        bg_typst_fail(brief_path, "out of memory");
        return -1;
    }
    memcpy(*pdf, resp.s + at, n);
    *pdflen = n;
    bg_buf_free(&resp);
    return 0;
}
