/* textstats — see textstats.h. */
#include "textstats.h"

#include "brief.h"
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

/* A long sentence is shown by this many of its first words. */
#define START_WORDS 10

/* One block's text as UTF-16 for ICU, with white space made single spaces of the
 * same length (a line break is a sentence end to ICU; the XML's are only wrapping),
 * and where the source's line breaks were, to give a sentence its line. */
typedef struct text {
    UChar *u;
    int32_t len, cap;
    int32_t *nl; /* offsets in u of the source's line breaks, ascending */
    size_t nnl, capnl;
    int failed;
} text;

/* The iterators of one measure, and the word starts of the block being counted. */
typedef struct counter {
    UBreakIterator *words, *sentences;
    int32_t *starts; /* where each word begins, after joining compounds and numbers */
    size_t n, cap;
    long long_words;
    bg_textstats *out;
    text t;
    long line;     /* the line of the block's element */
    size_t nl_met; /* the block's line breaks before the last long sentence */
    int failed;
} counter;

static int grow(void **p, size_t *cap, size_t need, size_t size) {
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

/* Append UTF-8 `s` to `t`. */
static void text_add(text *t, const char *s) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t need = 0;
    u_strFromUTF8(NULL, 0, &need, s, -1, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) {
        t->failed = 1;
        return;
    }
    size_t cap = (size_t)t->cap;
    if (grow((void **)&t->u, &cap, (size_t)t->len + (size_t)need + 1, sizeof *t->u)) {
        t->failed = 1;
        return;
    }
    t->cap = (int32_t)cap;
    st = U_ZERO_ERROR;
    u_strFromUTF8(t->u + t->len, t->cap - t->len, NULL, s, -1, &st);
    if (U_FAILURE(st)) {
        t->failed = 1;
        return;
    }
    for (int32_t i = t->len; i < t->len + need; i++) {
        if (t->u[i] == '\n') {
            if (grow((void **)&t->nl, &t->capnl, t->nnl + 1, sizeof *t->nl)) {
                t->failed = 1;
                return;
            }
            t->nl[t->nnl++] = i;
        }
        if (t->u[i] == '\n' || t->u[i] == '\r' || t->u[i] == '\t')
            t->u[i] = ' ';
    }
    t->len += need;
}

static int is_hyphen(UChar c) { return c == 0x2D || c == 0x2010 || c == 0x2011; }
/* A space that groups digits: space, no-break space, thin and narrow no-break space. */
static int is_group_space(UChar c) { return c == 0x20 || c == 0xA0 || c == 0x2009 || c == 0x202F; }

static int all_digits(const UChar *u, int32_t s, int32_t e) {
    for (int32_t i = s; i < e; i++)
        if (!u_isdigit(u[i]))
            return 0;
    return 1;
}

/* The word starts of u[0, len) into c->starts (see textstats.h for the joins). */
static int find_words(counter *c, const UChar *u, int32_t len) {
    UErrorCode st = U_ZERO_ERROR;
    ubrk_setText(c->words, u, len, &st);
    if (U_FAILURE(st))
        return -1;
    c->n = 0;
    int32_t prev_end = -2;
    int groupable = 0; /* the previous word is a number another group of 3 may follow */
    for (int32_t s = ubrk_first(c->words), e; (e = ubrk_next(c->words)) != UBRK_DONE; s = e) {
        int32_t status = ubrk_getRuleStatus(c->words);
        if (status < UBRK_WORD_NONE_LIMIT)
            continue;
        int digits = all_digits(u, s, e);
        int adjacent = s == prev_end + 1;
        int group = adjacent && groupable && digits && e - s == 3 && is_group_space(u[prev_end]);
        int compound = adjacent && is_hyphen(u[prev_end]);
        if (!group && !compound) {
            if (grow((void **)&c->starts, &c->cap, c->n + 1, sizeof *c->starts))
                return -1;
            c->starts[c->n++] = s;
        }
        groupable = digits && (group || e - s <= 3);
        prev_end = e;
    }
    return 0;
}

/* Whether the sentence break at `e` follows an initial ("М. Грушевський"): a
 * capital letter alone, then a full stop. */
static int after_initial(const UChar *u, int32_t from, int32_t e) {
    int32_t p = e;
    while (p > from && u_isspace(u[p - 1]))
        p--;
    return p - 2 >= from && u[p - 1] == '.' && u_isupper(u[p - 2]) && (p - 3 < from || !u_isalnum(u[p - 3]));
}

