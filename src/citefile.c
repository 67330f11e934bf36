/* citefile — see citefile.h.  The records read, then one writer per format. */
#include "citefile.h"

#include "buf.h"
#include "citation.h"
#include "diag.h"
#include "xmlsafe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

static const char *const exts[BG_CITEFILE_COUNT] = {"ris", "bib", "csl.json"};

const char *bg_citefile_ext(bg_citefile_kind k) { return exts[k]; }

/* One language version, as the cite template rendered it. */
typedef struct record {
    xmlDocPtr doc;
    bg_cite_read r;  /* the <work>: authors, title, series, publisher, place, date, pages, DOI */
    const char *key; /* the record's key (BibTeX, CSL id): ASCII, see safe_key */
    const char *lang, *isbn, *abstract;
    const char **keywords;
    int nkeywords;
    xmlChar **own; /* the strings above */
    int nown;
    int year, month, day; /* 0 when not known */
} record;

/* An author as the files name it: a person's family and given names, or an
 * organisation's name (`literal`). */
typedef struct author {
    char *given, *family;
    const char *literal;
} author;

/* Attribute `name` of `el`, or its text when `name` is NULL, kept in `rec`; "" when
 * absent or out of memory. */
static const char *keep(record *rec, xmlNodePtr el, const char *name) {
    xmlChar *v = name ? xmlGetNoNsProp(el, BAD_CAST name) : xmlNodeGetContent(el);
    if (!v)
        return "";
    rec->own[rec->nown++] = v;
    return (const char *)v;
}

static int is_el(xmlNodePtr n, const char *name) {
    return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name);
}

/* "2025-03-14" into y, m, d; a part that is not there stays 0. */
static void parse_date(const char *s, record *rec) {
    int y = 0, m = 0, d = 0;
    int n = sscanf(s, "%4d-%2d-%2d", &y, &m, &d);
    rec->year = n >= 1 && y > 0 ? y : 0;
    rec->month = n >= 2 && m >= 1 && m <= 12 ? m : 0;
    rec->day = n >= 3 && rec->month && d >= 1 && d <= 31 ? d : 0;
}

/* Read the record rendered for one language into `rec`.  0, or -1 (reported). */
static int read_record(const char *brief, const char *data, size_t len, record *rec) {
    memset(rec, 0, sizeof *rec);
    rec->doc = len < 0x7fffffff ? bg_xml_parse_untrusted(data, (int)len, brief) : NULL;
    xmlNodePtr root = rec->doc ? xmlDocGetRootElement(rec->doc) : NULL;
    xmlNodePtr work = NULL;
    int nkw = 0;
    for (xmlNodePtr k = root && is_el(root, "record") ? root->children : NULL; k; k = k->next) {
        if (is_el(k, "work") && !work)
            work = k;
        nkw += is_el(k, "keyword");
    }
    if (!work) {
        if (rec->doc) /* else the parse said why */
            bg_error(brief, 0,
                     "the cite template's output is not a <record> holding a <work> (templates/cite/brief.xsl)");
        return -1;
    }
    rec->keywords = calloc((size_t)nkw + 1, sizeof *rec->keywords);
    rec->own = calloc((size_t)nkw + 8, sizeof *rec->own);
    if (!rec->keywords || !rec->own || bg_cite_read_work(work, &rec->r) != 0) {
        bg_error(brief, 0, "out of memory");
        return -1;
    }
    rec->key = keep(rec, root, "key");
    rec->lang = keep(rec, root, "lang");
    rec->isbn = keep(rec, root, "isbn");
    rec->abstract = "";
    int abstracts = 0;
    for (xmlNodePtr k = root->children; k; k = k->next) {
        if (is_el(k, "keyword")) {
            const char *t = keep(rec, k, NULL);
            if (*t && rec->nkeywords < nkw)
                rec->keywords[rec->nkeywords++] = t;
        } else if (is_el(k, "abstract") && !abstracts++)
            rec->abstract = keep(rec, k, NULL);
    }
    parse_date(rec->r.work.date, rec);
    return 0;
}

static void record_clear(record *rec) {
    bg_cite_read_clear(&rec->r);
    for (int i = 0; i < rec->nown; i++)
        xmlFree(rec->own[i]);
    free(rec->own);
    free(rec->keywords);
    xmlFreeDoc(rec->doc);
}

static int has(const char *s) { return s && *s; }

