/* xlang — see xlang.h.  Reading numbers as each language writes them, and the
 * comparison of a translation with its source, check by check. */
#include "xlang.h"

#include "diag.h"
#include "l10n.h"
#include "textunits.h"

#include <libxml/xmlstring.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ids[BG_XLANG_COUNT] = {"numbers",   "links",    "citations", "xrefs",
                                                "footnotes", "emphasis", "length",    "identical"};

const char *bg_xlang_id(bg_xlang_kind kind) { return (unsigned)kind < BG_XLANG_COUNT ? ids[kind] : NULL; }

/* ---- numbers ------------------------------------------------------------------- */

static int digit(char c) { return c >= '0' && c <= '9'; }

/* How many digits start at `p`. */
static int digits(const char *p) {
    int n = 0;
    while (digit(p[n]))
        n++;
    return n;
}

/* The length of a grouping separator at `p`: the language's own, or a space of any
 * width writers put between thousands; 0 for none. */
static size_t group_at(const char *p, const char *group) {
    static const char *const spaces[] = {" ", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89", NULL};
    if (group[0] && strncmp(p, group, strlen(group)) == 0)
        return strlen(group);
    for (int i = 0; spaces[i]; i++)
        if (strncmp(p, spaces[i], strlen(spaces[i])) == 0)
            return strlen(spaces[i]);
    return 0;
}

/* Append the canonical form of integer digits `in` (`nin` of them, grouping
 * already left out) and fraction digits `fr` (`nfr`): no leading zeros, no
 * trailing zeros after the point, no point without a fraction. */
static void add_canonical(bg_strv *out, const char *in, int nin, const char *fr, int nfr) {
    while (nin > 1 && in[0] == '0')
        in++, nin--;
    while (nfr > 0 && fr[nfr - 1] == '0')
        nfr--;
    char buf[160];
    int len = snprintf(buf, sizeof buf, "%.*s%s%.*s", nin > 64 ? 64 : nin, in, nfr ? "." : "", nfr > 64 ? 64 : nfr, fr);
    bg_strv_add(out, buf, (size_t)len);
}

/* A date written d.m.yyyy (21.05.1997) or yyyy-mm-dd at `p`: its day and year
 * into `out` (and `written`), and its length; a month written m.yyyy (05.2022):
 * its year; 0 when there is none. */
static size_t date_at(const char *p, bg_strv *out, bg_strv *written) {
    int d = digits(p);
    if (d >= 1 && d <= 2 && p[d] == '.' && digits(p + d + 1) >= 1 && digits(p + d + 1) <= 2) {
        int m = digits(p + d + 1);
        const char *y = p + d + 1 + m;
        if (y[0] == '.' && digits(y + 1) == 4) {
            add_canonical(out, p, d, "", 0);
            add_canonical(out, y + 1, 4, "", 0);
            size_t len = (size_t)(y + 5 - p);
            if (written) {
                bg_strv_add(written, p, len);
                bg_strv_add(written, p, len);
            }
            return len;
        }
    }
    int month = d == 2 ? (p[0] - '0') * 10 + p[1] - '0' : p[0] - '0';
    if (d >= 1 && d <= 2 && month >= 1 && month <= 12 && p[d] == '.' && digits(p + d + 1) == 4 &&
        (strncmp(p + d + 1, "19", 2) == 0 || strncmp(p + d + 1, "20", 2) == 0) &&
        !(p[d + 5] == '.' && digit(p[d + 6]))) { /* a month of a year of 1900–2099: 05.2022 */
        add_canonical(out, p + d + 1, 4, "", 0);
        if (written)
            bg_strv_add(written, p, (size_t)d + 5);
        return (size_t)d + 5;
    }
    if (d == 4 && p[4] == '-' && digits(p + 5) == 2 && p[7] == '-' && digits(p + 8) == 2) {
        add_canonical(out, p, 4, "", 0);
        add_canonical(out, p + 8, 2, "", 0);
        if (written) {
            bg_strv_add(written, p, 10);
            bg_strv_add(written, p, 10);
        }
        return 10;
    }
    return 0;
}

/* One number at `p` (a digit): appended, and its length returned. */
static size_t number_at(const char *p, const char *decimal, const char *group, bg_strv *out, bg_strv *written) {
    char in[256];
    int nin = 0;
    const char *q = p;
    int run = digits(q);
    for (int i = 0; i < run && nin < 255; i++)
        in[nin++] = q[i];
    q += run;
    /* Groups of three after a first group of one to three digits: "1 469", "1,469". */
    while (run <= 3) {
        size_t g = group_at(q, group);
        if (!g || digits(q + g) != 3)
            break;
        for (int i = 0; i < 3 && nin < 255; i++)
            in[nin++] = q[g + i];
        q += g + 3;
        run = 3;
    }
    const char *fr = "";
    int nfr = 0;
    size_t dl = strlen(decimal);
    /* The language's decimal separator, or a point where it is not a grouping one:
     * "4.0" in a Ukrainian text is the version of a licence, not 4 and 0. */
    if (!(dl && strncmp(q, decimal, dl) == 0) && q[0] == '.' && strcmp(group, ".") != 0)
        dl = 1;
    else if (!(dl && strncmp(q, decimal, dl) == 0))
        dl = 0;
    if (dl && digit(q[dl])) {
        fr = q + dl;
        nfr = digits(fr);
        q = fr + nfr;
    }
    add_canonical(out, in, nin, fr, nfr);
    if (written)
        bg_strv_add(written, p, (size_t)(q - p));
    return (size_t)(q - p);
}

/* A language's separators, as bg_l10n_number_symbols gives them. */
typedef struct symbols {
    char lang[32];
    char decimal[16], group[16];
} symbols;

static void scan(const char *text, const symbols *sy, bg_strv *out, bg_strv *written) {
    const char *decimal = sy->decimal, *group = sy->group;
    for (const char *p = text ? text : ""; *p;) {
        if (!digit(*p)) {
            p++;
            continue;
        }
        size_t len = date_at(p, out, written);
        p += len ? len : number_at(p, decimal, group, out, written);
    }
}

void bg_xlang_numbers(const char *text, const char *lang, bg_strv *out, bg_strv *written) {
    symbols sy = {.lang = ""};
    bg_l10n_number_symbols(lang, sy.decimal, sy.group, sizeof sy.decimal);
    scan(text, &sy, out, written);
}

/* The separators of each language met in one walk: ICU opens a number format to
 * give them, too slow to do for every text node of a large brief. */
#define SYMBOLS_CACHED 16
typedef struct symbols_cache {
    symbols v[SYMBOLS_CACHED];
    int n;
} symbols_cache;

static const symbols *symbols_of(symbols_cache *c, const char *lang) {
    lang = lang ? lang : "";
    for (int i = 0; i < c->n; i++)
        if (strcmp(c->v[i].lang, lang) == 0)
            return &c->v[i];
    symbols *sy = &c->v[c->n < SYMBOLS_CACHED ? c->n++ : SYMBOLS_CACHED - 1];
    snprintf(sy->lang, sizeof sy->lang, "%s", lang);
    bg_l10n_number_symbols(lang, sy->decimal, sy->group, sizeof sy->decimal);
    return sy;
}

/* ---- what a version holds ----------------------------------------------------------- */

/* What one version carries that its translation should carry too. */
typedef struct holds {
    bg_strv numbers, written;    /* canonical, and as written */
    bg_strv links, cites, xrefs; /* @href, @ref */
    int footnotes, emphasis;
    char *plain; /* bg_text_plain */
    long chars;  /* characters of `plain` */
} holds;

static void add_attr(bg_strv *s, const xmlNode *el, const char *name) {
    xmlChar *v = xmlGetNoNsProp(el, BAD_CAST name);
    if (v)
        bg_strv_add(s, (const char *)v, strlen((const char *)v));
    xmlFree(v);
}

static void gather(holds *h, const xmlNode *n, const symbols *sy) {
    for (const xmlNode *k = n->children; k; k = k->next) {
        /* Numbers text node by text node: a footnote's "31 votes" right after
         * "of 144." is not the number 144.31. */
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
            scan((const char *)k->content, sy, &h->numbers, &h->written);
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(k->name, BAD_CAST "a"))
            add_attr(&h->links, k, "href");
        else if (xmlStrEqual(k->name, BAD_CAST "cite"))
            add_attr(&h->cites, k, "ref");
        else if (xmlStrEqual(k->name, BAD_CAST "xref"))
            add_attr(&h->xrefs, k, "ref");
        else if (xmlStrEqual(k->name, BAD_CAST "fn"))
            h->footnotes++;
        else if (xmlStrEqual(k->name, BAD_CAST "em") || xmlStrEqual(k->name, BAD_CAST "strong"))
            h->emphasis++;
        gather(h, k, sy);
    }
}

