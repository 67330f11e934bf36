/* brief — a brief document: safe loading, validation (RELAX NG, then the semantic
 * checks the schema cannot express), and language units.
 * Knows libxml2; knows nothing of XSLT or ICU formatting.  The parse itself is
 * xmlsafe's (untrusted XML).
 *
 * Memory rule: bg_brief_load and bg_brief_load_memory return an object the caller
 * frees with bg_brief_free (NULL-safe).  bg_brief_resolve and bg_brief_resolve_take
 * return an xmlDoc the caller frees with xmlFreeDoc.  The peeks return lists the
 * caller frees with bg_brief_langs_free.  Everything else a brief hands out —
 * strings, nodes, units — is borrowed from it and lives as long as its tree (until
 * bg_brief_release_tree or bg_brief_free).
 *
 * Failure: all problems are reported through diag with the brief's file and line;
 * functions then just return NULL / -1.  The peeks are the exception: they are
 * silent, and the real load reports.
 *
 * Threads: a brief is used by one thread at a time, with one exception: several
 * threads may call bg_brief_resolve on the same brief at once (build -j resolves a
 * brief's languages in parallel; each copy gets a dictionary of its own), while no
 * thread changes the brief (bg_brief_resolve_take, bg_brief_release_tree,
 * bg_brief_free).  Different briefs may be loaded and validated on different
 * threads at once, sharing one schema.  Messages go to the calling thread's diag.
 */
#ifndef BG_BRIEF_H
#define BG_BRIEF_H

#include <libxml/tree.h>

#define BG_BRIEF_NS "urn:briefgen:brief:1"
/* The processing instruction `briefgen new` puts at the start of each placeholder
 * text (<?briefgen-placeholder?>); bg_brief_validate warns at every one left. */
#define BG_BRIEF_PLACEHOLDER "briefgen-placeholder"
/* At most this many languages in one unit; a brief needs two or three. */
#define BG_UNIT_MAX 16

#include "schema.h"

typedef struct bg_brief bg_brief;

/* A language unit: the adjacent siblings of one name that carry the same text in
 * different languages (`p uk, p en`).  A language-neutral element (no xml:lang) is
 * not part of any unit. */
typedef struct bg_unit {
    xmlNodePtr member[BG_UNIT_MAX];
    int n;
} bg_unit;

/* Parse `path` as an untrusted brief (xmlsafe: no DTD loading, no network, no entity
 * substitution, and a document that declares any entity is refused outright).
 * Does not validate.  A new brief the caller frees with bg_brief_free; NULL on error
 * (reported as "path:line: error: …"). */
bg_brief *bg_brief_load(const char *path);
/* The same from memory, `name` standing for the file in messages (fuzzing, serve).
 * `data` is only read, and may be freed once this returns. */
bg_brief *bg_brief_load_memory(const char *data, int size, const char *name);
/* Free `brief`, its tree and its strings.  NULL does nothing. */
void bg_brief_free(bg_brief *brief);

/* Read only the start of `path` and return the brief's @langs, split, in a
 * malloc'd NULL-terminated array the caller frees with bg_brief_langs_free — for
 * planning a batch (which locales, which outputs) before the real load.  Silent:
 * a file that cannot be read gives an empty list, and the real load reports why. */
char **bg_brief_peek_langs(const char *path);
/* Free a list of the peeks (NULL-safe). */
void bg_brief_langs_free(char **langs);
/* The same for the brief's figures: their @id and @src as written, in pairs (id,
 * src, id, src, …), for knowing which image files an output is made from before
 * the real load.  Reads the whole file; free with bg_brief_langs_free.  Silent like
 * the peek above; NULL only when out of memory. */
char **bg_brief_peek_figures(const char *path);

/* Validate against `schema`, then the semantic checks: unique ids, references that
 * resolve, real calendar dates, vote counts, source-language text for every unit,
 * declared languages; footnotes where they may stand, tables with rows of equal
 * length, page counts and ISBNs, and every figure's image (read and checked through
 * figure.h, relative to the brief's folder).  Reports every problem found (not just
 * the first), through diag at the brief's file and line, in line order once every
 * check has run (bg_diag_capture_sort).  The semantic checks run on a brief the
 * schema refuses too, except at the lines the schema refused: one message for one
 * place.  Returns 0 when valid, -1 otherwise.  The brief's tree is not changed;
 * `schema` is only read. */
