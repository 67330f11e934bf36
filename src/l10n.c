/* l10n — see l10n.h.  Catalogues are XLIFF 1.2 files read with libxml2; everything a
 * reader sees in their language (messages with plurals, dates, numbers, lists, sort
 * order, slugs) is formatted by ICU here.
 *
 * Threads: a bg_l10n, its locales and every ICU object cached in them are used by one
 * thread at a time.  ICU formatters are not safe to share while formatting, and the
 * caches below fill lazily without locks; a caller that renders in parallel must give
 * each thread its own bg_l10n (or add locking here first).
 *
 * Lifetimes: bg_l10n owns its locales (a hash from language tag to bg_locale), its
 * collators (a hash from language tag to UCollator) and the slug transliterator.  A
 * bg_locale owns its messages, its formatters and the fallback table that remembers
 * which keys already fell back to the root (entries there borrow the root's messages).
 */
#include "l10n.h"

#include "buf.h"
#include "diag.h"
#include "fileio.h"
#include "xmlsafe.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <unicode/ucal.h>
#include <unicode/ucasemap.h>
#include <unicode/ucol.h>
#include <unicode/udat.h>
#include <unicode/ulistformatter.h>
#include <unicode/uchar.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/umsg.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#define XLIFF_NS "urn:oasis:names:tc:xliff:document:1.2"
#define ROOT_LANG "en"
#define FORMAT_KEY "locale.format"
/* The most numbered arguments a message may use: {0} … {7}.  See format_call. */
#define MAX_ARGS 8
/* Catalogues are small; anything bigger than this is a mistake, not a catalogue. */
#define MAX_CATALOGUE_BYTES (16L * 1024 * 1024)
/* Sub-messages nested deeper than this are refused rather than recursed into. */
#define MAX_NESTING 32

static const UChar utc_id[] = {'U', 'T', 'C', 0};

/* ---------------------------------------------------------------------------------
 * Data
 */

/* How ICU's C API reads one numbered argument from the variadic list: as a double
 * (numbers, plurals, dates), as a UChar string (plain {0} and select), or as a
 * pointer it ignores (a number the pattern skips, e.g. {1} in "{0} {2}"). */
enum slot { SLOT_UNUSED, SLOT_DOUBLE, SLOT_TEXT };

typedef struct message {
    char *key;
    char *text; /* the pattern as written in the catalogue, UTF-8 */
    long line;  /* of its trans-unit */
    bg_locale *owner;
    UMessageFormat *fmt; /* opened with owner->format_id */
    int nslots;          /* ICU's argument count: the highest number used, plus one */
    unsigned char slot[MAX_ARGS];
    /* A number given for a text slot is spelled plainly ("25") when the slot feeds a
     * select, so it can match a keyword; otherwise in the locale's style ("1 234"),
     * as ICU itself would format a number given for a plain {0}. */
    unsigned char plain[MAX_ARGS];
} message;

struct bg_locale {
    bg_l10n *l10n;
    bg_locale *root; /* NULL for the root itself */
    char *lang;
    char *path;
    char *format_id;            /* ICU locale for formatting: "uk", "en_GB" */
    xmlHashTablePtr messages;   /* key -> message (owned) */
    xmlHashTablePtr fallbacks;  /* key -> root's message (borrowed), warned at load */
    char **keys;                /* the root's keys in file order (root only) */
    int nkeys;
    UDateFormat *date;
    UCalendar *calendar;
    UNumberFormat *number;
    UListFormatter *list;
};

struct bg_l10n {
    char *dir;
    xmlHashTablePtr locales;    /* lang -> bg_locale, or &load_failed */
    xmlHashTablePtr collators;  /* lang -> UCollator */
    UTransliterator *slugger;  /* Ukrainian 2010 rules */
    UTransliterator *to_ascii; /* everything else, opened only when needed */
};

/* Stands in the locale table for a language whose catalogue failed to load, so the
 * failure is reported once and not again on every later request. */
static char load_failed;

/* ---------------------------------------------------------------------------------
 * Small helpers: strings between UTF-8 and ICU's UTF-16
 */

static void out_of_memory(void) { bg_error(NULL, 0, "out of memory"); }

/* A public function called with a NULL it cannot work with: a bug in the caller, but
 * the header promises that every NULL result has been reported. */
static void bad_call(const char *fn) { bg_error(NULL, 0, "internal error: %s called without its arguments", fn); }

/* 'dir' + "/" + 'name' + 'ext' in a new string (no doubled slash). */
static char *path_join(const char *dir, const char *name, const char *ext) {
    size_t dl = strlen(dir), nl = strlen(name), el = strlen(ext);
    int slash = dl > 0 && dir[dl - 1] != '/';
    char *p = malloc(dl + (size_t)slash + nl + el + 1);
    if (!p)
        return NULL;
    /* The last copy brings ext's NUL. */
    memcpy(p, dir, dl); // NOLINT(bugprone-not-null-terminated-result)
    if (slash)
        p[dl] = '/';
    memcpy(p + dl + (size_t)slash, name, nl); // NOLINT(bugprone-not-null-terminated-result)
    memcpy(p + dl + (size_t)slash + nl, ext, el + 1);
    return p;
}

/* A new NUL-terminated UTF-16 copy of UTF-8 's' (length in *len if 'len' is not NULL).
 * Ill-formed UTF-8 becomes U+FFFD rather than an error.  NULL only when out of memory. */
static UChar *utf16_from(const char *s, int32_t *len) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    if (!s)
        s = "";
    u_strFromUTF8WithSub(NULL, 0, &n, s, -1, 0xFFFD, NULL, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
        return NULL;
    UChar *u = malloc(((size_t)n + 1) * sizeof *u);
    if (!u)
        return NULL;
    st = U_ZERO_ERROR;
    u_strFromUTF8WithSub(u, n + 1, &n, s, -1, 0xFFFD, NULL, &st);
    if (U_FAILURE(st)) {
        free(u);
        return NULL;
    }
    if (len)
        *len = n;
    return u;
}

/* A new malloc'd UTF-8 copy of 'n' UTF-16 units at 'u'; unpaired surrogates become
 * U+FFFD.  NULL (with *st set) on failure. */
