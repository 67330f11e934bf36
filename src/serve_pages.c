/* serve_pages — the preview's own pages (see serve.h).
 *
 * Every page is built as a libxml2 HTML tree and written by libxml2's HTML
 * serialiser, so text from a brief or a message is always escaped: there is no
 * string concatenation of untrusted text here.  The words of these pages are the
 * preview tool's, in English (the brief's own words stay in the rendered pages).
 */
#include "serve.h"
#include "xlang.h"

#include <ctype.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- building HTML ------------------------------------------------------------------- */

/* The style of the preview's own pages (not of the brief). */
static const char page_css[] =
    ":root{--ink:#1c232b;--muted:#5b6570;--rule:#d5dbe1;--accent:#0d4a82;--bad:#b3261e;--ok:#1e6b34;"
    "--warn:#8a5a00;--miss:#fff6db}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink);"
    "background:#fff}\n"
    ".bar{display:flex;flex-wrap:wrap;gap:.4em 1.2em;align-items:baseline;padding:.5em 1.2em;"
    "background:#1c232b;color:#fff;font-size:.9rem}\n"
    ".bar a{color:#cfe3ff}.bar strong{font-weight:600}\n"
    "main{padding:1em 1.2em 3em;max-width:84rem;margin:0 auto}\n"
    "h1{font-size:1.6rem;line-height:1.25;margin:.4em 0 .2em}h2{font-size:1.25rem;margin:0 0 .2em}\n"
    "a{color:var(--accent)}code,.mono{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:.88em}\n"
    ".muted{color:var(--muted)}.ok{color:var(--ok)}.bad{color:var(--bad)}.warn{color:var(--warn)}\n"
    ".state{font-weight:600}\n"
    ".brief{border:1px solid var(--rule);border-radius:6px;padding:1em 1.2em;margin:1em 0}\n"
    ".brief.has-errors{border-color:var(--bad);border-left-width:5px}\n"
    "table{border-collapse:collapse;width:100%}\n"
    "th,td{text-align:left;vertical-align:top;padding:.35em .6em;border-bottom:1px solid var(--rule)}\n"
    "thead th{border-bottom:2px solid var(--ink);font-size:.9rem}\n"
    ".langs td{white-space:nowrap}.langs{width:auto;margin:.6em 0}\n"
    "meter{width:7em;vertical-align:middle}\n"
    ".messages{margin:.4em 0;padding-left:1.2em}.messages li{font-family:ui-monospace,monospace;"
    "font-size:.85rem;white-space:pre-wrap;overflow-wrap:anywhere}\n"
    "details>summary{cursor:pointer}\n"
    ".sbs{table-layout:fixed}.sbs col.where{width:9rem}\n"
    ".sbs thead th{position:sticky;top:0;background:#fff;z-index:1}\n"
    ".sbs td{overflow-wrap:break-word;hyphens:auto}.sbs td p{margin:0}\n"
    ".sbs th[scope=row]{font-size:.8rem;color:var(--muted);font-weight:normal;overflow-wrap:anywhere}\n"
    ".sbs th[scope=row] .el{font-family:ui-monospace,monospace;color:var(--ink)}\n"
    ".sbs tr.group th{background:#eef3f8;font-size:.85rem;padding-top:.6em;font-weight:600}\n"
    ".sbs td.missing{background:var(--miss);box-shadow:inset 4px 0 0 #d08a1f}\n"
    ".sbs .flag{display:block;font-size:.8rem;font-weight:600;color:var(--warn);margin-bottom:.2em}\n"
    ".sbs .flag.check{color:var(--warn);font-weight:normal}\n"
    ".sbs td.checked{box-shadow:inset 4px 0 0 var(--warn)}\n"
    ".sbs .fallback{color:#7b8189;font-style:italic}\n"
    ".sbs tr:target td,.sbs tr:target th{outline:2px solid var(--accent)}\n"
    ".cite{color:var(--muted);font-size:.85em}.term{font-style:italic}\n"
    ".summary li{margin:.2em 0}.summary a{margin-right:.4em}\n"
    "ol.src{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:.85rem;line-height:1.45;"
    "padding-left:4.5em;margin:0;background:#fafbfc;border:1px solid var(--rule)}\n"
    "ol.src li{white-space:pre-wrap;overflow-wrap:anywhere;padding-left:.6em;border-left:1px solid var(--rule)}\n"
    "ol.src li::marker{color:#9aa3ad}\n"
    "@media (max-width:40rem){main{padding:.6em .5em 2em}.sbs col.where{width:3.6rem}"
    ".sbs th,.sbs td{padding:.3em .3em}.sbs th[scope=row]{font-size:.7rem}ol.src{padding-left:3em}}\n";

