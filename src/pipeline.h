/* pipeline — the one way a brief becomes outputs, used by `build`, `check` and
 * `serve` alike: open the locale catalogues, the schema and the renderer once;
 * then, for each brief, load → validate → choose its languages → for each language
 * resolve → render, each format into memory.  Writing the outputs is the caller's
 * (build writes files, serve publishes pages).
 *
 * Memory rule: bg_pipeline_open and bg_pipeline_clone return an object freed with
 * bg_pipeline_free (NULL-safe); a clone borrows its origin's schema and folder
 * names, so the origin is freed last.  The l10n, schema and renderer that the
 * accessors return belong to the pipeline.  bg_pipeline_load returns a brief the
 * caller frees with bg_brief_free.  A bg_langs holds borrowed strings (the brief's,
 * or the -l list's): it is valid while they are.  A bg_pipeline_lang owns its
 * resolved document and captured messages until bg_pipeline_lang_clear; a render's
 * buffer is the caller's, freed with free().
 *
 * Threads.  A pipeline and everything it made belong to one thread: ICU objects
 * (the l10n's formatters, collators) must not be used from two threads.  To work on
 * another thread, bg_pipeline_clone the pipeline there (on the new thread or before
 * starting it, while no thread changes the origin: cloning only reads it, and
 * several threads may clone one origin at once): the clone has its own l10n
 * (bg_l10n_clone: the catalogues loaded so far, loaded again quietly), and shares
 * the origin's compiled stylesheets (bg_renderer_share: compile every format needed
 * with bg_renderer_prepare first, on one thread) and its RELAX NG schema (read
 * only while validating).  A brief may be resolved for several languages at once
 * on several threads (bg_pipeline_resolve copies it, with a private libxml2
 * dictionary); the copy resolved for one language is used by one thread.
 * bg_pipeline_resolve_take, which reduces the brief's own tree, must not run while
 * any other thread still resolves that brief.  Diagnostics are counted and captured
 * per thread (diag.h).
 *
 * Failure: every problem is reported through diag once, where its file and line
 * are known (the brief's, a template's, a locale file's); functions then return
 * -1 or NULL.  The per-language steps do not print: they capture what they say in
 * the bg_pipeline_lang (or the capture given), so the caller says it in the order
 * it chooses (build: languages in order up to the first that fails) or shows it on
 * a page (serve).
 */
#ifndef BG_PIPELINE_H
#define BG_PIPELINE_H

#include "brief.h"
#include "diag.h"
#include "l10n.h"
#include "render.h"
#include "schema.h"
#include "typst.h"

#include <stddef.h>

/* The most languages one brief is rendered in (and the most -l names).  A brief
 * whose @langs names more is an error, never cut short. */
#define BG_PIPELINE_MAX_LANGS 16
/* Every language of a brief fits in one language unit (brief.h). */
_Static_assert(BG_PIPELINE_MAX_LANGS <= BG_UNIT_MAX, "a language unit holds one member per language");

typedef struct bg_pipeline bg_pipeline;

/* Where the pipeline's parts come from.  The strings are copied. */
typedef struct bg_pipeline_config {
    const char *locales;   /* the locale folder */
    const char *schema;    /* schema/brief.rng */
    const char *templates; /* the bundled template folder */
    const char *overrides; /* --templates DIR, or NULL */
    const char *reads;     /* --template-files DIR, or NULL */
    const char *datadir;   /* the data folder, where the PDF engine's worker is (typst.h); NULL: no PDFs */
    const char *base_url;  /* --base-url, checked and ending in "/", or NULL (bg_renderer_set_site) */
    const char *formats;   /* the formats the run writes, "html docbook pdf" (bg_format_list), or NULL */
} bg_pipeline_config;

/* ---- the pipeline itself ----------------------------------------------------------- */

/* Open the locale catalogues (each language's is loaded on first use) and compile
 * the schema; the renderer comes with bg_pipeline_open_renderer.  The caller frees
 * the pipeline with bg_pipeline_free.  NULL when the schema does not compile or
 * memory runs out (the schema's problems reported at its file and line). */
bg_pipeline *bg_pipeline_open(const bg_pipeline_config *config);

