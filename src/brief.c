/* brief — see brief.h.  Loading a brief (parsed as untrusted XML by xmlsafe),
 * validating it, and the language-unit rule every other module relies on. */
#include "brief.h"
#include "brief_impl.h"

#include "diag.h"
#include "figure.h"
#include "fileio.h"
#include "schema.h"
#include "xmlsafe.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_BRIEF_BYTES (64L * 1024 * 1024)

/* Read a whole brief into memory.  The brief is read by us, not by libxml2, so a
 * directory, a missing or an unreadable file gets one clear message. */
static char *slurp(const char *path, int *size) {
    char *buf;
    size_t n;
    mode_t mode = 0;
    /* A brief is text: the sample is 46 KB.  Beyond this it is not a brief, and
     * parsing and rendering it would take about ten times its size in memory. */
    bg_file_status st = bg_file_read(path, MAX_BRIEF_BYTES, &buf, &n, &mode);
    if (st == BG_FILE_TOO_LARGE) {
        bg_error(path, 0, "file too large (%zu bytes); briefgen reads briefs of up to %ld MiB", n,
                 MAX_BRIEF_BYTES / (1024L * 1024));
        return NULL;
    }
    if (st != BG_FILE_OK) {
        char why[256];
        bg_error(path, 0, "%s", bg_file_problem(st, mode, why, sizeof why));
        return NULL;
    }
    if (n == 0) {
        bg_error(path, 0, "the file is empty; a brief starts with <brief xmlns=\"%s\">", BG_BRIEF_NS);
        free(buf);
        return NULL;
    }
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
void bg_brief_release_tree(bg_brief *b) {
    if (b) {
        xmlFreeDoc(b->doc);
        b->doc = NULL;
    }
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
    xmlDocPtr doc = bg_xml_parse_untrusted(data, size, name);
    if (!doc)
        return NULL;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!is_ours(root, "brief")) {
        const xmlChar *ns = root && root->ns ? root->ns->href : NULL;
        bg_error(name, bg_node_line(root), "the root element is <%s>%s%s%s; a brief's root is <brief xmlns=\"%s\">",
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
    xmlTextReaderPtr r = regular ? bg_xml_reader_for_fd(fd, path) : NULL;
    if (r) {
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

char **bg_brief_peek_figures(const char *path, int *voted) {
    char **list = calloc(1, sizeof *list);
    int n = 0;
    if (voted)
        *voted = 0;
    struct stat st;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    int regular = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    xmlTextReaderPtr r = regular && list ? bg_xml_reader_for_fd(fd, path) : NULL;
    if (r) {
        while (xmlTextReaderRead(r) == 1) {
            if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT ||
                !xmlStrEqual(xmlTextReaderConstNamespaceUri(r), BAD_CAST BG_BRIEF_NS))
                continue;
            if (voted && xmlStrEqual(xmlTextReaderConstLocalName(r), BAD_CAST "recommendation")) {
                xmlChar *votes = xmlTextReaderGetAttribute(r, BAD_CAST "votes");
                *voted += votes != NULL;
                xmlFree(votes);
            }
            if (!xmlStrEqual(xmlTextReaderConstLocalName(r), BAD_CAST "figure"))
                continue;
            xmlChar *id = xmlTextReaderGetAttribute(r, BAD_CAST "id");
            xmlChar *src = xmlTextReaderGetAttribute(r, BAD_CAST "src");
            char **grown = id && src ? realloc(list, sizeof *list * (size_t)(n + 3)) : NULL;
            if (grown) {
                list = grown;
                list[n++] = strdup((const char *)id);
                list[n++] = strdup((const char *)src);
                list[n] = NULL;
            }
            xmlFree(id);
            xmlFree(src);
        }
        xmlFreeTextReader(r);
    }
    if (fd >= 0)
        close(fd);
    return list;
}

void bg_brief_langs_free(char **langs) {
    for (int i = 0; langs && langs[i]; i++)
        free(langs[i]);
    free(langs);
}

/* ---- language units ------------------------------------------------------------ */

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

/* Say a problem the schema cannot see at `line` of the brief, unless the schema
 * refused that place already. */
static void problem(const checker *c, long line, const char *fmt, ...) BG_PRINTF(3, 4);
static void problem(const checker *c, long line, const char *fmt, ...) {
    if (refused(c, line))
        return;
    va_list ap;
    va_start(ap, fmt);
    bg_verror(c->b->path, line, fmt, ap);
    va_end(ap);
}

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
        /* An id names files (a figure's copy is OUT/STEM.ID.EXT) and fragments (#ID):
         * one XML name, so it can hold no '/', space or ':'. */
        if (id && xmlValidateNCName(BAD_CAST id, 0) != 0)
            problem(c, bg_node_line(n),
                    "<%s id=\"%s\">: an id is one word of letters, digits, '-', '_' and '.' that begins with a "
                    "letter, e.g. id=\"f-water\"",
                    (const char *)n->name, id);
        if (id) {
            xmlNodePtr first = xmlHashLookup(c->ids, BAD_CAST id);
            if (first)
                problem(c, bg_node_line(n), "duplicate id \"%s\" on <%s>; it is already the id of <%s> at line %ld", id,
                        (const char *)n->name, (const char *)first->name, bg_node_line(first));
            else
                xmlHashAddEntry(c->ids, BAD_CAST id, n);
        }
        collect_ids(c, n);
    }
}

/* Report `owner`/@`attribute` = `ref` unless it names an element called `target`. */
static void check_ref(checker *c, xmlNodePtr owner, const char *attribute, const char *ref, const char *target) {
    xmlNodePtr t = xmlHashLookup(c->ids, BAD_CAST ref);
    if (!t)
        problem(c, bg_node_line(owner), "<%s %s=\"%s\">: no <%s id=\"%s\"> in this brief", (const char *)owner->name,
                attribute, ref, target, ref);
    else if (!xmlStrEqual(t->name, BAD_CAST target))
        problem(c, bg_node_line(owner), "<%s %s=\"%s\">: \"%s\" is the id of a <%s> (line %ld), not of a <%s>",
                (const char *)owner->name, attribute, ref, ref, (const char *)t->name, bg_node_line(t), target);
}

/* `m`/@network = `ref` names a <network> declared in <municipalities>: the network's
 * name is the brief's, never the locale files', so an undeclared id could only be
 * shown as written.  The message lists the ids that are declared. */
static void check_network(checker *c, xmlNodePtr m, const char *ref) {
    xmlNodePtr t = xmlHashLookup(c->ids, BAD_CAST ref);
    if (t && is_ours(t, "network"))
        return;
    if (t) {
        check_ref(c, m, "network", ref, "network"); /* the id of another kind of element */
        return;
    }
    char declared[512] = "";
    size_t used = 0;
    for (xmlNodePtr n = m->parent ? first_element(m->parent) : NULL; n; n = next_element(n)) {
        const char *id = is_ours(n, "network") ? attr(n, "id") : NULL;
        if (id && used < sizeof declared) {
            int w = snprintf(declared + used, sizeof declared - used, "%s%s", used ? ", " : "", id);
            used += w > 0 ? (size_t)w : 0;
        }
    }
    if (used)
        bg_error(c->b->path, bg_node_line(m),
                 "<municipality network=\"%s\">: no <network id=\"%s\"> in this brief; declared: %s", ref, ref,
                 declared);
    else
        bg_error(c->b->path, bg_node_line(m),
                 "<municipality network=\"%s\">: no network is declared; declare it in <municipalities>, before the "
                 "first <municipality>: <network id=\"%s\"> with its <name> in each language",
                 ref, ref);
}

/* `x` is an <xref ref="`ref`">: it must name a table, figure, finding, recommendation or
 * section, the elements with a number (or, a section, a title) to show. */
static void check_xref(checker *c, xmlNodePtr x, const char *ref) {
    static const char *const kinds[] = {"table", "figure", "finding", "recommendation", "section", NULL};
    xmlNodePtr t = xmlHashLookup(c->ids, BAD_CAST ref);
    if (!t) {
        problem(c, bg_node_line(x),
                "<xref ref=\"%s\">: no table, figure, finding, recommendation or section with id=\"%s\" in this "
                "brief",
                ref, ref);
        return;
    }
    for (int i = 0; kinds[i]; i++)
        if (is_ours(t, kinds[i]))
            return;
    problem(c, bg_node_line(x),
            "<xref ref=\"%s\">: \"%s\" is the id of a <%s> (line %ld); an xref points to a table, figure, "
            "finding, recommendation or section%s",
            ref, ref, (const char *)t->name, bg_node_line(t),
            is_ours(t, "ref") ? " (cite a reference with <cite ref=\"…\"/>)" : "");
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
        if (is_ours(n, "xref") && (v = attr(n, "ref")))
            check_xref(c, n, v);
        if (is_ours(n, "person") && (v = attr(n, "org")))
            check_ref(c, n, "org", v, "org");
        if (is_ours(n, "municipality") && (v = attr(n, "network")))
            check_network(c, n, v);
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
            problem(c, bg_node_line(n), "<recommendation votes=\"%s\">: votes must be a whole number of 0 or more", v);
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
        else if (!declared(c->b, lang) && !refused(c, bg_node_line(u->member[i])))
            bg_warn(c->b->path, bg_node_line(u->member[i]),
                    "<%s xml:lang=\"%s\">: \"%s\" is not one of the brief's languages (langs=\"%s\"); "
                    "it is never shown",
                    (const char *)u->member[i]->name, (const char *)lang, (const char *)lang,
                    attr(xmlDocGetRootElement(c->b->doc), "langs"));
    }
    /* A unit split from the source language's by an element whose xml:lang was
     * forgotten: that element's error says what to fix. */
    xmlNodePtr beside;
    const char *missing;
    if (!has_source && !brief_forgotten_lang(c->b, brief_prev_element(u->member[0]), &beside, &missing))
        problem(c, bg_node_line(u->member[0]),
                "<%s xml:lang=\"%s\"> has no \"%s\" text beside it; every text needs the source "
                "language (add <%s xml:lang=\"%s\"> right before it)",
                (const char *)u->member[0]->name, (const char *)bg_node_lang(u->member[0]), c->b->source_lang,
                (const char *)u->member[0]->name, c->b->source_lang);
}

