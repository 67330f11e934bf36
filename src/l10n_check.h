/* l10n_check — `briefgen l10n check`: the locale files judged against the root
 * (en.xlf) the way a translation platform judges them, with ICU deciding every
 * question about a language (plural categories, characters).  See
 * docs/translating.md for what each message means to a translator.
 */
#ifndef BG_L10N_CHECK_H
#define BG_L10N_CHECK_H

/* Check the root DIR/en.xlf, then DIR/LANG.xlf for each of the `n` languages in
 * `langs` — every *.xlf in DIR when n is 0.  Each problem is reported once as
 * "DIR/LANG.xlf:LINE: error|warning: …" at its trans-unit.  Returns 0 when there
 * was no error (warnings allowed), -1 otherwise. */
int bg_l10n_check(const char *dir, const char *const *langs, int n);

/* The languages of the .xlf files in DIR other than the root, sorted, in a NULL-terminated
 * malloc'd array (free with bg_l10n_strings_free from l10n.h).  NULL when DIR
 * cannot be read (reported). */
char **bg_l10n_locale_files(const char *dir);

#endif