/* (Re)make the renderer from the configured template folders with the pipeline's
 * l10n, freeing the old one (and so any clone's shared stylesheets must be freed
 * first: not while a clone is alive).  Stylesheets compile on first use, or now
 * with bg_renderer_prepare(bg_pipeline_renderer(p), f) — do that before cloning.
 * 0, or -1 when the override or --template-files folder is wrong (reported); the
 * pipeline is then without a renderer and may be given one again later. */
int bg_pipeline_open_renderer(bg_pipeline *p);

/* Read the locale folder anew (serve, after a locale file changed): the l10n is
 * replaced and the renderer, which borrowed it, freed — make it again with
 * bg_pipeline_open_renderer.  Not on a clone, nor while a clone is alive.
 * Nothing is read yet (catalogues load on first use, and report then): 0, or -1
 * out of memory (not reported). */
int bg_pipeline_reload_locales(bg_pipeline *p);

/* A pipeline for another thread (see Threads above): its own l10n, cloned from the
 * origin's with every catalogue loaded so far (quietly: the origin reported their
 * problems), the origin's schema and stylesheets shared.  Call it while no thread
 * changes the origin (load the catalogues the clone needs into the origin first,
 * as build's planning does); the origin must outlive the clone.  The caller frees
 * it with bg_pipeline_free.  NULL out of memory (not reported: the caller says
 * what the thread was for). */
bg_pipeline *bg_pipeline_clone(const bg_pipeline *origin);

/* Free `p` (NULL-safe): its l10n and renderer, and — unless it is a clone — its
 * schema and the compiled stylesheets once no clone shares them. */
void bg_pipeline_free(bg_pipeline *p);

/* The parts, owned by the pipeline (never free them): its configuration (the
 * folders, as opened), its l10n (changes with bg_pipeline_reload_locales) and its
 * renderer (NULL until bg_pipeline_open_renderer succeeded). */
const bg_pipeline_config *bg_pipeline_config_of(const bg_pipeline *p);
bg_l10n *bg_pipeline_l10n(const bg_pipeline *p);
bg_renderer *bg_pipeline_renderer(const bg_pipeline *p);

/* The pipeline's PDF engine (typst.h), made on first use from the configured data
 * folder: each pipeline its own, so each thread has its own worker process.  Owned
 * by the pipeline; NULL without a data folder or out of memory. */
bg_typst *bg_pipeline_typst(bg_pipeline *p);

/* ---- one brief ---------------------------------------------------------------- */

/* The languages a brief is rendered in, in order.  The strings are borrowed from
 * the brief, the peeked list or the -l list: valid while those are. */
typedef struct bg_langs {
    const char *v[BG_PIPELINE_MAX_LANGS];
    int n;
} bg_langs;

/* Choose the languages of the loaded brief `b`: `only` when given (build -l), else
 * the brief's own @langs.  Returns their number, or -1 when @langs names more than
 * BG_PIPELINE_MAX_LANGS (reported at the <brief> element's line, naming the first
 * language past the limit).  Needs the brief's tree (before
 * bg_brief_release_tree) only for that report. */
int bg_pipeline_langs(const bg_brief *b, const bg_langs *only, bg_langs *out);
/* The same before the brief is loaded, from `peeked` (bg_brief_peek_langs, may be
 * NULL; borrowed): for planning.  Silent: -1 when over the limit, and the load
 * reports it. */
int bg_pipeline_peek_langs(char *const *peeked, const bg_langs *only, bg_langs *out);

/* Validate `b` (RELAX NG, then the semantic checks: brief.h; then every @oblast
 * against the closed list: oblast.h, with suggestions from the pipeline's locale
 * folder; then, on a valid brief, the cross-language checks: xlang.h, warnings
 * that only --strict makes errors, which the caller sees in bg_diag_errors, not
 * in the result) and choose its languages into *langs.  0, or -1 when it is not valid or
 * names too many languages (every problem reported, at the brief's file and line).
 * Uses the schema and reads the locale folder only for a wrong @oblast (a set of
 * catalogues of its own): any thread, with the pipeline or a clone of it. */
int bg_pipeline_validate(bg_pipeline *p, bg_brief *b, const bg_langs *only, bg_langs *langs);
/* bg_brief_load (the safe load) and bg_pipeline_validate: a brief the caller frees
 * with bg_brief_free, or NULL (every problem reported, in line order: what the
 * load, the schema, the semantic checks and the limit on languages say is held
 * back and said once all have run, bg_diag_capture_sort). */
