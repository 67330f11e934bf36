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
#include "xlang.h"
#include "xlf.h"
#include "xliff_merge.h"
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

/* The brief's own spelling of language `lang` (any case), or NULL. */
static const char *in_langs(const bg_brief *b, const char *lang) {
    for (int i = 0; i < bg_brief_nlangs(b); i++)
        if (xmlStrcasecmp(BAD_CAST bg_brief_lang(b, i), BAD_CAST lang) == 0)
            return bg_brief_lang(b, i);
    return NULL;
}

/* Unit `t` as the walk hands it on; 0, or the callback's nonzero value. */
static int walk_unit(const bg_text_unit *t, const bg_xfile *f, const bg_xexport_fns *fns, void *data) {
    bg_buf src = {0}, tgt = {0}, note = {0};
    flow fs = {&src, 0, 0};
    int next = 0;
    brief_to_xliff(&fs, t->source, &next, NULL, 1);
    xmlNodePtr target = bg_text_unit_member(t, f->lang);
    if (target) {
        inlines in;
        unit_inlines(t->source, target, &in);
        flow ft = {&tgt, 0, 0};
        next = 0;
        brief_to_xliff(&ft, target, &next, in.map, 1);
    }
    char *where = bg_text_context(t->source, f->source_lang);
    bg_buf_printf(&note, "%s in “%s”", bg_text_kind(t->source), where ? where : "");
    if (!xmlStrEqual(t->source->name, BAD_CAST "p") && !xmlStrEqual(t->source->name, BAD_CAST "item") &&
        !xmlStrEqual(t->source->name, BAD_CAST "note") && !xmlStrEqual(t->source->name, BAD_CAST "text"))
        bg_buf_puts(&note, "; plain text, no markup");
    free(where);
    int rc = -1;
    if (src.failed || tgt.failed || note.failed) {
        bg_error(NULL, 0, "out of memory");
    } else {
        bg_xunit u = {
            t->id,  src.s ? src.s : "",     target ? (tgt.s ? tgt.s : "") : NULL, bg_xlang_is_copy(t->source, target),
            note.s, bg_node_line(t->source)};
        rc = fns->unit(f, &u, data);
    }
    bg_buf_free(&src);
    bg_buf_free(&tgt);
    bg_buf_free(&note);
    return rc;
}

int bg_xliff_walk(const char *path, const char *lang, const bg_schema *schema, const bg_xexport_fns *fns, void *data) {
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
    bg_xfile f = {source_lang, lang, base_name(path)};
    int rc = fns->begin(&f, data);
    for (int i = 0; i < units.n && rc == 0; i++)
        if (units.v[i].source)
            rc = walk_unit(&units.v[i], &f, fns, data);
    bg_text_units_free(&units);
    bg_brief_free(b);
    return rc;
}

static int xliff_begin(const bg_xfile *f, void *data) {
    bg_buf *out = data;
    bg_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<xliff version=\"1.2\" xmlns=\"" BG_XLF_NS "\">\n  <file original=\"");
    bg_buf_add_xml(out, f->brief_name, strlen(f->brief_name), 1);
    bg_buf_puts(out, "\" datatype=\"xml\" source-language=\"");
    bg_buf_add_xml(out, f->source_lang, strlen(f->source_lang), 1);
    bg_buf_puts(out, "\" target-language=\"");
    bg_buf_add_xml(out, f->lang, strlen(f->lang), 1);
    bg_buf_puts(out, "\">\n    <body>\n");
    return 0;
}

/* A finished translation is approved="yes" as well as state="translated": tools on
 * translate-toolkit go by the one, Weblate and others by the other. */
static int xliff_unit(const bg_xfile *f, const bg_xunit *u, void *data) {
    bg_buf *out = data;
    bg_buf_puts(out, "      <trans-unit id=\"");
    bg_buf_add_xml(out, u->id, strlen(u->id), 1);
    bg_buf_puts(out, u->target && !u->review ? "\" approved=\"yes\">\n        <source>" : "\">\n        <source>");
    bg_buf_puts(out, u->source);
    bg_buf_puts(out, "</source>\n");
    if (u->target)
        bg_buf_printf(out, "        <target state=\"%s\">%s</target>\n",
                      u->review ? "needs-review-translation" : "translated", u->target);
    else
        bg_buf_puts(out, "        <target state=\"needs-translation\"/>\n");
    bg_buf note = {0};
    bg_buf_printf(&note, "%s (%s:%ld)", u->note, f->brief_name, u->line);
    bg_buf_puts(out, "        <note>");
    if (note.s)
        bg_buf_add_xml(out, note.s, note.len, 0);
    bg_buf_puts(out, "</note>\n      </trans-unit>\n");
    bg_buf_free(&note);
    return 0;
}