/* The authors of `rec`: its people, or its organisations when there is none. */
static author *authors_of(const record *rec, int *n) {
    const bg_cite_work *w = &rec->r.work;
    int count = w->npersons ? w->npersons : w->norgs;
    author *a = calloc((size_t)count + 1, sizeof *a);
    *n = 0;
    for (int i = 0; a && i < count; i++, (*n)++) {
        if (w->npersons)
            bg_cite_person_names(&w->persons[i], &a[i].given, &a[i].family);
        else
            a[i].literal = w->orgs[i];
    }
    return a;
}

static void authors_free(author *a, int n) {
    for (int i = 0; a && i < n; i++)
        free(a[i].given), free(a[i].family);
    free(a);
}

/* ---- RIS ----------------------------------------------------------------------------- */

/* One "TAG  - value" line.  A line break in a value would start a tag of its own:
 * every control character, NEL and the line and paragraph separators become
 * spaces.  Nothing is written for an empty value. */
static void ris_line(bg_buf *b, const char *tag, const char *value) {
    if (!has(value))
        return;
    bg_buf_printf(b, "%s  - ", tag);
    for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
        if (*p < 0x20 || *p == 0x7f) {
            bg_buf_puts(b, " ");
        } else if (p[0] == 0xc2 && p[1] == 0x85) {
            bg_buf_puts(b, " "), p++;
        } else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
            bg_buf_puts(b, " "), p += 2;
        } else {
            bg_buf_add(b, (const char *)p, 1);
        }
    }
    bg_buf_puts(b, "\r\n");
}

static void ris_record(bg_buf *b, const record *rec) {
    const bg_cite_work *w = &rec->r.work;
    bg_buf_puts(b, "TY  - RPRT\r\n");
    int n;
    author *a = authors_of(rec, &n);
    for (int i = 0; a && i < n; i++) {
        bg_buf c = {0};
        if (a[i].literal)
            bg_buf_puts(&c, a[i].literal);
        else
            bg_buf_printf(&c, "%s%s%s", a[i].family ? a[i].family : "", has(a[i].given) ? ", " : "",
                          has(a[i].given) ? a[i].given : "");
        ris_line(b, "AU", c.s);
        bg_buf_free(&c);
    }
    authors_free(a, n);
    char date[32] = "";
    if (rec->year) {
        snprintf(date, sizeof date, "%04d", rec->year);
        ris_line(b, "PY", date);
        if (rec->month && rec->day)
            snprintf(date, sizeof date, "%04d/%02d/%02d/", rec->year, rec->month, rec->day);
        else if (rec->month)
            snprintf(date, sizeof date, "%04d/%02d//", rec->year, rec->month);
        else
            snprintf(date, sizeof date, "%04d///", rec->year);
        ris_line(b, "DA", date);
    }
    ris_line(b, "TI", w->title);
    ris_line(b, "T2", w->type);
    ris_line(b, "PB", w->publisher);
    ris_line(b, "CY", w->place);
    ris_line(b, "SP", w->pages);
    ris_line(b, "DO", w->doi);
    ris_line(b, "SN", rec->isbn);
    ris_line(b, "LA", rec->lang);
    if (has(w->doi)) {
        bg_buf u = {0};
        bg_buf_printf(&u, "https://doi.org/%s", w->doi);
        ris_line(b, "UR", u.s);
        bg_buf_free(&u);
    }
    ris_line(b, "AB", rec->abstract);
    for (int i = 0; i < rec->nkeywords; i++)
        ris_line(b, "KW", rec->keywords[i]);
    bg_buf_puts(b, "ER  - \r\n");
}

/* ---- BibTeX ---------------------------------------------------------------------- */

/* Which braces of the `n` bytes at `s` pair up: matched[i] is 1 for a brace with
 * its partner.  Only those are written as \{ \}: BibTeX counts every brace, escaped
 * or not, so a lone one would end the field or never end it. */
static void match_braces(const char *s, size_t n, char *matched) {
    size_t depth = 0, *open = malloc((n + 1) * sizeof *open);
    memset(matched, 0, n);
    for (size_t i = 0; open && i < n; i++) {
        if (s[i] == '{')
            open[depth++] = i;
        else if (s[i] == '}' && depth > 0)
            matched[i] = matched[open[--depth]] = 1;
    }
    free(open);
}

