/* What `serve` does after a save, timed in one process: load, validate, resolve and
 * render one brief to HTML in one language, with the stylesheet, schema and locale
 * already made.  Prints the median and the fastest of N runs in milliseconds.
 *
 *   bench-rerender DATADIR FILE LANG [RUNS]
 */
#include "brief.h"
#include "diag.h"
#include "pipeline.h"
#include "xslext.h"

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unicode/uclean.h>

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* One re-render, as serve does it after a save; 0 on success. */
static int rerender(bg_pipeline *p, const char *file, const char *lang) {
    bg_langs langs;
    bg_brief *b = bg_pipeline_load(p, file, NULL, &langs);
    int rc = -1;
    if (b) {
        bg_pipeline_lang l = {.lang = lang};
        bg_pipeline_resolve(p, b, &l);
        bg_diag_capture_replay(&l.locale_said);
        bg_diag_capture_replay(&l.resolve_said);
        char *out = NULL;
        size_t len = 0;
        bg_diag_capture said;
        if (l.resolved) {
            rc = bg_pipeline_render(p, b, &l, "bench", BG_FORMAT_HTML, &out, &len, &said);
            bg_diag_capture_replay(&said);
        }
        free(out);
        bg_pipeline_lang_clear(&l);
    }
    bg_brief_free(b);
    return rc;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: bench-rerender DATADIR FILE LANG [RUNS]\n");
        return 2;
    }
    int runs = argc > 4 ? atoi(argv[4]) : 50;
    if (runs < 1 || runs > 100000)
        runs = 50;
    char path[4096];
    xmlInitParser();
    exsltRegisterAll();
    bg_xslext_register();
    bg_diag_install_xml_handlers();
    char locales[4096], schema[4096];
    snprintf(locales, sizeof locales, "%s/locales", argv[1]);
    snprintf(schema, sizeof schema, "%s/schema/brief.rng", argv[1]);
    snprintf(path, sizeof path, "%s/templates", argv[1]);
    bg_pipeline_config cfg = {locales, schema, path, NULL, NULL, NULL, NULL, NULL};
    bg_pipeline *p = bg_pipeline_open(&cfg);
    int rc = 1;
    double *ms = calloc((size_t)runs, sizeof *ms);
    if (p && bg_pipeline_open_renderer(p) == 0 && ms && rerender(p, argv[2], argv[3]) == 0) { /* warm up once */
        rc = 0;
        for (int i = 0; i < runs && rc == 0; i++) {
            double t0 = now_ms();
            rc = rerender(p, argv[2], argv[3]);
            ms[i] = now_ms() - t0;
        }
        qsort(ms, (size_t)runs, sizeof *ms, by_value);
        if (rc == 0)
            printf("%.2f %.2f\n", ms[runs / 2], ms[0]);
    }
    free(ms);
    bg_pipeline_free(p);
    xsltCleanupGlobals();
    xmlCleanupParser();
    u_cleanup();
    return rc;
}