static void holds_read(holds *h, const xmlNode *el, symbols_cache *cache) {
    memset(h, 0, sizeof *h);
    gather(h, el, symbols_of(cache, (const char *)bg_node_lang(el)));
    h->plain = bg_text_plain(el);
    for (const char *p = h->plain ? h->plain : ""; *p; p++)
        h->chars += ((unsigned char)*p & 0xC0) != 0x80;
}

static void holds_free(holds *h) {
    bg_strv_clear(&h->numbers);
    bg_strv_clear(&h->written);
    bg_strv_clear(&h->links);
    bg_strv_clear(&h->cites);
    bg_strv_clear(&h->xrefs);
    free(h->plain);
}

static int has(const bg_strv *s, const char *v) {
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->v[i], v) == 0)
            return 1;
    return 0;
}

/* ---- the comparison ------------------------------------------------------------ */

/* One pair being compared, and where its findings go. */
typedef struct pair {
    const bg_text_unit *unit;
    xmlNodePtr source, translation;
    char *sname, *tname; /* "the Ukrainian (line 40)", "the English version" */
    void (*fn)(const bg_xlang_finding *f, void *ctx);
    void *ctx;
    int found;
    symbols_cache *symbols;
} pair;

/* 1 when either version allows check `id` (its `allow` attribute names it). */
static int allowed(const pair *p, const char *id) {
    xmlNodePtr both[2] = {p->source, p->translation};
    int yes = 0;
    for (int i = 0; i < 2 && !yes; i++) {
        xmlChar *v = xmlGetNoNsProp(both[i], BAD_CAST "allow");
        size_t n = strlen(id);
        for (const char *w = (const char *)v; w && *w && !yes;) {
            w += strspn(w, " \t\r\n");
            size_t len = strcspn(w, " \t\r\n");
            yes = len == n && strncmp(w, id, n) == 0;
            w += len;
        }
        xmlFree(v);
    }
    return yes;
}

