/* test_brief — the semantic checks of a brief (brief.h: bg_brief_validate), the
 * rules RELAX NG cannot state: ids unique, references that resolve to the right
 * kind of element, real dates, vote counts, source-language text for every unit,
 * no xml:lang forgotten among language siblings; and the warnings about references
 * never cited and empty texts (texts left untranslated: test_xlang).
 *
 *     build/test_brief
 *
 * Run from the top of the repository (it reads schema/brief.rng).  Each case makes
 * one change to a small valid brief (the one of tests/bad/small-brief.xml, its
 * lines numbered below) and gives the exact messages validation must say, with
 * file and line, through diag's capture.  Prints one line per failed check and then
 * "N passed, N failed"; exits 1 if any failed.
 */
#include "brief.h"
#include "buf.h"
#include "diag.h"
#include "schema.h"
#include "unit.h"

#include <libxml/parser.h>

/* The brief, one line of it to a line of code, numbered. */
/* clang-format off */
static const char base[] =
    /*  1 */ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    /*  2 */ "<brief xmlns=\"urn:briefgen:brief:1\" id=\"small\" date=\"2025-03-14\" source-lang=\"uk\" langs=\"uk en\">\n"
    /*  3 */ "  <meta>\n"
    /*  4 */ "    <title xml:lang=\"uk\">Участь громад</title>\n"
    /*  5 */ "    <title xml:lang=\"en\">Municipal participation</title>\n"
    /*  6 */ "    <org id=\"kse\">\n"
    /*  7 */ "      <name xml:lang=\"uk\">Київська школа економіки</name>\n"
    /*  8 */ "      <name xml:lang=\"en\">Kyiv School of Economics</name>\n"
    /*  9 */ "    </org>\n"
    /* 10 */ "    <person org=\"kse\">\n"
    /* 11 */ "      <name xml:lang=\"uk\">Олена Коваленко</name>\n"
    /* 12 */ "      <name xml:lang=\"en\">Olena Kovalenko</name>\n"
    /* 13 */ "    </person>\n"
    /* 14 */ "  </meta>\n"
    /* 15 */ "  <summary>\n"
    /* 16 */ "    <p xml:lang=\"uk\">Громади тримали воду і світло.</p>\n"
    /* 17 */ "    <p xml:lang=\"en\">Municipalities kept water and power running.</p>\n"
    /* 18 */ "  </summary>\n"
    /* 19 */ "  <municipalities>\n"
    /* 20 */ "    <municipality id=\"m-irpin\" oblast=\"UA-32\">\n"
    /* 21 */ "      <name xml:lang=\"uk\">Ірпінь</name>\n"
    /* 22 */ "      <name xml:lang=\"en\">Irpin</name>\n"
    /* 23 */ "    </municipality>\n"
    /* 24 */ "  </municipalities>\n"
    /* 25 */ "  <findings>\n"
    /* 26 */ "    <finding id=\"f-water\">\n"
    /* 27 */ "      <title xml:lang=\"uk\">Вода</title>\n"
    /* 28 */ "      <title xml:lang=\"en\">Water</title>\n"
    /* 29 */ "      <p xml:lang=\"uk\">Громади забезпечували воду <cite ref=\"r-survey\"/>.</p>\n"
    /* 30 */ "      <p xml:lang=\"en\">Municipalities kept the water running <cite ref=\"r-survey\"/>.</p>\n"
    /* 31 */ "    </finding>\n"
    /* 32 */ "  </findings>\n"
    /* 33 */ "  <cases>\n"
    /* 34 */ "    <case id=\"c-irpin\" municipality=\"m-irpin\">\n"
    /* 35 */ "      <title xml:lang=\"uk\">Ірпінь</title>\n"
    /* 36 */ "      <title xml:lang=\"en\">Irpin</title>\n"
    /* 37 */ "      <challenge>\n"
    /* 38 */ "        <p xml:lang=\"uk\">Насосні станції без живлення.</p>\n"
    /* 39 */ "        <p xml:lang=\"en\">Pumping stations without power.</p>\n"
    /* 40 */ "      </challenge>\n"
    /* 41 */ "      <response>\n"
    /* 42 */ "        <p xml:lang=\"uk\">Генератори від бізнесу.</p>\n"
    /* 43 */ "        <p xml:lang=\"en\">Generators from local business.</p>\n"
    /* 44 */ "      </response>\n"
    /* 45 */ "    </case>\n"
    /* 46 */ "  </cases>\n"
    /* 47 */ "  <recommendations>\n"
    /* 48 */ "    <recommendation id=\"r-coord\" addressee=\"central-government\" priority=\"high\" votes=\"12\" findings=\"f-water\">\n"
    /* 49 */ "      <title xml:lang=\"uk\">Узгоджувати допомогу</title>\n"
    /* 50 */ "      <title xml:lang=\"en\">Coordinate aid</title>\n"
    /* 51 */ "      <p xml:lang=\"uk\">Спільний план з громадами.</p>\n"
    /* 52 */ "      <p xml:lang=\"en\">A joint plan with municipalities.</p>\n"
    /* 53 */ "    </recommendation>\n"
    /* 54 */ "  </recommendations>\n"
    /* 55 */ "  <references>\n"
    /* 56 */ "    <ref id=\"r-survey\" href=\"https://example.org/survey\">\n"
    /* 57 */ "      <text xml:lang=\"uk\">Опитування громад, 2024.</text>\n"
    /* 58 */ "      <text xml:lang=\"en\">Municipal survey, 2024.</text>\n"
    /* 59 */ "    </ref>\n"
    /* 60 */ "  </references>\n"
    /* 61 */ "</brief>\n";