typedef struct page {
    htmlDocPtr doc;
    xmlNodePtr head, body, main;
} page;

static xmlNodePtr el(xmlNodePtr parent, const char *name) { return xmlNewChild(parent, NULL, BAD_CAST name, NULL); }

static void set(xmlNodePtr node, const char *name, const char *value) {
    xmlSetProp(node, BAD_CAST name, BAD_CAST value);
}

/* Append text (escaped when written). */
static void text(xmlNodePtr parent, const char *s) { xmlAddChild(parent, xmlNewDocText(parent->doc, BAD_CAST s)); }

static void textf(xmlNodePtr parent, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void textf(xmlNodePtr parent, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    text(parent, buf);
}

/* <name class="cls">text</name> */
static xmlNodePtr el_text(xmlNodePtr parent, const char *name, const char *cls, const char *s) {
    xmlNodePtr n = el(parent, name);
    if (cls)
        set(n, "class", cls);
    if (s)
        text(n, s);
    return n;
}

static xmlNodePtr link(xmlNodePtr parent, const char *href, const char *s) {
    xmlNodePtr a = el_text(parent, "a", NULL, s);
    set(a, "href", href);
    return a;
}

/* A new page: <!DOCTYPE html>, head with title and style, the preview bar, main. */
static int page_open(page *p, const char *title) {
    memset(p, 0, sizeof *p);
    p->doc = htmlNewDocNoDtD(NULL, NULL);
    if (!p->doc)
        return -1;
    p->doc->encoding = xmlStrdup(BAD_CAST "UTF-8"); /* write text as UTF-8, not &#NNNN; */
    xmlCreateIntSubset(p->doc, BAD_CAST "html", NULL, NULL);
    xmlNodePtr html = xmlNewDocNode(p->doc, NULL, BAD_CAST "html", NULL);
    xmlDocSetRootElement(p->doc, html);
    set(html, "lang", "en");
    p->head = el(html, "head");
    set(el(p->head, "meta"), "charset", "utf-8");
    xmlNodePtr vp = el(p->head, "meta");
    set(vp, "name", "viewport");
    set(vp, "content", "width=device-width, initial-scale=1");
    el_text(p->head, "title", NULL, title);
    el_text(p->head, "style", NULL, page_css);
    p->body = el(html, "body");
    return 0;
}

/* The dark bar at the top of every preview page: where am I, where can I go. */
static xmlNodePtr page_bar(page *p, const char *name, const char *url) {
    xmlNodePtr bar = el(p->body, "nav");
    set(bar, "class", "bar");
    set(bar, "aria-label", "Preview");
    el_text(bar, "strong", NULL, "briefgen preview");
    link(bar, "/", "All briefs");
    if (name) {
        char href[1024];
        snprintf(href, sizeof href, "/%s/side-by-side", url);
        el_text(bar, "span", "mono", name);
        link(bar, href, "Side by side");
    }
    p->main = el(p->body, "main");
    return bar;
}

static char *page_close(page *p, size_t *len) {
    char *out = NULL;
    *len = 0;
    xmlOutputBufferPtr buf = xmlAllocOutputBuffer(NULL);
    if (buf) {
        htmlDocContentDumpFormatOutput(buf, p->doc, "UTF-8", 0);
        xmlOutputBufferFlush(buf);
        size_t n = xmlOutputBufferGetSize(buf);
        out = malloc(n + 1);
        if (out) {
            memcpy(out, xmlOutputBufferGetContent(buf), n);
            out[n] = '\0';
            *len = n;
        }
        xmlOutputBufferClose(buf);
    }
    xmlFreeDoc(p->doc);
    return out;
}

/* ---- words for languages ------------------------------------------------------------ */

/* English names of the languages briefs are likely to use; the preview's own
 * words are English.  Other codes are shown as they are. */
static const char *language_name(const char *code) {
    static const char *const names[][2] = {
        {"uk", "Ukrainian"},  {"en", "English"},    {"pl", "Polish"},         {"de", "German"},     {"fr", "French"},
        {"es", "Spanish"},    {"it", "Italian"},    {"ro", "Romanian"},       {"hu", "Hungarian"},  {"cs", "Czech"},
        {"sk", "Slovak"},     {"lt", "Lithuanian"}, {"lv", "Latvian"},        {"et", "Estonian"},   {"ru", "Russian"},
        {"be", "Belarusian"}, {"ka", "Georgian"},   {"nl", "Dutch"},          {"pt", "Portuguese"}, {"sv", "Swedish"},
        {"fi", "Finnish"},    {"da", "Danish"},     {"crh", "Crimean Tatar"}, {"bg", "Bulgarian"},  {"hr", "Croatian"},
        {"sl", "Slovenian"},  {"sr", "Serbian"},    {"tr", "Turkish"},
    };
    size_t n = strcspn(code, "-_");
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i][0]) == n && strncasecmp(code, names[i][0], n) == 0)
            return names[i][1];
    return code;
}

