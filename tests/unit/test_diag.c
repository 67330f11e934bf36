/* test_diag — a capture's messages put in line order (diag.h: bg_diag_capture_sort,
 * bg_diag_capture_said_at), as a brief's load and validation use them.
 *
 *     build/test_diag
 *
 * Prints one line per failed check and then "N passed, N failed"; exits 1 if any
 * failed.
 */
#include "diag.h"
#include "unit.h"

/* The text of `c`, sorted as about `file`, copied (the capture is freed). */
static char *sorted(bg_diag_capture *c, const char *file) {
    bg_diag_capture_sort(c, file);
    char *text = strdup(c->text ? c->text : "");
    bg_diag_capture_free(c);
    return text;
}

static void test_sort(void) {
    bg_diag_capture c;
    bg_diag_capture_begin(&c);
    bg_error("b.xml", 30, "thirty");
    bg_warn("b.xml", 2, "two");
    bg_error("b.xml", 30, "thirty again");
    bg_error("b.xml", 0, "the whole file");
    bg_error("b.xml", 12, "twelve");
    bg_diag_capture_end();
    check("said_at: a line with a message", bg_diag_capture_said_at(&c, 30) && bg_diag_capture_said_at(&c, 2));
    check("said_at: a line without one, and no line at all",
          !bg_diag_capture_said_at(&c, 3) && !bg_diag_capture_said_at(&c, 0));
    check_int("the capture counts what it holds", c.errors + c.warnings, 5);
    check_str("in line order; one line's messages as said; the message without a line first", sorted(&c, "b.xml"),
              "b.xml: error: the whole file\n"
              "b.xml:2: warning: two\n"
              "b.xml:12: error: twelve\n"
              "b.xml:30: error: thirty\n"
              "b.xml:30: error: thirty again\n");

    bg_diag_capture_begin(&c);
    bg_error("b.xml", 40, "forty");
    bg_error("chart.svg", 90, "the SVG's own problem");
    bg_note("a note that goes with it");
    bg_error("b.xml", 15, "the figure's image: the problem is reported above");
    bg_diag_capture_end();
    check_str("a message about another file (and a note) stays before the next about the file", sorted(&c, "b.xml"),
              "chart.svg:90: error: the SVG's own problem\n"
              "a note that goes with it\n"
              "b.xml:15: error: the figure's image: the problem is reported above\n"
              "b.xml:40: error: forty\n");

    bg_diag_capture outer, inner;
    bg_diag_capture_begin(&outer);
    bg_error("b.xml", 20, "twenty");
    bg_diag_capture_begin(&inner);
    bg_error("b.xml", 25, "twenty-five");
    bg_error("b.xml", 5, "five");
    bg_diag_capture_end();
    bg_diag_capture_replay(&inner);
    bg_error("b.xml", 10, "ten");
    bg_diag_capture_end();
    check_str("a replayed capture's messages keep their lines in the capture they join", sorted(&outer, "b.xml"),
              "b.xml:5: error: five\n"
              "b.xml:10: error: ten\n"
              "b.xml:20: error: twenty\n"
              "b.xml:25: error: twenty-five\n");

    bg_diag_capture_begin(&c);
    bg_diag_capture_end();
    bg_diag_capture_sort(&c, "b.xml");
    check("an empty capture stays empty", c.text == NULL && c.len == 0);
    bg_diag_capture_free(&c);
    bg_diag_capture_sort(NULL, "b.xml");
    bg_diag_reset();
}

int main(void) {
    test_sort();
    return unit_end();
}
