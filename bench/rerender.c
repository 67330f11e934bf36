/* What `serve` does after a save, timed in one process: load, validate, resolve and
 * render one brief to HTML in one language, with the stylesheet, schema and locale
 * already made.  Prints the median and the fastest of N runs in milliseconds.
 *
 *   bench-rerender DATADIR FILE LANG [RUNS]
 */
#include "brief.h"
#include "diag.h"
#include "l10n.h"
#include "render.h"
#include "schema.h"
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

/* One re-render; 0 on success. */
static int rerender(bg_schema *schema, bg_renderer *r, const char *file, const char *lang) {
    bg_brief *b = bg_brief_load(file);
    int rc = -1;
    if (b && bg_brief_validate(b, schema) == 0) {
        xmlDocPtr doc = bg_brief_resolve(b, lang);
        char *out = NULL;
        size_t len = 0;
        rc = doc ? bg_render(r, b, doc, lang, "bench", BG_FORMAT_HTML, &out, &len) : -1;
        free(out);
        xmlFreeDoc(doc);
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
    snprintf(path, sizeof path, "%s/locales", argv[1]);
    bg_l10n *l10n = bg_l10n_new(path);
    snprintf(path, sizeof path, "%s/schema/brief.rng", argv[1]);
    bg_schema *schema = bg_schema_load(path);
    snprintf(path, sizeof path, "%s/templates", argv[1]);
    bg_renderer *r = bg_renderer_new(path, NULL, l10n);
    int rc = 1;
    double *ms = calloc((size_t)runs, sizeof *ms);
    if (schema && r && ms && rerender(schema, r, argv[2], argv[3]) == 0) { /* warm up once */
        rc = 0;
        for (int i = 0; i < runs && rc == 0; i++) {
            double t0 = now_ms();
            rc = rerender(schema, r, argv[2], argv[3]);
            ms[i] = now_ms() - t0;
        }
        qsort(ms, (size_t)runs, sizeof *ms, by_value);
        if (rc == 0)
            printf("%.2f %.2f\n", ms[runs / 2], ms[0]);
    }
    free(ms);
    bg_renderer_free(r);
    bg_schema_free(schema);
    bg_l10n_free(l10n);
    xsltCleanupGlobals();
    xmlCleanupParser();
    u_cleanup();
    return rc;
}
