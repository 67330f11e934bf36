/* typo — see typo.h.  A resolved brief is cut into runs, the text a reader reads
 * as one piece (a paragraph with its inline markup, a title, a footnote, all the
 * paragraphs of a <quote>); each run is decoded into code points, each remembering
 * its text node and language, set by the rules in order, and written back into the
 * text nodes it came from.  Most rules replace one character by one; the few that
 * drop characters (a run of white space becoming one no-break space, the marks
 * around a <quote>) mark them dropped, and the run is compacted after the rule. */
#include "typo.h"

#include "brief.h"
#include "diag.h"

#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/utf8.h>

#define NBSP 0x00A0
#define OBJECT 0xFFFC    /* stands in a run for what is not text there: a footnote's mark, a link */
#define PARAGRAPH 0x2029 /* between the paragraphs of a <quote> */
#define DROPPED (-1)

/* What differs between languages besides the quotation marks, which are CLDR's. */
typedef struct rules {
    const char *tag;        /* the primary language subtag */
    UChar32 apostrophe;     /* a straight ' inside a word becomes this */
    UChar32 dash;           /* a spaced hyphen between words becomes this; 0 leaves it */
    const char *one_letter; /* one-letter words (UTF-8) the next word is bound to */
    int english;            /* ' ending a possessive (residents') or eliding (’90s) */
} rules;

static const rules known[] = {
    /* U+2019 in Ukrainian too: ICU's Ukrainian collation ignores it as Ukrainian
     * alphabetical order wants, while U+02BC sorts as a letter after я
     * (docs/format.md, "Typography"). */
    {"uk", 0x2019, 0x2014, "вВуУзЗіІйЙаАоО", 0},
    {"pl", 0x2019, 0x2014, "wWzZiIaAoOuU", 0},
    /* A spaced en dash, as British house styles (New Hart's Rules) set it: English
     * output is British (locale.format en_GB). */
    {"en", 0x2019, 0x2013, "", 1},
};
static const rules others = {"", 0x2019, 0, "", 0};

enum { START, END, ALT_START, ALT_END };

typedef struct language {
    char tag[32];
    const rules *rules;
    UChar32 quote[4]; /* ULOCDATA_QUOTATION_START, _END, ALT_START, ALT_END */
} language;

#define MAX_LANGUAGES 32
#define MAX_DEPTH 64

typedef struct typo {
    const char *path;
    int failed;
    language langs[MAX_LANGUAGES];
    int nlangs;
    /* The run: code points, the text node each came from (an index into `nodes`;
     * -1 for a stand-in), and its language (an index into `langs`). */
    UChar32 *c;
    int *from;
    unsigned char *lang;
    int n, cap;
    xmlNodePtr *nodes;
    int nnodes, nodes_cap;
} typo;

static void out_of_memory(typo *t) {
    if (!t->failed)
        bg_error(t->path, 0, "out of memory while setting the typography");
    t->failed = 1;
}

/* ---- languages ------------------------------------------------------------------ */

static const rules *rules_for(const char *tag) {
    size_t len = strcspn(tag, "-_");
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strlen(known[i].tag) == len && strncasecmp(known[i].tag, tag, len) == 0)
            return &known[i];
    return &others;
}

