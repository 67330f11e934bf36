/* oblast — municipality/@oblast, a closed list: the ISO 3166-2:UA codes of
 * Ukraine's 24 oblasts, the Autonomous Republic of Crimea (UA-43) and the cities of
 * Kyiv (UA-30) and Sevastopol (UA-40).  Their names in each language are the
 * locale files' (oblast.UA-NN); a brief writes only the code.
 *
 * The check of a brief's values lives here rather than in brief.c: for a wrong
 * value it suggests the code whose name in some locale file matches ("Zhytomyrska"
 * → UA-18), comparing the two through ICU's transliteration (bg_l10n_slug), and
 * brief knows nothing of ICU (docs/architecture.md).  The pipeline calls it after
 * the brief's own checks, with the locale folder it renders from.
 *
 * Memory rule: nothing to free; the strings returned are static.
 *
 * Threads: any thread; bg_oblast_check opens a set of catalogues of its own (only
 * when a value is wrong) and frees it before it returns; bg_oblast_suggest uses the
 * caller's `l10n` on the caller's thread.
 *
 * Failure: every wrong value is reported through diag at the brief's file and the
 * municipality's line; what loading the locale files for a suggestion says is not
 * (a locale that cannot be loaded gives no names).
 */
#ifndef BG_OBLAST_H
#define BG_OBLAST_H

#include "brief.h"
#include "l10n.h"

/* The codes, in numeric order. */
#define BG_OBLAST_COUNT 27
extern const char *const bg_oblast_codes[BG_OBLAST_COUNT];

/* 1 when `s` is one of bg_oblast_codes, exactly ("UA-18"; not "ua-18"). */
int bg_oblast_is_code(const char *s);

/* Check every municipality/@oblast of `b` (its tree must be there): one that is not
 * a code is an error at the municipality's line, suggesting the code whose name
 * matches in any locale file of the folder `locales`.  Returns the number of errors
 * reported. */
int bg_oblast_check(const bg_brief *b, const char *locales);

/* The codes whose name in any of the `nlocales` locales of `l10n` matches `value`,
 * case, script and the words "oblast", "область", "city of" … and adjective endings
 * ("-ska", "-ська") aside: up to `max` of them into `out`, in code order.  Returns
 * how many. */
int bg_oblast_suggest(bg_l10n *l10n, const char *const *locales, int nlocales, const char *value, const char **out,
                      int max);

#endif
