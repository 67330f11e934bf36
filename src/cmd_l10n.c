/* `briefgen l10n SUBCOMMAND`: the translators' tools.
 *
 *   check   the locale files against en.xlf (l10n_check)
 *   sync    the locale files brought in line with en.xlf (catalog)
 *   new     a locale file for a new language (catalog)
 *   status  translation coverage of briefs (l10n_status)
 *   export  a brief's text as XLIFF or PO for a CAT tool (xliff, po)
 *   import  the translations back into the brief (xliff, po)
 *
 * Each subcommand parses its own options here and hands the work to its module;
 * the usage text is the l10n entry of the command table in cli.c.
 */
#include "catalog.h"
#include "cli.h"
#include "diag.h"
#include "l10n.h"
#include "l10n_check.h"
#include "l10n_status.h"
#include "po.h"
#include "schema.h"
#include "xliff.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { OPT_LOCALES = 256, OPT_FORMAT, OPT_MIN, OPT_JSON };

/* Options of every subcommand, and what each allows. */
typedef struct l10n_opts {
    const char *locales;
    const char *lang;   /* export --lang */
    const char *output; /* export -o */
    bg_status_format format;
    int po;  /* export --format po */
    int min; /* status --min; -1 none */
} l10n_opts;

static const bg_command *cmd(void) { return bg_cli_find("l10n"); }

