/* test_xlang — the cross-language checks (xlang.h): numbers read as each language
 * writes them (uk, en, pl), compared as numbers; and the findings of each check on
 * small units, with what `allow` silences.
 *
 *     build/test_xlang locales
 *
 * Prints one line per failed check and then "N passed, N failed"; exits 1 if any
 * failed.
 */
#include "buf.h"
#include "unit.h"
#include "xlang.h"

#include <libxml/parser.h>

/* The numbers of `text` in `lang`, canonical, joined by "|" (a new string). */
static char *numbers(const char *text, const char *lang) {
    bg_strv v = {0};
    bg_xlang_numbers(text, lang, &v, NULL);
    bg_buf b = {0};
    for (int i = 0; i < v.n; i++)
        bg_buf_printf(&b, "%s%s", i ? "|" : "", v.v[i]);
    bg_strv_clear(&v);
    char *s = bg_buf_take(&b);
    return s ? s : strdup("");
}

/* 1 when `a` in `la` and `b` in `lb` hold the same numbers, in the same order. */
static int same(const char *a, const char *la, const char *b, const char *lb) {
    char *x = numbers(a, la), *y = numbers(b, lb);
    int eq = strcmp(x, y) == 0;
    free(x);
    free(y);
    return eq;
}

static void test_numbers(void) {
    check_str("uk: thousands with a space", numbers("1 469 громад", "uk"), "1469");
    check_str("uk: thousands with a no-break space",
              numbers("1\xC2\xA0"
                      "469 громад",
                      "uk"),
              "1469");
    check_str("uk: thousands with a narrow no-break space",
              numbers("1\xE2\x80\xAF"
                      "469",
                      "uk"),
              "1469");
    check_str("en: thousands with a comma", numbers("1,469 municipalities", "en"), "1469");
    check_str("en: a plain number", numbers("1469", "en"), "1469");
    check_str("pl: thousands with a no-break space, decimal comma",
              numbers("1\xC2\xA0"
                      "469,50 zł",
                      "pl"),
              "1469.5");
    check_str("uk: a decimal comma", numbers("3,5 %", "uk"), "3.5");
    check_str("en: a decimal point", numbers("3.5%", "en"), "3.5");
    check_str("uk: a version with a point is one number", numbers("CC BY 4.0", "uk"), "4");
    check_str("en: a comma between numbers that are not thousands", numbers("1,2 and 3", "en"), "1|2|3");
    check_str("a millions figure", numbers("2 000 000", "uk"), "2000000");
    check_str("a year is not thousands of the number before it", numbers("24 лютого 2022 року", "uk"), "24|2022");
    check_str("a year after a count of four digits stays apart", numbers("1469 2022", "uk"), "1469|2022");
    check_str("a range", numbers("2014–2020", "uk"), "2014|2020");
    check_str("uk ordinal", numbers("2-й раунд", "uk"), "2");
    check_str("en ordinal", numbers("the 2nd round", "en"), "2");
    check_str("pl ordinal with a point", numbers("2. runda", "pl"), "2");
    check_str("a full stop after a number ends it", numbers("of 144.", "en"), "144");
    check_str("a date d.m.yyyy is its day and year", numbers("від 21.05.1997 №", "uk"), "21|1997");
    check_str("a month m.yyyy is its year", numbers("у 05.2022 і 3.1415", "uk"), "2022|3.1415");
    check_str("an ISO date is its year and day", numbers("2025-03-14", "en"), "2025|14");
    check_str("leading and trailing zeros", numbers("007 and 1.50", "en"), "7|1.5");
    check_str("a sign is not part of the number", numbers("-5", "en"), "5");
    check("\"1 469\" (uk) = \"1,469\" (en)", same("1 469", "uk", "1,469", "en"));
    check("\"1 469\" (pl) = \"1469\" (en)", same("1\xC2\xA0"
                                                 "469",
                                                 "pl", "1469", "en"));
    check("\"3,5\" (uk) = \"3.5\" (en)", same("3,5", "uk", "3.5", "en"));
    check("\"3,5\" (pl) = \"3.5\" (en)", same("3,5", "pl", "3.5", "en"));
    check("\"25\" != \"24\"", !same("25", "uk", "24", "en"));
    check("\"21,5 %\" (uk) = \"21.5%\" (en)", same("21,5 %", "uk", "21.5%", "en"));
    check("\"1,469\" (uk) is 1.469, not 1469", !same("1,469", "uk", "1469", "en"));
}

/* The findings of the checks on `xml` (a brief's body), one message per line. */
static void add_line(const bg_xlang_finding *f, void *ctx) {
    bg_buf_printf(ctx, "%ld: %s\n", (long)xmlGetLineNo(f->translation), f->message);
}

