/* xmledit — see xmledit.h.
 *
 * How elements find their bytes: the safe parse (xmlsafe) builds the tree through
 * libxml2's SAX2 callbacks and calls us once an element is opened and before it is
 * closed.  When an element opens, the parser has just read its attributes and stands
 * at the '>' or "/>" of the start tag; when it closes, it stands just past the end
 * tag (or past "/>").
 * xmlByteConsumed() gives that position in the input, which for UTF-8 is the
 * position in the file.  A start tag begins at the last '<' before it (attribute
 * values cannot hold a '<'), and so does an end tag.  Every span is checked against
 * the bytes after parsing; a file where one does not fit is not edited at all.
 */
#include "xmledit.h"

#include "diag.h"
#include "fileio.h"
#include "xmlsafe.h"

#include <errno.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Catalogues and briefs are small; a file larger than this is a mistake. */
#define MAX_BYTES (256L * 1024 * 1024)

typedef struct span_rec {
    const xmlNode *node;
    bg_xspan span;
} span_rec;

struct bg_xdoc {
    char *name;
    char *bytes;
    size_t len;
    xmlDocPtr doc;
    span_rec *spans; /* node->_private holds its index here, plus one */
    size_t nspans, cap;
    int failed; /* out of memory while recording */
};

xmlDocPtr bg_xdoc_doc(const bg_xdoc *x) { return x->doc; }
const char *bg_xdoc_name(const bg_xdoc *x) { return x->name; }
const char *bg_xdoc_bytes(const bg_xdoc *x, size_t *len) {
    if (len)
        *len = x->len;
    return x->bytes;
}

void bg_xdoc_free(bg_xdoc *x) {
    if (!x)
        return;
    xmlFreeDoc(x->doc);
    free(x->spans);
    free(x->bytes);
    free(x->name);
    free(x);
}

/* ---- parsing ---------------------------------------------------------------------- */

static size_t position(xmlParserCtxtPtr ctxt) {
    long at = xmlByteConsumed(ctxt);
    return at < 0 ? 0 : (size_t)at;
}

static void on_start(xmlParserCtxtPtr ctxt, xmlNodePtr node, void *user) {
    bg_xdoc *x = user;
    if (!node || x->failed)
        return;
    if (x->nspans == x->cap) {
        size_t cap = x->cap ? 2 * x->cap : 256;
        span_rec *grown = realloc(x->spans, cap * sizeof *grown);
        if (!grown) {
            x->failed = 1;
            return;
        }
        x->spans = grown;
        x->cap = cap;
    }
    size_t at = position(ctxt), start = at;
    while (start > 0 && x->bytes[start] != '<')
        start--;
    size_t end = at;
    while (end < x->len && x->bytes[end] != '>')
        end++;
    span_rec *r = &x->spans[x->nspans++];
    r->node = node;
    r->span = (bg_xspan){start, end + 1, end + 1, end + 1};
    node->_private = (void *)(uintptr_t)x->nspans;
}

static void on_end(xmlParserCtxtPtr ctxt, xmlNodePtr node, void *user) {
    bg_xdoc *x = user;
    uintptr_t i = node ? (uintptr_t)node->_private : 0;
    if (i > 0 && i <= x->nspans) {
        bg_xspan *s = &x->spans[i - 1].span;
        size_t at = position(ctxt);
        if (at != s->open_end) { /* not an empty-element tag: find the end tag */
            size_t start = at > 0 ? at - 1 : 0;
            while (start > 0 && x->bytes[start] != '<')
                start--;
            s->close_start = start;
            s->close_end = at;
        }
    }
}

/* Every recorded span must frame its element's tags in the bytes. */
static int spans_fit(const bg_xdoc *x) {
    for (size_t i = 0; i < x->nspans; i++) {
        const bg_xspan *s = &x->spans[i].span;
        const xmlNode *n = x->spans[i].node;
        size_t nl = strlen((const char *)n->name);
        const char *open = x->bytes + s->open_start;
        const char *colon = memchr(open, ':', s->open_end - s->open_start);
        const char *name = n->ns && n->ns->prefix && colon ? colon + 1 : open + 1;
        if (s->open_end > x->len || s->close_end > x->len || open[0] != '<' || x->bytes[s->open_end - 1] != '>' ||
            (size_t)(name - x->bytes) + nl > s->open_end || memcmp(name, n->name, nl) != 0 ||
            s->close_start < s->open_end || s->close_end < s->close_start ||
            (s->close_end > s->close_start && memcmp(x->bytes + s->close_start, "</", 2) != 0))
            return 0;
    }
    return 1;
}