/* 1 when `word` is one of the space-separated words of `list`. */
static int has_word(const char *list, const char *word) {
    size_t n = strlen(word);
    for (const char *p = list; (p = strstr(p, word)) != NULL; p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return 1;
    return 0;
}

/* Parse the options of subcommand `sub` (argv[0]); `allowed` lists the long
 * options it takes, by name.  Returns the index of the first operand, or -1 after a
 * usage error. */
static int parse(int argc, char **argv, const char *allowed, l10n_opts *o) {
    static const struct option longopts[] = {{"locales", required_argument, NULL, OPT_LOCALES},
                                             {"lang", required_argument, NULL, 'l'},
                                             {"output", required_argument, NULL, 'o'},
                                             {"format", required_argument, NULL, OPT_FORMAT},
                                             {"min", required_argument, NULL, OPT_MIN},
                                             {"json", no_argument, NULL, OPT_JSON},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    memset(o, 0, sizeof *o);
    o->min = -1;
    optind = 1;
    opterr = 0;
    int c, index = -1;
    while ((c = getopt_long(argc, argv, ":l:o:qh", longopts, &index)) != -1) {
        /* The option's long name, to look up in `allowed` (and to show). */
        int long_index = index;
        index = -1;
        const char *name = long_index >= 0 ? longopts[long_index].name
                           : c == 'l'      ? "lang"
                           : c == 'o'      ? "output"
                           : c == 'q'      ? "quiet"
                           : c == 'h'      ? "help"
                                           : NULL;
        if (c == ':') {
            bg_cli_usage_error(cmd(), "option '%s' needs a value", argv[optind - 1]);
            return -1;
        }
        if (!name || !has_word(allowed, name)) {
            char shown[64];
            if (name && long_index >= 0)
                snprintf(shown, sizeof shown, "--%s", name);
            else if (name || optopt)
                snprintf(shown, sizeof shown, "-%c", name ? c : optopt);
            else
                snprintf(shown, sizeof shown, "%s", argv[optind - 1]);
            bg_cli_usage_error(cmd(), "l10n %s: unknown option '%s'", argv[0], shown);
            return -1;
        }
        switch (c) {
        case 'h':
            fputs(cmd()->usage, stdout);
            exit(BG_EXIT_OK);
        case 'q':
            bg_diag_set_quiet(1);
            break;
        case OPT_LOCALES:
            o->locales = optarg;
            break;
        case 'l':
            if (!bg_l10n_is_lang_tag(optarg)) {
                bg_cli_usage_error(cmd(), "--lang: '%s' is not a language tag (e.g. en, pl)", optarg);
                return -1;
            }
            o->lang = optarg;
            break;
        case 'o':
            o->output = optarg;
            break;
        case OPT_FORMAT:
            if (strcmp(argv[0], "export") == 0) {
                if (strcmp(optarg, "xliff") != 0 && strcmp(optarg, "po") != 0) {
                    bg_cli_usage_error(cmd(), "--format: '%s' is not xliff or po", optarg);
                    return -1;
                }
                o->po = strcmp(optarg, "po") == 0;
            } else if (strcmp(optarg, "json") == 0) {
                o->format = BG_STATUS_JSON;
            } else if (strcmp(optarg, "text") == 0) {
                o->format = BG_STATUS_TEXT;
            } else {
                bg_cli_usage_error(cmd(), "--format: '%s' is not text or json", optarg);
                return -1;
            }
            break;
        case OPT_JSON: /* as `stats --json`: one spelling for scripts across commands */
            o->format = BG_STATUS_JSON;
            break;
        case OPT_MIN: {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || end == optarg || n < 0 || n > 100) {
                bg_cli_usage_error(cmd(), "--min: '%s' is not a percentage from 0 to 100", optarg);
                return -1;
            }
            o->min = (int)n;
            break;
        }
        default:
            break;
        }
    }
    return optind;
}

/* The locale folder: --locales, else the bundled one. */
static void locale_dir(const l10n_opts *o, char *buf, size_t size) {
    if (o->locales)
        snprintf(buf, size, "%s", o->locales);
    else
        bg_cli_data_path(buf, (unsigned)size, "locales");
}

static bg_schema *load_schema(void) {
    char path[PATH_MAX];
    bg_cli_data_path(path, sizeof path, "schema/brief.rng");
    return bg_schema_load(path);
}

static int l10n_check(int argc, char **argv) {
    l10n_opts o;
    int first = parse(argc, argv, "locales quiet help", &o);
    if (first < 0)
        return BG_EXIT_USAGE;
    for (int i = first; i < argc; i++)
        if (!bg_l10n_is_lang_tag(argv[i]))
            return bg_cli_usage_error(cmd(), "l10n check: '%s' is not a language tag (e.g. uk, pl)", argv[i]);
    char dir[PATH_MAX];
    locale_dir(&o, dir, sizeof dir);
    return bg_l10n_check(dir, (const char *const *)argv + first, argc - first) == 0 ? BG_EXIT_OK : BG_EXIT_FAIL;
}

static int l10n_sync(int argc, char **argv) {
    l10n_opts o;
    int first = parse(argc, argv, "locales quiet help", &o);
    if (first < 0)
        return BG_EXIT_USAGE;
    if (first < argc)
        return bg_cli_usage_error(cmd(), "l10n sync takes no operands; it brings every locale file in line");
    char dir[PATH_MAX];
    locale_dir(&o, dir, sizeof dir);
    bg_catalog *root = bg_catalog_load(dir, BG_CATALOG_ROOT);
    if (!root)
        return BG_EXIT_FAIL;
    if (bg_catalog_problems(root)) {
        bg_error(bg_catalog_path(root), 0, "nothing synchronised: fix the root catalogue first");
        bg_catalog_free(root);
        return BG_EXIT_FAIL;
    }
    char **langs = bg_l10n_locale_files(dir);
    int failed = langs == NULL;
    for (int i = 0; langs && langs[i]; i++) {
        bg_catalog *c = bg_catalog_load(dir, langs[i]);
        bg_sync_result r;
        if (!c || bg_catalog_sync(c, root, &r) != 0) {
            failed = 1;
        } else if (r.added + r.reworded + r.removed + r.notes == 0) {
            printf("%s: up to date\n", bg_catalog_path(c));
        } else {
            printf("%s: %d added, %d removed, %d reworded (%d to review), %d note%s updated\n", bg_catalog_path(c),
                   r.added, r.removed, r.reworded, r.review, r.notes, r.notes == 1 ? "" : "s");
        }
        bg_catalog_free(c);
    }
    bg_l10n_strings_free(langs);
    bg_catalog_free(root);
    return failed ? BG_EXIT_FAIL : BG_EXIT_OK;
}

static int l10n_new(int argc, char **argv) {
    l10n_opts o;
    int first = parse(argc, argv, "locales quiet help", &o);
    if (first < 0)
        return BG_EXIT_USAGE;
    if (argc - first != 1)
        return bg_cli_usage_error(cmd(), "l10n new takes one language, e.g. 'briefgen l10n new pl'");
    const char *lang = argv[first];
    if (!bg_l10n_is_lang_tag(lang))
        return bg_cli_usage_error(cmd(), "l10n new: '%s' is not a language tag (e.g. pl, de, pt-BR)", lang);
    if (strcmp(lang, BG_CATALOG_ROOT) == 0)
        return bg_cli_usage_error(cmd(), "l10n new: en is the root catalogue; it exists already");
    char dir[PATH_MAX];
    locale_dir(&o, dir, sizeof dir);
    bg_catalog *root = bg_catalog_load(dir, BG_CATALOG_ROOT);
    int rc = BG_EXIT_FAIL;
    if (root && bg_catalog_problems(root) == 0 && bg_catalog_create(dir, lang, root) == 0) {
        int n;
        bg_catalog_units(root, &n);
        printf("%s/%s.xlf: %d messages to translate\n", dir, lang, n);
        rc = BG_EXIT_OK;
    } else if (root && bg_catalog_problems(root)) {
        bg_error(bg_catalog_path(root), 0, "fix the root catalogue first");
    }
    bg_catalog_free(root);
    return rc;
}

static int l10n_status(int argc, char **argv) {
    l10n_opts o;
    int first = parse(argc, argv, "format json min quiet help", &o);
    if (first < 0)
        return BG_EXIT_USAGE;
    if (first >= argc)
        return bg_cli_usage_error(cmd(), "l10n status: no brief given");
    bg_schema *schema = load_schema();
    int rc =
        schema && bg_l10n_status((const char *const *)argv + first, argc - first, schema, o.format, o.min, stdout) == 0
            ? BG_EXIT_OK
            : BG_EXIT_FAIL;
    bg_schema_free(schema);
    return rc;
}

static int l10n_export(int argc, char **argv) {
    l10n_opts o;
    int first = parse(argc, argv, "lang output format quiet help", &o);
    if (first < 0)
        return BG_EXIT_USAGE;
    if (!o.lang)
        return bg_cli_usage_error(cmd(), "l10n export: say which language with --lang, e.g. --lang en");
    if (argc - first != 1)
        return bg_cli_usage_error(cmd(), "l10n export takes one brief");
    bg_schema *schema = load_schema();
    int rc = schema && (o.po ? bg_po_export : bg_xliff_export)(argv[first], o.lang, schema, o.output) == 0
                 ? BG_EXIT_OK
                 : BG_EXIT_FAIL;
    bg_schema_free(schema);
    return rc;
}

static int l10n_import(int argc, char **argv) {
    l10n_opts o;
    int first = parse(argc, argv, "quiet help", &o);
    if (first < 0)
        return BG_EXIT_USAGE;
    if (argc - first != 2)
        return bg_cli_usage_error(cmd(),
                                  "l10n import takes a brief and an XLIFF or PO file: FILE.xml FILE.en.xlf (or .po)");
    bg_schema *schema = load_schema();
    const char *t = argv[first + 1];
    size_t n = strlen(t);
    int po =
        n > 3 && strcasecmp(t + n - 3, ".po") == 0; /* a PO file is known by its name, as gettext's tools know it */
    int rc = schema && (po ? bg_po_import : bg_xliff_import)(argv[first], t, schema) == 0 ? BG_EXIT_OK : BG_EXIT_FAIL;
    bg_schema_free(schema);
    return rc;
}

int bg_cmd_l10n(int argc, char **argv) {
    static const struct {
        const char *name;
        int (*run)(int argc, char **argv);
    } subs[] = {{"check", l10n_check},   {"sync", l10n_sync},     {"new", l10n_new},
                {"status", l10n_status}, {"export", l10n_export}, {"import", l10n_import}};
    if (argc < 2)
        return bg_cli_usage_error(cmd(), "l10n needs a subcommand: check, sync, new, status, export or import");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(cmd()->usage, stdout);
        return BG_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
        if (strcmp(argv[1], subs[i].name) == 0)
            return subs[i].run(argc - 1, argv + 1);
    return bg_cli_usage_error(cmd(), "'%s' is not an l10n subcommand (check, sync, new, status, export, import)",
                              argv[1]);
}
