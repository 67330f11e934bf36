/* test_typo — the typography of a resolved brief, rule by rule, in every locale.
 *
 *     build/test_typo
 *
 * Each check typesets a small brief for one output language and compares the text
 * that results.  In the expected strings "~" stands for a no-break space (U+00A0).
 * Prints one line per failed check and then "N passed, N failed"; exits 1 if any
 * failed.
 */
#include "brief.h"
#include "diag.h"
#include "typo.h"
#include "unit.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uclean.h>

/* `text` with no-break spaces as "~"; a new string. */
static char *readable(const char *text) {
    char *out = malloc(strlen(text) + 1), *o = out;
    for (const char *p = text; out && *p;) {
        if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)
            *o++ = '~', p += 2;
        else
            *o++ = *p++;
    }
    if (out)
        *o = '\0';
    return out;
}

/* The brief `<brief ATTRS>BODY</brief>` typeset for `lang`, as the text of the
 * element that `path` names (a child of the root; "p" when NULL), readable(). */
static char *typeset_in(const char *lang, const char *attrs, const char *body, const char *name) {
    char xml[4096];
    snprintf(xml, sizeof xml, "<brief xmlns=\"%s\" %s>%s</brief>", BG_BRIEF_NS, attrs, body);
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "test.xml", NULL, XML_PARSE_NONET);
    if (!doc)
        return NULL;
    char *got = NULL;
    if (bg_typo_apply(doc, lang, "test.xml") == 0) {
        xmlNodePtr n = xmlDocGetRootElement(doc)->children;
        while (n && (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST name)))
            n = n->next;
        xmlChar *text = n ? xmlNodeGetContent(n) : NULL;
        got = text ? readable((const char *)text) : NULL;
        xmlFree(text);
    }
    xmlFreeDoc(doc);
    return got;
}

/* `text` as one paragraph typeset for `lang`. */
static char *typeset(const char *lang, const char *text) {
    char body[2048];
    snprintf(body, sizeof body, "<p>%s</p>", text);
    return typeset_in(lang, "", body, "p");
}

/* `text` as the one paragraph of a <quote>, typeset for `lang`. */
static char *quoted(const char *lang, const char *text) {
    char body[2048];
    snprintf(body, sizeof body, "<quote><p>%s</p></quote>", text);
    return typeset_in(lang, "", body, "quote");
}

static void quotation_marks(void) {
    check_str("uk: straight double quotes become «» from CLDR", typeset("uk", "Фонд \"Відкриті громади\"."),
              "Фонд «Відкриті громади».");
    check_str("en: straight double quotes become “” from CLDR", typeset("en", "the \"hub\" model"), "the “hub” model");
    check_str("pl: straight double quotes become „” from CLDR", typeset("pl", "fundusz \"Otwarte gminy\""),
              "fundusz „Otwarte gminy”");
    check_str("uk: a quotation inside a quotation takes „“",
              typeset("uk", "\"Ми назвали його \"Світове кафе\" і не шкодуємо\""),
              "«Ми назвали його „Світове кафе“ і~не шкодуємо»");
    check_str("en: a quotation inside a quotation takes ‘’", typeset("en", "\"We called it \"World Café\" then\""),
              "“We called it ‘World Café’ then”");
    check_str("pl: a quotation inside a quotation takes «»", typeset("pl", "\"Nazwali to \"kawiarnia\" tak\""),
              "„Nazwali to «kawiarnia» tak”");
    check_str("uk: an inner quotation closing with the outer one takes „“ then »",
              typeset("uk", "у \"проєкті \"Світове кафе\"\" тут"), "у~«проєкті „Світове кафе“» тут");
    check_str("en: an inner quotation closing with the outer one takes ’ then ”",
              typeset("en", "the \"project \"World Café\"\" here"), "the “project ‘World Café’” here");
    check_str("pl: an inner quotation closing with the outer one takes » then ”",
              typeset("pl", "te \"projekty \"Kawiarnia\"\" tu"), "te „projekty «Kawiarnia»” tu");
    check_str("uk: a straight quote inside typed «» is an inner one", typeset("uk", "«Проєкт \"Громада\" живе»"),
              "«Проєкт „Громада“ живе»");
    check_str("uk: quotes around inline markup pair across it", typeset("uk", "\"<em>Дія</em>\" і \"ЦНАП\""),
              "«Дія» і~«ЦНАП»");
    check_str("en: paired straight single quotes nest as the inner marks", typeset("en", "\"the 'open doors' rule\""),
              "“the ‘open doors’ rule”");
    check_str("uk: a quotation mark in an English phrase takes English marks",
              typeset("uk", "див. <em xml:lang=\"en\">the \"hub\" model</em>"), "див. the “hub” model");
    check_str("a language ICU does not know takes CLDR's root marks, whatever LANG says", typeset("tlh", "\"Qapla'\""),
              "“Qapla'”");
    check_str("a lone straight quote between spaces is left as typed", typeset("en", "5 \" 6"), "5 \" 6");
}