/* ---- reading the brief ------------------------------------------------------------------ */

static xmlNodePtr child(xmlNodePtr parent, const char *name) {
    for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name))
            return n;
    return NULL;
}

/* The brief's title in its source language (or any), malloc'd, or NULL. */
static char *brief_title(const bg_brief *b) {
    xmlNodePtr meta = child(xmlDocGetRootElement(bg_brief_doc(b)), "meta"), any = NULL;
    for (xmlNodePtr n = meta ? meta->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "title"))
            continue;
        if (!any)
            any = n;
        const xmlChar *l = bg_node_lang(n);
        if (l && xmlStrcasecmp(l, BAD_CAST bg_brief_source_lang(b)) == 0) {
            any = n;
            break;
        }
    }
    return any ? (char *)xmlNodeGetContent(any) : NULL;
}

/* The brief's languages in display order: the source language first, then @langs. */
static int display_langs(const bg_brief *b, const char **langs, int max) {
    int n = 0;
    const char *src = bg_brief_source_lang(b);
    if (src && *src)
        langs[n++] = src;
    for (int i = 0; i < bg_brief_nlangs(b) && n < max; i++)
        if (!src || strcasecmp(bg_brief_lang(b, i), src) != 0)
            langs[n++] = bg_brief_lang(b, i);
    return n;
}

/* ---- the index ------------------------------------------------------------------------ */

static void messages(xmlNodePtr parent, const bg_strv *s) {
    xmlNodePtr ul = el(parent, "ul");
    set(ul, "class", "messages");
    for (int i = 0; i < s->n; i++)
        el_text(ul, "li", NULL, s->v[i]);
}