/* Hand one finding to the callback: the caller wrote what differs into `b`; this
 * adds the advice and the check's id, and takes `b`'s text. */
static void emit(pair *p, bg_xlang_kind kind, bg_buf *b) {
    const char *id = ids[kind];
    bg_buf_printf(b, "%s allow it with allow=\"%s\"  [%s]",
                  kind == BG_XLANG_IDENTICAL ? ", or" : ": check the translation, or", id, id);
    char *message = bg_buf_take(b);
    if (!message)
        return;
    bg_xlang_finding f = {kind, id, p->source, p->translation, p->unit->id, message};
    p->fn(&f, p->ctx);
    p->found++;
    free(message);
}

/* The names of the two languages in the messages, made when first needed. */
static void name_pair(pair *p) {
    if (p->sname)
        return;
    int known;
    char *s = bg_l10n_language_name((const char *)bg_node_lang(p->source), &known);
    char *t = bg_l10n_language_name((const char *)bg_node_lang(p->translation), &known);
    bg_buf b = {0};
    bg_buf_printf(&b, "the %s (line %ld)", s ? s : "source", bg_node_line(p->source));
    p->sname = bg_buf_take(&b);
    bg_buf_printf(&b, "the %s version", t ? t : "translated");
    p->tname = bg_buf_take(&b);
    free(s);
    free(t);
}

