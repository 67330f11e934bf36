/* l10n — locale catalogues (XLIFF 1.2, read through xlf) and everything ICU:
 * MessageFormat with CLDR plurals, dates, numbers, lists, collation, slugs, and what
 * the catalogue tools ask about messages and languages.  Knows nothing of XSLT.
 * (The module's files and private state: l10n_impl.h.)
 *
 * Memory rule: a bg_l10n owns every bg_locale it hands out; they live until
 * bg_l10n_free().  Functions returning `char *` return a malloc'd UTF-8 string the
 * caller frees with free(); string arrays go back with bg_l10n_strings_free, shapes
 * with bg_msg_shape_free.  Every *_free(NULL) does nothing.
 *
 * Failure: NULL (or the value a function names below) means failure, already
 * reported through diag — "path:line: error: …" when a catalogue line is to blame —
 * except where a function says "not reported".  Warnings (a key that falls back to
 * English) are reported once, when the locale loads.
 *
 * Threads: a bg_l10n, its locales and every ICU object cached in them belong to one
 * thread at a time: ICU formatters are not safe to share while formatting, and the
 * caches fill lazily without locks.  A thread that formats in parallel takes its own
 * set from bg_l10n_clone.  The functions marked "any thread" hold no shared state and
 * may be called from any thread at any time.
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

/* A set of catalogues read from `dir` (the folder holding *.xlf; NULL is ".").
 * Nothing is read until a locale is asked for.  The caller owns it (bg_l10n_free),
 * and the calling thread uses it.  NULL only when out of memory (not reported). */
bg_l10n *bg_l10n_new(const char *dir);
/* Frees the set, its locales and everything cached in them; on its own thread. */
void bg_l10n_free(bg_l10n *l10n);
/* A new set for another thread (ICU formatters belong to one thread): it loads
 * the catalogues `l10n` has loaded, silently, since `l10n` already reported their
 * problems.  The caller owns it (bg_l10n_free) and may hand it to another thread.
 * Call it on any thread — several may clone one set at once — while no thread
 * uses `l10n` otherwise: it only reads which languages `l10n` has loaded.  NULL
 * only when out of memory (not reported). */
bg_l10n *bg_l10n_clone(const bg_l10n *l10n);
/* The folder the set reads, borrowed from `l10n`; NULL for l10n NULL. */
const char *bg_l10n_dir(const bg_l10n *l10n);

/* 1 when `s` is a plausible BCP 47 language tag (letters, digits, '-', '_'), so it can
 * name a locale file without leaving the locale folder.  Any thread. */
int bg_l10n_is_lang_tag(const char *s);

/* The locale for language tag `lang` ("uk", "en", "pl"), loading DIR/LANG.xlf and
 * the root en.xlf on first use; it belongs to `l10n` (borrowed until bg_l10n_free)
 * and to `l10n`'s thread, as do all the bg_locale_* calls on it.  NULL (with an error
 * naming the file and line) when `lang` is no language tag, or the file is missing,
 * not well-formed or not XLIFF 1.2 as we use it, or holds a message ICU cannot
 * parse; a load that failed is remembered, and later requests return NULL quietly. */
bg_locale *bg_l10n_locale(bg_l10n *l10n, const char *lang);

/* The locale's language tag, borrowed from `loc`; NULL for loc NULL. */
const char *bg_locale_lang(const bg_locale *loc);

/* Format message `key` with `nargs` numbered arguments ({0}, {1}, …), into a new
 * string.  A key missing from this locale falls back to the root (warned when the
 * locale loads); a key missing from the root too, an argument missing or not a
 * number where the pattern wants one, are errors (reported, NULL). */
char *bg_locale_message(bg_locale *loc, const char *key, const bg_arg *args, int nargs);

/* ---- Dates, numbers, lists, names: new strings; NULL when ICU cannot open or run
 * the formatter, or the input is no date or no language code (reported). ---- */

/* Long-style date for an ISO calendar date: uk "14 березня 2025 р.",
 * en "14 March 2025" (the locale file names the ICU formatting locale, en_GB).
 * The calendar is strict: 2025-02-30 is an error. */
char *bg_locale_date(bg_locale *loc, int year, int month, int day);
/* Locale number: uk "1 234 567,5" (no-break spaces), en "1,234,567.5". */
char *bg_locale_number(bg_locale *loc, double n);
/* "A, B and C" with ICU's list formatter ("and" list, wide). */
char *bg_locale_list(bg_locale *loc, const char *const *items, int n);
/* The name of language `code` in that language, capitalised: "Українська", "English". */
char *bg_locale_autonym(bg_locale *loc, const char *code);

/* ---- Sorting and anchors: on `l10n`'s thread (collators and transliterators are
 * cached in it). ---- */

/* Compare two UTF-8 strings with the ICU collator for language `lang` (opened once
 * per language and cached in `l10n`).  Returns <0, 0, >0.  Ignores punctuation such
 * as the apostrophe (alternate handling "shifted").  A collator that cannot be
 * opened is reported once; strings then compare bytewise (code point order). */
int bg_l10n_collate(bg_l10n *l10n, const char *lang, const char *a, const char *b);
/* The ICU sort key of UTF-8 string `s` for the collator of `lang`: a NUL-terminated
 * byte string (free() it); bg_l10n_collate is strcmp() of two keys.  Without a
 * collator, a copy of `s`.  NULL only when out of memory (reported).  A sort
 * computes each key once instead of collating at every comparison. */
