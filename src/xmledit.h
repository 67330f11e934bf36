/* xmledit — XML files changed the way a careful person edits them: a libxml2 tree
 * to decide what to change, and the file's own bytes, of which only the changed
 * stretches are rewritten.  Everything else — comments, order, white space,
 * character references such as &#160;, attribute order and quoting — stays byte for
 * byte, so a translator's or a researcher's diff shows only what changed.
 *
 * Parsing is as careful as for briefs (xmlsafe): no DTD loading, no network, no
 * entity substitution, and a document that declares an entity is refused.  Only
 * UTF-8 files can be edited.
 *
 * Memory rule: bg_xdoc_load/bg_xdoc_parse return an object freed with bg_xdoc_free
 * and bg_xedits_new one freed with bg_xedits_free (both NULL-safe).  The xdoc owns
 * its tree and its bytes; nodes and strings taken from it live as long as it does.
 * Edits copy the text they are given.
 *
 * Failure: loading and applying report through diag as "path:line: error: …" (a
 * parse error in libxml2's own words) and return NULL; an element-level edit on an
 * element without a place in the bytes is reported as an internal error.  An edit
 * that runs out of memory marks the list, and bg_xedits_apply then reports it.
 *
 * Threads: an xdoc and an edit list are used by one thread at a time; different
 * files may be loaded and edited on different threads.  Messages go to the calling
 * thread's diag.
 */
#ifndef BG_XMLEDIT_H
#define BG_XMLEDIT_H

#include "buf.h"

#include <libxml/tree.h>
#include <stddef.h>

typedef struct bg_xdoc bg_xdoc;

/* Read and parse file `path`.  A new xdoc the caller frees with bg_xdoc_free; NULL
 * after reporting "path:line: error: …". */
bg_xdoc *bg_xdoc_load(const char *path);
/* The same from `len` bytes of memory (copied); `name` stands for the file in
 * messages. */
bg_xdoc *bg_xdoc_parse(const char *data, size_t len, const char *name);
/* Free `x`, its tree and its bytes.  NULL does nothing. */
void bg_xdoc_free(bg_xdoc *x);

/* The tree and the name, borrowed from `x`. */
xmlDocPtr bg_xdoc_doc(const bg_xdoc *x);
const char *bg_xdoc_name(const bg_xdoc *x);
/* The file's bytes as read (NUL-terminated; the length in *len when not NULL),
 * borrowed. */
const char *bg_xdoc_bytes(const bg_xdoc *x, size_t *len);

/* Where element `el` stands in the bytes: its start tag is [open_start, open_end),
 * its end tag [close_start, close_end), its content [open_end, close_start).  For
 * an empty-element tag (<x/>) close_start == close_end == open_end.  Returns 0, or
 * -1 when `el` is not an element parsed from these bytes (said nowhere). */
typedef struct bg_xspan {
    size_t open_start, open_end, close_start, close_end;
} bg_xspan;
int bg_xdoc_span(const bg_xdoc *x, const xmlNode *el, bg_xspan *span);

/* The white space that starts the line `el` starts on, newline included
 * ("\n      "), appended to `out` (out of memory marks `out`, as bg_buf does); "\n"
 * when `el` does not start its line. */
void bg_xdoc_line_start(const bg_xdoc *x, const xmlNode *el, bg_buf *out);

/* ---- edits ----------------------------------------------------------------------- */

typedef struct bg_xedits bg_xedits;

/* An empty list of edits, freed with bg_xedits_free (NULL-safe); NULL on
 * out-of-memory (said nowhere). */
bg_xedits *bg_xedits_new(void);
void bg_xedits_free(bg_xedits *e);
/* The number of edits made (0 for NULL). */
int bg_xedits_count(const bg_xedits *e);

/* Replace `len` bytes at offset `at` of the original bytes with `n` bytes of
 * `text` (copied; n == 0 deletes, len == 0 inserts).  Insertions at one offset
 * keep the order they were made in, and come before a deletion starting there. */
void bg_xedits_replace(bg_xedits *e, size_t at, size_t len, const char *text, size_t n);

/* Element-level edits (each 0, or -1 when `el` has no span: reported as an
 * internal error).  `content` and `text` are XML, written as given. */
/* The content of `el` becomes `content`; an empty-element tag gets an end tag. */
int bg_xedit_set_content(bg_xedits *e, const bg_xdoc *x, const xmlNode *el, const char *content);
/* Attribute `name` (no namespace) of `el` gets `value` (escaped here): the old value
 * is replaced where it stands, or the attribute is added at the end of the tag. */
int bg_xedit_set_attr(bg_xedits *e, const bg_xdoc *x, const xmlNode *el, const char *name, const char *value);
/* `el` goes, with the white space before it, so no empty line is left. */
int bg_xedit_remove(bg_xedits *e, const bg_xdoc *x, const xmlNode *el);
/* `text` goes right after the end of `el` (after its start tag when `inside`). */
int bg_xedit_insert_after(bg_xedits *e, const bg_xdoc *x, const xmlNode *el, int inside, const char *text);

/* The bytes with every edit applied, in a new buffer the caller frees (its length in
 * *len).  NULL when out of memory or when two edits overlap (a bug; reported). */
char *bg_xedits_apply(const bg_xedits *e, const bg_xdoc *x, size_t *len);

#endif