int bg_xliff_export(const char *path, const char *lang, const bg_schema *schema, const char *out_path) {
    bg_buf out = {0};
    bg_xexport_fns fns = {xliff_begin, xliff_unit};
    if (bg_xliff_walk(path, lang, schema, &fns, &out) != 0) {
        bg_buf_free(&out);
        return -1;
    }
    bg_buf_puts(&out, "    </body>\n  </file>\n</xliff>\n");
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

typedef struct counts {
    int added, updated, unchanged, untranslated, stale, unknown, unfinished;
} counts;

struct bg_merge {
    bg_xdoc *x;  /* the brief's bytes and spans */
    bg_brief *b; /* the brief, validated */
    const bg_schema *schema;
    bg_text_units units;
    xmlHashTablePtr by_id, seen;
    bg_xedits *e;
    const char *lang; /* the translation's, the brief's spelling (bg_merge_languages) */
    counts c;
    int errors;
    /* The unit being merged, for messages. */
    const bg_merge_unit_in *u;
};

/* Where a message about node `k` of the unit goes. */
static long line_of(const bg_merge *m, const xmlNode *k) { return m->u->one_line ? m->u->line : xmlGetLineNo(k); }

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
static void target_to_brief(flow *f, bg_merge *m, const xmlNode *el, const inlines *src) {
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
            bg_error(m->u->file, line_of(m, k),
                     "%s '%s': <%s> in the target; briefgen reads only the <g> and <x/> it exported", m->u->what,
                     m->u->id, (const char *)k->name);
            m->errors++;
            continue;
        }
        const char *id = bg_xlf_attr(k, "id");
        char *end = NULL;
        long n = id ? strtol(id, &end, 10) : 0;
        if (!id || *end || n < 1 || n > src->n) {
            bg_error(m->u->file, line_of(m, k), "%s '%s': <%s id=\"%s\"> is not in the source text", m->u->what,
                     m->u->id, (const char *)k->name, id ? id : "");
            m->errors++;
            continue;
        }
        const xmlNode *orig = src->v[n - 1];
        int with_content = bg_xlf_is(k, "g") && has_content(k);
        bg_buf tag = {0};
        add_start_tag(&tag, m->x, orig, with_content || has_content(orig));
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

/* Merge `t`'s translation `target` (canonical form `text`) into the edits. */
static void merge_text(bg_merge *m, const bg_text_unit *t, const xmlNode *target, const char *text) {
    xmlNodePtr have = bg_text_unit_member(t, m->lang);
    inlines src;
    unit_inlines(t->source, have, &src);
    char *now = have ? canonical_brief(have, src.map) : NULL;
    if (now && strcmp(now, text) == 0) { /* as it is: nothing to convert */
        m->c.unchanged++;
        free(now);
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
        bg_xedit_set_content(m->e, m->x, have, content.s ? content.s : "");
        m->c.updated++;
    } else {
        bg_buf el = {0};
        bg_xdoc_line_start(m->x, t->source, &el);
        bg_buf_puts(&el, "<");
        add_qname(&el, t->source);
        bg_buf_puts(&el, " xml:lang=\"");
        bg_buf_add_xml(&el, m->lang, strlen(m->lang), 1);
        bg_buf_puts(&el, "\">");
        bg_buf_puts(&el, content.s ? content.s : "");
        bg_buf_puts(&el, "</");
        add_qname(&el, t->source);
        bg_buf_puts(&el, ">");
        if (el.failed) {
            bg_error(NULL, 0, "out of memory");
            m->errors++;
        } else {
            bg_xedit_insert_after(m->e, m->x, t->source, 0, el.s);
            m->c.added++;
        }
        bg_buf_free(&el);
    }
    free(now);
    bg_buf_free(&content);
}

/* The brief's unit for the translated unit, when its source is the brief's text as
 * exported; NULL after a warning otherwise. */
static const bg_text_unit *exported_unit(bg_merge *m) {
    const bg_merge_unit_in *u = m->u;
    uintptr_t i = (uintptr_t)xmlHashLookup(m->by_id, BAD_CAST u->id);
    const bg_text_unit *t = i ? &m->units.v[i - 1] : NULL;
    if (!t || !t->source) {
        bg_warn(u->file, u->line, "%s '%s': the brief has no such text (removed since the export?); not merged",
                u->what, u->id);
        m->c.unknown++;
        return NULL;
    }
    char *was = canonical_brief(t->source, NULL), *exported = canonical_xliff(u->source);
    int same = was && exported && strcmp(was, exported) == 0;
    free(was);
    free(exported);
    if (!same) {
        bg_warn(u->file, u->line,
                "%s '%s': the \"%s\" text changed since the export (%s:%ld); not merged — export again and "
                "translate the new text",
                u->what, u->id, (const char *)bg_node_lang(t->source), bg_brief_path(m->b), bg_node_line(t->source));
        m->c.stale++;
        return NULL;
    }
    return t;
}

void bg_merge_unit(bg_merge *m, const bg_merge_unit_in *u) {
    m->u = u;
    if (!u->id || !u->id[0]) {
        bg_error(u->file, u->line, "%s without an id", u->what);
        m->errors++;
        return;
    }
    uintptr_t first = (uintptr_t)xmlHashLookup(m->seen, BAD_CAST u->id);
    if (first) {
        bg_error(u->file, u->line, "duplicate %s id '%s' (first at line %lu)", u->what, u->id, (unsigned long)first);
        m->errors++;
        return;
    }
    xmlHashAddEntry(m->seen, BAD_CAST u->id, (void *)(uintptr_t)u->line);
    char *text = u->target ? canonical_xliff(u->target) : NULL;
    if (!u->source || !text || !text[0]) {
        if (!u->source) {
            bg_error(u->file, u->line, "%s '%s' has no source text", u->what, u->id);
            m->errors++;
        }
        m->c.untranslated++;
    } else if (u->unfinished) {
        bg_warn(u->file, u->line, "%s '%s' %s", u->what, u->id, u->unfinished);
        m->c.unfinished++;
    } else {
        const bg_text_unit *t = exported_unit(m);
        if (t)
            merge_text(m, t, u->target, text);
    }
    free(text);
}

void bg_merge_error(bg_merge *m) { m->errors++; }

bg_merge *bg_merge_open(const char *path, const bg_schema *schema) {
    bg_merge *m = calloc(1, sizeof *m);
    if (!m || !(m->by_id = xmlHashCreate(256)) || !(m->seen = xmlHashCreate(256)) || !(m->e = bg_xedits_new())) {
        bg_error(NULL, 0, "out of memory");
        bg_merge_free(m);
        return NULL;
    }
    m->schema = schema;
    if (!(m->x = bg_xdoc_load(path))) {
        bg_merge_free(m);
        return NULL;
    }
    size_t len;
    const char *bytes = bg_xdoc_bytes(m->x, &len);
    m->b = len <= 0x7fffffff ? bg_brief_load_memory(bytes, (int)len, path) : NULL;
    if (!m->b || bg_brief_validate(m->b, schema) != 0 ||
        bg_text_units_collect(xmlDocGetRootElement(bg_xdoc_doc(m->x)), bg_brief_source_lang(m->b), &m->units) != 0) {
        bg_merge_free(m);
        return NULL;
    }
    for (int i = 0; i < m->units.n; i++)
        xmlHashAddEntry(m->by_id, BAD_CAST m->units.v[i].id, (void *)(uintptr_t)(i + 1));
    return m;
}

const char *bg_merge_source_lang(const bg_merge *m) { return bg_brief_source_lang(m->b); }

/* The language of `b` that the exchange file's `lang` names, or NULL: the same tag
 * (any case), else, for a tag gettext tools write ("uk_UA", "uk_UA.UTF-8",
 * "sr@latin" aside) or one with a region ("uk-UA"), the brief's language that is
 * its primary subtag alone ("uk").  Borrowed from `b`. */
static const char *brief_lang_named(const bg_brief *b, const char *lang) {
    const char *own = in_langs(b, lang);
    if (own)
        return own;
    char tag[64];
    size_t n = strcspn(lang, ".@");
    if (n >= sizeof tag)
        return NULL;
    memcpy(tag, lang, n);
    tag[n] = '\0';
    for (char *c = tag; *c; c++)
        if (*c == '_')
            *c = '-';
    if ((own = in_langs(b, tag)) != NULL)
        return own;
    tag[strcspn(tag, "-")] = '\0';
    return in_langs(b, tag);
}

int bg_merge_languages(bg_merge *m, const char *file, long line, const char *source_lang, const char *lang) {
    const bg_brief *b = m->b;
    if (!lang || !lang[0]) {
        bg_error(file, line, "no target language: which language are the translations in?");
        return -1;
    }
    if (!source_lang || xmlStrcasecmp(BAD_CAST source_lang, BAD_CAST bg_brief_source_lang(b)) != 0) {
        bg_error(file, line, "source language \"%s\", but the brief %s is written in \"%s\"",
                 source_lang ? source_lang : "", bg_brief_path(b), bg_brief_source_lang(b));
        return -1;
    }
    const char *named = brief_lang_named(b, lang);
    if (named && xmlStrcasecmp(BAD_CAST named, BAD_CAST bg_brief_source_lang(b)) == 0) {
        bg_error(file, line, "target language \"%s\" is the brief's source language", lang);
        return -1;
    }
    if (!named) {
        bg_error(file, line, "\"%s\" is not one of the languages of %s; add it to the brief's langs first", lang,
                 bg_brief_path(b));
        return -1;
    }
    m->lang = named; /* borrowed from m->b, which lives as long as m */
    return 0;
}

void bg_merge_free(bg_merge *m) {
    if (!m)
        return;
    bg_xedits_free(m->e);
    xmlHashFree(m->by_id, NULL);
    xmlHashFree(m->seen, NULL);
    bg_text_units_free(&m->units);
    bg_brief_free(m->b);
    bg_xdoc_free(m->x);
    free(m);
}

static void print_summary(const bg_merge *m) {
    const counts *c = &m->c;
    printf("%s: \"%s\" text added to %d element%s, updated in %d, unchanged in %d", bg_brief_path(m->b), m->lang,
           c->added, c->added == 1 ? "" : "s", c->updated, c->unchanged);
    if (c->untranslated)
        printf("; %d without a translation", c->untranslated);
    if (c->unfinished)
        printf("; %d not finished", c->unfinished);
    if (c->stale + c->unknown)
        printf("; %d not merged", c->stale + c->unknown);
    printf("\n");
}

int bg_merge_finish(bg_merge *m, const char *file) {
    if (!m)
        return -1;
    const char *path = bg_brief_path(m->b);
    int rc = -1;
    if (m->errors) {
        bg_error(path, 0, "not changed: fix the problem%s in %s first", m->errors == 1 ? "" : "s", file);
    } else if (bg_xedits_count(m->e) > 0) {
        size_t new_len = 0;
        char *merged = bg_xedits_apply(m->e, m->x, &new_len);
        bg_brief *check = merged && new_len <= 0x7fffffff ? bg_brief_load_memory(merged, (int)new_len, path) : NULL;
        if (!check || bg_brief_validate(check, m->schema) != 0)
            bg_error(path, 0, "the merged brief would not be valid (see above); the file is left as it was");
        else if (bg_write_atomic(path, merged, new_len) == 0)
            rc = 0;
        bg_brief_free(check);
        free(merged);
    } else {
        rc = 0;
    }
    if (rc == 0)
        print_summary(m);
    bg_merge_free(m);
    return rc;
}

/* The <file> of an XLIFF document, its languages checked against the brief; NULL
 * (reported). */
static const xmlNode *xliff_file(const bg_xdoc *xl, bg_merge *m) {
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
    if (bg_merge_languages(m, path, xmlGetLineNo(file), bg_xlf_attr(file, "source-language"),
                           bg_xlf_attr(file, "target-language")) != 0)
        return NULL;
    return file;
}

/* Why trans-unit `tu`'s target is not a finished translation, or NULL when it is:
 * approved="yes" says done and approved="no" not; without approved the target's
 * state decides (new, needs-… are not done).  Set in `buf`. */
static const char *unfinished(const xmlNode *tu, const xmlNode *target, char *buf, size_t size) {
    const char *approved = bg_xlf_attr(tu, "approved");
    if (approved && strcmp(approved, "yes") == 0)
        return NULL;
    if (approved && strcmp(approved, "no") == 0) {
        snprintf(buf, size,
                 "is marked approved=\"no\": not merged — make it approved=\"yes\" once the translation is done");
        return buf;
    }
    const char *state = target ? bg_xlf_attr(target, "state") : NULL;
    if (state && (strncmp(state, "needs-", 6) == 0 || strcmp(state, "new") == 0)) {
        snprintf(buf, size,
                 "is marked state=\"%.40s\": not merged — set state=\"translated\" once the translation is done",
                 state);
        return buf;
    }
    return NULL;
}

typedef struct xliff_walk {
    bg_merge *m;
    const char *path;
} xliff_walk;

static int merge_one(xmlNodePtr n, void *data) {
    const xliff_walk *w = data;
    char why[160];
    const xmlNode *target = bg_xlf_child(n, "target", NULL);
    bg_merge_unit_in u = {w->path,
                          "trans-unit",
                          xmlGetLineNo(n),
                          0,
                          bg_xlf_attr(n, "id"),
                          bg_xlf_child(n, "source", NULL),
                          target,
                          unfinished(n, target, why, sizeof why)};
    bg_merge_unit(w->m, &u);
    return 0;
}

int bg_xliff_import(const char *path, const char *xliff_path, const bg_schema *schema) {
    bg_merge *m = bg_merge_open(path, schema);
    if (!m)
        return -1;
    bg_xdoc *xl = bg_xdoc_load(xliff_path);
    const xmlNode *file = xl ? xliff_file(xl, m) : NULL;
    if (!file) {
        bg_merge_free(m);
        bg_xdoc_free(xl);
        return -1;
    }
    xliff_walk w = {m, xliff_path};
    for (const xmlNode *body = file->children; body; body = body->next)
        if (bg_xlf_is(body, "body"))
            bg_xlf_each_unit(body, merge_one, &w);
    int rc = bg_merge_finish(m, xliff_path);
    bg_xdoc_free(xl);
    return rc;
}
