/* pipeline — see pipeline.h.  Opening the parts once, and the steps from a brief
 * file to outputs in memory, for every command. */
#include "pipeline.h"

#include "oblast.h"
#include "typo.h"

#include <stdlib.h>
#include <string.h>

struct bg_pipeline {
    /* Owned by an opened pipeline; a clone has none of its own (see `config`). */
    char *locales, *schema_path, *templates, *overrides, *reads;
    bg_pipeline_config config; /* the strings above, or in a clone the origin's */
    bg_l10n *l10n;
    bg_schema *schema; /* borrowed from `origin` in a clone */
    bg_renderer *renderer;
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
    p->config = (bg_pipeline_config){p->locales, p->schema_path, p->templates, p->overrides, p->reads};
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
    if (p->renderer && p->reads && bg_renderer_allow_reads(p->renderer, p->reads) != 0) {
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
    bg_renderer_free(p->renderer);
    bg_l10n_free(p->l10n);
    if (!p->origin) {
        bg_schema_free(p->schema);
        free(p->locales), free(p->schema_path), free(p->templates), free(p->overrides), free(p->reads);
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

int bg_pipeline_render(bg_pipeline *p, const bg_brief *b, const bg_pipeline_lang *l, const char *stem, bg_format f,
                       char **out, size_t *len, bg_diag_capture *said) {
    *out = NULL;
    *len = 0;
    bg_diag_capture_begin(said);
    int rc = bg_render(p->renderer, b, l->resolved, l->lang, stem, f, out, len);
    bg_diag_capture_end();
    if (rc != 0) {
        free(*out);
        *out = NULL;
        *len = 0;
    }
    return rc == 0 ? 0 : -1;
}

void bg_pipeline_lang_clear(bg_pipeline_lang *l) {
    xmlFreeDoc(l->resolved);
    l->resolved = NULL;
    l->locale = NULL;
    bg_diag_capture_free(&l->locale_said);
    bg_diag_capture_free(&l->resolve_said);
}
