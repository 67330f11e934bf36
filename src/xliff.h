/* xliff — a brief's text out to XLIFF 1.2 for a translator's CAT tool, and the
 * translations back into the brief.
 *
 * One trans-unit per language unit, with the id textunits gives it; the source is
 * the text in the brief's source language, the target the text in the other
 * language where it exists (state="translated") or an empty target
 * (state="needs-translation"); a note says what and where it is.  Inline markup
 * travels as XLIFF inline elements numbered in the source's order: an element with
 * content as <g id="N" ctype="…">…</g> (em italic, strong bold, a link, cite x-cite,
 * term x-term), an empty one (<cite ref="…"/>) as <x id="N" ctype="…"/>.  On import
 * each <g>/<x> becomes the source's element N again, attributes and all.
 *
 * Memory rule: nothing to free; the arguments are borrowed for the call.
 *
 * Failure: every problem is reported through diag at its file and line, and the
 * functions return -1.  Neither writes anything unless it succeeds: the XLIFF and
 * the merged brief are made whole in memory first, then written atomically
 * (bg_write_atomic).
 *
 * Threads: no state of its own; `schema` is only read.
 */
#ifndef BG_XLIFF_H
#define BG_XLIFF_H

#include "schema.h"

/* Write the XLIFF for translating brief `path` into `lang` to `out_path`
 * (atomically), or to stdout when `out_path` is NULL.  The brief must be valid
 * (its problems are reported).  `lang` may not be the source language (an error);
 * a `lang` not in the brief's @langs is only warned about, since the translation
 * can start before the brief lists it.  0, or -1 (reported). */
int bg_xliff_export(const char *path, const char *lang, const bg_schema *schema, const char *out_path);

/* Merge the targets of `xliff_path` into brief `path`: each becomes the unit's
 * element in the file's target-language — updated where it exists, added right
 * after the source-language element where not.  Units whose source text is no
 * longer the brief's are warned about and left out; so are ids the brief no
 * longer has.  A unit the brief cannot take (markup that was not exported, no
 * <source>, a missing or repeated id) is an error, and one error leaves the brief
 * untouched.  Everything else in the brief stays as it was, byte for byte.  The
 * result must validate — its messages then give lines of the merged text, which
 * is never written — and it then replaces the brief atomically; on any error the
 * brief is not touched.  On success a one-line summary goes to stdout.  0, or -1
 * (reported). */
int bg_xliff_import(const char *path, const char *xliff_path, const bg_schema *schema);

#endif
