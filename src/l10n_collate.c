/* l10n_collate — sorting and anchors: ICU collators per language (compare, sort
 * keys) and slugs, transliterated by Ukraine's official system or ICU's Any-Latin.
 * The collators and transliterators are cached in the bg_l10n.  See l10n.h.
 */
#include "l10n.h"
#include "l10n_icu.h"
#include "l10n_impl.h"

#include "diag.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

/* Stands in the collator table for a language whose collator could not be opened. */
static char collator_failed;

static void collator_free(void *payload, const xmlChar *name) {
    (void)name;
    if (payload != &collator_failed)
        ucol_close(payload);
}

void l10n_collation_free(bg_l10n *l10n) {
    xmlHashFree(l10n->collators, collator_free);
    if (l10n->slugger)
        utrans_close(l10n->slugger);
    if (l10n->to_ascii)
        utrans_close(l10n->to_ascii);
}

/* Collators are cached per language; a language ICU does not know gets the root
 * collator (ICU's own fallback).  If a collator cannot be opened at all, strings are
 * compared bytewise, reported once. */
/* The collator for `lang`, opened on first use; NULL when none can be opened. */
static UCollator *collator_for(bg_l10n *l10n, const char *lang) {
    if (!l10n || !lang)
        return NULL;
    void *coll = xmlHashLookup(l10n->collators, BAD_CAST lang);
    if (!coll) {
        UErrorCode st = U_ZERO_ERROR;
        UCollator *c = ucol_open(lang, &st);
        if (U_SUCCESS(st))
            ucol_setAttribute(c, UCOL_ALTERNATE_HANDLING, UCOL_SHIFTED, &st);
        if (U_FAILURE(st)) {
            bg_error(NULL, 0, "cannot open an ICU collator for '%s': %s", lang, u_errorName(st));
            if (c)
                ucol_close(c);
            c = NULL;
        }
        coll = c ? (void *)c : (void *)&collator_failed;
        if (xmlHashAddEntry(l10n->collators, BAD_CAST lang, coll) != 0) {
            if (c)
                ucol_close(c);
            l10n_out_of_memory();
            return NULL;
        }
    }
    return coll == &collator_failed ? NULL : coll;
}

/* Through the sort keys, so that what the sort hook does (a key per value, then
 * strcmp) and what this answers are one mechanism. */
int bg_l10n_collate(bg_l10n *l10n, const char *lang, const char *a, const char *b) {
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    char *ka = bg_l10n_sort_key(l10n, lang, a), *kb = bg_l10n_sort_key(l10n, lang, b);
    int r = ka && kb ? strcmp(ka, kb) : strcmp(a, b);
    free(ka);
    free(kb);
    return (r > 0) - (r < 0);
}

char *bg_l10n_sort_key(bg_l10n *l10n, const char *lang, const char *s) {
    if (!s)
        s = "";
    UCollator *coll = collator_for(l10n, lang);
    char *key = NULL;
    UChar stack[256], *u = stack;
    int32_t ulen = 0;
    UErrorCode st = U_ZERO_ERROR;
    if (coll) {
        u_strFromUTF8WithSub(u, (int32_t)(sizeof stack / sizeof *stack), &ulen, s, -1, 0xFFFD, NULL, &st);
        if (st == U_BUFFER_OVERFLOW_ERROR) {
            st = U_ZERO_ERROR;
            u = malloc(sizeof *u * ((size_t)ulen + 1));
            if (!u)
                goto oom;
            u_strFromUTF8WithSub(u, ulen + 1, &ulen, s, -1, 0xFFFD, NULL, &st);
        }
    }
    if (coll && U_SUCCESS(st)) {
        /* A first guess that fits most names; ucol_getSortKey says how much it
         * needs when it does not, and is asked again. */
        int32_t cap = ulen * 4 + 16;
        if (!(key = malloc((size_t)cap)))
            goto oom;
        int32_t need = ucol_getSortKey(coll, u, ulen, (uint8_t *)key, cap);
        if (need > cap) {
            free(key);
            if (!(key = malloc((size_t)need)))
                goto oom;
            need = ucol_getSortKey(coll, u, ulen, (uint8_t *)key, need);
        }
        if (need <= 0) {
            free(key);
            key = NULL;
        }
    }
    if (u != stack)
        free(u);
    /* No collator: UTF-8 bytes compare in code point order. */
    if (!key && !(key = strdup(s)))
        l10n_out_of_memory();
    return key;
oom:
    if (u != stack)
        free(u);
    l10n_out_of_memory();
    return NULL;
}