static char *utf8_from(const UChar *u, int32_t n, UErrorCode *st) {
    int32_t need = 0;
    UErrorCode pre = U_ZERO_ERROR;
    u_strToUTF8WithSub(NULL, 0, &need, u, n, 0xFFFD, NULL, &pre);
    if (pre != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(pre)) {
        *st = pre;
        return NULL;
    }
    char *s = malloc((size_t)need + 1);
    if (!s) {
        *st = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    u_strToUTF8WithSub(s, need + 1, &need, u, n, 0xFFFD, NULL, st);
    if (U_FAILURE(*st)) {
        free(s);
        return NULL;
    }
    s[need] = '\0';
    return s;
}

/* One ICU call that fills a UTF-16 buffer the ICU way: it returns the full length and
 * sets U_BUFFER_OVERFLOW_ERROR when 'cap' was too small. */
typedef int32_t (*icu_writer)(void *ctx, UChar *buf, int32_t cap, UErrorCode *st);

/* Run 'write' into a stack buffer, once more into a heap buffer of the right size if
 * that was too small, and return the result as a new UTF-8 string.  NULL with *st set
 * on failure; the caller reports it. */
static char *icu_to_utf8(icu_writer write, void *ctx, UErrorCode *st) {
    UChar stack[256];
    UChar *buf = stack;
    int32_t n = write(ctx, buf, (int32_t)(sizeof stack / sizeof *stack), st);
    if (*st == U_BUFFER_OVERFLOW_ERROR) {
        buf = malloc(((size_t)n + 1) * sizeof *buf);
        if (!buf) {
            *st = U_MEMORY_ALLOCATION_ERROR;
            return NULL;
        }
        *st = U_ZERO_ERROR;
        n = write(ctx, buf, n + 1, st);
    }
    UErrorCode conv = U_ZERO_ERROR; /* keeps the writer's warnings in *st */
    char *out = U_FAILURE(*st) ? NULL : utf8_from(buf, n, &conv);
    if (U_FAILURE(conv))
        *st = conv;
    if (buf != stack)
        free(buf);
    return out;
}

/* The number of code points in the first 'bytes' bytes of UTF-8 's', plus one: the
 * "character N" a person counting along the line would arrive at. */
static long char_number(const char *s, size_t bytes) {
    long n = 1;
    for (size_t i = 0; i < bytes && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* ---------------------------------------------------------------------------------
 * MessageFormat scanner
 *
 * ICU parses patterns itself, but its C API hides the result, and we need it: to
 * refuse named arguments ({count} opens fine and prints literally), to know which C
 * type each variadic argument must have, and (for `l10n check`) to list a message's
 * arguments and plural/select keys.  The scanner follows ICU's MessagePattern in
 * its default apostrophe mode: '' is an apostrophe; a single ' quotes literal text
 * only when it comes right before a '{' or '}' (or '#' in a plural, '|' in a
 * choice), so "Знам'янка" keeps its apostrophe.  Run it after umsg_open accepted the
 * pattern; on text ICU rejects it still stops cleanly with an error.
 */

enum arg_kind { ARG_NONE, ARG_SIMPLE, ARG_CHOICE, ARG_PLURAL, ARG_SELECTORDINAL, ARG_SELECT };

/* A stretch of the pattern: byte offset and length. */
typedef struct msg_span {
    size_t at, len;
} msg_span;

/* One argument, in pattern order (an argument inside a plural comes after it). */
typedef struct msg_arg {
    size_t at;          /* byte offset of its '{' */
    msg_span name;      /* the number or name as written */
    int number;         /* {3} -> 3; -1 for a named argument like {count} */
    enum arg_kind kind; /* {0} is ARG_NONE, {0,number} ARG_SIMPLE, … */
    msg_span type;      /* ARG_SIMPLE: "number", "date", "spellout", … */
    msg_span style;     /* ARG_SIMPLE: "integer", "::percent", …; empty if none */
    int first_key;      /* ARG_PLURAL/…/ARG_SELECT: its selectors are */
    int nkeys;          /* keys[first_key] … keys[first_key + nkeys - 1] */
} msg_arg;

typedef struct msg_scan {
    const char *text;
    size_t len;
    msg_arg *args;
    int nargs, args_cap;
    msg_span *keys; /* "one", "few", "=0", "female", … */
    int nkeys, keys_cap;
    const char *error; /* why the pattern could not be read; NULL if it could */
    size_t error_at;
} msg_scan;

static void scan_release(msg_scan *s) {
    free(s->args);
    free(s->keys);
    s->args = NULL;
    s->keys = NULL;
    s->nargs = s->nkeys = s->args_cap = s->keys_cap = 0;
}

static size_t scan_fail(msg_scan *s, size_t at, const char *why) {
    if (!s->error) {
        s->error = why;
        s->error_at = at;
    }
    return s->len;
}

static int is_pattern_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* ICU identifiers end at white space and at ASCII "pattern syntax" (punctuation other
 * than '_'); any non-ASCII byte counts as part of the identifier. */
static int is_ident_byte(char c) {
    unsigned char u = (unsigned char)c;
    if (u >= 0x80)
        return 1;
    return (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u == '_';
}

static size_t skip_space(const msg_scan *s, size_t i) {
    while (i < s->len && is_pattern_space(s->text[i]))
        i++;
    return i;
}

static size_t skip_ident(const msg_scan *s, size_t i) {
    while (i < s->len && is_ident_byte(s->text[i]))
        i++;
    return i;
}

/* Does 'sp' read 'word', ignoring ASCII case and surrounding white space? */
static int span_is(const msg_scan *s, msg_span sp, const char *word) {
    size_t a = sp.at, b = sp.at + sp.len;
    while (a < b && is_pattern_space(s->text[a]))
        a++;
    while (b > a && is_pattern_space(s->text[b - 1]))
        b--;
    size_t wl = strlen(word);
    if (b - a != wl)
        return 0;
    for (size_t k = 0; k < wl; k++) {
        char c = s->text[a + k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[k])
            return 0;
    }
    return 1;
}

static int has_plural_style(enum arg_kind k) { return k == ARG_PLURAL || k == ARG_SELECTORDINAL; }

static size_t scan_arg(msg_scan *s, size_t i, int depth);

/* Scan message text from 'i' up to the end of its (sub-)message: the '}' that closes
 * it (depth > 0), a '|' between choice sub-messages, or the end of the pattern at the
 * top level.  Returns the index of that terminator. */
static size_t scan_text(msg_scan *s, size_t i, int depth, enum arg_kind parent) {
    while (i < s->len && !s->error) {
        char c = s->text[i];
        if (c == '\'') {
            char n = i + 1 < s->len ? s->text[i + 1] : '\0'; // NOLINT(bugprone-narrowing-conversions): both are chars
            if (n == '\'') {
                i += 2;
            } else if (n == '{' || n == '}' || (parent == ARG_CHOICE && n == '|') ||
                       (has_plural_style(parent) && n == '#')) {
                /* Quoted literal text, up to the next single apostrophe ('' inside
                 * stays an apostrophe); unterminated, it runs to the end. */
                i += 2;
                for (;;) {
                    while (i < s->len && s->text[i] != '\'')
                        i++;
                    if (i >= s->len)
                        break;
                    if (i + 1 < s->len && s->text[i + 1] == '\'') {
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
            } else {
                i++;
            }
        } else if (c == '{') {
            i = scan_arg(s, i, depth);
        } else if (depth > 0 && (c == '}' || (parent == ARG_CHOICE && c == '|'))) {
            return i;
        } else {
            i++;
        }
    }
    if (depth > 0)
        return scan_fail(s, s->len, "a sub-message is missing its closing '}'");
    return i;
}

/* The selectors and sub-messages of a plural, selectordinal or select argument, from
 * just after its second comma up to (and returning the index of) its closing '}'. */
static size_t scan_cases(msg_scan *s, size_t i, int depth, enum arg_kind kind, msg_arg *a) {
    int first = 1;
    for (;;) {
        i = skip_space(s, i);
        if (i >= s->len)
            return scan_fail(s, i, "the argument is missing its closing '}'");
        if (s->text[i] == '}')
            return i;
        size_t key_at = i;
        if (has_plural_style(kind) && s->text[i] == '=') {
            i++;
            while (i < s->len && strchr("0123456789.+-eE", s->text[i]))
                i++;
        } else {
            i = skip_ident(s, i);
            if (i == key_at)
                return scan_fail(s, i, "expected a selector such as 'one' or 'other'");
            if (first && kind == ARG_PLURAL && i - key_at == 6 && i < s->len && s->text[i] == ':' &&
                memcmp(s->text + key_at, "offset", 6) == 0) {
                i = skip_space(s, i + 1);
                while (i < s->len && strchr("0123456789.+-eE", s->text[i]))
                    i++;
                first = 0;
                continue;
            }
        }
        first = 0;
        if (s->nkeys == s->keys_cap) {
            int cap = s->keys_cap ? 2 * s->keys_cap : 8;
            msg_span *k = realloc(s->keys, (size_t)cap * sizeof *k);
            if (!k)
                return scan_fail(s, i, "out of memory");
            s->keys = k;
            s->keys_cap = cap;
        }
        s->keys[s->nkeys++] = (msg_span){key_at, i - key_at};
        a->nkeys++;
        i = skip_space(s, i);
        if (i >= s->len || s->text[i] != '{')
            return scan_fail(s, i, "expected '{' after a selector");
        i = scan_text(s, i + 1, depth + 1, kind);
        if (s->error)
            return s->len;
        i++; /* the sub-message's '}' */
    }
}

/* A choice style: sub-messages separated by '|', up to the argument's closing '}'
 * (returned).  The limits ("0#", "1<") are read as text; only nested arguments
 * matter to us. */
static size_t scan_choice(msg_scan *s, size_t i, int depth) {
    for (;;) {
        i = scan_text(s, i, depth + 1, ARG_CHOICE);
        if (s->error)
            return s->len;
        if (s->text[i] == '}')
            return i;
        i++; /* '|' */
    }
}

/* A simple style ("integer", "dd.MM.y", "::currency/UAH") up to the argument's
 * closing '}' (returned): braces nest, and apostrophes quote. */
static size_t scan_style(msg_scan *s, size_t i) {
    int open = 0;
    while (i < s->len) {
        char c = s->text[i];
        if (c == '\'') {
            const char *q = memchr(s->text + i + 1, '\'', s->len - i - 1);
            if (!q)
                return scan_fail(s, i, "unterminated quote in an argument style");
            i = (size_t)(q - s->text) + 1;
        } else if (c == '{') {
            open++;
            i++;
        } else if (c == '}') {
            if (open == 0)
                return i;
            open--;
            i++;
        } else {
            i++;
        }
    }
    return scan_fail(s, i, "the argument is missing its closing '}'");
}

/* One argument starting at the '{' at 'i'; returns the index just past its '}'. */
static size_t scan_arg(msg_scan *s, size_t i, int depth) {
    if (depth >= MAX_NESTING)
        return scan_fail(s, i, "arguments are nested too deeply");
    if (s->nargs == s->args_cap) {
        int cap = s->args_cap ? 2 * s->args_cap : 8;
        msg_arg *a = realloc(s->args, (size_t)cap * sizeof *a);
        if (!a)
            return scan_fail(s, i, "out of memory");
        s->args = a;
        s->args_cap = cap;
    }
    int self = s->nargs++;
    msg_arg a = {.at = i, .number = -1, .kind = ARG_NONE, .first_key = s->nkeys};
    s->args[self] = a; /* complete below, once its cases are read */

    size_t p = skip_space(s, i + 1);
    size_t name_end = skip_ident(s, p);
    if (name_end == p)
        return scan_fail(s, p, "expected an argument number such as {0}");
    a.name = (msg_span){p, name_end - p};
    if (strspn(s->text + p, "0123456789") >= a.name.len) {
        long n = 0;
        for (size_t k = p; k < name_end && n <= INT_MAX / 10 - 1; k++)
            n = n * 10 + (s->text[k] - '0');
        a.number = (int)n;
    }
    p = skip_space(s, name_end);
    if (p < s->len && s->text[p] == ',') {
        size_t t = skip_space(s, p + 1);
        size_t t_end = skip_ident(s, t);
        if (t_end == t)
            return scan_fail(s, t, "expected an argument type such as 'plural' or 'number'");
        a.type = (msg_span){t, t_end - t};
        a.kind = span_is(s, a.type, "plural")          ? ARG_PLURAL
                 : span_is(s, a.type, "selectordinal") ? ARG_SELECTORDINAL
                 : span_is(s, a.type, "select")        ? ARG_SELECT
                 : span_is(s, a.type, "choice")        ? ARG_CHOICE
                                                       : ARG_SIMPLE;
        p = skip_space(s, t_end);
        if (p < s->len && s->text[p] == ',') {
            size_t st = p + 1;
            if (a.kind == ARG_SIMPLE) {
                p = scan_style(s, st);
                a.style = (msg_span){st, p - st};
            } else if (a.kind == ARG_CHOICE) {
                p = scan_choice(s, st, depth);
            } else {
                p = scan_cases(s, st, depth, a.kind, &a);
            }
        } else if (a.kind != ARG_SIMPLE) {
            return scan_fail(s, p, "a plural, select or choice argument needs its cases");
        }
    }
    if (s->error)
        return s->len;
    if (p >= s->len || s->text[p] != '}')
        return scan_fail(s, p, "the argument is missing its closing '}'");
    s->args[self] = a;
    return p + 1;
}

/* Read pattern 'text' into 's' (which the caller later gives to scan_release).
 * Returns 0, or -1 with s->error and s->error_at saying what and where. */
static int scan_message(const char *text, msg_scan *s) {
    memset(s, 0, sizeof *s);
    s->text = text;
    s->len = strlen(text);
    scan_text(s, 0, 0, ARG_NONE);
    return s->error ? -1 : 0;
}

/* ---------------------------------------------------------------------------------
 * Messages
 */

/* ICU's Formattable type for an argument, as MessageFormat::cacheExplicitFormats
 * assigns it; the C API reads each variadic argument with the matching C type. */
enum icu_type { T_OBJECT, T_STRING, T_DOUBLE, T_DATE, T_LONG };

static enum icu_type icu_type_of(const msg_scan *s, const msg_arg *a) {
    switch (a->kind) {
    case ARG_NONE:
    case ARG_SELECT:
        return T_STRING;
    case ARG_CHOICE:
    case ARG_PLURAL:
    case ARG_SELECTORDINAL:
        return T_DOUBLE;
    case ARG_SIMPLE:
        break;
    }
    if (span_is(s, a->type, "date") || span_is(s, a->type, "time"))
        return T_DATE;
    if (span_is(s, a->type, "number") && span_is(s, a->style, "integer"))
        return T_LONG;
    return T_DOUBLE;
}

static void message_free(void *payload, const xmlChar *name) {
    (void)name;
    message *m = payload;
    if (!m)
        return;
    if (m->fmt)
        umsg_close(m->fmt);
    free(m->key);
    free(m->text);
    free(m);
}

/* Words for the errors umsg_open gives on a bad pattern. */
static const char *pattern_error_words(UErrorCode st) {
    switch (st) {
    case U_PATTERN_SYNTAX_ERROR:
        return "syntax error";
    case U_UNMATCHED_BRACES:
        return "unmatched braces";
    case U_ILLEGAL_ARGUMENT_ERROR:
        return "unknown argument type or bad style";
    case U_DEFAULT_KEYWORD_MISSING:
        return "a plural or select has no 'other' case";
    case U_DUPLICATE_KEYWORD:
        return "a plural or select has the same case twice";
    case U_UNDEFINED_KEYWORD:
        return "a plural case is not valid";
    case U_INDEX_OUTOFBOUNDS_ERROR:
        return "argument number out of range";
    case U_UNSUPPORTED_ERROR:
        return "unsupported syntax";
    default:
        return u_errorName(st);
    }
}

/* Say why umsg_open refused 'text' (UTF-16 copy 'upat') and where.  ICU's position
 * counts UTF-16 units; we count characters.  For some errors ICU gives no position
 * (offset 0, no context): then our scanner's finding, or the plural/select without
 * 'other', stands in. */
static void report_pattern_error(const char *path, long line, const char *key, const char *text, const UChar *upat,
                                 UErrorCode st, const UParseError *pe) {
    if (st == U_ARGUMENT_TYPE_MISMATCH) {
        bg_error(path, line,
                 "message '%s' uses one argument both as a number and as text "
                 "(inside a plural, write # for the number, not {0})",
                 key);
        return;
    }
    const char *words = pattern_error_words(st);
    if (pe->offset > 0 || pe->preContext[0]) {
        UErrorCode cst = U_ZERO_ERROR;
        char *before = utf8_from(upat, pe->offset > 0 ? pe->offset : 0, &cst);
        char *near = utf8_from(pe->preContext, -1, &cst);
        bg_error(path, line, "message '%s' is not valid ICU MessageFormat: %s at character %ld (after \"%s\")", key,
                 words, before ? char_number(before, strlen(before)) : (long)pe->offset + 1, near ? near : "");
        free(before);
        free(near);
        return;
    }
    msg_scan s;
    long at = 0;
    if (scan_message(text, &s) != 0) {
        at = char_number(text, s.error_at);
    } else if (st == U_DEFAULT_KEYWORD_MISSING) {
        for (int i = 0; i < s.nargs && !at; i++) {
            const msg_arg *a = &s.args[i];
            int other = 0;
            for (int k = 0; k < a->nkeys; k++)
                other |= span_is(&s, s.keys[a->first_key + k], "other");
            if (a->kind >= ARG_PLURAL && !other)
                at = char_number(text, a->at);
        }
    }
    scan_release(&s);
    if (at)
        bg_error(path, line, "message '%s' is not valid ICU MessageFormat: %s at character %ld", key, words, at);
    else
        bg_error(path, line, "message '%s' is not valid ICU MessageFormat: %s", key, words);
}

/* What pattern_check learns about a pattern ICU accepted: the typed argument slots
 * (see message.slot and message.plain). */
typedef struct pattern_types {
    int nslots;
    enum icu_type type[MAX_ARGS];
    unsigned char plain[MAX_ARGS];
} pattern_types;

/* Open 'text' (message 'key' of file 'path', trans-unit at 'line') with ICU for
 * 'format_id', scan it, and make every check a catalogue load makes: named
 * arguments, too many arguments, {0,number,integer}.  Reports each problem at
 * path:line and returns -1; on success returns 0 with the open format in *fmt (the
 * caller closes it; pass fmt NULL to have it closed here), the scan in *s (the
 * caller releases it with scan_release) and the argument types in *types. */
static int pattern_check(const char *path, long line, const char *key, const char *text, const char *format_id,
                         UMessageFormat **fmt, msg_scan *s, pattern_types *types) {
    memset(s, 0, sizeof *s);
    memset(types, 0, sizeof *types);
    int32_t ulen = 0;
    UChar *upat = utf16_from(text, &ulen);
    if (!upat) {
        out_of_memory();
        return -1;
    }
    UParseError pe;
    memset(&pe, 0, sizeof pe);
    UErrorCode st = U_ZERO_ERROR;
    UMessageFormat *f = umsg_open(upat, ulen, format_id, &pe, &st);
    if (U_FAILURE(st)) {
        report_pattern_error(path, line, key, text, upat, st, &pe);
        free(upat);
        if (f)
            umsg_close(f);
        return -1;
    }
    free(upat);

    int bad = 0;
    if (scan_message(text, s) != 0) {
        bg_error(path, line, "cannot read message '%s': %s at character %ld", key, s->error,
                 char_number(text, s->error_at));
        bad = 1;
    }
    for (int k = 0; k < MAX_ARGS; k++)
        types->type[k] = T_OBJECT;
    for (int i = 0; i < s->nargs && !bad; i++) {
        const msg_arg *a = &s->args[i];
        int nl = (int)a->name.len;
        const char *nm = text + a->name.at;
        if (a->number < 0) {
            bg_error(path, line, "message '%s' uses a named argument {%.*s}; use numbered arguments {0}, {1}, …",
                     key, nl, nm);
            bad = 1;
        } else if (a->number >= MAX_ARGS) {
            bg_error(path, line, "message '%s' uses {%.*s}; at most %d arguments are supported ({0} to {%d})", key,
                     nl, nm, MAX_ARGS, MAX_ARGS - 1);
            bad = 1;
        } else {
            enum icu_type t = icu_type_of(s, a);
            if (t == T_LONG) {
                bg_error(path, line,
                         "message '%s' uses {%.*s,number,integer}, which briefgen cannot pass to ICU; "
                         "write {%.*s,number,::precision-integer}",
                         key, nl, nm, nl, nm);
                bad = 1;
            }
            types->type[a->number] = t; /* ICU too lets the last use decide */
            if (a->kind == ARG_SELECT)
                types->plain[a->number] = 1;
            if (a->number + 1 > types->nslots)
                types->nslots = a->number + 1;
        }
    }
    if (bad) {
        scan_release(s);
        umsg_close(f);
        return -1;
    }
    if (fmt)
        *fmt = f;
    else
        umsg_close(f);
    return 0;
}

/* Open, check and type message 'key' = 'text' (from 'loc''s file, trans-unit at
 * 'line').  Reports every problem with the unit's file and line and returns NULL;
 * otherwise the message, ready to format. */
static message *message_open(bg_locale *loc, const char *key, const char *text, long line) {
    message *m = calloc(1, sizeof *m);
    if (!m || !(m->key = strdup(key)) || !(m->text = strdup(text))) {
        message_free(m, NULL);
        out_of_memory();
        return NULL;
    }
    m->line = line;
    m->owner = loc;

    msg_scan s;
    pattern_types types;
    if (pattern_check(loc->path, line, key, text, loc->format_id, &m->fmt, &s, &types) != 0) {
        message_free(m, NULL);
        return NULL;
    }
    scan_release(&s);
    m->nslots = types.nslots;
    memcpy(m->plain, types.plain, sizeof m->plain);
    for (int k = 0; k < m->nslots; k++)
        m->slot[k] = types.type[k] == T_OBJECT   ? SLOT_UNUSED
                     : types.type[k] == T_STRING ? SLOT_TEXT
                                                 : SLOT_DOUBLE;
    return m;
}

/* ---------------------------------------------------------------------------------
 * Reading a catalogue
 */

static int is_xliff(xmlNodePtr n, const char *name) {
    return n && n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST XLIFF_NS) &&
           xmlStrEqual(n->name, BAD_CAST name);
}

/* One trans-unit as found in the file, before its message is opened. */
typedef struct unit {
    xmlChar *id;
    char *text; /* NULL: untranslated (no <target> in a non-root catalogue) */
    long line;
} unit;

typedef struct unit_list {
    unit *v;
    int n, cap;
} unit_list;

/* The text of <source> or <target> 'el': its text and CDATA, verbatim (white space
 * included).  Inline XLIFF markup (<g>, <x/>, <ph>, …) is refused: our messages are
 * plain MessageFormat.  Returns a new string, or NULL after reporting at 'line' (the
 * trans-unit's). */
static char *message_text(const char *path, long line, xmlNodePtr el, const xmlChar *id) {
    size_t len = 0;
    for (xmlNodePtr c = el->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            bg_error(path, line, "message '%s' contains markup <%s>; write plain text", (const char *)id,
                     (const char *)c->name);
            return NULL;
        }
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            len += strlen((const char *)c->content);
    }
    char *s = malloc(len + 1);
    if (!s) {
        out_of_memory();
        return NULL;
    }
    size_t at = 0;
    for (xmlNodePtr c = el->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            size_t k = strlen((const char *)c->content);
            memcpy(s + at, c->content, k);
            at += k;
        }
    }
    s[at] = '\0';
    return s;
}

/* Collect the trans-units under 'parent' (a <body> or <group>, recursively) into
 * 'units'.  'is_root' picks <source> as the message, else <target>.  Returns the
 * number of problems reported. */
static int collect_units(const char *path, xmlNodePtr parent, int is_root, unit_list *units) {
    int errors = 0;
    for (xmlNodePtr n = parent->children; n; n = n->next) {
        if (is_xliff(n, "group")) {
            errors += collect_units(path, n, is_root, units);
            continue;
        }
        if (!is_xliff(n, "trans-unit"))
            continue;
        long line = xmlGetLineNo(n);
        xmlChar *id = xmlGetNoNsProp(n, BAD_CAST "id");
        if (!id || !id[0]) {
            bg_error(path, line, "trans-unit without an id");
            xmlFree(id);
            errors++;
            continue;
        }
        const char *want = is_root ? "source" : "target";
        xmlNodePtr el = NULL;
        int twice = 0;
        for (xmlNodePtr c = n->children; c; c = c->next) {
            if (is_xliff(c, want)) {
                if (el)
                    twice = 1;
                else
                    el = c;
            }
        }
        char *text = NULL;
        int bad = 0;
        if (twice) {
            bg_error(path, line, "trans-unit '%s' has more than one <%s>", (const char *)id, want);
            bad = 1;
        } else if (!el && is_root) {
            bg_error(path, line, "trans-unit '%s' has no <source>", (const char *)id);
            bad = 1;
        } else if (el) {
            text = message_text(path, line, el, id);
            if (!text)
                bad = 1;
            else if (!is_root && !text[0]) { /* an empty <target/> is untranslated */
                free(text);
                text = NULL;
            }
        }
        if (units->n == units->cap) {
            int cap = units->cap ? 2 * units->cap : 32;
            unit *v = realloc(units->v, (size_t)cap * sizeof *v);
            if (!v) {
                out_of_memory();
                free(text);
                xmlFree(id);
                return errors + 1;
            }
            units->v = v;
            units->cap = cap;
        }
        units->v[units->n++] = (unit){id, text, line};
        errors += bad;
    }
    return errors;
}

static void units_release(unit_list *units) {
    for (int i = 0; i < units->n; i++) {
        xmlFree(units->v[i].id);
        free(units->v[i].text);
    }
    free(units->v);
}

static void locale_free(void *payload, const xmlChar *name) {
    (void)name;
    bg_locale *loc = payload;
    if (!loc || payload == &load_failed)
        return;
    xmlHashFree(loc->messages, message_free);
    xmlHashFree(loc->fallbacks, NULL);
    if (loc->date)
        udat_close(loc->date);
    if (loc->calendar)
        ucal_close(loc->calendar);
    if (loc->number)
        unum_close(loc->number);
    if (loc->list)
        ulistfmt_close(loc->list);
    for (int i = 0; i < loc->nkeys; i++)
        free(loc->keys[i]);
    free(loc->keys);
    free(loc->lang);
    free(loc->path);
    free(loc->format_id);
    free(loc);
}

/* An ICU locale ID as we accept it in locale.format: "uk", "en_GB", "sr_Latn_RS",
 * "de@collation=phonebook". */
static int valid_format_id(const char *s) {
    size_t n = strlen(s);
    if (n == 0 || n >= ULOC_FULLNAME_CAPACITY)
        return 0;
    return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-@=;.") == n;
}

/* Remember the root's key order, for reporting the keys a locale lacks in the
 * order a translator finds them in en.xlf. */
static int record_key(bg_locale *root, const char *key) {
    char **grown = realloc(root->keys, sizeof *grown * (size_t)(root->nkeys + 1));
    if (!grown || !(grown[root->nkeys] = strdup(key))) {
        if (grown)
            root->keys = grown;
        out_of_memory();
        return -1;
    }
    root->keys = grown;
    root->nkeys++;
    return 0;
}

/* Every root message this locale lacks falls back to English.  Say so once, when
 * the locale loads — not when a template first asks for the key, which would make
 * the warning depend on which brief happens to be rendered first (and, with
 * `build -j`, on which thread). */
static void note_fallbacks(bg_locale *loc) {
    for (int i = 0; i < loc->root->nkeys; i++) {
        const char *key = loc->root->keys[i];
        if (xmlHashLookup(loc->messages, BAD_CAST key))
            continue;
        bg_warn(loc->path, 0, "no message '%s' in this locale, using English", key);
        xmlHashAddEntry(loc->fallbacks, BAD_CAST key, xmlHashLookup(loc->root->messages, BAD_CAST key));
    }
}

/* Read, check and open DIR/LANG.xlf.  'root' is the loaded root locale, or NULL when
 * this is the root (whose messages are the <source>s).  Every problem in the file is
 * reported before giving up; returns NULL if there was any. */
/* The languages of the *.xlf files in `dir`, sorted and comma-separated, into
 * `buf` ("en, pl, uk"; "none" when there are none); NULL when `dir` cannot be
 * read. */
static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *locale_names(const char *dir, char *buf, size_t size) {
    char *names[64];
    int n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    for (struct dirent *de; n < 64 && (de = readdir(d)) != NULL;) {
        size_t len = strlen(de->d_name);
        if (len > 4 && de->d_name[0] != '.' && strcmp(de->d_name + len - 4, ".xlf") == 0)
            if ((names[n] = strndup(de->d_name, len - 4)) != NULL)
                n++;
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, compare_names);
    snprintf(buf, size, "%s", n ? "" : "none");
    for (int i = 0; i < n; i++) {
        size_t used = strlen(buf);
        snprintf(buf + used, size - used, "%s%s", i ? ", " : "", names[i]);
        free(names[i]);
    }
    return buf;
}

static bg_locale *locale_load(bg_l10n *l10n, const char *lang, bg_locale *root) {
    bg_locale *loc = calloc(1, sizeof *loc);
    if (!loc || !(loc->lang = strdup(lang)) || !(loc->path = path_join(l10n->dir, lang, ".xlf")) ||
        !(loc->messages = xmlHashCreate(64)) || !(loc->fallbacks = xmlHashCreate(8))) {
        locale_free(loc, NULL);
        out_of_memory();
        return NULL;
    }
    loc->l10n = l10n;
    loc->root = root;
    const char *path = loc->path;

    size_t len = 0;
    char *bytes = NULL;
    mode_t mode = 0;
    bg_file_status got = bg_file_read(path, MAX_CATALOGUE_BYTES, &bytes, &len, &mode);
    char have[256];
    if (got == BG_FILE_CANNOT_OPEN && errno == ENOENT && locale_names(l10n->dir, have, sizeof have)) {
        /* Most often a language asked for (-l, @langs) that has no locale yet. */
        bg_error(path, 0, "no locale file for \"%s\" (this folder has: %s); `briefgen l10n new %s` starts one",
                 lang, have, lang);
        locale_free(loc, NULL);
        return NULL;
    }
    if (got != BG_FILE_OK) {
        if (got == BG_FILE_NOT_REGULAR)
            bg_error(path, 0, "cannot read locale file: not a regular file%s", bg_file_kind(mode));
        else if (got == BG_FILE_TOO_LARGE)
            bg_error(path, 0, "cannot read locale file: %s", strerror(EFBIG));
        else
            bg_error(path, 0, "cannot read locale file: %s", strerror(errno));
        locale_free(loc, NULL);
        return NULL;
    }
    if (len > INT_MAX) {
        bg_error(path, 0, "locale file is too large");
        free(bytes);
        locale_free(loc, NULL);
        return NULL;
    }

    /* The untrusted parse (xmlsafe): no entity substitution, no DTD loading, no network,
     * and a DOCTYPE that declares an entity refused before anything of it is read. */
    int errors = 0;
    bg_xml_opts how = {.name = path,
                       .refusal = "the DOCTYPE declares entities; locale files may not",
                       .flags = BG_XML_REFUSAL_NO_LINE};
    xmlDocPtr doc = bg_xml_parse(bytes, len, &how, &errors);
    free(bytes);
    if (!doc && errors == 0) {
        bg_error(path, 0, "cannot parse locale file");
        errors++;
    }

    xmlNodePtr top = errors == 0 ? xmlDocGetRootElement(doc) : NULL;
    if (errors == 0 && !is_xliff(top, "xliff")) {
        bg_error(path, top ? xmlGetLineNo(top) : 0,
                 "not an XLIFF 1.2 file: the root element should be <xliff xmlns=\"" XLIFF_NS "\">");
        errors++;
    } else if (errors == 0) {
        xmlChar *version = xmlGetNoNsProp(top, BAD_CAST "version");
        if (!version || !xmlStrEqual(version, BAD_CAST "1.2")) {
            bg_error(path, xmlGetLineNo(top), "XLIFF version '%s' is not supported; expected version=\"1.2\"",
                     version ? (const char *)version : "(none)");
            errors++;
        }
        xmlFree(version);
    }

    unit_list units = {NULL, 0, 0};
    int readable = errors == 0;
    if (readable) {
        for (xmlNodePtr f = top->children; f; f = f->next) {
            if (!is_xliff(f, "file"))
                continue;
            for (xmlNodePtr b = f->children; b; b = b->next)
                if (is_xliff(b, "body"))
                    errors += collect_units(path, b, root == NULL, &units);
        }
    }
    xmlFreeDoc(doc);

    /* The formatting locale comes first: every message is opened with it.  (If the
     * file could not be read as XLIFF there is nothing more to say about it.) */
    if (!readable) {
        units_release(&units);
        locale_free(loc, NULL);
        return NULL;
    }
    const unit *fmt_unit = NULL;
    for (int i = 0; i < units.n; i++)
        if (xmlStrEqual(units.v[i].id, BAD_CAST FORMAT_KEY) && units.v[i].text)
            fmt_unit = &units.v[i];
    if (fmt_unit) {
        loc->format_id = bg_trimmed(fmt_unit->text);
        if (loc->format_id && !valid_format_id(loc->format_id)) {
            bg_error(path, fmt_unit->line, "'" FORMAT_KEY "' should be an ICU locale such as uk or en_GB, not '%s'",
                     loc->format_id);
            errors++;
        }
    } else if (!root) {
        bg_error(path, 0, "the root catalogue has no '" FORMAT_KEY "' unit");
        errors++;
        loc->format_id = strdup(lang); /* to check the messages all the same */
    } else {
        bg_warn(path, 0, "no '" FORMAT_KEY "' unit; formatting dates and numbers for '%s'", lang);
        loc->format_id = strdup(lang);
    }
    if (!loc->format_id && errors == 0) {
        out_of_memory();
        errors++;
    }

    /* Open every message now, in file order, so that errors surface at load (with
     * their lines) rather than in the middle of a render. */
    xmlHashTablePtr seen = xmlHashCreate(64);
    for (int i = 0; i < units.n && loc->format_id && seen; i++) {
        const unit *u = &units.v[i];
        const unit *first = xmlHashLookup(seen, u->id);
        if (first) {
            bg_error(path, u->line, "duplicate trans-unit id '%s' (first at line %ld)", (const char *)u->id,
                     first->line);
            errors++;
            continue;
        }
        xmlHashAddEntry(seen, u->id, (void *)u);
        if (!u->text)
            continue;
        message *m = message_open(loc, (const char *)u->id, u->text, u->line);
        if (!m) {
            errors++;
            continue;
        }
        if (xmlHashAddEntry(loc->messages, u->id, m) != 0) {
            message_free(m, NULL);
            out_of_memory();
            errors++;
        } else if (!root && record_key(loc, (const char *)u->id) != 0) {
            errors++;
        }
    }
    if (!seen) {
        out_of_memory();
        errors++;
    }
    xmlHashFree(seen, NULL);
    units_release(&units);
    if (errors) {
        locale_free(loc, NULL);
        return NULL;
    }
    if (root)
        note_fallbacks(loc);
    return loc;
}

/* ---------------------------------------------------------------------------------
 * Public: the set of catalogues
 */

bg_l10n *bg_l10n_new(const char *dir) {
    xmlInitParser();
    bg_l10n *l10n = calloc(1, sizeof *l10n);
    if (!l10n)
        return NULL;
    l10n->dir = strdup(dir ? dir : ".");
    l10n->locales = xmlHashCreate(8);
    l10n->collators = xmlHashCreate(4);
    if (!l10n->dir || !l10n->locales || !l10n->collators) {
        bg_l10n_free(l10n);
        return NULL;
    }
    return l10n;
}

/* Stands in the collator table for a language whose collator could not be opened. */
static char collator_failed;

static void collator_free(void *payload, const xmlChar *name) {
    (void)name;
    if (payload != &collator_failed)
        ucol_close(payload);
}

void bg_l10n_free(bg_l10n *l10n) {
    if (!l10n)
        return;
    xmlHashFree(l10n->locales, locale_free);
    xmlHashFree(l10n->collators, collator_free);
    if (l10n->slugger)
        utrans_close(l10n->slugger);
    if (l10n->to_ascii)
        utrans_close(l10n->to_ascii);
    free(l10n->dir);
    free(l10n);
}

static void load_quietly(void *payload, void *data, const xmlChar *name) {
    (void)payload;
    bg_l10n_locale(data, (const char *)name);
}

bg_l10n *bg_l10n_clone(const bg_l10n *l10n) {
    bg_l10n *copy = bg_l10n_new(l10n->dir);
    if (!copy)
        return NULL;
    /* The original reported every problem of these files when it loaded them. */
    bg_diag_capture quiet;
    bg_diag_capture_begin(&quiet);
    xmlHashScan(l10n->locales, load_quietly, copy);
    bg_diag_capture_end();
    bg_diag_capture_free(&quiet);
    return copy;
}

const char *bg_l10n_dir(const bg_l10n *l10n) { return l10n ? l10n->dir : NULL; }

int bg_l10n_is_lang_tag(const char *s) {
    if (!*s || strlen(s) > 35)
        return 0;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
              *p == '_'))
            return 0;
    return (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z');
}

/* A language tag as it may name a catalogue file: "uk", "en", "pt-BR", "sr_Latn".
 * Anything else (a path, an empty string) is refused before it reaches the disk. */
static int valid_lang(const char *s) {
    size_t i = 0;
    while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))
        i++;
    if (i < 2 || i > 8)
        return 0;
    while (s[i]) {
        if (s[i] != '-' && s[i] != '_')
            return 0;
        size_t k = ++i;
        while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'))
            i++;
        if (i == k || i - k > 8)
            return 0;
    }
    return 1;
}