char *bg_l10n_sort_key(bg_l10n *l10n, const char *lang, const char *s);

/* An ASCII anchor slug: Ukrainian transliterated by the official 2010 system
 * (Cabinet of Ministers resolution No. 55), other scripts by ICU Any-Latin, then
 * Latin-ASCII, lower case, runs of non-alphanumerics become one '-':
 * "Громадська участь" -> "hromadska-uchast", "Запоріжжя" -> "zaporizhzhia"; a text
 * with nothing left gives "section".  A new string; NULL when a transliterator
 * cannot be opened or run (reported). */
char *bg_l10n_slug(bg_l10n *l10n, const char *text);

/* ---- What `briefgen l10n` asks about messages and languages ------------------------
 * The catalogue tools (check, sync, new) judge messages by what ICU says about them;
 * these functions put that behind plain C types.  Strings they return are malloc'd
 * and freed by the caller (arrays with bg_l10n_strings_free).  None of them uses a
 * bg_l10n: each opens what ICU objects it needs and closes them, so every one of
 * them may be called from any thread. */

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
 * catalogue load does, with ICU for the locale `format_id` ("uk", "en_GB"; one that
 * is not an ICU locale ID reads as "root"), and return its arguments.  Every problem
 * the load would report is reported, with the same words, and NULL returned.  The
 * caller owns the result: free it with bg_msg_shape_free (NULL-safe). */
bg_msg_shape *bg_l10n_message_shape(const char *path, long line, const char *key, const char *text,
                                    const char *format_id);
void bg_msg_shape_free(bg_msg_shape *shape);

/* The CLDR plural categories ICU's rules give `locale` — cardinal, or ordinal when
 * `ordinal` is set — in CLDR order (zero one two few many other): "pl" gives one,
 * few, many, other; "en" one, other.  NULL-terminated; NULL on failure (reported). */
char **bg_l10n_plural_categories(const char *locale, int ordinal);
/* Numbers that fall in `category` for `locale`, for a translator to read:
 * "2, 3, 4, 22, 23, 24, …"; a category only fractions reach gives "0.5, 1.5, …".
 * A new string ("" when no number falls in it); NULL on failure (reported). */
char *bg_l10n_plural_examples(const char *locale, int ordinal, const char *category);
/* 1 when the `n` explicit values of a plural ("=1 {…}" is 1) take every number
 * ICU's rules put in `category`, so it needs no case of its own: English "one" is
 * only 1, which "=1" covers; Ukrainian "one" is also 21, 31, …, which it does not.
 * 0 too when the rules cannot be opened (reported). */
int bg_l10n_plural_covered(const char *locale, int ordinal, const char *category, const double *values, int n);
/* Frees a NULL-terminated array of strings and the strings (NULL-safe). */
void bg_l10n_strings_free(char **strings);

/* The English name of language `code` ("pl" -> "Polish"), a new string, *known = 1.
 * When ICU knows no such language, a copy of `code` and *known = 0.  NULL only when
 * out of memory (reported). */
char *bg_l10n_language_name(const char *code, int *known);
/* The decimal and grouping separators of language `lang`'s numbers from CLDR
 * through ICU ("uk": "," and U+00A0; "en": "." and ","), as UTF-8 into `decimal`
 * and `group` (each `size` bytes, owned by the caller).  For reading numbers as a
 * language writes them (xlang.c).  0, or -1 when ICU cannot open the locale's
 * number format (the separators are then "." and ","; not reported). */
int bg_l10n_number_symbols(const char *lang, char *decimal, char *group, size_t size);
/* 1 when ICU locale IDs or language tags `a` and `b` name the same language
 * ("en_GB" and "en"; "pl" and "pl-PL"); 0 otherwise and when either is NULL. */
int bg_l10n_same_language(const char *a, const char *b);

/* How a translation's edges differ from its source's, judged by ICU's character
 * properties: white space at the start, at the end, and the final punctuation mark
 * (a MessageFormat pattern's closing braces are looked through: in "{0, plural, …
 * {# votes}}." the mark is the "." ).  Full stops, colons, question marks and so on
 * must match (after compatibility normalisation, so "…" equals "..."); any closing
 * quotation mark matches any other (“ ” and « »).  The final mark of a one-word
 * text is an abbreviation's ("No."), never compared.  Returns a mask of the BG_EDGE_*
 * bits; `source_mark` and `target_mark` (each `size` bytes, owned by the caller; NULL
 * when not wanted) receive the final marks as UTF-8, "" for none.  Out of memory
 * (reported), it returns 0 with the marks "". */
enum {
    BG_EDGE_LEADING_SPACE = 1,  /* one starts with white space, the other not */
    BG_EDGE_TRAILING_SPACE = 2, /* one ends with white space, the other not */
    BG_EDGE_FINAL_MARK = 4,     /* the final marks differ */
    BG_EDGE_TARGET_LEADS = 8,   /* (with LEADING_SPACE) it is the target that starts with it */
    BG_EDGE_TARGET_TRAILS = 16  /* (with TRAILING_SPACE) it is the target that ends with it */
};
int bg_l10n_compare_edges(const char *source, const char *target, char *source_mark, char *target_mark, size_t size);

#endif
