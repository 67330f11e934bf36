/* test_citefile — the citation files made from records (citefile.h): a brief's text
 * stays text in BibTeX and cannot start a RIS line, whatever a record holds (an
 * overriding template may put a line break where the bundled one cannot).
 *
 *     build/test_citefile
 *
 * Expected strings are the files' bytes, so a backslash in them is doubled for C.
 */
#include "citefile.h"
#include "diag.h"
#include "unit.h"

#include <libxml/parser.h>

/* The three files of one record; out[] freed by the caller. */
static int make(const char *record, char *out[BG_CITEFILE_COUNT]) {
    char *records[] = {(char *)record};
    size_t lens[] = {strlen(record)}, outlen[BG_CITEFILE_COUNT];
    return bg_citefile_make("t.xml", records, lens, 1, out, outlen);
}

static void free_all(char *out[BG_CITEFILE_COUNT]) {
    for (int k = 0; k < BG_CITEFILE_COUNT; k++)
        free(out[k]);
}

static void test_bibtex_escapes(void) {
    char *out[BG_CITEFILE_COUNT];
    int rc = make("<record key=\"k-en\" lang=\"en\"><work date=\"2025-03-14\">"
                  "<person name=\"\" given=\"Ann\" family=\"de la Cruz, Jr\"/>"
                  "<title>a {x} \\ 50% $5 &amp; #1 a_b ~c ^d @e } end</title><publisher>P and Q</publisher>"
                  "</work></record>",
                  out);
    check_int("a record makes the three files", rc, 0);
    if (rc != 0)
        return;
    check_contains("the title: LaTeX's specials escaped, paired braces as \\{ \\}, a lone one as \\textbraceright{}",
                   out[BG_CITEFILE_BIB],
                   "title = {a \\{x\\} \\textbackslash{} 50\\% \\$5 \\& \\#1 a\\_b \\textasciitilde{}c "
                   "\\textasciicircum{}d @e \\textbraceright{} end},");
    check_contains("a family name with a comma or a space stays one name", out[BG_CITEFILE_BIB],
                   "author = {{de la Cruz, Jr}, Ann},");
    check_contains("the year and the date", out[BG_CITEFILE_BIB], "year = {2025},\n  date = {2025-03-14},");
    check_contains("the language as biblatex's langid", out[BG_CITEFILE_BIB], "langid = {english},");
    check_contains("CSL JSON: the family name as written", out[BG_CITEFILE_CSLJSON],
                   "\"author\": [{\"family\": \"de la Cruz, Jr\", \"given\": \"Ann\"}]");
    free_all(out);
}

static void test_title_case(void) {
    char *out[BG_CITEFILE_COUNT];
    if (make("<record key=\"k\" lang=\"uk\"><work date=\"2025\"><org>Київська школа</org>"
             "<title>Участь громад: як NATO і Україна iPhone &amp;Co</title></work></record>",
             out) != 0) {
        unit_fail("a record with an organisation makes the files", "failed");
        return;
    }
    check_contains("capitals after the first word are kept in braces, Cyrillic too", out[BG_CITEFILE_BIB],
                   "title = {Участь громад: як {NATO} і {Україна} {iPhone} {{\\&Co}}},");
    check_contains("an organisation as author is one name in braces", out[BG_CITEFILE_BIB],
                   "author = {{Київська школа}},");
    check_contains("CSL JSON: an organisation is a literal name", out[BG_CITEFILE_CSLJSON],
                   "\"author\": [{\"literal\": \"Київська школа\"}]");
    check_contains("RIS: a year alone", out[BG_CITEFILE_RIS], "PY  - 2025\r\nDA  - 2025///\r\n");
    free_all(out);
}

static void test_ris_lines(void) {
    char *out[BG_CITEFILE_COUNT];
    /* line breaks a template could leave in: LF, CR, NEL, LINE SEPARATOR */
    if (make("<record key=\"k\" lang=\"en\"><work><title>one&#10;ER  - &#13;TY  - JOUR&#x85;x&#x2028;y</title></work>"
             "<abstract>a&#10;&#10;b</abstract></record>",
             out) != 0) {
        unit_fail("a record with line breaks makes the files", "failed");
        return;
    }
    /* the title's white space is normalised by the reader; the abstract's is not */
    check_str("RIS: a value with line breaks stays on its line", strdup(out[BG_CITEFILE_RIS]),
              "TY  - RPRT\r\nTI  - one ER - TY - JOUR x y\r\nLA  - en\r\nAB  - a  b\r\nER  - \r\n");
    check_contains("CSL JSON: line breaks escaped", out[BG_CITEFILE_CSLJSON], "\"abstract\": \"a\\n\\nb\"");
    check_contains("CSL JSON: LINE SEPARATOR escaped", out[BG_CITEFILE_CSLJSON], "x\\u2028y");
    free_all(out);
}

static void test_refused(void) {
    char *out[BG_CITEFILE_COUNT] = {NULL, NULL, NULL};
    bg_diag_capture said = {0};
    bg_diag_capture_begin(&said);
    check_int("a record without <work> is refused", make("<record key=\"k\"/>", out), -1);
    check("and leaves no file", !out[0] && !out[1] && !out[2]);
    check_int("an output that is not XML is refused", make("not xml", out), -1);
    bg_diag_capture_end();
    check_int("each refusal is reported", said.errors, 2);
    bg_diag_capture_free(&said);
}

int main(void) {
    xmlInitParser();
    test_bibtex_escapes();
    test_title_case();
    test_ris_lines();
    test_refused();
    return unit_end();
}
