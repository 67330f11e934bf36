/* xslext — see xslext.h.  Shaped like libexslt's functions: check arity and types
 * first, pop the arguments (we own them), push one result. */
#include "xslext.h"

#include "buf.h"
#include "citation.h"
#include "diag.h"
#include "figure.h"
#include "textstats.h"
#include "typstesc.h"

#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/templates.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltutils.h>
#include <stdlib.h>
#include <string.h>

/* At most this many message arguments; messages use two or three. */
#define MAX_ARGS 8

static bg_xslext_run *run_of(xmlXPathParserContextPtr ctxt) {
    xsltTransformContextPtr t = xsltXPathGetTransformContext(ctxt);
    return t ? t->_private : NULL;
}

/* Mark the run failed and stop the transform: a brief with a missing word or a
 * broken date must not be published half-formatted. */
static void fail(xmlXPathParserContextPtr ctxt, const char *fn, const char *fmt, const char *what) {
    xsltTransformContextPtr t = xsltXPathGetTransformContext(ctxt);
    bg_xslext_run *run = run_of(ctxt);
    if (run)
        run->failed = 1;
    if (fmt) {
        xmlNodePtr inst = t ? t->inst : NULL;
        const char *file = inst && inst->doc ? (const char *)inst->doc->URL : NULL;
        char msg[512];
        snprintf(msg, sizeof msg, fmt, what ? what : "");
        bg_error(file, inst ? xmlGetLineNo(inst) : 0, "%s: %s", fn, msg);
    }
    if (t)
        t->state = XSLT_STATE_STOPPED;
}

/* Push `s` (malloc'd, may be NULL) as the string result and free it. */
static void push_string(xmlXPathParserContextPtr ctxt, char *s) {
    valuePush(ctxt, xmlXPathNewString(BAD_CAST(s ? s : "")));
    free(s);
}

/* Pop one argument as a UTF-8 string (normalised), caller frees with xmlFree. */
static xmlChar *pop_text(xmlXPathParserContextPtr ctxt) {
    xmlChar *s = xmlXPathPopString(ctxt);
    if (s)
        bg_str_squeeze_space((char *)s);
    return s;
}

/* bg:msg(key, arg0, arg1, …): a message from the locale files. */
static void fn_msg(xmlXPathParserContextPtr ctxt, int nargs) {
    bg_xslext_run *run = run_of(ctxt);
    if (nargs < 1 || nargs > MAX_ARGS + 1 || !run) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    bg_arg args[MAX_ARGS];
    xmlXPathObjectPtr objs[MAX_ARGS];
    xmlChar *strs[MAX_ARGS] = {0};
    int n = nargs - 1;
    for (int i = n - 1; i >= 0; i--) {
        objs[i] = valuePop(ctxt);
        if (objs[i] && objs[i]->type == XPATH_NUMBER) {
            args[i] = (bg_arg){BG_ARG_NUMBER, objs[i]->floatval, NULL};
        } else {
            strs[i] = xmlXPathCastToString(objs[i]);
            if (strs[i])
                bg_str_squeeze_space((char *)strs[i]);
            args[i] = (bg_arg){BG_ARG_STRING, 0, strs[i] ? (const char *)strs[i] : ""};
        }
    }
    xmlChar *key = xmlXPathPopString(ctxt);
    char *s = key ? bg_locale_message(run->locale, (const char *)key, args, n) : NULL;
    if (!s)
        fail(ctxt, "bg:msg", NULL, NULL);
    push_string(ctxt, s);
    xmlFree(key);
    for (int i = 0; i < n; i++) {
        xmlXPathFreeObject(objs[i]);
        xmlFree(strs[i]);
    }
}

