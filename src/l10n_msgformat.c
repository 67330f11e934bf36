/* l10n_msgformat — ICU MessageFormat patterns as the catalogues use them: a scanner
 * that reads a pattern's arguments, the checks a catalogue load makes on each
 * message (l10n_pattern_open) and the shape `l10n check` compares
 * (bg_l10n_message_shape).  See l10n_impl.h and l10n.h.
 */
#include "l10n.h"
#include "l10n_icu.h"
#include "l10n_impl.h"

#include "diag.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/umsg.h>

/* Sub-messages nested deeper than this are refused rather than recursed into. */
#define MAX_NESTING 32

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
 * Checks
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
        char *before = l10n_utf8_from(upat, pe->offset > 0 ? pe->offset : 0, &cst);
        char *near = l10n_utf8_from(pe->preContext, -1, &cst);
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
 * (l10n_pattern_open makes them an l10n_pattern's slot and plain). */
typedef struct pattern_types {
    int nslots;
    enum icu_type type[L10N_MAX_ARGS];
    unsigned char plain[L10N_MAX_ARGS];
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
    UChar *upat = l10n_utf16_from(text, &ulen);
    if (!upat) {
        l10n_out_of_memory();
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
    for (int k = 0; k < L10N_MAX_ARGS; k++)
        types->type[k] = T_OBJECT;
    for (int i = 0; i < s->nargs && !bad; i++) {
        const msg_arg *a = &s->args[i];
        int nl = (int)a->name.len;
        const char *nm = text + a->name.at;
        if (a->number < 0) {
            bg_error(path, line, "message '%s' uses a named argument {%.*s}; use numbered arguments {0}, {1}, …", key,
                     nl, nm);
            bad = 1;
        } else if (a->number >= L10N_MAX_ARGS) {
            bg_error(path, line, "message '%s' uses {%.*s}; at most %d arguments are supported ({0} to {%d})", key, nl,
                     nm, L10N_MAX_ARGS, L10N_MAX_ARGS - 1);
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

int l10n_pattern_open(const char *path, long line, const char *key, const char *text, const char *format_id,
                      l10n_pattern *p) {
    msg_scan s;
    pattern_types types;
    memset(p, 0, sizeof *p);
    if (pattern_check(path, line, key, text, format_id, &p->fmt, &s, &types) != 0)
        return -1;
    scan_release(&s);
    p->nslots = types.nslots;
    memcpy(p->plain, types.plain, sizeof p->plain);
    for (int k = 0; k < p->nslots; k++)
        p->slot[k] = types.type[k] == T_OBJECT   ? L10N_SLOT_UNUSED
                     : types.type[k] == T_STRING ? L10N_SLOT_TEXT
                                                 : L10N_SLOT_DOUBLE;
    return 0;
}

/* ---------------------------------------------------------------------------------
 * Public: the shape of a message
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
        l10n_bad_call("bg_l10n_message_shape");
        return NULL;
    }
    msg_scan s;
    pattern_types types;
    /* A broken locale.format is the catalogue's problem (reported at its unit);
     * ICU reads the message in the root locale meanwhile (see plural_rules). */
    if (!l10n_valid_format_id(format_id))
        format_id = "root";
    if (pattern_check(path, line, key, text, format_id, NULL, &s, &types) != 0)
        return NULL;
    bg_msg_shape *shape = calloc(1, sizeof *shape);
    int ok = shape && (shape->args = calloc((size_t)s.nargs + 1, sizeof *shape->args)) != NULL;
    for (int i = 0; ok && i < s.nargs; i++) {
        static const bg_msg_kind kinds[] = {[ARG_NONE] = BG_MSG_PLAIN,
                                            [ARG_SIMPLE] = BG_MSG_SIMPLE,
                                            [ARG_CHOICE] = BG_MSG_CHOICE,
                                            [ARG_PLURAL] = BG_MSG_PLURAL,
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
        l10n_out_of_memory();
        return NULL;
    }
    return shape;
}
