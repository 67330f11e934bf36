/* test_buf — the growable buffer, its escapers and the list of strings (buf.h).
 *
 *     build/test_buf
 *
 * Prints one line per failed check and then "N passed, N failed"; exits 1 if any
 * failed.  Expected strings spell out invisible characters as C escapes: \u00a0 is
 * a no-break space, \u200b a zero-width space.
 */
#include "buf.h"
#include "unit.h"

#include <stdint.h>

/* What bg_buf_add_xml writes for `s`, in text (attribute 0) or attribute mode. */
static char *xml(const char *s, int attribute) {
    bg_buf b = {0};
    bg_buf_add_xml(&b, s, strlen(s), attribute);
    return bg_buf_take(&b);
}

/* What bg_buf_add_json writes for `s`. */
static char *json(const char *s) {
    bg_buf b = {0};
    bg_buf_add_json(&b, s);
    return bg_buf_take(&b);
}

static void test_buffer(void) {
    bg_buf b = {0};
    bg_buf_add(&b, "ab", 2);
    bg_buf_puts(&b, "cd");
    bg_buf_printf(&b, "-%d-%s", 42, "x");
    check_int("appends add up: the length is the bytes added", (long)b.len, 9);
    check("appended bytes are NUL-terminated", b.s && b.s[b.len] == '\0');
    check_str("bg_buf_take hands over the bytes added, in order", bg_buf_take(&b), "abcd-42-x");
    check("bg_buf_take leaves the buffer empty, ready for use", b.s == NULL && b.len == 0 && b.cap == 0);

    bg_buf_add(&b, "a\0b", 3);
    size_t len = b.len;
    check_mem("a NUL byte inside is kept (the length counts it)", bg_buf_take(&b), len, "a\0b", 3);

    check_str("bg_buf_take of an untouched buffer is \"\", not NULL", bg_buf_take(&b), "");

    /* Growth: many appends, well past the first allocation. */
    for (int i = 0; i < 10000; i++)
        bg_buf_puts(&b, "0123456789");
    int same = b.len == 100000;
    for (size_t i = 0; same && i < b.len; i++)
        same = b.s[i] == (char)('0' + i % 10);
    check("100,000 bytes appended ten at a time come back in order", same && !b.failed);
    bg_buf_free(&b);
    bg_buf_free(NULL); /* does nothing (or crashes the test) */
    check("bg_buf_free resets the buffer", b.s == NULL && b.len == 0 && b.cap == 0 && !b.failed);

    bg_buf_printf(&b, "%s", "");
    check_str("printf of an empty string still makes a \"\"", bg_buf_take(&b), "");
    bg_buf_printf(&b, "%05.1f|%-3s|%c", 3.14159, "é", 'z');
    check_str("bg_buf_printf formats as printf does", bg_buf_take(&b), "003.1|é |z");
}

/* The failed flag: once set, appends are ignored and the buffer gives NULL. */
static void test_failed(void) {
    bg_buf b = {0};
    bg_buf_puts(&b, "kept");
    bg_buf_add(&b, "x", (size_t)-1 / 2 + 1); /* more than can ever be held */
    check("an append that cannot be held sets failed", b.failed);
    check_int("... and adds nothing", (long)b.len, 4);
    bg_buf_puts(&b, "more");
    bg_buf_printf(&b, "%d", 1);
    bg_buf_add_xml(&b, "<", 1, 0);
    bg_buf_add_json(&b, "a");
    check_int("after a failure every append is ignored", (long)b.len, 4);
    check_str("bg_buf_take of a failed buffer is NULL", bg_buf_take(&b), NULL);
    check("bg_buf_take of a failed buffer frees it and resets it", b.s == NULL && b.len == 0 && !b.failed);

    bg_buf_puts(&b, "kept");
    bg_buf_add(&b, "x", SIZE_MAX - 4); /* len + n + 1 == 1 once wrapped around */
    check("an append of SIZE_MAX - len bytes sets failed: the size check does not wrap around", b.failed);
    bg_buf_free(&b);
    bg_buf_add(&b, "x", SIZE_MAX);
    check("an append of SIZE_MAX bytes to an empty buffer sets failed", b.failed && b.len == 0);
    bg_buf_free(&b);
}