static void check_root(const checker *c) {
    const bg_brief *b = c->b;
    xmlNodePtr root = xmlDocGetRootElement(b->doc);
    long line = bg_node_line(root);
    const char *date = attr(root, "date");
    if (date && !is_real_date(date))
        problem(c, line, "<brief date=\"%s\">: not a real calendar date; write yyyy-mm-dd, e.g. 2025-03-14", date);
    if (b->nlangs == 0)
        problem(c, line, "<brief langs=\"\">: name at least one language, e.g. langs=\"uk en\"");
    int found = 0;
    for (int i = 0; i < b->nlangs; i++)
        found |= strcasecmp(b->langs[i], b->source_lang) == 0;
    if (b->nlangs > 0 && !found)
        problem(c, line, "<brief source-lang=\"%s\">: the source language is not in langs=\"%s\"", b->source_lang,
                attr(root, "langs"));
}

/* ---- footnotes, tables, figures and publication details --------------------------- */

/* A footnote stands in a paragraph, a list item or a table cell of the brief's body
 * (possibly inside em, strong …), holds something, and holds no other footnote.  The
 * publication details (meta) are printed after the notes, so none stands there. */
static void check_footnote(checker *c, xmlNodePtr fn) {
    long line = bg_node_line(fn);
    xmlNodePtr outer = NULL, block = NULL;
    for (xmlNodePtr a = fn->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
        if (is_ours(a, "fn") && !outer)
            outer = a;
        if (!block && !is_inline(a))
            block = a;
    }
    int in_meta = 0;
    for (xmlNodePtr a = block; a && a->type == XML_ELEMENT_NODE; a = a->parent)
        in_meta |= is_ours(a, "meta");
    if (outer)
        problem(c, line,
                "<fn> inside another <fn> (line %ld): a footnote cannot hold a footnote; put its text "
                "into the outer note, or make it a note of its own",
                bg_node_line(outer));
    else if (in_meta)
        problem(c, line,
                "<fn> in <%s>: the publication details are printed after the notes, so no footnote "
                "may stand there; write the text out",
                block && block->parent ? (const char *)block->parent->name : "meta");
    else if (block && !is_ours(block, "p") && !is_ours(block, "item") && !is_ours(block, "cell"))
        problem(c, line,
                "<fn> in <%s>: a footnote may stand only in a paragraph (<p>), a list item (<item>) "
                "or a table cell (<cell>)",
                (const char *)block->name);
    int empty = 1;
    for (xmlNodePtr k = fn->children; k && empty; k = k->next) {
        if (k->type == XML_ELEMENT_NODE)
            empty = 0;
        else if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content)
            empty = k->content[strspn((const char *)k->content, " \t\r\n")] == '\0';
    }
    if (empty)
        problem(c, line, "empty <fn>: write the footnote's text inside it");
}

