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
 */
#ifndef BG_XLIFF_H
#define BG_XLIFF_H

#include "schema.h"

/* Write the XLIFF for translating brief `path` into `lang` to `out_path`
 * (atomically), or to stdout when `out_path` is NULL.  The brief must be valid.
 * 0, or -1 (reported). */
int bg_xliff_export(const char *path, const char *lang, const bg_schema *schema, const char *out_path);

/* Merge the targets of `xliff_path` into brief `path`: each becomes the unit's
 * element in the file's target-language — updated where it exists, added right
 * after the source-language element where not.  Units whose source text is no
 * longer the brief's are reported and left out; so are ids the brief no longer
 * has.  Everything else in the brief stays as it was, byte for byte.  The result
 * must validate; it then replaces the brief atomically, and on any error the
 * brief is not touched.  0, or -1 (reported). */
int bg_xliff_import(const char *path, const char *xliff_path, const bg_schema *schema);

#endif
