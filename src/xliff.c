/* xliff — see xliff.h.
 *
 * Text is compared and written with its white space normalised: runs become one
 * space and the ends of an element are trimmed, as HTML and the renderer read it.
 * A translator's tool may rewrap a paragraph; that is not a change of text.
 */
#include "xliff.h"

#include "brief.h"
#include "buf.h"
#include "diag.h"
#include "fileio.h"
#include "textunits.h"
#include "xlf.h"
#include "xmledit.h"

#include <libxml/hash.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Inline elements numbered in one text; more are left out of the numbering. */
#define MAX_INLINES 256

/* ---- normalised text --------------------------------------------------------------- */

/* Writes text with runs of white space made one space and the ends trimmed; tags
 * pass through (a space waiting before a tag is written before it). */
typedef struct flow {
    bg_buf *b;
    int started, pending;
} flow;

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static void flow_text(flow *f, const char *s) {
    while (*s) {
        if (is_ws(*s)) {
            f->pending = f->started;
            s++;
            continue;
        }
        size_t n = 0;
        while (s[n] && !is_ws(s[n]))
            n++;
        if (f->pending)
            bg_buf_add(f->b, " ", 1);
        f->pending = 0;
        f->started = 1;
        bg_buf_add_xml(f->b, s, n, 0);
        s += n;
    }
}

static void flow_tag(flow *f, const char *tag) {
    if (f->pending)
        bg_buf_add(f->b, " ", 1);
    f->pending = 0;
    f->started = 1;
    bg_buf_puts(f->b, tag);
}

/* ---- brief text as XLIFF ------------------------------------------------------------ */

static const char *ctype_of(const xmlNode *el) {
    static const char *const map[][2] = {{"em", "italic"},   {"strong", "bold"}, {"a", "link"},
                                         {"cite", "x-cite"}, {"term", "x-term"}, {NULL, NULL}};
    for (int i = 0; map[i][0]; i++)
        if (xmlStrEqual(el->name, BAD_CAST map[i][0]))
            return map[i][1];
    return NULL;
}

static int has_content(const xmlNode *el) {
    for (const xmlNode *k = el->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE || k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
            return 1;
    return 0;
}

/* The content of brief element `el` as XLIFF: the inline elements as <g>/<x>, the
 * k-th of them (in document order, counted in *next from 0) numbered map[k], or k + 1
 * without a map.  `ctype` adds the ctype attributes (export); without it the result
 * is the canonical form compared on import. */
static void brief_to_xliff(flow *f, const xmlNode *el, int *next, const int *map, int ctype) {
    for (const xmlNode *k = el->children; k; k = k->next) {
        if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content) {
            flow_text(f, (const char *)k->content);
        } else if (k->type == XML_ELEMENT_NODE) {
            int id = map && *next < MAX_INLINES ? map[*next] : *next + 1;
            (*next)++;
            const char *ct = ctype_of(k);
            char tag[96];
            int empty = !has_content(k);
            if (ctype && ct)
                snprintf(tag, sizeof tag, "<%s id=\"%d\" ctype=\"%s\"%s>", empty ? "x" : "g", id, ct, empty ? "/" : "");
            else if (ctype)
                snprintf(tag, sizeof tag, "<%s id=\"%d\" ctype=\"x-%s\"%s>", empty ? "x" : "g", id,
                         (const char *)k->name, empty ? "/" : "");
            else
                snprintf(tag, sizeof tag, "<%s id=\"%d\"%s>", empty ? "x" : "g", id, empty ? "/" : "");
            flow_tag(f, tag);
            if (!empty) {
                brief_to_xliff(f, k, next, map, ctype);
                flow_tag(f, "</g>");
            }
        }
    }
}

/* `el`'s content as canonical XLIFF (numbered by `map`), in a new string. */
static char *canonical_brief(const xmlNode *el, const int *map) {
    bg_buf b = {0};
    flow f = {&b, 0, 0};
    int next = 0;
    brief_to_xliff(&f, el, &next, map, 0);
    return bg_buf_take(&b);
}

/* ---- inline elements of a unit ---------------------------------------------------------
 * Export numbers the source's inline elements 1…n in document order.  A translation
 * may hold them in another order, or hold others: each of its inline elements takes
 * the number of the source element it matches (same name, same attributes but for
 * xml:lang, not yet taken), and one that matches none a number after n.  Import
 * rebuilds the same list from the brief, so every number finds its element. */