/* The number of cells of `row`: a cell written once per language counts once. */
static int count_cells(xmlNodePtr row) {
    int n = 0;
    for (xmlNodePtr k = first_element(row); k;) {
        if (bg_node_lang(k)) {
            bg_unit u;
            k = gather_unit(k, &u);
        } else {
            k = next_element(k);
        }
        n++;
    }
    return n;
}

/* 1 when `s` is a number as XML writes it: digits, an optional minus sign and
 * fraction (12, -3, 12.5). */
static int is_plain_number(const char *s) {
    size_t i = strspn(s, " \t\r\n");
    i += s[i] == '-';
    size_t whole = strspn(s + i, "0123456789");
    i += whole;
    if (s[i] == '.') {
        size_t frac = strspn(s + i + 1, "0123456789");
        if (!frac)
            return 0;
        i += 1 + frac;
    }
    i += strspn(s + i, " \t\r\n");
    return whole > 0 && s[i] == '\0';
}

/* Every row of a table has as many cells as the first; the body has a row; a cell
 * marked as a number is one. */
static void check_table(checker *c, xmlNodePtr table) {
    const char *id = attr(table, "id");
    xmlNodePtr first = NULL;
    int want = 0, body_rows = 0;
    for (xmlNodePtr part = first_element(table); part; part = next_element(part)) {
        int head = is_ours(part, "thead");
        if (!head && !is_ours(part, "tbody"))
            continue;
        int rows = 0;
        for (xmlNodePtr row = first_element(part); row; row = next_element(row)) {
            rows++;
            int n = count_cells(row);
            if (n == 0) {
                problem(c, bg_node_line(row), "<row> has no cells: give it a <cell> for each column, or remove it");
                continue;
            }
            if (!first) {
                first = row;
                want = n;
            } else if (n != want) {
                problem(c, bg_node_line(row),
                        "<row> has %d cell%s, but the first row of <table id=\"%s\"> (line %ld) has %d; every "
                        "row needs as many cells (a cell written in several languages counts once)",
                        n, n == 1 ? "" : "s", id ? id : "", bg_node_line(first), want);
            }
            for (xmlNodePtr cell = first_element(row); cell; cell = next_element(cell)) {
                const char *type = attr(cell, "type");
                if (!type || strcmp(type, "number") != 0)
                    continue;
                xmlChar *text = xmlNodeGetContent(cell);
                if (!is_plain_number(text ? (const char *)text : ""))
                    problem(c, bg_node_line(cell),
                            "<cell type=\"number\">: \"%s\" is not a number; write digits with a full stop as "
                            "the decimal mark (12.5): briefgen writes it the way each language does",
                            text ? (const char *)text : "");
                xmlFree(text);
            }
        }
        if (head && rows == 0)
            problem(c, bg_node_line(part), "<thead> has no rows: give it a <row> of column headings, or remove it");
        if (!head)
            body_rows += rows;
    }
    if (body_rows == 0)
        problem(c, bg_node_line(table), "<table id=\"%s\"> has no rows: give its <tbody> at least one <row>",
                id ? id : "");
}