/* Ukrainian by the 2010 national system (Cabinet of Ministers resolution No. 55):
 * є ї й ю я are spelled ye yi y yu ya at the start of a word and ie i i iu ia
 * elsewhere; "start of a word" is "not after a letter", tested on the text already
 * written (a rule anchored with ^ would not compile).  The soft sign and apostrophes
 * vanish, so the letter after an apostrophe takes its in-word spelling, as the
 * resolution's own example has it: Мар'їне -> Marine, Знам'янка -> Znamianka.
 * The text arrives in NFC and lower case (lower_nfc): a "::" step in these rules
 * would make ICU build its whole transliterator registry, about 12 ms. */
static const char slug_rules[] =
    "$L = [[:L:][:M:]] ;\n"
    "$L { є > ie ; є > ye ;\n"
    "$L { ї > i ;  ї > yi ;\n"
    "$L { й > i ;  й > y ;\n"
    "$L { ю > iu ; ю > yu ;\n"
    "$L { я > ia ; я > ya ;\n"
    "зг > zgh ;\n"
    "а > a ; б > b ; в > v ; г > h ; ґ > g ; д > d ; е > e ; ж > zh ; з > z ; и > y ; і > i ;\n"
    "к > k ; л > l ; м > m ; н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ;\n"
    "х > kh ; ц > ts ; ч > ch ; ш > sh ; щ > shch ;\n"
    "[ьъ\\u0027\\u2019\\u02BC] > ;\n";

/* What is left that is not ASCII (other scripts, Latin letters with accents) goes
 * through ICU's Any-Latin, Latin-ASCII and accent removal.  Opening Any-Latin
 * costs tens of milliseconds, so it is opened only for a text that needs it: the
 * Ukrainian and English headings of a brief never do. */
static const char ascii_rules[] = ":: Any-Latin ;\n"
                                  ":: Latin-ASCII ;\n"
                                  ":: NFD ;\n"
                                  ":: [:Mn:] Remove ;\n"
                                  ":: NFC ;\n";

static UTransliterator *open_rules(UTransliterator **slot, const char *text, const char *name) {
    if (*slot)
        // cppcheck-suppress identicalInnerCondition ; returns the cached object, tests nothing
        return *slot;
    UChar id[32];
    u_uastrcpy(id, name);
    int32_t rlen = 0;
    UChar *rules = l10n_utf16_from(text, &rlen);
    if (!rules) {
        l10n_out_of_memory();
        return NULL;
    }
    UParseError pe;
    memset(&pe, 0, sizeof pe);
    UErrorCode st = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU(id, -1, UTRANS_FORWARD, rules, rlen, &pe, &st);
    free(rules);
    if (U_FAILURE(st)) {
        if (t)
            utrans_close(t);
        bg_error(NULL, 0, "cannot open the %s transliterator: %s (rule line %d, offset %d)", name, u_errorName(st),
                 pe.line, pe.offset);
        return NULL;
    }
    *slot = t;
    return t;
}

/* Replace *text (malloc'd, *len UChars) by its NFC lower-case form. */
static UErrorCode lower_nfc(UChar **text, int32_t *len) {
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    int32_t cap = *len * 2 + 16;
    UChar *norm = malloc((size_t)cap * sizeof *norm), *lower = malloc((size_t)cap * sizeof *lower);
    int32_t n = 0;
    if (!norm || !lower)
        st = U_MEMORY_ALLOCATION_ERROR;
    if (U_SUCCESS(st))
        n = unorm2_normalize(nfc, *text, *len, norm, cap, &st);
    if (U_SUCCESS(st))
        n = u_strToLower(lower, cap, norm, n, "", &st);
    free(norm);
    if (U_FAILURE(st) || n >= cap) {
        free(lower);
        return U_FAILURE(st) ? st : U_BUFFER_OVERFLOW_ERROR;
    }
    free(*text);
    *text = lower;
    *len = n;
    return st;
}

