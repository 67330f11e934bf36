/* l10n_status — `briefgen l10n status`: how much of each brief is translated into
 * each of its languages, and where the gaps are, as text for people or JSON for
 * dashboards.
 *
 * Memory rule: nothing to free; the arguments are borrowed for the call.
 *
 * Failure: a brief that cannot be loaded or is not valid is reported through diag
 * and left out of the report; the others are still reported, and the result is
 * -1.  The report is made in memory and written to `out` in one piece at the end,
 * so the messages on stderr come first and a report cut short by running out of
 * memory is not written at all.
 *
 * Threads: no state of its own; `schema` is only read.
 */
#ifndef BG_L10N_STATUS_H
#define BG_L10N_STATUS_H

#include "schema.h"

#include <stdio.h>

typedef enum bg_status_format { BG_STATUS_TEXT, BG_STATUS_JSON } bg_status_format;

/* Load and validate each of the `n` briefs in `paths`, and write to `out`, for each
 * language of its @langs, how many of its language units have text in it, the
 * percentage (rounded down, so only a complete translation says 100%), and each
 * unit without it as FILE:LINE: <p> in "Findings › Water" has no "en" text, then
 * what the cross-language checks (xlang.h) find in that language's versions, as
 * FILE:LINE: MESSAGE.
 * Every language of @langs is counted, the source language too.
 * `min` (0–100, or -1 for none): a language below it is an error, said at the brief.
 * Returns 0, or -1 when a brief could not be read or a language is below `min`, or
 * the report cannot be written (reported). */
int bg_l10n_status(const char *const *paths, int n, const bg_schema *schema, bg_status_format format, int min,
                   FILE *out);

#endif