/* 1 when `digits` (hyphens and spaces removed) has a valid ISBN-10 or ISBN-13 check
 * digit; `*want` receives the check digit it should have. */
static int isbn_ok(const char *text, char *want) {
    char d[32];
    size_t n = 0;
    for (const char *p = text; *p && n < sizeof d - 1; p++)
        if ((*p >= '0' && *p <= '9') || *p == 'X' || *p == 'x')
            d[n++] = (char)(*p == 'x' ? 'X' : *p);
    d[n] = '\0';
    if (n == 13) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            if (d[i] == 'X')
                return *want = '?', 0;
            sum += (d[i] - '0') * (i % 2 ? 3 : 1);
        }
        *want = (char)('0' + (10 - sum % 10) % 10);
        return d[12] == *want;
    }
    if (n == 10) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            if (d[i] == 'X')
                return *want = '?', 0;
            sum += (d[i] - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        *want = (char)(check == 10 ? 'X' : '0' + check);
        return d[9] == *want;
    }
    *want = '?';
    return 0;
}

static void check_meta(checker *c, xmlNodePtr meta) {
    for (xmlNodePtr n = first_element(meta); n; n = next_element(n)) {
        xmlChar *text = NULL;
        if (is_ours(n, "pages")) {
            text = xmlNodeGetContent(n);
            char digits[16] = "";
            const char *t = text ? (const char *)text : "";
            t += strspn(t, " \t\r\n");
            size_t len = strcspn(t, " \t\r\n");
            if (len < sizeof digits && t[len + strspn(t + len, " \t\r\n")] == '\0')
                memcpy(digits, t, len);
            if (!is_count(digits) || strspn(digits, "0") == strlen(digits))
                problem(c, bg_node_line(n), "<pages>%s</pages>: write the number of pages as a whole number, e.g. 12",
                        text ? (const char *)text : "");
        } else if (is_ours(n, "isbn")) {
            text = xmlNodeGetContent(n);
            char want;
            if (text && !isbn_ok((const char *)text, &want)) {
                if (want == '?')
                    problem(c, bg_node_line(n), "<isbn>%s</isbn>: an ISBN has 10 or 13 digits", (const char *)text);
                else
                    problem(c, bg_node_line(n),
                            "<isbn>%s</isbn>: not a valid ISBN (with these digits the check digit would be %c)",
                            (const char *)text, want);
            }
        } else if (is_ours(n, "contact") && !first_element(n)) {
            problem(c, bg_node_line(n), "<contact> is empty: give an <email>, an <href> or both");
        }
        xmlFree(text);
    }
}

