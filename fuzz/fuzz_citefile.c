/* fuzz_citefile — libFuzzer target: the citation files (citefile.h) made from a
 * record whose texts are the input.
 *
 * The input, as any bytes, is one text put (XML-escaped) into every text of one
 * record: the authors' given and family names, an organisation, the title, series,
 * publisher, place, a keyword and the abstract, in two languages' records (one
 * with people as authors, one with the organisation).  Input that is no XML text
 * (broken UTF-8, a control character) makes the record unreadable, and the files
 * are refused, which is fine.  When they are made, an oracle aborts when:
 *   RIS     a line is not "TAG  - value" ended by CR LF (a text started a line or a
 *           tag), a bare CR or LF, or NEL, LINE or PARAGRAPH SEPARATOR in a value;
 *           there are not exactly two TY and two ER lines;
 *   BibTeX  a brace closes more than was opened or an entry leaves one open (BibTeX
 *           counts every brace, escaped or not), a line starts with '@' other than
 *           the two entries' (a text started an entry), a character LaTeX reads as
 *           code stands unescaped: % $ & # _ outside "\X", ~ ^ outside \text…{}.
 *
 * Seeds: fuzz/corpus/citefile/ (hostile texts: BibTeX and LaTeX specials, lone
 * braces, RIS tags after line breaks, @ entries). */
#include "buf.h"
#include "citefile.h"
#include "fuzz_common.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void broken(const char *file, const char *why, const char *out, size_t at) {
    fprintf(stderr, "fuzz_citefile: the %s file breaks its promise: %s at byte %zu of:\n%s\n", file, why, at, out);
    abort();
}

static void check_ris(const char *out) {
    int ty = 0, er = 0;
    for (size_t i = 0; out[i];) {
        const char *line = out + i;
        const char *end = strstr(line, "\r\n");
        if (!end)
            broken("RIS", "a line not ended by CR LF", out, i);
        if (!(line[0] >= 'A' && line[0] <= 'Z') ||
            !((line[1] >= 'A' && line[1] <= 'Z') || (line[1] >= '0' && line[1] <= '9')) ||
            strncmp(line + 2, "  - ", 4) != 0)
            broken("RIS", "a line that is not TAG  - value", out, i);
        for (const char *p = line; p < end; p++) {
            const unsigned char *u = (const unsigned char *)p;
            if (*u == '\r' || *u == '\n' || (u[0] == 0xc2 && u[1] == 0x85) ||
                (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xa8 || u[2] == 0xa9)))
                broken("RIS", "a line break inside a value", out, (size_t)(p - out));
        }
        ty += strncmp(line, "TY  - ", 6) == 0;
        er += strncmp(line, "ER  - ", 6) == 0;
        i = (size_t)(end - out) + 2;
    }
    if (ty != 2 || er != 2)
        broken("RIS", "not two records", out, 0);
}

static void check_bib(const char *out) {
    long depth = 0;
    int entries = 0, key_line = 0;
    for (size_t i = 0; out[i]; i++) {
        char c = out[i];
        if (i == 0 || out[i - 1] == '\n') {
            key_line = c == '@';
            if (key_line && (depth != 0 || strncmp(out + i, "@techreport{", 12) != 0))
                broken("BibTeX", "a line that starts an entry", out, i);
            entries += key_line;
        }
        if (c == '{')
            depth++;
        else if (c == '}' && --depth < 0)
            broken("BibTeX", "a brace that closes nothing", out, i);
        if (key_line) /* the key: ASCII letters, digits and -_:. */
            continue;
        if (strchr("%$&#_", c) && (i == 0 || out[i - 1] != '\\'))
            broken("BibTeX", "a LaTeX special character unescaped", out, i);
        if (c == '~' || c == '^')
            broken("BibTeX", "~ or ^ unescaped", out, i);
    }
    if (depth != 0 || entries != 2)
        broken("BibTeX", depth ? "a brace left open" : "not two entries", out, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int ready;
    if (!ready) {
        fuzz_setup_libraries();
        ready = 1;
    }
    bg_buf t = {0}, a = {0}, r1 = {0}, r2 = {0};
    bg_buf_add_xml(&t, (const char *)data, size, 0);
    bg_buf_add_xml(&a, (const char *)data, size, 1);
    const char *text = t.s ? t.s : "", *attr = a.s ? a.s : "";
    bg_buf_printf(&r1,
                  "<record key=\"%s\" lang=\"en\" isbn=\"%s\"><work date=\"2025-03-14\" doi=\"%s\" pages=\"%s\">"
                  "<person name=\"%s\" given=\"%s\" family=\"%s\"/><person name=\"%s\" given=\"\" family=\"\"/>"
                  "<title>%s</title><type>%s</type><publisher>%s</publisher><place>%s</place></work>"
                  "<keyword>%s</keyword><abstract>%s</abstract></record>",
                  attr, attr, attr, attr, attr, attr, attr, attr, text, text, text, text, text, text);
    bg_buf_printf(&r2,
                  "<record key=\"k\" lang=\"uk\"><work date=\"2025\"><org>%s</org><title>%s</title></work></record>",
                  text, text);
    char *records[] = {r1.s, r2.s}, *out[BG_CITEFILE_COUNT];
    size_t lens[] = {r1.len, r2.len}, outlen[BG_CITEFILE_COUNT];
    bg_diag_capture quiet;
    fuzz_quiet_begin(&quiet);
    int rc = !t.failed && !a.failed && !r1.failed && !r2.failed
                 ? bg_citefile_make("fuzz.xml", records, lens, 2, out, outlen)
                 : -1;
    fuzz_quiet_end(&quiet);
    if (rc == 0) {
        check_ris(out[BG_CITEFILE_RIS]);
        check_bib(out[BG_CITEFILE_BIB]);
        for (int k = 0; k < BG_CITEFILE_COUNT; k++)
            free(out[k]);
    }
    bg_buf_free(&t);
    bg_buf_free(&a);
    bg_buf_free(&r1);
    bg_buf_free(&r2);
    return 0;
}
