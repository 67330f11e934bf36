/* citation — see citation.h. */
#include "citation.h"

#include "buf.h"
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#define NBSP "\xc2\xa0"

static int blank(const char *s) { return !s || !s[strspn(s, " \t\r\n")]; }

/* A message of the locale with string arguments; NULL after reporting. */
static char *word(bg_locale *loc, const char *key, const char *arg0, const char *arg1) {
    bg_arg args[2] = {{BG_ARG_STRING, 0, arg0 ? arg0 : ""}, {BG_ARG_STRING, 0, arg1 ? arg1 : ""}};
    return bg_locale_message(loc, key, args, arg1 ? 2 : arg0 ? 1 : 0);
}

/* ---- names ----------------------------------------------------------------------- */

/* Is `c` (a byte of UTF-8 or an ASCII space) a separator between words? */
static size_t space_at(const char *s) {
    if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        return 1;
    if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
        return 2;
    return 0;
}

/* The first grapheme cluster of the `n` bytes at `s`, in upper case, appended to
 * `out`: the initial of a name, whole even when it is a letter with a combining
 * mark. */
static void add_initial(bg_buf *out, const char *s, size_t n, const char *lang) {
    UErrorCode st = U_ZERO_ERROR;
    UChar u[256], upper[64];
    int32_t len = 0;
    u_strFromUTF8(u, 256, &len, s, (int32_t)n, &st);
    if (U_FAILURE(st) || len == 0)
        return;
    if (len > 256)
        len = 256;
    UBreakIterator *bi = ubrk_open(UBRK_CHARACTER, lang, u, len, &st);
    int32_t end = U_SUCCESS(st) ? ubrk_following(bi, 0) : 1;
    ubrk_close(bi);
    if (end <= 0 || end > len)
        end = len < 2 ? len : 1;
    st = U_ZERO_ERROR;
    int32_t ulen = u_strToUpper(upper, 64, u, end, lang, &st);
    if (U_FAILURE(st))
        return;
    char utf8[256];
    int32_t blen = 0;
    st = U_ZERO_ERROR;
    u_strToUTF8(utf8, (int32_t)sizeof utf8, &blen, upper, ulen, &st);
    if (U_SUCCESS(st))
        bg_buf_add(out, utf8, (size_t)blen);
}

/* The initials of the given names `given`: "Оксана Марія" -> "О. М.", a double name
 * "Анна-Марія" -> "А.-М.".  `space` goes between the initials of separate names. */
static void add_initials(bg_buf *out, const char *given, const char *lang, const char *space) {
    int first = 1;
    for (const char *p = given; *p;) {
        size_t k;
        while ((k = space_at(p)) > 0)
            p += k;
        if (!*p)
            break;
        const char *w = p;
        while (*p && !space_at(p))
            p++;
        if (!first)
            bg_buf_puts(out, space);
        first = 0;
        /* the parts of a double name, each with its initial */
        for (const char *q = w; q < p;) {
            const char *h = q;
            while (h < p && *h != '-')
                h++;
            if (h > q) {
                add_initial(out, q, (size_t)(h - q), lang);
                bg_buf_puts(out, ".");
            }
            if (h < p) {
                bg_buf_puts(out, "-");
                h++;
            }
            q = h;
        }
    }
}

/* The family name and given names of `p`: its own, or split from its full name at
 * the last space.  Both malloc'd. */
void bg_cite_person_names(const bg_cite_person *p, char **given, char **family) {
    if (!blank(p->family)) {
        *family = strdup(p->family);
        *given = strdup(blank(p->given) ? "" : p->given);
        return;
    }
    const char *name = p->name ? p->name : "";
    const char *last = NULL, *end = name + strlen(name);
    while (end > name && space_at(end - 1))
        end--;
    for (const char *s = name; s < end; s++)
        if (space_at(s))
            last = s;
    if (!last) {
        *family = strndup(name, (size_t)(end - name));
        *given = strdup(blank(p->given) ? "" : p->given);
    } else {
        *family = strndup(last + space_at(last), (size_t)(end - last - space_at(last)));
        *given = blank(p->given) ? strndup(name, (size_t)(last - name)) : strdup(p->given);
    }
}