/* Footnotes, tables and figures anywhere under `node`. */
static void check_parts(checker *c, xmlNodePtr node) {
    for (xmlNodePtr n = first_element(node); n; n = next_element(n)) {
        if (is_ours(n, "fn"))
            check_footnote(c, n);
        else if (is_ours(n, "table"))
            check_table(c, n);
        else if (is_ours(n, "meta"))
            check_meta(c, n);
        else if (is_ours(n, "figure") && !refused(c, bg_node_line(n))) {
            const char *src = attr(n, "src");
            bg_figure_free(bg_figure_load(c->b->path, bg_node_line(n), src ? src : ""));
        }
        check_parts(c, n);
    }
}

static void each_figure(xmlNodePtr node, void (*fn)(const char *, const char *, long, void *), void *ctx) {
    for (xmlNodePtr n = first_element(node); n; n = next_element(n)) {
        if (is_ours(n, "figure")) {
            const char *id = attr(n, "id"), *src = attr(n, "src");
            fn(id ? id : "", src ? src : "", bg_node_line(n), ctx);
        }
        each_figure(n, fn, ctx);
    }
}

void bg_brief_each_figure(const bg_brief *b, void (*fn)(const char *, const char *, long, void *), void *ctx) {
    each_figure(xmlDocGetRootElement(b->doc), fn, ctx);
}

void bg_brief_each_figure_in(xmlDocPtr resolved, void (*fn)(const char *, const char *, long, void *), void *ctx) {
    xmlNodePtr root = xmlDocGetRootElement(resolved);
    if (root)
        each_figure(root, fn, ctx);
}

/* A warning at every <?briefgen-placeholder?> under `node`: text `briefgen new`
 * wrote that is still there.  The mark, not the text, says so: the placeholder
 * words come from the locale files and may be anything. */
static void check_placeholders(const bg_brief *b, xmlNodePtr node) {
    for (xmlNodePtr n = node->children; n; n = n->next) {
        if (n->type == XML_PI_NODE && xmlStrEqual(n->name, BAD_CAST BG_BRIEF_PLACEHOLDER))
            bg_warn(b->path, bg_node_line(n) > 0 ? bg_node_line(n) : bg_node_line(node),
                    "placeholder text left from briefgen new; replace it");
        else if (n->type == XML_ELEMENT_NODE)
            check_placeholders(b, n);
    }
}

