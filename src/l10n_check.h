/* l10n_check — `briefgen l10n check`: the locale files judged against the root
 * (en.xlf) the way a translation platform judges them, with ICU deciding every
 * question about a language (plural categories, characters).  See
 * docs/translating.md for what each message means to a translator.
 *
 * Failure: every problem is reported once through diag; a check goes on after a
 * problem, so a translator sees them all in one run.  Its result is whether an
 * error was said during the call (the calling thread's count of errors), since
 * the checks themselves return nothing.
 *
 * Threads: no state of its own; every catalogue and ICU object is opened and
 * closed inside the call.
 */
#ifndef BG_L10N_CHECK_H
#define BG_L10N_CHECK_H

/* Check the root DIR/en.xlf, then DIR/LANG.xlf for each of the `n` languages in
 * `langs` — every *.xlf in DIR when n is 0; "en" among `langs` is skipped, the
 * root being checked anyway.  Each problem is reported once as
 * "DIR/LANG.xlf:LINE: error|warning: …" at its trans-unit.  Returns 0 when there
 * was no error (warnings allowed; `l10n` takes no --strict), -1 otherwise — also
 * when the root cannot be read, and then nothing else is checked. */
int bg_l10n_check(const char *dir, const char *const *langs, int n);

/* The languages of the .xlf files in DIR other than the root, sorted (bytewise, so
 * the order never depends on the environment), in a NULL-terminated malloc'd
 * array (free with bg_l10n_strings_free from l10n.h).  A name that is not a
 * language tag, or starts with a dot, is not a language.  NULL when DIR cannot be
 * read or out of memory (reported). */
char **bg_l10n_locale_files(const char *dir);

#endif