static void quote_elements(void) {
    check_str("uk: marks typed around a <quote> are dropped (the template draws them)",
              quoted("uk", "«Люди самі вирішують»"), "Люди самі вирішують");
    check_str("uk: straight marks around a <quote> are dropped, the full stop kept",
              quoted("uk", "\"Люди самі вирішують\"."), "Люди самі вирішують.");
    check_str("uk: a full stop after the marks goes when the quotation ends a sentence", quoted("uk", "«Люди самі…»."),
              "Люди самі…");
    check_str("en: typed “” around a <quote> are dropped", quoted("en", "“Residents themselves decide.”"),
              "Residents themselves decide.");
    check_str("pl: typed „” around a <quote> are dropped", quoted("pl", "„Mieszkańcy decydują”"),
              "Mieszkańcy decydują");
    check_str("uk: a quotation inside a <quote> is an inner one", quoted("uk", "Ми звемо це \"кафе\" досі"),
              "Ми звемо це „кафе“ досі");
    check_str("en: a quotation inside a <quote> is an inner one", quoted("en", "We call it \"the café\" still"),
              "We call it ‘the café’ still");
    check_str("uk: marks that do not enclose the whole <quote> stay", quoted("uk", "\"Так,\"~— сказав він, \"ні\""),
              "„Так,“~— сказав він, „ні“");
    check_str("uk: marks around a <quote> of two paragraphs are dropped",
              typeset_in("uk", "", "<quote><p>«Перший.</p><p>Другий.»</p></quote>", "quote"), "Перший.Другий.");
}

static void apostrophes(void) {
    check_str("uk: a straight apostrophe inside a word becomes U+2019", typeset("uk", "зв'язок"), "зв’язок");
    check_str("uk: a typed apostrophe is kept as typed", typeset("uk", "зв\u02bcязок і м’ята"), "зв\u02bcязок і~м’ята");
    check_str("en: a straight apostrophe inside a word becomes U+2019", typeset("en", "don't"), "don’t");
    check_str("en: a straight apostrophe closing a possessive becomes U+2019", typeset("en", "residents' views"),
              "residents’ views");
    check_str("en: a straight apostrophe eliding digits becomes U+2019", typeset("en", "the '90s"), "the ’90s");
    check_str("pl: a straight apostrophe inside a word becomes U+2019", typeset("pl", "Blair'a"), "Blair’a");
    check_str("uk: a word-final straight ' is left as typed", typeset("uk", "слово' далі"), "слово' далі");
    check_str("uk: an apostrophe in an English phrase follows English",
              typeset("uk", "<term xml:lang=\"en\">residents' councils</term>"), "residents’ councils");
}

