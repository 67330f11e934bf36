/* schema — see schema.h. */
#include "schema.h"

#include "diag.h"

#include <ctype.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RNG_NS "http://relaxng.org/ns/structure/1.0"
/* Deep enough for any sane grammar; stops a ref cycle. */
#define MAX_DEPTH 24

struct bg_schema {
    xmlRelaxNGPtr rng;
    xmlDocPtr grammar;        /* the schema read as a document, for hints */
    xmlHashTablePtr defines;  /* define name -> <define> */
    xmlHashTablePtr elements; /* element name -> first <element> */
};

static int is_rng(const xmlNode *n, const char *name) {
    return n && n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST RNG_NS) &&
           (!name || xmlStrEqual(n->name, BAD_CAST name));
}

static const char *name_of(const xmlNode *n) {
    xmlAttrPtr a = xmlHasNsProp(n, BAD_CAST "name", NULL);
    return a && a->children ? (const char *)a->children->content : NULL;
}

static void index_grammar(bg_schema *s, xmlNodePtr node) {
    for (xmlNodePtr n = node->children; n; n = n->next) {
        if (!is_rng(n, NULL))
            continue;
        const char *name = name_of(n);
        if (name && is_rng(n, "define"))
            xmlHashAddEntry(s->defines, BAD_CAST name, n);
        else if (name && is_rng(n, "element"))
            xmlHashAddEntry(s->elements, BAD_CAST name, n); /* keeps the first */
        index_grammar(s, n);
    }
}

bg_schema *bg_schema_load(const char *path) {
    bg_schema *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt(path);
    s->rng = pctxt ? xmlRelaxNGParse(pctxt) : NULL;
    xmlRelaxNGFreeParserCtxt(pctxt);
    s->grammar = s->rng ? xmlReadFile(path, NULL, XML_PARSE_NONET) : NULL;
    s->defines = xmlHashCreate(128);
    s->elements = xmlHashCreate(128);
    if (!s->rng || !s->grammar || !s->defines || !s->elements) {
        bg_error(path, 0, "the schema cannot be read or does not compile");
        bg_schema_free(s);
        return NULL;
    }
    index_grammar(s, xmlDocGetRootElement(s->grammar));
    return s;
}

void bg_schema_free(bg_schema *s) {
    if (!s)
        return;
    if (s->rng)
        xmlRelaxNGFree(s->rng);
    xmlFreeDoc(s->grammar);
    xmlHashFree(s->defines, NULL);
    xmlHashFree(s->elements, NULL);
    free(s);
}

/* ---- reading the grammar ------------------------------------------------------------ */

/* A comma-separated list of names without repeats, in first-seen order. */
typedef struct names {
    char buf[512];
} names;

static int names_has(const names *l, const char *name) {
    size_t n = strlen(name);
    for (const char *p = l->buf; (p = strstr(p, name)) != NULL; p += n)
        if ((p == l->buf || (p >= l->buf + 2 && p[-2] == ',')) && (p[n] == '\0' || p[n] == ','))
            return 1;
    return 0;
}

static void names_add(names *l, const char *name) {
    size_t n = strlen(name), len = strlen(l->buf);
    if (names_has(l, name))
        return;
    if (len + n + 3 < sizeof l->buf)
        snprintf(l->buf + len, sizeof l->buf - len, "%s%s", len ? ", " : "", name);
}

enum walk { CHILDREN, ATTRIBUTES, REQUIRED, VALUES };

/* Walk the pattern under `node` collecting, per `what`: the child element names,
 * the attribute names, the required attribute names, or the <value>s.  Refs are
 * followed; nested elements are not entered. */