/* "Tkachuk, O." (APA) or "Ткачук О." (ДСТУ, inverted) or "О. Ткачук" (ДСТУ,
 * initials first). */
enum name_form { NAME_APA, NAME_DSTU, NAME_DSTU_INITIALS_FIRST };

static void add_name(bg_buf *out, const bg_cite_person *p, enum name_form form, const char *lang) {
    char *given = NULL, *family = NULL;
    bg_cite_person_names(p, &given, &family);
    int has_given = !blank(given);
    if (form == NAME_DSTU_INITIALS_FIRST && has_given) {
        add_initials(out, given, lang, NBSP);
        bg_buf_puts(out, NBSP);
    }
    bg_buf_puts(out, family ? family : "");
    if (form != NAME_DSTU_INITIALS_FIRST && has_given) {
        bg_buf_puts(out, form == NAME_APA ? ", " : NBSP);
        add_initials(out, given, lang, form == NAME_APA ? " " : NBSP);
    }
    free(given);
    free(family);
}

/* ---- text ------------------------------------------------------------------------ */

static int ends_with_mark(const bg_buf *b) {
    if (!b->len)
        return 0;
    char c = b->s[b->len - 1];
    return c == '.' || c == '?' || c == '!';
}

/* Start a new element of the description: ". " after the one before, or just " "
 * when it ended with a full stop already ("та ін.", "Ткачук О."). */
static void next_element(bg_buf *b) {
    if (b->len)
        bg_buf_puts(b, ends_with_mark(b) ? " " : ". ");
}

static void end_with_full_stop(bg_buf *b) {
    if (b->len && !ends_with_mark(b))
        bg_buf_puts(b, ".");
}

/* `text` with the first letter after each ": " in upper case (APA writes titles in
 * sentence case, the subtitle's first word capitalised). */
static void add_sentence_case(bg_buf *out, const char *text) {
    int32_t n = (int32_t)strlen(text), i = 0;
    int after_colon = 0;
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(text, i, n, c);
        if (c < 0) {
            bg_buf_add(out, text + start, (size_t)(i - start));
            continue;
        }
        if (after_colon == 2 && u_isalpha(c)) {
            char utf8[4];
            int32_t k = 0;
            UBool err = 0;
            U8_APPEND(utf8, k, 4, u_toupper(c), err);
            if (!err)
                bg_buf_add(out, utf8, (size_t)k);
            after_colon = 0;
            continue;
        }
        bg_buf_add(out, text + start, (size_t)(i - start));
        if (c == ':')
            after_colon = 1;
        else if (after_colon == 1 && c == ' ')
            after_colon = 2;
        else if (after_colon != 2 || !u_isspace(c))
            after_colon = 0;
    }
}

/* `text` with its first letter in lower case unless the second is upper case too
 * (an abbreviation): ДСТУ writes information about the title that way ("Назва :
 * аналітична записка"). */
static void add_lower_first(bg_buf *out, const char *text) {
    int32_t n = (int32_t)strlen(text), i = 0, j;
    UChar32 c, d = 0;
    U8_NEXT(text, i, n, c);
    j = i;
    if (j < n)
        U8_NEXT(text, j, n, d);
    if (c >= 0 && u_isupper(c) && !(d > 0 && u_isupper(d))) {
        char utf8[4];
        int32_t k = 0;
        UBool err = 0;
        U8_APPEND(utf8, k, 4, u_tolower(c), err);
        if (err)
            k = 0;
        bg_buf_add(out, utf8, (size_t)k);
        bg_buf_puts(out, text + i);
    } else {
        bg_buf_puts(out, text);
    }
}