/* bg:date('2025-03-14'): the locale's long date. */
static void fn_date(xmlXPathParserContextPtr ctxt, int nargs) {
    bg_xslext_run *run = run_of(ctxt);
    if (nargs != 1 || !run) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *iso = pop_text(ctxt);
    int y, m, d;
    char tail;
    char *s = NULL;
    if (iso && sscanf((const char *)iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3)
        s = bg_locale_date(run->locale, y, m, d);
    else
        fail(ctxt, "bg:date", "\"%s\" is not a date of the form yyyy-mm-dd", iso ? (const char *)iso : "");
    if (!s)
        run->failed = 1;
    push_string(ctxt, s);
    xmlFree(iso);
}

/* bg:number(n): a number with the locale's separators. */
static void fn_number(xmlXPathParserContextPtr ctxt, int nargs) {
    bg_xslext_run *run = run_of(ctxt);
    if (nargs != 1 || !run) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    double n = xmlXPathPopNumber(ctxt);
    char *s = bg_locale_number(run->locale, n);
    if (!s)
        fail(ctxt, "bg:number", NULL, NULL);
    push_string(ctxt, s);
}

/* bg:list(items…): node-sets and strings joined by ICU's list formatter. */
static void fn_list(xmlXPathParserContextPtr ctxt, int nargs) {
    bg_xslext_run *run = run_of(ctxt);
    if (nargs < 1 || !run) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlXPathObjectPtr *objs = calloc((size_t)nargs, sizeof *objs);
    if (!objs) {
        xmlXPathErr(ctxt, XPATH_MEMORY_ERROR);
        return;
    }
    int total = 0;
    for (int i = nargs - 1; i >= 0; i--) {
        objs[i] = valuePop(ctxt);
        total += objs[i] && objs[i]->type == XPATH_NODESET ? xmlXPathNodeSetGetLength(objs[i]->nodesetval) : 1;
    }
    xmlChar **items = calloc((size_t)total + 1, sizeof *items);
    int n = 0;
    for (int i = 0; items && i < nargs; i++) {
        if (objs[i] && objs[i]->type == XPATH_NODESET) {
            for (int k = 0; k < xmlXPathNodeSetGetLength(objs[i]->nodesetval); k++)
                items[n++] = xmlXPathCastNodeToString(xmlXPathNodeSetItem(objs[i]->nodesetval, k));
        } else {
            items[n++] = xmlXPathCastToString(objs[i]);
        }
    }
    for (int k = 0; k < n; k++)
        if (items[k])
            bg_str_squeeze_space((char *)items[k]);
    char *s = items ? bg_locale_list(run->locale, (const char *const *)items, n) : NULL;
    if (!s)
        fail(ctxt, "bg:list", NULL, NULL);
    push_string(ctxt, s);
    for (int k = 0; k < n; k++)
        xmlFree(items[k]);
    free(items);
    for (int i = 0; i < nargs; i++)
        xmlXPathFreeObject(objs[i]);
    free(objs);
}

/* bg:slug(text): an ASCII anchor by the official transliteration. */
static void fn_slug(xmlXPathParserContextPtr ctxt, int nargs) {
    bg_xslext_run *run = run_of(ctxt);
    if (nargs != 1 || !run) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *text = pop_text(ctxt);
    char *s = bg_l10n_slug(run->l10n, text ? (const char *)text : "");
    if (!s)
        fail(ctxt, "bg:slug", NULL, NULL);
    push_string(ctxt, s);
    xmlFree(text);
}

/* bg:autonym('uk'): "Українська". */
static void fn_autonym(xmlXPathParserContextPtr ctxt, int nargs) {
    bg_xslext_run *run = run_of(ctxt);
    if (nargs != 1 || !run) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *code = pop_text(ctxt);
    char *s = bg_locale_autonym(run->locale, code ? (const char *)code : "");
    if (!s)
        fail(ctxt, "bg:autonym", NULL, NULL);
    push_string(ctxt, s);
    xmlFree(code);
}

/* A result tree fragment the transform owns and frees with the template's
 * variables. */
static xmlDocPtr new_fragment(xmlXPathParserContextPtr ctxt) {
    xsltTransformContextPtr t = xsltXPathGetTransformContext(ctxt);
    xmlDocPtr doc = t ? xsltCreateRVT(t) : NULL;
    if (doc)
        xsltRegisterLocalRVT(t, doc);
    return doc;
}

/* Append to `doc` what xsl:copy-of would make of `v`: copies of its nodes (the
 * children of a result tree fragment), or its string value as text.  Attributes
 * and namespaces cannot stand among text and are left out.  -1 when out of memory. */
static int append_copy(xmlDocPtr doc, xmlXPathObjectPtr v) {
    if (!v)
        return 0;
    if (v->type != XPATH_NODESET && v->type != XPATH_XSLT_TREE) {
        xmlChar *text = xmlXPathCastToString(v);
        xmlNodePtr t = text && *text ? xmlNewDocText(doc, text) : NULL;
        int ok = !text || !*text || t;
        xmlFree(text);
        if (t)
            xmlAddChild((xmlNodePtr)doc, t);
        return ok ? 0 : -1;
    }
    for (int i = 0; v->nodesetval && i < v->nodesetval->nodeNr; i++) {
        xmlNodePtr n = v->nodesetval->nodeTab[i];
        int whole = n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE;
        for (xmlNodePtr k = whole ? n->children : n; k; k = whole ? k->next : NULL) {
            if (k->type == XML_ATTRIBUTE_NODE || k->type == XML_NAMESPACE_DECL)
                continue;
            xmlNodePtr c = xmlDocCopyNode(k, doc, 1);
            if (!c)
                return -1;
            xmlAddChild((xmlNodePtr)doc, c);
        }
    }
    return 0;
}

/* Append `len` bytes of `text` to `doc` as a text node (nothing when empty). */
static int append_text(xmlDocPtr doc, const xmlChar *text, int len) {
    if (len <= 0)
        return 0;
    xmlNodePtr t = xmlNewDocTextLen(doc, text, len);
    if (!t)
        return -1;
    xmlAddChild((xmlNodePtr)doc, t);
    return 0;
}

/* bg:splice(text, content, content2): `text` — a message formatted with the
 * markers U+E000 and U+E001 as arguments — with the first U+E000 replaced by a
 * copy of `content` and the first U+E001 by a copy of `content2` (node-sets or
 * result tree fragments, copied as xsl:copy-of copies them).  A node-set of the
 * pieces in order, for xsl:copy-of.  What the recursive template did with
 * substring-before/-after, in one pass. */
static void fn_splice(xmlXPathParserContextPtr ctxt, int nargs) {
    if (nargs < 1 || nargs > 3) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlXPathObjectPtr content[2] = {NULL, NULL};
    for (int i = nargs - 2; i >= 0; i--)
        content[i] = valuePop(ctxt);
    xmlChar *text = xmlXPathPopString(ctxt);
    xmlDocPtr doc = new_fragment(ctxt);
    static const char marker[2][4] = {"\xEE\x80\x80", "\xEE\x80\x81"}; /* U+E000, U+E001 */
    int rc = text && doc ? 0 : -1;
    if (rc == 0) {
        const char *at[2];
        for (int m = 0; m < 2; m++)
            at[m] = strstr((const char *)text, marker[m]);
        const char *p = (const char *)text;
        /* the markers in the order they appear in the text */
        int first = at[0] && (!at[1] || at[0] < at[1]) ? 0 : 1;
        for (int k = 0; k < 2 && rc == 0; k++) {
            int m = k == 0 ? first : 1 - first;
            if (!at[m] || at[m] < p)
                continue;
            rc = append_text(doc, (const xmlChar *)p, (int)(at[m] - p));
            if (rc == 0)
                rc = append_copy(doc, content[m]);
            p = at[m] + 3;
        }
        if (rc == 0)
            rc = append_text(doc, (const xmlChar *)p, (int)strlen(p));
    }
    xmlNodeSetPtr pieces = xmlXPathNodeSetCreate(NULL);
    for (xmlNodePtr n = rc == 0 && doc ? doc->children : NULL; pieces && n; n = n->next)
        if (xmlXPathNodeSetAdd(pieces, n) != 0)
            rc = -1;
    if (rc != 0 || !pieces)
        fail(ctxt, "bg:splice", "out of memory%s", "");
    xmlFree(text);
    xmlXPathFreeObject(content[0]);
    xmlXPathFreeObject(content[1]);
    valuePush(ctxt, xmlXPathWrapNodeSet(pieces));
}

/* bg:image(src, prefix): the image of the figure in context, read beside the brief
 * and checked (figure.h).  A node-set of one element: the SVG in its embedded form,
 * ids prefixed with `prefix`; or for a PNG <png uri="data:…" width="…" height="…"/>.
 * An image that cannot be read stops the render. */
static void fn_image(xmlXPathParserContextPtr ctxt, int nargs) {
    bg_xslext_run *run = run_of(ctxt);
    if (nargs < 1 || nargs > 2 || !run) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *prefix = nargs == 2 ? pop_text(ctxt) : NULL;
    xmlChar *src = pop_text(ctxt);
    xmlNodePtr here = ctxt->context ? ctxt->context->node : NULL;
    bg_figure *fig =
        src ? bg_figure_load(run->brief_path ? run->brief_path : "", here ? xmlGetLineNo(here) : 0, (const char *)src)
            : NULL;
    xmlDocPtr doc = fig ? new_fragment(ctxt) : NULL;
    xmlNodePtr node = NULL;
    if (doc && fig->kind == BG_FIGURE_SVG) {
        node = bg_figure_svg_copy(fig, doc, prefix ? (const char *)prefix : "");
    } else if (doc) {
        char *uri = bg_figure_data_uri(fig), size[32];
        node = uri ? xmlNewDocNode(doc, NULL, BAD_CAST "png", NULL) : NULL;
        if (node) {
            xmlNewProp(node, BAD_CAST "uri", BAD_CAST uri);
            snprintf(size, sizeof size, "%ld", fig->width);
            xmlNewProp(node, BAD_CAST "width", BAD_CAST size);
            snprintf(size, sizeof size, "%ld", fig->height);
            xmlNewProp(node, BAD_CAST "height", BAD_CAST size);
        }
        free(uri);
    }
    if (node)
        xmlAddChild((xmlNodePtr)doc, node);
    else
        fail(ctxt, "bg:image", fig ? "out of memory" : NULL, NULL);
    valuePush(ctxt, xmlXPathNewNodeSet(node));
    bg_figure_free(fig);
    xmlFree(src);
    xmlFree(prefix);
}

/* Put the citation `text` (with citation.h's marks) into `parent`: text, <em>title</em>
 * and <link>URL</link>. */
static void add_marked_text(xmlDocPtr doc, xmlNodePtr parent, const char *text) {
    const char *marks[] = {BG_CITE_EM_START, BG_CITE_EM_END, BG_CITE_LINK_START, BG_CITE_LINK_END};
    xmlNodePtr into = parent;
    const char *p = text;
    while (*p) {
        const char *next = NULL;
        int which = -1;
        for (int i = 0; i < 4; i++) {
            const char *m = strstr(p, marks[i]);
            if (m && (!next || m < next))
                next = m, which = i;
        }
        size_t n = next ? (size_t)(next - p) : strlen(p);
        if (n)
            xmlAddChild(into, xmlNewDocTextLen(doc, BAD_CAST p, (int)n));
        if (!next)
            break;
        if (which == 0 || which == 2) {
            xmlNodePtr el = xmlNewDocNode(doc, NULL, BAD_CAST(which == 0 ? "em" : "link"), NULL);
            xmlAddChild(parent, el);
            into = el;
        } else {
            into = parent;
        }
        p = next + strlen(marks[which]);
    }
}

/* bg:citation(work): the suggested citation of the work described by the element
 * `work` (docs/templates.md), in the style of the output language (citation.h).
 * A node-set of one <citation> element holding text, <em> (the title, where the
 * style sets it in italics) and <link> (a URL). */
static void fn_citation(xmlXPathParserContextPtr ctxt, int nargs) {
    bg_xslext_run *run = run_of(ctxt);
    if (nargs != 1 || !run) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlXPathObjectPtr arg = valuePop(ctxt);
    xmlNodePtr work = arg && arg->type == XPATH_NODESET && xmlXPathNodeSetGetLength(arg->nodesetval) > 0
                          ? xmlXPathNodeSetItem(arg->nodesetval, 0)
                          : NULL;
    if (!work || work->type != XML_ELEMENT_NODE) {
        xmlXPathFreeObject(arg);
        fail(ctxt, "bg:citation", "%sthe argument must be a <work> element (docs/templates.md)", "");
        valuePush(ctxt, xmlXPathNewNodeSet(NULL));
        return;
    }
    bg_cite_read r;
    char *text = bg_cite_read_work(work, &r) == 0 ? bg_citation_format(run->locale, &r.work) : NULL;
    xmlDocPtr doc = text ? new_fragment(ctxt) : NULL;
    xmlNodePtr node = doc ? xmlNewDocNode(doc, NULL, BAD_CAST "citation", NULL) : NULL;
    if (node) {
        xmlAddChild((xmlNodePtr)doc, node);
        add_marked_text(doc, node, text);
    } else {
        fail(ctxt, "bg:citation", NULL, NULL);
    }
    valuePush(ctxt, xmlXPathNewNodeSet(node));
    free(text);
    bg_cite_read_clear(&r);
    xmlXPathFreeObject(arg);
}

/* bg:typst(text) / bg:typst(text, 'string'): `text` escaped for Typst markup, or
 * as a quoted Typst string literal (typstesc.h).  Not normalised here: the escape
 * makes white space one space itself, and keeps a space at either end, which
 * separates a text from the markup around it. */
static void fn_typst(xmlXPathParserContextPtr ctxt, int nargs) {
    if (nargs < 1 || nargs > 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *mode = nargs == 2 ? xmlXPathPopString(ctxt) : NULL;
    xmlChar *text = xmlXPathPopString(ctxt);
    int string = mode && xmlStrEqual(mode, BAD_CAST "string");
    char *s = NULL;
    if (mode && !string && !xmlStrEqual(mode, BAD_CAST "markup"))
        fail(ctxt, "bg:typst", "the second argument is 'string' or 'markup', not '%s'", (const char *)mode);
    else if (!(s = bg_typst_escape(text ? (const char *)text : "", text ? (size_t)xmlStrlen(text) : 0,
                                   string ? BG_TYPST_STRING : BG_TYPST_MARKUP)))
        fail(ctxt, "bg:typst", "out of memory%s", "");
    push_string(ctxt, s);
    xmlFree(text);
    xmlFree(mode);
}

/* bg:json(text): `text` as one JSON string literal, quotes included, safe inside an
 * HTML <script> element (bg_buf_add_json_html: < > & as \u003c …), for the
 * JSON-LD the HTML head carries.  Not normalised: the template decides. */
static void fn_json(xmlXPathParserContextPtr ctxt, int nargs) {
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *text = xmlXPathPopString(ctxt);
    bg_buf b = {0};
    bg_buf_add_json_html(&b, text ? (const char *)text : "");
    char *s = bg_buf_take(&b);
    if (!s)
        fail(ctxt, "bg:json", "out of memory%s", "");
    push_string(ctxt, s);
    xmlFree(text);
}

/* bg:line(node): the line of the first node of `node` in the brief's XML file (the
 * resolved tree keeps the source's line numbers), 0 when unknown or empty. */
static void fn_line(xmlXPathParserContextPtr ctxt, int nargs) {
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlXPathObjectPtr arg = valuePop(ctxt);
    long line = 0;
    if (arg && (arg->type == XPATH_NODESET || arg->type == XPATH_XSLT_TREE) && arg->nodesetval &&
        arg->nodesetval->nodeNr > 0)
        line = xmlGetLineNo(arg->nodesetval->nodeTab[0]);
    xmlXPathFreeObject(arg);
    valuePush(ctxt, xmlXPathNewFloat(line > 0 ? (double)line : 0));
}

/* bg:reading-minutes(): the reading time of the brief being rendered, in whole
 * minutes: textstats' measure of the transform's source document (the brief
 * resolved for the run's language) — the figure `briefgen stats` gives, so serve
 * and build show the same. */
static void fn_reading_minutes(xmlXPathParserContextPtr ctxt, int nargs) {
    bg_xslext_run *run = run_of(ctxt);
    xsltTransformContextPtr t = xsltXPathGetTransformContext(ctxt);
    if (nargs != 0 || !run || !run->locale || !t || !t->document || !t->document->doc) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    const char *lang = bg_locale_lang(run->locale);
    bg_textstats s = {0};
    if (bg_textstats_measure(t->document->doc, lang, 0, &s) != 0) {
        fail(ctxt, "bg:reading-minutes", "cannot count the words of the brief in \"%s\"", lang);
        return;
    }
    valuePush(ctxt, xmlXPathNewFloat((double)bg_textstats_minutes(s.counts.words, lang)));
    bg_textstats_clear(&s);
}

/* ---- xsl:sort with ICU collation ------------------------------------------------ */

/* One sort key of xsl:sort: its computed values and how to compare them. */
typedef struct sort_key {
    xmlXPathObjectPtr *values; /* one per node, NULL where the key has no value */
    char **collation;          /* text keys: the ICU sort key of each value */
    int number;
    int descending;
    xmlChar *lang; /* NULL: compare in the output language */
} sort_key;

typedef struct sorter {
    sort_key keys[XSLT_MAX_SORT];
    int nkeys;
    bg_xslext_run *run;
} sorter;

/* Evaluate xsl:sort's attribute `name`, which may be an attribute value template.
 * Returns a string to xmlFree, or NULL when absent. */
static xmlChar *sort_attr(xsltTransformContextPtr ctxt, xmlNodePtr sort, const xmlChar *fixed, int has,
                          const char *name) {
    if (fixed)
        return xmlStrdup(fixed);
    if (!has)
        return NULL;
    return xsltEvalAttrValueTemplate(ctxt, sort, BAD_CAST name, NULL);
}

static int compare_numbers(double a, double b) {
    /* XSLT: NaN sorts before every number. */
    if (xmlXPathIsNaN(a))
        return xmlXPathIsNaN(b) ? 0 : -1;
    if (xmlXPathIsNaN(b))
        return 1;
    return a < b ? -1 : a > b;
}

static int compare_nodes(const sorter *s, int a, int b) {
    for (int j = 0; j < s->nkeys; j++) {
        const sort_key *k = &s->keys[j];
        xmlXPathObjectPtr va = k->values[a], vb = k->values[b];
        int c;
        if (!va || !vb) {
            c = va ? -1 : vb ? 1 : 0;
        } else if (k->number) {
            c = compare_numbers(va->floatval, vb->floatval);
        } else {
            c = strcmp(k->collation[a], k->collation[b]);
            c = (c > 0) - (c < 0);
        }
        if (c)
            return k->descending ? -c : c;
    }
    return a < b ? -1 : a > b; /* stable: document order breaks ties */
}

/* A merge sort of the index array: stable, O(n log n), no global comparator state. */
static void merge_sort(const sorter *s, int *idx, int *tmp, int n) {
    if (n < 2)
        return;
    int half = n / 2;
    merge_sort(s, idx, tmp, half);
    merge_sort(s, idx + half, tmp, n - half);
    int i = 0, j = half, o = 0;
    while (i < half && j < n)
        tmp[o++] = compare_nodes(s, idx[i], idx[j]) <= 0 ? idx[i++] : idx[j++];
    while (i < half)
        tmp[o++] = idx[i++];
    while (j < n)
        tmp[o++] = idx[j++];
    memcpy(idx, tmp, sizeof *idx * (size_t)n);
}

/* The value of the sort key `comp` (its select, "." by default) for each node of
 * the current node list, as numbers or strings — what xsltComputeSortResult does,
 * without its strxfrm() for a C library locale and without writing to `comp`:
 * the compiled stylesheet is shared by the threads of `build -j`, so it must stay
 * read-only.  An array of nodeNr objects to free, or NULL. */
static xmlXPathObjectPtr *sort_values(xsltTransformContextPtr ctxt, xsltStylePreCompPtr comp, int number) {
    xmlNodeSetPtr list = ctxt->nodeList;
    xmlXPathContextPtr xp = ctxt->xpathCtxt;
    if (!comp->comp || !list)
        return NULL;
    xmlXPathObjectPtr *values = xmlMalloc(sizeof *values * (size_t)list->nodeNr);
    if (!values)
        return NULL;
    xmlNodePtr old_node = ctxt->node, old_xp_node = xp->node;
    xmlNsPtr *old_ns = xp->namespaces;
    int old_nsnr = xp->nsNr, old_size = xp->contextSize, old_pos = xp->proximityPosition;
    xp->namespaces = comp->nsList;
    xp->nsNr = comp->nsNr;
    xp->contextSize = list->nodeNr;
    for (int i = 0; i < list->nodeNr; i++) {
        ctxt->node = xp->node = list->nodeTab[i];
        xp->proximityPosition = i + 1;
        xmlXPathObjectPtr v = xmlXPathCompiledEval(comp->comp, xp);
        if (v && v->type != (number ? XPATH_NUMBER : XPATH_STRING))
            v = number ? xmlXPathConvertNumber(v) : xmlXPathConvertString(v);
        values[i] = v;
    }
    ctxt->node = old_node;
    xp->node = old_xp_node;
    xp->namespaces = old_ns;
    xp->nsNr = old_nsnr;
    xp->contextSize = old_size;
    xp->proximityPosition = old_pos;
    return values;
}

static void free_values(xmlXPathObjectPtr *values, int n) {
    for (int i = 0; i < n; i++)
        xmlXPathFreeObject(values[i]);
    xmlFree(values);
}

/* The ICU sort keys of a text key's values (in the sort's lang, else the output
 * language), so that each comparison of the sort is a strcmp.  NULL when out of
 * memory. */
static char **collation_keys(bg_xslext_run *run, const sort_key *k, int n) {
    const char *lang = k->lang ? (const char *)k->lang : bg_locale_lang(run->locale);
    char **keys = calloc((size_t)n, sizeof *keys);
    if (!keys)
        return NULL;
    for (int i = 0; i < n; i++) {
        const xmlXPathObject *v = k->values[i];
        keys[i] = bg_l10n_sort_key(run->l10n, lang, v && v->stringval ? (const char *)v->stringval : "");
        if (!keys[i]) {
            for (int j = 0; j < i; j++)
                free(keys[j]);
            free(keys);
            return NULL;
        }
    }
    return keys;
}

/* The sort hook: what libxslt's default does, but text compares with ICU's collator
 * for the sort's lang (libxslt alone would use the C library's locale, which gets
 * Ukrainian wrong or is not installed at all). */
static void icu_sort(xsltTransformContextPtr ctxt, xmlNodePtr *sorts, int nbsorts) {
    xmlNodeSetPtr list = ctxt->nodeList;
    bg_xslext_run *run = ctxt->_private;
    if (!list || list->nodeNr <= 1 || nbsorts <= 0 || nbsorts > XSLT_MAX_SORT || !run)
        return;
    int len = list->nodeNr;
    sorter s = {.nkeys = 0, .run = run};
    for (int j = 0; j < nbsorts; j++) {
        xsltStylePreCompPtr comp = sorts[j] ? sorts[j]->psvi : NULL;
        if (!comp)
            break;
        sort_key *k = &s.keys[s.nkeys++];
        xmlChar *type = sort_attr(ctxt, sorts[j], comp->stype, comp->has_stype, "data-type");
        xmlChar *order = sort_attr(ctxt, sorts[j], comp->order, comp->has_order, "order");
        k->number = type ? xmlStrEqual(type, BAD_CAST "number") : comp->number;
        k->descending = order ? xmlStrEqual(order, BAD_CAST "descending") : comp->descending;
        k->lang = sort_attr(ctxt, sorts[j], comp->lang, comp->has_lang, "lang");
        xmlFree(type);
        xmlFree(order);
        k->values = sort_values(ctxt, comp, k->number);
        k->collation = NULL;
        if (k->values && !k->number && !(k->collation = collation_keys(run, k, len))) {
            free_values(k->values, len);
            k->values = NULL;
        }
        if (!k->values) {
            s.nkeys--;
            xmlFree(k->lang);
            break;
        }
    }
    int *idx = malloc(sizeof *idx * (size_t)len), *tmp = malloc(sizeof *tmp * (size_t)len);
    xmlNodePtr *nodes = malloc(sizeof *nodes * (size_t)len);
    if (idx && tmp && nodes && s.nkeys > 0) {
        for (int i = 0; i < len; i++)
            idx[i] = i;
        merge_sort(&s, idx, tmp, len);
        for (int i = 0; i < len; i++)
            nodes[i] = list->nodeTab[idx[i]];
        memcpy(list->nodeTab, nodes, sizeof *nodes * (size_t)len);
    }
    free(idx);
    free(tmp);
    free(nodes);
    for (int j = 0; j < s.nkeys; j++) {
        free_values(s.keys[j].values, len);
        if (s.keys[j].collation) {
            for (int i = 0; i < len; i++)
                free(s.keys[j].collation[i]);
            free(s.keys[j].collation);
        }
        xmlFree(s.keys[j].lang);
    }
}

void bg_xslext_register(void) {
    static const struct {
        const char *name;
        xmlXPathFunction fn;
    } fns[] = {{"msg", fn_msg},
               {"date", fn_date},
               {"number", fn_number},
               {"list", fn_list},
               {"slug", fn_slug},
               {"autonym", fn_autonym},
               {"image", fn_image},
               {"citation", fn_citation},
               {"splice", fn_splice},
               {"typst", fn_typst},
               {"line", fn_line},
               {"json", fn_json},
               {"reading-minutes", fn_reading_minutes}};
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        xsltRegisterExtModuleFunction(BAD_CAST fns[i].name, BAD_CAST BG_XSLT_NS, fns[i].fn);
}

void bg_xslext_attach(xsltTransformContextPtr ctxt, bg_xslext_run *run) {
    ctxt->_private = run;
    xsltSetCtxtSortFunc(ctxt, icu_sort);
}
