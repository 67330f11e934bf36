/* l10n_message — a catalogue's messages: each opened with ICU when its locale loads
 * (l10n_message_open), found with the root's as fallback, and formatted with its
 * arguments (bg_locale_message).  See l10n_impl.h and l10n.h.
 */
#include "l10n.h"
#include "l10n_icu.h"
#include "l10n_impl.h"

#include "diag.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/umsg.h>
#include <unicode/unum.h>

struct l10n_message {
    char *key;
    char *text; /* the pattern as written in the catalogue, UTF-8 */
    long line;  /* of its trans-unit */
    bg_locale *owner;
    /* From l10n_pattern_open (see l10n_pattern): */
    UMessageFormat *fmt; /* opened with owner->format_id */
    int nslots;
    unsigned char slot[L10N_MAX_ARGS];
    unsigned char plain[L10N_MAX_ARGS];
};

void l10n_message_free(void *payload, const xmlChar *name) {
    (void)name;
    l10n_message *m = payload;
    if (!m)
        return;
    if (m->fmt)
        umsg_close(m->fmt);
    free(m->key);
    free(m->text);
    free(m);
}

l10n_message *l10n_message_open(bg_locale *loc, const char *key, const char *text, long line) {
    l10n_message *m = calloc(1, sizeof *m);
    if (!m || !(m->key = strdup(key)) || !(m->text = strdup(text))) {
        l10n_message_free(m, NULL);
        l10n_out_of_memory();
        return NULL;
    }
    m->line = line;
    m->owner = loc;

    l10n_pattern p;
    if (l10n_pattern_open(loc->path, line, key, text, loc->format_id, &p) != 0) {
        l10n_message_free(m, NULL);
        return NULL;
    }
    m->fmt = p.fmt;
    m->nslots = p.nslots;
    memcpy(m->slot, p.slot, sizeof m->slot);
    memcpy(m->plain, p.plain, sizeof m->plain);
    return m;
}

/* ---------------------------------------------------------------------------------
 * Public: messages
 */

/* The message for 'key': the locale's own, else the root's with a warning the first
 * time.  The root's message keeps its own format locale (English text, English
 * plural rules and digits).  NULL, reported, when the root lacks it too. */