/* `n` bytes of text as a BibTeX value's content, for LaTeX: \ { } & % $ # _ ~ ^
 * escaped, control characters as spaces; UTF-8 kept (biber, biblatex and pandoc
 * read it).  `matched` as match_braces says, for the whole value. */
static void bib_escape(bg_buf *b, const char *s, size_t n, const char *matched) {
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        switch (c) {
        case '\\':
            bg_buf_puts(b, "\\textbackslash{}");
            break;
        case '{':
            bg_buf_puts(b, matched[i] ? "\\{" : "\\textbraceleft{}");
            break;
        case '}':
            bg_buf_puts(b, matched[i] ? "\\}" : "\\textbraceright{}");
            break;
        case '&':
        case '%':
        case '$':
        case '#':
        case '_':
            bg_buf_printf(b, "\\%c", c);
            break;
        case '~':
            bg_buf_puts(b, "\\textasciitilde{}");
            break;
        case '^':
            bg_buf_puts(b, "\\textasciicircum{}");
            break;
        default:
            bg_buf_add(b, (unsigned char)c < 0x20 || c == 0x7f ? " " : &s[i], 1);
        }
    }
}

static void bib_text(bg_buf *b, const char *s) {
    size_t n = strlen(s);
    char *matched = malloc(n + 1);
    if (!matched) {
        b->failed = 1;
        return;
    }
    match_braces(s, n, matched);
    bib_escape(b, s, n, matched);
    free(matched);
}

/* Does the word of `n` bytes at `s` have a capital a style must keep: one after its
 * first letter ("NATO", "iPhone"), or a first one when it is not the title's first
 * word ("Ukrainian")? */
static int keeps_case(const char *s, size_t n, int first_word) {
    int32_t i = 0, letters = 0;
    while (i < (int32_t)n) {
        UChar32 c;
        U8_NEXT(s, i, (int32_t)n, c);
        if (c < 0 || !u_isalpha(c))
            continue;
        if ((u_isupper(c) || u_istitle(c)) && (letters > 0 || !first_word))
            return 1;
        letters++;
    }
    return 0;
}

/* The title, each word with a capital to keep in braces ("how {Ukrainian}
 * municipalities"): BibTeX styles that set titles in sentence case lower
 * everything else. */
static void bib_title(bg_buf *b, const char *title) {
    size_t n = strlen(title);
    char *matched = malloc(n + 1);
    if (!matched) {
        b->failed = 1;
        return;
    }
    match_braces(title, n, matched);
    for (size_t i = 0; i < n;) {
        size_t end = i;
        while (end < n && title[end] != ' ')
            end++;
        /* A group that opens with a backslash is one "special character" to BibTeX,
         * whose letters it still changes: a word that escapes to \… gets two. */
        int protect = keeps_case(title + i, end - i, i == 0);
        int twice = protect && strchr("\\{}&%$#_~^", title[i]);
        bg_buf_puts(b, twice ? "{{" : protect ? "{" : "");
        bib_escape(b, title + i, end - i, matched + i);
        bg_buf_puts(b, twice ? "}}" : protect ? "}" : "");
        for (; end < n && title[end] == ' '; end++)
            bg_buf_puts(b, " ");
        i = end;
    }
    free(matched);
}

/* A name part, in braces when BibTeX would split it: a comma, the word "and", or
 * (`whole`, a family name) a space — the brief names the family name, so "de la
 * Cruz" stays one, not a "von" part and a last name. */
static void bib_name_part(bg_buf *b, const char *s, int whole) {
    int wrap = strchr(s, ',') != NULL || (whole && strchr(s, ' '));
    for (const char *p = s; *p && !wrap; p++)
        wrap = (p == s || p[-1] == ' ') && (strncmp(p, "and", 3) == 0 || strncmp(p, "AND", 3) == 0) &&
               (p[3] == ' ' || p[3] == '\0');
    if (wrap)
        bg_buf_puts(b, "{");
    bib_text(b, s);
    if (wrap)
        bg_buf_puts(b, "}");
}

static void bib_field(bg_buf *b, const char *name, const char *value, void (*add)(bg_buf *, const char *)) {
    if (!has(value))
        return;
    bg_buf_printf(b, "  %s = {", name);
    add(b, value);
    bg_buf_puts(b, "},\n");
}