int bg_brief_validate(bg_brief *b, const bg_schema *schema) {
    int errors_before = bg_diag_errors();
    /* The schema and the semantic checks each say what they find in their own order;
     * everything is said once they are done, in line order (bg_diag_capture_sort). */
    bg_diag_capture all, by_schema;
    bg_diag_capture_begin(&all);
    bg_diag_capture_begin(&by_schema);
    int valid = bg_schema_validate(schema, b->doc, b->path) == 0;
    bg_diag_capture_end();
    /* The semantic checks read the tree defensively (attributes that may be absent,
     * elements that may be anywhere), so they run on a brief the schema refused too. */
    checker c = {b, xmlHashCreate(64), valid ? NULL : &by_schema};
    if (!c.ids) {
        bg_error(b->path, 0, "out of memory");
    } else {
        xmlNodePtr root = xmlDocGetRootElement(b->doc);
        check_root(&c);
        collect_ids(&c, root);
        check_refs(&c, root);
        check_parts(&c, root);
        bg_brief_each_unit(root, check_unit, &c);
        check_placeholders(b, root);
        brief_check_texts(&c, root);
        brief_check_uncited(&c, root);
        xmlHashFree(c.ids, NULL);
    }
    bg_diag_capture_replay(&by_schema);
    bg_diag_capture_end();
    bg_diag_capture_sort(&all, b->path);
    bg_diag_capture_replay(&all);
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
    if (u->n == 0)
        return; /* never: a unit starts at an element with xml:lang (gather_unit) */
    for (int i = 0; i < u->n; i++) {
        const xmlChar *l = bg_node_lang(u->member[i]);
        if (!keep && xmlStrcasecmp(l, BAD_CAST r->lang) == 0)
            keep = u->member[i];
        if (!source && xmlStrcasecmp(l, BAD_CAST r->b->source_lang) == 0)
            source = u->member[i];
    }
    if (!keep) {
        keep = source ? source : u->member[0];
        if (!keep)
            return; /* never: members are elements */
        if (bg_diag_strict())
            bg_error(r->b->path, bg_node_line(keep),
                     "no \"%s\" text for <%s> (--strict: every text must be translated)", r->lang,
                     (const char *)keep->name);
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

/* Declare each @id of our elements an ID of the document, so that XPath's id()
 * finds them through the document's ID table.  (The schema has no DTD to say
 * so.)  An xsl:key over every element with an id would make libxslt scan the
 * whole brief, testing every key's pattern against every node, on the first
 * lookup of each transform. */
static void register_ids(xmlDocPtr doc, xmlNodePtr node) {
    for (xmlNodePtr n = first_element(node); n; n = next_element(n)) {
        if (is_ours(n, NULL)) {
            xmlAttrPtr a = xmlHasNsProp(n, BAD_CAST "id", NULL);
            if (a && a->children && a->children->type == XML_TEXT_NODE && !a->children->next)
                xmlAddID(NULL, doc, a->children->content, a);
        }
        register_ids(doc, n);
    }
}

/* A deep copy of `doc` with a dictionary of its own.  xmlCopyDoc would share the
 * original's, and a dictionary is not safe to add to from two threads: `build -j`
 * resolves the languages of one brief on different threads at once. */
static xmlDocPtr copy_doc(const xmlDoc *doc) {
    xmlDocPtr copy = xmlNewDoc(doc->version ? doc->version : BAD_CAST "1.0");
    if (!copy || !(copy->dict = xmlDictCreate())) {
        xmlFreeDoc(copy);
        return NULL;
    }
    if (doc->URL && !(copy->URL = xmlStrdup(doc->URL))) {
        xmlFreeDoc(copy);
        return NULL;
    }
    copy->standalone = doc->standalone;
    copy->charset = doc->charset;
    copy->parseFlags = doc->parseFlags;
    copy->properties = doc->properties;
    for (xmlNodePtr n = doc->children; n; n = n->next) {
        if (n->type == XML_DTD_NODE)
            continue; /* a DOCTYPE declares nothing (load refuses entities) */
        xmlNodePtr c = xmlDocCopyNode(n, copy, 1);
        if (!c) {
            xmlFreeDoc(copy);
            return NULL;
        }
        xmlAddChild((xmlNodePtr)copy, c);
    }
    return copy;
}

/* Reduce `doc` (the brief's tree or a copy of it) to `lang` in place. */
static xmlDocPtr resolve_in(const bg_brief *b, xmlDocPtr doc, const char *lang) {
    resolver r = {b, lang};
    /* keep_one frees the members it drops; bg_brief_each_unit has already moved past
     * a unit when it calls back, so the walk never touches a freed node. */
    bg_brief_each_unit(xmlDocGetRootElement(doc), keep_one, &r);
    register_ids(doc, xmlDocGetRootElement(doc));
    return doc;
}

xmlDocPtr bg_brief_resolve(const bg_brief *b, const char *lang) {
    xmlDocPtr copy = copy_doc(b->doc);
    if (!copy) {
        bg_error(b->path, 0, "out of memory");
        return NULL;
    }
    return resolve_in(b, copy, lang);
}

xmlDocPtr bg_brief_resolve_take(bg_brief *b, const char *lang) {
    xmlDocPtr doc = b->doc;
    b->doc = NULL;
    return doc ? resolve_in(b, doc, lang) : NULL;
}