/* The quotation marks CLDR gives `tag`, through ICU. */
static int read_quotes(typo *t, language *l) {
    char locale[ULOC_FULLNAME_CAPACITY];
    UErrorCode st = U_ZERO_ERROR;
    uloc_forLanguageTag(l->tag, locale, sizeof locale, NULL, &st);
    if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING || !*locale) {
        st = U_ZERO_ERROR;
        snprintf(locale, sizeof locale, "root"); /* no language tag ICU reads: CLDR's default marks */
    }
    ULocaleData *data = ulocdata_open(locale, &st);
    if (st == U_USING_DEFAULT_WARNING) {
        /* ICU knows no such language and took the process's default locale (LANG):
         * CLDR's root marks instead, so the output is the same wherever it runs. */
        ulocdata_close(data);
        st = U_ZERO_ERROR;
        data = ulocdata_open("root", &st);
    }
    static const ULocaleDataDelimiterType types[4] = {ULOCDATA_QUOTATION_START, ULOCDATA_QUOTATION_END,
                                                      ULOCDATA_ALT_QUOTATION_START, ULOCDATA_ALT_QUOTATION_END};
    for (int i = 0; i < 4 && U_SUCCESS(st); i++) {
        UChar mark[8];
        int32_t len = ulocdata_getDelimiter(data, types[i], mark, 8, &st);
        if (U_SUCCESS(st) && len > 0)
            U16_GET(mark, 0, 0, len, l->quote[i]);
        else if (U_SUCCESS(st))
            st = U_MISSING_RESOURCE_ERROR;
    }
    ulocdata_close(data);
    if (U_FAILURE(st)) {
        bg_error(t->path, 0, "ICU cannot give the quotation marks of \"%s\" (%s)", l->tag, u_errorName(st));
        t->failed = 1;
        return -1;
    }
    return 0;
}

/* The index of language `tag` in t->langs, added on first use; the output
 * language (index 0) when there are too many or ICU fails. */
static int language_of(typo *t, const char *tag) {
    for (int i = 0; i < t->nlangs; i++)
        if (strcasecmp(t->langs[i].tag, tag) == 0)
            return i;
    if (t->nlangs == MAX_LANGUAGES || strlen(tag) >= sizeof t->langs[0].tag)
        return 0;
    language *l = &t->langs[t->nlangs];
    snprintf(l->tag, sizeof l->tag, "%s", tag);
    l->rules = rules_for(tag);
    if (read_quotes(t, l) != 0)
        return 0;
    return t->nlangs++;
}

/* The language of the text in `node`: the nearest xml:lang, else the output's. */
static int language_at(typo *t, const xmlNode *node) {
    for (const xmlNode *n = node; n && n->type != XML_DOCUMENT_NODE; n = n->parent) {
        const xmlChar *lang = bg_node_lang(n);
        if (lang && *lang)
            return language_of(t, (const char *)lang);
    }
    return 0;
}

/* ---- the run ---------------------------------------------------------------- */

static int is_ours(const xmlNode *n, const char *name) {
    return n && n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name) && n->ns &&
           xmlStrEqual(n->ns->href, BAD_CAST BG_BRIEF_NS);
}

static int grow(typo *t, int more) {
    if (t->n + more <= t->cap)
        return 0;
    int cap = t->cap ? t->cap : 256;
    while (cap < t->n + more)
        cap *= 2;
    UChar32 *c = realloc(t->c, sizeof *c * (size_t)cap);
    if (c)
        t->c = c;
    int *from = realloc(t->from, sizeof *from * (size_t)cap);
    if (from)
        t->from = from;
    unsigned char *lang = realloc(t->lang, (size_t)cap);
    if (lang)
        t->lang = lang;
    if (!c || !from || !lang) {
        out_of_memory(t);
        return -1;
    }
    t->cap = cap;
    return 0;
}

static void push(typo *t, UChar32 c, int from, int lang) {
    if (grow(t, 1) != 0)
        return;
    t->c[t->n] = c;
    t->from[t->n] = from;
    t->lang[t->n] = (unsigned char)lang;
    t->n++;
}

static void add_text(typo *t, xmlNodePtr text) {
    if (t->nnodes == t->nodes_cap) {
        int cap = t->nodes_cap ? 2 * t->nodes_cap : 16;
        xmlNodePtr *nodes = realloc(t->nodes, sizeof *nodes * (size_t)cap);
        if (!nodes) {
            out_of_memory(t);
            return;
        }
        t->nodes = nodes;
        t->nodes_cap = cap;
    }
    int from = t->nnodes++;
    t->nodes[from] = text;
    int lang = language_at(t, text->parent);
    const uint8_t *s = text->content;
    int32_t len = s ? (int32_t)strlen((const char *)s) : 0;
    if (grow(t, len) != 0)
        return;
    for (int32_t i = 0; i < len;) {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        push(t, c < 0 ? 0xFFFD : c, from, lang);
    }
}