/* The babel/polyglossia name of a language (biblatex's langid), or NULL. */
static const char *babel_name(const char *lang) {
    static const char *const names[][2] = {
        {"be", "belarusian"}, {"cs", "czech"},    {"de", "ngerman"},    {"en", "english"}, {"es", "spanish"},
        {"fr", "french"},     {"it", "italian"},  {"lt", "lithuanian"}, {"lv", "latvian"}, {"pl", "polish"},
        {"pt", "portuguese"}, {"ro", "romanian"}, {"ru", "russian"},    {"sk", "slovak"},  {"uk", "ukrainian"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t k = strlen(names[i][0]);
        if (strncmp(lang, names[i][0], k) == 0 && (lang[k] == '\0' || lang[k] == '-'))
            return names[i][1];
    }
    return NULL;
}

/* The key as BibTeX reads it: ASCII letters, digits and - _ : . only; anything
 * else (an overriding template's) becomes '-'. */
static void bib_key(bg_buf *b, const char *key) {
    if (!has(key))
        key = "brief";
    for (const char *p = key; *p; p++) {
        char c = *p;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-_:.", c);
        bg_buf_add(b, ok ? &c : "-", 1);
    }
}

static void bib_authors(bg_buf *b, const record *rec) {
    int n;
    author *a = authors_of(rec, &n);
    if (n == 0) {
        authors_free(a, n);
        return;
    }
    bg_buf_puts(b, "  author = {");
    for (int i = 0; a && i < n; i++) {
        if (i)
            bg_buf_puts(b, " and ");
        if (a[i].literal) {
            bg_buf_puts(b, "{");
            bib_text(b, a[i].literal);
            bg_buf_puts(b, "}");
            continue;
        }
        bib_name_part(b, a[i].family ? a[i].family : "", 1);
        if (has(a[i].given)) {
            bg_buf_puts(b, ", ");
            bib_name_part(b, a[i].given, 0);
        }
    }
    bg_buf_puts(b, "},\n");
    authors_free(a, n);
}

static void bib_record(bg_buf *b, const record *rec) {
    const bg_cite_work *w = &rec->r.work;
    bg_buf_puts(b, "@techreport{");
    bib_key(b, rec->key);
    bg_buf_puts(b, ",\n");
    bib_authors(b, rec);
    bib_field(b, "title", w->title, bib_title);
    bib_field(b, "type", w->type, bib_text);
    bib_field(b, "series", w->type, bib_text);
    bib_field(b, "institution", w->publisher, bib_text);
    bib_field(b, "address", w->place, bib_text);
    char num[32];
    if (rec->year) {
        snprintf(num, sizeof num, "%04d", rec->year);
        bib_field(b, "year", num, bib_text);
        if (rec->month && rec->day)
            snprintf(num, sizeof num, "%04d-%02d-%02d", rec->year, rec->month, rec->day);
        else if (rec->month)
            snprintf(num, sizeof num, "%04d-%02d", rec->year, rec->month);
        bib_field(b, "date", num, bib_text);
    }
    bib_field(b, "pagetotal", w->pages, bib_text);
    bib_field(b, "doi", w->doi, bib_text);
    bib_field(b, "isbn", rec->isbn, bib_text);
    bib_field(b, "langid", babel_name(rec->lang), bib_text);
    if (rec->nkeywords) {
        bg_buf_puts(b, "  keywords = {");
        for (int i = 0; i < rec->nkeywords; i++) {
            bg_buf_puts(b, i ? ", " : "");
            bib_text(b, rec->keywords[i]);
        }
        bg_buf_puts(b, "},\n");
    }
    bib_field(b, "abstract", rec->abstract, bib_text);
    bg_buf_puts(b, "}\n");
}

/* ---- CSL JSON ---------------------------------------------------------------------- */

static void json_field(bg_buf *b, const char *name, const char *value) {
    if (!has(value))
        return;
    bg_buf_printf(b, ",\n    \"%s\": ", name);
    bg_buf_add_json(b, value);
}

static void json_authors(bg_buf *b, const record *rec) {
    int n;
    author *a = authors_of(rec, &n);
    if (n > 0) {
        bg_buf_puts(b, ",\n    \"author\": [");
        for (int i = 0; a && i < n; i++) {
            bg_buf_puts(b, i ? ", {" : "{");
            if (a[i].literal) {
                bg_buf_puts(b, "\"literal\": ");
                bg_buf_add_json(b, a[i].literal);
            } else {
                bg_buf_puts(b, "\"family\": ");
                bg_buf_add_json(b, a[i].family ? a[i].family : "");
                if (has(a[i].given)) {
                    bg_buf_puts(b, ", \"given\": ");
                    bg_buf_add_json(b, a[i].given);
                }
            }
            bg_buf_puts(b, "}");
        }
        bg_buf_puts(b, "]");
    }
    authors_free(a, n);
}

static void json_record(bg_buf *b, const record *rec) {
    const bg_cite_work *w = &rec->r.work;
    bg_buf key = {0};
    bib_key(&key, rec->key);
    bg_buf_puts(b, "  {\n    \"id\": ");
    bg_buf_add_json(b, key.s ? key.s : "");
    bg_buf_free(&key);
    bg_buf_puts(b, ",\n    \"type\": \"report\"");
    json_field(b, "language", rec->lang);
    json_authors(b, rec);
    if (rec->year) {
        bg_buf_printf(b, ",\n    \"issued\": {\"date-parts\": [[%d", rec->year);
        if (rec->month)
            bg_buf_printf(b, ", %d", rec->month);
        if (rec->month && rec->day)
            bg_buf_printf(b, ", %d", rec->day);
        bg_buf_puts(b, "]]}");
    }
    json_field(b, "title", w->title);
    json_field(b, "genre", w->type);
    json_field(b, "collection-title", w->type);
    json_field(b, "publisher", w->publisher);
    json_field(b, "publisher-place", w->place);
    json_field(b, "number-of-pages", w->pages);
    json_field(b, "DOI", w->doi);
    json_field(b, "ISBN", rec->isbn);
    if (has(w->doi)) {
        bg_buf u = {0};
        bg_buf_printf(&u, "https://doi.org/%s", w->doi);
        json_field(b, "URL", u.s);
        bg_buf_free(&u);
    }
    if (rec->nkeywords) {
        bg_buf k = {0};
        for (int i = 0; i < rec->nkeywords; i++)
            bg_buf_printf(&k, "%s%s", i ? ", " : "", rec->keywords[i]);
        json_field(b, "keyword", k.s);
        bg_buf_free(&k);
    }
    json_field(b, "abstract", rec->abstract);
    bg_buf_puts(b, "\n  }");
}

/* ---- the files ------------------------------------------------------------------------ */

int bg_citefile_make(const char *brief, char *const *records, const size_t *lens, int n, char *out[BG_CITEFILE_COUNT],
                     size_t outlen[BG_CITEFILE_COUNT]) {
    record *recs = calloc((size_t)n + 1, sizeof *recs);
    bg_buf files[BG_CITEFILE_COUNT] = {{0}};
    int rc = recs ? 0 : -1, nread = 0;
    for (int k = 0; k < BG_CITEFILE_COUNT; k++)
        out[k] = NULL, outlen[k] = 0;
    for (; rc == 0 && nread < n; nread++)
        rc = read_record(brief, records[nread], lens[nread], &recs[nread]);
    bg_buf_puts(&files[BG_CITEFILE_CSLJSON], "[\n");
    for (int i = 0; rc == 0 && i < n; i++) {
        ris_record(&files[BG_CITEFILE_RIS], &recs[i]);
        if (i)
            bg_buf_puts(&files[BG_CITEFILE_BIB], "\n");
        bib_record(&files[BG_CITEFILE_BIB], &recs[i]);
        bg_buf_puts(&files[BG_CITEFILE_CSLJSON], i ? ",\n" : "");
        json_record(&files[BG_CITEFILE_CSLJSON], &recs[i]);
    }
    bg_buf_puts(&files[BG_CITEFILE_CSLJSON], "\n]\n");
    for (int k = 0; k < BG_CITEFILE_COUNT; k++) {
        if (rc == 0 && (files[k].failed || !(out[k] = bg_buf_take(&files[k])))) {
            bg_error(brief, 0, "out of memory");
            rc = -1;
        }
        outlen[k] = out[k] ? strlen(out[k]) : 0;
        bg_buf_free(&files[k]);
    }
    for (int k = 0; rc != 0 && k < BG_CITEFILE_COUNT; k++) {
        free(out[k]);
        out[k] = NULL, outlen[k] = 0;
    }
    for (int i = 0; recs && i < nread; i++)
        record_clear(&recs[i]);
    free(recs);
    return rc;
}