static void index_row(xmlNodePtr main, const bg_index_row *r) {
    xmlNodePtr sec = el(main, "section");
    set(sec, "class", r->errors->n ? "brief has-errors" : "brief");
    char *title = r->good ? brief_title(r->good) : NULL;
    xmlNodePtr h2 = el(sec, "h2");
    char href[1024];
    if (r->langs && r->langs[0]) {
        snprintf(href, sizeof href, "/%s/%s.html", r->url, r->langs[0]);
        link(h2, href, title ? title : r->name);
    } else {
        text(h2, title ? title : r->name);
    }
    if (title && r->good)
        set(h2, "lang", bg_brief_source_lang(r->good));
    free(title);

    xmlNodePtr p = el(sec, "p");
    el_text(p, "code", NULL, r->path);
    text(p, " · ");
    xmlNodePtr state = el(p, "span");
    if (r->errors->n) {
        set(state, "class", "state bad");
        textf(state, "%d error%s", r->errors->n, r->errors->n == 1 ? "" : "s");
        if (r->good)
            text(p, " — pages show the last good version");
    } else {
        set(state, "class", "state ok");
        text(state, "ok");
    }
    if (r->warnings->n) {
        text(p, " · ");
        xmlNodePtr w = el_text(p, "span", "warn", NULL);
        textf(w, "%d warning%s", r->warnings->n, r->warnings->n == 1 ? "" : "s");
    }

    if (r->langs && r->langs[0]) {
        xmlNodePtr table = el(sec, "table");
        set(table, "class", "langs");
        xmlNodePtr tr = el(el(table, "thead"), "tr");
        el_text(tr, "th", NULL, "Language");
        el_text(tr, "th", NULL, "Translated");
        el_text(tr, "th", NULL, "Pages");
        xmlNodePtr tbody = el(table, "tbody");
        for (int i = 0; r->langs[i]; i++) {
            const char *lang = r->langs[i];
            tr = el(tbody, "tr");
            xmlNodePtr td = el(tr, "td");
            textf(td, "%s (%s)", language_name(lang), lang);
            if (r->good && strcasecmp(lang, bg_brief_source_lang(r->good)) == 0)
                el_text(td, "span", "muted", " source");
            td = el(tr, "td");
            if (r->good) {
                bg_coverage c = bg_brief_coverage(r->good, lang);
                xmlNodePtr m = el(td, "meter");
                char v[32];
                snprintf(v, sizeof v, "%d", c.present);
                set(m, "value", v);
                snprintf(v, sizeof v, "%d", c.total);
                set(m, "max", v);
                textf(m, "%d of %d", c.present, c.total);
                int pct = c.total ? (int)(100.0 * c.present / c.total) : 100;
                textf(td, " %d%% · %d of %d texts", pct, c.present, c.total);
                if (c.present < c.total)
                    set(td, "class", "warn");
            } else {
                text(td, "—");
            }
            td = el(tr, "td");
            snprintf(href, sizeof href, "/%s/%s.html", r->url, lang);
            link(td, href, "HTML");
            text(td, " · ");
            snprintf(href, sizeof href, "/%s/%s.dbk", r->url, lang);
            link(td, href, "DocBook");
            text(td, " · ");
            snprintf(href, sizeof href, "/%s/%s.pdf", r->url, lang);
            link(td, href, "PDF");
        }
        p = el(sec, "p");
        snprintf(href, sizeof href, "/%s/side-by-side", r->url);
        link(p, href, "Side by side: review the translation unit by unit");
    }
    if (r->errors->n) {
        xmlNodePtr d = el(sec, "details");
        set(d, "open", "open");
        el_text(d, "summary", "bad", "Errors");
        messages(d, r->errors);
    }
    if (r->warnings->n) {
        xmlNodePtr d = el(sec, "details");
        el_text(d, "summary", "warn", "Warnings");
        messages(d, r->warnings);
    }
}

char *bg_page_index(const bg_index_row *rows, int n, size_t *len) {
    page p;
    if (page_open(&p, "briefgen preview") != 0)
        return NULL;
    page_bar(&p, NULL, NULL);
    el_text(p.main, "h1", NULL, "Briefs in this preview");
    el_text(p.main, "p", "muted",
            "Every page here follows the files on disk: save a brief, a template or a locale file "
            "and open pages reload by themselves.");
    for (int i = 0; i < n; i++)
        index_row(p.main, &rows[i]);
    return page_close(&p, len);
}

/* ---- side by side ----------------------------------------------------------------------- */

static int safe_href(const char *href) {
    return strncasecmp(href, "http://", 7) == 0 || strncasecmp(href, "https://", 8) == 0 ||
           strncasecmp(href, "mailto:", 7) == 0 || href[0] == '#';
}

/* Copy the content of brief element `from` into `to` as HTML: text as text, the
 * inline vocabulary (em, strong, term, a, cite, xref, fn) as its HTML counterpart. */
