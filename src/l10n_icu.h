/* l10n_icu — private to the l10n files (l10n*.c); no other module includes it.
 * Strings between UTF-8 and ICU's UTF-16, the one way of reading a string out of an
 * ICU call that fills a buffer, the check of an ICU locale ID, and the two reports
 * the l10n files share (out of memory, a bad call).
 *
 * Memory rule: every `char *` and `UChar *` returned is a new malloc'd string the
 * caller frees with free().
 * Failure: the string functions report nothing (NULL, with *st when they take one:
 * the caller knows what it was formatting and says so); l10n_out_of_memory and
 * l10n_bad_call are the reports.
 * Threads: no state; any thread.
 */
#ifndef BG_L10N_ICU_H
#define BG_L10N_ICU_H

#include <stdint.h>

#include <unicode/utypes.h>

/* Report "out of memory" (with no file: the caller's callers only see NULL). */
void l10n_out_of_memory(void);
/* Report that public function `fn` was called with a NULL it cannot work with: a bug
 * in the caller, but l10n.h promises that every NULL result has been reported. */
void l10n_bad_call(const char *fn);

/* A new NUL-terminated UTF-16 copy of UTF-8 `s` (NULL reads as ""), its length in
 * *len if `len` is not NULL.  Ill-formed UTF-8 becomes U+FFFD rather than an error.
 * NULL only when out of memory. */
UChar *l10n_utf16_from(const char *s, int32_t *len);
/* A new UTF-8 copy of `n` UTF-16 units at `u` (n -1: up to a NUL); unpaired
 * surrogates become U+FFFD.  NULL with *st set on failure. */
char *l10n_utf8_from(const UChar *u, int32_t n, UErrorCode *st);

/* One ICU call that fills a UTF-16 buffer the ICU way: it returns the full length and
 * sets U_BUFFER_OVERFLOW_ERROR when `cap` was too small. */
typedef int32_t (*l10n_icu_writer)(void *ctx, UChar *buf, int32_t cap, UErrorCode *st);
/* Run `write` into a stack buffer, once more into a heap buffer of the right size if
 * that was too small, and return the result as a new UTF-8 string.  NULL with *st set
 * on failure; the caller reports it.  ICU's warnings stay in *st
 * (U_USING_DEFAULT_WARNING tells a name ICU made up). */
char *l10n_icu_to_utf8(l10n_icu_writer write, void *ctx, UErrorCode *st);

/* 1 when `s` is an ICU locale ID as we accept it in locale.format: "uk", "en_GB",
 * "sr_Latn_RS", "de@collation=phonebook".  ICU itself must never be handed anything
 * else (see plural_rules in l10n_query.c). */
int l10n_valid_format_id(const char *s);

#endif