/* Loading is remembered either way: a catalogue that failed is reported once, and
 * later requests for it return NULL quietly. */
bg_locale *bg_l10n_locale(bg_l10n *l10n, const char *lang) {
    if (!l10n || !lang) {
        bad_call("bg_l10n_locale");
        return NULL;
    }
    if (!valid_lang(lang)) {
        bg_error(NULL, 0, "'%s' is not a language tag such as uk, en or pt-BR", lang);
        return NULL;
    }
    void *known = xmlHashLookup(l10n->locales, BAD_CAST lang);
    if (known)
        return known == &load_failed ? NULL : known;
    bg_locale *root = NULL;
    if (strcmp(lang, ROOT_LANG) != 0) {
        root = bg_l10n_locale(l10n, ROOT_LANG);
        if (!root)
            return NULL; /* reported (once) for the root */
    }
    bg_locale *loc = locale_load(l10n, lang, root);
    if (xmlHashAddEntry(l10n->locales, BAD_CAST lang, loc ? (void *)loc : (void *)&load_failed) != 0) {
        locale_free(loc, NULL);
        out_of_memory();
        return NULL;
    }
    return loc;
}

const char *bg_locale_lang(const bg_locale *loc) { return loc ? loc->lang : NULL; }

/* ---------------------------------------------------------------------------------
 * Public: messages
 */