static void walk(const bg_schema *s, xmlNodePtr node, enum walk what, names *out, int depth) {
    if (depth > MAX_DEPTH)
        return;
    for (xmlNodePtr n = node->children; n; n = n->next) {
        if (!is_rng(n, NULL))
            continue;
        const char *name = name_of(n);
        if (is_rng(n, "element")) {
            if (what == CHILDREN && name)
                names_add(out, name);
        } else if (is_rng(n, "attribute")) {
            if ((what == ATTRIBUTES || what == REQUIRED) && name)
                names_add(out, name);
        } else if (is_rng(n, "value")) {
            if (what == VALUES) {
                xmlChar *v = xmlNodeGetContent(n);
                names_add(out, v ? (const char *)v : "");
                xmlFree(v);
            }
        } else if (is_rng(n, "ref")) {
            xmlNodePtr def = name ? xmlHashLookup(s->defines, BAD_CAST name) : NULL;
            if (def)
                walk(s, def, what, out, depth + 1);
        } else if (what == REQUIRED && !is_rng(n, "group")) {
            /* optional, zeroOrMore, choice: what is inside is not required */
        } else {
            walk(s, n, what, out, depth + 1);
        }
    }
}

/* The <attribute name="attr"> reachable from element `elem`, or NULL. */
static xmlNodePtr find_attribute(const bg_schema *s, xmlNodePtr node, const char *attr, int depth) {
    if (depth > MAX_DEPTH)
        return NULL;
    for (xmlNodePtr n = node->children; n; n = n->next) {
        if (!is_rng(n, NULL) || is_rng(n, "element"))
            continue;
        const char *name = name_of(n);
        xmlNodePtr found = NULL;
        if (is_rng(n, "attribute"))
            found = name && strcmp(name, attr) == 0 ? n : NULL;
        else if (is_rng(n, "ref")) {
            xmlNodePtr def = name ? xmlHashLookup(s->defines, BAD_CAST name) : NULL;
            found = def ? find_attribute(s, def, attr, depth + 1) : NULL;
        } else
            found = find_attribute(s, n, attr, depth + 1);
        if (found)
            return found;
    }
    return NULL;
}

static xmlNodePtr element_def(const bg_schema *s, const xmlChar *name) {
    return name ? xmlHashLookup(s->elements, name) : NULL;
}

/* 1 when the content of the pattern under `node` is an <interleave> (its children in
 * any order, as <meta>'s), following refs but not entering nested elements. */
static int interleaved(const bg_schema *s, xmlNodePtr node, int depth) {
    if (!node || depth > MAX_DEPTH)
        return 0;
    for (xmlNodePtr n = node->children; n; n = n->next) {
        if (!is_rng(n, NULL) || is_rng(n, "element") || is_rng(n, "attribute"))
            continue;
        if (is_rng(n, "interleave"))
            return 1;
        const char *name = name_of(n);
        xmlNodePtr def = is_rng(n, "ref") && name ? xmlHashLookup(s->defines, BAD_CAST name) : NULL;
        if (is_rng(n, "ref") ? def && interleaved(s, def, depth + 1) : interleaved(s, n, depth + 1))
            return 1;
    }
    return 0;
}

/* How the children of `def` are listed in a message: "in this order" or, for an
 * interleave, "in any order". */
static const char *order_of(const bg_schema *s, xmlNodePtr def) {
    return interleaved(s, def, 0) ? "in any order" : "in this order";
}

/* ---- turning libxml2's messages into advice --------------------------------------- */

typedef struct report {
    const bg_schema *s;
    const char *path;
    xmlDocPtr doc;
    long last_line;
    int count;
    /* libxml2's summary line ("failed to validate attributes"), kept back in case
     * a precise message about the same problem follows; printed only if none does. */
    char pending[1024];
    long pending_line;
} report;

static const char *attr_value(const xmlNode *n, const char *name) {
    xmlAttrPtr a = xmlHasNsProp(n, BAD_CAST name, NULL);
    return a && a->children ? (const char *)a->children->content : "";
}

static void say(report *r, long line, const char *fmt, ...) BG_PRINTF(3, 4);
static void say(report *r, long line, const char *fmt, ...) {
    r->pending[0] = '\0';
    va_list ap;
    va_start(ap, fmt);
    bg_verror(r->path, line, fmt, ap);
    va_end(ap);
    r->last_line = line;
    r->count++;
}