static void copy_inline(xmlNodePtr to, const xmlNode *from, int depth) {
    for (const xmlNode *n = from->children; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            text(to, (const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || depth > 32)
            continue;
        const char *name = (const char *)n->name;
        xmlNodePtr out;
        if (strcmp(name, "em") == 0 || strcmp(name, "strong") == 0) {
            out = el(to, name);
        } else if (strcmp(name, "term") == 0) {
            out = el_text(to, "span", "term", NULL);
        } else if (strcmp(name, "a") == 0) {
            xmlChar *href = xmlGetNoNsProp(n, BAD_CAST "href");
            if (href && safe_href((const char *)href)) {
                out = el(to, "a");
                set(out, "href", (const char *)href);
                set(out, "rel", "noreferrer");
            } else {
                out = el(to, "span");
            }
            xmlFree(href);
        } else if (strcmp(name, "cite") == 0) {
            xmlChar *ref = xmlGetNoNsProp(n, BAD_CAST "ref");
            out = el_text(to, "span", "cite", NULL);
            textf(out, "[%s]", ref ? (const char *)ref : "?");
            xmlFree(ref);
        } else if (strcmp(name, "xref") == 0) {
            xmlChar *ref = xmlGetNoNsProp(n, BAD_CAST "ref");
            out = el_text(to, "span", "cite", NULL);
            textf(out, "[→%s]", ref ? (const char *)ref : "?");
            xmlFree(ref);
        } else if (strcmp(name, "fn") == 0) {
            out = el_text(to, "small", "cite", "[note: ");
            copy_inline(out, n, depth + 1);
            text(out, "]");
            continue;
        } else {
            out = el(to, "span");
        }
        const xmlChar *lang = bg_node_lang(n);
        if (lang)
            set(out, "lang", (const char *)lang);
        copy_inline(out, n, depth + 1);
    }
}

#define MAX_COLS 8

typedef struct sbs {
    const bg_brief *b;
    const char *langs[MAX_COLS];
    int nlangs;
    xmlNodePtr tbody;
    xmlNodePtr missing_links[MAX_COLS]; /* where links to each language's gaps go */
    int missing[MAX_COLS];
    char group[512];
    int row;
    /* The cross-language checks' findings (xlang.h), flagged in the row of the
     * translation they concern. */
    struct sbs_finding {
        const xmlNode *translation;
        char *message;
    } * found;
    int nfound, capfound;
    int checks[MAX_COLS];
    xmlNodePtr summary[MAX_COLS]; /* each language's line in the summary */
} sbs;

static void sbs_finding(const bg_xlang_finding *f, void *ctx) {
    sbs *s = ctx;
    if (s->nfound == s->capfound) {
        int cap = s->capfound ? 2 * s->capfound : 16;
        struct sbs_finding *grown = realloc(s->found, (size_t)cap * sizeof *grown);
        if (!grown)
            return; /* a flag less, never a wrong one */
        s->found = grown;
        s->capfound = cap;
    }
    struct sbs_finding *slot = &s->found[s->nfound];
    slot->translation = f->translation;
    slot->message = strdup(f->message);
    if (slot->message)
        s->nfound++;
}

/* Flag in `td` what the cross-language checks found in translation `m`, counted
 * for column `c`; 1 when there was something. */
static int sbs_flags(sbs *s, xmlNodePtr td, const xmlNode *m, int c) {
    int any = 0;
    for (int i = 0; i < s->nfound; i++) {
        if (s->found[i].translation != m)
            continue;
        el_text(td, "span", "flag check", s->found[i].message);
        s->checks[c]++;
        any = 1;
    }
    if (any)
        set(td, "class", "checked");
    return any;
}

/* "findings › finding f-water": where a unit sits, by element names and ids. */
static void where(const xmlNode *unit, char *buf, size_t size) {
    const xmlNode *chain[64];
    int n = 0;
    for (const xmlNode *p = unit->parent;
         p && p->type == XML_ELEMENT_NODE && p->parent && p->parent->type == XML_ELEMENT_NODE && n < 64; p = p->parent)
        chain[n++] = p;
    buf[0] = '\0';
    size_t len = 0;
    for (int i = n - 1; i >= 0 && len < size; i--) {
        xmlChar *id = xmlGetNoNsProp(chain[i], BAD_CAST "id");
        len += (size_t)snprintf(buf + len, size - len, "%s%s%s%s", len ? " › " : "", (const char *)chain[i]->name,
                                id ? " " : "", id ? (const char *)id : "");
        xmlFree(id);
    }
    if (!buf[0])
        snprintf(buf, size, "brief");
}

static void sbs_unit(const bg_unit *u, void *ctx) {
    sbs *s = ctx;
    char group[512], buf[64];
    where(u->member[0], group, sizeof group);
    int ncols = s->nlangs + 1;
    if (strcmp(group, s->group) != 0) {
        snprintf(s->group, sizeof s->group, "%s", group);
        xmlNodePtr tr = el(s->tbody, "tr");
        set(tr, "class", "group");
        xmlNodePtr th = el_text(tr, "th", NULL, group);
        snprintf(buf, sizeof buf, "%d", ncols);
        set(th, "colspan", buf);
        set(th, "scope", "colgroup");
    }
    s->row++;
    char id[32];
    snprintf(id, sizeof id, "u%d", s->row);
    xmlNodePtr tr = el(s->tbody, "tr");
    set(tr, "id", id);
    xmlNodePtr th = el(tr, "th");
    set(th, "scope", "row");
    snprintf(buf, sizeof buf, "<%s>", (const char *)u->member[0]->name);
    el_text(th, "span", "el", buf);
    el(th, "br");
    textf(th, "line %ld", bg_node_line(u->member[0]));

    /* The text shown where a language is missing: the source language's, as the
     * rendered page shows it (bg_brief_resolve's rule). */
    const xmlNode *source = NULL;
    for (int i = 0; i < u->n && !source; i++)
        if (xmlStrcasecmp(bg_node_lang(u->member[i]), BAD_CAST bg_brief_source_lang(s->b)) == 0)
            source = u->member[i];
    if (!source)
        source = u->member[0];

    int any_missing = 0, any_check = 0;
    for (int c = 0; c < s->nlangs; c++) {
        const xmlNode *m = NULL;
        for (int i = 0; i < u->n && !m; i++)
            if (xmlStrcasecmp(bg_node_lang(u->member[i]), BAD_CAST s->langs[c]) == 0)
                m = u->member[i];
        xmlNodePtr td = el(tr, "td");
        if (m) {
            set(td, "lang", (const char *)bg_node_lang(m));
            snprintf(buf, sizeof buf, "line %ld", bg_node_line(m));
            set(td, "title", buf);
            any_check |= sbs_flags(s, td, m, c);
            copy_inline(td, m, 0);
            continue;
        }
        any_missing = 1;
        set(td, "class", "missing");
        const char *from = (const char *)bg_node_lang(source);
        xmlNodePtr flag = el_text(td, "span", "flag", NULL);
        textf(flag, "No %s text — showing %s", language_name(s->langs[c]), language_name(from));
        xmlNodePtr fb = el_text(td, "div", "fallback", NULL);
        set(fb, "lang", from);
        copy_inline(fb, source, 0);
        s->missing[c]++;
        if (s->missing_links[c]) {
            char href[40];
            snprintf(href, sizeof href, "#%s", id);
            snprintf(buf, sizeof buf, "line %ld <%s>", bg_node_line(u->member[0]), (const char *)u->member[0]->name);
            link(s->missing_links[c], href, buf);
        }
    }
    if (any_missing || any_check)
        set(tr, "class",
            any_missing && any_check ? "has-missing has-checks"
            : any_missing            ? "has-missing"
                                     : "has-checks");
}

char *bg_page_side_by_side(const bg_brief *b, const char *name, const char *url, size_t *len) {
    page p;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s — side by side", name);
    if (page_open(&p, buf) != 0)
        return NULL;
    xmlNodePtr bar = page_bar(&p, name, url);
    sbs s;
    memset(&s, 0, sizeof s);
    s.b = b;
    s.nlangs = display_langs(b, s.langs, MAX_COLS);
    for (int c = 0; c < s.nlangs; c++) {
        snprintf(buf, sizeof buf, "/%s/%s.html", url, s.langs[c]);
        xmlNodePtr a = link(bar, buf, NULL);
        textf(a, "%s page", language_name(s.langs[c]));
    }

    char *title = brief_title(b);
    xmlNodePtr h1 = el_text(p.main, "h1", NULL, title ? title : name);
    if (title)
        set(h1, "lang", bg_brief_source_lang(b));
    free(title);

    /* The summary: per language, how much is translated and where the gaps are. */
    xmlNodePtr ul = el(p.main, "ul");
    set(ul, "class", "summary");
    for (int c = 0; c < s.nlangs; c++) {
        bg_coverage cov = bg_brief_coverage(b, s.langs[c]);
        xmlNodePtr li = el(ul, "li");
        s.summary[c] = li;
        el_text(li, "strong", NULL, language_name(s.langs[c]));
        if (c == 0)
            text(li, " (source)");
        textf(li, ": %d of %d texts", cov.present, cov.total);
        if (cov.present < cov.total) {
            xmlNodePtr w = el_text(li, "span", "warn", NULL);
            textf(w, " — %d missing: ", cov.total - cov.present);
            s.missing_links[c] = el(li, "span");
        } else {
            el_text(li, "span", "ok", " — complete");
        }
    }

    xmlNodePtr table = el(p.main, "table");
    set(table, "class", "sbs");
    xmlNodePtr cg = el(table, "colgroup");
    set(el(cg, "col"), "class", "where");
    for (int c = 0; c < s.nlangs; c++)
        el(cg, "col");
    xmlNodePtr tr = el(el(table, "thead"), "tr");
    xmlNodePtr th = el_text(tr, "th", NULL, "Where");
    set(th, "scope", "col");
    for (int c = 0; c < s.nlangs; c++) {
        th = el(tr, "th");
        set(th, "scope", "col");
        textf(th, "%s (%s)", language_name(s.langs[c]), s.langs[c]);
    }
    s.tbody = el(table, "tbody");
    bg_xlang_each(xmlDocGetRootElement(bg_brief_doc(b)), bg_brief_source_lang(b), sbs_finding, &s);
    bg_brief_each_unit(xmlDocGetRootElement(bg_brief_doc(b)), sbs_unit, &s);
    for (int c = 0; c < s.nlangs; c++)
        if (s.checks[c]) {
            xmlNodePtr w = el_text(s.summary[c], "span", "warn", NULL);
            textf(w, " — %d to check across languages (marked in the table)", s.checks[c]);
        }
    for (int i = 0; i < s.nfound; i++)
        free(s.found[i].message);
    free(s.found);
    return page_close(&p, len);
}

/* ---- DocBook source ------------------------------------------------------------------------ */

char *bg_page_docbook(const char *name, const char *url, const char *lang, const char *dbk, size_t dbk_len,
                      size_t *len) {
    page p;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s — DocBook (%s)", name, lang);
    if (page_open(&p, buf) != 0)
        return NULL;
    xmlNodePtr bar = page_bar(&p, name, url);
    snprintf(buf, sizeof buf, "/%s/%s.html", url, lang);
    xmlNodePtr a = link(bar, buf, NULL);
    textf(a, "%s page", language_name(lang));
    xmlNodePtr h1 = el_text(p.main, "h1", NULL, NULL);
    textf(h1, "DocBook 5 source, %s", language_name(lang));
    xmlNodePtr note = el_text(p.main, "p", "muted", "What ");
    el_text(note, "code", NULL, "briefgen build");
    text(note, " writes to ");
    xmlNodePtr file = el_text(note, "code", NULL, NULL);
    textf(file, "%s.%s.dbk", name, lang);
    text(note, ".");
    xmlNodePtr ol = el(p.main, "ol");
    set(ol, "class", "src");
    set(ol, "lang", lang);
    const char *s = dbk, *end = dbk + dbk_len;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        xmlNodePtr li = el(ol, "li");
        xmlAddChild(li, xmlNewDocTextLen(p.doc, BAD_CAST s, (int)n));
        s += n + (nl ? 1 : 0);
    }
    return page_close(&p, len);
}

