/* l10n_status — `briefgen l10n status`: how much of each brief is translated into
 * each of its languages, and where the gaps are, as text for people or JSON for
 * dashboards.
 */
#ifndef BG_L10N_STATUS_H
#define BG_L10N_STATUS_H

#include "schema.h"

#include <stdio.h>

typedef enum bg_status_format { BG_STATUS_TEXT, BG_STATUS_JSON } bg_status_format;

/* Load and validate each of the `n` briefs in `paths`, and write to `out`, for each
 * language of its @langs, how many of its language units have text in it, the
 * percentage (rounded down, so only a complete translation says 100%), and each
 * unit without it as FILE:LINE: <p> in "Findings › Water" has no "en" text.
 * `min` (0–100, or -1 for none): a language below it is an error.
 * Returns 0, or -1 when a brief could not be read or a language is below `min`. */
int bg_l10n_status(const char *const *paths, int n, const bg_schema *schema, bg_status_format format, int min,
                   FILE *out);

#endif
