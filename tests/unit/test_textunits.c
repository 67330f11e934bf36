/* test_textunits — the ids, places and kinds of a brief's translatable texts
 * (textunits.h).
 *
 *     build/test_textunits
 *
 * Ids are what status, export and import name units by, so the rules under test
 * are: an id comes from the structure (the nearest @id, then the path down from
 * it); ids are unique in a valid brief; they do not move when a paragraph is added
 * elsewhere or a translation is added.  Prints one line per failed check and then
 * "N passed, N failed"; exits 1 if any failed.
 */
#include "brief.h"
#include "buf.h"
#include "diag.h"
#include "textunits.h"
#include "unit.h"

#include <libxml/parser.h>

/* A brief in the shape the schema gives, cut to what ids depend on. */
static const char base[] =
    "<brief xmlns=\"urn:briefgen:brief:1\" id=\"b\" date=\"2025-03-14\" source-lang=\"uk\" langs=\"uk en\">\n"
    "  <meta>\n"
    "    <title xml:lang=\"uk\">Участь громад</title>\n"
    "    <title xml:lang=\"en\">Municipal participation</title>\n"
    "    <person org=\"kse\">\n"
    "      <name xml:lang=\"uk\">Олена Коваленко</name>\n"
    "      <name xml:lang=\"en\">Olena Kovalenko</name>\n"
    "    </person>\n"
    "  </meta>\n"
    "  <summary>\n"
    "    <p xml:lang=\"uk\">Перший.</p>\n"
    "    <p xml:lang=\"en\">First.</p>\n"
    "    <p xml:lang=\"uk\">Другий.</p>\n"
    "  </summary>\n"
    "  <findings>\n"
    "    <finding id=\"f-water\">\n"
    "      <title xml:lang=\"uk\">Вода</title>\n"
    "      <title xml:lang=\"en\">Water</title>\n"
    "      <p xml:lang=\"uk\">В1 <em xml:lang=\"en\">World Café</em></p>\n"
    "      <p xml:lang=\"en\">W1 <em>World Café</em></p>\n"
    "      <p xml:lang=\"uk\">В2</p>\n"
    "      <p xml:lang=\"en\">W2</p>\n"
    "    </finding>\n"
    "    <finding id=\"f-power\">\n"
    "      <title xml:lang=\"uk\">Світло</title>\n"
    "      <title xml:lang=\"en\">Power</title>\n"
    "      <p xml:lang=\"uk\">С1</p>\n"
    "      <p xml:lang=\"en\">P1</p>\n"
    "    </finding>\n"
    "  </findings>\n"
    "  <cases>\n"
    "    <case id=\"c-irpin\">\n"
    "      <title xml:lang=\"uk\">Ірпінь</title>\n"
    "      <challenge>\n"
    "        <p xml:lang=\"uk\">Насоси</p>\n"
    "        <p xml:lang=\"en\">Pumps</p>\n"
    "      </challenge>\n"
    "    </case>\n"
    "  </cases>\n"
    "</brief>\n";

/* `base` with the first `from` replaced by `to`, freed by the caller. */
static char *edited(const char *text, const char *from, const char *to) {
    const char *at = strstr(text, from);
    if (!at) {
        fprintf(stderr, "test_textunits: the base brief has no \"%s\"\n", from);
        exit(2);
    }
    bg_buf b = {0};
    bg_buf_add(&b, text, (size_t)(at - text));
    bg_buf_puts(&b, to);
    bg_buf_puts(&b, at + strlen(from));
    return bg_buf_take(&b);
}

/* The ids of the units of brief `text`, "id id id", or NULL when it does not load. */
static char *ids_of(const char *text) {
    bg_brief *brief = bg_brief_load_memory(text, (int)strlen(text), "brief.xml");
    if (!brief)
        return NULL;
    bg_text_units units;
    bg_buf b = {0};
    if (bg_text_units_collect(xmlDocGetRootElement(bg_brief_doc(brief)), "uk", &units) == 0) {
        for (int i = 0; i < units.n; i++)
            bg_buf_printf(&b, "%s%s", i ? " " : "", units.v[i].id);
        bg_text_units_free(&units);
    } else {
        b.failed = 1;
    }
    bg_brief_free(brief);
    return bg_buf_take(&b);
}