bg_xdoc *bg_xdoc_parse(const char *data, size_t len, const char *name) {
    if (len > (size_t)MAX_BYTES) {
        bg_error(name, 0, "file too large to edit");
        return NULL;
    }
    bg_xdoc *x = calloc(1, sizeof *x);
    if (!x || !(x->name = strdup(name)) || !(x->bytes = malloc(len + 1))) {
        bg_xdoc_free(x);
        bg_error(name, 0, "out of memory");
        return NULL;
    }
    memcpy(x->bytes, data, len);
    x->bytes[len] = '\0';
    x->len = len;

    bg_xml_opts opts = {
        .name = name,
        .refusal = "the document declares the entity '%s'; entities are not allowed here "
                   "(remove the <!DOCTYPE …> and write the text out)",
        .flags = BG_XML_LIBXML2_WORDS,
        .opened = on_start,
        .closing = on_end,
        .user = x,
    };
    int errors_before = bg_diag_errors();
    x->doc = bg_xml_parse(x->bytes, len, &opts, NULL);
    if (!x->doc) {
        if (bg_diag_errors() == errors_before)
            bg_error(name, 0, "not a well-formed XML document");
        bg_xdoc_free(x);
        return NULL;
    }
    if (x->failed) {
        bg_error(name, 0, "out of memory");
        bg_xdoc_free(x);
        return NULL;
    }
    if (x->doc->encoding && strcasecmp((const char *)x->doc->encoding, "UTF-8") != 0) {
        bg_error(name, 1, "the file is in %s; briefgen edits only UTF-8 files", (const char *)x->doc->encoding);
        bg_xdoc_free(x);
        return NULL;
    }
    if (!spans_fit(x)) {
        bg_error(name, 0, "internal error: cannot find every element's place in the file; not editing it");
        bg_xdoc_free(x);
        return NULL;
    }
    return x;
}

bg_xdoc *bg_xdoc_load(const char *path) {
    char *buf;
    size_t n;
    mode_t mode = 0;
    bg_file_status st = bg_file_read(path, MAX_BYTES, &buf, &n, &mode);
    if (st == BG_FILE_TOO_LARGE) {
        bg_error(path, 0, "not a file briefgen can edit (%zu bytes)", n);
        return NULL;
    }
    if (st != BG_FILE_OK) {
        char why[256];
        bg_error(path, 0, "%s", bg_file_problem(st, mode, why, sizeof why));
        return NULL;
    }
    if (n == 0) {
        bg_error(path, 0, "the file is empty");
        free(buf);
        return NULL;
    }
    bg_xdoc *x = bg_xdoc_parse(buf, n, path);
    free(buf);
    return x;
}

int bg_xdoc_span(const bg_xdoc *x, const xmlNode *el, bg_xspan *span) {
    uintptr_t i = el && el->type == XML_ELEMENT_NODE ? (uintptr_t)el->_private : 0;
    if (i == 0 || i > x->nspans || x->spans[i - 1].node != el)
        return -1;
    *span = x->spans[i - 1].span;
    return 0;
}

void bg_xdoc_line_start(const bg_xdoc *x, const xmlNode *el, bg_buf *out) {
    bg_xspan s;
    if (bg_xdoc_span(x, el, &s) != 0) {
        bg_buf_puts(out, "\n");
        return;
    }
    size_t at = s.open_start;
    while (at > 0 && (x->bytes[at - 1] == ' ' || x->bytes[at - 1] == '\t'))
        at--;
    if (at == 0 || x->bytes[at - 1] != '\n') {
        bg_buf_puts(out, "\n");
        return;
    }
    at--;
    if (at > 0 && x->bytes[at - 1] == '\r')
        at--;
    bg_buf_add(out, x->bytes + at, s.open_start - at);
}