/* clang-format on */

static bg_schema *schema;

/* `base` with the first `from` replaced by `to` (`from` NULL: unchanged), freed by
 * the caller. */
static char *edited(const char *from, const char *to) {
    const char *at = from ? strstr(base, from) : NULL;
    if (from && !at) {
        fprintf(stderr, "test_brief: the base brief has no \"%s\"\n", from);
        exit(2);
    }
    bg_buf b = {0};
    if (!at) {
        bg_buf_puts(&b, base);
    } else {
        bg_buf_add(&b, base, (size_t)(at - base));
        bg_buf_puts(&b, to);
        bg_buf_puts(&b, at + strlen(from));
    }
    return bg_buf_take(&b);
}

/* Load the edited brief from memory as "brief.xml" and validate it: what
 * validation returned, and in `said` what it said (to bg_diag_capture_free). */
static int validate(const char *from, const char *to, bg_diag_capture *said) {
    char *text = edited(from, to);
    bg_diag_capture_begin(said);
    bg_brief *brief = bg_brief_load_memory(text, (int)strlen(text), "brief.xml");
    int rc = brief ? bg_brief_validate(brief, schema) : -2;
    bg_diag_capture_end();
    bg_brief_free(brief);
    free(text);
    return rc;
}

/* One change, and the exact messages it must cause (NULL: none, valid). */
static const struct {
    const char *what, *from, *to, *said;
} cases[] = {
    {"the base brief is valid, and validation says nothing", NULL, NULL, NULL},
    /* ids */
    {"a duplicate id is reported where it is repeated, naming the first", "<case id=\"c-irpin\"",
     "<case id=\"f-water\"",
     "brief.xml:34: error: duplicate id \"f-water\" on <case>; it is already the id of <finding> at line 26\n"},
    {"a ref that takes a recommendation's id: the cites left without their ref and the duplicate, in line order "
     "(ids are checked before references, and said after them)",
     "<ref id=\"r-survey\"", "<ref id=\"r-coord\"",
     "brief.xml:29: error: <cite ref=\"r-survey\">: no <ref id=\"r-survey\"> in this brief\n"
     "brief.xml:30: error: <cite ref=\"r-survey\">: no <ref id=\"r-survey\"> in this brief\n"
     "brief.xml:56: error: duplicate id \"r-coord\" on <ref>; it is already the id of <recommendation> at line 48\n"},
    /* references */
    {"a cite naming no ref", "<cite ref=\"r-survey\"/>.</p>\n      <p xml:lang=\"en\">",
     "<cite ref=\"r-census\"/>.</p>\n      <p xml:lang=\"en\">",
     "brief.xml:29: error: <cite ref=\"r-census\">: no <ref id=\"r-census\"> in this brief\n"},
    {"a case naming no municipality", "municipality=\"m-irpin\"", "municipality=\"m-bucha\"",
     "brief.xml:34: error: <case municipality=\"m-bucha\">: no <municipality id=\"m-bucha\"> in this brief\n"},
    {"a reference to an element of the wrong kind names what the id is", "municipality=\"m-irpin\"",
     "municipality=\"f-water\"",
     "brief.xml:34: error: <case municipality=\"f-water\">: \"f-water\" is the id of a <finding> (line 26), not of a "
     "<municipality>\n"},
    {"a person naming no org", "<person org=\"kse\">", "<person org=\"ksa\">",
     "brief.xml:10: error: <person org=\"ksa\">: no <org id=\"ksa\"> in this brief\n"},
    /* networks: declared in the brief, named by municipality/@network */
    {"a municipality in a declared network", "<municipality id=\"m-irpin\" oblast=\"UA-32\">",
     "<network id=\"drn\"><name xml:lang=\"uk\">мережі</name><name xml:lang=\"en\">the network</name></network>\n"
     "    <municipality id=\"m-irpin\" oblast=\"UA-32\" network=\"drn\">",
     NULL},
    {"a network no <network> declares: the declared ones are listed", "<municipality id=\"m-irpin\" oblast=\"UA-32\">",
     "<network id=\"drn\"><name>DRN</name></network><network id=\"icld\"><name>ICLD</name></network>\n"
     "    <municipality id=\"m-irpin\" oblast=\"UA-32\" network=\"icld-drn\">",
     "brief.xml:21: error: <municipality network=\"icld-drn\">: no <network id=\"icld-drn\"> in this brief; "
     "declared: drn, icld\n"},
    {"a network when none is declared: how to declare it", "oblast=\"UA-32\">", "oblast=\"UA-32\" network=\"drn\">",
     "brief.xml:20: error: <municipality network=\"drn\">: no network is declared; declare it in <municipalities>, "
     "before the first <municipality>: <network id=\"drn\"> with its <name> in each language\n"},
    {"a network attribute naming another kind of element", "oblast=\"UA-32\">", "oblast=\"UA-32\" network=\"f-water\">",
     "brief.xml:20: error: <municipality network=\"f-water\">: \"f-water\" is the id of a <finding> (line 26), not "
     "of a <network>\n"},
    {"a network's name needs the source language like every text", "<municipality id=\"m-irpin\" oblast=\"UA-32\">",
     "<network id=\"drn\"><name xml:lang=\"en\">the network</name></network>\n"
     "    <municipality id=\"m-irpin\" oblast=\"UA-32\" network=\"drn\">",
     "brief.xml:20: error: <name xml:lang=\"en\"> has no \"uk\" text beside it; every text needs the source "
     "language (add <name xml:lang=\"uk\"> right before it)\n"},
    {"findings=\"…\" is a list: each id is checked, each missing one reported", "findings=\"f-water\"",
     "findings=\" f-water\tf-power  f-heat \"",
     "brief.xml:48: error: <recommendation findings=\"f-power\">: no <finding id=\"f-power\"> in this brief\n"
     "brief.xml:48: error: <recommendation findings=\"f-heat\">: no <finding id=\"f-heat\"> in this brief\n"},
    /* votes */
    {"votes=\"0\" is a count", "votes=\"12\"", "votes=\"0\"", NULL},
    {"votes of nine digits are a count", "votes=\"12\"", "votes=\"999999999\"", NULL},
    {"votes with a fraction are refused", "votes=\"12\"", "votes=\"2.5\"",
     "brief.xml:48: error: <recommendation votes=\"2.5\">: votes must be a whole number of 0 or more\n"},
    {"negative votes are refused", "votes=\"12\"", "votes=\"-3\"",
     "brief.xml:48: error: <recommendation votes=\"-3\">: votes must be a whole number of 0 or more\n"},
    {"votes that are not a number are refused", "votes=\"12\"", "votes=\"many\"",
     "brief.xml:48: error: <recommendation votes=\"many\">: votes must be a whole number of 0 or more\n"},
    {"votes of ten digits are refused (more than an int holds)", "votes=\"12\"", "votes=\"1234567890\"",
     "brief.xml:48: error: <recommendation votes=\"1234567890\">: votes must be a whole number of 0 or more\n"},
    {"votes with a sign are refused", "votes=\"12\"", "votes=\"+12\"",
     "brief.xml:48: error: <recommendation votes=\"+12\">: votes must be a whole number of 0 or more\n"},
    /* dates */
    {"29 February of a leap year is a date", "date=\"2025-03-14\"", "date=\"2024-02-29\"", NULL},
    {"29 February of another year is not", "date=\"2025-03-14\"", "date=\"2023-02-29\"",
     "brief.xml:2: error: <brief date=\"2023-02-29\">: not a real calendar date; write yyyy-mm-dd, e.g. 2025-03-14\n"},
    {"29 February 1900 is not (a century)", "date=\"2025-03-14\"", "date=\"1900-02-29\"",
     "brief.xml:2: error: <brief date=\"1900-02-29\">: not a real calendar date; write yyyy-mm-dd, e.g. 2025-03-14\n"},
    {"29 February 2000 is (every fourth century)", "date=\"2025-03-14\"", "date=\"2000-02-29\"", NULL},
    {"31 April is not a date", "date=\"2025-03-14\"", "date=\"2025-04-31\"",
     "brief.xml:2: error: <brief date=\"2025-04-31\">: not a real calendar date; write yyyy-mm-dd, e.g. 2025-03-14\n"},
    /* languages */
    {"a unit without its source-language text", "<p xml:lang=\"uk\">Спільний план з громадами.</p>\n", "",
     "brief.xml:51: error: <p xml:lang=\"en\"> has no \"uk\" text beside it; every text needs the source language "
     "(add <p xml:lang=\"uk\"> right before it)\n"},
    {"a text in a language the brief does not declare is a warning", "<p xml:lang=\"en\">Pumping stations",
     "<p xml:lang=\"de\">Pumpen</p>\n        <p xml:lang=\"en\">Pumping stations",
     "brief.xml:39: warning: <p xml:lang=\"de\">: \"de\" is not one of the brief's languages (langs=\"uk en\"); "
     "it is never shown\n"},
    {"a source language not among the brief's languages", "source-lang=\"uk\" langs=\"uk en\"",
     "source-lang=\"uk\" langs=\"en\"",
     "brief.xml:2: error: <brief source-lang=\"uk\">: the source language is not in langs=\"en\"\n"},
    /* a forgotten xml:lang among language siblings (an error), and what is not one */
    {"an English title whose xml:lang was forgotten", "<title xml:lang=\"en\">Municipal participation",
     "<title>Municipal participation",
     "brief.xml:5: error: <title> has no xml:lang, but the <title> beside it (line 4) has xml:lang=\"uk\": write "
     "xml:lang=\"en\" (the brief's languages are uk en)\n"},
    {"a forgotten source language: its error only, not the English title's missing source",
     "<title xml:lang=\"uk\">Участь громад", "<title>Участь громад",
     "brief.xml:4: error: <title> has no xml:lang, but the <title> beside it (line 5) has xml:lang=\"en\": write "
     "xml:lang=\"uk\" (the brief's languages are uk en)\n"},
    {"a forgotten xml:lang when two languages are missing: no suggestion",
     "langs=\"uk en\">\n  <meta>\n    <title xml:lang=\"uk\">Участь громад</title>\n    <title xml:lang=\"en\">",
     "langs=\"uk en pl\">\n  <meta>\n    <title xml:lang=\"uk\">Участь громад</title>\n    <title>",
     "brief.xml:5: error: <title> has no xml:lang, but the <title> beside it (line 4) has xml:lang=\"uk\": write its "
     "language in xml:lang (the brief's languages are uk en pl)\n"},
    {"a neutral paragraph after a paragraph in every language is neutral on purpose",
     "Municipalities kept water and power running.</p>",
     "Municipalities kept water and power running.</p><p>Kyiv, 2024.</p>", NULL},
    /* warnings that save an embarrassment */
    {"a reference never cited",
     "воду <cite ref=\"r-survey\"/>.</p>\n      <p xml:lang=\"en\">Municipalities kept the "
     "water running <cite ref=\"r-survey\"/>",
     "воду.</p>\n      <p xml:lang=\"en\">Municipalities kept the water running",
     "brief.xml:56: warning: <ref id=\"r-survey\">: never cited; cite it with <cite ref=\"r-survey\"/> or remove "
     "it\n"},
    {"an empty paragraph", "<p xml:lang=\"en\">Pumping stations without power.</p>", "<p xml:lang=\"en\">\n </p>",
     "brief.xml:39: warning: <p xml:lang=\"en\"> is empty; write its text or remove it\n"},
    {"an empty language-neutral name", "<name xml:lang=\"uk\">Ірпінь</name>\n      <name xml:lang=\"en\">Irpin</name>",
     "<name>\t</name>", "brief.xml:21: warning: <name> is empty; write its text or remove it\n"},
    /* a text left untranslated is xlang.c's (test_xlang) */
    /* every problem: the ids first, then the references, then the texts */
    {"several problems are all reported, not just the first", "<case id=\"c-irpin\" municipality=\"m-irpin\"",
     "<case id=\"f-water\" municipality=\"m-bucha\"",
     "brief.xml:34: error: duplicate id \"f-water\" on <case>; it is already the id of <finding> at line 26\n"
     "brief.xml:34: error: <case municipality=\"m-bucha\">: no <municipality id=\"m-bucha\"> in this brief\n"},
};

