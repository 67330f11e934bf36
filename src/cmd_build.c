/* `briefgen build` and `briefgen check`: the pipeline of DESIGN.md —
 * load, validate, for each language resolve, transform, write. */
#include "brief.h"
#include "cli.h"
#include "diag.h"
#include "l10n.h"
#include "render.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LANGS 16

typedef struct build_opts {
    bg_cli_common common;
    const char *outdir;
    const char *langs[MAX_LANGS]; /* -l, pointers into lang_buf */
    int nlangs;
    char lang_buf[256];
    int format[BG_FORMAT_COUNT]; /* which formats to write */
    int verbose;
} build_opts;

enum { OPT_STRICT = 256, OPT_TEMPLATES, OPT_LOCALES };

/* Split the comma-separated -l LIST into o->langs. */
static int parse_langs(const bg_command *cmd, build_opts *o, const char *list) {
    snprintf(o->lang_buf, sizeof o->lang_buf, "%s", list);
    o->nlangs = 0;
    for (char *save = NULL, *t = strtok_r(o->lang_buf, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
        if (!bg_cli_is_lang_tag(t))
            return bg_cli_usage_error(cmd, "-l: '%s' is not a language tag (e.g. uk, en, pl)", t);
        if (o->nlangs == MAX_LANGS)
            return bg_cli_usage_error(cmd, "-l: at most %d languages", MAX_LANGS);
        o->langs[o->nlangs++] = t;
    }
    if (o->nlangs == 0)
        return bg_cli_usage_error(cmd, "-l: give at least one language");
    return 0;
}

static int parse_formats(const bg_command *cmd, build_opts *o, const char *list) {
    char buf[128];
    snprintf(buf, sizeof buf, "%s", list);
    memset(o->format, 0, sizeof o->format);
    int any = 0;
    for (char *save = NULL, *t = strtok_r(buf, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
        int f = bg_format_parse(t);
        if (f < 0)
            return bg_cli_usage_error(cmd, "-f: unknown format '%s' (use html, docbook)", t);
        o->format[f] = any = 1;
    }
    if (!any)
        return bg_cli_usage_error(cmd, "-f: give at least one format");
    return 0;
}

/* Parse the options of build/check into `o`; returns the index of the first file,
 * or -1 after a usage error. */
static int parse_options(const bg_command *cmd, int argc, char **argv, build_opts *o) {
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},     {"lang", required_argument, NULL, 'l'},
        {"format", required_argument, NULL, 'f'},     {"strict", no_argument, NULL, OPT_STRICT},
        {"templates", required_argument, NULL, OPT_TEMPLATES}, {"locales", required_argument, NULL, OPT_LOCALES},
        {"quiet", no_argument, NULL, 'q'},            {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},             {NULL, 0, NULL, 0}};
    int is_build = strcmp(cmd->name, "build") == 0;
    o->outdir = "out";
    for (int f = 0; f < BG_FORMAT_COUNT; f++)
        o->format[f] = 1;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, is_build ? ":o:l:f:qvh" : ":l:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            o->outdir = optarg;
            break;
        case 'l':
            if (parse_langs(cmd, o, optarg))
                return -1;
            break;
        case 'f':
            if (parse_formats(cmd, o, optarg))
                return -1;
            break;
        case OPT_STRICT:
            o->common.strict = 1;
            break;
        case OPT_TEMPLATES:
            o->common.templates = optarg;
            break;
        case OPT_LOCALES:
            o->common.locales = optarg;
            break;
        case 'q':
            o->common.quiet = 1;
            break;
        case 'v':
            o->verbose = 1;
            break;
        case 'h':
            fputs(cmd->usage, stdout);
            exit(BG_EXIT_OK);
        case ':':
            bg_cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
            return -1;
        default:
            bg_cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
            return -1;
        }
    }
    if (!is_build && (o->common.templates || o->verbose)) {
        bg_cli_usage_error(cmd, "check writes nothing; --templates and -v belong to build");
        return -1;
    }
    if (optind >= argc) {
        bg_cli_usage_error(cmd, "no brief given");
        return -1;
    }
    bg_diag_set_strict(o->common.strict);
    bg_diag_set_quiet(o->common.quiet);
    return optind;
}

/* NAME of NAME.xml, the stem of every output file. */
static void output_stem(const char *path, char *buf, size_t size) {
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    snprintf(buf, size, "%s", base);
    size_t n = strlen(buf);
    if (n > 4 && strcmp(buf + n - 4, ".xml") == 0)
        buf[n - 4] = '\0';
}

/* Everything one run shares across briefs: made once, reused for every file. */
typedef struct pipeline {
    bg_l10n *l10n;
    bg_schema *schema;
    bg_renderer *renderer;
} pipeline;

