/* diag — see diag.h.  Everything briefgen tells a user about a problem passes here. */
#include "diag.h"

#include <libxml/xmlerror.h>
#include <libxslt/xsltutils.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Set once before any work starts. */
static int strict, quiet;
/* Per thread: `build -j` renders briefs on several threads, each with its own
 * counts and, while one is active, its own capture. */
static _Thread_local int n_errors, n_warnings;
static _Thread_local bg_diag_capture *capture;

void bg_diag_set_strict(int on) { strict = on; }
int bg_diag_strict(void) { return strict; }
void bg_diag_set_quiet(int on) { quiet = on; }
int bg_diag_errors(void) { return n_errors; }
int bg_diag_warnings(void) { return n_warnings; }
void bg_diag_reset(void) { n_errors = n_warnings = 0; }

void bg_diag_capture_begin(bg_diag_capture *c) {
    memset(c, 0, sizeof *c);
    capture = c;
}

void bg_diag_capture_end(void) { capture = NULL; }

void bg_diag_capture_free(bg_diag_capture *c) {
    if (!c)
        return;
    free(c->text);
    memset(c, 0, sizeof *c);
}

void bg_diag_capture_flush(bg_diag_capture *c) {
    if (c && c->len)
        fwrite(c->text, 1, c->len, stderr);
    bg_diag_capture_free(c);
}

/* Append formatted text to the capture; on out-of-memory the text goes to stderr
 * rather than being lost. */
static void capture_vadd(const char *fmt, va_list ap) {
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return;
    if (capture->len + (size_t)n + 1 > capture->cap) {
        size_t cap = capture->cap ? capture->cap * 2 : 256;
        while (cap < capture->len + (size_t)n + 1)
            cap *= 2;
        char *grown = realloc(capture->text, cap);
        if (!grown) {
            vfprintf(stderr, fmt, ap);
            return;
        }
        capture->text = grown;
        capture->cap = cap;
    }
    vsnprintf(capture->text + capture->len, capture->cap - capture->len, fmt, ap);
    capture->len += (size_t)n;
}

static void out(const char *fmt, ...) BG_PRINTF(1, 2);
static void out(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (capture)
        capture_vadd(fmt, ap);
    else
        vfprintf(stderr, fmt, ap);
    va_end(ap);
}

static void emit(const char *severity, const char *file, long line, const char *fmt, va_list ap) {
    char msg[4096];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (file && line > 0)
        out("%s:%ld: %s: %s\n", file, line, severity, msg);
    else if (file)
        out("%s: %s: %s\n", file, severity, msg);
    else
        out("briefgen: %s: %s\n", severity, msg);
}

void bg_verror(const char *file, long line, const char *fmt, va_list ap) {
    n_errors++;
    if (capture)
        capture->errors++;
    emit("error", file, line, fmt, ap);
}

void bg_error(const char *file, long line, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    bg_verror(file, line, fmt, ap);
    va_end(ap);
}

void bg_warn(const char *file, long line, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (strict) {
        bg_verror(file, line, fmt, ap);
    } else {
        n_warnings++;
        if (capture)
            capture->warnings++;
        if (!quiet)
            emit("warning", file, line, fmt, ap);
    }
    va_end(ap);
}

void bg_note(const char *fmt, ...) {
    char msg[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    out("%s\n", msg);
}

/* libxml2 hands us one structured error per problem.  Its message ends with a newline
 * and often starts with the element name; we keep its words but give it our shape. */
static void xml_structured(void *userdata, xmlErrorPtr e) {
    (void)userdata;
    if (!e || e->level == XML_ERR_NONE)
        return;
    char msg[1024];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "unknown XML error");
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    long line = e->line;
    if (line <= 0 && e->node && ((xmlNodePtr)e->node)->type == XML_ELEMENT_NODE)
        line = xmlGetLineNo((xmlNodePtr)e->node);
    if (e->level == XML_ERR_WARNING)
        bg_warn(e->file, line, "%s", msg);
    else
        bg_error(e->file, line, "%s", msg);
}

