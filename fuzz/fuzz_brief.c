/* fuzz_brief — libFuzzer target: one input is a brief.  It goes through the whole
 * pipeline of `briefgen build` in memory (pipeline.h): the safe load, RELAX NG and the
 * semantic checks, and, when valid, the first four languages resolved and rendered to
 * HTML, DocBook and Typst with the bundled templates and locales.  Nothing is written
 * to disk.
 *
 * Seeds: fuzz/corpus/brief/ (the samples, small briefs, and the bad-input corpus). */
#include "brief.h"
#include "cli.h"
#include "fuzz_common.h"
#include "l10n.h"
#include "pipeline.h"
#include "render.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static bg_pipeline *pipeline;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc, (void)argv;
    fuzz_setup_libraries();
    char locales[PATH_MAX], schema[PATH_MAX], templates[PATH_MAX];
    bg_cli_data_path(locales, sizeof locales, "locales");
    bg_cli_data_path(schema, sizeof schema, "schema/brief.rng");
    bg_cli_data_path(templates, sizeof templates, "templates");
    bg_pipeline_config cfg = {locales, schema, templates, NULL, NULL, NULL, NULL, NULL};
    pipeline = bg_pipeline_open(&cfg);
    bg_renderer *renderer =
        pipeline && bg_pipeline_open_renderer(pipeline) == 0 ? bg_pipeline_renderer(pipeline) : NULL;
    if (!renderer || bg_renderer_prepare(renderer, BG_FORMAT_HTML) != 0 ||
        bg_renderer_prepare(renderer, BG_FORMAT_DOCBOOK) != 0 || bg_renderer_prepare(renderer, BG_FORMAT_TYPST) != 0) {
        fprintf(stderr, "fuzz_brief: cannot set up the pipeline (data folder %s)\n", bg_cli_datadir());
        exit(2);
    }
    return 0;
}

/* One language as build does it: the catalogue, the resolved copy, each format. */
static void one_lang(const bg_brief *b, const char *lang) {
    bg_pipeline_lang l = {.lang = lang};
    bg_pipeline_resolve(pipeline, b, &l);
    bg_diag_capture_replay(&l.locale_said);
    bg_diag_capture_replay(&l.resolve_said);
    /* Every format with a stylesheet; PDF is that Typst source given to another
     * program (the engine is not fuzzed here: its input is what fuzz_typst proves
     * cannot hold code). */
    for (int f = 0; l.resolved && f < BG_FORMAT_COUNT; f++) {
        if (f == BG_FORMAT_PDF)
            continue;
        char *out = NULL;
        size_t len = 0;
        bg_diag_capture said;
        if (bg_pipeline_render(pipeline, b, &l, "fuzz", (bg_format)f, &out, &len, &said) == 0 && !out)
            abort(); /* success must give a buffer */
        bg_diag_capture_replay(&said);
        free(out);
    }
    bg_pipeline_lang_clear(&l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 4UL * 1024 * 1024)
        return -1; /* briefs are small; the limits tests cover big files */
    bg_diag_capture c;
    fuzz_quiet_begin(&c);
    bg_brief *b = bg_brief_load_memory((const char *)data, (int)size, "fuzz.xml");
    bg_langs langs;
    if (b && bg_pipeline_validate(pipeline, b, NULL, &langs) == 0) {
        for (int i = 0; i < langs.n && i < 4; i++)
            if (bg_l10n_is_lang_tag(langs.v[i]))
                one_lang(b, langs.v[i]);
        bg_coverage cov = bg_brief_coverage(b, bg_brief_source_lang(b));
        if (cov.present > cov.total)
            abort();
    }
    bg_brief_free(b);
    fuzz_quiet_end(&c);
    return 0;
}