static int pipeline_open(pipeline *p, const bg_cli_common *c, int need_renderer) {
    char path[PATH_MAX];
    memset(p, 0, sizeof *p);
    if (c->locales)
        snprintf(path, sizeof path, "%s", c->locales);
    else
        bg_cli_data_path(path, sizeof path, "locales");
    p->l10n = bg_l10n_new(path);
    bg_cli_data_path(path, sizeof path, "schema/brief.rng");
    p->schema = bg_schema_load(path);
    if (!p->l10n || !p->schema)
        return -1;
    if (need_renderer) {
        bg_cli_data_path(path, sizeof path, "templates");
        p->renderer = bg_renderer_new(path, c->templates, p->l10n);
        if (!p->renderer)
            return -1;
    }
    return 0;
}

static void pipeline_close(pipeline *p) {
    bg_renderer_free(p->renderer);
    bg_schema_free(p->schema);
    bg_l10n_free(p->l10n);
}

/* One rendered output waiting to be written. */
typedef struct output {
    char path[PATH_MAX];
    char *data;
    size_t len;
} output;

/* Render every language × format of one valid brief into memory, and only when all
 * of them succeeded (and --strict found nothing) write them.  A brief is published
 * whole or not at all. */
static int build_one(pipeline *p, const build_opts *o, bg_brief *b) {
    const char *langs[MAX_LANGS];
    int nlangs = o->nlangs;
    if (nlangs)
        memcpy(langs, o->langs, sizeof langs[0] * (size_t)nlangs);
    else
        for (nlangs = 0; nlangs < bg_brief_nlangs(b) && nlangs < MAX_LANGS; nlangs++)
            langs[nlangs] = bg_brief_lang(b, nlangs);

    char stem[PATH_MAX];
    output_stem(bg_brief_path(b), stem, sizeof stem);
    output outs[MAX_LANGS * BG_FORMAT_COUNT];
    int nouts = 0, errors_before = bg_diag_errors(), rc = 0;

    for (int i = 0; i < nlangs && rc == 0; i++) {
        if (!bg_l10n_locale(p->l10n, langs[i])) {
            rc = -1;
            break;
        }
        xmlDocPtr resolved = bg_brief_resolve(b, langs[i]);
        if (!resolved) {
            rc = -1;
            break;
        }
        for (int f = 0; f < BG_FORMAT_COUNT && rc == 0; f++) {
            if (!o->format[f])
                continue;
            output *out = &outs[nouts];
            if (snprintf(out->path, sizeof out->path, "%s/%s.%s.%s", o->outdir, stem, langs[i],
                         bg_format_ext(f)) >= (int)sizeof out->path) {
                bg_error(o->outdir, 0, "output path too long");
                rc = -1;
            } else if (bg_render(p->renderer, b, resolved, langs[i], stem, f, &out->data, &out->len) != 0)
                rc = -1;
            else
                nouts++;
        }
        xmlFreeDoc(resolved);
    }
    if (bg_diag_errors() != errors_before)
        rc = -1; /* includes warnings promoted by --strict */
    for (int i = 0; i < nouts; i++) {
        if (rc == 0 && bg_write_atomic(outs[i].path, outs[i].data, outs[i].len) != 0)
            rc = -1;
        else if (rc == 0 && o->verbose)
            printf("%s\n", outs[i].path);
        free(outs[i].data);
    }
    return rc;
}

static int run(const char *name, int argc, char **argv) {
    const bg_command *cmd = bg_cli_find(name);
    build_opts o;
    memset(&o, 0, sizeof o);
    int first = parse_options(cmd, argc, argv, &o);
    if (first < 0)
        return BG_EXIT_USAGE;
    int is_build = strcmp(name, "build") == 0;
    pipeline p;
    if (pipeline_open(&p, &o.common, is_build) != 0) {
        pipeline_close(&p);
        return BG_EXIT_FAIL;
    }
    int failed = 0;
    for (int i = first; i < argc; i++) {
        int errors_before = bg_diag_errors();
        bg_brief *b = bg_brief_load(argv[i]);
        if (!b || bg_brief_validate(b, p.schema) != 0) {
            failed = 1;
        } else if (is_build) {
            failed |= build_one(&p, &o, b) != 0;
        } else {
            /* check: resolving each language reports the untranslated texts. */
            int n = o.nlangs ? o.nlangs : bg_brief_nlangs(b);
            for (int k = 0; k < n; k++)
                xmlFreeDoc(bg_brief_resolve(b, o.nlangs ? o.langs[k] : bg_brief_lang(b, k)));
            failed |= bg_diag_errors() != errors_before;
        }
        bg_brief_free(b);
    }
    pipeline_close(&p);
    return failed ? BG_EXIT_FAIL : BG_EXIT_OK;
}

int bg_cmd_build(int argc, char **argv) { return run("build", argc, argv); }
int bg_cmd_check(int argc, char **argv) { return run("check", argc, argv); }
