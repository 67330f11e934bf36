/* citefile — a brief's citation files, for reference managers (Zotero, Mendeley,
 * EndNote), BibTeX/biblatex and pandoc's citeproc:
 *
 *   NAME.ris       RIS: one TY RPRT … ER record per language version
 *   NAME.bib       BibTeX: one @techreport entry per language version, UTF-8
 *   NAME.csl.json  CSL JSON: an array with one "report" item per language version
 *
 * Each language version's data is a <record> the cite templates render for it
 * (templates/cite/brief.xsl: common.xsl's $citation-work, the description the
 * suggested citation is made from, with the key, language, ISBN, keywords and
 * abstract); this module turns the records into the three files.  A brief's text
 * never becomes code in them: BibTeX's special characters are escaped for LaTeX
 * and its braces kept balanced, a RIS value never holds a line break (so it cannot
 * start a tag), JSON is escaped by buf.c.  Authors are the people; when there are
 * none, the organisations (a BibTeX {Org Name}, a CSL "literal").
 *
 * Memory rule: bg_citefile_make stores malloc'd buffers in out[] that the caller
 * frees with free(); the records are borrowed.
 *
 * Failure: -1 after reporting at `brief` (a record that does not parse, which only
 * an overriding template can cause), or out of memory (reported).
 *
 * Threads: no state; any thread (the parse goes through xmlsafe.h).
 */
#ifndef BG_CITEFILE_H
#define BG_CITEFILE_H

#include <stddef.h>

typedef enum bg_citefile_kind {
    BG_CITEFILE_RIS,
    BG_CITEFILE_BIB,
    BG_CITEFILE_CSLJSON,
    BG_CITEFILE_COUNT
} bg_citefile_kind;

/* The file name extension of `k`: "ris", "bib", "csl.json". */
const char *bg_citefile_ext(bg_citefile_kind k);

/* The three files from the records of `n` language versions (`records[i]`, `lens[i]`
 * bytes each, in the order the records should appear).  0 with every out[k] and
 * outlen[k] set, or -1 (reported at `brief`) with every out[k] NULL. */
int bg_citefile_make(const char *brief, char *const *records, const size_t *lens, int n, char *out[BG_CITEFILE_COUNT],
                     size_t outlen[BG_CITEFILE_COUNT]);

#endif
