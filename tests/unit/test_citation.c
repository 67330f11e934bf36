/* test_citation — the suggested citation, case by case, in both styles.
 *
 *     build/test_citation [LOCALES_DIR]
 *
 * LOCALES_DIR defaults to "locales" (the bundled catalogues: English and Polish cite
 * in APA 7, Ukrainian in ДСТУ 8302:2015).  Prints one line per failed case and then
 * "N passed, N failed"; exits 1 if any failed.  In the expected strings the title
 * the style sets in italics is written *so*, a link <so>, and "~" stands for the
 * no-break space ДСТУ names use ("Ткачук~О.").
 */
#include "citation.h"
#include "diag.h"
#include "l10n.h"
#include "unit.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uclean.h>

static bg_locale *uk, *en, *pl;

/* `text` with citation.h's marks as * and <>, and no-break spaces as "~". */
static char *readable(const char *text) {
    char *out = malloc(strlen(text) + 1), *o = out;
    for (const char *p = text; out && *p;) {
        if (strncmp(p, BG_CITE_EM_START, 3) == 0 || strncmp(p, BG_CITE_EM_END, 3) == 0)
            *o++ = '*', p += 3;
        else if (strncmp(p, BG_CITE_LINK_START, 3) == 0)
            *o++ = '<', p += 3;
        else if (strncmp(p, BG_CITE_LINK_END, 3) == 0)
            *o++ = '>', p += 3;
        else if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)
            *o++ = '~', p += 2;
        else
            *o++ = *p++;
    }
    if (out)
        *o = '\0';
    return out;
}

/* The citation of `w` in `loc`'s style, shown readable(), should be `want`. */
static void check_cite(const char *what, bg_locale *loc, const bg_cite_work *w, const char *want) {
    char *got = bg_citation_format(loc, w);
    check_str(what, got ? readable(got) : NULL, want);
    free(got);
}

/* People of the sample brief, in each language. */
static const bg_cite_person uk_people[] = {
    {"Оксана Ткачук", "Оксана", "Ткачук"},
    {"Ярослав Ґудзь", "Ярослав", "Ґудзь"},
    {"Наталія Євтушенко", "Наталія", "Євтушенко"},
    {"Ірина Мельник", "Ірина", "Мельник"},
};
static const bg_cite_person en_people[] = {
    {"Oksana Tkachuk", "Oksana", "Tkachuk"},
    {"Yaroslav Gudz", "Yaroslav", "Gudz"},
    {"Nataliia Yevtushenko", "Nataliia", "Yevtushenko"},
    {"Iryna Melnyk", "Iryna", "Melnyk"},
};

static bg_cite_work uk_work(int npersons) {
    static const char *const orgs[] = {"Київська школа економіки"};
    return (bg_cite_work){uk_people,
                          npersons,
                          orgs,
                          1,
                          "Участь під час війни",
                          "Аналітична записка",
                          "Київська школа економіки",
                          "Київ",
                          "2025-03-14",
                          "12",
                          "10.5555/wartime"};
}

static bg_cite_work en_work(int npersons) {
    static const char *const orgs[] = {"Kyiv School of Economics"};
    return (bg_cite_work){en_people,
                          npersons,
                          orgs,
                          1,
                          "Participation under fire: how municipalities cope",
                          "Policy brief",
                          "Kyiv School of Economics",
                          "Kyiv",
                          "2025-03-14",
                          "12",
                          "10.5555/wartime"};
}

