/* test_typst — the PDF engine (typst.h) with the real Typst worker: Node.js and the
 * npm module @myriaddreamin/typst-ts-node-compiler from node_modules, fonts from
 * fonts-paratype; no mock anywhere on that route.  The official-CLI route
 * (BRIEFGEN_TYPST) has no real Typst 0.13+ CLI to run here: stand-in scripts test
 * our side of it (the version check, the command line, the diagnostics, the time
 * limit, the temporary folder).
 *
 *     build/test_typst        (from the top of the repository, as tests/run runs it)
 *
 * Skips, with a "skip" line, when node or the npm module is missing (scripts/
 * install-deps installs both; CI and `make check` always have them).  Uses
 * poppler-utils (pdfinfo, pdffonts) and qpdf, from scripts/install-deps' test set.
 */
/* memmem */
#define _GNU_SOURCE
#include "diag.h"
#include "typst.h"
#include "typst_impl.h"
#include "unit.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MODULE_JSON "node_modules/@myriaddreamin/typst-ts-node-compiler/package.json"
#define SVG                                                                                                            \
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\">"                                            \
    "<rect width=\"40\" height=\"20\" fill=\"#c00\"/></svg>"
#define HEAD "#set document(title: \"Тест\")\n#set text(lang: \"uk\", font: \"PT Serif\")\n"

static char scratch[] = "/tmp/briefgen-test-typst.XXXXXX";

/* The result of one compile: its return, PDF and what diag said. */
typedef struct result {
    int rc;
    char *pdf;
    size_t len;
    char *said;
} result;

static result compile_files(bg_typst *t, const char *source, const bg_typst_file *files, size_t nfiles) {
    result r = {0};
    bg_diag_capture c;
    bg_diag_capture_begin(&c);
    r.rc = bg_typst_compile(t, "x.xml", "x.uk.typ", source, strlen(source), files, nfiles, 1700000000, &r.pdf, &r.len);
    bg_diag_capture_end();
    r.said = strdup(c.text ? c.text : "");
    bg_diag_capture_free(&c);
    return r;
}

static result compile(bg_typst *t, const char *source) {
    bg_typst_file svg = {"x.fig.svg", SVG, sizeof SVG - 1};
    return compile_files(t, source, &svg, 1);
}

static void result_free(result *r) {
    free(r->pdf);
    free(r->said);
}

static int has(const char *pdf, size_t len, const char *what) { return memmem(pdf, len, what, strlen(what)) != NULL; }

/* The output of `cmd` (a shell command line), malloc'd; "" when it printed nothing. */
static char *output_of(const char *cmd) {
    FILE *p = popen(cmd, "r");
    bg_buf b = {0};
    char chunk[4096];
    size_t n;
    while (p && (n = fread(chunk, 1, sizeof chunk, p)) > 0)
        bg_buf_add(&b, chunk, n);
    if (p)
        pclose(p);
    bg_buf_puts(&b, "");
    return bg_buf_take(&b);
}

static void write_file(const char *path, const char *text, mode_t mode) {
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    chmod(path, mode);
}

static int open_fds(void) {
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    while (d && readdir(d))
        n++;
    if (d)
        closedir(d);
    return n;
}

/* The PDF of a small tagged document: PDF/UA-1, every font embedded, the same bytes
 * twice, the figure given in memory. */
