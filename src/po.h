/* po — a brief's text out to a gettext PO file and the translations back in: the
 * second exchange format beside XLIFF (xliff.h), for translators who work in Poedit,
 * Lokalize or Weblate's gettext projects.  Read and written with gettext's own
 * library, libgettextpo, so whatever a gettext tool writes (any wrapping, any order
 * of comments) is read as msgfmt reads it.
 *
 * One entry per unit: msgctxt is the unit's id, msgid its source text and msgstr the
 * translation (empty when there is none), both as the XLIFF route writes them — XML
 * text with the inline elements as <g id="N" ctype="…">…</g> and <x id="N" …/>.  A
 * "#:" reference gives BRIEF.xml:LINE, an extracted comment ("#.") what and where
 * the text is, and a translation that is word for word the source is "fuzzy".  The
 * header gives Language, and X-Source-Language the brief's source language.
 *
 * Import goes through the XLIFF route's merge (xliff_merge.h): a fuzzy entry is not
 * merged, an entry whose msgid is no longer the brief's text is refused with the
 * same warning, and an error anywhere leaves the brief untouched.  Messages name the
 * PO file and the line of the entry's msgid.
 *
 * Memory rule: nothing to free; the arguments are borrowed for the call.
 * Failure: reported through diag; -1.  Nothing is written unless it succeeds.
 * Threads: libgettextpo keeps its error handler in globals: one call at a time in a
 * process (the CLI's l10n commands; never the preview server).
 */
#ifndef BG_PO_H
#define BG_PO_H

#include "schema.h"

/* bg_xliff_export, writing a PO file instead.  0, or -1 (reported). */
int bg_po_export(const char *path, const char *lang, const bg_schema *schema, const char *out_path);

/* bg_xliff_import from PO file `po_path`.  0, or -1 (reported). */
int bg_po_import(const char *path, const char *po_path, const bg_schema *schema);

#endif