static void dashes(void) {
    check_str("uk: the space before a spaced dash becomes no-break", typeset("uk", "тепер — спільний"),
              "тепер~— спільний");
    check_str("en: the space before a spaced dash becomes no-break", typeset("en", "now – shared"), "now~– shared");
    check_str("pl: the space before a spaced dash becomes no-break", typeset("pl", "teraz — wspólna"),
              "teraz~— wspólna");
    check_str("uk: a spaced hyphen between words becomes an em dash", typeset("uk", "хаб - спільний"),
              "хаб~— спільний");
    check_str("en: a spaced hyphen between words becomes an en dash", typeset("en", "hub - shared"), "hub~– shared");
    check_str("pl: a spaced hyphen between words becomes an em dash", typeset("pl", "hub - wspólny"), "hub~— wspólny");
    check_str("a spaced hyphen between numbers is left as typed", typeset("uk", "5 - 3"), "5 - 3");
    check_str("a hyphen inside a word is left as typed", typeset("en", "self-government"), "self-government");
    check_str("uk: a line break before a dash becomes one no-break space", typeset("uk", "тепер\n   — спільний"),
              "тепер~— спільний");
    check_str("a dash at the start of a paragraph is left as typed", typeset("uk", "— Так"), "— Так");
}

static void one_letter_words(void) {
    check_str("uk: the space after a one-letter word becomes no-break",
              typeset("uk", "в укритті у школі з людьми і тими, й тут, а також о п’ятій"),
              "в~укритті у~школі з~людьми і~тими, й~тут, а~також о~п’ятій");
    check_str("uk: capital one-letter words bind too", typeset("uk", "У лютому В Ірпені"), "У~лютому В~Ірпені");
    check_str("pl: the space after a one-letter word becomes no-break",
              typeset("pl", "w gminie i z radą a u nas o tym"), "w~gminie i~z~radą a~u~nas o~tym");
    check_str("en: one-letter words are left alone", typeset("en", "a plan I made"), "a plan I made");
    check_str("uk: a letter ending a word binds nothing", typeset("uk", "слово в"), "слово в");
    check_str("uk: a one-letter word after a bracket binds", typeset("uk", "(у межах)"), "(у~межах)");
}

static void what_is_left_alone(void) {
    check_str("typography=\"none\" leaves the brief as typed",
              typeset_in("uk", "typography=\"none\"", "<p>\"зв'язок\" в тексті - так</p>", "p"),
              "\"зв'язок\" в тексті - так");
    check_str("the text of a <doi> is left as typed",
              typeset_in("uk", "", "<meta><doi>10.5555/a'b - \"c\"</doi></meta>", "meta"), "10.5555/a'b - \"c\"");
    check_str("a link whose text is an address is left as typed",
              typeset("uk", "див. <a href=\"https://x.org/a'b\">https://x.org/a'b</a> і далі"),
              "див. https://x.org/a'b і~далі");
    check_str(
        "a number cell is left as typed",
        typeset_in("uk", "", "<table><tbody><row><cell type=\"number\">- 3</cell></row></tbody></table>", "table"),
        "- 3");
    check_str("a footnote is typeset as text of its own", typeset("uk", "громади<fn>Див. \"Закон\" і текст.</fn> тут"),
              "громадиДив. «Закон» і~текст. тут");
    check_str("characters that look like markup stay text", typeset("uk", "a &lt;b&gt; \"c\""), "a <b> «c»");
    const char *xml =
        "<brief xmlns=\"urn:briefgen:brief:1\"><p>don't <a href=\"#don't - &quot;x&quot;\">it's</a></p></brief>";
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL, 0);
    xmlNodePtr a = doc && bg_typo_apply(doc, "en", "t.xml") == 0 ? xmlDocGetRootElement(doc)->children->last : NULL;
    xmlChar *href = a ? xmlGetNoNsProp(a, BAD_CAST "href") : NULL;
    check_str("an attribute is never changed", href ? strdup((const char *)href) : NULL, "#don't - \"x\"");
    xmlFree(href);
    xmlFreeDoc(doc);
}

int main(void) {
    setenv("LC_ALL", "uk_UA.UTF-8", 1); /* the default locale ICU must not fall back to */
    quotation_marks();
    quote_elements();
    apostrophes();
    dashes();
    one_letter_words();
    what_is_left_alone();
    xmlCleanupParser();
    u_cleanup();
    return unit_end();
}