/* The line of `offset` in the block; offsets asked for only grow within a block,
 * so the line breaks are passed once (a long paragraph stays linear). */
static long line_at(counter *c, int32_t offset) {
    while (c->nl_met < c->t.nnl && c->t.nl[c->nl_met] < offset)
        c->nl_met++;
    return c->line + (long)c->nl_met;
}

/* UTF-8 of u[s, e) with runs of spaces made one, and "…" after it when `cut`. */
static char *utf8_of(const UChar *u, int32_t s, int32_t e, int cut) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t need = 0;
    u_strToUTF8(NULL, 0, &need, u + s, e - s, &st);
    char *out = malloc((size_t)need + 4);
    if (!out)
        return NULL;
    st = U_ZERO_ERROR;
    u_strToUTF8(out, need + 1, NULL, u + s, e - s, &st);
    if (U_FAILURE(st)) {
        free(out);
        return NULL;
    }
    bg_str_squeeze_space(out);
    if (cut) /* room was made for it above */
        memcpy(out + strlen(out), "\xE2\x80\xA6", 4);
    return out;
}

static int add_long(counter *c, const UChar *u, size_t first, long words, int32_t end) {
    bg_textstats *o = c->out;
    bg_long_sentence *v = realloc(o->longs, (o->nlongs + 1) * sizeof *v);
    if (!v)
        return -1;
    o->longs = v;
    int cut = words > START_WORDS;
    char *start = utf8_of(u, c->starts[first], cut ? c->starts[first + START_WORDS] : end, cut);
    if (!start)
        return -1;
    v[o->nlongs++] = (bg_long_sentence){line_at(c, c->starts[first]), words, start};
    return 0;
}

/* Count the block in c->t: words, sentences, long sentences into c->out. */
static int count_block(counter *c) {
    const UChar *u = c->t.u;
    int32_t len = c->t.len;
    if (len == 0)
        return 0;
    if (find_words(c, u, len))
        return -1;
    UErrorCode st = U_ZERO_ERROR;
    ubrk_setText(c->sentences, u, len, &st);
    if (U_FAILURE(st))
        return -1;
    size_t w = 0;
    int32_t from = ubrk_first(c->sentences);
    for (int32_t e; (e = ubrk_next(c->sentences)) != UBRK_DONE;) {
        if (e < len && after_initial(u, from, e))
            continue;
        size_t first = w;
        while (w < c->n && c->starts[w] < e)
            w++;
        long words = (long)(w - first);
        if (words > 0)
            c->out->counts.sentences++;
        if (c->long_words > 0 && words > c->long_words && add_long(c, u, first, words, e))
            return -1;
        from = e;
    }
    c->out->counts.words += (long)c->n;
    return 0;
}

/* ---- a brief ------------------------------------------------------------------- */

static int named(const xmlNode *n, const char *name) {
    return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name);
}

/* Parts a reader does not read as the brief's text (textstats.h). */
static int excluded(const xmlNode *el) {
    if (named(el, "references") || named(el, "alt"))
        return 1;
    return el->parent && named(el->parent, "meta") && !named(el, "title") && !named(el, "subtitle");
}

static int is_text(const xmlNode *n) { return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE; }

static int holds_text(const xmlNode *el) {
    for (const xmlNode *n = el->children; n; n = n->next)
        if (is_text(n) && n->content)
            for (const xmlChar *p = n->content; *p; p++)
                if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                    return 1;
    return 0;
}

static void measure_element(counter *c, xmlNodePtr el);

/* The text of `el` and its inline elements, footnotes left out. */
static void gather(counter *c, xmlNodePtr el) {
    for (xmlNodePtr n = el->children; n; n = n->next) {
        if (is_text(n) && n->content)
            text_add(&c->t, (const char *)n->content);
        else if (n->type == XML_ELEMENT_NODE && !named(n, "fn") && !excluded(n))
            gather(c, n);
    }
}

/* The footnotes under `el`, each a block of its own. */
static void each_fn(counter *c, xmlNodePtr el) {
    for (xmlNodePtr n = el->children; n; n = n->next)
        if (named(n, "fn"))
            measure_element(c, n);
        else if (n->type == XML_ELEMENT_NODE && !excluded(n))
            each_fn(c, n);
}

static void block(counter *c, xmlNodePtr el) {
    c->t.len = 0;
    c->t.nnl = 0;
    c->nl_met = 0;
    c->line = bg_node_line(el);
    gather(c, el);
    if (c->t.failed || count_block(c))
        c->failed = 1;
    each_fn(c, el);
}

