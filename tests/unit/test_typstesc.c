/* test_typstesc — a brief's text escaped for Typst (typstesc.h): hostile strings
 * come out as text, never as Typst code, markup or a comment.
 *
 *     build/test_typstesc
 *
 * Prints one line per failed check and then "N passed, N failed"; exits 1 if any
 * failed.  Expected strings are the Typst source written, so a backslash in them is
 * doubled for C: "\\#" is the two characters \ and #.
 */
#include "typstesc.h"
#include "unit.h"

static char *markup(const char *s) { return bg_typst_escape(s, strlen(s), BG_TYPST_MARKUP); }
static char *string(const char *s) { return bg_typst_escape(s, strlen(s), BG_TYPST_STRING); }

static void test_code_and_markup(void) {
    check_str("#read(...) is text: # escaped", markup("#read(\"/etc/passwd\")"), "\\#read(\\\"\\/etc\\/passwd\\\")");
    check_str("#let and #import are text", markup("#let x = 1 #import \"a.typ\": *"),
              "\\#let x \\= 1 \\#import \\\"a.typ\\\": \\*");
    check_str("a closing bracket cannot end the content block it stands in", markup("]#panic()["), "\\]\\#panic()\\[");
    check_str("$x$ is no equation", markup("$x$"), "\\$x\\$");
    check_str("// starts no comment", markup("a // comment"), "a \\/\\/ comment");
    check_str("/* */ starts no block comment", markup("/* x */"), "\\/\\* x \\*\\/");
    check_str("@ref is no reference", markup("see @ref"), "see \\@ref");
    check_str("<label> is no label", markup("<label>"), "\\<label\\>");
    check_str("a URL is no automatic link: its slashes are escaped", markup("https://x.org/a"),
              "https:\\/\\/x.org\\/a");
    check_str("*strong* and _emph_ stay text", markup("*a* _b_"), "\\*a\\* \\_b\\_");
    check_str("`raw` stays text", markup("`x`"), "\\`x\\`");
    check_str("~ is no no-break space", markup("a~b"), "a\\~b");
    check_str("' and \" are not made curly by Typst", markup("it's \"x\""), "it\\'s \\\"x\\\"");
    check_str("a backslash is a backslash: \\u{41} is no escape", markup("\\u{41}"), "\\\\u{41}");
    check_str("a backslash before a space makes no line break", markup("a\\ b"), "a\\\\ b");
}

static void test_line_starts(void) {
    check_str("= Heading opens no heading", markup("= Heading"), "\\= Heading");
    check_str("- item opens no list", markup("- item"), "\\- item");
    check_str("+ item opens no numbered list", markup("+ item"), "\\+ item");
    check_str("/ Term: opens no term list", markup("/ Term: x"), "\\/ Term: x");
    check_str("1. item opens no numbered list", markup("1. item"), "1\\. item");
    check_str("12. item either, after a leading space too", markup("  12. item"), " 12\\. item");
    check_str("a number's point later in the text is left alone", markup("in 2025. Then 3.5"), "in 2025. Then 3.5");
    check_str("1 2. is no list number", markup("1 2. x"), "1 2. x");
    check_str("a leading ( cannot become the arguments of the call before it", markup("(a) (b)"), "\\(a) (b)");
    check_str("a leading . cannot become a field access", markup(".com"), "\\.com");
    check_str("-- and --- make no dashes, -? no soft hyphen", markup("a--b---c-?d"), "a\\-\\-b\\-\\-\\-c\\-?d");
}

static void test_dots_and_space(void) {
    check_str("... makes no ellipsis", markup("wait..."), "wait..\\.");
    check_str("no three unescaped dots in any run", markup("a......b"), "a..\\...\\.b");
    check_str("two dots stay two dots", markup("a..b"), "a..b");
    check_str("newlines and tabs become one space: the text never starts a line", markup("a\n= b\r\n\t- c"),
              "a \\= b \\- c");
    check_str("U+2028, U+2029 and NEL break no line either",
              markup("a\xE2\x80\xA8"
                     "1. b\xC2\x85"
                     "c\xE2\x80\xA9"),
              "a 1. b c ");
    check_str("white space at either end is kept as one space", markup("  a  "), " a ");
    check_str("a no-break space is kept",
              markup("1\xC2\xA0"
                     "000"),
              "1\xC2\xA0"
              "000");
    check_str("control characters are dropped",
              markup("a\x01\x7F\xC2\x9B"
                     "b"),
              "ab");
    check_str("bytes that are not UTF-8 are dropped",
              markup("a\xFF\xC0\xAF\xED\xA0\x80"
                     "b\xE2\x82"),
              "ab");
    check_str("Ukrainian text passes unchanged", markup("ґ Ґ є ї ʼ № «лапки» — текст"), "ґ Ґ є ї ʼ № «лапки» — текст");
    check_str("the markers of bg:splice pass", markup("\xEE\x80\x80."), "\xEE\x80\x80.");
    check_str("empty text gives nothing", markup(""), "");
    check_str("NULL gives nothing", bg_typst_escape(NULL, 5, BG_TYPST_MARKUP), "");
}

static void test_string(void) {
    check_str("a string is quoted", string("Title"), "\"Title\"");
    check_str("a quote cannot end the string", string("a\") + read(\"/etc/passwd"),
              "\"a\\\") + read(\\\"/etc/passwd\"");
    check_str("a backslash cannot escape the closing quote", string("a\\"), "\"a\\\\\"");
    check_str("\\u{41} stays four characters and braces", string("\\u{41}"), "\"\\\\u{41}\"");
    check_str("markup characters need nothing in a string", string("#x $y$ // [z] https://q"),
              "\"#x $y$ // [z] https://q\"");
    check_str("newlines become one space, control characters go",
              string("a\n\n b\x01\x1F"
                     "c"),
              "\"a bc\"");
    check_str("an empty string is two quotes", string(""), "\"\"");
}

int main(void) {
    test_code_and_markup();
    test_line_starts();
    test_dots_and_space();
    test_string();
    return unit_end();
}