/* libxslt reports through a printf-style handler, in pieces, and names the
 * template position on a line of its own ("runtime error: file F line N element E")
 * before the message.  Collect whole lines; remember the position and give it to
 * the message that follows, so each problem prints once as "F:N: error: …".
 * A line without a position takes the caller's fallback (the instruction being run). */
static _Thread_local char xslt_buf[2048];
static _Thread_local char xslt_file[1024];
static _Thread_local long xslt_line;

/* libxslt's words for a refused read or write, said the way we say things; and the
 * follow-up lines that only repeat them. */
/* The middle of `text` when it is "PREFIX…SUFFIX", else NULL; into `buf`. */
static const char *between(const char *text, const char *prefix, const char *suffix, char *buf, size_t size) {
    size_t p = strlen(prefix), s = strlen(suffix), n = strlen(text);
    if (n < p + s || strncmp(text, prefix, p) != 0 || strcmp(text + n - s, suffix) != 0)
        return NULL;
    snprintf(buf, size, "%.*s", (int)(n - p - s), text + p);
    return buf;
}

static int reworded(const char *text, const char *file, long line) {
    char what[1024];
    if (between(text, "Local file read for ", " refused", what, sizeof what)) {
        bg_error(file, line, "the template may not read \"%s\": templates read only files in the template "
                 "folders", what);
        return 1;
    }
    if (between(text, "Local file write for ", " refused", what, sizeof what) ||
        between(text, "File write for ", " refused", what, sizeof what) ||
        between(text, "Directory creation for ", " refused", what, sizeof what)) {
        bg_error(file, line, "the template may not write \"%s\": templates cannot write files", what);
        return 1;
    }
    return strncmp(text, "xsltLoadDocument: read rights for", 33) == 0 ||
           strncmp(text, "xsltDocumentElem: write rights for", 34) == 0;
}

static void xslt_line_done(const char *text, const char *fallback_file, long fallback_line, int warning) {
    char kind[32], file[1024], element[128];
    long line;
    if (sscanf(text, "%31s error : file %1023s line %ld element %127s", kind, file, &line, element) == 4 ||
        sscanf(text, "%31s error: file %1023s line %ld element %127s", kind, file, &line, element) == 4) {
        snprintf(xslt_file, sizeof xslt_file, "%s", file);
        xslt_line = line;
        return;
    }
    if (!text[0])
        return;
    const char *f = xslt_file[0] ? xslt_file : fallback_file;
    long l = xslt_file[0] ? xslt_line : fallback_line;
    if (!reworded(text, f, l)) {
        if (warning)
            bg_warn(f, l, "%s", text);
        else
            bg_error(f, l, "%s", text);
    }
    xslt_file[0] = '\0';
    xslt_line = 0;
}

void bg_diag_xslt_vprintf(const char *file, long line, int warning, const char *fmt, va_list ap) {
    size_t used = strlen(xslt_buf);
    vsnprintf(xslt_buf + used, sizeof xslt_buf - used, fmt, ap);
    char *nl;
    while ((nl = strchr(xslt_buf, '\n')) != NULL) {
        *nl = '\0';
        xslt_line_done(xslt_buf, file, line, warning);
        memmove(xslt_buf, nl + 1, strlen(nl + 1) + 1);
    }
}

static void xslt_generic(void *ctx, const char *fmt, ...) {
    (void)ctx;
    va_list ap;
    va_start(ap, fmt);
    bg_diag_xslt_vprintf(NULL, 0, 0, fmt, ap);
    va_end(ap);
}

/* libxml2 keeps its error handler per thread: every thread that parses calls this. */
void bg_diag_install_xml_handlers(void) {
    xmlSetStructuredErrorFunc(NULL, xml_structured);
    xsltSetGenericErrorFunc(NULL, xslt_generic);
}