/* ---- edits -------------------------------------------------------------------------- */

typedef struct edit {
    size_t at, len;
    char *text;
    size_t n;
    size_t seq;
} edit;

struct bg_xedits {
    edit *v;
    size_t n, cap;
    int failed;
};

bg_xedits *bg_xedits_new(void) { return calloc(1, sizeof(bg_xedits)); }

void bg_xedits_free(bg_xedits *e) {
    if (!e)
        return;
    for (size_t i = 0; i < e->n; i++)
        free(e->v[i].text);
    free(e->v);
    free(e);
}

int bg_xedits_count(const bg_xedits *e) { return e ? (int)e->n : 0; }

void bg_xedits_replace(bg_xedits *e, size_t at, size_t len, const char *text, size_t n) {
    if (e->failed)
        return;
    if (e->n == e->cap) {
        size_t cap = e->cap ? 2 * e->cap : 16;
        edit *grown = realloc(e->v, cap * sizeof *grown);
        if (!grown) {
            e->failed = 1;
            return;
        }
        e->v = grown;
        e->cap = cap;
    }
    char *copy = malloc(n + 1);
    if (!copy) {
        e->failed = 1;
        return;
    }
    if (n)
        memcpy(copy, text, n);
    copy[n] = '\0';
    edit *d = &e->v[e->n];
    d->at = at;
    d->len = len;
    d->text = copy;
    d->n = n;
    d->seq = e->n++;
}

static int no_span(const bg_xdoc *x, const xmlNode *el) {
    bg_error(bg_xdoc_name(x), el ? xmlGetLineNo(el) : 0, "internal error: <%s> has no place in the file",
             el ? (const char *)el->name : "?");
    return -1;
}

/* The qualified name of `el` as its tags write it. */
static void add_qname(bg_buf *b, const xmlNode *el) {
    if (el->ns && el->ns->prefix) {
        bg_buf_puts(b, (const char *)el->ns->prefix);
        bg_buf_puts(b, ":");
    }
    bg_buf_puts(b, (const char *)el->name);
}

