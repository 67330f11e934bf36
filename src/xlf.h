/* xlf — the one XLIFF 1.2 reader every module shares: the namespace, elements and
 * attributes by name, the walk over a <body>'s trans-units, and the plain text of a
 * <source>, <target> or <note>.  Locale loading (l10n), the translators' tools
 * (catalog: `briefgen l10n check/sync/new`) and the brief export and merge (xliff)
 * read XLIFF through it.  (The brief-XLIFF export/merge is xliff.c; this is the
 * reader underneath.)
 *
 * It sits low: it knows libxml2 trees, diag and buf, nothing of l10n or rendering.
 * Parsing is the caller's (each has its own safe parse); this reads a tree.
 *
 * Memory rule: strings returned as `const char *` are borrowed from the tree and live
 * as long as it does; bg_xlf_text returns a malloc'd string the caller frees.
 * Threads: no state of its own; one tree is read by one thread at a time.
 */
#ifndef BG_XLF_H
#define BG_XLF_H

#include <libxml/tree.h>

/* The XLIFF 1.2 namespace (a string literal, so messages can be built around it). */
#define BG_XLF_NS "urn:oasis:names:tc:xliff:document:1.2"

/* 1 when `n` is the XLIFF 1.2 element `name` ("trans-unit"), or any XLIFF 1.2
 * element when `name` is NULL; 0 otherwise, and for n NULL. */
int bg_xlf_is(const xmlNode *n, const char *name);

/* The value of attribute `name` (no namespace) of element `n`, borrowed from the
 * tree; NULL when `n` has none (or is NULL). */
const char *bg_xlf_attr(const xmlNode *n, const char *name);

/* The first child of `n` that is the XLIFF element `name`, or NULL; when `count` is
 * not NULL it receives how many such children there are. */
xmlNodePtr bg_xlf_child(const xmlNode *n, const char *name, int *count);

/* Calls `fn(unit, data)` for each <trans-unit> under `parent` (a <body>, or a
 * <group>, whose groups are entered, at any depth), in document order.  Stops at the
 * first call that returns nonzero and returns its value; 0 when every unit was seen.
 * Reports nothing itself. */
typedef int (*bg_xlf_unit_fn)(xmlNodePtr unit, void *data);
int bg_xlf_each_unit(const xmlNode *parent, bg_xlf_unit_fn fn, void *data);

/* The text of <source>, <target> or <note> `el`: its text and CDATA as written,
 * white space included, in a new string the caller frees.  Our messages are plain
 * text, so inline markup (<g>, <x/>, <ph>, …) is refused: NULL after reporting at
 * `path`:`line` (the trans-unit's) "message 'ID' contains markup <g>; write plain
 * text", with `id` the unit's id.  NULL after reporting also when out of memory. */
char *bg_xlf_text(const char *path, long line, const xmlNode *el, const char *id);

#endif
