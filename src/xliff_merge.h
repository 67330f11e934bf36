/* xliff_merge — what the two exchange formats for a brief's text share: the walk
 * over the units an export writes, and the merge of translated units back into the
 * brief.  XLIFF (xliff.c, which defines these) and PO (po.c) are only two ways of
 * writing the same units, so a translation imports with the same result, the same
 * refusals and the same summary whichever route it took.
 *
 * Units travel as XLIFF inline content both ways: text escaped as XML, the brief's
 * inline elements as <g id="N" ctype="…">…</g> and <x id="N" ctype="…"/>, numbered
 * in the source's order (see xliff.h).
 *
 * Memory rule: the walk's strings are borrowed for the callback's call; a bg_merge
 * is freed by bg_merge_finish (or bg_merge_free when abandoned), NULL-safe.
 * Failure: reported through diag at the file and line given; -1 / NULL.
 * Threads: no state of its own.
 */
#ifndef BG_XLIFF_MERGE_H
#define BG_XLIFF_MERGE_H

#include "brief.h"
#include "schema.h"

/* The file-level facts of an export. */
typedef struct bg_xfile {
    const char *source_lang, *lang;
    const char *brief_name; /* the brief's file name without its folder */
} bg_xfile;

/* One unit of an export. */
typedef struct bg_xunit {
    const char *id;
    const char *source; /* the source text as XLIFF inline content */
    const char *target; /* the translation the same way, or NULL when there is none */
    int review;         /* the translation is word for word the source: not finished */
    const char *note;   /* what and where it is: "paragraph in “Summary”" */
    long line;          /* of the source element in the brief */
} bg_xunit;

typedef struct bg_xexport_fns {
    int (*begin)(const bg_xfile *f, void *data);
    int (*unit)(const bg_xfile *f, const bg_xunit *u, void *data);
} bg_xexport_fns;

/* Load and validate brief `path`, check `lang` as bg_xliff_export does, then call
 * `fns->begin` once and `fns->unit` for each unit in document order; a nonzero
 * return stops the walk and is returned.  0, or -1 (reported). */
int bg_xliff_walk(const char *path, const char *lang, const bg_schema *schema, const bg_xexport_fns *fns, void *data);

/* A merge in progress into one brief. */
typedef struct bg_merge bg_merge;

/* Load brief `path` for merging: read, validated (problems reported), its units
 * listed.  NULL (reported). */
bg_merge *bg_merge_open(const char *path, const bg_schema *schema);

/* The brief's source language, borrowed from `m`. */
const char *bg_merge_source_lang(const bg_merge *m);

/* Check the languages a translation file states — `source_lang` must be the brief's,
 * `lang` another of its languages — reporting at `file`:`line`.  0, or -1. */
int bg_merge_languages(bg_merge *m, const char *file, long line, const char *source_lang, const char *lang);

/* One translated unit.  `source` and `target` are elements whose content is XLIFF
 * inline content (target NULL: none); `finished` NULL when the translation is done,
 * else why it is not and what to do ("is marked fuzzy: not merged — …"): such a
 * unit is warned about with these words and left out. */
typedef struct bg_merge_unit_in {
    const char *file; /* the translation file, for messages */
    const char *what; /* "trans-unit", "entry" */
    long line;        /* of the unit in `file` */
    int one_line;     /* 1: every message about the unit at `line` (the elements' lines mean nothing) */
    const char *id;
    const xmlNode *source, *target;
    const char *unfinished;
} bg_merge_unit_in;
void bg_merge_unit(bg_merge *m, const bg_merge_unit_in *u);

/* Count one problem reported by the caller, so the brief is left untouched. */
void bg_merge_error(bg_merge *m);

/* Apply what was merged: with no error, the merged brief is validated and written
 * atomically, and a one-line summary goes to stdout; with an error, nothing is
 * written.  Frees `m`.  0, or -1 (reported). */
int bg_merge_finish(bg_merge *m, const char *file);
void bg_merge_free(bg_merge *m);

#endif