/* 1 when `s` is an address rather than words: a link whose text is its URL. */
static int is_address(const xmlChar *s) {
    if (!s || strpbrk((const char *)s, " \t\r\n"))
        return 0;
    return strstr((const char *)s, "://") || strchr((const char *)s, '@') || strncmp((const char *)s, "www.", 4) == 0;
}

/* Elements whose text is no prose: addresses, identifiers and numbers. */
static int is_verbatim(const xmlNode *n) {
    static const char *const names[] = {"doi", "isbn", "pages", "email", "href", NULL};
    for (int i = 0; names[i]; i++)
        if (is_ours(n, names[i]))
            return 1;
    if (is_ours(n, "cell")) {
        xmlChar *type = xmlGetNoNsProp(n, BAD_CAST "type");
        int number = type && xmlStrEqual(type, BAD_CAST "number");
        xmlFree(type);
        return number;
    }
    if (is_ours(n, "a") && n->children && n->children->type == XML_TEXT_NODE && !n->children->next)
        return is_address(n->children->content);
    return 0;
}

static int is_inline(const xmlNode *n) {
    static const char *const names[] = {"em", "strong", "a", "cite", "term", "fn", NULL};
    for (int i = 0; names[i]; i++)
        if (is_ours(n, names[i]))
            return 1;
    return 0;
}

/* Append the text of `node`'s children and of their inline markup to the run.  A
 * footnote is a run of its own: here it is its mark, as are a link that is an
 * address, an empty <cite> (a reference's number) and an <xref> (a number). */
static void gather(typo *t, xmlNodePtr node) {
    for (xmlNodePtr k = node->children; k && !t->failed; k = k->next) {
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
            add_text(t, k);
        else if (k->type != XML_ELEMENT_NODE)
            continue;
        else if (is_ours(k, "fn") || is_verbatim(k) || (is_ours(k, "cite") && !k->children) || is_ours(k, "xref"))
            push(t, OBJECT, -1, language_at(t, k));
        else
            gather(t, k);
    }
}

/* Drop the code points marked DROPPED. */
static void compact(typo *t) {
    int w = 0;
    for (int r = 0; r < t->n; r++) {
        if (t->c[r] == DROPPED)
            continue;
        t->c[w] = t->c[r];
        t->from[w] = t->from[r];
        t->lang[w] = t->lang[r];
        w++;
    }
    t->n = w;
}

/* Write the run back into its text nodes, those whose text changed. */
static void write_back(typo *t) {
    int i = 0;
    for (int k = 0; k < t->nnodes && !t->failed; k++) {
        while (i < t->n && t->from[i] < k)
            i++;
        size_t size = 1;
        for (int j = i; j < t->n && t->from[j] == k; j++)
            size += (size_t)U8_LENGTH(t->c[j]);
        uint8_t *s = malloc(size);
        if (!s) {
            out_of_memory(t);
            return;
        }
        size_t len = 0;
        for (; i < t->n && t->from[i] == k; i++) {
            UBool error = 0;
            U8_APPEND(s, len, size, t->c[i], error);
            (void)error;
        }
        s[len] = '\0';
        xmlNodePtr node = t->nodes[k];
        if (!xmlStrEqual(node->content, s))
            xmlNodeSetContent(node, s); /* a text node's content is set as it is: never markup */
        free(s);
    }
}

/* ---- the rules ---------------------------------------------------------------- */

static UChar32 at(const typo *t, int i) { return i >= 0 && i < t->n ? t->c[i] : 0; }

static int is_space(UChar32 c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == NBSP || c == PARAGRAPH;
}
static int is_letter(UChar32 c) { return c > 0 && u_isUAlphabetic(c); }
static int is_digit(UChar32 c) { return c > 0 && u_isdigit(c); }
static int is_dash(UChar32 c) { return c == 0x2014 || c == 0x2013; }

/* 1 when a quotation mark after `prev` opens: at the start, after white space, an
 * opening bracket or quotation mark, a dash or a slash. */
