/* l10n_query — what `briefgen l10n` asks ICU about languages and texts: plural
 * categories with examples and coverage, language names, whether two tags name one
 * language, and how a translation's edges differ from its source's.  No catalogue
 * state: each call stands alone.  See l10n.h.
 */
#include "l10n.h"
#include "l10n_icu.h"

#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>

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
    if (!l10n_valid_format_id(locale)) {
        static _Thread_local char said[128]; /* once, not for cardinals and ordinals both */
        if (strncmp(said, locale, sizeof said - 1) != 0)
            bg_error(NULL, 0, "cannot open ICU's plural rules for '%s': not an ICU locale such as uk or en_GB", locale);
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
        l10n_bad_call("bg_l10n_plural_categories");
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
        l10n_bad_call("bg_l10n_plural_examples");
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
        l10n_out_of_memory();
    return copy;
}

/* Integers up to 999, fractions and a million: every category of every CLDR
 * language has members among them. */
int bg_l10n_plural_covered(const char *locale, int ordinal, const char *category, const double *values, int n) {
    static const double rare[] = {0.1, 0.5, 1.1, 1.5, 2.5, 10.5, 21.5, 101.5, 1000000};
    if (!locale || !category || (n > 0 && !values)) {
        l10n_bad_call("bg_l10n_plural_covered");
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
        l10n_bad_call("bg_l10n_language_name");
        return NULL;
    }
    UErrorCode st = U_ZERO_ERROR;
    char *name = l10n_icu_to_utf8(write_english_name, (void *)code, &st);
    *known = name && st != U_USING_DEFAULT_WARNING && strcmp(name, code) != 0;
    if (!*known) {
        free(name);
        name = strdup(code);
    }
    if (!name)
        l10n_out_of_memory();
    return name;
}

int bg_l10n_number_symbols(const char *lang, char *decimal, char *group, size_t size) {
    snprintf(decimal, size, ".");
    snprintf(group, size, ",");
    char canon[ULOC_FULLNAME_CAPACITY];
    UErrorCode st = U_ZERO_ERROR;
    uloc_forLanguageTag(lang ? lang : "", canon, (int32_t)sizeof canon, NULL, &st);
    if (U_FAILURE(st))
        return -1;
    UNumberFormat *nf = unum_open(UNUM_DECIMAL, NULL, 0, canon, NULL, &st);
    const UNumberFormatSymbol which[2] = {UNUM_DECIMAL_SEPARATOR_SYMBOL, UNUM_GROUPING_SEPARATOR_SYMBOL};
    char *out[2] = {decimal, group};
    for (int i = 0; i < 2 && U_SUCCESS(st); i++) {
        UChar sym[8];
        int32_t n = unum_getSymbol(nf, which[i], sym, 8, &st);
        char utf8[32];
        int32_t len = 0;
        if (U_SUCCESS(st) && n > 0 && n < 8)
            u_strToUTF8(utf8, (int32_t)sizeof utf8, &len, sym, n, &st);
        if (U_SUCCESS(st) && len > 0 && (size_t)len < size)
            snprintf(out[i], size, "%.*s", (int)len, utf8);
    }
    unum_close(nf);
    return U_SUCCESS(st) ? 0 : -1;
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

int bg_l10n_compare_edges(const char *source, const char *target, char *source_mark, char *target_mark, size_t size) {
    int32_t ns = 0, nt = 0;
    UChar *us = l10n_utf16_from(source, &ns), *ut = l10n_utf16_from(target, &nt);
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
        l10n_out_of_memory();
    }
    free(us);
    free(ut);
    return diff;
}