static char *findings(const char *body) {
    bg_buf xml = {0};
    bg_buf_printf(&xml, "<brief xmlns=\"urn:briefgen:brief:1\" source-lang=\"uk\" langs=\"uk en\">\n%s</brief>\n",
                  body);
    xmlDocPtr doc = xmlReadMemory(xml.s, (int)xml.len, "t.xml", NULL, XML_PARSE_NONET);
    bg_buf_free(&xml);
    bg_buf out = {0};
    if (doc)
        bg_xlang_each(xmlDocGetRootElement(doc), "uk", add_line, &out);
    xmlFreeDoc(doc);
    char *s = bg_buf_take(&out);
    return s ? s : strdup("");
}

static void test_checks(void) {
    check_str("the same numbers written each language's way: nothing",
              findings("<p xml:lang=\"uk\">1 469 громад, 3,5 %.</p>\n<p xml:lang=\"en\">1,469 municipalities, "
                       "3.5%.</p>\n"),
              "");
    check_str("a number changed", findings("<p xml:lang=\"uk\">25 голосів.</p>\n<p xml:lang=\"en\">24 votes.</p>\n"),
              "3: the Ukrainian (line 2) has the number 25 that the English version does not: check the "
              "translation, or allow it with allow=\"numbers\"  [numbers]\n"
              "3: the English version has the number 24 that the Ukrainian (line 2) does not: check the "
              "translation, or allow it with allow=\"numbers\"  [numbers]\n");
    check_str("allowed on the translation",
              findings("<p xml:lang=\"uk\">25 голосів.</p>\n<p xml:lang=\"en\" allow=\"numbers\">24 votes.</p>\n"), "");
    check_str(
        "allowed on the source, among other ids",
        findings("<p xml:lang=\"uk\" allow=\"length numbers\">25 голосів.</p>\n<p xml:lang=\"en\">24 votes.</p>\n"),
        "");
    check_str("a link, a citation, a cross-reference lost",
              findings("<p xml:lang=\"uk\">Див. <a href=\"https://a.example\">тут</a> <cite ref=\"r1\"/> <xref "
                       "ref=\"t1\"/>.</p>\n<p xml:lang=\"en\">See there.</p>\n"),
              "3: the Ukrainian (line 2) links to https://a.example and the English version does not: check the "
              "translation, or allow it with allow=\"links\"  [links]\n"
              "3: the Ukrainian (line 2) cites r1 and the English version does not: check the translation, or "
              "allow it with allow=\"citations\"  [citations]\n"
              "3: the Ukrainian (line 2) refers to t1 and the English version does not: check the translation, or "
              "allow it with allow=\"xrefs\"  [xrefs]\n");
    check_str("a footnote lost, emphasis dropped",
              findings("<p xml:lang=\"uk\"><em>Так</em>, ні.<fn>Примітка.</fn></p>\n<p xml:lang=\"en\">Yes, "
                       "no.</p>\n"),
              "3: the English version has 0 <fn> and the Ukrainian (line 2) has 1: check the translation, or allow "
              "it with allow=\"footnotes\"  [footnotes]\n"
              "3: the English version has 0 <em> or <strong> and the Ukrainian (line 2) has 1: check the "
              "translation, or allow it with allow=\"emphasis\"  [emphasis]\n");
    check_str("emphasis one apart is kept",
              findings("<p xml:lang=\"uk\"><em>А</em> і <em>Б</em>.</p>\n<p "
                       "xml:lang=\"en\"><em>A and B</em>.</p>\n"),
              "");
    check_str("a short text is not judged by length",
              findings("<p xml:lang=\"uk\">Так, це так.</p>\n<p "
                       "xml:lang=\"en\">Yes.</p>\n"),
              "");
    check_str("a name may be the same",
              findings("<name xml:lang=\"uk\">Open Society Foundations Kyiv</name>\n<name "
                       "xml:lang=\"en\">Open Society Foundations Kyiv</name>\n"),
              "");
    check_str("a paragraph left untranslated, with other white space",
              findings("<p xml:lang=\"uk\">Насосні станції без живлення.</p>\n<p xml:lang=\"en\">Насосні  станції\n"
                       " без живлення.</p>\n"),
              "3: the English version is word for word the Ukrainian (line 2): translate it, write it once without "
              "xml:lang if it is the same in every language, or allow it with allow=\"identical\"  [identical]\n");
    check_str("a reference's text may be the same",
              findings("<ref id=\"r\"><text xml:lang=\"uk\">OECD. Guidelines for Citizen Participation. 2022.</text>"
                       "<text xml:lang=\"en\">OECD. Guidelines for Citizen Participation. 2022.</text></ref>\n"),
              "");
    check_str("a text without letters may be the same",
              findings("<p xml:lang=\"uk\">12 — 15 — 17 %</p>\n<p xml:lang=\"en\">12 — 15 — 17 %</p>\n"), "");
    check_str("two words may be the same",
              findings("<title xml:lang=\"uk\">COVID-19 response</title>\n<title xml:lang=\"en\">COVID-19 "
                       "response</title>\n"),
              "");
}

int main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    test_numbers();
    test_checks();
    xmlCleanupParser();
    return unit_end();
}
