/* l10n_impl — private to the l10n files: what a bg_l10n and a bg_locale hold, and
 * what one l10n file provides to another.  Other modules include l10n.h only.
 *
 * The l10n module, file by file (the public functions of each are in l10n.h):
 *   l10n.c            the catalogue set: locale files read (XLIFF through xlf) and
 *                     checked, each message opened at load, root fallbacks noted
 *   l10n_message.c    messages: opened, found (the root's as fallback), formatted
 *   l10n_msgformat.c  MessageFormat patterns: the scanner, the checks a load makes,
 *                     and a message's shape for `l10n check`
 *   l10n_format.c     dates, numbers, lists, autonyms (formatters cached per locale)
 *   l10n_collate.c    collation, sort keys and slugs (cached per catalogue set)
 *   l10n_query.c      plural rules, language names, edges: no state, so it does
 *                     not include this header
 *   l10n_icu.c/.h     UTF-8/UTF-16 helpers and the shared reports
 * Names without bg_ (l10n_*) are private to these files.
 *
 * Lifetimes: a bg_l10n owns its locales (a hash from language tag to bg_locale), its
 * collators (a hash from language tag to UCollator) and the slug transliterators.  A
 * bg_locale owns its messages, its formatters and the fallback table that remembers
 * which keys already fell back to the root (entries there borrow the root's messages).
 *
 * Threads: a bg_l10n, its locales and every ICU object cached in them are used by one
 * thread at a time.  ICU formatters are not safe to share while formatting, and the
 * caches fill lazily without locks; a caller that renders in parallel gives each
 * thread its own bg_l10n (bg_l10n_clone), or locking must be added here first.
 */
#ifndef BG_L10N_IMPL_H
#define BG_L10N_IMPL_H

#include "l10n.h"

#include <libxml/hash.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/ulistformatter.h>
#include <unicode/umsg.h>
#include <unicode/unum.h>
#include <unicode/utrans.h>

/* The most numbered arguments a message may use: {0} … {7}.  See format_call in
 * l10n_message.c. */
#define L10N_MAX_ARGS 8

/* One message of a catalogue, opened and checked (l10n_message.c). */
typedef struct l10n_message l10n_message;

struct bg_locale {
    bg_l10n *l10n;
    bg_locale *root; /* NULL for the root itself */
    char *lang;
    char *path;
    char *format_id;           /* ICU locale for formatting: "uk", "en_GB" */
    xmlHashTablePtr messages;  /* key -> l10n_message (owned) */
    xmlHashTablePtr fallbacks; /* key -> root's message (borrowed), warned at load */
    char **keys;               /* the root's keys in file order (root only) */
    int nkeys;
    /* Opened on first use by l10n_format.c, closed by l10n_locale_close_formatters. */
    UDateFormat *date;
    UCalendar *calendar;
    UNumberFormat *number;
    UListFormatter *list;
};

struct bg_l10n {
    char *dir;
    xmlHashTablePtr locales;   /* lang -> bg_locale, or a stand-in for a failed load */
    xmlHashTablePtr collators; /* lang -> UCollator (l10n_collate.c) */
    UTransliterator *slugger;  /* Ukrainian 2010 rules */
    UTransliterator *to_ascii; /* everything else, opened only when needed */
};

/* ---- l10n_msgformat.c ------------------------------------------------------------ */

/* How ICU's C API reads one numbered argument from the variadic list: as a double
 * (numbers, plurals, dates), as a UChar string (plain {0} and select), or as a
 * pointer it ignores (a number the pattern skips, e.g. {1} in "{0} {2}"). */
enum l10n_slot { L10N_SLOT_UNUSED, L10N_SLOT_DOUBLE, L10N_SLOT_TEXT };

/* A pattern ICU accepted, with what formatting it needs to know. */
typedef struct l10n_pattern {
    UMessageFormat *fmt;               /* the caller closes it with umsg_close */
    int nslots;                        /* ICU's argument count: the highest number used, plus one */
    unsigned char slot[L10N_MAX_ARGS]; /* enum l10n_slot */
    /* A number given for a text slot is spelled plainly ("25") when the slot feeds a
     * select, so it can match a keyword; otherwise in the locale's style ("1 234"),
     * as ICU itself would format a number given for a plain {0}. */
    unsigned char plain[L10N_MAX_ARGS];
} l10n_pattern;

/* Open `text` (message `key` of file `path`, its trans-unit at `line`) with ICU for
 * locale `format_id`, and make every check a catalogue load makes: ICU's own, named
 * arguments, too many arguments, {0,number,integer}.  Reports each problem at
 * path:line and returns -1; else 0 with *p filled. */
int l10n_pattern_open(const char *path, long line, const char *key, const char *text, const char *format_id,
                      l10n_pattern *p);

/* ---- l10n_message.c -------------------------------------------------------------- */

/* Open, check and type message `key` = `text` of `loc` (from its file, trans-unit at
 * `line`).  Reports every problem with the unit's file and line and returns NULL;
 * otherwise the message, ready to format, freed with l10n_message_free. */
l10n_message *l10n_message_open(bg_locale *loc, const char *key, const char *text, long line);
/* Free a message (NULL-safe); the shape of an xmlHashDeallocator, `name` unused. */
void l10n_message_free(void *payload, const xmlChar *name);

/* ---- l10n_format.c --------------------------------------------------------------- */

/* The locale's number format, opened on first use; NULL after reporting. */
UNumberFormat *l10n_number_format(bg_locale *loc);
/* `n` formatted with `nf`, as a new UTF-8 string; NULL with *st set (not reported). */
char *l10n_number_utf8(const UNumberFormat *nf, double n, UErrorCode *st);
/* Close the formatters l10n_format.c opened in `loc`. */
void l10n_locale_close_formatters(bg_locale *loc);

/* ---- l10n_collate.c -------------------------------------------------------------- */

/* Free `l10n`'s collator table and transliterators. */
void l10n_collation_free(bg_l10n *l10n);

#endif