static void test_pdf(bg_typst *t) {
    const char *src = HEAD "= Заголовок\n// brief:7\nПривіт, світе: ґ Ґ є ї ʼ № «лапки».\n"
                           "#figure(image(\"x.fig.svg\", alt: \"red\"), caption: [Рисунок])\n";
    result a = compile(t, src), b = compile(t, src);
    check_int("a valid document compiles", a.rc, 0);
    check_str("and nothing is said", strdup(a.said), "");
    check("the PDF starts as a PDF", a.pdf && a.len > 1000 && memcmp(a.pdf, "%PDF-", 5) == 0);
    check("it is tagged: a structure tree and MarkInfo",
          a.pdf && has(a.pdf, a.len, "/StructTreeRoot") && has(a.pdf, a.len, "/MarkInfo"));
    check("the figure's alt text is in the structure (the SVG was found in memory)",
          a.pdf && has(a.pdf, a.len, "/Alt (red)"));
    check("PDF/UA-1 is declared (pdfuaid:part 1)", a.pdf && has(a.pdf, a.len, "<pdfuaid:part>1</pdfuaid:part>"));
    check("two compiles give the same bytes", a.pdf && b.pdf && a.len == b.len && !memcmp(a.pdf, b.pdf, a.len));

    char path[256];
    snprintf(path, sizeof path, "%s/a.pdf", scratch);
    FILE *f = fopen(path, "wb");
    if (f && a.pdf)
        fwrite(a.pdf, 1, a.len, f);
    if (f)
        fclose(f);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "pdfinfo %s 2>/dev/null", path);
    char *info = output_of(cmd);
    check_contains("pdfinfo: tagged", info, "Tagged:          yes");
    check_contains("pdfinfo: the title", info, "Title:           Тест");
    check_contains("pdfinfo: A4", info, "(A4)");
    check_contains("pdfinfo: the creation date is the timestamp given", info, "Nov 14 22:13:20 2023 UTC");
    free(info);
    snprintf(cmd, sizeof cmd, "pdffonts %s 2>/dev/null | tail -n +3 | awk '{print $(NF-4)}' | sort -u", path);
    check_str("pdffonts: every font embedded", output_of(cmd), "yes\n");
    snprintf(cmd, sizeof cmd, "pdffonts %s 2>/dev/null | grep -c 'PTSerif-Regular  *CID TrueType'", path);
    check_str("pdffonts: PT Serif, from the fonts folder", output_of(cmd), "1\n");
    snprintf(cmd, sizeof cmd, "qpdf --check %s >/dev/null 2>&1 && echo fine", path);
    check_str("qpdf finds the file's structure sound", output_of(cmd), "fine\n");
    result_free(&a), result_free(&b);

    result c = compile_files(t, src, NULL, 0);
    check_int("without the figure's file it fails", c.rc, -1);
    check_str("saying the file is missing, at the marker above the image", strdup(c.said),
              "x.xml:7: error: the PDF cannot be made: file not found (searched at /briefgen/x.fig.svg) (Typst, "
              "x.uk.typ:6:15)\n");
    result_free(&c);
}

/* Typst's errors and warnings, mapped to the brief's lines. */
static void test_messages(bg_typst *t) {
    result r = compile(t, HEAD "// brief:10\nText\n// brief:42\n#let x = (\n");
    check_int("a syntax error fails", r.rc, -1);
    check("no PDF then", r.pdf == NULL && r.len == 0);
    check_str("said at the brief's line of the marker above it, with the .typ place", strdup(r.said),
              "x.xml:42: error: the PDF cannot be made: unclosed delimiter (Typst, x.uk.typ:6:10)\n");
    result_free(&r);

    r = compile(t, HEAD "Привіт 😀 #nothing_here\n// brief:3\n");
    check_str("no marker above: said at the .typ line, the column in characters", strdup(r.said),
              "x.uk.typ:3: error: the PDF cannot be made: unknown variable: nothing_here (Typst, column 10)\n");
    result_free(&r);

    r = compile(t, HEAD "// brief:5\n#image(\"x.fig.svg\")\n");
    check_int("an image without alt text fails PDF/UA-1", r.rc, -1);
    check_str("said at the brief (this engine gives no position for export errors), with Typst's hint", strdup(r.said),
              "x.xml: error: the PDF cannot be made: PDF/UA-1 error: missing alt text (hint: make sure your images "
              "and equations have alt text) (Typst, x.uk.typ)\n");
    result_free(&r);

    r = compile(t, HEAD "// brief:8\n#text(font: \"No Such Font 1\")[x]\n");
    check_int("a warning does not stop the PDF", r.rc, 0);
    check("the PDF is made", r.pdf && memcmp(r.pdf, "%PDF-", 5) == 0);
    check_str("the warning is said at the marker's line", strdup(r.said),
              "x.xml:8: warning: the PDF: unknown font family: no such font 1 (Typst warning, x.uk.typ:4:13)\n");
    result_free(&r);

    r = compile(t, HEAD "// brief:8\n#text(font: \"No Such Font 2\")[x]\n#nope\n");
    check_str("with an error, the warnings are said too", strdup(r.said),
              "x.xml:8: warning: the PDF: unknown font family: no such font 2 (Typst warning, x.uk.typ:4:13)\n"
              "x.xml:8: error: the PDF cannot be made: unknown variable: nope (Typst, x.uk.typ:5:2)\n");
    result_free(&r);

    bg_typst_file bad = {"../x.svg", SVG, 3};
    r = compile_files(t, HEAD, &bad, 1);
    check_str("a file name that is not bare is refused", strdup(r.said),
              "x.xml: error: the PDF cannot be made: the file name \"../x.svg\" given to Typst is not a bare file "
              "name\n");
    result_free(&r);
}