static const char base_ids[] = "meta/title[1] meta/person[1]/name[1] summary/p[1] summary/p[2] f-water/title[1] "
                               "f-water/p[1] f-water/p[2] f-power/title[1] f-power/p[1] c-irpin/title[1] "
                               "c-irpin/challenge/p[1]";

static void test_ids(void) {
    check_str("ids: the nearest @id (the brief's excepted), then element names with positions; elements "
              "allowed once (meta, summary, challenge) without one",
              ids_of(base), base_ids);
    check_str("ids are the same every time the brief is read", ids_of(base), base_ids);

    char *ids = ids_of(base);
    int unique = ids != NULL;
    for (char *a = ids; unique && a && *a; a += strcspn(a, " "), a += *a == ' ') {
        size_t n = strcspn(a, " ");
        for (char *b = a + n; unique && *b; b += strcspn(b, " "), b += *b == ' ')
            unique = !(strcspn(b, " ") == n && strncmp(a, b, n) == 0);
    }
    check("ids are unique in a valid brief", unique);
    free(ids);

    char *text =
        edited(base, "      <p xml:lang=\"uk\">В1", "      <p xml:lang=\"uk\">Нове</p>\n      <p xml:lang=\"uk\">В1");
    check_str("a paragraph added to one finding changes no id in another (f-power keeps its ids)", ids_of(text),
              "meta/title[1] meta/person[1]/name[1] summary/p[1] summary/p[2] f-water/title[1] f-water/p[1] "
              "f-water/p[2] f-water/p[3] f-power/title[1] f-power/p[1] c-irpin/title[1] c-irpin/challenge/p[1]");
    free(text);
    text = edited(base, "<p xml:lang=\"uk\">Другий.</p>\n",
                  "<p xml:lang=\"uk\">Другий.</p><p xml:lang=\"en\">Second.</p>\n");
    check_str("a translation added changes no id at all", ids_of(text), base_ids);
    free(text);
    text = edited(base, "<title xml:lang=\"uk\">Ірпінь</title>\n",
                  "<title xml:lang=\"uk\">Ірпінь</title><title xml:lang=\"en\">Irpin</title><title "
                  "xml:lang=\"pl\">Irpień</title>\n");
    check_str("a unit in three languages is still one unit, one id", ids_of(text), base_ids);
    free(text);
    text = edited(base, "<finding id=\"f-water\">", "<finding>");
    check_str("without its @id a finding is named by its path from the next @id up", ids_of(text),
              "meta/title[1] meta/person[1]/name[1] summary/p[1] summary/p[2] findings/finding[1]/title[1] "
              "findings/finding[1]/p[1] findings/finding[1]/p[2] f-power/title[1] f-power/p[1] c-irpin/title[1] "
              "c-irpin/challenge/p[1]");
    free(text);
}

/* Duplicates: of a language within adjacent siblings, and of an @id. */
static void test_duplicates(void) {
    char *text = edited(base, "<p xml:lang=\"uk\">С1</p>", "<p xml:lang=\"uk\">С0</p><p xml:lang=\"uk\">С1</p>");
    check_str("a language met again starts a new unit: two uk paragraphs in a row are p[1] and p[2]", ids_of(text),
              "meta/title[1] meta/person[1]/name[1] summary/p[1] summary/p[2] f-water/title[1] f-water/p[1] "
              "f-water/p[2] f-power/title[1] f-power/p[1] f-power/p[2] c-irpin/title[1] c-irpin/challenge/p[1]");
    free(text);
    text = edited(base, "<finding id=\"f-power\">", "<finding id=\"f-water\">");
    check_str("two elements with one @id (a brief validation refuses) give their units the same ids", ids_of(text),
              "meta/title[1] meta/person[1]/name[1] summary/p[1] summary/p[2] f-water/title[1] f-water/p[1] "
              "f-water/p[2] f-water/title[1] f-water/p[1] c-irpin/title[1] c-irpin/challenge/p[1]");
    free(text);
}