static void add_doi_link(bg_buf *out, const char *doi) {
    bg_buf_printf(out, "%shttps://doi.org/%s%s", BG_CITE_LINK_START, doi, BG_CITE_LINK_END);
}

/* ---- APA 7 ----------------------------------------------------------------------- */

/* One author of `w` in APA's form: "Tkachuk, O." or an organisation's name. */
static void apa_author(bg_buf *out, bg_locale *loc, const bg_cite_work *w, int i) {
    if (w->npersons)
        add_name(out, &w->persons[i], NAME_APA, bg_locale_lang(loc));
    else
        bg_buf_puts(out, w->orgs[i]);
}

/* The authors as APA lists them: "A", "A, & B", "A, B, & C" (the last joined by the
 * locale's citation.and, "{0}, & {1}"); from 21 authors on, the first 19, an
 * ellipsis and the last.  0, or -1 after reporting. */
static int apa_authors(bg_buf *out, bg_locale *loc, const bg_cite_work *w) {
    int n = w->npersons ? w->npersons : w->norgs;
    if (n > 20) {
        for (int i = 0; i < 19; i++) {
            if (i)
                bg_buf_puts(out, ", ");
            apa_author(out, loc, w, i);
        }
        bg_buf_puts(out, ", . . . ");
        apa_author(out, loc, w, n - 1);
        return 0;
    }
    if (n == 1) {
        apa_author(out, loc, w, 0);
        return 0;
    }
    bg_buf before = {0}, last = {0};
    for (int i = 0; i < n - 1; i++) {
        if (i)
            bg_buf_puts(&before, ", ");
        apa_author(&before, loc, w, i);
    }
    apa_author(&last, loc, w, n - 1);
    char *joined = word(loc, "citation.and", before.s ? before.s : "", last.s ? last.s : "");
    bg_buf_free(&before);
    bg_buf_free(&last);
    if (!joined)
        return -1;
    bg_buf_puts(out, joined);
    free(joined);
    return 0;
}

/* APA 7, a report (§10.4):
 *   Author, A., & Author, B. (2025). *Title: Subtitle* (Policy brief). Publisher.
 *   https://doi.org/…
 * An organisation is the author when no person is, and its name is not repeated
 * as the publisher; with no author at all the title takes the author's place.
 * Without a DOI the citation ends with the publisher.  Only the year is given. */
static char *format_apa(bg_locale *loc, const bg_cite_work *w) {
    /* A title ending in "?" or "!" takes no full stop, unless the type follows it. */
    size_t tlen = strlen(w->title);
    int title_mark = blank(w->type) && tlen > 0 && strchr("?!", w->title[tlen - 1]) != NULL;
    bg_buf title = {0};
    bg_buf_puts(&title, BG_CITE_EM_START);
    add_sentence_case(&title, w->title);
    bg_buf_puts(&title, BG_CITE_EM_END);
    if (!blank(w->type))
        bg_buf_printf(&title, " (%s)", w->type);
    if (!title_mark)
        bg_buf_puts(&title, ".");

    bg_buf out = {0};
    if (w->npersons || w->norgs) {
        if (apa_authors(&out, loc, w) != 0) {
            bg_buf_free(&title);
            bg_buf_free(&out);
            return NULL;
        }
        end_with_full_stop(&out);
        bg_buf_printf(&out, " (%.4s). ", w->date ? w->date : "");
        bg_buf_add(&out, title.s ? title.s : "", title.len);
    } else {
        bg_buf_add(&out, title.s ? title.s : "", title.len);
        bg_buf_printf(&out, " (%.4s).", w->date ? w->date : "");
    }
    int same = !w->npersons && w->norgs == 1 && !blank(w->publisher) && strcmp(w->orgs[0], w->publisher) == 0;
    if (!blank(w->publisher) && !same) {
        bg_buf_printf(&out, " %s", w->publisher);
        end_with_full_stop(&out);
    }
    if (!blank(w->doi)) {
        bg_buf_puts(&out, " ");
        add_doi_link(&out, w->doi);
    }
    bg_buf_free(&title);
    return bg_buf_take(&out);
}