static void bad_attribute(report *r, xmlNodePtr el, const char *attr) {
    long line = xmlGetLineNo(el);
    xmlNodePtr def = element_def(r->s, el->name);
    xmlNodePtr a = def ? find_attribute(r->s, def, attr, 0) : NULL;
    if (!a) {
        names all = {""};
        if (def)
            walk(r->s, def, ATTRIBUTES, &all, 0);
        say(r, line, "<%s> has no attribute \"%s\"%s%s%s", (const char *)el->name, attr,
            all.buf[0] ? " (it takes: " : "", all.buf, all.buf[0] ? ")" : "");
        return;
    }
    names values = {""};
    walk(r->s, a, VALUES, &values, 0);
    if (values.buf[0])
        say(r, line, "<%s %s=\"%s\">: \"%s\" is not allowed; use one of: %s", (const char *)el->name, attr,
            attr_value(el, attr), attr_value(el, attr), values.buf);
    else
        say(r, line, "<%s %s=\"%s\">: not a valid value for %s (see docs/format.md)", (const char *)el->name, attr,
            attr_value(el, attr), attr);
}

/* libxml2 says only "Element X failed to validate attributes", without a line:
 * find the X elements that lack a required attribute ourselves. */
static int missing_attributes(report *r, xmlNodePtr node, const char *elname) {
    int found = 0;
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(n->name, BAD_CAST elname)) {
            names req = {""};
            xmlNodePtr def = element_def(r->s, n->name);
            if (def)
                walk(r->s, def, REQUIRED, &req, 0);
            char *save = NULL;
            for (char *t = strtok_r(req.buf, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
                if (!xmlHasNsProp(n, BAD_CAST t, NULL)) {
                    say(r, xmlGetLineNo(n), "<%s> needs the attribute %s=\"…\" (see docs/format.md)", elname, t);
                    found = 1;
                }
            }
        }
        found |= missing_attributes(r, n->children, elname);
    }
    return found;
}

/* The edit distance between `a` and `b`, letters compared without case; more than
 * `most` when it is (names longer than 63 bytes are never near). */
static int distance(const char *a, const char *b, int most) {
    size_t na = strlen(a), nb = strlen(b);
    int row[64], prev[64];
    if (na > 63 || nb > 63)
        return most + 1;
    for (size_t j = 0; j <= nb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        row[0] = (int)i;
        for (size_t j = 1; j <= nb; j++) {
            int same = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]);
            int best = prev[j - 1] + !same;
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
        }
        memcpy(prev, row, sizeof row[0] * (nb + 1));
    }
    return prev[nb];
}

/* Into `hint`, the element a researcher most likely meant by <`name`> where the
 * schema allows `allowed`: the brief's name for an HTML (or DocBook) habit, or the
 * allowed name nearest in spelling (at most one letter wrong in four).  "" when
 * none is near. */