typedef struct inlines {
    const xmlNode *v[MAX_INLINES];
    int n;
    int map[MAX_INLINES]; /* the translation's k-th inline element is v[map[k] - 1] */
} inlines;

static void list_inlines(const xmlNode *el, const xmlNode **v, int *n) {
    for (const xmlNode *k = el->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE) {
            if (*n < MAX_INLINES)
                v[*n] = k;
            (*n)++;
            list_inlines(k, v, n);
        }
}

static int count_attrs(const xmlNode *el) {
    int n = 0;
    for (const xmlAttr *a = el->properties; a; a = a->next)
        n += !(a->ns && xmlStrEqual(a->ns->href, XML_XML_NAMESPACE));
    return n;
}

static int same_inline(const xmlNode *a, const xmlNode *b) {
    if (!xmlStrEqual(a->name, b->name) || count_attrs(a) != count_attrs(b))
        return 0;
    for (const xmlAttr *x = a->properties; x; x = x->next) {
        if (x->ns && xmlStrEqual(x->ns->href, XML_XML_NAMESPACE))
            continue;
        xmlChar *va = xmlNodeGetContent((const xmlNode *)x);
        xmlChar *vb = xmlGetNoNsProp(b, x->name);
        int same = va && vb && xmlStrEqual(va, vb);
        xmlFree(va);
        xmlFree(vb);
        if (!same)
            return 0;
    }
    return 1;
}

/* The numbering for `source` and its translation `target` (may be NULL). */
static void unit_inlines(const xmlNode *source, const xmlNode *target, inlines *in) {
    memset(in, 0, sizeof *in);
    list_inlines(source, in->v, &in->n);
    if (in->n > MAX_INLINES)
        in->n = MAX_INLINES;
    int nsrc = in->n;
    const xmlNode *t[MAX_INLINES];
    int nt = 0;
    unsigned char taken[MAX_INLINES] = {0};
    if (target)
        list_inlines(target, t, &nt);
    for (int j = 0; j < nt && j < MAX_INLINES; j++) {
        int k = 0;
        while (k < nsrc && (taken[k] || !same_inline(in->v[k], t[j])))
            k++;
        if (k < nsrc) {
            taken[k] = 1;
            in->map[j] = k + 1;
        } else if (in->n < MAX_INLINES) {
            in->v[in->n++] = t[j];
            in->map[j] = in->n;
        }
    }
}

/* The canonical form of XLIFF <source>/<target> `el` (g and x by id, mrk looked
 * through; anything else is written so that it never equals a brief's text). */
static void xliff_canonical(flow *f, const xmlNode *el) {
    for (const xmlNode *k = el->children; k; k = k->next) {
        if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content) {
            flow_text(f, (const char *)k->content);
        } else if (k->type == XML_ELEMENT_NODE) {
            const char *id = bg_xlf_attr(k, "id");
            char tag[96];
            if (bg_xlf_is(k, "mrk")) {
                xliff_canonical(f, k);
            } else if (bg_xlf_is(k, "g") || bg_xlf_is(k, "x")) {
                int empty = bg_xlf_is(k, "x") || !has_content(k);
                snprintf(tag, sizeof tag, "<%s id=\"%.40s\"%s>", empty ? "x" : "g", id ? id : "", empty ? "/" : "");
                flow_tag(f, tag);
                if (!empty) {
                    xliff_canonical(f, k);
                    flow_tag(f, "</g>");
                }
            } else {
                snprintf(tag, sizeof tag, "<%.40s>", (const char *)k->name);
                flow_tag(f, tag);
            }
        }
    }
}

static char *canonical_xliff(const xmlNode *el) {
    bg_buf b = {0};
    flow f = {&b, 0, 0};
    xliff_canonical(&f, el);
    return bg_buf_take(&b);
}

/* ---- export ------------------------------------------------------------------------- */

