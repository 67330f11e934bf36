/* cli — the command table, options shared by every command, usage texts, and where
 * briefgen finds its data (templates, locales, schema).  No XML, no ICU here.
 *
 * Memory rule: nothing here allocates.  Option values are pointers into argv;
 * bg_cli_find's command, bg_cli_datadir and bg_cli_self are static.
 *
 * Failure: misuse of the command line is said once, by bg_cli_usage_error, and the
 * command exits with BG_EXIT_USAGE (2).  Finding the data folder cannot fail: a path
 * that does not fit comes back empty, and the open that follows says what is
 * missing.
 *
 * Threads: bg_cli_datadir fills a static buffer on its first call, unguarded: make
 * that call before starting threads (every command does, to open its pipeline).
 * bg_cli_self fills its own once, under pthread_once, so any thread may ask first.
 * The rest keeps no state.
 */
#ifndef BG_CLI_H
#define BG_CLI_H

#include <stdio.h>

/* Options every command accepts. */
typedef struct bg_cli_common {
    const char *locales;        /* --locales DIR, or NULL for the bundled folder */
    const char *templates;      /* --templates DIR (overrides), or NULL */
    const char *template_files; /* --template-files DIR: templates may read files there */
    int strict;                 /* --strict */
    int quiet;                  /* -q: no warnings */
} bg_cli_common;

/* getopt_long codes of the options several commands share; a command numbers its
 * own long-only options from BG_OPT_LOCAL. */
enum { BG_OPT_STRICT = 256, BG_OPT_TEMPLATES, BG_OPT_LOCALES, BG_OPT_TEMPLATE_FILES, BG_OPT_LOCAL };
#define BG_CLI_COMMON_LONGOPTS                                                                                         \
    {"strict", no_argument, NULL, BG_OPT_STRICT}, {"templates", required_argument, NULL, BG_OPT_TEMPLATES},            \
        {"locales", required_argument, NULL, BG_OPT_LOCALES},                                                          \
        {"template-files", required_argument, NULL, BG_OPT_TEMPLATE_FILES}, {                                          \
        "quiet", no_argument, NULL, 'q'                                                                                \
    }

/* Store option `c` (with its `arg`) in `common` when it is one of the shared ones
 * (--strict, --templates, --locales, --template-files, -q); 1 when it was, 0 when the command must
 * handle it itself. */
int bg_cli_common_option(int c, const char *arg, bg_cli_common *common);

typedef struct bg_command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
    const char *usage; /* full help text for `briefgen help NAME` */
} bg_command;

/* The command called `name`, or NULL. */
const bg_command *bg_cli_find(const char *name);
/* The top-level help: commands and their summaries. */
void bg_cli_overview(FILE *to);
/* Say "briefgen: error: MESSAGE" (counted, as any error) and the hint "Try
 * 'briefgen help CMD'." (or --help when `cmd` is NULL) on stderr, and return
 * BG_EXIT_USAGE for the command to return. */
int bg_cli_usage_error(const bg_command *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Check `arg` as --base-url's value: an absolute http:// or https:// URL with a
 * host, of characters a URL may hold, without query or fragment.  Copies it into
 * `buf` (`size`: 1002 bytes hold any) with its scheme in lower case, ending with
 * "/", as the templates append file names to it.  0, or BG_EXIT_USAGE after a
 * usage error said. */
int bg_cli_base_url(const bg_command *cmd, const char *arg, char *buf, size_t size);

/* The data folder (templates/, locales/, schema/): $BRIEFGEN_DATADIR, else the
 * folder above the binary's when it holds the templates (the source tree, running
 * build/briefgen), else ../share/briefgen beside the binary (installed, wherever
 * PREFIX was moved), else the compiled-in BG_DATADIR.  Relative to the current
 * folder when inside it, as messages name files.  Static string. */
const char *bg_cli_datadir(void);
/* DATADIR/sub into buf; "" when it does not fit. */
void bg_cli_data_path(char *buf, unsigned size, const char *sub);

/* The running briefgen binary (an input of every output, for incremental builds),
 * relative to the current folder when inside it; "" when /proc/self/exe cannot be
 * read.  Static string. */
const char *bg_cli_self(void);

/* The commands (cmd_*.c): argv[0] is the command's name; each returns its exit
 * code, BG_EXIT_OK, _FAIL or _USAGE (--help prints and exits 0 at once). */
int bg_cmd_build(int argc, char **argv);
int bg_cmd_check(int argc, char **argv);
int bg_cmd_new(int argc, char **argv);
int bg_cmd_serve(int argc, char **argv);
int bg_cmd_l10n(int argc, char **argv);
int bg_cmd_stats(int argc, char **argv);

#endif
