/* typst_impl — what the PDF engine's files share (private to typst.c, typst_proc.c,
 * typst_node.c and typst_cli.c): the engine's insides, child processes with a
 * deadline, and Typst's diagnostics on their way to diag.  typst.h has the rules.
 */
#ifndef BG_TYPST_IMPL_H
#define BG_TYPST_IMPL_H

#include "buf.h"
#include "typst.h"

#include <stddef.h>
#include <sys/types.h>

/* A child process and our ends of its standard streams (-1: none). */
typedef struct bg_child {
    pid_t pid; /* 0: none */
    int in;    /* its stdin: our end of a socket, written with MSG_NOSIGNAL */
    int out;   /* its stdout */
    int err;   /* its stderr */
    /* The last bytes it wrote to stderr, for the message when it fails. */
    char tail[1024];
    size_t tail_len;
} bg_child;

struct bg_typst {
    char *fonts;   /* the fonts folder */
    char *cli;     /* $BRIEFGEN_TYPST, or NULL: the node worker */
    char *node;    /* $BRIEFGEN_NODE, or NULL: `node` on PATH */
    char *worker;  /* the worker script */
    char *module;  /* the npm module's folder */
    char *modules; /* the folder holding it (…/node_modules/@myriaddreamin) */
    int timeout;   /* seconds a document may take */
    bg_child child;
    int starting;    /* the worker was started (bg_typst_warm) and its "ready" line not read yet */
    char *engine_id; /* made on first ask */
    /* The CLI route: its version, asked once ("0.14.2"), or why it is refused. */
    int cli_asked;
    char *cli_version;
    char *cli_refusal;
};

/* One diagnostic of Typst: line and column 1-based in the main source (0: not
 * known), its severity and message. */
typedef struct bg_typst_diag {
    long line, col;
    int warning;
    char *message;
} bg_typst_diag;

typedef struct bg_typst_diags {
    bg_typst_diag *v;
    size_t n, cap;
} bg_typst_diags;

void bg_typst_diags_add(bg_typst_diags *d, long line, long col, int warning, const char *msg, size_t len);
void bg_typst_diags_clear(bg_typst_diags *d);
/* Say each of `d` through diag, mapped to the brief (typst.h, Failure); errors
 * first said as errors.  Returns the number of errors. */
int bg_typst_report(const char *brief_path, const char *typ_name, const char *source, size_t len,
                    const bg_typst_diags *d);
/* Say a problem of the engine itself (no position in the document): at the brief
 * when known, else as briefgen's. */
void bg_typst_fail(const char *brief_path, const char *fmt, ...) BG_PRINTF(2, 3);

/* ---- child processes (typst_proc.c) ---- */

/* Start `argv` (argv[0] a path; no PATH search) with pipes as stdout and stderr,
 * SIGPIPE at its default and no signal blocked; `how`: BG_CHILD_STDIN gives it a
 * socket as stdin (else /dev/null), BG_CHILD_MERGE sends its stderr into the stdout
 * pipe (c->err is then -1).  0, or -1 with errno set. */
enum { BG_CHILD_STDIN = 1, BG_CHILD_MERGE = 2 };
int bg_child_spawn(bg_child *c, char *const argv[], int how);
/* Monotonic milliseconds, for deadlines. */
long long bg_now_ms(void);
/* Send `n` bytes to its stdin and read its stdout into `out` until `whole(out)`
 * says the answer is complete (1; -1: it is garbled), keeping what it says on
 * stderr in c->tail; everything within `deadline` (bg_now_ms).  0 when whole; 1
 * when the time ran out; 2 when its stdout closed first (it died or exited); 3 when
 * the answer was garbled; -1 on a system error (errno). */
int bg_child_talk(bg_child *c, const char *data, size_t n, bg_buf *out, int (*whole)(const bg_buf *),
                  long long deadline);
/* Kill (SIGKILL) and reap it, closing our ends; *status gets waitpid's status
 * (may be NULL).  Nothing when it is not running. */
void bg_child_kill(bg_child *c, int *status);
/* Close its stdin and give it `grace_ms` to exit, then kill; reap it either way.
 * Returns waitpid's status, or -1 when nothing was running. */
int bg_child_finish(bg_child *c, int grace_ms);
/* "exited with status 3", "was killed by signal 9 (SIGKILL)" into `buf`. */
const char *bg_child_status_words(int status, char *buf, size_t size);
/* The tail of its stderr as one line ("" when it said nothing), into `buf`. */
const char *bg_child_said(const bg_child *c, char *buf, size_t size);

/* ---- the routes ---- */

/* The node worker route (typst_node.c). */
/* Start the worker without waiting for it (bg_typst_warm): 0, or -1 silently. */
int bg_typst_node_spawn(bg_typst *t);
int bg_typst_node_compile(bg_typst *t, const char *brief_path, const char *typ_name, const char *source, size_t len,
                          const bg_typst_file *files, size_t nfiles, long long timestamp, char **pdf, size_t *pdflen);
/* The CLI route (typst_cli.c); bg_typst_cli_version asks the CLI once (0 when it
 * will do, else -1 with t->cli_refusal set). */
int bg_typst_cli_compile(bg_typst *t, const char *brief_path, const char *typ_name, const char *source, size_t len,
                         const bg_typst_file *files, size_t nfiles, long long timestamp, char **pdf, size_t *pdflen);
int bg_typst_cli_version(bg_typst *t);

/* The words that end every "engine missing" message. */
#define BG_TYPST_INSTALL_HINT                                                                                          \
    "install it with scripts/install-deps --build-only, or set BRIEFGEN_TYPST=/path/to/typst (Typst 0.13 or later)"

#endif