/* ---- ДСТУ 8302:2015 ---------------------------------------------------------------- */

/* ДСТУ 8302:2015, a book-like document:
 *   Ткачук О., Ґудзь Я., Євтушенко Н. Назва : аналітична записка. Київ : Видавець,
 *   2025. 12 с. URL: https://doi.org/… (дата звернення: 14.03.2025).
 * One to three authors head the description; with four or more it starts with the
 * title and names the first author after a slash, "/ О. Ткачук та ін."; an
 * organisation as author also follows the slash ("/ Київська школа економіки").
 * The series is information about the title, after " : " with a small letter.
 * Place, publisher and pages are left out when the brief does not give them; the
 * DOI is given as a URL with the date of access, which for a generated citation is
 * the publication date (a reader citing later puts in their own). */
static char *format_dstu(bg_locale *loc, const bg_cite_work *w) {
    const char *lang = bg_locale_lang(loc);
    bg_buf out = {0};
    int n = w->npersons;
    if (n >= 1 && n <= 3) {
        for (int i = 0; i < n; i++) {
            if (i)
                bg_buf_puts(&out, ", ");
            add_name(&out, &w->persons[i], NAME_DSTU, lang);
        }
    }
    next_element(&out);
    bg_buf_puts(&out, w->title);
    if (!blank(w->type)) {
        bg_buf_puts(&out, " : ");
        add_lower_first(&out, w->type);
    }
    if (n > 3) {
        char *et_al = word(loc, "citation.et-al", NULL, NULL);
        if (!et_al) {
            bg_buf_free(&out);
            return NULL;
        }
        bg_buf_puts(&out, " / ");
        add_name(&out, &w->persons[0], NAME_DSTU_INITIALS_FIRST, lang);
        bg_buf_printf(&out, " %s", et_al);
        free(et_al);
    } else if (n == 0 && w->norgs > 0) {
        bg_buf_puts(&out, " / ");
        for (int i = 0; i < w->norgs; i++)
            bg_buf_printf(&out, "%s%s", i ? ", " : "", w->orgs[i]);
    }
    next_element(&out);
    if (!blank(w->place))
        bg_buf_printf(&out, "%s%s", w->place, blank(w->publisher) ? ", " : " : ");
    if (!blank(w->publisher))
        bg_buf_printf(&out, "%s, ", w->publisher);
    bg_buf_printf(&out, "%.4s", w->date ? w->date : "");
    if (!blank(w->pages)) {
        bg_arg pages = {BG_ARG_NUMBER, atof(w->pages), NULL};
        char *text = bg_locale_message(loc, "citation.pages", &pages, 1);
        if (!text) {
            bg_buf_free(&out);
            return NULL;
        }
        next_element(&out);
        bg_buf_puts(&out, text);
        free(text);
    }
    if (!blank(w->doi)) {
        bg_buf link = {0};
        add_doi_link(&link, w->doi);
        char accessed[16] = "";
        if (w->date && strlen(w->date) >= 10)
            snprintf(accessed, sizeof accessed, "%.2s.%.2s.%.4s", w->date + 8, w->date + 5, w->date);
        char *url = word(loc, "citation.url", link.s ? link.s : "", NULL);
        char *date = word(loc, "citation.accessed", accessed, NULL);
        bg_buf_free(&link);
        if (!url || !date) {
            free(url);
            free(date);
            bg_buf_free(&out);
            return NULL;
        }
        next_element(&out);
        bg_buf_printf(&out, "%s %s", url, date);
        free(url);
        free(date);
    }
    end_with_full_stop(&out);
    return bg_buf_take(&out);
}