static l10n_message *find_message(bg_locale *loc, const char *key) {
    l10n_message *m = xmlHashLookup(loc->messages, BAD_CAST key);
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

/* The arguments for one umsg_format call, already in the C types the pattern wants. */
typedef struct format_call {
    const UMessageFormat *fmt;
    unsigned char num[L10N_MAX_ARGS]; /* 1: pass d[i] (a double); 0: pass s[i] (a UChar *) */
    double d[L10N_MAX_ARGS];
    UChar *s[L10N_MAX_ARGS];
} format_call;

/* C cannot build a variadic call at run time, and ICU's C API reads each argument
 * with the type its pattern gives it.  So the preprocessor writes out every
 * combination of "double or string" for the L10N_MAX_ARGS positions (2^8 calls),
 * and the branches pick the one that matches c->num.  Positions past the pattern's
 * last argument are passed but never read, which C allows. */
#define FMT_CALL(...) n = umsg_format(c->fmt, buf, cap, st, __VA_ARGS__)
#define FMT_PICK7(...)                                                                                                 \
    if (c->num[7]) {                                                                                                   \
        FMT_CALL(__VA_ARGS__, c->d[7]);                                                                                \
    } else {                                                                                                           \
        FMT_CALL(__VA_ARGS__, c->s[7]);                                                                                \
    }
#define FMT_PICK6(...)                                                                                                 \
    if (c->num[6]) {                                                                                                   \
        FMT_PICK7(__VA_ARGS__, c->d[6])                                                                                \
    } else {                                                                                                           \
        FMT_PICK7(__VA_ARGS__, c->s[6])                                                                                \
    }
#define FMT_PICK5(...)                                                                                                 \
    if (c->num[5]) {                                                                                                   \
        FMT_PICK6(__VA_ARGS__, c->d[5])                                                                                \
    } else {                                                                                                           \
        FMT_PICK6(__VA_ARGS__, c->s[5])                                                                                \
    }
#define FMT_PICK4(...)                                                                                                 \
    if (c->num[4]) {                                                                                                   \
        FMT_PICK5(__VA_ARGS__, c->d[4])                                                                                \
    } else {                                                                                                           \
        FMT_PICK5(__VA_ARGS__, c->s[4])                                                                                \
    }
#define FMT_PICK3(...)                                                                                                 \
    if (c->num[3]) {                                                                                                   \
        FMT_PICK4(__VA_ARGS__, c->d[3])                                                                                \
    } else {                                                                                                           \
        FMT_PICK4(__VA_ARGS__, c->s[3])                                                                                \
    }
#define FMT_PICK2(...)                                                                                                 \
    if (c->num[2]) {                                                                                                   \
        FMT_PICK3(__VA_ARGS__, c->d[2])                                                                                \
    } else {                                                                                                           \
        FMT_PICK3(__VA_ARGS__, c->s[2])                                                                                \
    }
#define FMT_PICK1(...)                                                                                                 \
    if (c->num[1]) {                                                                                                   \
        FMT_PICK2(__VA_ARGS__, c->d[1])                                                                                \
    } else {                                                                                                           \
        FMT_PICK2(__VA_ARGS__, c->s[1])                                                                                \
    }
#define FMT_PICK0()                                                                                                    \
    if (c->num[0]) {                                                                                                   \
        FMT_PICK1(c->d[0])                                                                                             \
    } else {                                                                                                           \
        FMT_PICK1(c->s[0])                                                                                             \
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
static UChar *number_as_text(const l10n_message *m, int i, double d) {
    if (m->plain[i]) {
        char tmp[64];
        snprintf(tmp, sizeof tmp, "%.15g", d);
        UChar *u = l10n_utf16_from(tmp, NULL);
        if (!u)
            l10n_out_of_memory();
        return u;
    }
    UNumberFormat *nf = l10n_number_format(m->owner);
    if (!nf)
        return NULL;
    UErrorCode st = U_ZERO_ERROR;
    char *s = l10n_number_utf8(nf, d, &st);
    if (!s) {
        bg_error(m->owner->path, m->line, "cannot format %g for message '%s': %s", d, m->key, u_errorName(st));
        return NULL;
    }
    UChar *u = l10n_utf16_from(s, NULL);
    free(s);
    if (!u)
        l10n_out_of_memory();
    return u;
}

/* Each argument is converted to what the pattern reads at its position: a text
 * argument given to a plural becomes a number ("25" -> 25), a number given to a
 * plain {0} becomes text in the locale's digits.  Surplus arguments are ignored (a
 * translation may leave one out); missing ones are an error. */
char *bg_locale_message(bg_locale *loc, const char *key, const bg_arg *args, int nargs) {
    if (!loc || !key) {
        l10n_bad_call("bg_locale_message");
        return NULL;
    }
    l10n_message *m = find_message(loc, key);
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
        if (m->slot[i] == L10N_SLOT_UNUSED)
            continue;
        if (i >= nargs) {
            bg_error(m->owner->path, m->line, "message '%s' uses {%d} but was given %d argument%s", m->key, i, nargs,
                     nargs == 1 ? "" : "s");
            ok = 0;
            break;
        }
        const bg_arg *a = &args[i];
        if (m->slot[i] == L10N_SLOT_DOUBLE) {
            c.num[i] = 1;
            if (a->kind == BG_ARG_NUMBER) {
                c.d[i] = a->num;
            } else if (parse_number(a->str, &c.d[i]) != 0) {
                bg_error(m->owner->path, m->line, "message '%s' wants a number for {%d}, not '%s'", m->key, i,
                         a->str ? a->str : "");
                ok = 0;
            }
        } else {
            c.s[i] = a->kind == BG_ARG_STRING ? l10n_utf16_from(a->str, NULL) : number_as_text(m, i, a->num);
            if (!c.s[i]) {
                if (a->kind == BG_ARG_STRING)
                    l10n_out_of_memory();
                ok = 0;
            }
        }
    }
    if (ok) {
        UErrorCode st = U_ZERO_ERROR;
        out = l10n_icu_to_utf8(write_message, &c, &st);
        if (!out)
            bg_error(m->owner->path, m->line, "cannot format message '%s': %s", m->key, u_errorName(st));
    }
    for (int i = 0; i < L10N_MAX_ARGS; i++)
        free(c.s[i]);
    return out;
}
