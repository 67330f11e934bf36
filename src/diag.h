/* diag — the only module that prints a diagnostic.
 *
 * Every message has the shape
 *     FILE:LINE: error: MESSAGE        (or "warning:")
 *     FILE: error: MESSAGE             (when no line is known, line <= 0)
 *     briefgen: error: MESSAGE         (when no file is known, file == NULL)
 * and goes to stderr.  Callers report a problem once, at the place that knows the
 * file and the line, and then just return -1/NULL to their own callers.
 *
 * "Strict" mode (--strict) turns warnings into errors: bg_warn() then prints
 * "error:" and counts an error.  Counters let a command decide its exit code.
 *
 * Failure: nothing here fails.  A message longer than 4 KiB is cut; a capture that
 * cannot grow sends the text to stderr instead of losing it.  Comparing
 * bg_diag_errors() before and after a call is how a caller learns of problems that
 * arrive through libxml2/libxslt callbacks or through checks that return nothing;
 * docs/architecture.md ("How failure is reported") says when that is the right tool.
 *
 * Threads: no lock.  The counts, the active capture and libxslt's half-printed line
 * are per thread (_Thread_local), so one thread's counts and captures never mix
 * with another's.  Strict and quiet are process-wide: set them before any thread
 * starts.
 * A message that is not captured goes to stderr in one stdio call, whole.
 *
 * Memory rule: a capture is the caller's struct (usually on its stack); its text
 * is freed by bg_diag_capture_free, _flush or _replay, all of which take NULL.
 */
#ifndef BG_DIAG_H
#define BG_DIAG_H

#include <stdarg.h>
#include <stddef.h>

#define BG_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* Exit codes, as every command uses them: 2 only for misuse of the command line. */
enum { BG_EXIT_OK = 0, BG_EXIT_FAIL = 1, BG_EXIT_USAGE = 2 };

/* Say an error (counted) or a warning (counted; an error under strict; not printed,
 * but still counted, under quiet) at `file`:`line`. */
void bg_error(const char *file, long line, const char *fmt, ...) BG_PRINTF(3, 4);
void bg_warn(const char *file, long line, const char *fmt, ...) BG_PRINTF(3, 4);
void bg_verror(const char *file, long line, const char *fmt, va_list ap) BG_PRINTF(3, 0);
/* A plain note on stderr without a severity, for progress lines such as
 * "wrote out/x.uk.html" (only with --verbose) or summaries.  Not counted, not
 * silenced by quiet; captured like any message. */
void bg_note(const char *fmt, ...) BG_PRINTF(1, 2);

void bg_diag_set_strict(int strict);
int bg_diag_strict(void);
/* Set when stderr should stay quiet for warnings (--quiet); errors always print. */
void bg_diag_set_quiet(int quiet);

/* Errors and warnings reported on this thread since start (or bg_diag_reset, which
 * resets this thread's only), with those of other threads' captures replayed here
 * (bg_diag_capture_replay).  A caller compares them before and after a call. */
int bg_diag_errors(void);
int bg_diag_warnings(void);
void bg_diag_reset(void);

/* Capturing: while a capture is active on the calling thread, messages are appended
 * to it instead of being printed — `build -j` prints each brief's messages in input
 * order, and the preview server shows them in the page.  Counts are per thread.
 * Captures nest: ending one makes the one that was active when it began active
 * again.  A capture counts the errors and warnings said while it is the innermost
 * one.  The caller owns the capture and releases its text with
 * bg_diag_capture_free (or bg_diag_capture_flush, which first writes it to stderr). */
typedef struct bg_diag_capture {
    char *text; /* NUL-terminated once anything was captured, else NULL */
    size_t len, cap;
    int errors, warnings;
    struct bg_diag_capture *outer; /* active when this one began */
    const void *thread;            /* the thread it was made on */
    /* Where each error and warning begins in `text`, and its line (0: none), for
     * bg_diag_capture_sort and bg_diag_capture_said_at.  A note belongs to the
     * message before it. */
    struct bg_diag_said {
        size_t at;
        long line;
    } * said;
    size_t nsaid, capsaid;
} bg_diag_capture;

/* Begin and end must be called on one thread: end stops the calling thread's
 * innermost capture, which is `c` only if every capture begun after it has ended. */
void bg_diag_capture_begin(bg_diag_capture *c);
void bg_diag_capture_end(void);
/* Straight to stderr, even when another capture is active (bg_diag_capture_replay
 * honours nesting); for the main thread of `build`, which prints each brief's
 * capture in input order.  Counts are not added anywhere. */
void bg_diag_capture_flush(bg_diag_capture *c);
void bg_diag_capture_free(bg_diag_capture *c);
/* Say here what capture `c` holds, as if said now: its text goes to the active
 * capture (or stderr), its counts to that capture and — when `c` was made on
 * another thread — to this thread's.  Then frees it. */
void bg_diag_capture_replay(bg_diag_capture *c);
/* Put the messages `c` holds about `file` in line order: several checks say what
 * they find about one file each in its own order (a brief's load, the schema, the
 * semantic checks), and a reader wants them as the file runs.  The sort is stable:
 * messages at one line keep the order they were said in.  Messages without a line
 * come first: they are about the whole file (it names an external DTD; it does not
 * match the schema).  A message about another file (an SVG a figure embeds) stays
 * just before the next message about `file` (the one that says it is "reported
 * above").  `file` NULL: every message is about one file.  On out of memory the
 * order stays as it was.  `c` must not be active. */
void bg_diag_capture_sort(bg_diag_capture *c, const char *file);
/* 1 when `c` holds an error or a warning at `line` (> 0). */
int bg_diag_capture_said_at(const bg_diag_capture *c, long line);

/* Feed text that libxslt printed (in pieces) to diag; whole lines come out as
 * messages, at the template position libxslt names or else at `file`:`line`.
 * `warning` marks a message that is not an error (xsl:message). */
void bg_diag_xslt_vprintf(const char *file, long line, int warning, const char *fmt, va_list ap) BG_PRINTF(4, 0);

/* libxml2's message for `e` as one line, in our words where libxml2's say little
 * to a reader ("Excessive depth in document: 256 use XML_PARSE_HUGE option"), into
 * `msg`.  The slips of typing XML by hand — a bare '&' or '<', an HTML reference
 * such as &nbsp;, curly or missing quotes around an attribute value, an end tag
 * that does not match, an element open at the end of the file, content after the
 * root element — are told from libxml2's error code and the bytes the parser holds
 * around its position, and said with what to write instead.  0 when `e` needs no message: no error, or one that only
 * follows from a fatal parse error already reported. */
struct _xmlError;
int bg_diag_xml_message(const struct _xmlError *e, char *msg, size_t size);

/* Route libxml2 / libxslt / RELAX NG messages through bg_error so they come out as
 * "file:line: error: …".  libxml2 keeps its handler per thread: main() installs it,
 * and so must every thread that parses or transforms (build's workers, serve's
 * watcher).  libxslt's handler is process-wide; installing it again is harmless. */
void bg_diag_install_xml_handlers(void);

#endif
