/* citation — the suggested citation of a brief ("How to cite"), generated from its
 * metadata in the style its language cites in:
 *
 *   apa    APA 7 (English):
 *          Tkachuk, O., Gudz, Y., & Yevtushenko, N. (2025). *Title* (Policy brief).
 *          Publisher. https://doi.org/10.5555/…
 *   dstu   ДСТУ 8302:2015 (Ukrainian):
 *          Ткачук О., Ґудзь Я., Євтушенко Н. Назва : аналітична записка. Київ :
 *          Видавець, 2025. 12 с. URL: https://doi.org/10.5555/… (дата звернення:
 *          14.03.2025).
 *
 * The locale's message `citation.style` names the style; the words a style uses
 * ("&", "та ін.", "с.", "URL:", "дата звернення") are the locale's citation.*
 * messages.  Punctuation and order are the style's and live here.  What each style
 * does with many authors, an organisation as author and a missing DOI is written
 * above the function that formats it (citation.c), and docs/format.md says it for
 * authors of briefs.  Initials come from ICU's grapheme clusters, so a decomposed
 * letter (И + combining breve) stays whole.
 *
 * Memory rule: bg_citation_format returns a malloc'd UTF-8 string the caller frees
 * with free(); everything it is given stays the caller's.
 *
 * Failure: NULL after reporting through diag — an unknown citation.style, a
 * message the locale cannot format (l10n says which), or a call without a locale,
 * a work or a title (an internal error).  Out of memory gives NULL unreported:
 * bg:citation then stops the transform, and bg_render says that it failed.
 *
 * Threads: no state of its own, but `loc` holds ICU formatters that belong to the
 * thread that owns its bg_l10n; call it there (xslext does, inside a transform).
 */
#ifndef BG_CITATION_H
#define BG_CITATION_H

#include "l10n.h"

#include <libxml/tree.h>

/* Marks inside the formatted citation, private-use characters no brief contains:
 * the title where the style sets it in italics, and a link (the URL between). */
#define BG_CITE_EM_START "\xee\x80\x90"   /* U+E010 */
#define BG_CITE_EM_END "\xee\x80\x91"     /* U+E011 */
#define BG_CITE_LINK_START "\xee\x80\x92" /* U+E012 */
#define BG_CITE_LINK_END "\xee\x80\x93"   /* U+E013 */

/* An author.  `given` and `family` may be NULL: then the last word of `name` is the
 * family name and the words before it the given names. */
typedef struct bg_cite_person {
    const char *name;
    const char *given;
    const char *family;
} bg_cite_person;

/* What a citation is made of; every string UTF-8 and borrowed, NULL or "" when
 * absent except `title` and `date`. */
typedef struct bg_cite_work {
    const bg_cite_person *persons; /* the authors, in order */
    int npersons;
    const char *const *orgs; /* the organisations: the author when there is no person */
    int norgs;
    const char *title;
    const char *type;      /* the series: "Policy brief", "Аналітична записка" */
    const char *publisher; /* its name */
    const char *place;     /* the place of publication: "Київ" */
    const char *date;      /* the publication date, yyyy-mm-dd */
    const char *pages;     /* the number of pages: "12" */
    const char *doi;       /* "10.5555/12345", without https://doi.org/ */
} bg_cite_work;

/* The citation of `work` in the style of `loc`, with the BG_CITE_* marks in it. */
char *bg_citation_format(bg_locale *loc, const bg_cite_work *work);

/* A work read from a <work> element as the templates describe the brief
 * (common.xsl's $citation-work, docs/templates.md): `work` and every string it
 * points to belong to this struct.  Start zeroed; empty with bg_cite_read_clear. */
typedef struct bg_cite_read {
    bg_cite_work work;
    bg_cite_person *persons;
    const char **orgs;
    xmlChar **owned;
    int nowned;
} bg_cite_read;

/* Fill `r` from the element `work` (borrowed): its attributes date, pages and doi,
 * its children <person name given family>, <org>, <title>, <type>, <publisher>
 * and <place>, white space normalised; others are ignored, a missing title is "".
 * 0, or -1 when out of memory (unreported; `r` is then cleared). */
int bg_cite_read_work(xmlNodePtr work, bg_cite_read *r);
void bg_cite_read_clear(bg_cite_read *r);

/* The given and family names of `p` as the citation uses them: its own, or its
 * full name split at the last space.  Both malloc'd (free()); NULL when out of
 * memory. */
void bg_cite_person_names(const bg_cite_person *p, char **given, char **family);

#endif