static int opens_after(UChar32 prev) {
    if (prev == 0 || is_space(prev) || is_dash(prev) || prev == '-' || prev == '/')
        return 1;
    int8_t type = u_charType(prev);
    return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION;
}

/* 1 when a quotation mark at `i` opens, by what precedes it (opens_after); a mark
 * of the language's own before it says so itself: Ukrainian closes an inner
 * quotation with “, which Unicode counts as opening punctuation. */
static int opens_at(const typo *t, int i) {
    UChar32 prev = at(t, i - 1);
    if (i > 0) {
        const UChar32 *q = t->langs[t->lang[i - 1]].quote;
        if (prev == q[END] || prev == q[ALT_END])
            return 0;
        if (prev == q[START] || prev == q[ALT_START])
            return 1;
    }
    return opens_after(prev);
}

/* The language's mark for nesting `level` (0 outermost). */
static UChar32 mark(const typo *t, int i, int level, int closing) {
    const language *l = &t->langs[t->lang[i]];
    return l->quote[(level % 2 ? ALT_START : START) + closing];
}

/* A typographic double quotation mark the author typed: +1 opens, -1 closes, 0 is
 * none.  The language's own marks say which they are; others go by what precedes. */
static int typed_mark(const typo *t, int i) {
    UChar32 c = t->c[i];
    if (c != 0x00AB && c != 0x00BB && c != 0x201C && c != 0x201D && c != 0x201E && c != 0x201F)
        return 0;
    const UChar32 *q = t->langs[t->lang[i]].quote;
    int opening = c == q[START] || c == q[ALT_START], closing = c == q[END] || c == q[ALT_END];
    if (opening != closing)
        return opening ? 1 : -1;
    return opens_at(t, i) ? 1 : -1;
}

/* The index of the straight ' that closes the one opening at `i`, or -1: the first
 * later ' after a letter, digit or punctuation and before no letter or digit. */
static int single_closer(const typo *t, int i) {
    for (int j = i + 1; j < t->n; j++) {
        if (t->c[j] != '\'')
            continue;
        UChar32 prev = at(t, j - 1), next = at(t, j + 1);
        if (is_letter(prev) && is_letter(next))
            continue; /* an apostrophe */
        if (opens_at(t, j) && is_letter(next))
            return -1; /* another opens first */
        if (!opens_at(t, j) && !is_letter(next) && !is_digit(next))
            return j;
    }
    return -1;
}

/* Quotation marks and apostrophes.  Typed marks and straight quotes nest in one
 * stack; a quotation opened at level `base` (1 inside a <quote>) takes the outer
 * marks at even levels and the inner ones at odd levels.  A pair of straight single
 * quotes is found whole at its opening (single_closer) and remembers its closer. */
static void quotes(typo *t, int base) {
    struct {
        int level, closer; /* closer: the index of a single quote's closing ', or -1 */
    } stack[MAX_DEPTH];
    int depth = 0;
    for (int i = 0; i < t->n; i++) {
        UChar32 c = t->c[i], prev = at(t, i - 1), next = at(t, i + 1);
        const rules *r = t->langs[t->lang[i]].rules;
        int level = base + depth, typed = typed_mark(t, i), closer;
        if ((depth > 0 && stack[depth - 1].closer == i) || (typed < 0 && depth > 0 && stack[depth - 1].closer < 0)) {
            depth--; /* a single quote's closer (set at its pair's opening), or a typed mark */
        } else if (typed > 0 && depth < MAX_DEPTH) {
            stack[depth].level = level;
            stack[depth++].closer = -1;
        } else if (c == '"' && !opens_at(t, i)) {
            int open = depth > 0 && stack[depth - 1].closer < 0;
            t->c[i] = mark(t, i, open ? stack[--depth].level : base, 1);
        } else if (c == '"' && next && !is_space(next)) {
            t->c[i] = mark(t, i, level, 0);
            if (depth < MAX_DEPTH) {
                stack[depth].level = level;
                stack[depth++].closer = -1;
            }
        } else if (c != '\'') {
            continue;
        } else if (opens_at(t, i) && is_letter(next) && depth < MAX_DEPTH && (closer = single_closer(t, i)) > 0) {
            t->c[i] = mark(t, i, level, 0);
            t->c[closer] = mark(t, closer, level, 1);
            stack[depth].level = level;
            stack[depth++].closer = closer;
        } else if (((is_letter(prev) || is_digit(prev)) && is_letter(next)) ||
                   (r->english && ((opens_at(t, i) && (is_letter(next) || is_digit(next))) ||
                                   (is_letter(prev) && !is_letter(next))))) {
            t->c[i] = r->apostrophe; /* зв’язок, don’t; in English also ’til, ’90s, residents’ */
        }
    }
}