struct killer {
    pid_t pid;
    int ms;
};

static void *kill_later(void *arg) {
    struct killer *k = arg;
    struct timespec ts = {k->ms / 1000, (long)(k->ms % 1000) * 1000000};
    nanosleep(&ts, NULL);
    kill(k->pid, SIGKILL);
    return NULL;
}

#define LONG_LOOP HEAD "#for i in range(20000) { for j in range(20000) { } }\n"

/* A worker over time, killed between documents or during one: each time the next
 * compile starts a fresh worker and nothing is left behind. */
static void test_worker_life(void) {
    setenv("BRIEFGEN_TYPST_TIMEOUT", "1", 1);
    bg_typst *t = bg_typst_new(".");
    unsetenv("BRIEFGEN_TYPST_TIMEOUT");
    long long t0 = bg_now_ms();
    result r = compile(t, LONG_LOOP);
    long long took = bg_now_ms() - t0;
    pid_t old = t->child.pid;
    check_int("a document over the time limit fails", r.rc, -1);
    check_str("saying so", strdup(r.said),
              "x.xml: error: the PDF cannot be made: Typst took more than 1 s while making this PDF "
              "(BRIEFGEN_TYPST_TIMEOUT=SECONDS sets the limit), and its worker was stopped; the next PDF starts a "
              "new worker\n");
    check("within about the limit", took >= 1000 && took < 8000);
    check("the worker is gone", old == 0);
    result_free(&r);
    r = compile(t, HEAD "after the timeout\n");
    check_int("the next compile works, with a fresh worker", r.rc, 0);
    result_free(&r);

    pid_t first = t->child.pid;
    kill(first, SIGKILL);
    struct timespec ms100 = {0, 100000000};
    nanosleep(&ms100, NULL); /* dead by now; the engine reaps it */
    r = compile(t, HEAD "after a kill\n");
    check_int("a worker killed between documents is replaced", r.rc, 0);
    check("by a new process", t->child.pid > 0 && t->child.pid != first);
    check("and the dead one was reaped", waitpid(first, NULL, WNOHANG) == -1 && errno == ECHILD);
    result_free(&r);
    bg_typst_free(t);

    t = bg_typst_new(".");
    r = compile(t, HEAD "start\n");
    result_free(&r);
    struct killer k = {t->child.pid, 400};
    pthread_t th;
    pthread_create(&th, NULL, kill_later, &k);
    r = compile(t, LONG_LOOP);
    pthread_join(th, NULL);
    check_int("a worker killed while compiling fails the document", r.rc, -1);
    check_str("saying how it died", strdup(r.said),
              "x.xml: error: the PDF cannot be made: the Typst worker was killed by signal 9 (SIGKILL) while making "
              "this PDF; the next PDF starts a new worker\n");
    result_free(&r);
    r = compile(t, HEAD "after\n");
    check_int("and the next one works", r.rc, 0);
    result_free(&r);
    bg_typst_free(t);
}

