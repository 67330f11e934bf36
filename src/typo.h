/* typo — the typography of a brief resolved for one language: the characters a
 * keyboard types for lack of the right ones, replaced as the text's language sets
 * them.  Every output format is rendered from the resolved tree, so HTML, DocBook
 * and every later format get the same text.
 *
 *   quotation marks   straight "…" (and paired straight '…') become the language's
 *                     marks from CLDR through ICU (uk «…» „…“, en “…” ‘…’, pl „…”
 *                     «…»), outer and inner by nesting;
 *   <quote>           marks the author typed around a whole quotation are dropped
 *                     (the templates draw the language's own), and quotations inside
 *                     it are inner ones;
 *   apostrophes       a straight ' inside a word (зв'язок, don't), and in English
 *                     closing a possessive (residents'), becomes U+2019;
 *   dashes            a spaced hyphen between words becomes the language's dash (uk,
 *                     pl em dash, en en dash), and the space before a spaced dash a
 *                     no-break space;
 *   one-letter words  uk в у з і й а о, pl w z i a o u: the space after them
 *                     becomes a no-break space.
 *
 * docs/format.md, "Typography", states every rule with examples.  Only text nodes
 * change — never an attribute, never markup: a text's new characters are set as
 * text.  The text of elements that hold addresses or numbers (doi, isbn, pages,
 * email, href, a number cell, a link whose text is an address) is left alone.
 * Each character is set by the language of the element it stands in (the nearest
 * xml:lang), else by the output language.  <brief typography="none"> turns it all
 * off, for a brief that is already typeset.
 *
 * Memory rule: the document is the caller's and is changed in place; nothing is
 * handed out.
 *
 * Failure: -1 out of memory or when ICU cannot give a language's quotation marks,
 * reported at `path` (the brief's file); the document may then be half done.
 *
 * Threads: no state outside the call (ICU's locale data is opened and closed inside
 * it), so any thread may typeset its own document at any time.
 */
#ifndef BG_TYPO_H
#define BG_TYPO_H

#include <libxml/tree.h>

/* Typeset the text of `doc`, a brief resolved for `lang` (bg_brief_resolve), in
 * place, unless its <brief> says typography="none".  `path` names the brief in
 * messages.  0, or -1 (reported). */
int bg_typo_apply(xmlDocPtr doc, const char *lang, const char *path);

#endif