/* Transliterate `len` UChars of `src` with `t` into a new buffer (*out, *n). */
static UErrorCode transliterate(UTransliterator *t, const UChar *src, int32_t len, UChar **out, int32_t *n) {
    /* utrans_transUChars works in place: give it room to grow (щ -> shch), and if
     * that was not enough, start again from the source with the size it asked for. */
    int32_t cap = len * 4 + 16;
    UChar *buf = NULL;
    UErrorCode st = U_ZERO_ERROR;
    for (int attempt = 0; attempt < 2; attempt++) {
        UChar *grown = realloc(buf, (size_t)cap * sizeof *buf);
        if (!grown) {
            st = U_MEMORY_ALLOCATION_ERROR;
            break;
        }
        buf = grown;
        u_memcpy(buf, src, len);
        buf[len] = 0;
        *n = len;
        int32_t limit = len;
        st = U_ZERO_ERROR;
        utrans_transUChars(t, buf, n, cap, 0, &limit, &st);
        if (st != U_BUFFER_OVERFLOW_ERROR && !(U_SUCCESS(st) && *n >= cap))
            break;
        st = U_BUFFER_OVERFLOW_ERROR;
        cap = *n + 1;
    }
    if (U_FAILURE(st)) {
        free(buf);
        buf = NULL;
    }
    *out = buf;
    return st;
}

/* Keep [a-z0-9] (lower-cased), turn every run of anything else into one '-', trim
 * '-' from both ends; "section" if nothing is left.  Writes into a new string. */
static char *ascii_slug(const char *s) {
    size_t n = strlen(s);
    char *out = malloc(n + sizeof "section");
    if (!out)
        return NULL;
    size_t k = 0;
    int gap = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (gap && k > 0)
                out[k++] = '-';
            gap = 0;
            out[k++] = c;
        } else {
            gap = 1;
        }
    }
    if (k == 0) {
        strcpy(out, "section"); // NOLINT(clang-analyzer-security.insecureAPI.strcpy): `out` has room for the text
        return out;
    }
    out[k] = '\0';
    return out;
}

char *bg_l10n_slug(bg_l10n *l10n, const char *text) {
    if (!l10n) {
        l10n_bad_call("bg_l10n_slug");
        return NULL;
    }
    UTransliterator *uk = open_rules(&l10n->slugger, slug_rules, "briefgen-slug");
    if (!uk)
        return NULL;
    int32_t len = 0;
    UChar *src = l10n_utf16_from(text, &len);
    if (!src) {
        l10n_out_of_memory();
        return NULL;
    }
    UChar *buf = NULL;
    int32_t n = 0;
    UErrorCode st = lower_nfc(&src, &len);
    if (U_SUCCESS(st))
        st = transliterate(uk, src, len, &buf, &n);
    free(src);
    int ascii = 1;
    for (int32_t i = 0; U_SUCCESS(st) && i < n; i++)
        ascii &= buf[i] < 0x80;
    if (U_SUCCESS(st) && !ascii) {
        UTransliterator *rest = open_rules(&l10n->to_ascii, ascii_rules, "briefgen-ascii");
        UChar *latin = NULL;
        if (!rest)
            st = U_INTERNAL_TRANSLITERATOR_ERROR;
        else
            st = transliterate(rest, buf, n, &latin, &n);
        free(buf);
        buf = latin;
    }
    char *latin = U_SUCCESS(st) ? l10n_utf8_from(buf, n, &st) : NULL;
    free(buf);
    if (!latin) {
        bg_error(NULL, 0, "cannot make a slug: %s", u_errorName(st));
        return NULL;
    }
    char *slug = ascii_slug(latin);
    free(latin);
    if (!slug)
        l10n_out_of_memory();
    return slug;
}