/* ---- errors ------------------------------------------------------------------------------ */

char *bg_page_error(const char *name, const char *path, const bg_strv *errors, size_t *len) {
    page p;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s — cannot be shown", name);
    if (page_open(&p, buf) != 0)
        return NULL;
    page_bar(&p, NULL, NULL);
    xmlNodePtr h1 = el_text(p.main, "h1", "bad", NULL);
    textf(h1, "%s cannot be shown yet", path);
    el_text(p.main, "p", NULL,
            "There is no good version of this page to show. Fix these problems and save: the page "
            "reloads by itself.");
    xmlNodePtr div = el(p.main, "div");
    set(div, "role", "alert");
    set(div, "id", "briefgen-preview-errors");
    messages(div, errors);
    return page_close(&p, len);
}

/* The banner over the last good render: fixed at the top, collapsible, every message. */
static char *banner(const bg_strv *errors, size_t *len) {
    *len = 0;
    htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
    if (!doc)
        return NULL;
    doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
    xmlNodePtr div = xmlNewDocNode(doc, NULL, BAD_CAST "div", NULL);
    xmlDocSetRootElement(doc, div);
    set(div, "id", "briefgen-preview-errors");
    set(div, "role", "alert");
    set(div, "style",
        "all:initial;display:block;position:fixed;z-index:2147483647;top:0;left:0;right:0;max-height:45vh;"
        "overflow:auto;background:#fff4f2;color:#4a0b00;border-bottom:3px solid #b3261e;"
        "box-shadow:0 2px 12px rgba(0,0,0,.3);font:14px/1.45 system-ui,sans-serif;padding:.5em 1em");
    xmlNodePtr d = el(div, "details");
    set(d, "open", "open");
    xmlNodePtr sum = el(d, "summary");
    set(sum, "style", "cursor:pointer;font-weight:bold");
    char buf[128];
    int n = 0;
    for (int i = 0; i < errors->n; i++)
        n += strstr(errors->v[i], ": error: ") != NULL || strncmp(errors->v[i], "briefgen: error:", 16) == 0;
    snprintf(buf, sizeof buf, "%d error%s — this is the last good version of the page", n ? n : errors->n,
             (n ? n : errors->n) == 1 ? "" : "s");
    text(sum, buf);
    xmlNodePtr ul = el(d, "ul");
    set(ul, "style", "margin:.3em 0;padding-left:1.4em");
    for (int i = 0; i < errors->n; i++) {
        xmlNodePtr li = el_text(ul, "li", NULL, errors->v[i]);
        set(li, "style",
            "font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:13px;"
            "white-space:pre-wrap;overflow-wrap:anywhere;margin:.15em 0");
    }
    xmlNodePtr p = el_text(d, "p", NULL, "Fix and save: the page updates by itself.");
    set(p, "style", "margin:.2em 0 0;font-size:12px;color:#6d3a30");

    char *out = NULL;
    xmlOutputBufferPtr ob = xmlAllocOutputBuffer(NULL);
    if (ob) {
        htmlNodeDumpFormatOutput(ob, doc, div, "UTF-8", 0);
        xmlOutputBufferFlush(ob);
        size_t size = xmlOutputBufferGetSize(ob);
        if ((out = malloc(size + 1)) != NULL) {
            memcpy(out, xmlOutputBufferGetContent(ob), size);
            out[size] = '\0';
            *len = size;
        }
        xmlOutputBufferClose(ob);
    }
    xmlFreeDoc(doc);
    return out;
}