char *bg_citation_format(bg_locale *loc, const bg_cite_work *w) {
    if (!loc || !w || !w->title) {
        bg_error(NULL, 0, "internal error: bg_citation_format called without its arguments");
        return NULL;
    }
    char *style = word(loc, "citation.style", NULL, NULL);
    if (!style)
        return NULL;
    char *out = NULL;
    if (strcmp(style, "apa") == 0)
        out = format_apa(loc, w);
    else if (strcmp(style, "dstu") == 0)
        out = format_dstu(loc, w);
    else
        bg_error(NULL, 0,
                 "citation.style of \"%s\" is \"%s\"; briefgen knows the styles apa (APA 7) and dstu "
                 "(ДСТУ 8302:2015)",
                 bg_locale_lang(loc), style);
    free(style);
    return out;
}

/* ---- the <work> element ------------------------------------------------------------ */

/* A normalised copy of attribute `name` of `el` ("" when absent), kept in `r`. */
static const char *keep_attr(bg_cite_read *r, xmlNodePtr el, const char *name) {
    xmlChar *v = xmlGetNoNsProp(el, BAD_CAST name);
    if (!v)
        v = xmlStrdup(BAD_CAST "");
    if (!v)
        return NULL;
    bg_str_squeeze_space((char *)v);
    r->owned[r->nowned++] = v;
    return (const char *)v;
}

/* The normalised text of `el`, kept in `r`. */
static const char *keep_text(bg_cite_read *r, xmlNodePtr el) {
    xmlChar *v = xmlNodeGetContent(el);
    if (!v)
        return NULL;
    bg_str_squeeze_space((char *)v);
    r->owned[r->nowned++] = v;
    return (const char *)v;
}

static int is_element(xmlNodePtr n, const char *name) {
    return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name);
}

int bg_cite_read_work(xmlNodePtr work, bg_cite_read *r) {
    int np = 0, nother = 0;
    memset(r, 0, sizeof *r);
    for (xmlNodePtr k = work->children; k; k = k->next) {
        np += is_element(k, "person");
        nother += k->type == XML_ELEMENT_NODE;
    }
    r->persons = calloc((size_t)np + 1, sizeof *r->persons);
    r->orgs = calloc((size_t)nother + 1, sizeof *r->orgs);
    r->owned = calloc(3 * (size_t)np + (size_t)nother + 4, sizeof *r->owned);
    bg_cite_work *w = &r->work;
    int ok = r->persons && r->orgs && r->owned && (w->date = keep_attr(r, work, "date")) &&
             (w->pages = keep_attr(r, work, "pages")) && (w->doi = keep_attr(r, work, "doi"));
    for (xmlNodePtr k = work->children; ok && k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (is_element(k, "person")) {
            bg_cite_person *p = &r->persons[w->npersons++];
            ok = (p->name = keep_attr(r, k, "name")) && (p->given = keep_attr(r, k, "given")) &&
                 (p->family = keep_attr(r, k, "family"));
            continue;
        }
        const char *text = keep_text(r, k);
        ok = text != NULL;
        if (is_element(k, "org"))
            r->orgs[w->norgs++] = text;
        else if (is_element(k, "title"))
            w->title = text;
        else if (is_element(k, "type"))
            w->type = text;
        else if (is_element(k, "publisher"))
            w->publisher = text;
        else if (is_element(k, "place"))
            w->place = text;
    }
    if (!ok) {
        bg_cite_read_clear(r);
        return -1;
    }
    w->persons = r->persons;
    w->orgs = r->orgs;
    if (!w->title)
        w->title = "";
    return 0;
}

void bg_cite_read_clear(bg_cite_read *r) {
    for (int i = 0; r->owned && i < r->nowned; i++)
        xmlFree(r->owned[i]);
    free(r->owned);
    free(r->persons);
    free(r->orgs);
    memset(r, 0, sizeof *r);
}
