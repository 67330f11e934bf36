/* render — the one renderer every command uses: the stylesheet cache (one compiled
 * stylesheet per format, with --templates overrides), the transform with our
 * extension functions under libxslt's security preferences, serialisation, and the
 * atomic write of each output.
 *
 * Memory rule: bg_renderer_new returns an object freed with bg_renderer_free
 * (NULL-safe); bg_render's output buffer is the caller's, freed with free().
 */
#ifndef BG_RENDER_H
#define BG_RENDER_H

#include "brief.h"
#include "l10n.h"

#include <stddef.h>

/* The output formats.  PDF has no stylesheet of its own: it is the Typst source
 * (rendered with the typst stylesheet) compiled by the Typst engine (typst.h),
 * which the pipeline does; bg_render in BG_FORMAT_PDF gives that Typst source.
 * CITE is the citation files, one set per brief (citefile.h): bg_render gives one
 * language's record, and build writes every language's into NAME.ris, NAME.bib
 * and NAME.csl.json. */
typedef enum bg_format {
    BG_FORMAT_HTML,
    BG_FORMAT_DOCBOOK,
    BG_FORMAT_TYPST,
    BG_FORMAT_PDF,
    BG_FORMAT_CITE,
    BG_FORMAT_COUNT
} bg_format;

typedef struct bg_renderer bg_renderer;

/* File extension ("html", "dbk", "typ", "pdf"; "cite", which names no file) and
 * option name ("html", "docbook", "typst", "pdf", "cite") of a format. */
const char *bg_format_ext(bg_format f);
const char *bg_format_name(bg_format f);
/* The format named `name` (a name or an extension: "docbook" or "dbk"), or -1. */
int bg_format_parse(const char *name);
/* The option names of the formats set in `want`, in this enum's order and
 * space-separated ("html docbook pdf"), into `buf` (cut short when it does not
 * fit: 64 bytes always do). */
void bg_format_list(const int want[BG_FORMAT_COUNT], char *buf, size_t size);

/* `templates` is the bundled template folder; `overrides` (may be NULL) a folder
 * whose files replace bundled ones of the same relative path (--templates).
 * Stylesheets are compiled on first use.  `l10n` is borrowed. */
bg_renderer *bg_renderer_new(const char *templates, const char *overrides, bg_l10n *l10n);
void bg_renderer_free(bg_renderer *r);

/* Let templates read files under `dir` with document() too (--template-files);
 * by default they read only the template folders.  Writing stays refused.  Call
 * before sharing the renderer.  0, or -1 when `dir` is not a folder (reported). */
int bg_renderer_allow_reads(bg_renderer *r, const char *dir);

/* What every template is told about where and how its outputs are published, as
 * the string parameters `base-url` and `formats` (docs/templates.md): `base_url`
 * the site's address ending in "/" (--base-url, checked by the caller), or NULL
 * for none (''); `written` the formats the run writes (bg_format_list), or NULL
 * (''), so a page links to a PDF only when one is made.  Copied.  Call before
 * sharing the renderer: the shares see the same.  0, or -1 out of memory (not
 * reported). */
int bg_renderer_set_site(bg_renderer *r, const char *base_url, const char *written);

/* A renderer for another thread: it shares `r`'s compiled stylesheets (compile
 * them first with bg_renderer_prepare, on one thread) and uses its own `l10n`,
 * since ICU formatters belong to one thread.  Free each with bg_renderer_free; the
 * stylesheets go with the last one. */
bg_renderer *bg_renderer_share(bg_renderer *r, bg_l10n *l10n);
/* Compile the stylesheet for `f` now.  0, or -1 (reported). */
int bg_renderer_prepare(bg_renderer *r, bg_format f);

/* Every template file the stylesheet for `f` is made of (after overrides), for
 * dependency tracking; NULL-terminated, owned by the renderer.  Compiles the
 * stylesheet if needed; NULL on error (reported). */
const char *const *bg_renderer_sources(bg_renderer *r, bg_format f);

/* Transform `resolved` (a brief resolved for `lang` by bg_brief_resolve) with the
 * stylesheet for `f`.  `basename` is the output file stem, for links between
 * languages.  On success stores a malloc'd buffer in *out / *len and returns 0;
 * on failure reports why (template file and line where known) and returns -1. */
int bg_render(bg_renderer *r, const bg_brief *brief, xmlDocPtr resolved, const char *lang, const char *basename,
              bg_format f, char **out, size_t *len);

/* One part of the output instead of the whole: bg_render with the stylesheet
 * parameter `part` set.  The DocBook stylesheet knows BG_PART_VOTES_SVG, the votes
 * chart as a standalone SVG file (empty output when the brief has no chart).
 * Same contract as bg_render. */
#define BG_PART_VOTES_SVG "votes-svg"
int bg_render_part(bg_renderer *r, const bg_brief *brief, xmlDocPtr resolved, const char *lang, const char *basename,
                   bg_format f, const char *part, char **out, size_t *len);

/* The pages of a collection (collection.h), rendered from a collection document
 * rather than a brief: the index of one language, its Atom feed, the sitemap. */
typedef enum bg_sheet { BG_SHEET_INDEX, BG_SHEET_FEED, BG_SHEET_SITEMAP, BG_SHEET_COUNT } bg_sheet;

/* Every template file of sheet `s`, as bg_renderer_sources; NULL on error (reported). */
const char *const *bg_renderer_sheet_sources(bg_renderer *r, bg_sheet s);

/* Transform the collection document `doc` with sheet `s` for `lang`, with the
 * NULL-terminated string parameters `params` (name, value, …; "lang" among them),
 * as bg_render does: a malloc'd *out / *len and 0, or -1 reported at the template
 * or, when nothing more precise is known, at `where` (the output folder). */
int bg_render_collection(bg_renderer *r, xmlDocPtr doc, bg_sheet s, const char *lang, const char *const *params,
                         const char *where, char **out, size_t *len);

#endif
