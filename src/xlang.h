/* xlang — checks across the language versions of one unit: what a translation
 * should carry over from its source and may have lost or changed on the way.  Each
 * translation of a unit is compared with the unit's source-language version (with
 * its first version when it has none): one message per difference, at the
 * translation's line, naming the source's line.  The checks, by their stable ids
 * (docs/translating.md lists them, with the band of `length`):
 *
 *   numbers    every number of one appears in the other, read as numbers in each
 *              language's own way (ICU's separators: "1 469" = "1,469", "3,5" = "3.5")
 *   links      the same <a href>s
 *   citations  the same <cite ref>s
 *   xrefs      the same <xref ref>s
 *   footnotes  the same number of <fn>
 *   emphasis   <em> and <strong> roughly kept: none in one and some in the other,
 *              or counts more than one apart
 *   length     a translation far shorter or longer than its source
 *   identical  a translation that is its source word for word (texts of three
 *              words and more, names and references' entries aside)
 *
 * A difference a researcher means is allowed on the unit, for that unit only, by
 * the check's id in an `allow` attribute on either version: <p xml:lang="en"
 * allow="numbers length">.
 *
 * Lives here, not in brief.c, because it reads numbers with the language's
 * separators from ICU (l10n.h) and names languages in English through ICU, which
 * brief.c does not know (docs/architecture.md).  The pipeline calls
 * bg_xlang_check after the brief's own checks; `l10n status` and the preview ask
 * bg_xlang_each for the findings as data.
 *
 * Memory rule: a finding and its strings are borrowed for the callback only; the
 * nodes are the brief's tree's.  bg_xlang_numbers fills a bg_strv the caller
 * clears.
 *
 * Threads: no state of its own; the tree is only read.  Any thread.
 *
 * Failure: the walk says nothing; out of memory a finding's message may be cut
 * short or a finding dropped, never a wrong one said.  bg_xlang_check says each
 * finding as a warning through diag (an error under --strict).
 */
#ifndef BG_XLANG_H
#define BG_XLANG_H

#include "brief.h"
#include "buf.h"

typedef enum bg_xlang_kind {
    BG_XLANG_NUMBERS,
    BG_XLANG_LINKS,
    BG_XLANG_CITATIONS,
    BG_XLANG_XREFS,
    BG_XLANG_FOOTNOTES,
    BG_XLANG_EMPHASIS,
    BG_XLANG_LENGTH,
    BG_XLANG_IDENTICAL,
    BG_XLANG_COUNT
} bg_xlang_kind;

/* The length check judges a pair only when the longer text has at least this many
 * characters, and flags a translation outside [MIN, MAX] percent of its source's
 * length.  Measured on the bundled sample (docs/translating.md): English over
 * Ukrainian, for units of 80 characters and more, 87–149%. */
#define BG_XLANG_LENGTH_JUDGED 80
#define BG_XLANG_LENGTH_MIN 50
#define BG_XLANG_LENGTH_MAX 200

/* One difference.  `message` is the whole sentence after "FILE:LINE: warning: ",
 * ending with the advice and "  [ID]". */
typedef struct bg_xlang_finding {
    bg_xlang_kind kind;
    const char *id;         /* "numbers" */
    xmlNodePtr source;      /* the version compared with */
    xmlNodePtr translation; /* the version the message is about (its line) */
    const char *unit_id;    /* textunits.h's id: "f-water/p[2]" */
    const char *message;
} bg_xlang_finding;

/* The stable id of `kind` ("numbers"), or NULL out of range. */
const char *bg_xlang_id(bg_xlang_kind kind);

/* Call `fn` for every finding in the units under `root` (a brief's root element),
 * in document order of the translations, checks in the order of bg_xlang_kind.
 * Returns how many, or -1 out of memory (reported). */
int bg_xlang_each(xmlNodePtr root, const char *source_lang, void (*fn)(const bg_xlang_finding *f, void *ctx),
                  void *ctx);

/* 1 when `translation` is word for word `source`, as the `identical` check sees it
 * (names, references' texts, texts of fewer than three words or without a letter
 * are never copies); the exports (xliff.c, po.c) mark such a translation for review
 * rather than approve it.  0 out of memory. */
int bg_xlang_is_copy(const xmlNode *source, const xmlNode *translation);

/* Say every finding of brief `b` (its tree must be there) as a warning at its
 * translation's line.  Returns how many. */
int bg_xlang_check(const bg_brief *b);

/* The numbers in `text` as language `lang` writes them, each as a canonical
 * decimal string appended to `out` ("1 469,50" in uk → "1469.5"): digits grouped
 * by the language's grouping separator or a space (U+0020, U+00A0, U+202F, U+2009)
 * in threes, a decimal part after its decimal separator (or after a point, when
 * the point is not the language's grouping separator), signs and suffixes
 * ("2-й", "2nd", "25 %") aside, and a date written d.m.yyyy or yyyy-mm-dd as its
 * day and year, m.yyyy as its year (the month is a word in the other language).  When `written` is
 * given, each number as written is appended to it too, in step. */
void bg_xlang_numbers(const char *text, const char *lang, bg_strv *out, bg_strv *written);

#endif
