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
    free(c->said);
    memset(c, 0, sizeof *c);
}

void bg_diag_capture_flush(bg_diag_capture *c) {
    if (c && c->len)
        fwrite(c->text, 1, c->len, stderr);
    bg_diag_capture_free(c);
}

static void out(const char *fmt, ...) BG_PRINTF(1, 2);

/* Note in the active capture that a message at `line` begins `at` bytes into its
 * text.  Out of memory leaves the message part of the one before it. */
static void mark_at(size_t at, long line) {
    if (capture->nsaid == capture->capsaid) {
        size_t cap = capture->capsaid ? capture->capsaid * 2 : 16;
        struct bg_diag_said *grown = realloc(capture->said, cap * sizeof *grown);
        if (!grown)
            return;
        capture->said = grown;
        capture->capsaid = cap;
    }
    capture->said[capture->nsaid++] = (struct bg_diag_said){at, line};
}

void bg_diag_capture_replay(bg_diag_capture *c) {
    if (!c)
        return;
    if (capture && c->len) /* the messages keep their lines in the capture they join */
        for (size_t i = 0; i < c->nsaid; i++)
            mark_at(capture->len + c->said[i].at, c->said[i].line);
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

/* One message of a capture being sorted: its bytes and line, and where it stood. */
typedef struct said_span {
    size_t at, end, order;
    long line;
} said_span;

static int by_line(const void *a, const void *b) {
    const said_span *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

void bg_diag_capture_sort(bg_diag_capture *c, const char *file) {
    if (!c || !c->text || c->nsaid < 2)
        return;
    /* Text before the first mark (there is none unless marks could not grow) stays
     * first, as a message without a line. */
    said_span *spans = malloc((c->nsaid + 1) * sizeof *spans);
    char *text = malloc(c->len + 1);
    if (!spans || !text) {
        free(spans);
        free(text);
        return;
    }
    size_t n = 0;
    spans[n++] = (said_span){0, 0, 0, 0};
    for (size_t i = 0; i < c->nsaid; i++)
        if (c->said[i].at >= spans[n - 1].at && c->said[i].at <= c->len) {
            spans[n] = (said_span){c->said[i].at, 0, n, c->said[i].line};
            n++;
        }
    for (size_t i = 0; i < n; i++)
        spans[i].end = i + 1 < n ? spans[i + 1].at : c->len;
    /* A message about another file (an SVG a figure embeds) goes with the message
     * about `file` that follows it ("… the problem is reported above"), or, with none
     * after it, with the one before. */
    size_t flen = file ? strlen(file) : 0;
    long next = -1;
    for (size_t i = n; i-- > 1;) {
        const char *t = c->text + spans[i].at;
        int ours = !file || (spans[i].end - spans[i].at > flen && strncmp(t, file, flen) == 0 && t[flen] == ':');
        if (ours)
            next = spans[i].line;
        else
            spans[i].line = next; /* -1: none after it, settled below */
    }
    for (size_t i = 1; i < n; i++)
        if (spans[i].line < 0)
            spans[i].line = i > 1 ? spans[i - 1].line : 0;
    qsort(spans + 1, n - 1, sizeof *spans, by_line);
    size_t len = 0, k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && k < c->capsaid)
            c->said[k++] = (struct bg_diag_said){len, spans[i].line};
        memcpy(text + len, c->text + spans[i].at, spans[i].end - spans[i].at);
        len += spans[i].end - spans[i].at;
    }
    text[len] = '\0';
    memcpy(c->text, text, len + 1);
    c->nsaid = k;
    free(text);
    free(spans);
}

