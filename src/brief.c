/* brief — see brief.h.  Loading untrusted XML safely, validating it, and the
 * language-unit rule every other module relies on. */
#include "brief.h"

#include "diag.h"
#include "schema.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

struct bg_brief {
    char *path;
    xmlDocPtr doc;
    char *source_lang; /* owned copy of @source-lang */
    char **langs;      /* @langs split on white space */
    int nlangs;
};

/* The parser options for every untrusted document: no network, no DTD loading, no
 * entity substitution (XML_PARSE_NOENT would read local files), line numbers past
 * 65535.  libxml2 2.9.14 has no XML_PARSE_NO_XXE; entity declarations are refused
 * by the SAX hook below instead. */
#define SAFE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES)

#define MAX_BRIEF_BYTES (64L * 1024 * 1024)

/* Briefs never need entities, and a declared entity is the door to every
 * entity attack (XXE reads local files; billion laughs and quadratic blow-up eat
 * memory when XSLT reads the text).  Refuse the first declaration and stop parsing,
 * so nothing of the entity is ever expanded. */
static void refuse_entity(void *ctx, const xmlChar *name, int type, const xmlChar *publicId,
                          const xmlChar *systemId, xmlChar *content) {
    (void)type, (void)publicId, (void)systemId, (void)content;
    xmlParserCtxtPtr ctxt = ctx;
    const char *file = ctxt->input && ctxt->input->filename ? ctxt->input->filename : NULL;
    bg_error(file, ctxt->input ? ctxt->input->line : 0,
             "the document declares the entity \"%s\"; briefs may not declare entities "
             "(remove the <!DOCTYPE …> and write the text out)",
             (const char *)name);
    ctxt->_private = (void *)1; /* remember the refusal: the document is not usable */
    xmlStopParser(ctxt);
}

static void refuse_unparsed_entity(void *ctx, const xmlChar *name, const xmlChar *publicId,
                                   const xmlChar *systemId, const xmlChar *notation) {
    (void)notation;
    refuse_entity(ctx, name, 0, publicId, systemId, NULL);
}

/* Parse `size` bytes as the document named `name`; NULL after reporting errors. */
static xmlDocPtr parse_safely(const char *data, int size, const char *name) {
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        bg_error(name, 0, "out of memory");
        return NULL;
    }
    ctxt->sax->entityDecl = refuse_entity;
    ctxt->sax->unparsedEntityDecl = refuse_unparsed_entity;
    int errors_before = bg_diag_errors();
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, size, name, NULL, SAFE_OPTIONS);
    int refused = ctxt->_private != NULL;
    int well_formed = ctxt->wellFormed;
    xmlFreeParserCtxt(ctxt);
    if (doc && (refused || !well_formed)) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    if (!doc && bg_diag_errors() == errors_before)
        bg_error(name, 0, "not a well-formed XML document");
    return doc;
}

/* Read a whole regular file into memory.  The brief is read by us, not by libxml2,
 * so a directory, a missing or an unreadable file gets one clear message. */
static const char *file_kind(mode_t m) {
    return S_ISDIR(m)    ? " (it is a directory)"
           : S_ISFIFO(m) ? " (it is a pipe)"
           : S_ISCHR(m)  ? " (it is a device)"
           : S_ISBLK(m)  ? " (it is a device)"
           : S_ISSOCK(m) ? " (it is a socket)"
                         : "";
}