/* Replace the white space from `from` up to `to` (exclusive) by one no-break space. */
static void bind(typo *t, int from, int to) {
    t->c[from] = NBSP;
    for (int k = from + 1; k < to; k++)
        t->c[k] = DROPPED;
}

/* The end of the white space starting at `i`. */
static int space_end(const typo *t, int i) {
    while (i < t->n && is_space(t->c[i]) && t->c[i] != PARAGRAPH)
        i++;
    return i;
}

/* Dashes: a spaced hyphen between words becomes the language's dash (not between
 * two numbers: a minus or a range the author typed); the white space before a
 * spaced dash becomes one no-break space, so the dash never starts a line. */
static void dashes(typo *t) {
    for (int i = 1; i < t->n; i++) {
        UChar32 c = t->c[i];
        if (c != '-' && !is_dash(c))
            continue;
        int start = i;
        while (start > 0 && is_space(t->c[start - 1]) && t->c[start - 1] != PARAGRAPH)
            start--;
        int end = space_end(t, i + 1);
        if (start == i || start == 0 || t->c[start - 1] == PARAGRAPH || end == i + 1 || end == t->n)
            continue; /* not between words */
        if (c == '-') {
            UChar32 dash = t->langs[t->lang[i]].rules->dash;
            if (!dash || (is_digit(t->c[start - 1]) && is_digit(t->c[end])))
                continue;
            t->c[i] = dash;
        }
        bind(t, start, i);
    }
    compact(t);
}

/* One-letter words: the white space after them becomes one no-break space. */
static void one_letter_words(typo *t) {
    for (int i = 0; i + 1 < t->n; i++) {
        const char *letters = t->langs[t->lang[i]].rules->one_letter;
        UChar32 prev = at(t, i - 1), c = t->c[i];
        if (!*letters || !is_space(t->c[i + 1]) || t->c[i + 1] == PARAGRAPH || is_letter(prev) || is_digit(prev) ||
            prev == '-' || prev == 0x2019 || prev == '\'' || prev == OBJECT)
            continue;
        int found = 0;
        for (int32_t k = 0, len = (int32_t)strlen(letters); k < len && !found;) {
            UChar32 l;
            U8_NEXT((const uint8_t *)letters, k, len, l);
            found = l == c;
        }
        int end = space_end(t, i + 1);
        if (found && end < t->n)
            bind(t, i + 1, end);
    }
    compact(t);
}

/* Inside a <quote>: drop the quotation marks the author typed around the whole of
 * it, since the templates draw the language's own.  The mark at the very start
 * must be closed by the one at the very end (which a full stop may follow: it is
 * kept when the quotation did not end a sentence itself). */
static void strip_quote_marks(typo *t) {
    int first = 0, last = t->n - 1;
    while (first < t->n && is_space(t->c[first]))
        first++;
    while (last > first && is_space(t->c[last]))
        last--;
    int stop = last > first && t->c[last] == '.' ? last : -1;
    if (stop > 0)
        last--;
    UChar32 open = at(t, first), close = at(t, last);
    int straight = open == '"' && close == '"';
    int typed = typed_mark(t, first) > 0 && typed_mark(t, last) < 0;
    if (last <= first || (!straight && !typed))
        return;
    /* The opening mark must stay open until the end. */
    int depth = 0;
    for (int i = first; i < last; i++) {
        int m = typed_mark(t, i);
        if (t->c[i] == '"')
            m = i == first || opens_at(t, i) ? 1 : -1;
        depth += m;
        if (depth <= 0)
            return;
    }
    t->c[first] = DROPPED;
    t->c[last] = DROPPED;
    UChar32 before = at(t, last - 1);
    if (stop > 0 && (before == '.' || before == '!' || before == '?' || before == 0x2026))
        t->c[stop] = DROPPED;
    compact(t);
}