struct threaded {
    bg_typst *t;
    int made;
};

static void *compile_three(void *arg) {
    struct threaded *w = arg;
    for (int i = 0; i < 3; i++) {
        char src[200];
        snprintf(src, sizeof src, HEAD "thread %p, document %d\n", (void *)w, i);
        char *pdf = NULL;
        size_t n;
        w->made += bg_typst_compile(w->t, NULL, "t.typ", src, strlen(src), NULL, 0, 0, &pdf, &n) == 0;
        free(pdf);
    }
    return NULL;
}

/* Two engines on two threads at once, each with its own worker.  Had either worker
 * inherited the other's pipe, its stdin would not close when its engine is freed,
 * and the free would wait out its 2 s of grace before killing it. */
static void test_threads(void) {
    struct threaded a = {bg_typst_new("."), 0}, b = {bg_typst_new("."), 0};
    pthread_t ta, tb;
    pthread_create(&ta, NULL, compile_three, &a);
    pthread_create(&tb, NULL, compile_three, &b);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    check("two threads' engines make their PDFs side by side", a.made == 3 && b.made == 3);
    check("with a worker each", a.t->child.pid > 0 && b.t->child.pid > 0 && a.t->child.pid != b.t->child.pid);
    long long t0 = bg_now_ms();
    bg_typst_free(a.t);
    bg_typst_free(b.t);
    check("each worker exits as soon as its stdin closes (no pipe leaked into the other)", bg_now_ms() - t0 < 1500);
}

static char *said_by_new_engine(const char *datadir) {
    bg_typst *t = bg_typst_new(datadir);
    result r = compile(t, HEAD);
    bg_typst_free(t);
    free(r.pdf);
    return r.said;
}

/* What is said when a part of the engine is missing. */
static void test_missing(void) {
    setenv("BRIEFGEN_NODE", "/nonexistent", 1);
    check_str("BRIEFGEN_NODE naming no file", said_by_new_engine("."),
              "briefgen: error: the PDF cannot be made: BRIEFGEN_NODE=/nonexistent is not an executable file (No such "
              "file or directory); the Typst engine needs Node.js: install it with scripts/install-deps --build-only, "
              "or set BRIEFGEN_TYPST=/path/to/typst (Typst 0.13 or later)\n");
    unsetenv("BRIEFGEN_NODE");

    char *path = strdup(getenv("PATH") ? getenv("PATH") : "");
    setenv("PATH", "/nonexistent-bin", 1);
    check_str("no node on PATH", said_by_new_engine("."),
              "briefgen: error: the PDF cannot be made: Node.js (node) is not on PATH, and the Typst engine runs in "
              "it: install it with scripts/install-deps --build-only, or set BRIEFGEN_TYPST=/path/to/typst (Typst "
              "0.13 or later)\n");
    setenv("PATH", path, 1);
    free(path);

    setenv("BRIEFGEN_FONTS", "/nonexistent-fonts", 1);
    check_str("no fonts folder", said_by_new_engine("."),
              "briefgen: error: the PDF cannot be made: there is no fonts folder /nonexistent-fonts (Typst is given "
              "only that folder, Debian's fonts-paratype): install it with scripts/install-deps --build-only, or set "
              "BRIEFGEN_FONTS to a folder of fonts\n");
    setenv("BRIEFGEN_FONTS", scratch, 1);
    char *empty = said_by_new_engine(".");
    check_contains("a fonts folder without fonts", empty, "there are no fonts in the folder /tmp/briefgen-test-typst.");
    free(empty);
    unsetenv("BRIEFGEN_FONTS");

    /* A data folder with the worker but without node_modules. */
    char dir[256], cmd[600];
    snprintf(dir, sizeof dir, "%s/data", scratch);
    snprintf(cmd, sizeof cmd, "mkdir -p %s && cp src/typst-worker.js %s/", dir, dir);
    check_int("(a data folder without the module)", system(cmd), 0);
    char *said = said_by_new_engine(dir);
    check_contains("the module missing", said,
                   "the PDF cannot be made: the Typst compiler (npm module @myriaddreamin/typst-ts-node-compiler) is "
                   "not installed in ");
    check_contains("and how to install it", said, "install it with scripts/install-deps --build-only");
    free(said);
}