static const char *base_name(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int in_langs(const bg_brief *b, const char *lang) {
    for (int i = 0; i < bg_brief_nlangs(b); i++)
        if (xmlStrcasecmp(BAD_CAST bg_brief_lang(b, i), BAD_CAST lang) == 0)
            return 1;
    return 0;
}

static void add_unit(bg_buf *out, const bg_text_unit *t, const char *lang, const char *source_lang,
                     const char *brief_path) {
    bg_buf_puts(out, "      <trans-unit id=\"");
    bg_buf_add_xml(out, t->id, strlen(t->id), 1);
    bg_buf_puts(out, "\">\n        <source>");
    flow f = {out, 0, 0};
    int next = 0;
    brief_to_xliff(&f, t->source, &next, NULL, 1);
    bg_buf_puts(out, "</source>\n");
    xmlNodePtr target = bg_text_unit_member(t, lang);
    if (target) {
        inlines in;
        unit_inlines(t->source, target, &in);
        bg_buf_puts(out, "        <target state=\"translated\">");
        flow g = {out, 0, 0};
        next = 0;
        brief_to_xliff(&g, target, &next, in.map, 1);
        bg_buf_puts(out, "</target>\n");
    } else {
        bg_buf_puts(out, "        <target state=\"needs-translation\"/>\n");
    }
    char *where = bg_text_context(t->source, source_lang);
    bg_buf note = {0};
    bg_buf_printf(&note, "%s in “%s”", bg_text_kind(t->source), where ? where : "");
    if (!xmlStrEqual(t->source->name, BAD_CAST "p") && !xmlStrEqual(t->source->name, BAD_CAST "item") &&
        !xmlStrEqual(t->source->name, BAD_CAST "note") && !xmlStrEqual(t->source->name, BAD_CAST "text"))
        bg_buf_puts(&note, "; plain text, no markup");
    bg_buf_printf(&note, " (%s:%ld)", base_name(brief_path), bg_node_line(t->source));
    bg_buf_puts(out, "        <note>");
    if (note.s)
        bg_buf_add_xml(out, note.s, note.len, 0);
    bg_buf_puts(out, "</note>\n      </trans-unit>\n");
    bg_buf_free(&note);
    free(where);
}

int bg_xliff_export(const char *path, const char *lang, const bg_schema *schema, const char *out_path) {
    bg_brief *b = bg_brief_load(path);
    if (!b || bg_brief_validate(b, schema) != 0) {
        bg_brief_free(b);
        return -1;
    }
    const char *source_lang = bg_brief_source_lang(b);
    if (xmlStrcasecmp(BAD_CAST source_lang, BAD_CAST lang) == 0) {
        bg_error(path, 0, "the brief is written in \"%s\" (source-lang): export another of its languages", lang);
        bg_brief_free(b);
        return -1;
    }
    if (!in_langs(b, lang))
        bg_warn(path, bg_node_line(xmlDocGetRootElement(bg_brief_doc(b))),
                "\"%s\" is not one of the brief's languages; add it to langs before importing the translation", lang);
    bg_text_units units;
    if (bg_text_units_collect(xmlDocGetRootElement(bg_brief_doc(b)), source_lang, &units) != 0) {
        bg_brief_free(b);
        return -1;
    }
    bg_buf out = {0};
    bg_buf_puts(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<xliff version=\"1.2\" xmlns=\"" BG_XLF_NS "\">\n  <file original=\"");
    bg_buf_add_xml(&out, base_name(path), strlen(base_name(path)), 1);
    bg_buf_puts(&out, "\" datatype=\"xml\" source-language=\"");
    bg_buf_add_xml(&out, source_lang, strlen(source_lang), 1);
    bg_buf_puts(&out, "\" target-language=\"");
    bg_buf_add_xml(&out, lang, strlen(lang), 1);
    bg_buf_puts(&out, "\">\n    <body>\n");
    for (int i = 0; i < units.n; i++)
        if (units.v[i].source)
            add_unit(&out, &units.v[i], lang, source_lang, path);
    bg_buf_puts(&out, "    </body>\n  </file>\n</xliff>\n");
    bg_text_units_free(&units);
    bg_brief_free(b);
    int rc = 0;
    if (out.failed) {
        bg_error(NULL, 0, "out of memory");
        rc = -1;
    } else if (out_path) {
        rc = bg_write_atomic(out_path, out.s, out.len);
    } else if (fwrite(out.s, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
        bg_error(NULL, 0, "cannot write to standard output");
        rc = -1;
    }
    bg_buf_free(&out);
    return rc;
}

/* ---- import ------------------------------------------------------------------------- */

static void add_qname(bg_buf *b, const xmlNode *el) {
    if (el->ns && el->ns->prefix)
        bg_buf_printf(b, "%s:", (const char *)el->ns->prefix);
    bg_buf_puts(b, (const char *)el->name);
}

/* What one import is working on, for messages. */
typedef struct merge {
    const bg_xdoc *brief; /* the brief's bytes and spans */
    const char *xliff_path;
    long line;      /* of the trans-unit */
    const char *id; /* of the trans-unit */
    int errors;
} merge;

/* The start tag of source inline `el` as the brief writes it, turned into a start
 * tag that is followed by content when `open` is set ("<cite ref='r'/>" becomes
 * "<cite ref='r'>"). */
static void add_start_tag(bg_buf *b, const bg_xdoc *x, const xmlNode *el, int open) {
    bg_xspan s;
    if (bg_xdoc_span(x, el, &s) != 0)
        return;
    const char *bytes = bg_xdoc_bytes(x, NULL);
    size_t end = s.open_end;
    int self_closing = end >= 2 && bytes[end - 2] == '/';
    if (open && self_closing) {
        end -= 2;
        while (end > s.open_start && is_ws(bytes[end - 1]))
            end--;
        bg_buf_add(b, bytes + s.open_start, end - s.open_start);
        bg_buf_puts(b, ">");
    } else {
        bg_buf_add(b, bytes + s.open_start, end - s.open_start);
    }
}

/* The content of XLIFF target `el` as brief markup, each <g>/<x> replaced by the
 * source's inline element of that number. */
static void target_to_brief(flow *f, merge *m, const xmlNode *el, const inlines *src) {
    for (const xmlNode *k = el->children; k; k = k->next) {
        if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content) {
            flow_text(f, (const char *)k->content);
            continue;
        }
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (bg_xlf_is(k, "mrk")) {
            target_to_brief(f, m, k, src);
            continue;
        }
        if (!bg_xlf_is(k, "g") && !bg_xlf_is(k, "x")) {
            bg_error(m->xliff_path, xmlGetLineNo(k),
                     "trans-unit '%s': <%s> in the target; briefgen reads only the <g> and <x/> it exported", m->id,
                     (const char *)k->name);
            m->errors++;
            continue;
        }
        const char *id = bg_xlf_attr(k, "id");
        char *end = NULL;
        long n = id ? strtol(id, &end, 10) : 0;
        if (!id || *end || n < 1 || n > src->n) {
            bg_error(m->xliff_path, xmlGetLineNo(k), "trans-unit '%s': <%s id=\"%s\"> is not in the source text", m->id,
                     (const char *)k->name, id ? id : "");
            m->errors++;
            continue;
        }
        const xmlNode *orig = src->v[n - 1];
        int with_content = bg_xlf_is(k, "g") && has_content(k);
        bg_buf tag = {0};
        add_start_tag(&tag, m->brief, orig, with_content || has_content(orig));
        flow_tag(f, tag.s ? tag.s : "");
        bg_buf_free(&tag);
        if (with_content)
            target_to_brief(f, m, k, src);
        if (with_content || has_content(orig)) {
            bg_buf close = {0};
            bg_buf_puts(&close, "</");
            add_qname(&close, orig);
            bg_buf_puts(&close, ">");
            flow_tag(f, close.s ? close.s : "");
            bg_buf_free(&close);
        }
    }
}

typedef struct counts {
    int added, updated, unchanged, untranslated, stale, unknown;
} counts;

/* Merge one trans-unit `tu` into the edits. */
static void merge_unit(merge *m, const xmlNode *tu, xmlHashTablePtr by_id, const bg_text_units *units, const char *lang,
                       const char *brief_path, bg_xedits *e, counts *c) {
    const xmlNode *source = bg_xlf_child(tu, "source", NULL), *target = bg_xlf_child(tu, "target", NULL);
    char *text = target ? canonical_xliff(target) : NULL;
    if (!source || !text || !text[0]) {
        if (!source) {
            bg_error(m->xliff_path, m->line, "trans-unit '%s' has no <source>", m->id);
            m->errors++;
        }
        c->untranslated++;
        free(text);
        return;
    }
    uintptr_t i = (uintptr_t)xmlHashLookup(by_id, BAD_CAST m->id);
    const bg_text_unit *t = i ? &units->v[i - 1] : NULL;
    if (!t || !t->source) {
        bg_warn(m->xliff_path, m->line,
                "trans-unit '%s': the brief has no such text (removed since the export?); "
                "not merged",
                m->id);
        c->unknown++;
        free(text);
        return;
    }
    char *was = canonical_brief(t->source, NULL), *exported = canonical_xliff(source);
    if (!was || !exported || strcmp(was, exported) != 0) {
        bg_warn(m->xliff_path, m->line,
                "trans-unit '%s': the \"%s\" text changed since the export (%s:%ld); not merged — export again and "
                "translate the new text",
                m->id, (const char *)bg_node_lang(t->source), brief_path, bg_node_line(t->source));
        c->stale++;
        free(was);
        free(exported);
        free(text);
        return;
    }
    free(was);
    free(exported);

    xmlNodePtr have = bg_text_unit_member(t, lang);
    inlines src;
    unit_inlines(t->source, have, &src);
    char *now = have ? canonical_brief(have, src.map) : NULL;
    if (now && strcmp(now, text) == 0) { /* as it is: nothing to convert */
        c->unchanged++;
        free(now);
        free(text);
        return;
    }
    bg_buf content = {0};
    flow f = {&content, 0, 0};
    int errors_before = m->errors;
    target_to_brief(&f, m, target, &src);
    if (m->errors != errors_before || content.failed) {
        if (content.failed) {
            bg_error(NULL, 0, "out of memory");
            m->errors++;
        }
    } else if (have) {
        bg_xedit_set_content(e, m->brief, have, content.s ? content.s : "");
        c->updated++;
    } else {
        bg_buf el = {0};
        bg_xdoc_line_start(m->brief, t->source, &el);
        bg_buf_puts(&el, "<");
        add_qname(&el, t->source);
        bg_buf_puts(&el, " xml:lang=\"");
        bg_buf_add_xml(&el, lang, strlen(lang), 1);
        bg_buf_puts(&el, "\">");
        bg_buf_puts(&el, content.s ? content.s : "");
        bg_buf_puts(&el, "</");
        add_qname(&el, t->source);
        bg_buf_puts(&el, ">");
        if (el.failed) {
            bg_error(NULL, 0, "out of memory");
            m->errors++;
        } else {
            bg_xedit_insert_after(e, m->brief, t->source, 0, el.s);
            c->added++;
        }
        bg_buf_free(&el);
    }
    free(now);
    free(text);
    bg_buf_free(&content);
}

/* What the walk over the XLIFF document's trans-units takes to each (merge_one). */
typedef struct merge_walk {
    merge *m;
    xmlHashTablePtr by_id, seen;
    const bg_text_units *units;
    const char *lang, *brief_path;
    bg_xedits *e;
    counts *c;
} merge_walk;

/* Merge trans-unit `n`, the next in document order, after checking its id. */
static int merge_one(xmlNodePtr n, void *data) {
    const merge_walk *w = data;
    merge *m = w->m;
    m->line = xmlGetLineNo(n);
    m->id = bg_xlf_attr(n, "id");
    if (!m->id) {
        bg_error(m->xliff_path, m->line, "trans-unit without an id");
        m->errors++;
        return 0;
    }
    uintptr_t first = (uintptr_t)xmlHashLookup(w->seen, BAD_CAST m->id);
    if (first) {
        bg_error(m->xliff_path, m->line, "duplicate trans-unit id '%s' (first at line %lu)", m->id,
                 (unsigned long)first);
        m->errors++;
        return 0;
    }
    xmlHashAddEntry(w->seen, BAD_CAST m->id, (void *)(uintptr_t)m->line);
    merge_unit(m, n, w->by_id, w->units, w->lang, w->brief_path, w->e, w->c);
    return 0;
}

/* The <file> of an XLIFF document, checked against the brief; NULL (reported). */
static const xmlNode *xliff_file(const bg_xdoc *xl, const bg_brief *b, const char **lang) {
    const char *path = bg_xdoc_name(xl);
    const xmlNode *top = xmlDocGetRootElement(bg_xdoc_doc(xl));
    const char *version = bg_xlf_attr(top, "version");
    if (!bg_xlf_is(top, "xliff") || !version || strcmp(version, "1.2") != 0) {
        bg_error(path, top ? xmlGetLineNo(top) : 0,
                 "not an XLIFF 1.2 file: the root element should be <xliff version=\"1.2\" xmlns=\"" BG_XLF_NS "\">");
        return NULL;
    }
    const xmlNode *file = NULL;
    for (const xmlNode *f = top->children; f && !file; f = f->next)
        if (bg_xlf_is(f, "file"))
            file = f;
    if (!file) {
        bg_error(path, xmlGetLineNo(top), "no <file> in this XLIFF document");
        return NULL;
    }
    const char *src = bg_xlf_attr(file, "source-language");
    *lang = bg_xlf_attr(file, "target-language");
    long line = xmlGetLineNo(file);
    if (!*lang || !(*lang)[0]) {
        bg_error(path, line, "<file> has no target-language: which language are the targets in?");
        return NULL;
    }
    if (!src || xmlStrcasecmp(BAD_CAST src, BAD_CAST bg_brief_source_lang(b)) != 0) {
        bg_error(path, line, "source-language=\"%s\", but the brief %s is written in \"%s\"", src ? src : "",
                 bg_brief_path(b), bg_brief_source_lang(b));
        return NULL;
    }
    if (xmlStrcasecmp(BAD_CAST * lang, BAD_CAST bg_brief_source_lang(b)) == 0) {
        bg_error(path, line, "target-language=\"%s\" is the brief's source language", *lang);
        return NULL;
    }
    if (!in_langs(b, *lang)) {
        bg_error(path, line, "\"%s\" is not one of the languages of %s; add it to the brief's langs first", *lang,
                 bg_brief_path(b));
        return NULL;
    }
    return file;
}

int bg_xliff_import(const char *path, const char *xliff_path, const bg_schema *schema) {
    bg_xdoc *x = bg_xdoc_load(path);
    if (!x)
        return -1;
    size_t len;
    const char *bytes = bg_xdoc_bytes(x, &len);
    bg_brief *b = len <= 0x7fffffff ? bg_brief_load_memory(bytes, (int)len, path) : NULL;
    bg_xdoc *xl = NULL;
    bg_text_units units = {NULL, 0};
    xmlHashTablePtr by_id = xmlHashCreate(256), seen = xmlHashCreate(256);
    bg_xedits *e = bg_xedits_new();
    int rc = -1;
    const char *lang = NULL;
    const xmlNode *file = NULL;
    if (!by_id || !seen || !e) {
        bg_error(NULL, 0, "out of memory");
        goto done;
    }
    if (!b || bg_brief_validate(b, schema) != 0 || !(xl = bg_xdoc_load(xliff_path)) ||
        !(file = xliff_file(xl, b, &lang)))
        goto done;
    if (bg_text_units_collect(xmlDocGetRootElement(bg_xdoc_doc(x)), bg_brief_source_lang(b), &units) != 0)
        goto done;
    for (int i = 0; i < units.n; i++)
        xmlHashAddEntry(by_id, BAD_CAST units.v[i].id, (void *)(uintptr_t)(i + 1));

    merge m = {x, xliff_path, 0, NULL, 0};
    counts c = {0, 0, 0, 0, 0, 0};
    merge_walk w = {&m, by_id, seen, &units, lang, path, e, &c};
    for (const xmlNode *body = file->children; body; body = body->next)
        if (bg_xlf_is(body, "body"))
            bg_xlf_each_unit(body, merge_one, &w);
    if (m.errors) {
        bg_error(path, 0, "not changed: fix the problem%s in %s first", m.errors == 1 ? "" : "s", xliff_path);
        goto done;
    }
    if (bg_xedits_count(e) > 0) {
        size_t new_len = 0;
        char *merged = bg_xedits_apply(e, x, &new_len);
        bg_brief *check = merged && new_len <= 0x7fffffff ? bg_brief_load_memory(merged, (int)new_len, path) : NULL;
        if (!check || bg_brief_validate(check, schema) != 0) {
            bg_error(path, 0, "the merged brief would not be valid (see above); the file is left as it was");
        } else if (bg_write_atomic(path, merged, new_len) == 0) {
            rc = 0;
        }
        bg_brief_free(check);
        free(merged);
    } else {
        rc = 0;
    }
    if (rc == 0) {
        printf("%s: \"%s\" text added to %d element%s, updated in %d, unchanged in %d", path, lang, c.added,
               c.added == 1 ? "" : "s", c.updated, c.unchanged);
        if (c.untranslated)
            printf("; %d without a translation", c.untranslated);
        if (c.stale + c.unknown)
            printf("; %d not merged", c.stale + c.unknown);
        printf("\n");
    }
done:
    bg_xedits_free(e);
    xmlHashFree(by_id, NULL);
    xmlHashFree(seen, NULL);
    bg_text_units_free(&units);
    bg_xdoc_free(xl);
    bg_brief_free(b);
    bg_xdoc_free(x);
    return rc;
}