int bg_xedit_set_content(bg_xedits *e, const bg_xdoc *x, const xmlNode *el, const char *content) {
    bg_xspan s;
    if (bg_xdoc_span(x, el, &s) != 0)
        return no_span(x, el);
    if (s.close_end > s.close_start) {
        bg_xedits_replace(e, s.open_end, s.close_start - s.open_end, content, strlen(content));
        return 0;
    }
    /* <x …/> becomes <x …>content</x>: drop the '/' (and any space before it). */
    size_t slash = s.open_end - 2;
    while (slash > s.open_start && (x->bytes[slash - 1] == ' ' || x->bytes[slash - 1] == '\t' ||
                                    x->bytes[slash - 1] == '\n' || x->bytes[slash - 1] == '\r'))
        slash--;
    bg_buf b = {0};
    bg_buf_puts(&b, ">");
    bg_buf_puts(&b, content);
    bg_buf_puts(&b, "</");
    add_qname(&b, el);
    bg_buf_puts(&b, ">");
    if (b.failed) {
        e->failed = 1;
    } else {
        bg_xedits_replace(e, slash, s.open_end - slash, b.s, b.len);
    }
    bg_buf_free(&b);
    return 0;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static int is_name_char(char c) {
    return !is_space(c) && c != '=' && c != '>' && c != '/' && c != '"' && c != '\'' && c != '<';
}

int bg_xedit_set_attr(bg_xedits *e, const bg_xdoc *x, const xmlNode *el, const char *name, const char *value) {
    bg_xspan s;
    if (bg_xdoc_span(x, el, &s) != 0)
        return no_span(x, el);
    const char *b = x->bytes;
    size_t nl = strlen(name);
    /* Walk the attributes of the start tag: Name S? = S? ("…" | '…'). */
    size_t i = s.open_start + 1;
    while (i < s.open_end && is_name_char(b[i]))
        i++;
    for (;;) {
        while (i < s.open_end && is_space(b[i]))
            i++;
        if (i >= s.open_end || !is_name_char(b[i]))
            break;
        size_t n0 = i;
        while (i < s.open_end && is_name_char(b[i]))
            i++;
        size_t n1 = i;
        while (i < s.open_end && (is_space(b[i]) || b[i] == '='))
            i++;
        if (i >= s.open_end || (b[i] != '"' && b[i] != '\''))
            break;
        char quote = b[i];
        size_t v0 = ++i;
        while (i < s.open_end && b[i] != quote)
            i++;
        size_t v1 = i++; /* the value is [v0, v1), between its quotes */
        if (n1 - n0 == nl && memcmp(b + n0, name, nl) == 0) {
            /* The new value in double quotes (escaped for them), in place of the old
             * value and its quotes. */
            bg_buf v = {0};
            bg_buf_puts(&v, "\"");
            bg_buf_add_xml(&v, value, strlen(value), 1);
            bg_buf_puts(&v, "\"");
            if (v.failed)
                e->failed = 1;
            else
                bg_xedits_replace(e, v0 - 1, v1 + 1 - (v0 - 1), v.s, v.len);
            bg_buf_free(&v);
            return 0;
        }
    }
    /* Not there: add it after the last attribute, before "/>" or ">". */
    size_t at = s.open_end - 1;
    if (at > s.open_start && b[at - 1] == '/')
        at--;
    while (at > s.open_start && is_space(b[at - 1]))
        at--;
    bg_buf v = {0};
    bg_buf_printf(&v, " %s=\"", name);
    bg_buf_add_xml(&v, value, strlen(value), 1);
    bg_buf_puts(&v, "\"");
    if (v.failed)
        e->failed = 1;
    else
        bg_xedits_replace(e, at, 0, v.s, v.len);
    bg_buf_free(&v);
    return 0;
}

int bg_xedit_remove(bg_xedits *e, const bg_xdoc *x, const xmlNode *el) {
    bg_xspan s;
    if (bg_xdoc_span(x, el, &s) != 0)
        return no_span(x, el);
    size_t start = s.open_start;
    while (start > 0 && is_space(x->bytes[start - 1]))
        start--;
    bg_xedits_replace(e, start, s.close_end - start, "", 0);
    return 0;
}

int bg_xedit_insert_after(bg_xedits *e, const bg_xdoc *x, const xmlNode *el, int inside, const char *text) {
    bg_xspan s;
    if (bg_xdoc_span(x, el, &s) != 0)
        return no_span(x, el);
    bg_xedits_replace(e, inside ? s.open_end : s.close_end, 0, text, strlen(text));
    return 0;
}

static int by_position(const void *a, const void *b) {
    const edit *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    if ((x->len > 0) != (y->len > 0)) /* insertions before a deletion at the same place */
        return x->len > 0 ? 1 : -1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

char *bg_xedits_apply(const bg_xedits *e, const bg_xdoc *x, size_t *len) {
    if (e->failed) {
        bg_error(x->name, 0, "out of memory");
        return NULL;
    }
    edit *sorted = malloc((e->n + 1) * sizeof *sorted);
    if (!sorted) {
        bg_error(x->name, 0, "out of memory");
        return NULL;
    }
    if (e->n)
        memcpy(sorted, e->v, e->n * sizeof *sorted);
    qsort(sorted, e->n, sizeof *sorted, by_position);
    bg_buf out = {0};
    size_t at = 0;
    for (size_t i = 0; i < e->n; i++) {
        const edit *d = &sorted[i];
        if (d->at < at || d->at + d->len > x->len) {
            bg_error(x->name, 0, "internal error: overlapping edits at byte %zu; the file is left as it was", d->at);
            free(sorted);
            bg_buf_free(&out);
            return NULL;
        }
        bg_buf_add(&out, x->bytes + at, d->at - at);
        bg_buf_add(&out, d->text, d->n);
        at = d->at + d->len;
    }
    bg_buf_add(&out, x->bytes + at, x->len - at);
    free(sorted);
    *len = out.len;
    char *s = bg_buf_take(&out);
    if (!s)
        bg_error(x->name, 0, "out of memory");
    return s;
}