/* The message for 'key': the locale's own, else the root's with a warning the first
 * time.  The root's message keeps its own format locale (English text, English
 * plural rules and digits).  NULL, reported, when the root lacks it too. */
static message *find_message(bg_locale *loc, const char *key) {
    message *m = xmlHashLookup(loc->messages, BAD_CAST key);
    if (m)
        return m;
    if (!loc->root) {
        bg_error(loc->path, 0, "no message '%s'", key);
        return NULL;
    }
    m = xmlHashLookup(loc->fallbacks, BAD_CAST key);
    if (m)
        return m;
    m = xmlHashLookup(loc->root->messages, BAD_CAST key);
    if (!m) {
        bg_error(loc->root->path, 0, "no message '%s'", key);
        return NULL;
    }
    /* Only a key the root gained after this locale loaded gets here. */
    bg_warn(loc->path, 0, "no message '%s' in this locale, using English", key);
    xmlHashAddEntry(loc->fallbacks, BAD_CAST key, m);
    return m;
}

/* A text argument read as a number: plain decimal such as "25", "-1.5", "1e3",
 * surrounded by optional spaces.  (strtod in the C locale's LC_NUMERIC, which
 * briefgen never changes.)  Returns 0 and sets *out, or -1. */
static int parse_number(const char *s, double *out) {
    if (!s)
        return -1;
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strspn(s, "0123456789+-.eE");
    if (n == 0)
        return -1;
    for (size_t k = n; s[k]; k++)
        if (s[k] != ' ' && s[k] != '\t')
            return -1;
    char *end = NULL;
    double d = strtod(s, &end);
    if (end != s + n || !isfinite(d))
        return -1;
    *out = d;
    return 0;
}