/* The official-CLI route, with stand-in scripts for `typst` (no real Typst 0.13+
 * CLI can be installed here): the version check, the command line it is given,
 * its diagnostics mapped, its PDF read, the time limit, the folder removed. */
static void test_cli(void) {
    char old[256], fake[256], log[256], tmp[256], cmd[1024];
    snprintf(old, sizeof old, "%s/typst-old", scratch);
    snprintf(fake, sizeof fake, "%s/typst-fake", scratch);
    snprintf(log, sizeof log, "%s/typst-args", scratch);
    snprintf(tmp, sizeof tmp, "%s/tmp", scratch);
    mkdir(tmp, 0700);
    write_file(old, "#!/bin/sh\necho 'typst 0.10.0 (70ca0d25)'\n", 0755);
    setenv("BRIEFGEN_TYPST", old, 1);
    bg_typst *t = bg_typst_new(".");
    result r = compile(t, HEAD);
    check_int("a Typst CLI older than 0.13 is refused", r.rc, -1);
    snprintf(cmd, sizeof cmd,
             "briefgen: error: the PDF cannot be made: BRIEFGEN_TYPST=%s is Typst 0.10.0, and briefgen needs Typst "
             "0.13 or later (its PDF/UA-1 export); install a newer one, or unset BRIEFGEN_TYPST to use the engine "
             "scripts/install-deps --build-only installs\n",
             old);
    check_str("saying which version it is and what is needed", strdup(r.said), cmd);
    snprintf(cmd, sizeof cmd, "typst (not usable) (CLI %s)", old);
    check_str("its engine id says it is not usable", strdup(bg_typst_engine_id(t)), cmd);
    result_free(&r);
    bg_typst_free(t);

    /* A stand-in: its version, then per compile what $MODE says (the main.typ it
     * was given is copied as the PDF, so the test sees what it was handed). */
    snprintf(cmd, sizeof cmd,
             "#!/bin/sh\n"
             "[ \"$1\" = --version ] && { echo 'typst 0.14.2 (stand-in)'; exit 0; }\n"
             "echo \"$@\" > %s\n"
             "case $MODE in\n"
             "error) echo \"$3/main.typ:5:10: error: unclosed delimiter\" >&2; echo 'hint: close it' >&2; exit 1;;\n"
             "slow) sleep 30;;\n"
             "*) shift 12; cp \"$1\" \"$2\"; echo \"$1:4:1: warning: a stand-in warning\" >&2;;\n"
             "esac\n",
             log);
    write_file(fake, cmd, 0755);
    setenv("BRIEFGEN_TYPST", fake, 1);
    setenv("TMPDIR", tmp, 1);
    t = bg_typst_new(".");
    snprintf(cmd, sizeof cmd, "typst 0.14.2 (CLI %s)", fake);
    check_str("the engine id names the CLI's version and path", strdup(bg_typst_engine_id(t)), cmd);
    const char *src = HEAD "// brief:12\nx\n// brief:30\n#let x = (\n";
    r = compile(t, src);
    check_int("the stand-in's compile gives its bytes", r.rc, 0);
    check_mem("which are the main.typ written for it", r.pdf ? memcpy(malloc(r.len + 1), r.pdf, r.len) : NULL, r.len,
              src, strlen(src));
    check_str("its warning is mapped like the worker's", strdup(r.said),
              "x.xml:12: warning: the PDF: a stand-in warning (Typst warning, x.uk.typ:4:1)\n");
    snprintf(cmd, sizeof cmd, "sed 's|%s/briefgen-typst\\.[A-Za-z0-9]*|DIR|g' %s", tmp, log);
    check_str("the command line given to typst", output_of(cmd),
              "compile --root DIR --font-path /usr/share/fonts/truetype/paratype --ignore-system-fonts --pdf-standard "
              "ua-1 --creation-timestamp 1700000000 --diagnostic-format short DIR/main.typ DIR/out.pdf\n");
    result_free(&r);

    setenv("MODE", "error", 1);
    r = compile(t, src);
    check_int("a failing compile fails", r.rc, -1);
    check_str("its short diagnostic is mapped to the brief, the hint kept", strdup(r.said),
              "x.xml:30: error: the PDF cannot be made: unclosed delimiter (hint: close it) (Typst, x.uk.typ:5:10)\n");
    result_free(&r);

    setenv("MODE", "slow", 1);
    setenv("BRIEFGEN_TYPST_TIMEOUT", "1", 1);
    bg_typst *slow = bg_typst_new(".");
    unsetenv("BRIEFGEN_TYPST_TIMEOUT");
    r = compile(slow, src);
    check_str("a CLI over the time limit is stopped", strdup(r.said),
              "x.xml: error: the PDF cannot be made: Typst took more than 1 s (BRIEFGEN_TYPST_TIMEOUT=SECONDS sets "
              "the limit)\n");
    result_free(&r);
    bg_typst_free(slow);
    unsetenv("MODE");
    snprintf(cmd, sizeof cmd, "ls -A %s", tmp);
    check_str("every temporary folder was removed", output_of(cmd), "");
    bg_typst_free(t);
    unsetenv("BRIEFGEN_TYPST");
    unsetenv("TMPDIR");
}

