/* pipeline — see pipeline.h.  Opening the parts once, and the steps from a brief
 * file to outputs in memory, for every command. */
#include "pipeline.h"

#include "figure.h"
#include "oblast.h"
#include "typo.h"
#include "typst.h"
#include "xlang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct bg_pipeline {
    /* Owned by an opened pipeline; a clone has none of its own (see `config`). */
    char *locales, *schema_path, *templates, *overrides, *reads, *datadir, *base_url, *formats;
    bg_pipeline_config config; /* the strings above, or in a clone the origin's */
    bg_l10n *l10n;
    bg_schema *schema; /* borrowed from `origin` in a clone */
    bg_renderer *renderer;
    bg_typst *typst;           /* the PDF engine, made on first use: each pipeline (thread) its own */
    const bg_pipeline *origin; /* a clone's; NULL for an opened pipeline */
};

static char *copy(const char *s, int *failed) {
    char *c = s ? strdup(s) : NULL;
    if (s && !c)
        *failed = 1;
    return c;
}

bg_pipeline *bg_pipeline_open(const bg_pipeline_config *cfg) {
    bg_pipeline *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    int failed = 0;
    p->locales = copy(cfg->locales, &failed);
    p->schema_path = copy(cfg->schema, &failed);
    p->templates = copy(cfg->templates, &failed);
    p->overrides = copy(cfg->overrides, &failed);
    p->reads = copy(cfg->reads, &failed);
    p->datadir = copy(cfg->datadir, &failed);
    p->base_url = copy(cfg->base_url, &failed);
    p->formats = copy(cfg->formats, &failed);
    p->config = (bg_pipeline_config){p->locales, p->schema_path, p->templates, p->overrides,
                                     p->reads,   p->datadir,     p->base_url,  p->formats};
    if (failed) {
        bg_pipeline_free(p);
        return NULL;
    }
    p->l10n = bg_l10n_new(p->locales);
    p->schema = bg_schema_load(p->schema_path);
    if (!p->l10n || !p->schema) {
        bg_pipeline_free(p);
        return NULL;
    }
    return p;
}

int bg_pipeline_open_renderer(bg_pipeline *p) {
    bg_renderer_free(p->renderer);
    p->renderer = bg_renderer_new(p->templates, p->overrides, p->l10n);
    if (p->renderer && ((p->reads && bg_renderer_allow_reads(p->renderer, p->reads) != 0) ||
                        bg_renderer_set_site(p->renderer, p->base_url, p->formats) != 0)) {
        bg_renderer_free(p->renderer);
        p->renderer = NULL;
    }
    return p->renderer ? 0 : -1;
}

int bg_pipeline_reload_locales(bg_pipeline *p) {
    bg_renderer_free(p->renderer);
    p->renderer = NULL;
    bg_l10n_free(p->l10n);
    p->l10n = bg_l10n_new(p->locales);
    return p->l10n ? 0 : -1;
}

bg_pipeline *bg_pipeline_clone(const bg_pipeline *origin) {
    bg_pipeline *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->origin = origin;
    p->config = origin->config;
    p->schema = origin->schema;
    p->l10n = bg_l10n_clone(origin->l10n);
    if (p->l10n && origin->renderer)
        p->renderer = bg_renderer_share(origin->renderer, p->l10n);
    if (!p->l10n || (origin->renderer && !p->renderer)) {
        bg_pipeline_free(p);
        return NULL;
    }
    return p;
}

void bg_pipeline_free(bg_pipeline *p) {
    if (!p)
        return;
    bg_typst_free(p->typst);
    bg_renderer_free(p->renderer);
    bg_l10n_free(p->l10n);
    if (!p->origin) {
        bg_schema_free(p->schema);
        free(p->locales), free(p->schema_path), free(p->templates), free(p->overrides), free(p->reads);
        free(p->datadir), free(p->base_url), free(p->formats);
    }
    free(p);
}

const bg_pipeline_config *bg_pipeline_config_of(const bg_pipeline *p) { return &p->config; }
bg_l10n *bg_pipeline_l10n(const bg_pipeline *p) { return p->l10n; }
bg_renderer *bg_pipeline_renderer(const bg_pipeline *p) { return p->renderer; }

/* ---- one brief ---------------------------------------------------------------- */

int bg_pipeline_langs(const bg_brief *b, const bg_langs *only, bg_langs *out) {
    out->n = 0;
    if (only) {
        *out = *only;
        return out->n;
    }
    int n = bg_brief_nlangs(b);
    if (n > BG_PIPELINE_MAX_LANGS) {
        /* @langs is the one place a brief's languages are named: its element's
         * line is the place to point at. */
        xmlNodePtr root = bg_brief_doc(b) ? xmlDocGetRootElement(bg_brief_doc(b)) : NULL;
        xmlChar *value = root ? xmlGetProp(root, BAD_CAST "langs") : NULL;
        bg_error(bg_brief_path(b), root ? bg_node_line(root) : 0,
                 "<brief langs=\"%s\">: %d languages; a brief may have at most %d (\"%s\" is the first past "
                 "the limit)",
                 value ? (const char *)value : "", n, BG_PIPELINE_MAX_LANGS, bg_brief_lang(b, BG_PIPELINE_MAX_LANGS));
        xmlFree(value);
        return -1;
    }
    for (; out->n < n; out->n++)
        out->v[out->n] = bg_brief_lang(b, out->n);
    return out->n;
}

