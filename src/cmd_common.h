/* cmd_common — what several commands share: the -l list of languages, and the data
 * paths a pipeline is opened with (the bundled templates and schema, the locale
 * folder of --locales or the bundled one).  Commands only: nothing below them
 * includes this.
 *
 * Memory rule: nothing is allocated.  The languages bg_cmd_parse_langs gives point
 * into the caller's buffer, which must outlive them.
 *
 * Failure: a bad -l list is a usage error, said once through bg_cli_usage_error;
 * a data path that does not fit comes back empty (bg_cli_data_path), and the open
 * that follows says what is missing.
 *
 * Threads: call on the main thread before any other starts (bg_cli_datadir fills a
 * static buffer on its first call).
 */
#ifndef BG_CMD_COMMON_H
#define BG_CMD_COMMON_H

#include "cli.h"
#include "pipeline.h"

#include <limits.h>
#include <stddef.h>

/* Split the comma- or space-separated -l `list` into `only`, each a checked
 * language tag, at most BG_PIPELINE_MAX_LANGS, copied into `buf` first.  0, or
 * BG_EXIT_USAGE after the usage error was said. */
int bg_cmd_parse_langs(const bg_command *cmd, const char *list, char *buf, size_t size, bg_langs *only);

/* Where a command's pipeline reads its parts from. */
typedef struct bg_cmd_paths {
    char locales[PATH_MAX];   /* --locales DIR, else DATADIR/locales */
    char schema[PATH_MAX];    /* DATADIR/schema/brief.rng */
    char templates[PATH_MAX]; /* DATADIR/templates */
} bg_cmd_paths;

/* Fill `out` from the common options `c`. */
void bg_cmd_paths_of(const bg_cli_common *c, bg_cmd_paths *out);

#endif