/* Offset just after the <body ...> start tag of `html`, or 0 when there is none. */
static size_t after_body_tag(const char *html, size_t len) {
    for (size_t i = 0; i + 5 < len; i++) {
        if (html[i] != '<' || strncasecmp(html + i + 1, "body", 4) != 0 ||
            !(html[i + 5] == '>' || isspace((unsigned char)html[i + 5])))
            continue;
        char quote = 0;
        for (size_t j = i + 5; j < len; j++) {
            if (quote) {
                if (html[j] == quote)
                    quote = 0;
            } else if (html[j] == '"' || html[j] == '\'') {
                quote = html[j];
            } else if (html[j] == '>') {
                return j + 1;
            }
        }
        return 0;
    }
    return 0;
}

/* Offset of the last </body>, or `len`. */
static size_t body_end_tag(const char *html, size_t len) {
    for (size_t i = len; i >= 7; i--)
        if (html[i - 7] == '<' && html[i - 6] == '/' && strncasecmp(html + i - 5, "body", 4) == 0)
            return i - 7;
    return len;
}

char *bg_page_with_banner(const char *html, size_t html_len, const bg_strv *errors, size_t *len, size_t *script_at) {
    size_t blen = 0;
    char *b = errors->n ? banner(errors, &blen) : NULL;
    size_t at = b ? after_body_tag(html, html_len) : 0;
    char *out = malloc(html_len + blen + 1);
    if (!out) {
        free(b);
        return NULL;
    }
    memcpy(out, html, at);
    if (b)
        memcpy(out + at, b, blen);
    memcpy(out + at + blen, html + at, html_len - at);
    *len = html_len + blen;
    out[*len] = '\0';
    *script_at = body_end_tag(out, *len);
    free(b);
    return out;
}