static void test_dstu(void) {
    bg_cite_work w = uk_work(1);
    check_cite("dstu: one author", uk, &w,
               "Ткачук~О. Участь під час війни : аналітична записка. Київ : Київська школа економіки, 2025. 12 с. "
               "URL: <https://doi.org/10.5555/wartime> (дата звернення: 14.03.2025).");
    w = uk_work(2);
    check_cite("dstu: two authors", uk, &w,
               "Ткачук~О., Ґудзь~Я. Участь під час війни : аналітична записка. Київ : Київська школа економіки, 2025. "
               "12 с. URL: <https://doi.org/10.5555/wartime> (дата звернення: 14.03.2025).");
    w = uk_work(3);
    check_cite("dstu: three authors head the description", uk, &w,
               "Ткачук~О., Ґудзь~Я., Євтушенко~Н. Участь під час війни : аналітична записка. Київ : Київська школа "
               "економіки, 2025. 12 с. URL: <https://doi.org/10.5555/wartime> (дата звернення: 14.03.2025).");
    w = uk_work(4);
    check_cite("dstu: four authors: title first, the first after a slash, та ін.", uk, &w,
               "Участь під час війни : аналітична записка / О.~Ткачук та ін. Київ : Київська школа економіки, 2025. "
               "12 с. URL: <https://doi.org/10.5555/wartime> (дата звернення: 14.03.2025).");
    w = uk_work(0);
    check_cite("dstu: an organisation as author, after a slash", uk, &w,
               "Участь під час війни : аналітична записка / Київська школа економіки. Київ : Київська школа "
               "економіки, 2025. 12 с. URL: <https://doi.org/10.5555/wartime> (дата звернення: 14.03.2025).");
    w = uk_work(3);
    w.doi = NULL;
    check_cite("dstu: no DOI: no URL and no date of access", uk, &w,
               "Ткачук~О., Ґудзь~Я., Євтушенко~Н. Участь під час війни : аналітична записка. Київ : Київська школа "
               "економіки, 2025. 12 с.");
    w.pages = NULL;
    w.publisher = NULL;
    check_cite("dstu: place without publisher, no pages", uk, &w,
               "Ткачук~О., Ґудзь~Я., Євтушенко~Н. Участь під час війни : аналітична записка. Київ, 2025.");
    w.place = NULL;
    w.type = NULL;
    check_cite("dstu: neither place nor publisher nor series", uk, &w,
               "Ткачук~О., Ґудзь~Я., Євтушенко~Н. Участь під час війни. 2025.");
    w = uk_work(1);
    w.place = NULL;
    w.doi = NULL;
    w.pages = NULL;
    check_cite("dstu: publisher without place", uk, &w,
               "Ткачук~О. Участь під час війни : аналітична записка. Київська школа економіки, 2025.");
    w.type = "ОЕСР звіт";
    check_cite("dstu: a series starting with an abbreviation keeps its capitals", uk, &w,
               "Ткачук~О. Участь під час війни : ОЕСР звіт. Київська школа економіки, 2025.");

    bg_cite_person names[] = {
        {"Анна-Марія Коваль", NULL, NULL},               /* no given/family: split at the last space */
        {"Оксана Марія Ткачук", NULL, NULL},             /* two given names */
        {"Й\xcc\x86", NULL, NULL},                       /* one word only: all family name */
        {"Юлія Ґудзь", "\xd0\x98\xcc\x86осип", "Ґудзь"}, /* И + combining breve: one grapheme */
    };
    bg_cite_work n = {names, 2, NULL, 0, "Назва", NULL, NULL, NULL, "2024-01-31", NULL, NULL};
    check_cite("dstu: a double given name, two given names, names split from the full name", uk, &n,
               "Коваль~А.-М., Ткачук~О.~М. Назва. 2024.");
    n.persons = names + 3;
    n.npersons = 1;
    check_cite("dstu: an initial made of a letter and a combining mark stays whole", uk, &n,
               "Ґудзь~\xd0\x98\xcc\x86. Назва. 2024.");
    n.persons = names + 2;
    check_cite("dstu: a one-word name", uk, &n, "Й\xcc\x86. Назва. 2024.");
    bg_cite_person lower[] = {{"ярослав ґудзь", NULL, NULL}};
    n.persons = lower;
    check_cite("dstu: initials in capitals whatever the name's case (Ґ, not г)", uk, &n, "ґудзь~Я. Назва. 2024.");
    n.title = "Що далі?";
    n.persons = uk_people;
    check_cite("dstu: a title ending in a question mark takes no full stop", uk, &n, "Ткачук~О. Що далі? 2024.");
}