static void test_identity(bg_typst *t) {
    check_str("the engine id", strdup(bg_typst_engine_id(t)), "typst-ts-node-compiler 0.7.0 (typst 0.14.2)");
    bg_strv in = {0};
    bg_typst_inputs(t, &in);
    check("the inputs start with the worker and the module's package.json files",
          in.n > 3 && !strcmp(in.v[0], "./src/typst-worker.js") &&
              !strcmp(in.v[1], "./node_modules/@myriaddreamin/typst-ts-node-compiler-linux-x64-gnu/package.json") &&
              !strcmp(in.v[2], "./node_modules/@myriaddreamin/typst-ts-node-compiler/package.json"));
    int fonts = 0;
    for (int i = 3; i < in.n; i++)
        fonts += !strncmp(in.v[i], "/usr/share/fonts/truetype/paratype/", 35);
    check("then every file of the fonts folder", fonts == in.n - 3 && fonts >= 4);
    bg_strv_clear(&in);
}

int main(void) {
    if (access(MODULE_JSON, F_OK) != 0 || system("node --version >/dev/null 2>&1") != 0) {
        unit_skip("typst", "no node on PATH or no " MODULE_JSON ": scripts/install-deps installs them");
        return unit_end();
    }
    if (!mkdtemp(scratch))
        return 1;
    int fds = open_fds();
    bg_typst *t = bg_typst_new(".");
    test_identity(t);
    test_pdf(t);
    test_messages(t);
    bg_typst_free(t);
    test_worker_life();
    test_threads();
    test_missing();
    test_cli();
    check_int("no file descriptor left open", open_fds(), fds);
    int st;
    check("no child process left, not even a zombie", waitpid(-1, &st, WNOHANG) == -1 && errno == ECHILD);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", scratch);
    if (system(cmd) != 0)
        return 1;
    return unit_end();
}
