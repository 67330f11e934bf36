/* textstats — readability figures of a text and of a brief resolved for one
 * language: words, sentences, the sentences longer than a threshold, and from the
 * words an estimated reading time and number of A4 pages.  Used by `briefgen stats`
 * and by the templates (bg:reading-minutes, xslext.c), so the page and the command
 * say the same number.
 *
 * Words and sentences are ICU's break iterators' (UAX #29 with CLDR's data for the
 * language, the sentence iterator with CLDR's abbreviation list, "lang@ss=standard"):
 * a word is a segment whose rule status is a word or a number (not spaces or
 * punctuation).  Two readings are added on top of ICU's segments, because a reader
 * reads them as one word: a compound joined by one hyphen ("соціально-економічний",
 * "well-being": ICU makes two) and a number grouped with spaces ("1 469", "25 000":
 * a group of 1–3 digits followed by groups of exactly 3 after one space, no-break
 * space or thin space).  A sentence break after a single capital letter and a full
 * stop is dropped (initials: "М. Грушевський"); ICU's list does the rest ("e.g.",
 * "т. зв." before a lower-case word are not ends).  A sentence is counted when it
 * holds a word.
 *
 * What is measured in a brief (bg_textstats_measure): what a reader reads as the
 * brief's text — its title and subtitle, and everything after <meta> except the
 * references list and figures' alternative texts; not the rest of <meta> (authors,
 * keywords, licence…), and nothing briefgen adds itself (headings, labels, the
 * colophon).  Each element holding text is one block (a paragraph, a title, an
 * item, a table cell): a sentence never runs from one block into the next.  A
 * footnote is a block of its own, not part of the sentence it hangs on.
 *
 * Memory rule: bg_textstats_measure fills a caller-owned bg_textstats that the
 * caller empties with bg_textstats_clear (the long sentences' text is malloc'd).
 *
 * Failure: silent.  -1 when ICU cannot open its iterators for the language or
 * memory runs out; the caller says what it was measuring.
 *
 * Threads: no state between calls; the ICU objects live for one call.  Any
 * thread, on a document no other thread changes.
 */
#ifndef BG_TEXTSTATS_H
#define BG_TEXTSTATS_H

#include <libxml/tree.h>

/* A sentence of more than this many words is listed as long (plain-language
 * guides put the limit between 25 and 35; the sample's longest are 30–40). */
#define BG_TEXTSTATS_LONG_SENTENCE 30

typedef struct bg_text_counts {
    long words;
    long sentences;
} bg_text_counts;

/* A sentence over the threshold: its line in the brief, its words, and its first
 * words (UTF-8, malloc'd, "…" at the end when cut). */
typedef struct bg_long_sentence {
    long line;
    long words;
    char *start;
} bg_long_sentence;

typedef struct bg_textstats {
    bg_text_counts counts;
    bg_long_sentence *longs; /* in document order */
    size_t nlongs;
} bg_textstats;

/* Count the words and sentences of one block of UTF-8 text in `lang` into *out.
 * 0, or -1 (invalid UTF-8, ICU failure, out of memory). */
int bg_textstats_count(const char *utf8, const char *lang, bg_text_counts *out);

/* Measure `resolved` (a brief resolved for `lang`, bg_brief_resolve) into *out,
 * which must be zeroed; sentences of more than `long_words` words are listed (0:
 * none).  0, or -1 (out is then cleared). */
int bg_textstats_measure(xmlDocPtr resolved, const char *lang, long long_words, bg_textstats *out);

/* Free what `s` holds and zero it. */
void bg_textstats_clear(bg_textstats *s);

/* The reading rate assumed for `lang` (a language tag: "uk", "en-GB"), in words a
 * minute, and the words of it on an A4 page of briefgen's PDF; textstats.c says
 * where the figures come from. */
int bg_textstats_words_per_minute(const char *lang);
int bg_textstats_words_per_page(const char *lang);
/* The reading time of `words` in `lang`, in whole minutes rounded up, at least 1. */
long bg_textstats_minutes(long words, const char *lang);
/* The A4 pages `words` in `lang` fill, rounded up, at least 1. */
long bg_textstats_pages(long words, const char *lang);

#endif