static void test_apa(void) {
    bg_cite_work w = en_work(1);
    check_cite("apa: one author", en, &w,
               "Tkachuk, O. (2025). *Participation under fire: How municipalities cope* (Policy brief). Kyiv School of "
               "Economics. <https://doi.org/10.5555/wartime>");
    w = en_work(2);
    check_cite("apa: two authors, & with a comma", en, &w,
               "Tkachuk, O., & Gudz, Y. (2025). *Participation under fire: How municipalities cope* (Policy brief). "
               "Kyiv School of Economics. <https://doi.org/10.5555/wartime>");
    w = en_work(3);
    check_cite("apa: three authors", en, &w,
               "Tkachuk, O., Gudz, Y., & Yevtushenko, N. (2025). *Participation under fire: How municipalities cope* "
               "(Policy brief). Kyiv School of Economics. <https://doi.org/10.5555/wartime>");
    w.doi = "";
    check_cite("apa: no DOI: ends with the publisher", en, &w,
               "Tkachuk, O., Gudz, Y., & Yevtushenko, N. (2025). *Participation under fire: How municipalities cope* "
               "(Policy brief). Kyiv School of Economics.");
    w = en_work(0);
    check_cite("apa: an organisation as author is not repeated as publisher", en, &w,
               "Kyiv School of Economics. (2025). *Participation under fire: How municipalities cope* (Policy brief). "
               "<https://doi.org/10.5555/wartime>");
    w.publisher = "Other Press";
    check_cite("apa: an organisation as author, another publisher", en, &w,
               "Kyiv School of Economics. (2025). *Participation under fire: How municipalities cope* (Policy brief). "
               "Other Press. <https://doi.org/10.5555/wartime>");
    w.norgs = 0;
    w.doi = NULL;
    check_cite("apa: no author at all: the title takes its place", en, &w,
               "*Participation under fire: How municipalities cope* (Policy brief). (2025). Other Press.");
    w = en_work(1);
    w.type = NULL;
    w.title = "What next?";
    w.doi = NULL;
    check_cite("apa: a title ending in a question mark, no series", en, &w,
               "Tkachuk, O. (2025). *What next?* Kyiv School of Economics.");

    /* 22 authors: the first 19, an ellipsis, the last. */
    bg_cite_person many[22];
    char names[22][16];
    for (int i = 0; i < 22; i++) {
        snprintf(names[i], sizeof names[i], "A%c Author%d", 'a' + i, i + 1);
        many[i] = (bg_cite_person){names[i], NULL, NULL};
    }
    bg_cite_work m = {many, 22, NULL, 0, "Title", NULL, NULL, NULL, "2025-01-01", NULL, NULL};
    char want[1024] = "";
    for (int i = 0; i < 19; i++)
        snprintf(want + strlen(want), sizeof want - strlen(want), "%sAuthor%d, A.", i ? ", " : "", i + 1);
    strncat(want, ", . . . Author22, A. (2025). *Title*.", sizeof want - strlen(want) - 1);
    check_cite("apa: 21 authors or more: the first 19, an ellipsis, the last", en, &m, want);
    m.npersons = 20;
    want[0] = '\0';
    for (int i = 0; i < 20; i++)
        snprintf(want + strlen(want), sizeof want - strlen(want), "%s%sAuthor%d, A.", i ? ", " : "",
                 i == 19 ? "& " : "", i + 1);
    strncat(want, " (2025). *Title*.", sizeof want - strlen(want) - 1);
    check_cite("apa: 20 authors are all named", en, &m, want);
    bg_cite_person two_given[] = {{"Jean-Paul Marie Sartre", NULL, NULL}};
    m.persons = two_given;
    m.npersons = 1;
    check_cite("apa: initials of a double and a second given name", en, &m, "Sartre, J.-P. M. (2025). *Title*.");
}

/* Polish cites in APA too, with its own word before the last author and no comma. */
static void test_apa_polish(void) {
    bg_cite_work w = en_work(3);
    w.doi = NULL;
    check_cite("apa in Polish: \"i\" before the last author, no comma", pl, &w,
               "Tkachuk, O., Gudz, Y. i Yevtushenko, N. (2025). *Participation under fire: How municipalities cope* "
               "(Policy brief). Kyiv School of Economics.");
    w.npersons = 2;
    check_cite("apa in Polish: two authors", pl, &w,
               "Tkachuk, O. i Gudz, Y. (2025). *Participation under fire: How municipalities cope* (Policy brief). "
               "Kyiv School of Economics.");
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "locales";
    bg_l10n *l10n = bg_l10n_new(dir);
    uk = l10n ? bg_l10n_locale(l10n, "uk") : NULL;
    en = l10n ? bg_l10n_locale(l10n, "en") : NULL;
    pl = l10n ? bg_l10n_locale(l10n, "pl") : NULL;
    if (!uk || !en || !pl) {
        fprintf(stderr, "test_citation: cannot load the locales in %s\n", dir);
        return 2;
    }
    test_dstu();
    test_apa();
    test_apa_polish();
    bg_l10n_free(l10n);
    xmlCleanupParser();
    u_cleanup();
    return unit_end();
}
