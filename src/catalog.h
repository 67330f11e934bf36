/* catalog — locale files (XLIFF 1.2) as translators and their tools see them: each
 * trans-unit with its line, source, target, state and note.  The l10n module reads
 * the same files to format messages; this one reads them to check them, and
 * changes them in place (sync, new) without disturbing anything else in them.  Both
 * read XLIFF through xlf, so a unit means the same to each.
 *
 * Memory rule: bg_catalog_load returns an object freed with bg_catalog_free
 * (NULL-safe); the units and their strings belong to it.
 * Failure: functions returning NULL or -1 have reported why through diag.
 * Threads: a catalogue belongs to the thread that loaded it; the state predicates
 * hold no state and run on any thread.
 */
#ifndef BG_CATALOG_H
#define BG_CATALOG_H

#include <libxml/tree.h>

#define BG_CATALOG_ROOT "en"
#define BG_CATALOG_FORMAT_KEY "locale.format"

typedef struct bg_catalog bg_catalog;

/* One trans-unit.  Elements are borrowed from the catalogue's tree. */
typedef struct bg_cat_unit {
    const char *id;
    long line; /* of the <trans-unit> */
    xmlNodePtr node, source, target;
    xmlNodePtr note;   /* the first <note> without a from="…": the developer's, from en.xlf */
    char *source_text; /* the text of <source> */
    char *target_text; /* the text of <target>; NULL when there is none or it is empty */
    const char *state; /* <target state="…">, or NULL */
    int plural_note;   /* it has the <note from="briefgen"> naming plural categories */
} bg_cat_unit;

/* Read DIR/LANG.xlf; the root (en) when `lang` is "en".  Reports every problem of
 * the file as XLIFF — not well-formed, not XLIFF 1.2, a unit without an id, with two
 * sources, with markup in its text, a duplicate id, a state XLIFF 1.2 does not
 * define — with its line.  Returns NULL when the file cannot be read as XLIFF at
 * all; otherwise the catalogue, in which units with problems are left out and
 * counted (bg_catalog_problems). */
bg_catalog *bg_catalog_load(const char *dir, const char *lang);
void bg_catalog_free(bg_catalog *c);

const char *bg_catalog_path(const bg_catalog *c);
const char *bg_catalog_lang(const bg_catalog *c);
int bg_catalog_is_root(const bg_catalog *c);
int bg_catalog_problems(const bg_catalog *c);
/* The line of the <body> the units are in. */
long bg_catalog_body_line(const bg_catalog *c);
/* The units in file order. */
const bg_cat_unit *bg_catalog_units(const bg_catalog *c, int *n);
const bg_cat_unit *bg_catalog_find(const bg_catalog *c, const char *id);
/* 1 when the file has a trans-unit `id`, even one left out for its problems. */
int bg_catalog_mentions(const bg_catalog *c, const char *id);
/* The ICU locale messages are formatted with: locale.format's text ("uk",
 * "en_GB"), or the file's language when it has none. */
const char *bg_catalog_format_id(const bg_catalog *c);

/* 1 for the states XLIFF 1.2 gives a target that still needs a translator
 * ("new", "needs-translation", …) or a reviewer ("needs-review-…"). */
int bg_catalog_state_needs_translation(const char *state);
int bg_catalog_state_needs_review(const char *state);

/* Bring locale catalogue `c` in line with `root`, as a translation platform does:
 * units for new keys are added (English source, an empty target in state "new",
 * the root's note) after the key that precedes them in en.xlf; a unit whose source
 * is no longer the root's gets the new source and, when translated, the state
 * "needs-review-translation" and approved="no" on the unit, so tools that go by
 * either see it unfinished (the old target is kept); units for keys the root no
 * longer has are removed; a developer's note that changed in en.xlf is updated.
 * Nothing else in the file changes, and it is written (atomically) only when
 * something did.  Counts go to the fields of `r`.  0, or -1 (reported). */
typedef struct bg_sync_result {
    int added, removed;
    int reworded, review; /* sources replaced; of them, translations to review */
    int notes;
} bg_sync_result;
int bg_catalog_sync(const bg_catalog *c, const bg_catalog *root, bg_sync_result *r);

/* Write DIR/LANG.xlf for a new language: every root key as a unit with an empty
 * target in state "new", the root's note, and on each plural message a note naming
 * the categories ICU's plural rules say LANG needs, with examples.  Refuses to
 * replace an existing file.  0, or -1 (reported). */
int bg_catalog_create(const char *dir, const char *lang, const bg_catalog *root);

#endif