int bg_diag_capture_said_at(const bg_diag_capture *c, long line) {
    for (size_t i = 0; c && line > 0 && i < c->nsaid; i++)
        if (c->said[i].line == line)
            return 1;
    return 0;
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
    if (capture)
        mark_at(capture->len, file && line > 0 ? line : 0);
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

/* ---- the slips of typing XML by hand ------------------------------------------------ */

/* The input the parser that raised `e` was reading, with its position inside it; NULL
 * when `e` names no parser or the position is not in the bytes it holds. */
static const xmlParserInput *input_at(const xmlError *e) {
    if (e->domain != XML_FROM_PARSER || !e->ctxt)
        return NULL;
    const xmlParserCtxt *ctxt = e->ctxt;
    const xmlParserInput *in = ctxt->input;
    if (!in || !in->base || !in->cur || !in->end || in->cur < in->base || in->cur > in->end)
        return NULL;
    return in;
}

/* The byte `i` places from the parser's position (negative: before it), or -1 when
 * that is outside the bytes it holds. */
static int byte_at(const xmlParserInput *in, long i) {
    if (i < 0 ? in->cur - in->base < -i : in->end - in->cur <= i)
        return -1;
    return in->cur[i];
}

/* The length of the typographic quote at `p` (“ ” ‘ ’ ‚ „ ‛ ‟ ‹ › « »), or 0. */
static size_t curly_quote(const xmlChar *p, const xmlChar *end) {
    if (end - p >= 2 && p[0] == 0xc2 && (p[1] == 0xab || p[1] == 0xbb))
        return 2;
    if (end - p >= 3 && p[0] == 0xe2 && p[1] == 0x80 &&
        ((p[2] >= 0x98 && p[2] <= 0x9f) || p[2] == 0xb9 || p[2] == 0xba))
        return 3;
    return 0;
}

static int is_space(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Into `name`, the attribute name before "=" that ends just before the parser's
 * position (`oblast=` in `oblast=“UA-32”`); "" when there is none to be seen. */
static void attribute_before(const xmlParserInput *in, char *name, size_t size) {
    long i = -1;
    name[0] = '\0';
    while (is_space(byte_at(in, i)))
        i--;
    if (byte_at(in, i) != '=')
        return;
    for (i--; is_space(byte_at(in, i));)
        i--;
    long last = i;
    for (int c; (c = byte_at(in, i)) > 0 && !is_space(c) && c != '<' && c != '"' && c != '\'' && last - i < 64;)
        i--;
    if (last > i && !is_space(byte_at(in, i)))
        return; /* longer than a name: say none */
    snprintf(name, size, "%.*s", (int)(last - i), (const char *)in->cur + i + 1);
}

/* 1 when the `n` bytes at `p` are whole UTF-8 characters (the parser has not yet
 * checked the bytes past its position). */
static int whole_utf8(const xmlChar *p, size_t n) {
    for (size_t i = 0; i < n;) {
        size_t len = p[i] < 0x80             ? 1
                     : (p[i] & 0xe0) == 0xc0 ? 2
                     : (p[i] & 0xf0) == 0xe0 ? 3
                     : (p[i] & 0xf8) == 0xf0 ? 4
                                             : 0;
        if (!len || i + len > n)
            return 0;
        for (size_t k = 1; k < len; k++)
            if ((p[i + k] & 0xc0) != 0x80)
                return 0;
        i += len;
    }
    return 1;
}

/* The attribute value the parser stands at, as written (`*whole` bytes from its
 * position: the quotes and what is between them, or the unquoted value), and what is
 * between the quotes (`*inner` bytes from `quote` on).  0 when it is not to be seen
 * whole within 60 bytes on the line.  `quote` is the length of the opening quote (0:
 * the value has none). */
static int value_here(const xmlParserInput *in, size_t quote, int *whole, int *inner) {
    const xmlChar *start = in->cur, *p = start + quote;
    for (; p < in->end && p - start < 60; p++) {
        size_t q = quote ? curly_quote(p, in->end) : 0;
        if (quote && (q || *p == '"' || *p == '\'')) {
            *inner = (int)(p - start - (long)quote);
            *whole = (int)(p - start) + (int)(q ? q : 1);
            return whole_utf8(start, (size_t)*whole);
        }
        if (*p == '\n' || *p == '>' || *p == '<' || (!quote && (is_space(*p) || *p == '/')))
            break;
    }
    if (quote || p == start || p >= in->end || p - start >= 60)
        return 0;
    *whole = *inner = (int)(p - start);
    return whole_utf8(start, (size_t)*whole);
}

/* What to write for an HTML character reference XML does not know. */
static const char *instead_of(const char *entity) {
    static const char *const known[][2] = {
        {"nbsp", "the character itself or &#160; (a no-break space)"},
        {"ndash", "the character itself (–) or &#8211;"},
        {"mdash", "the character itself (—) or &#8212;"},
        {"hellip", "the character itself (…) or &#8230;"},
        {"laquo", "the character itself («) or &#171;"},
        {"raquo", "the character itself (») or &#187;"},
        {"copy", "the character itself (©) or &#169;"},
        {"euro", "the character itself (€) or &#8364;"},
        {"shy", "&#173; (a soft hyphen)"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(entity, known[i][0]) == 0)
            return known[i][1];
    return "the character itself, or its number (&#8212; is an em dash)";
}

/* For "Extra content at the end of the document": say whether it is text or a second
 * element, and where the root element ended when the bytes before show it (white
 * space back to the '>' of its end tag; a comment between says nothing). */
static int after_root(const xmlError *e, const xmlParserInput *in, char *msg, size_t size) {
    const xmlParserCtxt *ctxt = e->ctxt;
    const xmlNode *root = ctxt->myDoc ? xmlDocGetRootElement(ctxt->myDoc) : NULL;
    const char *rname = root && root->name ? (const char *)root->name : NULL;
    char where[160] = "";
    long i = -1, lines = 0;
    for (int c; is_space(c = byte_at(in, i)); i--)
        lines += c == '\n';
    int gt = byte_at(in, i), before = byte_at(in, i - 1);
    if (rname && gt == '>' && before != '-' && before != '?' && e->line - lines > 0)
        snprintf(where, sizeof where, before == '/' ? " <%s/> (line %ld)" : " </%s> (line %ld)", rname,
                 e->line - lines);
    else if (rname)
        snprintf(where, sizeof where, " <%s>", rname);
    long n = 0;
    if (byte_at(in, 0) == '<')
        for (int c; (c = byte_at(in, n + 1)) > 0 && !is_space(c) && c != '>' && c != '/' && n < 40;)
            n++;
    if (n > 0 && n < 40 && byte_at(in, 1) != '!' && byte_at(in, 1) != '?' && whole_utf8(in->cur + 1, (size_t)n))
        snprintf(msg, size,
                 "a second element, <%.*s>, after the end of the root element%s: an XML file is one element, "
                 "with everything inside it; move this inside, or remove it",
                 (int)n, (const char *)in->cur + 1, where);
    else
        snprintf(msg, size,
                 "text after the end of the root element%s: an XML file is one element, with everything inside "
                 "it; move this inside, or remove it",
                 where);
    return 1;
}

/* Into `msg`, what a researcher typing XML by hand did and how to write it instead,
 * for the slips libxml2 names in its own terms: a bare '&' or '<', a reference HTML
 * knows and XML does not, quotes a word processor made curly, an end tag that does
 * not match, an element left open at the end, text after the root element.  0 when
 * `e` is none of these.  Reads only the bytes the parser holds. */
/* "&word" without its ';': a reference XML knows, or an '&' meant as text. */
static int reword_semicolon(const xmlParserInput *in, char *msg, size_t size) {
    long i = -1;
    while (in && i > -40 && byte_at(in, i) > 0 && byte_at(in, i) != '&')
        i--;
    if (!in || byte_at(in, i) != '&')
        return 0;
    const char *word = (const char *)in->cur + i + 1;
    int len = (int)(-i - 1);
    static const char *const xml_refs[] = {"amp", "lt", "gt", "quot", "apos"};
    int known = len > 0 && word[0] == '#';
    for (size_t k = 0; k < sizeof xml_refs / sizeof xml_refs[0]; k++)
        known |= (int)strlen(xml_refs[k]) == len && strncmp(word, xml_refs[k], (size_t)len) == 0;
    if (known)
        snprintf(msg, size, "\"&%.*s\" needs a ';' at its end: &%.*s;", len, word, len, word);
    else
        snprintf(msg, size,
                 "\"&%.*s\" is not a reference: write an '&' that is part of the text as &amp; (\"&amp;%.*s\")", len,
                 word, len, word);
    return 1;
}

/* An attribute value in curly quotes (a word processor's) or in none. */
static int reword_attribute_quotes(const xmlParserInput *in, char *msg, size_t size) {
    char name[80];
    if (!in)
        return 0;
    size_t quote = curly_quote(in->cur, in->end);
    int whole = 0, inner = 0;
    attribute_before(in, name, sizeof name);
    int seen = name[0] && value_here(in, quote, &whole, &inner);
    const char *v = (const char *)in->cur;
    if (quote && seen)
        snprintf(msg, size,
                 "%s=%.*s: attribute values need straight quotes, \"…\" or '…' (a word processor may have "
                 "replaced them with curly ones); write %s=\"%.*s\"",
                 name, whole, v, name, inner, v + quote);
    else if (quote)
        snprintf(msg, size,
                 "an attribute value in curly quotes: attribute values need straight quotes, \"…\" or '…' (a "
                 "word processor may have replaced them with curly ones)");
    else if (seen)
        snprintf(msg, size, "%s=%.*s: an attribute value needs quotes; write %s=\"%.*s\"", name, whole, v, name, inner,
                 v);
    else
        snprintf(msg, size, "an attribute value needs quotes: name=\"value\" or name='value'");
    return 1;
}

/* An end tag of another name than the open element: both named as written, prefix included. */
static int reword_mismatch(const xmlError *e, const xmlParserInput *in, char *msg, size_t size) {
    if (!e->str1 || !e->str2)
        return 0;
    /* libxml2 names both without their prefix: the open element's is in the tree,
     * the end tag's in the bytes just read ("</xsl:templat>"). */
    const xmlParserCtxt *ctxt = e->ctxt;
    const xmlNode *open = ctxt && ctxt->node && xmlStrEqual(ctxt->node->name, BAD_CAST e->str1) ? ctxt->node : NULL;
    const char *prefix = open && open->ns && open->ns->prefix ? (const char *)open->ns->prefix : NULL;
    char start[160], end[160];
    snprintf(start, sizeof start, "%s%s%s", prefix ? prefix : "", prefix ? ":" : "", e->str1);
    snprintf(end, sizeof end, "%s", e->str2);
    long i = -1;
    if (in && byte_at(in, i) == '>') {
        while (is_space(byte_at(in, --i)))
            ;
        long last = i;
        while (i > last - 100 && byte_at(in, i) > 0 && byte_at(in, i) != '/' && byte_at(in, i) != '<')
            i--;
        if (byte_at(in, i) == '/' && byte_at(in, i - 1) == '<' && last > i &&
            whole_utf8(in->cur + i + 1, (size_t)(last - i)))
            snprintf(end, sizeof end, "%.*s", (int)(last - i), (const char *)in->cur + i + 1);
    }
    snprintf(msg, size,
             "</%s> does not match <%s>, opened at line %d: an element ends with its own name; correct the end "
             "tag, or add the missing </%s> before it",
             end, start, e->int1, start);
    return 1;
}

static int reword_slip(const xmlError *e, char *msg, size_t size) {
    const xmlParserInput *in = input_at(e);
    switch (e->code) {
    case XML_ERR_NAME_REQUIRED:
        if (in && byte_at(in, -1) == '&') {
            snprintf(msg, size, "a bare '&'; write it as &amp; (an '&' begins a reference such as &amp; or &lt;)");
            return 1;
        }
        if (in && byte_at(in, -1) == '<') {
            snprintf(msg, size, "a bare '<' in the text; write it as &lt; (a '<' begins a tag)");
            return 1;
        }
        return 0;
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
        return reword_semicolon(in, msg, size);
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
        if (!e->str1)
            return 0;
        snprintf(msg, size,
                 "&%s; is not a reference XML knows (it knows &amp; &lt; &gt; &quot; &apos; and numbers); "
                 "write %s",
                 e->str1, instead_of(e->str1));
        return 1;
    case XML_ERR_LT_IN_ATTRIBUTE:
        snprintf(msg, size, "a '<' in an attribute value; write it as &lt;");
        return 1;
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
        return reword_attribute_quotes(in, msg, size);
    case XML_ERR_TAG_NAME_MISMATCH:
        return reword_mismatch(e, in, msg, size);
    case XML_ERR_TAG_NOT_FINISHED:
        if (!e->str1)
            return 0;
        snprintf(
            msg, size,
            "the file ends inside <%s>, opened at line %d: is its end tag </%s> missing, or is the file cut short?",
            e->str1, e->int1, e->str1);
        return 1;
    case XML_ERR_DOCUMENT_END:
        return in ? after_root(e, in, msg, size) : 0;
    default:
        return 0;
    }
}

/* libxml2 hands us one structured error per problem.  Its message ends with a newline
 * and often starts with the element name; we keep its words but give it our shape. */
/* Some of libxml2's words name its own API ("use XML_PARSE_HUGE option") or
 * say little to a researcher; say those the way a reader can act on.  `msg` holds
 * libxml2's message (one line) and receives ours. */
static void reword_xml(const xmlError *e, char *msg, size_t size) {
    char what[256];
    if (reword_slip(e, msg, size))
        return;
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
    } else if (strcmp(msg, "Start tag expected, '<' not found") == 0 || strcmp(msg, "Document is empty") == 0)
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
