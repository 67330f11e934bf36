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

#include <stddef.h>

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

/* 1 when `s` is a plausible BCP 47 language tag (letters, digits, '-', '_'), so it can
 * name a locale file without leaving the locale folder. */
int bg_l10n_is_lang_tag(const char *s);

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
/* The ICU sort key of UTF-8 string `s` for the collator of `lang`: a NUL-terminated
 * byte string (free() it); bg_l10n_collate is strcmp() of two keys.  NULL only when
 * out of memory.  A sort computes each key once instead of collating at every
 * comparison. */
char *bg_l10n_sort_key(bg_l10n *l10n, const char *lang, const char *s);

/* An ASCII anchor slug: Ukrainian transliterated by the official 2010 system
 * (Cabinet of Ministers resolution No. 55), other scripts by ICU Any-Latin, then
 * Latin-ASCII, lower case, runs of non-alphanumerics become one '-':
 * "Громадська участь" -> "hromadska-uchast", "Запоріжжя" -> "zaporizhzhia". */
char *bg_l10n_slug(bg_l10n *l10n, const char *text);

/* ---- What `briefgen l10n` asks about messages and languages ------------------------
 * The catalogue tools (check, sync, new) judge messages by what ICU says about them;
 * these functions put that behind plain C types.  Strings they return are malloc'd
 * and freed by the caller (arrays with bg_l10n_strings_free). */

/* The kinds of argument in a MessageFormat pattern. */
typedef enum bg_msg_kind {
    BG_MSG_PLAIN,         /* {0} */
    BG_MSG_SIMPLE,        /* {0,number}, {0,date,long}, … */
    BG_MSG_CHOICE,        /* {0,choice,…} */
    BG_MSG_PLURAL,        /* {0,plural,…} */
    BG_MSG_SELECTORDINAL, /* {0,selectordinal,…} */
    BG_MSG_SELECT         /* {0,select,…} */
} bg_msg_kind;

/* One argument of a message, in pattern order (one nested in a plural comes after
 * it).  `keys` are the selectors of a plural or select as written ("one", "=0",
 * "female"; not "offset:1"), NULL-terminated; empty for the other kinds. */
typedef struct bg_msg_arg {
    int number; /* {3} -> 3 */
    bg_msg_kind kind;
    long at; /* the character (counted from 1) where its '{' stands */
    char **keys;
    int nkeys;
} bg_msg_arg;

typedef struct bg_msg_shape {
    bg_msg_arg *args;
    int nargs;
} bg_msg_shape;

/* Read `text` as message `key` of file `path` (its trans-unit at `line`) the way a
 * catalogue load does, with ICU for the locale `format_id` ("uk", "en_GB"), and
 * return its arguments.  Every problem the load would report is reported, with the
 * same words, and NULL returned.  Free the result with bg_msg_shape_free. */
bg_msg_shape *bg_l10n_message_shape(const char *path, long line, const char *key, const char *text,
                                    const char *format_id);
void bg_msg_shape_free(bg_msg_shape *shape);

/* The CLDR plural categories ICU's rules give `locale` — cardinal, or ordinal when
 * `ordinal` is set — in CLDR order (zero one two few many other): "pl" gives one,
 * few, many, other; "en" one, other.  NULL-terminated; NULL on failure (reported). */
char **bg_l10n_plural_categories(const char *locale, int ordinal);
/* Numbers that fall in `category` for `locale`, for a translator to read:
 * "2, 3, 4, 22, 23, 24, …"; a category only fractions reach gives "0.5, 1.5, …". */
char *bg_l10n_plural_examples(const char *locale, int ordinal, const char *category);
/* 1 when the `n` explicit values of a plural ("=1 {…}" is 1) take every number
 * ICU's rules put in `category`, so it needs no case of its own: English "one" is
 * only 1, which "=1" covers; Ukrainian "one" is also 21, 31, …, which it does not. */
int bg_l10n_plural_covered(const char *locale, int ordinal, const char *category, const double *values, int n);
void bg_l10n_strings_free(char **strings);

/* The English name of language `code` ("pl" -> "Polish").  When ICU knows no such
 * language, a copy of `code` and *known = 0. */
char *bg_l10n_language_name(const char *code, int *known);
/* 1 when ICU locale IDs or language tags `a` and `b` name the same language
 * ("en_GB" and "en"; "pl" and "pl-PL"). */
int bg_l10n_same_language(const char *a, const char *b);

/* How a translation's edges differ from its source's, judged by ICU's character
 * properties: white space at the start, at the end, and the final punctuation mark
 * (a MessageFormat pattern's closing braces are looked through: in "{0, plural, …
 * {# votes}}." the mark is the "." ).  Full stops, colons, question marks and so on
 * must match (after compatibility normalisation, so "…" equals "..."); any closing
 * quotation mark matches any other (“ ” and « »).  The final mark of a one-word
 * text is an abbreviation's ("No."), never compared.  Returns a mask of the BG_EDGE_*
 * bits; `source_mark` and `target_mark` (each `size` bytes) receive the final marks
 * as UTF-8, "" for none. */
enum {
    BG_EDGE_LEADING_SPACE = 1,  /* one starts with white space, the other not */
    BG_EDGE_TRAILING_SPACE = 2, /* one ends with white space, the other not */
    BG_EDGE_FINAL_MARK = 4,     /* the final marks differ */
    BG_EDGE_TARGET_LEADS = 8,   /* (with LEADING_SPACE) it is the target that starts with it */
    BG_EDGE_TARGET_TRAILS = 16  /* (with TRAILING_SPACE) it is the target that ends with it */
};
int bg_l10n_compare_edges(const char *source, const char *target, char *source_mark, char *target_mark,
                          size_t size);

#endif