int bg_pipeline_peek_langs(char *const *peeked, const bg_langs *only, bg_langs *out) {
    out->n = 0;
    if (only) {
        *out = *only;
        return out->n;
    }
    for (; peeked && peeked[out->n]; out->n++)
        if (out->n == BG_PIPELINE_MAX_LANGS) {
            out->n = 0;
            return -1;
        } else {
            out->v[out->n] = peeked[out->n];
        }
    return out->n;
}

int bg_pipeline_validate(bg_pipeline *p, bg_brief *b, const bg_langs *only, bg_langs *langs) {
    langs->n = 0;
    int invalid = bg_brief_validate(b, p->schema) != 0;
    /* @oblast after the brief's checks, and whatever they found (every problem is
     * said): its suggestions need the locale files' names and ICU, which brief.c
     * does not know. */
    invalid |= bg_oblast_check(b, bg_l10n_dir(p->l10n)) != 0;
    if (invalid)
        return -1;
    /* The language versions against each other: warnings only (errors under
     * --strict, which bg_pipeline_load's count of errors sees), on a valid brief. */
    bg_xlang_check(b);
    return bg_pipeline_langs(b, only, langs) < 0 ? -1 : 0;
}

bg_brief *bg_pipeline_load(bg_pipeline *p, const char *path, const bg_langs *only, bg_langs *langs) {
    langs->n = 0;
    int errors_before = bg_diag_errors();
    /* What the load, validation and the choice of languages say about the brief,
     * said in line order once all are done. */
    bg_diag_capture said;
    bg_diag_capture_begin(&said);
    bg_brief *b = bg_brief_load(path);
    /* A warning of the load (a DOCTYPE naming an external DTD) is an error under
     * --strict, yet the brief still loads: only the count says so.  Validation runs
     * either way, so that every problem is said. */
    if (b && (bg_pipeline_validate(p, b, only, langs) != 0 || bg_diag_errors() != errors_before)) {
        bg_brief_free(b);
        b = NULL;
    }
    bg_diag_capture_end();
    bg_diag_capture_sort(&said, path);
    bg_diag_capture_replay(&said);
    return b;
}

void bg_pipeline_check_langs(const bg_brief *b, const bg_langs *langs) {
    for (int i = 0; i < langs->n; i++)
        xmlFreeDoc(bg_brief_resolve(b, langs->v[i]));
}

/* ---- one language --------------------------------------------------------------- */

/* Resolve `b` (taking its tree when `take` is set) for l->lang. */
static int resolve(bg_pipeline *p, bg_brief *take, const bg_brief *b, bg_pipeline_lang *l) {
    bg_diag_capture_begin(&l->locale_said);
    l->locale = bg_l10n_locale(p->l10n, l->lang);
    bg_diag_capture_end();
    if (l->locale) {
        bg_diag_capture_begin(&l->resolve_said);
        l->resolved = take ? bg_brief_resolve_take(take, l->lang) : bg_brief_resolve(b, l->lang);
        /* Typography here, where every format's text comes from: HTML, DocBook and
         * the preview alike.  Not in brief.c, which knows no ICU (typo.h). */
        if (l->resolved && bg_typo_apply(l->resolved, l->lang, bg_brief_path(b)) != 0) {
            xmlFreeDoc(l->resolved);
            l->resolved = NULL;
        }
        bg_diag_capture_end();
    }
    /* Errors include warnings promoted by --strict. */
    return l->resolved && l->locale_said.errors == 0 && l->resolve_said.errors == 0 ? 0 : -1;
}

int bg_pipeline_resolve(bg_pipeline *p, const bg_brief *b, bg_pipeline_lang *l) { return resolve(p, NULL, b, l); }

int bg_pipeline_resolve_take(bg_pipeline *p, bg_brief *b, bg_pipeline_lang *l) { return resolve(p, b, b, l); }

bg_typst *bg_pipeline_typst(bg_pipeline *p) {
    if (!p->typst && p->config.datadir)
        p->typst = bg_typst_new(p->config.datadir);
    return p->typst;
}

/* The images of the figures of a resolved brief, as the Typst source names them
 * (STEM.ID.EXT, the files build writes beside it), read and checked again from
 * their sources (figure.h): a PDF is made from nothing but what the .typ names. */
typedef struct pdf_files {
    const char *brief, *stem;
    bg_typst_file *v; /* each name and data malloc'd, freed by pdf_files_free */
    size_t n, cap;
    int failed;
} pdf_files;

