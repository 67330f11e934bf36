/* l10n_format — dates, numbers, lists and language names in a locale's style, with
 * ICU formatters opened on first use and cached in the bg_locale.  See l10n.h.
 */
#include "l10n.h"
#include "l10n_icu.h"
#include "l10n_impl.h"

#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ucasemap.h>
#include <unicode/udat.h>
#include <unicode/ulistformatter.h>
#include <unicode/uloc.h>
#include <unicode/unum.h>

static const UChar utc_id[] = {'U', 'T', 'C', 0};

/* Opened once per locale. */
UNumberFormat *l10n_number_format(bg_locale *loc) {
    if (!loc->number) {
        UErrorCode st = U_ZERO_ERROR;
        UNumberFormat *nf = unum_open(UNUM_DECIMAL, NULL, 0, loc->format_id, NULL, &st);
        if (U_FAILURE(st)) {
            if (nf)
                unum_close(nf);
            bg_error(loc->path, 0, "cannot open an ICU number format for '%s': %s", loc->format_id, u_errorName(st));
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

char *l10n_number_utf8(const UNumberFormat *nf, double n, UErrorCode *st) {
    number_call c = {nf, n};
    return l10n_icu_to_utf8(write_number, &c, st);
}

void l10n_locale_close_formatters(bg_locale *loc) {
    if (loc->date)
        udat_close(loc->date);
    if (loc->calendar)
        ucal_close(loc->calendar);
    if (loc->number)
        unum_close(loc->number);
    if (loc->list)
        ulistfmt_close(loc->list);
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
        l10n_bad_call("bg_locale_date");
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
    char *s = l10n_icu_to_utf8(write_date, &c, &st);
    if (!s)
        bg_error(loc->path, 0, "cannot format the date %04d-%02d-%02d: %s", year, month, day, u_errorName(st));
    return s;
}

/* ICU's default decimal format: grouping, and at most three decimals (rounded). */
char *bg_locale_number(bg_locale *loc, double n) {
    if (!loc) {
        l10n_bad_call("bg_locale_number");
        return NULL;
    }
    UNumberFormat *nf = l10n_number_format(loc);
    if (!nf)
        return NULL;
    UErrorCode st = U_ZERO_ERROR;
    char *s = l10n_number_utf8(nf, n, &st);
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
        l10n_bad_call("bg_locale_list");
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
        ok = (u[i] = l10n_utf16_from(items[i], &lens[i])) != NULL;
    if (!ok) {
        l10n_out_of_memory();
    } else {
        list_call c = {loc->list, (const UChar *const *)u, lens, n};
        UErrorCode st = U_ZERO_ERROR;
        s = l10n_icu_to_utf8(write_list, &c, &st);
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
        l10n_bad_call("bg_locale_autonym");
        return NULL;
    }
    if (!code[0]) {
        bg_error(NULL, 0, "no language code to name");
        return NULL;
    }
    name_call c = {code, code};
    UErrorCode st = U_ZERO_ERROR;
    char *name = l10n_icu_to_utf8(write_language_name, &c, &st);
    if (name && st == U_USING_DEFAULT_WARNING) {
        free(name);
        c.in = loc->format_id;
        st = U_ZERO_ERROR;
        name = l10n_icu_to_utf8(write_language_name, &c, &st);
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