static xmlNodePtr child(xmlNodePtr parent, const char *name, int nth) {
    for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name) && --nth == 0)
            return n;
    return NULL;
}

static void test_members_and_words(void) {
    bg_brief *brief = bg_brief_load_memory(base, (int)sizeof base - 1, "brief.xml");
    bg_text_units units = {0};
    if (!brief || bg_text_units_collect(xmlDocGetRootElement(bg_brief_doc(brief)), "uk", &units) != 0 ||
        units.n != 11) {
        unit_fail("the base brief loads with 11 units", "it does not");
        bg_brief_free(brief);
        return;
    }
    const bg_text_unit *summary2 = &units.v[3], *water1 = &units.v[5], *name = &units.v[1];
    check_int("a unit holds its members, one per language", water1->unit.n, 2);
    check("source is the member in the source language",
          water1->source && xmlStrEqual(bg_node_lang(water1->source), BAD_CAST "uk"));
    check("bg_text_unit_member finds a language without regard to case",
          bg_text_unit_member(water1, "EN") == water1->unit.member[1]);
    check("bg_text_unit_member of a language the unit lacks is NULL", bg_text_unit_member(summary2, "en") == NULL);
    int inline_unit = 0;
    for (int i = 0; i < units.n; i++)
        for (int k = 0; k < units.v[i].unit.n; k++)
            inline_unit |= xmlStrEqual(units.v[i].unit.member[k]->name, BAD_CAST "em");
    check("an xml:lang on an inline element (em) is a language marker, not a unit of its own", !inline_unit);

    check_str("bg_text_plain: the text, inline markup included, one space for each run of white space",
              bg_text_plain(water1->source), "В1 World Café");
    check_str("bg_text_context: the titles around, in the source language", bg_text_context(water1->source, "uk"),
              "Findings › Вода");
    check_str("bg_text_context: a part without a title is named by its element",
              bg_text_context(summary2->source, "uk"), "Summary");
    check_str("bg_text_context: the title of a case, then the part inside it",
              bg_text_context(units.v[10].source, "uk"), "Cases › Ірпінь › Challenge");
    check_str("bg_text_context: a person is named by their name", bg_text_context(name->source, "uk"),
              "Meta › Олена Коваленко");
    check_str("bg_text_kind of a p", strdup(bg_text_kind(water1->source)), "paragraph");
    check_str("bg_text_kind of a title", strdup(bg_text_kind(units.v[4].source)), "title");
    check_str("bg_text_kind of a name", strdup(bg_text_kind(name->source)), "name");
    xmlNodePtr challenge =
        child(child(child(xmlDocGetRootElement(bg_brief_doc(brief)), "cases", 1), "case", 1), "challenge", 1);
    check_str("bg_text_kind of an element it has no words for is the element's name",
              strdup(challenge ? bg_text_kind(challenge) : "(no challenge)"), "challenge");
    bg_text_units_free(&units);
    check("bg_text_units_free empties the list", units.v == NULL && units.n == 0);
    bg_brief_free(brief);

    brief = bg_brief_load_memory(base, (int)sizeof base - 1, "brief.xml");
    bg_text_units_collect(xmlDocGetRootElement(bg_brief_doc(brief)), "en", &units);
    check("with another source language, source is that language's member (NULL where there is none)",
          units.n == 11 && xmlStrEqual(bg_node_lang(units.v[5].source), BAD_CAST "en") && units.v[3].source == NULL);
    bg_text_units_free(&units);
    bg_brief_free(brief);
}

int main(void) {
    test_ids();
    test_duplicates();
    test_members_and_words();
    xmlCleanupParser();
    return unit_end();
}