static void add_pdf_file(const char *id, const char *src, long line, void *ctx) {
    pdf_files *pf = ctx;
    if (pf->failed)
        return;
    if (pf->n == pf->cap) {
        size_t cap = pf->cap ? 2 * pf->cap : 4;
        bg_typst_file *v = realloc(pf->v, sizeof *v * cap);
        if (!v) {
            bg_error(pf->brief, line, "out of memory");
            pf->failed = 1;
            return;
        }
        pf->v = v;
        pf->cap = cap;
    }
    char *name = NULL;
    size_t len = 0;
    char *data = bg_figure_file(pf->brief, line, src, pf->stem, id, &name, &len);
    if (!data) {
        pf->failed = 1;
        return;
    }
    pf->v[pf->n++] = (bg_typst_file){name, data, len};
}

static void pdf_files_free(pdf_files *pf) {
    for (size_t i = 0; i < pf->n; i++)
        free((char *)pf->v[i].name), free((char *)pf->v[i].data);
    free(pf->v);
}

/* The brief's date (YYYY-MM-DD) as seconds since 1970 at midnight UTC: the PDF's
 * dates, so that a PDF does not change with the day it is made.  0 when unknown. */
static long long brief_timestamp(xmlDocPtr resolved) {
    xmlNodePtr root = xmlDocGetRootElement(resolved);
    xmlChar *date = root ? xmlGetNoNsProp(root, BAD_CAST "date") : NULL;
    struct tm tm = {0};
    long long t = 0;
    if (date && sscanf((const char *)date, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) == 3) {
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
        time_t when = timegm(&tm);
        t = when == (time_t)-1 ? 0 : (long long)when;
    }
    xmlFree(date);
    return t;
}

/* The PDF of the Typst source `typ`, compiled by the pipeline's engine with the
 * figures' images beside it; what the engine says goes to the active capture. */
static int compile_pdf(bg_pipeline *p, const bg_brief *b, const bg_pipeline_lang *l, const char *stem, const char *typ,
                       size_t typ_len, char **out, size_t *len) {
    bg_typst *engine = bg_pipeline_typst(p);
    pdf_files pf = {.brief = bg_brief_path(b), .stem = stem};
    bg_brief_each_figure_in(l->resolved, add_pdf_file, &pf);
    int rc = -1;
    char typ_name[512];
    snprintf(typ_name, sizeof typ_name, "%s.%s.typ", stem, l->lang);
    if (!engine)
        bg_error(bg_brief_path(b), 0, "out of memory");
    else if (!pf.failed)
        rc = bg_typst_compile(engine, bg_brief_path(b), typ_name, typ, typ_len, pf.v, pf.n,
                              brief_timestamp(l->resolved), out, len);
    pdf_files_free(&pf);
    return rc;
}

int bg_pipeline_compile_pdf(bg_pipeline *p, const bg_brief *b, const bg_pipeline_lang *l, const char *stem,
                            const char *typ, size_t typ_len, char **out, size_t *len, bg_diag_capture *said) {
    *out = NULL;
    *len = 0;
    bg_diag_capture_begin(said);
    int rc = compile_pdf(p, b, l, stem, typ, typ_len, out, len);
    bg_diag_capture_end();
    return rc == 0 ? 0 : -1;
}

int bg_pipeline_render(bg_pipeline *p, const bg_brief *b, const bg_pipeline_lang *l, const char *stem, bg_format f,
                       char **out, size_t *len, bg_diag_capture *said) {
    *out = NULL;
    *len = 0;
    bg_diag_capture_begin(said);
    /* PDF: the Typst source first (BG_FORMAT_PDF renders it), then the engine. */
    int rc = bg_render(p->renderer, b, l->resolved, l->lang, stem, f, out, len);
    if (rc == 0 && f == BG_FORMAT_PDF) {
        char *typ = *out;
        size_t typ_len = *len;
        *out = NULL; /* the PDF's, from here on: compile_pdf may fail before it sets it */
        *len = 0;
        rc = compile_pdf(p, b, l, stem, typ, typ_len, out, len);
        free(typ);
    }
    bg_diag_capture_end();
    if (rc != 0) {
        free(*out);
        *out = NULL;
        *len = 0;
    }
    return rc == 0 ? 0 : -1;
}

int bg_pipeline_render_part(bg_pipeline *p, const bg_brief *b, const bg_pipeline_lang *l, const char *stem, bg_format f,
                            const char *part, char **out, size_t *len, bg_diag_capture *said) {
    bg_diag_capture_begin(said);
    int rc = bg_render_part(p->renderer, b, l->resolved, l->lang, stem, f, part, out, len);
    bg_diag_capture_end();
    return rc;
}

void bg_pipeline_lang_clear(bg_pipeline_lang *l) {
    xmlFreeDoc(l->resolved);
    l->resolved = NULL;
    l->locale = NULL;
    bg_diag_capture_free(&l->locale_said);
    bg_diag_capture_free(&l->resolve_said);
}
