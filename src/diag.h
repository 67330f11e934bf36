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
 */
#ifndef BG_DIAG_H
#define BG_DIAG_H

#include <stdarg.h>

#define BG_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* Exit codes, as every command uses them. */
enum { BG_EXIT_OK = 0, BG_EXIT_FAIL = 1, BG_EXIT_USAGE = 2 };

void bg_error(const char *file, long line, const char *fmt, ...) BG_PRINTF(3, 4);
void bg_warn(const char *file, long line, const char *fmt, ...) BG_PRINTF(3, 4);
void bg_verror(const char *file, long line, const char *fmt, va_list ap) BG_PRINTF(3, 0);
/* A plain note on stderr without a severity, for progress lines such as
 * "wrote out/x.uk.html" (only with --verbose) or summaries. */
void bg_note(const char *fmt, ...) BG_PRINTF(1, 2);

void bg_diag_set_strict(int strict);
int bg_diag_strict(void);
/* Set when stderr should stay quiet for warnings (--quiet); errors always print. */
void bg_diag_set_quiet(int quiet);

/* Errors and warnings printed since start (or since the last bg_diag_reset). */
int bg_diag_errors(void);
int bg_diag_warnings(void);
void bg_diag_reset(void);

/* Route libxml2 / libxslt / RELAX NG messages through bg_error so they come out as
 * "file:line: error: …".  Installed once by main(). */
void bg_diag_install_xml_handlers(void);

#endif
