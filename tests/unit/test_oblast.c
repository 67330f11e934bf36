/* test_oblast — municipality/@oblast (oblast.h): the closed list of ISO 3166-2:UA
 * codes, the suggestion for an oblast written by its name, and the check a brief's
 * values go through, with their exact messages.
 *
 *     build/test_oblast locales
 *
 * Run from the top of the repository; the argument is the locale folder whose
 * names the suggestions compare with (tests/run gives `locales`).  Prints one line
 * per failed check and then "N passed, N failed"; exits 1 if any failed.
 */
#include "brief.h"
#include "diag.h"
#include "l10n.h"
#include "oblast.h"
#include "unit.h"

#include <libxml/parser.h>

static const char *dir = "locales";

/* The codes bg_oblast_suggest finds for `value` in the uk, en and pl locale files,
 * joined by spaces ("" for none), a string the caller frees. */
static char *suggested(bg_l10n *l10n, const char *value) {
    static const char *const langs[] = {"en", "pl", "uk"};
    const char *found[8];
    int n = bg_oblast_suggest(l10n, langs, 3, value, found, 8);
    char buf[256] = "";
    for (int i = 0; i < n; i++)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? " " : "", found[i]);
    return strdup(buf);
}

static void test_codes(void) {
    check_int("the list holds the 24 oblasts, Crimea, Kyiv and Sevastopol", BG_OBLAST_COUNT, 27);
    check("UA-18 is a code", bg_oblast_is_code("UA-18"));
    check("UA-30 (the city of Kyiv), UA-40 (Sevastopol) and UA-43 (Crimea) are codes",
          bg_oblast_is_code("UA-30") && bg_oblast_is_code("UA-40") && bg_oblast_is_code("UA-43"));
    check("UA-99 is not a code", !bg_oblast_is_code("UA-99"));
    check("a code in lower case is not a code (the check suggests it written right)", !bg_oblast_is_code("ua-18"));
    check("nothing is not a code", !bg_oblast_is_code("") && !bg_oblast_is_code(NULL));
    bg_l10n *l10n = bg_l10n_new(dir);
    bg_locale *en = l10n ? bg_l10n_locale(l10n, "en") : NULL;
    int named = 0;
    for (int i = 0; en && i < BG_OBLAST_COUNT; i++) {
        char key[32];
        snprintf(key, sizeof key, "oblast.%s", bg_oblast_codes[i]);
        char *name = bg_locale_message(en, key, NULL, 0);
        named += name != NULL;
        free(name);
    }
    check_int("the root locale file names every code", named, BG_OBLAST_COUNT);
    bg_l10n_free(l10n);
}

static void test_suggest(void) {
    bg_l10n *l10n = bg_l10n_new(dir);
    check_str("an English name", suggested(l10n, "Sumy"), "UA-59");
    check_str("a Ukrainian adjective, transliterated", suggested(l10n, "Zhytomyrska"), "UA-18");
    check_str("a Ukrainian name with \"область\"", suggested(l10n, "Житомирська область"), "UA-18");
    check_str("the English name with \"Oblast\", in any case", suggested(l10n, "KHARKIV OBLAST"), "UA-63");
    check_str("an abbreviated \"обл.\"", suggested(l10n, "Одеська обл."), "UA-51");
    check_str("a Polish name (pl.xlf)", suggested(l10n, "obwód lwowski"), "UA-46");
    check_str("a city's name and its oblast's adjective meet (\"Donetsk\", \"Donetska\")", suggested(l10n, "Donetska"),
              "UA-14");
    check_str("Kyiv is both the city and the oblast", suggested(l10n, "Kyiv"), "UA-30 UA-32");
    check_str("Crimea without \"Autonomous Republic of\"", suggested(l10n, "Crimea"), "UA-43");
    check_str("a code in lower case or without its hyphen", suggested(l10n, "ua18"), "UA-18");
    check_str("an impossible code matches nothing", suggested(l10n, "UA-99"), "");
    check_str("a generic word alone matches nothing", suggested(l10n, "Oblast"), "");
    check_str("nothing matches nothing", suggested(l10n, ""), "");
    bg_l10n_free(l10n);
}

/* Validate-less: load `oblast` into a one-municipality brief and check it. */
static int checked(const char *oblast, bg_diag_capture *said) {
    char text[1024];
    snprintf(text, sizeof text,
             "<brief xmlns=\"urn:briefgen:brief:1\" id=\"b\" date=\"2025-03-14\" source-lang=\"uk\" langs=\"uk\">\n"
             "<municipalities>\n"
             "<municipality id=\"m\" oblast=\"%s\"><name>М</name></municipality>\n"
             "</municipalities>\n"
             "</brief>\n",
             oblast);
    bg_diag_capture_begin(said);
    bg_brief *b = bg_brief_load_memory(text, (int)strlen(text), "brief.xml");
    int errors = b ? bg_oblast_check(b, dir) : -1;
    bg_diag_capture_end();
    bg_brief_free(b);
    return errors;
}

static void test_check(void) {
    bg_diag_capture said;
    check_int("a code passes", checked("UA-32", &said), 0);
    check("... and says nothing", said.text == NULL);
    bg_diag_capture_free(&said);

    check_int("an oblast's name is one error", checked("Zhytomyrska", &said), 1);
    check_str("... at the municipality's line, suggesting the code with its English name",
              said.text ? strdup(said.text) : NULL,
              "brief.xml:3: error: <municipality oblast=\"Zhytomyrska\">: not an ISO 3166-2:UA code; did you mean "
              "UA-18 (Zhytomyr Oblast)?\n");
    bg_diag_capture_free(&said);

    checked("Київ", &said);
    check_str("two matches are both suggested", said.text ? strdup(said.text) : NULL,
              "brief.xml:3: error: <municipality oblast=\"Київ\">: not an ISO 3166-2:UA code; did you mean UA-30 "
              "(City of Kyiv) or UA-32 (Kyiv Oblast)?\n");
    bg_diag_capture_free(&said);

    check_int("an impossible code is one error", checked("UA-99", &said), 1);
    check_str("... saying where the codes are", said.text ? strdup(said.text) : NULL,
              "brief.xml:3: error: <municipality oblast=\"UA-99\">: not an ISO 3166-2:UA code; write the oblast's "
              "code, from UA-05 (Vinnytsia Oblast) to UA-77 (Chernivtsi Oblast) (docs/format.md lists them all, "
              "the locale files name them: oblast.UA-NN)\n");
    bg_diag_capture_free(&said);
}

int main(int argc, char **argv) {
    if (argc > 1)
        dir = argv[1];
    test_codes();
    test_suggest();
    test_check();
    xmlCleanupParser();
    return unit_end();
}