static void nearest_element(const char *name, const names *allowed, char *hint, size_t size) {
    static const char *const habits[][3] = {
        {"b", "strong", NULL},
        {"bold", "strong", NULL},
        {"i", "em", NULL},
        {"emph", "em", NULL},
        {"emphasis", "em", NULL},
        {"u", "em", NULL},
        {"para", "p", NULL},
        {"paragraph", "p", NULL},
        {"ul", "list", "<list type=\"bullet\">"},
        {"ol", "list", "<list type=\"ordered\">"},
        {"itemizedlist", "list", "<list type=\"bullet\">"},
        {"orderedlist", "list", "<list type=\"ordered\">"},
        {"li", "item", NULL},
        {"listitem", "item", NULL},
        {"tr", "row", NULL},
        {"td", "cell", NULL},
        {"th", "cell", NULL},
        {"entry", "cell", NULL},
        {"footnote", "fn", NULL},
        {"blockquote", "quote", NULL},
        {"link", "a", NULL},
        {"ulink", "a", NULL},
        {"img", "figure", NULL},
        {"image", "figure", NULL},
        {"h1", "title", NULL},
        {"h2", "title", NULL},
        {"h3", "title", NULL},
        {"heading", "title", NULL},
    };
    hint[0] = '\0';
    for (size_t i = 0; i < sizeof habits / sizeof habits[0]; i++)
        if (strcmp(name, habits[i][0]) == 0 && names_has(allowed, habits[i][1])) {
            if (habits[i][2])
                snprintf(hint, size, "%s", habits[i][2]);
            else
                snprintf(hint, size, "<%s>", habits[i][1]);
            return;
        }
    char list[sizeof allowed->buf];
    snprintf(list, sizeof list, "%s", allowed->buf);
    int most = (int)strlen(name) / 4, best = most + 1;
    char *save = NULL;
    for (char *t = strtok_r(list, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
        int d = distance(name, t, most);
        if (d < best) {
            best = d;
            snprintf(hint, size, "<%s>", t);
        }
    }
}

static void unexpected_element(report *r, xmlNodePtr el) {
    xmlNodePtr parent = el->parent;
    long line = xmlGetLineNo(el);
    if (!parent || parent->type != XML_ELEMENT_NODE) {
        say(r, line, "<%s> is not expected here", (const char *)el->name);
        return;
    }
    names kids = {""};
    xmlNodePtr def = element_def(r->s, parent->name);
    if (def)
        walk(r->s, def, CHILDREN, &kids, 0);
    const char *order = order_of(r->s, def);
    int allowed = names_has(&kids, (const char *)el->name);
    if (!kids.buf[0])
        say(r, line, "<%s> is not allowed inside <%s>", (const char *)el->name, (const char *)parent->name);
    else if (allowed && strcmp(order, "in any order") == 0)
        say(r, line, "<%s> is one too many inside <%s>; <%s> holds, %s: %s", (const char *)el->name,
            (const char *)parent->name, (const char *)parent->name, order, kids.buf);
    else if (allowed)
        say(r, line, "<%s> is out of place inside <%s>, or something before it is missing; <%s> holds, %s: %s",
            (const char *)el->name, (const char *)parent->name, (const char *)parent->name, order, kids.buf);
    else {
        char hint[64];
        nearest_element((const char *)el->name, &kids, hint, sizeof hint);
        if (hint[0])
            say(r, line, "<%s> is not allowed inside <%s>: did you mean %s? <%s> holds, %s: %s", (const char *)el->name,
                (const char *)parent->name, hint, (const char *)parent->name, order, kids.buf);
        else
            say(r, line, "<%s> is not allowed inside <%s>; <%s> holds, %s: %s", (const char *)el->name,
                (const char *)parent->name, (const char *)parent->name, order, kids.buf);
    }
}

/* libxml2 says of an element an interleave does not take "Element X has extra
 * content: Y" (Y in `name`), at Y or at X: say it at <Y>.  Y is "text" for text in
 * an element that must be empty (<xref>). */
static int extra_content(report *r, xmlNodePtr node, const char *name) {
    if (xmlStrEqual(node->name, BAD_CAST name)) {
        unexpected_element(r, node);
        return 1;
    }
    for (xmlNodePtr n = node->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name)) {
            unexpected_element(r, n);
            return 1;
        }
    names kids = {""};
    xmlNodePtr def = element_def(r->s, node->name);
    if (def)
        walk(r->s, def, CHILDREN, &kids, 0);
    if (strcmp(name, "text") == 0 && !kids.buf[0]) { /* text in an element that must be empty */
        say(r, xmlGetLineNo(node), "<%s> holds nothing, no text: write it as an empty element, <%s … />",
            (const char *)node->name, (const char *)node->name);
        return 1;
    }
    return 0;
}

/* The first <`name`> under `node` whose parent takes its children in any order and
 * which repeats an earlier sibling: what libxml2 means by "Extra element X in
 * interleave", said without a node.  NULL when there is none. */
static xmlNodePtr interleave_repeat(const report *r, xmlNodePtr node, const char *name) {
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(n->name, BAD_CAST name) && n->parent && n->parent->type == XML_ELEMENT_NODE &&
            interleaved(r->s, element_def(r->s, n->parent->name), 0))
            for (xmlNodePtr p = n->prev; p; p = p->prev)
                if (p->type == XML_ELEMENT_NODE && xmlStrEqual(p->name, n->name))
                    return n;
        xmlNodePtr found = interleave_repeat(r, n->children, name);
        if (found)
            return found;
    }
    return NULL;
}