static UNumberFormat *number_format(bg_locale *loc) {
    if (!loc->number) {
        UErrorCode st = U_ZERO_ERROR;
        UNumberFormat *nf = unum_open(UNUM_DECIMAL, NULL, 0, loc->format_id, NULL, &st);
        if (U_FAILURE(st)) {
            if (nf)
                unum_close(nf);
            bg_error(loc->path, 0, "cannot open an ICU number format for '%s': %s", loc->format_id,
                     u_errorName(st));
            return NULL;
        }
        loc->number = nf;
    }
    return loc->number;
}

typedef struct number_call {
    const UNumberFormat *nf;
    double n;
} number_call;

static int32_t write_number(void *ctx, UChar *buf, int32_t cap, UErrorCode *st) {
    const number_call *c = ctx;
    return unum_formatDouble(c->nf, c->n, buf, cap, NULL, st);
}

/* The arguments for one umsg_format call, already in the C types the pattern wants. */
typedef struct format_call {
    const UMessageFormat *fmt;
    unsigned char num[MAX_ARGS]; /* 1: pass d[i] (a double); 0: pass s[i] (a UChar *) */
    double d[MAX_ARGS];
    UChar *s[MAX_ARGS];
} format_call;

/* C cannot build a variadic call at run time, and ICU's C API reads each argument
 * with the type its pattern gives it.  So the preprocessor writes out every
 * combination of "double or string" for the MAX_ARGS positions (2^8 calls), and the
 * branches pick the one that matches c->num.  Positions past the pattern's last
 * argument are passed but never read, which C allows. */
#define FMT_CALL(...) n = umsg_format(c->fmt, buf, cap, st, __VA_ARGS__)
#define FMT_PICK7(...)                                                                                              \
    if (c->num[7]) {                                                                                                \
        FMT_CALL(__VA_ARGS__, c->d[7]);                                                                             \
    } else {                                                                                                        \
        FMT_CALL(__VA_ARGS__, c->s[7]);                                                                             \
    }
#define FMT_PICK6(...)                                                                                              \
    if (c->num[6]) {                                                                                                \
        FMT_PICK7(__VA_ARGS__, c->d[6])                                                                             \
    } else {                                                                                                        \
        FMT_PICK7(__VA_ARGS__, c->s[6])                                                                             \
    }
#define FMT_PICK5(...)                                                                                              \
    if (c->num[5]) {                                                                                                \
        FMT_PICK6(__VA_ARGS__, c->d[5])                                                                             \
    } else {                                                                                                        \
        FMT_PICK6(__VA_ARGS__, c->s[5])                                                                             \
    }
#define FMT_PICK4(...)                                                                                              \
    if (c->num[4]) {                                                                                                \
        FMT_PICK5(__VA_ARGS__, c->d[4])                                                                             \
    } else {                                                                                                        \
        FMT_PICK5(__VA_ARGS__, c->s[4])                                                                             \
    }
#define FMT_PICK3(...)                                                                                              \
    if (c->num[3]) {                                                                                                \
        FMT_PICK4(__VA_ARGS__, c->d[3])                                                                             \
    } else {                                                                                                        \
        FMT_PICK4(__VA_ARGS__, c->s[3])                                                                             \
    }
#define FMT_PICK2(...)                                                                                              \
    if (c->num[2]) {                                                                                                \
        FMT_PICK3(__VA_ARGS__, c->d[2])                                                                             \
    } else {                                                                                                        \
        FMT_PICK3(__VA_ARGS__, c->s[2])                                                                             \
    }
#define FMT_PICK1(...)                                                                                              \
    if (c->num[1]) {                                                                                                \
        FMT_PICK2(__VA_ARGS__, c->d[1])                                                                             \
    } else {                                                                                                        \
        FMT_PICK2(__VA_ARGS__, c->s[1])                                                                             \
    }
#define FMT_PICK0()                                                                                                 \
    if (c->num[0]) {                                                                                                \
        FMT_PICK1(c->d[0])                                                                                          \
    } else {                                                                                                        \
        FMT_PICK1(c->s[0])                                                                                          \
    }

static int32_t write_message(void *ctx, UChar *buf, int32_t cap, UErrorCode *st) {
    const format_call *c = ctx;
    int32_t n = 0;
    FMT_PICK0()
    return n;
}

#undef FMT_CALL
#undef FMT_PICK0
#undef FMT_PICK1
#undef FMT_PICK2
#undef FMT_PICK3
#undef FMT_PICK4
#undef FMT_PICK5
#undef FMT_PICK6
#undef FMT_PICK7

/* Number 'd' as the text of a text argument of message 'm', slot 'i' (see
 * message.plain), in a new UTF-16 string; NULL after reporting. */
static UChar *number_as_text(const message *m, int i, double d) {
    if (m->plain[i]) {
        char tmp[64];
        snprintf(tmp, sizeof tmp, "%.15g", d);
        UChar *u = utf16_from(tmp, NULL);
        if (!u)
            out_of_memory();
        return u;
    }
    UNumberFormat *nf = number_format(m->owner);
    if (!nf)
        return NULL;
    number_call nc = {nf, d};
    UErrorCode st = U_ZERO_ERROR;
    char *s = icu_to_utf8(write_number, &nc, &st);
    if (!s) {
        bg_error(m->owner->path, m->line, "cannot format %g for message '%s': %s", d, m->key, u_errorName(st));
        return NULL;
    }
    UChar *u = utf16_from(s, NULL);
    free(s);
    if (!u)
        out_of_memory();
    return u;
}

/* Each argument is converted to what the pattern reads at its position: a text
 * argument given to a plural becomes a number ("25" -> 25), a number given to a
 * plain {0} becomes text in the locale's digits.  Surplus arguments are ignored (a
 * translation may leave one out); missing ones are an error. */
char *bg_locale_message(bg_locale *loc, const char *key, const bg_arg *args, int nargs) {
    if (!loc || !key) {
        bad_call("bg_locale_message");
        return NULL;
    }
    message *m = find_message(loc, key);
    if (!m)
        return NULL;
    if (!args)
        nargs = 0;
    format_call c;
    memset(&c, 0, sizeof c);
    c.fmt = m->fmt;
    char *out = NULL;
    int ok = 1;
    for (int i = 0; i < m->nslots && ok; i++) {
        if (m->slot[i] == SLOT_UNUSED)
            continue;
        if (i >= nargs) {
            bg_error(m->owner->path, m->line, "message '%s' uses {%d} but was given %d argument%s", m->key, i,
                     nargs, nargs == 1 ? "" : "s");
            ok = 0;
            break;
        }
        const bg_arg *a = &args[i];
        if (m->slot[i] == SLOT_DOUBLE) {
            c.num[i] = 1;
            if (a->kind == BG_ARG_NUMBER) {
                c.d[i] = a->num;
            } else if (parse_number(a->str, &c.d[i]) != 0) {
                bg_error(m->owner->path, m->line, "message '%s' wants a number for {%d}, not '%s'", m->key, i,
                         a->str ? a->str : "");
                ok = 0;
            }
        } else {
            c.s[i] = a->kind == BG_ARG_STRING ? utf16_from(a->str, NULL) : number_as_text(m, i, a->num);
            if (!c.s[i]) {
                if (a->kind == BG_ARG_STRING)
                    out_of_memory();
                ok = 0;
            }
        }
    }
    if (ok) {
        UErrorCode st = U_ZERO_ERROR;
        out = icu_to_utf8(write_message, &c, &st);
        if (!out)
            bg_error(m->owner->path, m->line, "cannot format message '%s': %s", m->key, u_errorName(st));
    }
    for (int i = 0; i < MAX_ARGS; i++)
        free(c.s[i]);
    return out;
}

/* ---------------------------------------------------------------------------------
 * Public: dates, numbers, lists, names
 */

/* The date formatter and a strict Gregorian UTC calendar to turn y-m-d into ICU's
 * milliseconds, both for the locale's format ID with "@calendar=gregorian" (some
 * locales default to another calendar).  Opened once per locale. */
