/* diag — see diag.h.  Everything briefgen tells a user about a problem passes here. */
#include "diag.h"

#include <libxml/parser.h>
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
/* Its address tells one thread from another (bg_diag_capture.thread). */
static _Thread_local char this_thread;

void bg_diag_set_strict(int on) { strict = on; }
int bg_diag_strict(void) { return strict; }
void bg_diag_set_quiet(int on) { quiet = on; }
int bg_diag_errors(void) { return n_errors; }
int bg_diag_warnings(void) { return n_warnings; }
void bg_diag_reset(void) { n_errors = n_warnings = 0; }

void bg_diag_capture_begin(bg_diag_capture *c) {
    memset(c, 0, sizeof *c);
    c->outer = capture;
    c->thread = &this_thread;
    capture = c;
}

void bg_diag_capture_end(void) { capture = capture ? capture->outer : NULL; }

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

static void out(const char *fmt, ...) BG_PRINTF(1, 2);

void bg_diag_capture_replay(bg_diag_capture *c) {
    if (!c)
        return;
    if (c->len)
        out("%s", c->text);
    if (c->thread != &this_thread) { /* counted on its own thread, not here */
        n_errors += c->errors;
        n_warnings += c->warnings;
    }
    if (capture) {
        capture->errors += c->errors;
        capture->warnings += c->warnings;
    }
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
/* Some of libxml2's words name its own API ("use XML_PARSE_HUGE option") or
 * say little to a researcher; say those the way a reader can act on.  `msg` holds
 * libxml2's message (one line) and receives ours. */
static void reword_xml(const xmlError *e, char *msg, size_t size) {
    char what[256];
    long line;
    if (strncmp(msg, "Excessive depth in document", 27) == 0)
        snprintf(msg, size,
                 "elements nested more than 256 deep; briefgen reads no deeper (a brief needs a "
                 "few levels: is an end tag missing, or the file made by a faulty program?)");
    else if (strcmp(msg, "xmlSAX2Characters: huge text node") == 0 || strcmp(msg, "Huge input lookup") == 0 ||
             strcmp(msg, "xmlSAX2TextNode: huge text node") == 0)
        snprintf(msg, size,
                 "a text longer than 10,000,000 bytes; briefgen reads no longer text in one piece "
                 "(split it into paragraphs)");
    else if (strcmp(msg, "AttValue length too long") == 0)
        snprintf(msg, size, "an attribute value longer than 10,000,000 bytes; briefgen reads no longer value");
    else if (strncmp(msg, "Input is not proper UTF-8", 25) == 0) {
        const char *bytes = strstr(msg, "Bytes: ");
        snprintf(what, sizeof what, "%s", bytes ? bytes + 7 : "?");
        snprintf(msg, size,
                 "not valid UTF-8 at column %d (bytes %s); save the file as UTF-8, or name its "
                 "encoding in <?xml version=\"1.0\" encoding=\"…\"?>",
                 e->int2, what);
    } else if (sscanf(msg, "Premature end of data in tag %255s line %ld", what, &line) == 2)
        snprintf(msg, size, "the file ends inside <%s> (opened at line %ld); is it cut short?", what, line);
    else if (strcmp(msg, "Start tag expected, '<' not found") == 0 || strcmp(msg, "Document is empty") == 0)
        snprintf(msg, size, "not an XML document: no element starts here (an XML file begins with '<')");
}

/* 1 when `e` only follows from a fatal parser error already reported: libxml2
 * stops at the first one, but may still say "Extra content at the end of the
 * document" after it.  It sets disableSAX only after reporting the first. */
static int after_fatal(const xmlError *e) {
    if (e->domain != XML_FROM_PARSER || !e->ctxt)
        return 0;
    const xmlParserCtxt *ctxt = e->ctxt;
    return ctxt->disableSAX != 0 && !ctxt->recovery;
}

/* 1 when the parser that raised `e` had reached the end of its input: the file
 * stops in the middle of something.  (A few bytes may be left over: the start of
 * a character cut in two.) */
static int at_end_of_input(const xmlError *e) {
    if ((e->domain != XML_FROM_PARSER && e->domain != XML_FROM_NAMESPACE) || !e->ctxt ||
        e->code == XML_ERR_DOCUMENT_END || e->code == XML_ERR_DOCUMENT_EMPTY)
        return 0; /* extra content after the root, or no root at all: not a cut */
    const xmlParserCtxt *ctxt = e->ctxt;
    const xmlParserInput *in = ctxt->input;
    return in && in->cur && in->end && in->end - in->cur < 4 && ctxt->inputNr <= 1;
}

int bg_diag_xml_message(const xmlError *e, char *msg, size_t size) {
    if (!e || e->level == XML_ERR_NONE || after_fatal(e))
        return 0;
    snprintf(msg, size, "%s", e->message ? e->message : "unknown XML error");
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    /* One message is one line: libxml2 puts details on lines of their own. */
    for (char *nl; (nl = strchr(msg, '\n')) != NULL;)
        *nl = ' ';
    reword_xml(e, msg, size);
    if (at_end_of_input(e) && !strstr(msg, "cut short")) {
        if (strstr(msg, "detected an error in element content"))
            snprintf(msg, size, "the file ends in the middle of a character or a tag; is it cut short?");
        else {
            size_t used = strlen(msg);
            snprintf(msg + used, size - used, " (at the end of the file: is it cut short?)");
        }
    }
    return 1;
}

static void xml_structured(void *userdata, xmlErrorPtr e) {
    (void)userdata;
    char msg[1024];
    if (!bg_diag_xml_message(e, msg, sizeof msg))
        return;
    long line = e->line;
    const char *file = e->file;
    const xmlNode *node = e->node;
    if (line <= 0 && node && node->type == XML_ELEMENT_NODE)
        line = xmlGetLineNo(node);
    if (!file && node && node->doc && node->doc->URL)
        file = (const char *)node->doc->URL;
    /* An XPath error names neither file nor line, but the expression and where in
     * it the problem is (libxslt then says which instruction). */
    if (e->domain == XML_FROM_XPATH && e->str1 && !file) {
        size_t used = strlen(msg);
        snprintf(msg + used, sizeof msg - used, " at character %d of the XPath expression \"%s\"", e->int1 + 1,
                 e->str1);
    }
    if (e->level == XML_ERR_WARNING)
        bg_warn(file, line, "%s", msg);
    else
        bg_error(file, line, "%s", msg);
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
        bg_error(file, line,
                 "the template may not read \"%s\": templates read only files in the template "
                 "folders (--template-files DIR allows another)",
                 what);
        return 1;
    }
    if (between(text, "Local file write for ", " refused", what, sizeof what) ||
        between(text, "File write for ", " refused", what, sizeof what) ||
        between(text, "Directory creation for ", " refused", what, sizeof what)) {
        bg_error(file, line, "the template may not write \"%s\": templates cannot write files", what);
        return 1;
    }
    if (between(text, "Network file read for ", " refused", what, sizeof what) ||
        between(text, "Network file write for ", " refused", what, sizeof what)) {
        bg_error(file, line, "the template may not reach \"%s\": templates use no network", what);
        return 1;
    }
    if (strncmp(text, "xsltStylePreCompute: unknown xsl:", 33) == 0) {
        bg_error(file, line, "<xsl:%s> is not an XSLT 1.0 instruction", text + 33);
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
