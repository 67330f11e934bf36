/* collection — the pages that present a batch of briefs together (`build
 * --collection`): for each language any brief is built in, an index page
 * index.LANG.html and, with --base-url, an Atom feed feed.LANG.xml; with
 * --base-url also one sitemap.xml with every language version's alternates.
 *
 * C gathers; templates present.  Each brief is loaded and resolved again for each
 * of its languages (quietly: its build has said what there is to say), and its
 * resolved tree is copied into one in-memory collection document, in input order:
 *
 *   <collection xmlns="urn:briefgen:collection:1" langs="uk en" base-url="https://…/">
 *     <brief stem="NAME" langs="uk en">
 *       <version lang="uk" html="NAME.uk.html" pdf="NAME.uk.pdf" docbook="NAME.uk.dbk">
 *         <b:brief …>the brief resolved for uk</b:brief>
 *       </version> …
 *
 * (an output's attribute only when this build writes that format; hrefs relative
 * and percent-encoded; base-url only with --base-url; an optional @reading-minutes
 * on a version where the reading time is known).  Sheets (render.h: bg_sheet)
 * sort and render it: templates/html/collection.xsl, templates/atom/feed.xsl,
 * templates/sitemap/sitemap.xsl (docs/templates.md).
 *
 * The pages are rendered on every run with --collection (cheap) and written —
 * atomically — only when their bytes changed, so an unchanged collection keeps its
 * files and times.  They are deterministic: no clock (a feed's <updated> is its
 * newest brief's date), briefs in input order before the sheets' stable sort.
 *
 * Memory rule: bg_collection_new returns an object freed with bg_collection_free
 * (NULL-safe); strings given to it are copied.
 *
 * Threads: one thread, with the pipeline it is given (build's main pipeline, after
 * its workers are done).
 *
 * Failure: every problem is reported once through diag (a brief that no longer
 * loads, a template, a write); functions return -1.
 */
#ifndef BG_COLLECTION_H
#define BG_COLLECTION_H

#include "pipeline.h"
#include "render.h"

typedef struct bg_collection bg_collection;

/* A collection whose pages will link to the outputs in `format` (the formats this
 * build writes) and use `base_url` (normalised, ending in "/"; NULL without
 * --base-url: then no feed and no sitemap).  NULL out of memory (not reported). */
bg_collection *bg_collection_new(const char *base_url, const int format[BG_FORMAT_COUNT]);
void bg_collection_free(bg_collection *c);

/* 1 when the brief at `path` would write a collection page's file (a brief named
 * index.xml writes index.LANG.html); reported at `path`, saying to rename it. */
int bg_collection_name_taken(const char *path);

/* Load the brief at `path` with `p`, resolve it for its languages (`only`, the -l
 * list, or NULL) and add each version.  What loading and resolving say is dropped:
 * the brief's build said it.  0, or -1 when it no longer loads (reported). */
int bg_collection_add(bg_collection *c, bg_pipeline *p, const char *path, const bg_langs *only);

/* Render every page of the collection with `r` and write into `outdir` each one
 * whose bytes changed (naming it when `verbose`).  0, or -1 (reported). */
int bg_collection_write(bg_collection *c, bg_renderer *r, const char *outdir, int verbose);

#endif