/* For a list check: what one side has and the other lacks, both ways. */
static void compare_lists(pair *p, bg_xlang_kind kind, const bg_strv *src, const bg_strv *src_shown, const bg_strv *tr,
                          const bg_strv *tr_shown, const char *verb) {
    if (allowed(p, ids[kind]))
        return;
    for (int side = 0; side < 2; side++) {
        const bg_strv *from = side ? tr : src, *shown = side ? tr_shown : src_shown, *to = side ? src : tr;
        bg_strv said = {0};
        for (int i = 0; i < from->n; i++) {
            if (has(to, from->v[i]) || has(&said, from->v[i]))
                continue;
            bg_strv_add(&said, from->v[i], strlen(from->v[i]));
            name_pair(p);
            bg_buf b = {0};
            const char *who = side ? p->tname : p->sname, *other = side ? p->sname : p->tname;
            if (kind == BG_XLANG_NUMBERS)
                bg_buf_printf(&b, "%s has the number %s that %s does not", who, shown->v[i], other);
            else
                bg_buf_printf(&b, "%s %s %s and %s does not", who, verb, shown->v[i], other);
            emit(p, kind, &b);
        }
        bg_strv_clear(&said);
    }
}

static void compare_counts(pair *p, bg_xlang_kind kind, int src, int tr, const char *what) {
    int differ = kind == BG_XLANG_FOOTNOTES ? src != tr : (src == 0) != (tr == 0) || abs(src - tr) > 1;
    if (!differ || allowed(p, ids[kind]))
        return;
    name_pair(p);
    bg_buf b = {0};
    bg_buf_printf(&b, "%s has %d %s and %s has %d", p->tname, tr, what, p->sname, src);
    emit(p, kind, &b);
}

static void compare_length(pair *p, const holds *s, const holds *t) {
    long longer = s->chars > t->chars ? s->chars : t->chars;
    if (longer < BG_XLANG_LENGTH_JUDGED || allowed(p, ids[BG_XLANG_LENGTH]))
        return;
    long percent = s->chars ? t->chars * 100 / s->chars : 100000;
    if (percent >= BG_XLANG_LENGTH_MIN && percent <= BG_XLANG_LENGTH_MAX)
        return;
    name_pair(p);
    bg_buf b = {0};
    bg_buf_printf(&b, "%s is %ld%% of the length of %s (%ld characters and %ld): %s", p->tname, percent, p->sname,
                  t->chars, s->chars,
                  percent < BG_XLANG_LENGTH_MIN ? "a part may be left untranslated"
                                                : "it may say more than the source");
    emit(p, BG_XLANG_LENGTH, &b);
}

/* Fewer words than this are not compared: a short text (a title such as "Irpin",
 * "COVID-19 response") may well be the same in two languages. */
#define IDENTICAL_MIN_WORDS 3

/* A text that may well be the same in both languages: names (of people,
 * organisations, municipalities, networks, places) and a reference's text, which
 * cites a work by its own title; a text of fewer than three words or without a
 * letter (ASCII, or from U+00C0 up, punctuation and symbols aside). */