static int open_date(bg_locale *loc) {
    if (loc->date)
        return 0;
    char id[ULOC_FULLNAME_CAPACITY + 32];
    UErrorCode st = U_ZERO_ERROR;
    snprintf(id, sizeof id, "%s", loc->format_id);
    uloc_setKeywordValue("calendar", "gregorian", id, (int32_t)sizeof id, &st);
    UDateFormat *df = U_SUCCESS(st) ? udat_open(UDAT_NONE, UDAT_LONG, id, utc_id, -1, NULL, 0, &st) : NULL;
    UCalendar *cal = U_SUCCESS(st) ? ucal_open(utc_id, -1, id, UCAL_GREGORIAN, &st) : NULL;
    if (U_FAILURE(st)) {
        if (df)
            udat_close(df);
        if (cal)
            ucal_close(cal);
        bg_error(loc->path, 0, "cannot open an ICU date format for '%s': %s", loc->format_id, u_errorName(st));
        return -1;
    }
    ucal_setAttribute(cal, UCAL_LENIENT, 0);
    loc->date = df;
    loc->calendar = cal;
    return 0;
}

typedef struct date_call {
    const UDateFormat *df;
    UDate when;
} date_call;

static int32_t write_date(void *ctx, UChar *buf, int32_t cap, UErrorCode *st) {
    const date_call *c = ctx;
    return udat_format(c->df, c->when, buf, cap, NULL, st);
}

/* The calendar is strict: 2025-02-30 is an error, not 2 March. */
char *bg_locale_date(bg_locale *loc, int year, int month, int day) {
    if (!loc) {
        bad_call("bg_locale_date");
        return NULL;
    }
    if (open_date(loc) != 0)
        return NULL;
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) {
        bg_error(NULL, 0, "%04d-%02d-%02d is not a date", year, month, day);
        return NULL;
    }
    UErrorCode st = U_ZERO_ERROR;
    ucal_clear(loc->calendar);
    ucal_setDate(loc->calendar, year, month - 1, day, &st);
    UDate when = ucal_getMillis(loc->calendar, &st);
    if (U_FAILURE(st)) {
        bg_error(NULL, 0, "%04d-%02d-%02d is not a date", year, month, day);
        return NULL;
    }
    date_call c = {loc->date, when};
    char *s = icu_to_utf8(write_date, &c, &st);
    if (!s)
        bg_error(loc->path, 0, "cannot format the date %04d-%02d-%02d: %s", year, month, day, u_errorName(st));
    return s;
}

/* ICU's default decimal format: grouping, and at most three decimals (rounded). */
char *bg_locale_number(bg_locale *loc, double n) {
    if (!loc) {
        bad_call("bg_locale_number");
        return NULL;
    }
    UNumberFormat *nf = number_format(loc);
    if (!nf)
        return NULL;
    number_call c = {nf, n};
    UErrorCode st = U_ZERO_ERROR;
    char *s = icu_to_utf8(write_number, &c, &st);
    if (!s)
        bg_error(loc->path, 0, "cannot format the number %g: %s", n, u_errorName(st));
    return s;
}

typedef struct list_call {
    const UListFormatter *lf;
    const UChar *const *items;
    const int32_t *lens;
    int n;
} list_call;

static int32_t write_list(void *ctx, UChar *buf, int32_t cap, UErrorCode *st) {
    const list_call *c = ctx;
    return ulistfmt_format(c->lf, c->items, c->lens, c->n, buf, cap, st);
}

/* No items give "", one item itself. */
char *bg_locale_list(bg_locale *loc, const char *const *items, int n) {
    if (!loc || n < 0 || (n > 0 && !items)) {
        bad_call("bg_locale_list");
        return NULL;
    }
    if (!loc->list) {
        UErrorCode st = U_ZERO_ERROR;
        UListFormatter *lf = ulistfmt_openForType(loc->format_id, ULISTFMT_TYPE_AND, ULISTFMT_WIDTH_WIDE, &st);
        if (U_FAILURE(st)) {
            if (lf)
                ulistfmt_close(lf);
            bg_error(loc->path, 0, "cannot open an ICU list format for '%s': %s", loc->format_id, u_errorName(st));
            return NULL;
        }
        loc->list = lf;
    }
    UChar **u = calloc((size_t)n + 1, sizeof *u);
    int32_t *lens = calloc((size_t)n + 1, sizeof *lens);
    char *s = NULL;
    int ok = u && lens;
    for (int i = 0; ok && i < n; i++)
        ok = (u[i] = utf16_from(items[i], &lens[i])) != NULL;
    if (!ok) {
        out_of_memory();
    } else {
        list_call c = {loc->list, (const UChar *const *)u, lens, n};
        UErrorCode st = U_ZERO_ERROR;
        s = icu_to_utf8(write_list, &c, &st);
        if (!s)
            bg_error(loc->path, 0, "cannot format a list: %s", u_errorName(st));
    }
    for (int i = 0; u && i < n; i++)
        free(u[i]);
    free(u);
    free(lens);
    return s;
}

typedef struct name_call {
    const char *code, *in;
} name_call;

static int32_t write_language_name(void *ctx, UChar *buf, int32_t cap, UErrorCode *st) {
    const name_call *c = ctx;
    return uloc_getDisplayLanguage(c->code, c->in, buf, cap, st);
}

/* The name of 'code' in its own language, first letter upper-cased by that
 * language's rules (only the first: "Norsk bokmål").  When ICU has no such name it
 * tries the name in 'loc''s language, and failing that returns 'code' unchanged. */
char *bg_locale_autonym(bg_locale *loc, const char *code) {
    if (!loc || !code) {
        bad_call("bg_locale_autonym");
        return NULL;
    }
    if (!code[0]) {
        bg_error(NULL, 0, "no language code to name");
        return NULL;
    }
    name_call c = {code, code};
    UErrorCode st = U_ZERO_ERROR;
    char *name = icu_to_utf8(write_language_name, &c, &st);
    if (name && st == U_USING_DEFAULT_WARNING) {
        free(name);
        c.in = loc->format_id;
        st = U_ZERO_ERROR;
        name = icu_to_utf8(write_language_name, &c, &st);
        if (name && st == U_USING_DEFAULT_WARNING)
            return name; /* the code itself, as ICU gives it back */
    }
    if (!name) {
        bg_error(NULL, 0, "cannot name the language '%s': %s", code, u_errorName(st));
        return NULL;
    }
    st = U_ZERO_ERROR;
    UCaseMap *cm = ucasemap_open(code, U_TITLECASE_WHOLE_STRING | U_TITLECASE_NO_LOWERCASE, &st);
    int32_t len = (int32_t)strlen(name);
    char *title = NULL;
    if (U_SUCCESS(st)) {
        int32_t need = ucasemap_utf8ToTitle(cm, NULL, 0, name, len, &st);
        if (st == U_BUFFER_OVERFLOW_ERROR && (title = malloc((size_t)need + 1)) != NULL) {
            st = U_ZERO_ERROR;
            ucasemap_utf8ToTitle(cm, title, need + 1, name, len, &st);
        }
    }
    if (cm)
        ucasemap_close(cm);
    if (!title || U_FAILURE(st)) {
        free(title);
        return name; /* uncapitalised is better than nothing */
    }
    free(name);
    return title;
}

/* ---------------------------------------------------------------------------------
 * Public: collation and slugs
 */

/* Collators are cached per language; a language ICU does not know gets the root
 * collator (ICU's own fallback).  If a collator cannot be opened at all, strings are
 * compared bytewise, reported once. */
/* The collator for `lang`, opened on first use; NULL when none can be opened. */
static UCollator *collator_for(bg_l10n *l10n, const char *lang) {
    if (!l10n || !lang)
        return NULL;
    void *coll = xmlHashLookup(l10n->collators, BAD_CAST lang);
    if (!coll) {
        UErrorCode st = U_ZERO_ERROR;
        UCollator *c = ucol_open(lang, &st);
        if (U_SUCCESS(st))
            ucol_setAttribute(c, UCOL_ALTERNATE_HANDLING, UCOL_SHIFTED, &st);
        if (U_FAILURE(st)) {
            bg_error(NULL, 0, "cannot open an ICU collator for '%s': %s", lang, u_errorName(st));
            if (c)
                ucol_close(c);
            c = NULL;
        }
        coll = c ? (void *)c : (void *)&collator_failed;
        if (xmlHashAddEntry(l10n->collators, BAD_CAST lang, coll) != 0) {
            if (c)
                ucol_close(c);
            out_of_memory();
            return NULL;
        }
    }
    return coll == &collator_failed ? NULL : coll;
}

/* Through the sort keys, so that what the sort hook does (a key per value, then
 * strcmp) and what this answers are one mechanism. */
int bg_l10n_collate(bg_l10n *l10n, const char *lang, const char *a, const char *b) {
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    char *ka = bg_l10n_sort_key(l10n, lang, a), *kb = bg_l10n_sort_key(l10n, lang, b);
    int r = ka && kb ? strcmp(ka, kb) : strcmp(a, b);
    free(ka);
    free(kb);
    return (r > 0) - (r < 0);
}

char *bg_l10n_sort_key(bg_l10n *l10n, const char *lang, const char *s) {
    if (!s)
        s = "";
    UCollator *coll = collator_for(l10n, lang);
    char *key = NULL;
    UChar stack[256], *u = stack;
    int32_t ulen = 0;
    UErrorCode st = U_ZERO_ERROR;
    if (coll) {
        u_strFromUTF8WithSub(u, (int32_t)(sizeof stack / sizeof *stack), &ulen, s, -1, 0xFFFD, NULL, &st);
        if (st == U_BUFFER_OVERFLOW_ERROR) {
            st = U_ZERO_ERROR;
            u = malloc(sizeof *u * ((size_t)ulen + 1));
            if (!u)
                goto oom;
            u_strFromUTF8WithSub(u, ulen + 1, &ulen, s, -1, 0xFFFD, NULL, &st);
        }
    }
    if (coll && U_SUCCESS(st)) {
        /* A first guess that fits most names; ucol_getSortKey says how much it
         * needs when it does not, and is asked again. */
        int32_t cap = ulen * 4 + 16;
        if (!(key = malloc((size_t)cap)))
            goto oom;
        int32_t need = ucol_getSortKey(coll, u, ulen, (uint8_t *)key, cap);
        if (need > cap) {
            free(key);
            if (!(key = malloc((size_t)need)))
                goto oom;
            need = ucol_getSortKey(coll, u, ulen, (uint8_t *)key, need);
        }
        if (need <= 0) {
            free(key);
            key = NULL;
        }
    }
    if (u != stack)
        free(u);
    /* No collator: UTF-8 bytes compare in code point order. */
    if (!key && !(key = strdup(s)))
        out_of_memory();
    return key;
oom:
    if (u != stack)
        free(u);
    out_of_memory();
    return NULL;
}

/* Ukrainian by the 2010 national system (Cabinet of Ministers resolution No. 55):
 * є ї й ю я are spelled ye yi y yu ya at the start of a word and ie i i iu ia
 * elsewhere; "start of a word" is "not after a letter", tested on the text already
 * written (a rule anchored with ^ would not compile).  The soft sign and apostrophes
 * vanish, so the letter after an apostrophe takes its in-word spelling, as the
 * resolution's own example has it: Мар'їне -> Marine, Знам'янка -> Znamianka.
 * The text arrives in NFC and lower case (lower_nfc): a "::" step in these rules
 * would make ICU build its whole transliterator registry, about 12 ms. */