static void incomplete_element(report *r, xmlNodePtr el, const char *expected) {
    names kids = {""};
    xmlNodePtr def = element_def(r->s, el->name);
    if (def)
        walk(r->s, def, CHILDREN, &kids, 0);
    const char *order = order_of(r->s, def);
    if (expected && *expected)
        say(r, xmlGetLineNo(el), "<%s> is missing <%s>; <%s> holds, %s: %s", (const char *)el->name, expected,
            (const char *)el->name, order, kids.buf);
    else
        say(r, xmlGetLineNo(el), "<%s> is incomplete; it holds, %s: %s", (const char *)el->name, order, kids.buf);
}

static void rng_error(void *userdata, xmlErrorPtr e) {
    report *r = userdata;
    if (!e || e->level == XML_ERR_NONE)
        return;
    xmlNodePtr node = e->node;
    long line = node ? xmlGetLineNo(node) : e->line;
    /* After the first problem libxml2 repeats "failed to validate content" for every
     * ancestor, and sometimes a second message for the same node: noise. */
    if (r->count > 0 && (e->code == XML_RELAXNG_ERR_CONTENTVALID || line == r->last_line))
        return;
    int is_element = node && node->type == XML_ELEMENT_NODE;
    switch (e->code) {
    case XML_RELAXNG_ERR_INVALIDATTR:
        if (is_element && e->str1) {
            bad_attribute(r, node, (const char *)e->str1);
            return;
        }
        break;
    case XML_RELAXNG_ERR_ATTRVALID:
        if (e->str1 && missing_attributes(r, xmlDocGetRootElement(r->doc), (const char *)e->str1))
            return;
        snprintf(r->pending, sizeof r->pending, "<%s> has an attribute with a wrong value or lacks one",
                 e->str1 ? (const char *)e->str1 : "?");
        r->pending_line = line;
        return;
    case XML_RELAXNG_ERR_ELEMWRONG:
        if (is_element) {
            unexpected_element(r, node);
            return;
        }
        break;
    case XML_RELAXNG_ERR_NOELEM:
        if (is_element) {
            incomplete_element(r, node, (const char *)e->str1);
            return;
        }
        break;
    case XML_RELAXNG_ERR_TEXTWRONG:
        if (is_element) {
            names kids = {""};
            xmlNodePtr def = element_def(r->s, node->name);
            if (def)
                walk(r->s, def, CHILDREN, &kids, 0);
            say(r, line, "<%s> holds no text of its own, only elements%s%s%s", (const char *)node->name,
                kids.buf[0] ? " (in this order: " : "", kids.buf, kids.buf[0] ? "); put the text inside one" : "");
            return;
        }
        break;
    case XML_RELAXNG_ERR_EXTRACONTENT:
        if (is_element && e->str2 && extra_content(r, node, (const char *)e->str2))
            return;
        break;
    case XML_RELAXNG_ERR_INTEREXTRA:
        if (e->str1) {
            xmlNodePtr extra = interleave_repeat(r, xmlDocGetRootElement(r->doc), (const char *)e->str1);
            if (extra) {
                unexpected_element(r, extra);
                return;
            }
        }
        break;
    case XML_RELAXNG_ERR_ELEMNAME:
        if (e->str1 && e->str2) {
            say(r, line, "expected <%s> here, found <%s>", (const char *)e->str1, (const char *)e->str2);
            return;
        }
        break;
    default:
        break;
    }
    char msg[1024];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "does not match the schema");
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    say(r, line, "%s (see docs/format.md)", msg);
}

int bg_schema_validate(const bg_schema *s, xmlDocPtr doc, const char *path) {
    xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(s->rng);
    if (!v) {
        bg_error(path, 0, "out of memory");
        return -1;
    }
    report r = {s, path, doc, -1, 0, "", 0};
    xmlRelaxNGSetValidStructuredErrors(v, rng_error, &r);
    int rc = xmlRelaxNGValidateDoc(v, doc);
    xmlRelaxNGFreeValidCtxt(v);
    if (r.pending[0])
        say(&r, r.pending_line, "%s (see docs/format.md)", r.pending);
    if (rc != 0 && r.count == 0)
        bg_error(path, 0, "does not match the brief schema (see docs/format.md)");
    return rc == 0 ? 0 : -1;
}
