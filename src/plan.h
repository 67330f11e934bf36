/* plan — what `build` must make before it makes anything: the output files of each
 * brief (OUTDIR/NAME.LANG.EXT), which of them are up to date, the stamp that names
 * the template and locale folders the outputs in a folder were made with, and the
 * Make rules of --deps.
 *
 * The citation files (BG_FORMAT_CITE) are one set per brief, OUTDIR/NAME.ris, .bib
 * and .csl.json (bg_plan_cite_path), made from every language.
 *
 * An output is up to date when it is newer than every file it is made from: the
 * brief, the template files of its format (after --templates overrides), the
 * language's locale file and en.xlf, the schema, briefgen itself, and the images of
 * the brief's figures (whose copies beside the DocBook outputs must be newer than
 * the images), and for PDF the engine's files (its worker, the npm module, the
 * fonts: typst.h).  File times alone cannot tell that the outputs were made with other
 * template or locale folders, or another PDF engine: the stamp (OUTDIR/.briefgen-stamp) says which, and
 * when it differs every output is rebuilt.
 *
 * Memory rule: a bg_plan is the caller's, with borrowed pointers (it must outlive
 * nothing but the call).  bg_plan_make fills each bg_plan_brief with peeked lists
 * that bg_plan_brief_clear frees.
 *
 * Threads: bg_plan_make runs on one thread before the build starts (it compiles
 * stylesheets and loads catalogues with the main pipeline).  Afterwards
 * bg_plan_output_fresh and bg_plan_write_stamp only read files and the plan, and
 * may be called from any thread — the caller serialises bg_plan_write_stamp with
 * the writes of its outputs (build holds its batch lock).
 *
 * Failure: reported through diag where the file is known (the stamp, the --deps
 * file, two briefs that would write the same outputs, a locale that cannot be
 * loaded); functions return -1.  Up-to-date checks are silent: whatever they cannot
 * read makes the output out of date, and building it says why.
 */
#ifndef BG_PLAN_H
#define BG_PLAN_H

#include "buf.h"
#include "pipeline.h"

#include <stddef.h>

typedef struct bg_plan {
    /* Set by the caller. */
    bg_pipeline *pipeline;       /* the main one: its template files, locale folder and schema are inputs */
    const char *outdir;          /* -o */
    int format[BG_FORMAT_COUNT]; /* the formats to write */
    const bg_langs *only;        /* -l, or NULL: each brief's own languages */
    int writes;                  /* build (1) or check (0): check plans only the catalogues */
    int force;                   /* --force */
    const char *deps;            /* --deps FILE, or NULL */
    /* Set by bg_plan_make. */
    int rebuild;           /* rebuild every output: --force, or the stamp names other folders */
    int stamp_due;         /* the stamp must be written with the first output */
    const char *engine_id; /* the PDF engine and its version (typst.h), borrowed from it; in the stamp */
    bg_strv engine_inputs; /* the engine's files, inputs of every PDF (bg_plan_clear frees them) */
} bg_plan;

/* One brief of the batch as planned. */
typedef struct bg_plan_brief {
    const char *path; /* as given; borrowed */
    char **langs;     /* its @langs as peeked, or NULL with -l */
    char **figures;   /* its figures' @id and @src in pairs, when up-to-date checks or --deps need them */
    int voted;        /* with figures: how many recommendations have @votes (the chart needs two) */
    int skip;         /* every output is up to date: the brief is not even loaded */
} bg_plan_brief;

/* Plan the batch `briefs` on the calling thread: compile the stylesheets of the
 * formats to write, refuse two briefs that would write the same files, load every
 * catalogue the briefs need (so a locale's problems are reported once, before any
 * brief's: *failed is set then), and mark the briefs whose outputs are all up to
 * date, adding their number to *skipped_outputs.  0, or -1 when nothing can be
 * built at all (reported). */
int bg_plan_make(bg_plan *pl, bg_plan_brief *briefs, int n, int *skipped_outputs, int *failed);
void bg_plan_brief_clear(bg_plan_brief *pb);
/* Free what bg_plan_make keeps in the plan itself (the engine's inputs). */
void bg_plan_clear(bg_plan *pl);

/* NAME of .../NAME.xml: the stem of every output file of that brief. */
void bg_plan_output_stem(const char *brief, char *buf, size_t size);
/* The output file of `brief` for `lang` in `f`; 0, or -1 when the path does not fit
 * (not reported: the caller says where). */
int bg_plan_output_path(const bg_plan *pl, char *buf, size_t size, const char *brief, const char *lang, bg_format f);
/* The votes chart's SVG file written beside the DocBook output of `brief` for
 * `lang` (OUTDIR/NAME.LANG.votes.svg, the name the DocBook templates give
 * imagedata); 0, or -1 when the path does not fit.  Whether there is one is the
 * templates' (common.xsl: chart-shown); bg_plan_chart_due says it from a peek. */
int bg_plan_chart_path(const bg_plan *pl, char *buf, size_t size, const char *brief, const char *lang);
/* 1 when `pb`'s DocBook outputs have a votes chart's file beside them: two
 * recommendations voted on or more, as peeked. */
int bg_plan_chart_due(const bg_plan_brief *pb);
/* The citation file of `brief` of kind `kind` (a bg_citefile_kind, citefile.h):
 * OUTDIR/NAME.ris, .bib, .csl.json, one per brief.  0, or -1 when the path does not
 * fit (not reported). */
int bg_plan_cite_path(const bg_plan *pl, char *buf, size_t size, const char *brief, int kind);
/* The languages of `pb` as planned (-l, else its peeked @langs); -1, silently, when
 * it names more than BG_PIPELINE_MAX_LANGS (the load reports it). */
int bg_plan_langs(const bg_plan *pl, const bg_plan_brief *pb, bg_langs *out);
/* 1 when the output of `pb` for `lang` in `f` exists and is newer than every file
 * it is made from (for DocBook, the figures' copies and the votes chart's file
 * too); 0 otherwise.  For BG_FORMAT_CITE: the three citation files, newer than
 * `lang`'s inputs, with one record per language of the run (their RIS file's LA
 * lines). */
int bg_plan_output_fresh(const bg_plan *pl, const bg_plan_brief *pb, const char *lang, bg_format f);

/* Write the stamp into the output folder (atomically), creating the folder.  0, or
 * -1: reported by the write (bg_write_atomic), except for an output folder whose
 * name leaves no room for the stamp's, where the outputs' own paths say why. */
int bg_plan_write_stamp(const bg_plan *pl);
/* Write --deps: a Make rule for every output of every brief (the votes chart's
 * file beside a DocBook output too), naming each file it is made from.  0, or -1
 * (reported). */
int bg_plan_write_deps(const bg_plan *pl, const bg_plan_brief *briefs, int n);

#endif
