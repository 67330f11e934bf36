/* cmd_stats — `briefgen stats`: readability figures of each language of each brief
 * (words, sentences, reading time, A4 pages, the long sentences with their lines),
 * as text or JSON.  The counting is textstats.c's; the brief is loaded, validated
 * and resolved for each language by the pipeline, as `build` does, typography
 * included, so the reading time is the one the HTML shows.  The report is made in
 * memory and written in one piece at the end: messages on stderr come first. */
#include "buf.h"
#include "cli.h"
#include "cmd_common.h"
#include "diag.h"
#include "l10n.h"
#include "pipeline.h"
#include "textstats.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct stats_opts {
    bg_cli_common common;
    bg_langs only; /* -l, or n == 0 */
    char lang_buf[256];
    int json;
    long long_words;
} stats_opts;

enum { OPT_JSON = BG_OPT_LOCAL, OPT_LONG };

/* The options into `o`; the index of the first file, or -1 after a usage error. */
static int parse_options(const bg_command *cmd, int argc, char **argv, stats_opts *o) {
    static const struct option longopts[] = {{"lang", required_argument, NULL, 'l'},
                                             {"json", no_argument, NULL, OPT_JSON},
                                             {"long-sentence", required_argument, NULL, OPT_LONG},
                                             BG_CLI_COMMON_LONGOPTS,
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    o->long_words = BG_TEXTSTATS_LONG_SENTENCE;
    optind = 1;
    opterr = 0;
    for (int c; (c = getopt_long(argc, argv, ":l:qh", longopts, NULL)) != -1;) {
        if (c != BG_OPT_TEMPLATES && c != BG_OPT_TEMPLATE_FILES && bg_cli_common_option(c, optarg, &o->common))
            continue;
        if (c == 'l' && bg_cmd_parse_langs(cmd, optarg, o->lang_buf, sizeof o->lang_buf, &o->only))
            return -1;
        if (c == OPT_JSON)
            o->json = 1;
        if (c == OPT_LONG) {
            char *end;
            o->long_words = strtol(optarg, &end, 10);
            if (*end || end == optarg || o->long_words < 1 || o->long_words > 1000) {
                bg_cli_usage_error(cmd, "--long-sentence: '%s' is not a number of words from 1 to 1000", optarg);
                return -1;
            }
        }
        if (c == 'h') {
            fputs(cmd->usage, stdout);
            exit(BG_EXIT_OK);
        }
        if (c == ':') {
            bg_cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
            return -1;
        }
        if (c == '?' || c == BG_OPT_TEMPLATES || c == BG_OPT_TEMPLATE_FILES) {
            bg_cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
            return -1;
        }
    }
    if (optind >= argc) {
        bg_cli_usage_error(cmd, "no brief given");
        return -1;
    }
    return optind;
}

/* One language's figures, as text or as a JSON object. */
static void report_lang(bg_buf *b, const stats_opts *o, const char *path, const char *lang, const bg_textstats *s,
                        int first) {
    long words = s->counts.words;
    long minutes = bg_textstats_minutes(words, lang), pages = bg_textstats_pages(words, lang);
    if (o->json) {
        bg_buf_printf(b, "%s\n    {\"lang\": ", first ? "" : ",");
        bg_buf_add_json(b, lang);
        bg_buf_printf(b,
                      ", \"words\": %ld, \"sentences\": %ld, \"words-per-minute\": %d, \"reading-minutes\": %ld, "
                      "\"words-per-page\": %d, \"pages\": %ld, \"long-sentences\": [",
                      words, s->counts.sentences, bg_textstats_words_per_minute(lang), minutes,
                      bg_textstats_words_per_page(lang), pages);
        for (size_t i = 0; i < s->nlongs; i++) {
            bg_buf_printf(b, "%s{\"line\": %ld, \"words\": %ld, \"start\": ", i ? ", " : "", s->longs[i].line,
                          s->longs[i].words);
            bg_buf_add_json(b, s->longs[i].start);
            bg_buf_add(b, "}", 1);
        }
        bg_buf_add(b, "]}", 2);
        return;
    }
    bg_buf_printf(b,
                  "%s: %s: %ld words, %ld sentences, %ld min reading, %ld A4 page%s, %zu sentence%s over %ld words\n",
                  path, lang, words, s->counts.sentences, minutes, pages, pages == 1 ? "" : "s", s->nlongs,
                  s->nlongs == 1 ? "" : "s", o->long_words);
    for (size_t i = 0; i < s->nlongs; i++)
        bg_buf_printf(b, "%s:%ld: %s: %ld words in one sentence: %s\n", path, s->longs[i].line, lang, s->longs[i].words,
                      s->longs[i].start);
}

/* Resolve `b` for each of `langs` and report it into `out`.  0, or -1 (reported). */
static int report_brief(bg_pipeline *p, const stats_opts *o, bg_brief *b, const bg_langs *langs, bg_buf *out) {
    const char *path = bg_brief_path(b);
    int rc = 0, written = 0;
    if (o->json) {
        bg_buf_printf(out, "  {\"file\": ");
        bg_buf_add_json(out, path);
        bg_buf_add(out, ", \"languages\": [", 16);
    }
    for (int i = 0; i < langs->n; i++) {
        bg_pipeline_lang l = {.lang = langs->v[i]};
        int failed = bg_pipeline_resolve(p, b, &l);
        bg_diag_capture_replay(&l.locale_said);
        bg_diag_capture_replay(&l.resolve_said);
        bg_textstats s = {0};
        if (!failed && bg_textstats_measure(l.resolved, l.lang, o->long_words, &s) != 0) {
            bg_error(path, 0, "cannot count the words of the \"%s\" text (ICU or memory)", l.lang);
            failed = 1;
        }
        if (!failed)
            report_lang(out, o, path, l.lang, &s, written++ == 0);
        bg_textstats_clear(&s);
        bg_pipeline_lang_clear(&l);
        rc |= failed ? -1 : 0;
    }
    if (o->json)
        bg_buf_add(out, "]}", 2);
    return rc;
}

static bg_pipeline *open_pipeline(const bg_cli_common *c) {
    bg_cmd_paths paths;
    bg_cmd_paths_of(c, &paths);
    bg_pipeline_config cfg = {.locales = paths.locales, .schema = paths.schema, .templates = paths.templates};
    return bg_pipeline_open(&cfg);
}

int bg_cmd_stats(int argc, char **argv) {
    const bg_command *cmd = bg_cli_find("stats");
    stats_opts o = {0};
    int first = parse_options(cmd, argc, argv, &o);
    if (first < 0)
        return BG_EXIT_USAGE;
    bg_diag_set_quiet(o.common.quiet);
    bg_diag_set_strict(o.common.strict);
    bg_pipeline *p = open_pipeline(&o.common);
    if (!p)
        return BG_EXIT_FAIL;
    bg_buf out = {0};
    int rc = 0;
    if (o.json)
        bg_buf_printf(&out, "{\"long-sentence\": %ld, \"briefs\": [\n", o.long_words);
    size_t header = out.len;
    for (int i = first; i < argc; i++) {
        bg_langs langs;
        bg_brief *b = bg_pipeline_load(p, argv[i], o.only.n ? &o.only : NULL, &langs);
        if (o.json && b && out.len > header)
            bg_buf_add(&out, ",\n", 2);
        if (!b || report_brief(p, &o, b, &langs, &out) != 0)
            rc = -1;
        bg_brief_free(b);
    }
    if (o.json)
        bg_buf_add(&out, "\n]}\n", 4);
    if (out.len && (fwrite(out.s, 1, out.len, stdout) != out.len || fflush(stdout) != 0)) {
        bg_error(NULL, 0, "cannot write the report to standard output");
        rc = -1;
    }
    bg_buf_free(&out);
    bg_pipeline_free(p);
    return rc ? BG_EXIT_FAIL : BG_EXIT_OK;
}