int bg_brief_validate(bg_brief *brief, const bg_schema *schema);

/* Call `fn` for every <figure> of the brief, in document order, with its @id, @src
 * and line (borrowed from the tree: copy what outlives the call).  Says nothing. */
void bg_brief_each_figure(const bg_brief *brief, void (*fn)(const char *id, const char *src, long line, void *ctx),
                          void *ctx);
/* The same over a brief resolved for one language (bg_brief_resolve's document),
 * whose figures keep their attributes and lines. */
void bg_brief_each_figure_in(xmlDocPtr resolved, void (*fn)(const char *id, const char *src, long line, void *ctx),
                             void *ctx);

/* A copy of the brief with every unit reduced to its text in `lang`, or, where that
 * is missing, to the source-language text — with the warning
 * "no "en" text for <p>, using "uk"" (an error under --strict).  The kept element
 * keeps its xml:lang so templates can mark fallback text, and every @id of a brief
 * element is an ID, for XPath's id().  A new document, with a dictionary of its
 * own, the caller frees with xmlFreeDoc; NULL on out-of-memory (reported).  Safe on
 * several threads at once for one brief (see Threads above). */
xmlDocPtr bg_brief_resolve(const bg_brief *brief, const char *lang);

/* bg_brief_resolve without the copy: the brief's own tree is reduced to `lang` and
 * handed to the caller, who frees it; the brief is left without a tree, as after
 * bg_brief_release_tree.  For the last language a build resolves: a copy of a
 * large brief costs time and tens of MB.  NULL when the tree is already gone (said
 * nowhere: a bug in the caller).  Only when no other thread resolves this brief. */
xmlDocPtr bg_brief_resolve_take(bg_brief *b, const char *lang);

/* Free the brief's tree once every language is resolved (a build keeps only the
 * resolved copies while it renders: the tree of a large brief is tens of MB).
 * Afterwards only bg_brief_path, _lang, _nlangs, _source_lang and bg_brief_free
 * may be called. */
void bg_brief_release_tree(bg_brief *b);

/* Call `fn` for every language unit under `node`, in document order.  The unit is
 * the callback's only for the call; `fn` may free the unit's members (the walk has
 * moved past them).  Says nothing. */
void bg_brief_each_unit(xmlNodePtr node, void (*fn)(const bg_unit *unit, void *ctx), void *ctx);

/* Translation coverage of one language: of `total` language units, `present` have
 * text in that language.  Reads the tree; says nothing. */
typedef struct bg_coverage {
    int total;
    int present;
} bg_coverage;
bg_coverage bg_brief_coverage(const bg_brief *brief, const char *lang);

/* Accessors: borrowed from the brief, never NULL for a loaded brief (except
 * bg_brief_doc after bg_brief_release_tree, and bg_brief_lang for an `i` out of
 * range). */
const char *bg_brief_path(const bg_brief *brief);
xmlDocPtr bg_brief_doc(const bg_brief *brief);
/* The brief's @source-lang ("uk") and its @langs, split ("uk", "en"). */
const char *bg_brief_source_lang(const bg_brief *brief);
int bg_brief_nlangs(const bg_brief *brief);
const char *bg_brief_lang(const bg_brief *brief, int i);

/* 1 when `member` is word for word `source`, another member of its unit, as the
 * "left untranslated" warning sees it (names, short texts and texts without a
 * letter are never copies); the exports mark such a translation for review. */
int bg_brief_is_copy(const xmlNode *source, const xmlNode *member);

/* The line of `node` in its file (libxml2 keeps lines past 65535 when parsed with
 * XML_PARSE_BIG_LINES). */
long bg_node_line(const xmlNode *node);
/* xml:lang of `node` itself (not inherited), or NULL. Borrowed from the tree. */
const xmlChar *bg_node_lang(const xmlNode *node);

#endif