static const char slug_rules[] =
    "$L = [[:L:][:M:]] ;\n"
    "$L { є > ie ; є > ye ;\n"
    "$L { ї > i ;  ї > yi ;\n"
    "$L { й > i ;  й > y ;\n"
    "$L { ю > iu ; ю > yu ;\n"
    "$L { я > ia ; я > ya ;\n"
    "зг > zgh ;\n"
    "а > a ; б > b ; в > v ; г > h ; ґ > g ; д > d ; е > e ; ж > zh ; з > z ; и > y ; і > i ;\n"
    "к > k ; л > l ; м > m ; н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ;\n"
    "х > kh ; ц > ts ; ч > ch ; ш > sh ; щ > shch ;\n"
    "[ьъ\\u0027\\u2019\\u02BC] > ;\n";

/* What is left that is not ASCII (other scripts, Latin letters with accents) goes
 * through ICU's Any-Latin, Latin-ASCII and accent removal.  Opening Any-Latin
 * costs tens of milliseconds, so it is opened only for a text that needs it: the
 * Ukrainian and English headings of a brief never do. */
static const char ascii_rules[] =
    ":: Any-Latin ;\n"
    ":: Latin-ASCII ;\n"
    ":: NFD ;\n"
    ":: [:Mn:] Remove ;\n"
    ":: NFC ;\n";

static UTransliterator *open_rules(UTransliterator **slot, const char *text, const char *name) {
    if (*slot)
        // cppcheck-suppress identicalInnerCondition ; returns the cached object, tests nothing
        return *slot;
    UChar id[32];
    u_uastrcpy(id, name);
    int32_t rlen = 0;
    UChar *rules = utf16_from(text, &rlen);
    if (!rules) {
        out_of_memory();
        return NULL;
    }
    UParseError pe;
    memset(&pe, 0, sizeof pe);
    UErrorCode st = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU(id, -1, UTRANS_FORWARD, rules, rlen, &pe, &st);
    free(rules);
    if (U_FAILURE(st)) {
        if (t)
            utrans_close(t);
        bg_error(NULL, 0, "cannot open the %s transliterator: %s (rule line %d, offset %d)", name, u_errorName(st),
                 pe.line, pe.offset);
        return NULL;
    }
    *slot = t;
    return t;
}

/* Replace *text (malloc'd, *len UChars) by its NFC lower-case form. */
static UErrorCode lower_nfc(UChar **text, int32_t *len) {
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    int32_t cap = *len * 2 + 16;
    UChar *norm = malloc((size_t)cap * sizeof *norm), *lower = malloc((size_t)cap * sizeof *lower);
    int32_t n = 0;
    if (!norm || !lower)
        st = U_MEMORY_ALLOCATION_ERROR;
    if (U_SUCCESS(st))
        n = unorm2_normalize(nfc, *text, *len, norm, cap, &st);
    if (U_SUCCESS(st))
        n = u_strToLower(lower, cap, norm, n, "", &st);
    free(norm);
    if (U_FAILURE(st) || n >= cap) {
        free(lower);
        return U_FAILURE(st) ? st : U_BUFFER_OVERFLOW_ERROR;
    }
    free(*text);
    *text = lower;
    *len = n;
    return st;
}

/* Transliterate `len` UChars of `src` with `t` into a new buffer (*out, *n). */
static UErrorCode transliterate(UTransliterator *t, const UChar *src, int32_t len, UChar **out, int32_t *n) {
    /* utrans_transUChars works in place: give it room to grow (щ -> shch), and if
     * that was not enough, start again from the source with the size it asked for. */
    int32_t cap = len * 4 + 16;
    UChar *buf = NULL;
    UErrorCode st = U_ZERO_ERROR;
    for (int attempt = 0; attempt < 2; attempt++) {
        UChar *grown = realloc(buf, (size_t)cap * sizeof *buf);
        if (!grown) {
            st = U_MEMORY_ALLOCATION_ERROR;
            break;
        }
        buf = grown;
        u_memcpy(buf, src, len);
        buf[len] = 0;
        *n = len;
        int32_t limit = len;
        st = U_ZERO_ERROR;
        utrans_transUChars(t, buf, n, cap, 0, &limit, &st);
        if (st != U_BUFFER_OVERFLOW_ERROR && !(U_SUCCESS(st) && *n >= cap))
            break;
        st = U_BUFFER_OVERFLOW_ERROR;
        cap = *n + 1;
    }
    if (U_FAILURE(st)) {
        free(buf);
        buf = NULL;
    }
    *out = buf;
    return st;
}

/* Keep [a-z0-9] (lower-cased), turn every run of anything else into one '-', trim
 * '-' from both ends; "section" if nothing is left.  Writes into a new string. */
static char *ascii_slug(const char *s) {
    size_t n = strlen(s);
    char *out = malloc(n + sizeof "section");
    if (!out)
        return NULL;
    size_t k = 0;
    int gap = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (gap && k > 0)
                out[k++] = '-';
            gap = 0;
            out[k++] = c;
        } else {
            gap = 1;
        }
    }
    if (k == 0) {
        strcpy(out, "section"); // NOLINT(clang-analyzer-security.insecureAPI.strcpy): `out` has room for the text
        return out;
    }
    out[k] = '\0';
    return out;
}

char *bg_l10n_slug(bg_l10n *l10n, const char *text) {
    if (!l10n) {
        bad_call("bg_l10n_slug");
        return NULL;
    }
    UTransliterator *uk = open_rules(&l10n->slugger, slug_rules, "briefgen-slug");
    if (!uk)
        return NULL;
    int32_t len = 0;
    UChar *src = utf16_from(text, &len);
    if (!src) {
        out_of_memory();
        return NULL;
    }
    UChar *buf = NULL;
    int32_t n = 0;
    UErrorCode st = lower_nfc(&src, &len);
    if (U_SUCCESS(st))
        st = transliterate(uk, src, len, &buf, &n);
    free(src);
    int ascii = 1;
    for (int32_t i = 0; U_SUCCESS(st) && i < n; i++)
        ascii &= buf[i] < 0x80;
    if (U_SUCCESS(st) && !ascii) {
        UTransliterator *rest = open_rules(&l10n->to_ascii, ascii_rules, "briefgen-ascii");
        UChar *latin = NULL;
        if (!rest)
            st = U_INTERNAL_TRANSLITERATOR_ERROR;
        else
            st = transliterate(rest, buf, n, &latin, &n);
        free(buf);
        buf = latin;
    }
    char *latin = U_SUCCESS(st) ? utf8_from(buf, n, &st) : NULL;
    free(buf);
    if (!latin) {
        bg_error(NULL, 0, "cannot make a slug: %s", u_errorName(st));
        return NULL;
    }
    char *slug = ascii_slug(latin);
    free(latin);
    if (!slug)
        out_of_memory();
    return slug;
}

/* ---------------------------------------------------------------------------------
 * Public: what `briefgen l10n` asks about messages and languages
 */

static char *span_dup(const msg_scan *s, msg_span sp) {
    char *k = malloc(sp.len + 1);
    if (k) {
        memcpy(k, s->text + sp.at, sp.len);
        k[sp.len] = '\0';
    }
    return k;
}

void bg_msg_shape_free(bg_msg_shape *shape) {
    if (!shape)
        return;
    for (int i = 0; i < shape->nargs; i++)
        bg_l10n_strings_free(shape->args[i].keys);
    free(shape->args);
    free(shape);
}

bg_msg_shape *bg_l10n_message_shape(const char *path, long line, const char *key, const char *text,
                                    const char *format_id) {
    if (!key || !text || !format_id) {
        bad_call("bg_l10n_message_shape");
        return NULL;
    }
    msg_scan s;
    pattern_types types;
    /* A broken locale.format is the catalogue's problem (reported at its unit);
     * ICU reads the message in the root locale meanwhile (see plural_rules). */
    if (!valid_format_id(format_id))
        format_id = "root";
    if (pattern_check(path, line, key, text, format_id, NULL, &s, &types) != 0)
        return NULL;
    bg_msg_shape *shape = calloc(1, sizeof *shape);
    int ok = shape && (shape->args = calloc((size_t)s.nargs + 1, sizeof *shape->args)) != NULL;
    for (int i = 0; ok && i < s.nargs; i++) {
        static const bg_msg_kind kinds[] = {[ARG_NONE] = BG_MSG_PLAIN,     [ARG_SIMPLE] = BG_MSG_SIMPLE,
                                            [ARG_CHOICE] = BG_MSG_CHOICE, [ARG_PLURAL] = BG_MSG_PLURAL,
                                            [ARG_SELECTORDINAL] = BG_MSG_SELECTORDINAL,
                                            [ARG_SELECT] = BG_MSG_SELECT};
        const msg_arg *a = &s.args[i];
        bg_msg_arg *out = &shape->args[shape->nargs++];
        out->number = a->number;
        out->kind = kinds[a->kind];
        out->at = char_number(text, a->at);
        out->keys = calloc((size_t)a->nkeys + 1, sizeof *out->keys);
        ok = out->keys != NULL;
        for (int k = 0; ok && k < a->nkeys; k++)
            ok = (out->keys[out->nkeys++] = span_dup(&s, s.keys[a->first_key + k])) != NULL;
    }
    scan_release(&s);
    if (!ok) {
        bg_msg_shape_free(shape);
        out_of_memory();
        return NULL;
    }
    return shape;
}

void bg_l10n_strings_free(char **strings) {
    for (int i = 0; strings && strings[i]; i++)
        free(strings[i]);
    free(strings);
}

/* CLDR's order of the plural categories, which is how translators learn them. */
static const char *const plural_order[] = {"zero", "one", "two", "few", "many", "other"};

static int plural_rank(const char *k) {
    for (int i = 0; i < 6; i++)
        if (strcmp(k, plural_order[i]) == 0)
            return i;
    return 6;
}

static UPluralRules *plural_rules(const char *locale, int ordinal) {
    /* ICU 72 dereferences a null base name for some IDs that are not locale IDs
     * (a whole sentence from a broken locale.format unit: fuzz/corpus/locale/
     * crash-plural-rules-sentence); never hand it one. */
    if (!valid_format_id(locale)) {
        static _Thread_local char said[128]; /* once, not for cardinals and ordinals both */
        if (strncmp(said, locale, sizeof said - 1) != 0)
            bg_error(NULL, 0, "cannot open ICU's plural rules for '%s': not an ICU locale such as uk or en_GB",
                     locale);
        snprintf(said, sizeof said, "%s", locale);
        return NULL;
    }
    UErrorCode st = U_ZERO_ERROR;
    UPluralRules *r = uplrules_openForType(locale, ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, &st);
    if (U_FAILURE(st)) {
        if (r)
            uplrules_close(r);
        bg_error(NULL, 0, "cannot open ICU's plural rules for '%s': %s", locale, u_errorName(st));
        return NULL;
    }
    return r;
}