static char *slurp(const char *path, int *size) {
    /* O_NONBLOCK: opening a pipe must not wait for a writer; a regular file
     * ignores it. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        bg_error(path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        bg_error(path, 0, "not a regular file%s", file_kind(st.st_mode));
        close(fd);
        return NULL;
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        bg_error(path, 0, "cannot read: %s", strerror(errno));
        close(fd);
        return NULL;
    }
    /* A brief is text: the sample is 46 KB.  Beyond this it is not a brief, and
     * parsing and rendering it would take about ten times its size in memory. */
    if (st.st_size > MAX_BRIEF_BYTES) {
        bg_error(path, 0, "file too large (%lld bytes); briefgen reads briefs of up to %ld MiB",
                 (long long)st.st_size, MAX_BRIEF_BYTES / (1024 * 1024));
        fclose(f);
        return NULL;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    size_t n = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
    int failed = !buf || ferror(f);
    fclose(f);
    if (failed) {
        bg_error(path, 0, "cannot read: %s", buf ? strerror(errno) : "out of memory");
        free(buf);
        return NULL;
    }
    if (n == 0) {
        bg_error(path, 0, "the file is empty; a brief starts with <brief xmlns=\"%s\">", BG_BRIEF_NS);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *size = (int)n;
    return buf;
}

const char *bg_brief_path(const bg_brief *b) { return b->path; }
xmlDocPtr bg_brief_doc(const bg_brief *b) { return b->doc; }
const char *bg_brief_source_lang(const bg_brief *b) { return b->source_lang; }
int bg_brief_nlangs(const bg_brief *b) { return b->nlangs; }
const char *bg_brief_lang(const bg_brief *b, int i) { return i >= 0 && i < b->nlangs ? b->langs[i] : NULL; }

long bg_node_line(const xmlNode *node) { return node ? xmlGetLineNo(node) : 0; }

const xmlChar *bg_node_lang(const xmlNode *node) {
    if (!node || node->type != XML_ELEMENT_NODE)
        return NULL;
    xmlAttrPtr a = xmlHasNsProp(node, BAD_CAST "lang", XML_XML_NAMESPACE);
    return a && a->children ? a->children->content : NULL;
}

/* The value of attribute `name` (no namespace) of `node`, borrowed, or NULL. */
static const char *attr(const xmlNode *node, const char *name) {
    xmlAttrPtr a = xmlHasNsProp(node, BAD_CAST name, NULL);
    return a && a->children && a->children->content ? (const char *)a->children->content : NULL;
}

static int is_ours(const xmlNode *n, const char *name) {
    return n && n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST BG_BRIEF_NS) &&
           (!name || xmlStrEqual(n->name, BAD_CAST name));
}

void bg_brief_free(bg_brief *b) {
    if (!b)
        return;
    xmlFreeDoc(b->doc);
    bg_brief_langs_free(b->langs);
    free(b->source_lang);
    free(b->path);
    free(b);
}

static char **split_words(const char *text);

/* Split @langs into b->langs.  Called after parsing; validation reports bad values. */
static int read_langs(bg_brief *b) {
    xmlNodePtr root = xmlDocGetRootElement(b->doc);
    const char *src = attr(root, "source-lang");
    b->source_lang = strdup(src ? src : "");
    b->langs = split_words(attr(root, "langs"));
    if (!b->source_lang || !b->langs)
        return -1;
    while (b->langs[b->nlangs])
        b->nlangs++;
    return 0;
}

bg_brief *bg_brief_load_memory(const char *data, int size, const char *name) {
    xmlDocPtr doc = parse_safely(data, size, name);
    if (!doc)
        return NULL;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!is_ours(root, "brief")) {
        const xmlChar *ns = root && root->ns ? root->ns->href : NULL;
        bg_error(name, bg_node_line(root),
                 "the root element is <%s>%s%s%s; a brief's root is <brief xmlns=\"%s\">",
                 root ? (const char *)root->name : "", ns ? " in namespace \"" : " in no namespace",
                 ns ? (const char *)ns : "", ns ? "\"" : "", BG_BRIEF_NS);
        xmlFreeDoc(doc);
        return NULL;
    }
    xmlDtdPtr dtd = xmlGetIntSubset(doc);
    if (dtd && (dtd->ExternalID || dtd->SystemID))
        bg_warn(name, 0, "the DOCTYPE names an external DTD (\"%s\"); briefgen never loads it, and a brief needs none",
                dtd->SystemID ? (const char *)dtd->SystemID : (const char *)dtd->ExternalID);
    bg_brief *b = calloc(1, sizeof *b);
    if (!b || !(b->path = strdup(name)) || (b->doc = doc, read_langs(b) != 0)) {
        bg_error(name, 0, "out of memory");
        if (b)
            b->doc = doc;
        else
            xmlFreeDoc(doc);
        bg_brief_free(b);
        return NULL;
    }
    return b;
}

bg_brief *bg_brief_load(const char *path) {
    int size = 0;
    char *data = slurp(path, &size);
    if (!data)
        return NULL;
    bg_brief *b = bg_brief_load_memory(data, size, path);
    free(data);
    return b;
}

static void ignore_error(void *ctx, xmlErrorPtr e) { (void)ctx, (void)e; }