/* `el` as a block when it holds text itself, else each of its children. */
static void measure_element(counter *c, xmlNodePtr el) {
    if (c->failed || excluded(el))
        return;
    if (holds_text(el)) {
        block(c, el);
        return;
    }
    for (xmlNodePtr n = el->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            measure_element(c, n);
}

/* Open the iterators for `lang` (the sentence one with CLDR's abbreviations). */
static int counter_open(counter *c, const char *lang) {
    char loc[64];
    UErrorCode st = U_ZERO_ERROR;
    c->words = ubrk_open(UBRK_WORD, lang, NULL, 0, &st);
    snprintf(loc, sizeof loc, "%s@ss=standard", lang);
    if (U_SUCCESS(st))
        c->sentences = ubrk_open(UBRK_SENTENCE, loc, NULL, 0, &st);
    return U_SUCCESS(st) ? 0 : -1;
}

static void counter_close(counter *c) {
    if (c->words)
        ubrk_close(c->words);
    if (c->sentences)
        ubrk_close(c->sentences);
    free(c->starts);
    free(c->t.u);
    free(c->t.nl);
}

int bg_textstats_count(const char *utf8, const char *lang, bg_text_counts *out) {
    bg_textstats s = {0};
    counter c = {.out = &s};
    int rc = -1;
    if (counter_open(&c, lang) == 0) {
        text_add(&c.t, utf8);
        rc = c.t.failed || count_block(&c) ? -1 : 0;
    }
    counter_close(&c);
    *out = s.counts;
    bg_textstats_clear(&s);
    return rc;
}

int bg_textstats_measure(xmlDocPtr resolved, const char *lang, long long_words, bg_textstats *out) {
    counter c = {.out = out, .long_words = long_words};
    xmlNodePtr root = xmlDocGetRootElement(resolved);
    int rc = counter_open(&c, lang);
    if (rc == 0 && root) {
        measure_element(&c, root);
        rc = c.failed ? -1 : 0;
    }
    counter_close(&c);
    if (rc)
        bg_textstats_clear(out);
    return rc;
}

void bg_textstats_clear(bg_textstats *s) {
    for (size_t i = 0; i < s->nlongs; i++)
        free(s->longs[i].start);
    free(s->longs);
    memset(s, 0, sizeof *s);
}

/* ---- time and pages -------------------------------------------------------------- */

/* Reading rates: silent reading of non-fiction by adults, measured by language
 * (Trauzettel-Klosinski et al. 2012, the IReST passages: English 228, Polish 166,
 * Russian 184 words a minute; Ukrainian words are as long as Russian ones), less
 * about 15 % for a policy text that cites its sources and figures, rounded to 5.
 * They differ because words do: the sample has a sixth fewer words in Ukrainian than
 * in English, and about the same reading time.
 *
 * Words on an A4 page of briefgen's PDF, measured on the sample: 1,722 Ukrainian and
 * 2,061 English words on 8 pages each (pdfinfo), with its tables, chart, map,
 * references and colophon — a brief's usual furniture; set a little above words ÷
 * pages so that the sample, rounded up, comes out at its 8.  Polish, without a
 * sample, as Ukrainian (words of about the same length). */
static const struct {
    const char *lang;
    int wpm, wpp;
} rates[] = {{"en", 195, 260}, {"uk", 155, 220}, {"ru", 155, 220}, {"pl", 140, 220}};
/* Any other language: between those. */
static const int default_wpm = 165, default_wpp = 240;

static int rate_of(const char *lang) {
    for (int i = 0; i < (int)(sizeof rates / sizeof rates[0]); i++) {
        size_t n = strlen(rates[i].lang);
        if (strncmp(lang, rates[i].lang, n) == 0 && (lang[n] == '\0' || lang[n] == '-' || lang[n] == '_'))
            return i;
    }
    return -1;
}

int bg_textstats_words_per_minute(const char *lang) {
    int i = rate_of(lang);
    return i < 0 ? default_wpm : rates[i].wpm;
}

int bg_textstats_words_per_page(const char *lang) {
    int i = rate_of(lang);
    return i < 0 ? default_wpp : rates[i].wpp;
}

static long up(long words, long per) {
    long n = (words + per - 1) / per;
    return n < 1 ? 1 : n;
}

long bg_textstats_minutes(long words, const char *lang) { return up(words, bg_textstats_words_per_minute(lang)); }

long bg_textstats_pages(long words, const char *lang) { return up(words, bg_textstats_words_per_page(lang)); }