static int may_be_same(const xmlNode *el, const char *plain) {
    static const char *const names[] = {"name", "given", "family", "place", NULL};
    for (int i = 0; names[i]; i++)
        if (xmlStrEqual(el->name, BAD_CAST names[i]))
            return 1;
    if (xmlStrEqual(el->name, BAD_CAST "text") && el->parent && xmlStrEqual(el->parent->name, BAD_CAST "ref"))
        return 1;
    int words = plain[0] != 0, letters = 0;
    for (const xmlChar *c = (const xmlChar *)plain; *c;) {
        words += *c == ' ';
        int len = 4, cp = xmlGetUTF8Char(c, &len);
        if (cp < 0 || len < 1)
            len = 1;
        else if ((cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) ||
                 (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF)))
            letters = 1;
        c += len;
    }
    return words < IDENTICAL_MIN_WORDS || !letters;
}

/* Compare the pair's translation with its source, whose holds `s` the caller read
 * once for all the unit's translations. */
static void compare(pair *p, const holds *s) {
    holds t;
    holds_read(&t, p->translation, p->symbols);
    compare_lists(p, BG_XLANG_NUMBERS, &s->numbers, &s->written, &t.numbers, &t.written, NULL);
    compare_lists(p, BG_XLANG_LINKS, &s->links, &s->links, &t.links, &t.links, "links to");
    compare_lists(p, BG_XLANG_CITATIONS, &s->cites, &s->cites, &t.cites, &t.cites, "cites");
    compare_lists(p, BG_XLANG_XREFS, &s->xrefs, &s->xrefs, &t.xrefs, &t.xrefs, "refers to");
    compare_counts(p, BG_XLANG_FOOTNOTES, s->footnotes, t.footnotes, "<fn>");
    compare_counts(p, BG_XLANG_EMPHASIS, s->emphasis, t.emphasis, "<em> or <strong>");
    compare_length(p, s, &t);
    if (s->plain && t.plain && strcmp(s->plain, t.plain) == 0 && !may_be_same(p->translation, t.plain) &&
        !allowed(p, ids[BG_XLANG_IDENTICAL])) {
        name_pair(p);
        bg_buf b = {0};
        bg_buf_printf(&b,
                      "%s is word for word %s: translate it, write it once without xml:lang if it is the same "
                      "in every language",
                      p->tname, p->sname);
        emit(p, BG_XLANG_IDENTICAL, &b);
    }
    holds_free(&t);
}

int bg_xlang_is_copy(const xmlNode *source, const xmlNode *translation) {
    if (!source || !translation)
        return 0;
    char *s = bg_text_plain(source), *t = bg_text_plain(translation);
    int copy = s && t && strcmp(s, t) == 0 && !may_be_same(translation, t);
    free(s);
    free(t);
    return copy;
}

int bg_xlang_each(xmlNodePtr root, const char *source_lang, void (*fn)(const bg_xlang_finding *f, void *ctx),
                  void *ctx) {
    bg_text_units units;
    if (bg_text_units_collect(root, source_lang, &units) != 0)
        return -1;
    int found = 0;
    symbols_cache cache = {.n = 0};
    for (int i = 0; i < units.n; i++) {
        const bg_text_unit *u = &units.v[i];
        if (u->unit.n < 2)
            continue;
        xmlNodePtr base = u->source ? u->source : u->unit.member[0];
        holds s;
        holds_read(&s, base, &cache);
        for (int m = 0; m < u->unit.n; m++) {
            if (u->unit.member[m] == base)
                continue;
            pair p = {u, base, u->unit.member[m], NULL, NULL, fn, ctx, 0, &cache};
            compare(&p, &s);
            found += p.found;
            free(p.sname);
            free(p.tname);
        }
        holds_free(&s);
    }
    bg_text_units_free(&units);
    return found;
}

static void say(const bg_xlang_finding *f, void *ctx) {
    const bg_brief *b = ctx;
    bg_warn(bg_brief_path(b), bg_node_line(f->translation), "%s", f->message);
}

int bg_xlang_check(const bg_brief *b) {
    int n = bg_xlang_each(xmlDocGetRootElement(bg_brief_doc(b)), bg_brief_source_lang(b), say, (void *)b);
    return n < 0 ? 0 : n;
}