static void test_xml(void) {
    check_str("text: & < > are escaped", xml("a & b < c > d", 0), "a &amp; b &lt; c &gt; d");
    check_str("text: quotes stay as they are", xml("\"q\" 'a'", 0), "\"q\" 'a'");
    check_str("text: tab and newline stay as they are", xml("a\tb\nc", 0), "a\tb\nc");
    check_str("attribute: \" is escaped, ' is not (values are written in double quotes)", xml("\"q\" 'a'", 1),
              "&quot;q&quot; 'a'");
    check_str("attribute: tab, newline and CR as character references (a parser would make them spaces)",
              xml("a\tb\nc\rd", 1), "a&#9;b&#10;c&#13;d");
    check_str("attribute: & < > escaped as in text", xml("<&>", 1), "&lt;&amp;&gt;");
    check_str("Ukrainian letters are written as themselves", xml("Ґудзь і Євтушенко", 0), "Ґудзь і Євтушенко");
    check_str("no-break space U+00A0 is written &#160;", xml("1\u00a0000", 0), "1&#160;000");
    check_str("soft hyphen U+00AD is written &#173;", xml("con\u00adtent", 0), "con&#173;tent");
    check_str("figure space, thin and hair space as references", xml("\u2007\u2009\u200a", 0), "&#8199;&#8201;&#8202;");
    check_str("zero-width space, non-joiner, joiner as references", xml("a\u200bb\u200cc\u200dd", 0),
              "a&#8203;b&#8204;c&#8205;d");
    check_str("left-to-right and right-to-left marks as references", xml("\u200e\u200f", 0), "&#8206;&#8207;");
    check_str("line and paragraph separators as references", xml("\u2028\u2029", 0), "&#8232;&#8233;");
    check_str("narrow no-break space U+202F (before the Ukrainian р.) as a reference", xml("2025\u202fр.", 0),
              "2025&#8239;р.");
    check_str("word joiner and byte-order mark as references", xml("\u2060\ufeff", 0), "&#8288;&#65279;");
    check_str("invisible characters become references in attributes too", xml("a\u00a0b", 1), "a&#160;b");
    check_str("visible non-ASCII neighbours of the invisible ones stay (U+2010 hyphen, U+2030 per mille)",
              xml("\u2010\u2030\u00a9", 0), "\u2010\u2030\u00a9");
    check_str("a four-byte character (emoji) passes through whole", xml("a\U0001F600b", 0), "a\U0001F600b");
    check_str("a byte that is not UTF-8 passes through untouched", xml("a\xff<", 0), "a\xff&lt;");
    check_str("an incomplete sequence at the end passes through", xml("a\xc2", 0), "a\xc2");

    bg_buf b = {0};
    bg_buf_add_xml(&b, "a<b>c", 2, 0);
    check_str("only the `n` bytes given are written", bg_buf_take(&b), "a&lt;");
    bg_buf_add_xml(&b, "x\u00a0", 2, 0); /* the no-break space cut in half */
    check_str("a character cut by `n` is not read past `n`", bg_buf_take(&b), "x\xc2");
}

static void test_json(void) {
    check_str("a string in quotes", json("abc"), "\"abc\"");
    check_str("the empty string", json(""), "\"\"");
    check_str("\" and \\ are escaped", json("say \"a\\b\""), "\"say \\\"a\\\\b\\\"\"");
    check_str("newline, tab, CR, backspace, form feed as short escapes", json("\n\t\r\b\f"), "\"\\n\\t\\r\\b\\f\"");
    check_str("other control characters as \\u00XX", json("\x01\x1f"), "\"\\u0001\\u001f\"");
    check_str("DEL as \\u007f", json("\x7f"), "\"\\u007f\"");
    check_str("U+2028 and U+2029 as \\u2028 and \\u2029 (they end a line in JavaScript)", json("a\u2028b\u2029c"),
              "\"a\\u2028b\\u2029c\"");
    check_str("other non-ASCII characters are written as UTF-8", json("Київ \u00a0 \u2027 \u202a"),
              "\"Київ \u00a0 \u2027 \u202a\"");
    check_str("a lone 0xE2 0x80 at the end is not read past the NUL", json("a\xe2\x80"), "\"a\xe2\x80\"");
    check_str("/ and ' need no escape", json("a/b'c"), "\"a/b'c\"");
}

/* What bg_buf_add_json_html writes for `s`. */
static char *json_html(const char *s) {
    bg_buf b = {0};
    bg_buf_add_json_html(&b, s);
    return bg_buf_take(&b);
}

static void test_json_html(void) {
    check_str("for a <script> element: < > & as \\u003c \\u003e \\u0026, so </script> cannot end it",
              json_html("</script><!--&"), "\"\\u003c/script\\u003e\\u003c!--\\u0026\"");
    check_str("... and the rest as bg_buf_add_json writes it", json_html("\"\\\n\u2028 Київ"),
              "\"\\\"\\\\\\n\\u2028 Київ\"");
    check_str("bg_buf_add_json itself leaves < > & as they are", json("<a&b>"), "\"<a&b>\"");
}

