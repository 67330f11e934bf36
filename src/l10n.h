/* l10n — locale catalogues (XLIFF 1.2 read with libxml2) and everything ICU:
 * MessageFormat with CLDR plurals, dates, numbers, lists, collation, slugs.
 * Knows nothing of XSLT.
 *
 * Memory rule: a bg_l10n owns every bg_locale it hands out; they live until
 * bg_l10n_free().  Functions returning `char *` return a malloc'd UTF-8 string the
 * caller frees with free(); NULL means failure, already reported through diag.
 * bg_l10n_free(NULL) does nothing.
 *
 * Locale files: DIR/LANG.xlf.  `en.xlf` is the root: every key exists there, and a
 * key missing from another locale falls back to English with one warning per key.
 * Expensive ICU objects (message formats, date/number/list formatters, collators,
 * the transliterator) are opened on first use and cached.
 */
#ifndef BG_L10N_H
#define BG_L10N_H

typedef struct bg_l10n bg_l10n;
typedef struct bg_locale bg_locale;

/* One MessageFormat argument: a number (for plural/number formatting) or text. */
typedef struct bg_arg {
    enum { BG_ARG_NUMBER, BG_ARG_STRING } kind;
    double num;
    const char *str; /* UTF-8, borrowed */
} bg_arg;

/* A set of catalogues read from `dir` (the folder holding *.xlf).  Nothing is read
 * until a locale is asked for.  Never NULL except on out-of-memory. */
bg_l10n *bg_l10n_new(const char *dir);
void bg_l10n_free(bg_l10n *l10n);
/* A new set for another thread (ICU formatters belong to one thread): it loads
 * the catalogues `l10n` has loaded, silently, since `l10n` already reported their
 * problems.  Freed with bg_l10n_free. */
bg_l10n *bg_l10n_clone(const bg_l10n *l10n);
const char *bg_l10n_dir(const bg_l10n *l10n);

/* The locale for language tag `lang` ("uk", "en", "pl"), loading DIR/LANG.xlf and
 * the root en.xlf on first use.  NULL (with an error naming the file and line) when
 * the file is missing, not well-formed or not XLIFF 1.2 as we use it, or holds a
 * message ICU cannot parse. */
bg_locale *bg_l10n_locale(bg_l10n *l10n, const char *lang);

const char *bg_locale_lang(const bg_locale *loc);

/* Format message `key` with `nargs` numbered arguments ({0}, {1}, …).
 * A key missing from this locale falls back to the root (warned when the locale
 * loads);
 * a key missing from the root too is an error (returns NULL). */
char *bg_locale_message(bg_locale *loc, const char *key, const bg_arg *args, int nargs);

/* Long-style date for an ISO calendar date: uk "14 березня 2025 р.",
 * en "14 March 2025" (the locale file names the ICU formatting locale, en_GB). */
char *bg_locale_date(bg_locale *loc, int year, int month, int day);
/* Locale number: uk "1 234 567,5" (no-break spaces), en "1,234,567.5". */
char *bg_locale_number(bg_locale *loc, double n);
/* "A, B and C" with ICU's list formatter ("and" list, wide). */
char *bg_locale_list(bg_locale *loc, const char *const *items, int n);
/* The name of language `code` in that language, capitalised: "Українська", "English". */
char *bg_locale_autonym(bg_locale *loc, const char *code);

/* Compare two UTF-8 strings with the ICU collator for language `lang` (opened once
 * per language and cached in `l10n`).  Returns <0, 0, >0.  Ignores punctuation such
 * as the apostrophe (alternate handling "shifted"). */
int bg_l10n_collate(bg_l10n *l10n, const char *lang, const char *a, const char *b);

/* An ASCII anchor slug: Ukrainian transliterated by the official 2010 system
 * (Cabinet of Ministers resolution No. 55), other scripts by ICU Any-Latin, then
 * Latin-ASCII, lower case, runs of non-alphanumerics become one '-':
 * "Громадська участь" -> "hromadska-uchast", "Запоріжжя" -> "zaporizhzhia". */
char *bg_l10n_slug(bg_l10n *l10n, const char *text);

#endif