char **bg_l10n_plural_categories(const char *locale, int ordinal) {
    if (!locale) {
        bad_call("bg_l10n_plural_categories");
        return NULL;
    }
    UPluralRules *r = plural_rules(locale, ordinal);
    if (!r)
        return NULL;
    UErrorCode st = U_ZERO_ERROR;
    UEnumeration *e = uplrules_getKeywords(r, &st);
    char **v = calloc(8, sizeof *v);
    int n = 0, ok = U_SUCCESS(st) && v;
    const char *k;
    int32_t len;
    while (ok && n < 7 && (k = uenum_next(e, &len, &st)) != NULL && U_SUCCESS(st)) {
        char *copy = strdup(k);
        ok = copy != NULL;
        int at = n++;
        while (ok && at > 0 && plural_rank(v[at - 1]) > plural_rank(copy)) { /* insertion sort */
            v[at] = v[at - 1];
            at--;
        }
        v[at] = copy;
    }
    if (e)
        uenum_close(e);
    uplrules_close(r);
    if (!ok || U_FAILURE(st)) {
        bg_l10n_strings_free(v);
        bg_error(NULL, 0, "cannot read ICU's plural categories for '%s': %s", locale, u_errorName(st));
        return NULL;
    }
    return v;
}

/* 1 when ICU's rules 'r' put 'n' in 'category'. */
static int in_category(const UPluralRules *r, double n, const char *category) {
    UChar buf[16];
    UErrorCode st = U_ZERO_ERROR;
    int32_t len = uplrules_select(r, n, buf, 16, &st);
    if (U_FAILURE(st) || len >= 16)
        return 0;
    char k[16];
    u_UCharsToChars(buf, k, len);
    k[len] = '\0';
    return strcmp(k, category) == 0;
}

/* The integers from 0 to 199 in 'category', as at most four runs ("0, 5–21, 25–31,
 * 35–41, …": the pattern a translator needs to see); when no integer falls in
 * it, fractions or a large round number. */
char *bg_l10n_plural_examples(const char *locale, int ordinal, const char *category) {
    if (!locale || !category) {
        bad_call("bg_l10n_plural_examples");
        return NULL;
    }
    UPluralRules *r = plural_rules(locale, ordinal);
    if (!r)
        return NULL;
    enum { LIMIT = 200, RUNS = 4 };
    char out[160] = "";
    size_t len = 0;
    int found = 0, runs = 0, more = 0;
    for (int n = 0; n < LIMIT && !more; n++) {
        if (!in_category(r, n, category))
            continue;
        int end = n;
        while (end + 1 < LIMIT && in_category(r, end + 1, category))
            end++;
        if (runs == RUNS) {
            more = 1;
        } else if (end + 1 == LIMIT) { /* open-ended: "2, 3, 4, …" */
            for (int k = n; k <= end && k < n + 3; k++)
                len += (size_t)snprintf(out + len, sizeof out - len, "%s%d", found++ ? ", " : "", k);
            more = 1;
        } else if (end - n >= 2) {
            len += (size_t)snprintf(out + len, sizeof out - len, "%s%d–%d", found++ ? ", " : "", n, end);
        } else {
            for (int k = n; k <= end; k++)
                len += (size_t)snprintf(out + len, sizeof out - len, "%s%d", found++ ? ", " : "", k);
        }
        runs++;
        n = end;
    }
    /* Categories no small integer reaches: fractions (Polish "other": 1.5), or
     * large round numbers (French "many": 1000000). */
    static const double rare[] = {0.5, 1.5, 2.5, 1000000};
    int none = found == 0;
    for (size_t i = 0; none && found < 2 && i < sizeof rare / sizeof *rare; i++)
        if (in_category(r, rare[i], category)) {
            len += (size_t)snprintf(out + len, sizeof out - len, rare[i] < 1000 ? "%s%.1f" : "%s%.0f",
                                    found++ ? ", " : "", rare[i]);
            more = 1;
        }
    uplrules_close(r);
    if (more)
        snprintf(out + len, sizeof out - len, "%s…", len ? ", " : "");
    char *copy = strdup(out);
    if (!copy)
        out_of_memory();
    return copy;
}

/* Integers up to 999, fractions and a million: every category of every CLDR
 * language has members among them. */
int bg_l10n_plural_covered(const char *locale, int ordinal, const char *category, const double *values, int n) {
    static const double rare[] = {0.1, 0.5, 1.1, 1.5, 2.5, 10.5, 21.5, 101.5, 1000000};
    if (!locale || !category || (n > 0 && !values)) {
        bad_call("bg_l10n_plural_covered");
        return 0;
    }
    UPluralRules *r = plural_rules(locale, ordinal);
    if (!r)
        return 0;
    int members = 0, covered = 1;
    for (int i = 0; covered && i < 1000 + (int)(sizeof rare / sizeof *rare); i++) {
        double x = i < 1000 ? i : rare[i - 1000];
        if (!in_category(r, x, category))
            continue;
        members++;
        int hit = 0;
        for (int k = 0; k < n && !hit; k++)
            hit = values[k] == x;
        covered = hit;
    }
    uplrules_close(r);
    return members > 0 && covered;
}

static int32_t write_english_name(void *ctx, UChar *buf, int32_t cap, UErrorCode *st) {
    return uloc_getDisplayLanguage(ctx, "en", buf, cap, st);
}

char *bg_l10n_language_name(const char *code, int *known) {
    if (!code || !known) {
        bad_call("bg_l10n_language_name");
        return NULL;
    }
    UErrorCode st = U_ZERO_ERROR;
    char *name = icu_to_utf8(write_english_name, (void *)code, &st);
    *known = name && st != U_USING_DEFAULT_WARNING && strcmp(name, code) != 0;
    if (!*known) {
        free(name);
        name = strdup(code);
    }
    if (!name)
        out_of_memory();
    return name;
}

/* The language subtag of a locale ID or language tag, lower case, into 'buf'. */
static void language_of(const char *id, char *buf, int32_t size) {
    char canon[ULOC_FULLNAME_CAPACITY];
    UErrorCode st = U_ZERO_ERROR;
    uloc_forLanguageTag(id, canon, (int32_t)sizeof canon, NULL, &st);
    if (U_FAILURE(st) || !canon[0]) {
        st = U_ZERO_ERROR;
        snprintf(canon, sizeof canon, "%s", id);
    }
    uloc_getLanguage(canon, buf, size, &st);
    if (U_FAILURE(st))
        buf[0] = '\0';
}

int bg_l10n_same_language(const char *a, const char *b) {
    char la[ULOC_LANG_CAPACITY], lb[ULOC_LANG_CAPACITY];
    if (!a || !b)
        return 0;
    language_of(a, la, (int32_t)sizeof la);
    language_of(b, lb, (int32_t)sizeof lb);
    return la[0] && strcmp(la, lb) == 0;
}

/* The final marks of UTF-16 text 'u' (length 'n'): the run of punctuation it ends
 * with, after white space and MessageFormat's closing braces ("." in "{0} votes.",
 * "”" in "network “{1}”}}"), as [*from, *to); an empty run when it ends otherwise. */
static void final_marks(const UChar *u, int32_t n, int32_t *from, int32_t *to) {
    UChar32 c;
    int32_t at = n;
    while (at > 0) {
        int32_t before = at;
        U16_PREV(u, 0, before, c);
        if (!u_isUWhiteSpace(c) && c != '}')
            break;
        at = before;
    }
    *to = at;
    while (at > 0) {
        int32_t before = at;
        U16_PREV(u, 0, before, c);
        if (!u_ispunct(c) || c == '}' || c == '{')
            break;
        at = before;
    }
    *from = at;
}

/* Marks 'u'[from, to) as UTF-8 into 'buf': as written, or (compare set) in the
 * form two languages' marks are compared in — compatibility-normalised ("…" is
 * "..."), every quotation mark a '"'. */
static void marks_utf8(const UChar *u, int32_t from, int32_t to, int compare, char *buf, size_t size) {
    UChar norm[64], *m = (UChar *)u + from;
    int32_t len = to - from;
    UErrorCode st = U_ZERO_ERROR;
    if (compare && len > 0 && len < 16) {
        const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&st);
        int32_t n = U_SUCCESS(st) ? unorm2_normalize(nfkc, m, len, norm, 64, &st) : 0;
        if (U_SUCCESS(st)) {
            for (int32_t i = 0; i < n; i++)
                if (u_hasBinaryProperty(norm[i], UCHAR_QUOTATION_MARK))
                    norm[i] = '"';
            m = norm;
            len = n;
        }
        st = U_ZERO_ERROR;
    }
    if (size == 0)
        return;
    u_strToUTF8(buf, (int32_t)size, NULL, m, len, &st);
    if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
        buf[0] = '\0';
}

/* 1 when UTF-16 text 'u' is one word: no white space between its first and last
 * character.  A one-word text's final mark is an abbreviation's ("No.", "Fig."),
 * which another language may well write without one ("№"). */
static int one_word(const UChar *u, int32_t n) {
    int32_t i = 0;
    UChar32 c;
    while (i < n) { /* leading white space */
        int32_t at = i;
        U16_NEXT(u, i, n, c);
        if (!u_isUWhiteSpace(c)) {
            i = at;
            break;
        }
    }
    int gap = 0;
    while (i < n) {
        U16_NEXT(u, i, n, c);
        if (u_isUWhiteSpace(c))
            gap = 1;
        else if (gap)
            return 0;
    }
    return 1;
}

int bg_l10n_compare_edges(const char *source, const char *target, char *source_mark, char *target_mark,
                          size_t size) {
    int32_t ns = 0, nt = 0;
    UChar *us = utf16_from(source, &ns), *ut = utf16_from(target, &nt);
    int diff = 0;
    if (source_mark && size)
        source_mark[0] = '\0';
    if (target_mark && size)
        target_mark[0] = '\0';
    if (us && ut) {
        UChar32 a = 0, b = 0;
        int32_t i = 0;
        if (ns > 0)
            U16_NEXT(us, i, ns, a);
        i = 0;
        if (nt > 0)
            U16_NEXT(ut, i, nt, b);
        if ((ns > 0 && u_isUWhiteSpace(a)) != (nt > 0 && u_isUWhiteSpace(b)))
            diff |= BG_EDGE_LEADING_SPACE | (nt > 0 && u_isUWhiteSpace(b) ? BG_EDGE_TARGET_LEADS : 0);
        i = ns;
        if (ns > 0)
            U16_PREV(us, 0, i, a);
        i = nt;
        if (nt > 0)
            U16_PREV(ut, 0, i, b);
        if ((ns > 0 && u_isUWhiteSpace(a)) != (nt > 0 && u_isUWhiteSpace(b)))
            diff |= BG_EDGE_TRAILING_SPACE | (nt > 0 && u_isUWhiteSpace(b) ? BG_EDGE_TARGET_TRAILS : 0);
        int32_t fs, ts, ft, tt;
        final_marks(us, ns, &fs, &ts);
        final_marks(ut, nt, &ft, &tt);
        char ks[64], kt[64];
        marks_utf8(us, fs, ts, 1, ks, sizeof ks);
        marks_utf8(ut, ft, tt, 1, kt, sizeof kt);
        if (strcmp(ks, kt) != 0 && !one_word(us, ns))
            diff |= BG_EDGE_FINAL_MARK;
        if (source_mark)
            marks_utf8(us, fs, ts, 0, source_mark, size);
        if (target_mark)
            marks_utf8(ut, ft, tt, 0, target_mark, size);
    } else {
        out_of_memory();
    }
    free(us);
    free(ut);
    return diff;
}
