/* textunits — the translatable texts of a brief as a translator meets them: every
 * language unit with a stable id ("f-water/p[2]"), where it stands ("Findings ›
 * Water") and what it is ("paragraph").  Status, export and import all name units
 * through here, so what one prints the others find.
 *
 * Ids come from the structure, never from a running count: the nearest enclosing
 * element with an @id (the brief's own excepted), then the path down from it, each
 * step an element name with its position among the units or elements of that name
 * in its parent — "f-water/p[2]", "c-irpin/challenge/p[1]", "meta/person[1]/name[1]",
 * "summary/p[3]".  Elements the vocabulary allows once per parent (meta, summary,
 * evidence, challenge, …) go without a position.  Adding a paragraph to one finding
 * changes no id in another, and adding a translation changes no id at all.
 *
 * Memory rule: bg_text_units_collect fills a list freed with bg_text_units_free
 * (NULL-safe; it leaves the list empty).  The list owns the ids; the nodes in it
 * are borrowed from the tree it was collected from and die with that document.
 * Strings returned as `char *` are malloc'd and freed by the caller.
 *
 * Failure: only out of memory.  bg_text_units_collect reports it and returns -1;
 * the `char *` functions return NULL without a word (callers print "" instead).
 *
 * Threads: no state of its own; the functions only read the tree.
 */
#ifndef BG_TEXTUNITS_H
#define BG_TEXTUNITS_H

#include "brief.h"

typedef struct bg_text_unit {
    bg_unit unit;      /* the members, one per language */
    char *id;          /* "f-water/p[2]" */
    xmlNodePtr source; /* the member in the source language; NULL when it has none */
} bg_text_unit;

typedef struct bg_text_units {
    bg_text_unit *v;
    int n;
} bg_text_units;

/* Every language unit under `root` (a brief's root element), in document order,
 * into `out` (overwritten, not freed first).  0, or -1 when out of memory (reported;
 * `out` is then empty). */
int bg_text_units_collect(xmlNodePtr root, const char *source_lang, bg_text_units *out);
void bg_text_units_free(bg_text_units *units);

/* The member of `u` in language `lang` (compared without regard to case), or NULL. */
xmlNodePtr bg_text_unit_member(const bg_text_unit *u, const char *lang);

/* Where element `el` stands, as the titles of the elements around it in the source
 * language: "Findings › Water", "Case studies › Irpin › Challenge".  A part
 * without a title is named by its element ("Summary"), an element with only an
 * @id by it ("ref-oecd").  "" for a child of the root. */
char *bg_text_context(const xmlNode *el, const char *source_lang);

/* What `el` is, in a few words for a translator: "paragraph", "title", "list item";
 * a static string, or for an element we have no words for its name (borrowed). */
const char *bg_text_kind(const xmlNode *el);

/* The text of `el` with runs of white space made one space and the ends trimmed. */
char *bg_text_plain(const xmlNode *el);

#endif
