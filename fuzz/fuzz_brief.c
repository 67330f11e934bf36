/* fuzz_brief — libFuzzer target: one input is a brief.  It goes through the whole
 * pipeline of `briefgen build` in memory: the safe load, RELAX NG and the semantic
 * checks, and, when valid, every language resolved and rendered to HTML and DocBook
 * with the bundled templates and locales.  Nothing is written to disk.
 *
 * Seeds: fuzz/corpus/brief/ (the samples, small briefs, and the bad-input corpus). */
#include "brief.h"
#include "cli.h"
#include "fuzz_common.h"
#include "l10n.h"
#include "render.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static bg_schema *schema;
static bg_l10n *l10n;
static bg_renderer *renderer;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc, (void)argv;
    fuzz_setup_libraries();
    char path[PATH_MAX];
    bg_cli_data_path(path, sizeof path, "schema/brief.rng");
    schema = bg_schema_load(path);
    bg_cli_data_path(path, sizeof path, "locales");
    l10n = bg_l10n_new(path);
    bg_cli_data_path(path, sizeof path, "templates");
    renderer = l10n ? bg_renderer_new(path, NULL, l10n) : NULL;
    if (!schema || !renderer || bg_renderer_prepare(renderer, BG_FORMAT_HTML) != 0 ||
        bg_renderer_prepare(renderer, BG_FORMAT_DOCBOOK) != 0) {
        fprintf(stderr, "fuzz_brief: cannot set up the pipeline (data folder %s)\n", bg_cli_datadir());
        exit(2);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 4UL * 1024 * 1024)
        return -1; /* briefs are small; the limits tests cover big files */
    bg_diag_capture c;
    fuzz_quiet_begin(&c);
    bg_brief *b = bg_brief_load_memory((const char *)data, (int)size, "fuzz.xml");
    if (b && bg_brief_validate(b, schema) == 0) {
        for (int i = 0; i < bg_brief_nlangs(b) && i < 4; i++) {
            const char *lang = bg_brief_lang(b, i);
            if (!bg_l10n_is_lang_tag(lang))
                continue;
            xmlDocPtr resolved = bg_brief_resolve(b, lang);
            for (int f = 0; resolved && f < BG_FORMAT_COUNT; f++) {
                char *out = NULL;
                size_t len = 0;
                if (bg_render(renderer, b, resolved, lang, "fuzz", (bg_format)f, &out, &len) == 0 && !out)
                    abort(); /* success must give a buffer */
                free(out);
            }
            xmlFreeDoc(resolved);
        }
        bg_coverage cov = bg_brief_coverage(b, bg_brief_source_lang(b));
        if (cov.present > cov.total)
            abort();
    }
    bg_brief_free(b);
    fuzz_quiet_end(&c);
    return 0;
}