/* Split `text` on white space into a NULL-terminated malloc'd array. */
static char **split_words(const char *text) {
    int n = 0;
    char **words = calloc(1, sizeof *words);
    for (const char *p = text ? text : ""; words && *p;) {
        p += strspn(p, " \t\r\n");
        size_t len = strcspn(p, " \t\r\n");
        if (!len)
            break;
        char **grown = realloc(words, sizeof *words * (size_t)(n + 2));
        if (!grown)
            break;
        words = grown;
        words[n] = strndup(p, len);
        words[++n] = NULL;
        p += len;
    }
    return words;
}

char **bg_brief_peek_langs(const char *path) {
    xmlChar *langs = NULL;
    struct stat st;
    /* Opened here, not by libxml2, which would report a file it cannot open. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    int regular = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    xmlTextReaderPtr r = regular ? xmlReaderForFd(fd, path, NULL, SAFE_OPTIONS) : NULL;
    if (r) {
        xmlTextReaderSetStructuredErrorHandler(r, ignore_error, NULL);
        while (xmlTextReaderRead(r) == 1) {
            if (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT) {
                langs = xmlTextReaderGetAttribute(r, BAD_CAST "langs");
                break;
            }
        }
        xmlFreeTextReader(r);
    }
    if (fd >= 0)
        close(fd);
    char **words = split_words((const char *)langs);
    xmlFree(langs);
    return words;
}

void bg_brief_langs_free(char **langs) {
    for (int i = 0; langs && langs[i]; i++)
        free(langs[i]);
    free(langs);
}

/* ---- language units ------------------------------------------------------------ */

/* Inline elements may carry xml:lang to mark a foreign phrase ("World Café" in a
 * Ukrainian paragraph); that is a language marker, never a unit. */
static int is_inline(const xmlNode *n) {
    static const char *const names[] = {"em", "strong", "a", "cite", "term", "fn", NULL};
    for (int i = 0; names[i]; i++)
        if (xmlStrEqual(n->name, BAD_CAST names[i]))
            return 1;
    return 0;
}

static xmlNodePtr next_element(xmlNodePtr n) {
    for (n = n ? n->next : NULL; n && n->type != XML_ELEMENT_NODE; n = n->next)
        ;
    return n;
}

static xmlNodePtr first_element(xmlNodePtr parent) {
    xmlNodePtr n = parent ? parent->children : NULL;
    return n && n->type != XML_ELEMENT_NODE ? next_element(n) : n;
}

/* Fill `u` with the unit that starts at `first` (which has xml:lang) and return the
 * element after it.  A unit ends at a sibling of another name, one without a
 * language, or one whose language the unit already has. */
static xmlNodePtr gather_unit(xmlNodePtr first, bg_unit *u) {
    u->n = 0;
    xmlNodePtr n = first;
    while (n && u->n < BG_UNIT_MAX && xmlStrEqual(n->name, first->name) && n->ns == first->ns) {
        const xmlChar *lang = bg_node_lang(n);
        if (!lang)
            break;
        for (int i = 0; i < u->n; i++)
            if (xmlStrcasecmp(bg_node_lang(u->member[i]), lang) == 0)
                return n;
        u->member[u->n++] = n;
        n = next_element(n);
    }
    return n;
}

void bg_brief_each_unit(xmlNodePtr node, void (*fn)(const bg_unit *, void *), void *ctx) {
    xmlNodePtr child = first_element(node);
    while (child) {
        if (is_inline(child)) {
            child = next_element(child);
        } else if (bg_node_lang(child)) {
            bg_unit u;
            xmlNodePtr next = gather_unit(child, &u);
            fn(&u, ctx);
            child = next;
        } else {
            bg_brief_each_unit(child, fn, ctx);
            child = next_element(child);
        }
    }
}

typedef struct counter {
    const char *lang;
    bg_coverage cov;
} counter;

static void count_unit(const bg_unit *u, void *ctx) {
    counter *c = ctx;
    c->cov.total++;
    for (int i = 0; i < u->n; i++)
        if (xmlStrcasecmp(bg_node_lang(u->member[i]), BAD_CAST c->lang) == 0) {
            c->cov.present++;
            break;
        }
}

bg_coverage bg_brief_coverage(const bg_brief *b, const char *lang) {
    counter c = {lang, {0, 0}};
    bg_brief_each_unit(xmlDocGetRootElement(b->doc), count_unit, &c);
    return c.cov;
}

/* ---- semantic checks ------------------------------------------------------------- */

typedef struct checker {
    const bg_brief *b;
    xmlHashTablePtr ids; /* id -> element */
} checker;

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* 1 when `s` is an ISO calendar date yyyy-mm-dd that exists. */
static int is_real_date(const char *s) {
    int y, m, d;
    char tail;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
        return 0;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return 0;
    return d <= days[m - 1] + (m == 2 && is_leap(y));
}

static int is_count(const char *s) {
    if (!*s || strlen(s) > 9)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

static void collect_ids(checker *c, xmlNodePtr node) {
    for (xmlNodePtr n = first_element(node); n; n = next_element(n)) {
        const char *id = attr(n, "id");
        if (id) {
            xmlNodePtr first = xmlHashLookup(c->ids, BAD_CAST id);
            if (first)
                bg_error(c->b->path, bg_node_line(n),
                         "duplicate id \"%s\" on <%s>; it is already the id of <%s> at line %ld", id,
                         (const char *)n->name, (const char *)first->name, bg_node_line(first));
            else
                xmlHashAddEntry(c->ids, BAD_CAST id, n);
        }
        collect_ids(c, n);
    }
}

/* Report `owner`/@`attribute` = `ref` unless it names an element called `target`. */
static void check_ref(checker *c, xmlNodePtr owner, const char *attribute, const char *ref,
                      const char *target) {
    xmlNodePtr t = xmlHashLookup(c->ids, BAD_CAST ref);
    if (!t)
        bg_error(c->b->path, bg_node_line(owner), "<%s %s=\"%s\">: no <%s id=\"%s\"> in this brief",
                 (const char *)owner->name, attribute, ref, target, ref);
    else if (!xmlStrEqual(t->name, BAD_CAST target))
        bg_error(c->b->path, bg_node_line(owner),
                 "<%s %s=\"%s\">: \"%s\" is the id of a <%s> (line %ld), not of a <%s>",
                 (const char *)owner->name, attribute, ref, ref, (const char *)t->name, bg_node_line(t), target);
}

static void check_refs(checker *c, xmlNodePtr node) {
    for (xmlNodePtr n = first_element(node); n; n = next_element(n)) {
        const char *v;
        if (is_ours(n, "case") && (v = attr(n, "municipality")))
            check_ref(c, n, "municipality", v, "municipality");
        if (is_ours(n, "quote") && (v = attr(n, "municipality")))
            check_ref(c, n, "municipality", v, "municipality");
        if (is_ours(n, "cite") && (v = attr(n, "ref")))
            check_ref(c, n, "ref", v, "ref");
        if (is_ours(n, "person") && (v = attr(n, "org")))
            check_ref(c, n, "org", v, "org");
        if (is_ours(n, "recommendation") && (v = attr(n, "findings"))) {
            const char *p = v;
            while (*p) {
                p += strspn(p, " \t\r\n");
                size_t len = strcspn(p, " \t\r\n");
                if (!len)
                    break;
                char *one = strndup(p, len);
                if (one)
                    check_ref(c, n, "findings", one, "finding");
                free(one);
                p += len;
            }
        }
        if (is_ours(n, "recommendation") && (v = attr(n, "votes")) && !is_count(v))
            bg_error(c->b->path, bg_node_line(n),
                     "<recommendation votes=\"%s\">: votes must be a whole number of 0 or more", v);
        check_refs(c, n);
    }
}

static int declared(const bg_brief *b, const xmlChar *lang) {
    for (int i = 0; i < b->nlangs; i++)
        if (xmlStrcasecmp(BAD_CAST b->langs[i], lang) == 0)
            return 1;
    return xmlStrcasecmp(BAD_CAST b->source_lang, lang) == 0;
}

static void check_unit(const bg_unit *u, void *ctx) {
    checker *c = ctx;
    int has_source = 0;
    for (int i = 0; i < u->n; i++) {
        const xmlChar *lang = bg_node_lang(u->member[i]);
        if (xmlStrcasecmp(lang, BAD_CAST c->b->source_lang) == 0)
            has_source = 1;
        else if (!declared(c->b, lang))
            bg_warn(c->b->path, bg_node_line(u->member[i]),
                    "<%s xml:lang=\"%s\">: \"%s\" is not one of the brief's languages (langs=\"%s\"); "
                    "it is never shown",
                    (const char *)u->member[i]->name, (const char *)lang, (const char *)lang,
                    attr(xmlDocGetRootElement(c->b->doc), "langs"));
    }
    if (!has_source)
        bg_error(c->b->path, bg_node_line(u->member[0]),
                 "<%s xml:lang=\"%s\"> has no \"%s\" text beside it; every text needs the source "
                 "language (add <%s xml:lang=\"%s\"> right before it)",
                 (const char *)u->member[0]->name, (const char *)bg_node_lang(u->member[0]),
                 c->b->source_lang, (const char *)u->member[0]->name, c->b->source_lang);
}

static void check_root(const bg_brief *b) {
    xmlNodePtr root = xmlDocGetRootElement(b->doc);
    long line = bg_node_line(root);
    const char *date = attr(root, "date");
    if (date && !is_real_date(date))
        bg_error(b->path, line, "<brief date=\"%s\">: not a real calendar date; write yyyy-mm-dd, e.g. 2025-03-14",
                 date);
    if (b->nlangs == 0)
        bg_error(b->path, line, "<brief langs=\"\">: name at least one language, e.g. langs=\"uk en\"");
    int found = 0;
    for (int i = 0; i < b->nlangs; i++)
        found |= strcasecmp(b->langs[i], b->source_lang) == 0;
    if (b->nlangs > 0 && !found)
        bg_error(b->path, line, "<brief source-lang=\"%s\">: the source language is not in langs=\"%s\"",
                 b->source_lang, attr(root, "langs"));
}

int bg_brief_validate(bg_brief *b, const bg_schema *schema) {
    int errors_before = bg_diag_errors();
    if (bg_schema_validate(schema, b->doc, b->path) != 0)
        return -1; /* the semantic checks assume the structure is right */
    check_root(b);
    checker c = {b, xmlHashCreate(64)};
    if (!c.ids) {
        bg_error(b->path, 0, "out of memory");
        return -1;
    }
    collect_ids(&c, xmlDocGetRootElement(b->doc));
    check_refs(&c, xmlDocGetRootElement(b->doc));
    bg_brief_each_unit(xmlDocGetRootElement(b->doc), check_unit, &c);
    xmlHashFree(c.ids, NULL);
    return bg_diag_errors() == errors_before ? 0 : -1;
}

/* ---- resolving one language --------------------------------------------------------- */

typedef struct resolver {
    const bg_brief *b;
    const char *lang;
} resolver;

static void keep_one(const bg_unit *u, void *ctx) {
    resolver *r = ctx;
    xmlNodePtr keep = NULL, source = NULL;
    for (int i = 0; i < u->n; i++) {
        const xmlChar *l = bg_node_lang(u->member[i]);
        if (!keep && xmlStrcasecmp(l, BAD_CAST r->lang) == 0)
            keep = u->member[i];
        if (!source && xmlStrcasecmp(l, BAD_CAST r->b->source_lang) == 0)
            source = u->member[i];
    }
    if (!keep) {
        keep = source ? source : u->member[0];
        if (bg_diag_strict())
            bg_error(r->b->path, bg_node_line(keep), "no \"%s\" text for <%s> (--strict: every text must be translated)",
                     r->lang, (const char *)keep->name);
        else
            bg_warn(r->b->path, bg_node_line(keep), "no \"%s\" text for <%s>, using \"%s\"", r->lang,
                    (const char *)keep->name, (const char *)bg_node_lang(keep));
    }
    for (int i = 0; i < u->n; i++) {
        if (u->member[i] != keep) {
            xmlUnlinkNode(u->member[i]);
            xmlFreeNode(u->member[i]);
        }
    }
}

xmlDocPtr bg_brief_resolve(const bg_brief *b, const char *lang) {
    xmlDocPtr copy = xmlCopyDoc(b->doc, 1);
    if (!copy) {
        bg_error(b->path, 0, "out of memory");
        return NULL;
    }
    resolver r = {b, lang};
    /* keep_one frees the members it drops; bg_brief_each_unit has already moved past
     * a unit when it calls back, so the walk never touches a freed node. */
    bg_brief_each_unit(xmlDocGetRootElement(copy), keep_one, &r);
    return copy;
}