static void test_trimmed(void) {
    check_str("bg_trimmed drops space, tab, CR and LF at both ends", bg_trimmed(" \t\r\n a b \n\r\t "), "a b");
    check_str("bg_trimmed keeps white space inside", bg_trimmed("a \n b"), "a \n b");
    check_str("bg_trimmed of only white space is \"\"", bg_trimmed(" \n\t"), "");
    check_str("bg_trimmed of \"\" is \"\"", bg_trimmed(""), "");
    check_str("bg_trimmed keeps a no-break space (not XML white space)", bg_trimmed("\u00a0a\u00a0"), "\u00a0a\u00a0");
    check_str("bg_trimmed keeps a form feed or vertical tab (not XML white space)", bg_trimmed("\fa\v"), "\fa\v");
}

/* "a|b|c" for a list, to compare it as one string. */
static char *joined(const bg_strv *s) {
    bg_buf b = {0};
    for (int i = 0; i < s->n; i++)
        bg_buf_printf(&b, "%s%s", i ? "|" : "", s->v[i]);
    return bg_buf_take(&b);
}

static void test_strv(void) {
    bg_strv s = {0}, t = {0};
    bg_strv_add(&s, "one", 3);
    bg_strv_add(&s, "twofold", 3);
    bg_strv_add(&s, "", 0);
    check_int("bg_strv_add appends one string each", s.n, 3);
    check_str("bg_strv_add copies `len` bytes of the text", joined(&s), "one|two|");

    bg_strv_add_lines(&t, "a: error: x\nb: warning: y\n");
    check_str("bg_strv_add_lines: one string per line, without the newline", joined(&t), "a: error: x|b: warning: y");
    bg_strv_clear(&t);
    bg_strv_add_lines(&t, "\nfirst\n\n\nlast");
    check_str("bg_strv_add_lines drops empty lines; a last line needs no newline", joined(&t), "first|last");
    bg_strv_add_lines(&t, NULL);
    bg_strv_add_lines(&t, "");
    check_int("bg_strv_add_lines of NULL or \"\" adds nothing", t.n, 2);
    bg_strv_clear(&t);
    bg_strv_add_lines(&t, "crlf\r\nline");
    check_str("bg_strv_add_lines splits at \\n only: a CR stays with its line", joined(&t), "crlf\r|line");
    bg_strv_clear(&t);

    bg_strv_add(&t, "zero", 4);
    bg_strv_add_all(&t, &s);
    check_str("bg_strv_add_all appends copies of every string, after those there", joined(&t), "zero|one|two|");
    check("bg_strv_add_all copies: the strings are not shared", t.v[1] != s.v[0]);
    bg_strv_add_all(&t, &(bg_strv){0});
    check_int("bg_strv_add_all of an empty list adds nothing", t.n, 4);

    bg_strv u = {0};
    bg_strv_add_all(&u, &s);
    check("lists with the same strings in the same order are equal", bg_strv_equal(&s, &u) && bg_strv_equal(&u, &s));
    check("a list is not equal to one with a string more", !bg_strv_equal(&s, &t) && !bg_strv_equal(&t, &s));
    free(u.v[2]);
    u.v[2] = strdup("three");
    check("lists that differ in one string are not equal", !bg_strv_equal(&s, &u));
    bg_strv_clear(&u);
    bg_strv_add(&u, "two", 3);
    bg_strv_add(&u, "one", 3);
    bg_strv_add(&u, "", 0);
    check("the same strings in another order are not equal", !bg_strv_equal(&s, &u));
    bg_strv e1 = {0}, e2 = {0};
    check("two empty lists are equal", bg_strv_equal(&e1, &e2));

    bg_strv_clear(&s);
    check("bg_strv_clear frees every string and empties the list", s.v == NULL && s.n == 0);
    bg_strv_clear(&s);
    check("bg_strv_clear of an empty list does nothing", s.v == NULL && s.n == 0);
    bg_strv_add(&s, "again", 5);
    check_str("a cleared list takes strings again", joined(&s), "again");
    bg_strv_clear(&s);
    bg_strv_clear(&t);
    bg_strv_clear(&u);
}

/* bg_str_squeeze_space: a text as a reader sees it. */
static char *squeezed(const char *text) {
    char *s = strdup(text);
    if (s)
        bg_str_squeeze_space(s);
    return s;
}

static void test_squeeze(void) {
    check_str("runs of space, tab, CR and LF become one space", squeezed("a \t\r\n b\n\nc"), "a b c");
    check_str("white space at either end goes", squeezed("\n  Ґудзь  \t"), "Ґудзь");
    check_str("a text of white space only becomes empty", squeezed(" \n\t "), "");
    check_str("a no-break space is not XML white space: it stays", squeezed("1\u00a0469"), "1\u00a0469");
    check_str("an empty text stays empty", squeezed(""), "");
}

int main(void) {
    test_buffer();
    test_squeeze();
    test_failed();
    test_xml();
    test_json();
    test_json_html();
    test_trimmed();
    test_strv();
    return unit_end();
}