bg_brief *bg_pipeline_load(bg_pipeline *p, const char *path, const bg_langs *only, bg_langs *langs);

/* `check`: resolve `b` for each of `langs` only for what that says (missing
 * translations: warnings, errors under --strict; said, not captured), then drop the
 * copies.  No catalogue is loaded.  The caller counts errors with bg_diag_errors. */
void bg_pipeline_check_langs(const bg_brief *b, const bg_langs *langs);

/* ---- one language --------------------------------------------------------------- */

/* A brief resolved for one language, and what the steps said.  The caller sets
 * `lang` and zeroes the rest before bg_pipeline_resolve, and ends with
 * bg_pipeline_lang_clear.  One thread uses it at a time. */
typedef struct bg_pipeline_lang {
    const char *lang;             /* borrowed */
    bg_locale *locale;            /* the language's catalogue (the l10n's), NULL when it cannot be loaded */
    xmlDocPtr resolved;           /* owned: the brief reduced to `lang`, or NULL */
    bg_diag_capture locale_said;  /* what loading the catalogue said (once per l10n) */
    bg_diag_capture resolve_said; /* what resolving said: missing translations */
} bg_pipeline_lang;

/* Load the catalogue of l->lang and resolve a copy of `b` for it (skipped when the
 * catalogue cannot be loaded); what each step says is captured in `l`, not said:
 * the caller says it (bg_diag_capture_replay) or keeps it.  0, or -1 when the
 * catalogue cannot be loaded, the brief cannot be resolved, or either step
 * reported an error (a warning under --strict included).  On -1 l->resolved may
 * still hold a document (a resolve that only warned under --strict).  Several
 * threads may resolve one brief at once, each with its own pipeline. */
int bg_pipeline_resolve(bg_pipeline *p, const bg_brief *b, bg_pipeline_lang *l);
/* The same in `b`'s own tree (bg_brief_resolve_take), for the last language of a
 * brief: no copy is made, and the brief is left without a tree.  No other thread
 * may be resolving `b` then. */
int bg_pipeline_resolve_take(bg_pipeline *p, bg_brief *b, bg_pipeline_lang *l);

/* Render l->resolved in format `f` with the pipeline's renderer (there must be
 * one) into a malloc'd *out / *len that the caller frees; `stem` is the output
 * file stem, for links between languages.  What the render says is captured in
 * *said (begun here, whatever was in it dropped; the caller says or frees it).  0
 * with the output, or -1 when the render failed (*out is then NULL, the reason in
 * *said, at the template's file and line where known).  BG_FORMAT_PDF renders the
 * Typst source and compiles it with the pipeline's engine (bg_pipeline_typst), the
 * figures' images read again from their sources; the engine's messages are in
 * *said too, at the brief's lines.  A render can succeed and
 * still report an error (an xsl:message under --strict): said->errors counts them,
 * and the caller decides whether the output stands. */
int bg_pipeline_render(bg_pipeline *p, const bg_brief *b, const bg_pipeline_lang *l, const char *stem, bg_format f,
                       char **out, size_t *len, bg_diag_capture *said);

/* One part of the output in format `f` (bg_render_part: BG_PART_VOTES_SVG in
 * BG_FORMAT_DOCBOOK, the votes chart's file beside the DocBook; an empty *out when
 * the brief has no chart).  Same contract as bg_pipeline_render, without a PDF. */
int bg_pipeline_render_part(bg_pipeline *p, const bg_brief *b, const bg_pipeline_lang *l, const char *stem, bg_format f,
                            const char *part, char **out, size_t *len, bg_diag_capture *said);

/* The PDF of `typ`, the Typst source of l->resolved that bg_pipeline_render gave in
 * BG_FORMAT_TYPST, compiled as bg_pipeline_render does for BG_FORMAT_PDF — for a
 * caller that writes both and should not render the source twice.  Same contract
 * as bg_pipeline_render; `typ` is borrowed. */
int bg_pipeline_compile_pdf(bg_pipeline *p, const bg_brief *b, const bg_pipeline_lang *l, const char *stem,
                            const char *typ, size_t typ_len, char **out, size_t *len, bg_diag_capture *said);

/* Free what `l` owns: the resolved document and the captured messages; `lang` is
 * kept, so `l` may be resolved again. */
void bg_pipeline_lang_clear(bg_pipeline_lang *l);

#endif