static void test_cases(void) {
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bg_diag_capture said;
        int rc = validate(cases[i].from, cases[i].to, &said);
        char what[512];
        int errors = cases[i].said && strstr(cases[i].said, ": error: ");
        snprintf(what, sizeof what, "%s: bg_brief_validate returns %d", cases[i].what, errors ? -1 : 0);
        check_int(what, rc, errors ? -1 : 0);
        check_str(cases[i].what, said.text ? strdup(said.text) : strdup(""), cases[i].said ? cases[i].said : "");
        bg_diag_capture_free(&said);
    }
}

/* Counts, loading, and the schema's place before the semantic checks. */
static void test_around(void) {
    bg_diag_capture said;
    validate("votes=\"12\"", "votes=\"x\"", &said);
    check("an error is counted in the capture as an error", said.errors == 1 && said.warnings == 0);
    bg_diag_capture_free(&said);
    validate("<p xml:lang=\"en\">Pumping stations", "<p xml:lang=\"de\">P</p><p xml:lang=\"en\">Pumping stations",
             &said);
    check("a warning is counted as a warning, and validation passes", said.errors == 0 && said.warnings == 1);
    bg_diag_capture_free(&said);

    int rc = validate("<findings>", "<findings><unknown/>", &said);
    check_int("a brief the schema refuses is invalid", rc, -1);
    check("the semantic checks find nothing more in a brief whose only problem the schema found",
          said.text && strstr(said.text, "brief.xml:25: error: ") && !strstr(said.text, "no <"));
    bg_diag_capture_free(&said);

    /* Lines 20 to 25: a municipality takes the org's id, and an unknown element. */
    rc = validate("<municipality id=\"m-irpin\" oblast=\"UA-32\">\n"
                  "      <name xml:lang=\"uk\">Ірпінь</name>\n"
                  "      <name xml:lang=\"en\">Irpin</name>\n"
                  "    </municipality>\n"
                  "  </municipalities>\n"
                  "  <findings>",
                  "<municipality id=\"kse\" oblast=\"UA-32\">\n"
                  "      <name xml:lang=\"uk\">Ірпінь</name>\n"
                  "      <name xml:lang=\"en\">Irpin</name>\n"
                  "    </municipality>\n"
                  "  </municipalities>\n"
                  "  <findings><unknown/>",
                  &said);
    check_int("a brief the schema refuses is invalid, with semantic problems too", rc, -1);
    check_str("... the schema's and the semantic checks' messages come at once, in line order",
              said.text ? strdup(said.text) : NULL,
              "brief.xml:20: error: duplicate id \"kse\" on <municipality>; it is already the id of <org> at line 6\n"
              "brief.xml:25: error: <unknown> is not allowed inside <findings>; <findings> holds, in this order: "
              "finding\n"
              "brief.xml:34: error: <case municipality=\"m-irpin\">: no <municipality id=\"m-irpin\"> in this brief\n");
    bg_diag_capture_free(&said);

    rc = validate("<municipality id=\"m-irpin\" oblast=\"UA-32\">",
                  "<municipality id=\"kse\" oblast=\"UA-32\" colour=\"x\">", &said);
    check_str("a place the schema refused gets only the schema's message (the duplicate id there waits)",
              said.text ? strdup(said.text) : NULL,
              "brief.xml:20: error: <municipality> has no attribute \"colour\" (it takes: id, oblast, network)\n"
              "brief.xml:34: error: <case municipality=\"m-irpin\">: no <municipality id=\"m-irpin\"> in this brief\n");
    bg_diag_capture_free(&said);

    rc = validate("<brief xmlns=\"urn:briefgen:brief:1\"", "<brief", &said);
    check_int("a root element outside the brief namespace: not loaded", rc, -2);
    check_str("... said with the line and the namespace a brief needs", said.text ? strdup(said.text) : NULL,
              "brief.xml:2: error: the root element is <brief> in no namespace; a brief's root is <brief "
              "xmlns=\"urn:briefgen:brief:1\">\n");
    bg_diag_capture_free(&said);

    bg_diag_capture_begin(&said);
    bg_brief *b = bg_brief_load_memory(base, (int)sizeof base - 1, "mine.xml");
    bg_diag_capture_end();
    check("bg_brief_load_memory: the name given stands for the file", b && strcmp(bg_brief_path(b), "mine.xml") == 0);
    check("... the brief's languages and source language are read",
          b && bg_brief_nlangs(b) == 2 && strcmp(bg_brief_lang(b, 0), "uk") == 0 &&
              strcmp(bg_brief_lang(b, 1), "en") == 0 && strcmp(bg_brief_source_lang(b), "uk") == 0 &&
              bg_brief_lang(b, 2) == NULL);
    check("... and loading says nothing", said.text == NULL);
    bg_diag_capture_free(&said);
    bg_brief_free(b);
    bg_brief_free(NULL);
}

int main(void) {
    schema = bg_schema_load("schema/brief.rng");
    if (!schema) {
        fprintf(stderr, "test_brief: cannot load schema/brief.rng (run from the top of the repository)\n");
        return 2;
    }
    test_cases();
    test_around();
    bg_schema_free(schema);
    xmlCleanupParser();
    return unit_end();
}