/* Set the run gathered so far, write it back and empty it. */
static void flush(typo *t, int in_quote) {
    if (!t->failed && t->n > 0) {
        if (in_quote)
            strip_quote_marks(t);
        quotes(t, in_quote ? 1 : 0);
        dashes(t);
        one_letter_words(t);
        write_back(t);
    }
    t->n = 0;
    t->nnodes = 0;
}

static void walk(typo *t, xmlNodePtr node);

/* The footnotes under `node` (inside its inline markup), each a run of its own. */
static void footnotes(typo *t, xmlNodePtr node) {
    for (xmlNodePtr k = node->children; k; k = k->next) {
        if (is_ours(k, "fn"))
            walk(t, k);
        else if (k->type == XML_ELEMENT_NODE && is_inline(k) && !is_verbatim(k))
            footnotes(t, k);
    }
}

/* The footnotes among the siblings from `first` up to `stop` (a run just set). */
static void run_footnotes(typo *t, xmlNodePtr first, xmlNodePtr stop) {
    for (xmlNodePtr f = first; f != stop && !t->failed; f = f->next) {
        if (is_ours(f, "fn"))
            walk(t, f);
        else if (f->type == XML_ELEMENT_NODE && is_inline(f) && !is_verbatim(f))
            footnotes(t, f);
    }
}

/* Typeset the runs under `node`: its text and inline children make one run; a
 * block child ends it and is walked in turn. */
static void walk(typo *t, xmlNodePtr node) {
    if (is_verbatim(node))
        return;
    if (is_ours(node, "quote")) {
        for (xmlNodePtr p = node->children; p; p = p->next) {
            if (is_ours(p, "p")) {
                if (t->n > 0)
                    push(t, PARAGRAPH, -1, language_at(t, p));
                gather(t, p);
            }
        }
        flush(t, 1);
        for (xmlNodePtr p = node->children; p; p = p->next)
            if (is_ours(p, "p"))
                footnotes(t, p);
        return;
    }
    xmlNodePtr run_start = node->children;
    for (xmlNodePtr k = node->children; k && !t->failed; k = k->next) {
        if (k->type == XML_ELEMENT_NODE && !is_inline(k)) {
            flush(t, 0);
            run_footnotes(t, run_start, k);
            walk(t, k);
            run_start = k->next;
        } else if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
            add_text(t, k);
        } else if (k->type == XML_ELEMENT_NODE) {
            if (is_ours(k, "fn") || is_verbatim(k) || (is_ours(k, "cite") && !k->children) || is_ours(k, "xref"))
                push(t, OBJECT, -1, language_at(t, k));
            else
                gather(t, k);
        }
    }
    flush(t, 0);
    run_footnotes(t, run_start, NULL);
}

int bg_typo_apply(xmlDocPtr doc, const char *lang, const char *path) {
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root)
        return 0;
    xmlChar *setting = xmlGetNoNsProp(root, BAD_CAST "typography");
    int off = setting && xmlStrEqual(setting, BAD_CAST "none");
    xmlFree(setting);
    if (off)
        return 0;
    typo *t = calloc(1, sizeof *t);
    if (!t) {
        bg_error(path, 0, "out of memory while setting the typography");
        return -1;
    }
    t->path = path;
    language_of(t, lang && *lang ? lang : "und");
    if (!t->failed)
        walk(t, root);
    int rc = t->failed ? -1 : 0;
    free(t->c);
    free(t->from);
    free(t->lang);
    free(t->nodes);
    free(t);
    return rc;
}
