/* test_xmledit — byte-span edits of XML files (xmledit.h).
 *
 *     build/test_xmledit
 *
 * The rule under test: an edit changes only the bytes of its span, and every other
 * byte of the file — comments, CDATA, character references, white space, attribute
 * order and quotes, CRLF line ends — comes out as it went in.  Each case gives a
 * whole file and the whole file expected after the edit, so the bytes that must not
 * change are spelled out too.  Prints one line per failed check and then
 * "N passed, N failed"; exits 1 if any failed.
 */
#include "diag.h"
#include "unit.h"
#include "xmledit.h"

#include <libxml/parser.h>

/* The `nth` (from 1) element called `name` in `x`, in document order, or NULL. */
static xmlNodePtr walk(xmlNodePtr n, const char *name, int *nth) {
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(n->name, BAD_CAST name) && --*nth == 0)
            return n;
        xmlNodePtr found = walk(n->children, name, nth);
        if (found)
            return found;
    }
    return NULL;
}

static xmlNodePtr find(const bg_xdoc *x, const char *name, int nth) {
    return walk(xmlDocGetRootElement(bg_xdoc_doc(x)), name, &nth);
}

static bg_xdoc *parse(const char *text) { return bg_xdoc_parse(text, strlen(text), "test.xml"); }

/* The bytes of `x` with the edits applied, freed by the caller. */
static char *applied(const bg_xedits *e, const bg_xdoc *x) {
    size_t len;
    return bg_xedits_apply(e, x, &len);
}

enum op { SET_CONTENT, SET_ATTR, REMOVE, INSERT_AFTER, INSERT_INSIDE };

/* Parse `in`, make one edit on the first <`name`> (`a` and `b` its arguments),
 * and check the whole result against `want`. */
static void check_edit(const char *what, const char *in, enum op op, const char *name, const char *a, const char *b,
                       const char *want) {
    bg_xdoc *x = parse(in);
    xmlNodePtr el = x ? find(x, name, 1) : NULL;
    if (!el) {
        unit_fail(what, "no <%s> parsed from the input", name);
        bg_xdoc_free(x);
        return;
    }
    bg_xedits *e = bg_xedits_new();
    int rc = op == SET_CONTENT    ? bg_xedit_set_content(e, x, el, a)
             : op == SET_ATTR     ? bg_xedit_set_attr(e, x, el, a, b)
             : op == REMOVE       ? bg_xedit_remove(e, x, el)
             : op == INSERT_AFTER ? bg_xedit_insert_after(e, x, el, 0, a)
                                  : bg_xedit_insert_after(e, x, el, 1, a);
    if (rc != 0)
        unit_fail(what, "the edit returned %d", rc);
    else
        check_str(what, applied(e, x), want);
    bg_xedits_free(e);
    bg_xdoc_free(x);
}

/* Spans: where an element's tags and content stand in the bytes. */
static void test_spans(void) {
    const char *in = "<?xml version=\"1.0\"?>\n<r a='1'>\n  <x  b=\"2\" >text</x >\n  <e/>\n  <e c='&gt;'  />\n</r>\n";
    bg_xdoc *x = parse(in);
    check("a well-formed UTF-8 file parses", x != NULL);
    if (!x)
        return;
    size_t len;
    const char *bytes = bg_xdoc_bytes(x, &len);
    check("bg_xdoc_bytes are the bytes parsed, whole", len == strlen(in) && memcmp(bytes, in, len) == 0);
    check("bg_xdoc_bytes are NUL-terminated", bytes[len] == '\0');
    check_str("bg_xdoc_name is the name given", strdup(bg_xdoc_name(x)), "test.xml");

    bg_xspan s;
    int rc = bg_xdoc_span(x, find(x, "x", 1), &s);
    check("an element parsed from the bytes has a span", rc == 0);
    check_mem("the start tag span holds the start tag, attributes and spaces included",
              strndup(in + s.open_start, s.open_end - s.open_start), s.open_end - s.open_start, "<x  b=\"2\" >", 11);
    check_mem("the content span is what lies between the tags", strndup(in + s.open_end, s.close_start - s.open_end),
              s.close_start - s.open_end, "text", 4);
    check_mem("the end tag span holds the end tag, its space included",
              strndup(in + s.close_start, s.close_end - s.close_start), s.close_end - s.close_start, "</x >", 5);

    rc = bg_xdoc_span(x, find(x, "e", 1), &s);
    check("an empty-element tag: close_start == close_end == open_end",
          rc == 0 && s.close_start == s.open_end && s.close_end == s.open_end);
    check_mem("an empty-element tag's span is the whole <e/>", strndup(in + s.open_start, s.open_end - s.open_start),
              s.open_end - s.open_start, "<e/>", 4);
    rc = bg_xdoc_span(x, find(x, "e", 2), &s);
    check_mem("a '>' written as &gt; in an attribute does not end the tag",
              strndup(in + s.open_start, s.open_end - s.open_start), s.open_end - s.open_start, "<e c='&gt;'  />", 15);

    xmlNodePtr root = xmlDocGetRootElement(bg_xdoc_doc(x));
    check("a text node has no span", bg_xdoc_span(x, root->children, &s) == -1);
    xmlNodePtr made = xmlNewNode(NULL, BAD_CAST "made");
    check("an element not parsed from these bytes has no span", bg_xdoc_span(x, made, &s) == -1);
    xmlFreeNode(made);

    bg_buf b = {0};
    bg_xdoc_line_start(x, find(x, "x", 1), &b);
    check_str("bg_xdoc_line_start: the newline and indentation of the element's line", bg_buf_take(&b), "\n  ");
    bg_xdoc_line_start(x, root, &b);
    check_str("bg_xdoc_line_start of an element on the first line after the declaration", bg_buf_take(&b), "\n");
    bg_xdoc_free(x);

    x = parse("<r><a/>  <b/>\r\n\t<c/></r>");
    bg_xdoc_line_start(x, find(x, "b", 1), &b);
    check_str("bg_xdoc_line_start of an element that does not start its line is \"\\n\"", bg_buf_take(&b), "\n");
    bg_xdoc_line_start(x, find(x, "c", 1), &b);
    check_str("bg_xdoc_line_start in a CRLF file keeps the CR", bg_buf_take(&b), "\r\n\t");
    bg_xdoc_free(x);
}

static void test_set_content(void) {
    check_edit("set_content replaces only the content; the tags stay as written",
               "<r>\n  <p  class='a' >old <b>bold</b></p >\n  <p>next</p>\n</r>\n", SET_CONTENT, "p", "new &amp; more",
               NULL, "<r>\n  <p  class='a' >new &amp; more</p >\n  <p>next</p>\n</r>\n");
    check_edit("set_content writes the content as XML, as given", "<r><p>x</p></r>", SET_CONTENT, "p",
               "<em>a</em> &#160;b", NULL, "<r><p><em>a</em> &#160;b</p></r>");
    check_edit("set_content of an empty-element tag gives it an end tag", "<r>\n  <t id=\"t1\"/>\n</r>", SET_CONTENT,
               "t", "text", NULL, "<r>\n  <t id=\"t1\">text</t>\n</r>");
    check_edit("set_content of <t />: the space before /> goes too", "<r><t a='1' \n /></r>", SET_CONTENT, "t", "x",
               NULL, "<r><t a='1'>x</t></r>");
    check_edit("set_content of a prefixed empty element writes the prefix in the end tag",
               "<r xmlns:q=\"urn:q\"><q:t/></r>", SET_CONTENT, "t", "x", NULL, "<r xmlns:q=\"urn:q\"><q:t>x</q:t></r>");
    check_edit("set_content to \"\" empties the element", "<r><p>gone</p></r>", SET_CONTENT, "p", "", NULL,
               "<r><p></p></r>");
    check_edit("set_content keeps comments, CDATA and references outside the element",
               "<!-- head &amp; -->\n<r>\n<![CDATA[<p>not an element</p>]]>\n<!-- <p>nor this</p> -->\n"
               "<p>&#160;old&amp;</p>\n<q>&#x2019; &lt;</q>\n</r>\n",
               SET_CONTENT, "p", "new", NULL,
               "<!-- head &amp; -->\n<r>\n<![CDATA[<p>not an element</p>]]>\n<!-- <p>nor this</p> -->\n"
               "<p>new</p>\n<q>&#x2019; &lt;</q>\n</r>\n");
    check_edit("set_content replaces CDATA and comments inside the element with the rest",
               "<r><p>a<![CDATA[</p>]]><!-- </p> -->b</p><s/></r>", SET_CONTENT, "p", "c", NULL, "<r><p>c</p><s/></r>");
    check_edit("set_content in a CRLF file leaves every CRLF outside the content",
               "<r>\r\n  <p>old\r\ntext</p>\r\n  <p>two</p>\r\n</r>\r\n", SET_CONTENT, "p", "new", NULL,
               "<r>\r\n  <p>new</p>\r\n  <p>two</p>\r\n</r>\r\n");
}

static void test_set_attr(void) {
    check_edit("set_attr replaces a value in double quotes where it stands", "<r><p a=\"1\" b=\"2\" c=\"3\"/></r>",
               SET_ATTR, "p", "b", "new", "<r><p a=\"1\" b=\"new\" c=\"3\"/></r>");
    check_edit("set_attr replaces a value in single quotes, writing double quotes", "<r><p a='1' b='2' c='3'/></r>",
               SET_ATTR, "p", "b", "x", "<r><p a='1' b=\"x\" c='3'/></r>");
    check_edit("set_attr keeps the other attributes' quotes, spaces and order",
               "<r><p\n   z='1'\tb = \"2\"  a='3' ></p></r>", SET_ATTR, "p", "b", "x",
               "<r><p\n   z='1'\tb = \"x\"  a='3' ></p></r>");
    check_edit("set_attr escapes the value for double quotes", "<r><p b='2'/></r>", SET_ATTR, "p", "b",
               "say \"hi\" & <go>\u00a0", "<r><p b=\"say &quot;hi&quot; &amp; &lt;go&gt;&#160;\"/></r>");
    check_edit("set_attr: a value holding the other quote and '>' is skipped whole",
               "<r><p a='say \"x>\"' b='2'>t</p></r>", SET_ATTR, "p", "b", "y",
               "<r><p a='say \"x>\"' b=\"y\">t</p></r>");
    check_edit("set_attr replaces a value written with character references", "<r><p b='&#160;&amp;'/></r>", SET_ATTR,
               "p", "b", "z", "<r><p b=\"z\"/></r>");
    check_edit("set_attr matches the whole name: b is not ab", "<r><p ab='1' b='2'/></r>", SET_ATTR, "p", "b", "x",
               "<r><p ab='1' b=\"x\"/></r>");
    check_edit("set_attr adds a missing attribute at the end of a start tag", "<r><p a='1'>t</p></r>", SET_ATTR, "p",
               "b", "2", "<r><p a='1' b=\"2\">t</p></r>");
    check_edit("set_attr adds a missing attribute before /> (and the space before it)", "<r><p a='1' /></r>", SET_ATTR,
               "p", "b", "2", "<r><p a='1' b=\"2\" /></r>");
    check_edit("set_attr adds to a tag without attributes", "<r><p/></r>", SET_ATTR, "p", "state", "new",
               "<r><p state=\"new\"/></r>");
    check_edit("set_attr in a CRLF file: the line ends inside the tag stay",
               "<r>\r\n<p\r\n  a='1'\r\n  b='2'\r\n/>\r\n</r>", SET_ATTR, "p", "b", "3",
               "<r>\r\n<p\r\n  a='1'\r\n  b=\"3\"\r\n/>\r\n</r>");
    check_edit("set_attr: an attribute value with a newline gets a character reference", "<r><p/></r>", SET_ATTR, "p",
               "n", "a\nb", "<r><p n=\"a&#10;b\"/></r>");
}

static void test_remove_insert(void) {
    check_edit("remove takes the element and the white space before it: no empty line is left",
               "<r>\n  <a/>\n  <b>x</b>\n  <c/>\n</r>\n", REMOVE, "b", NULL, NULL, "<r>\n  <a/>\n  <c/>\n</r>\n");
    check_edit("remove in a CRLF file keeps the other lines' CRLF", "<r>\r\n  <a/>\r\n  <b>x</b>\r\n  <c/>\r\n</r>",
               REMOVE, "b", NULL, NULL, "<r>\r\n  <a/>\r\n  <c/>\r\n</r>");
    check_edit("remove of an empty-element tag", "<r><a/> <b/><c/></r>", REMOVE, "b", NULL, NULL, "<r><a/><c/></r>");
    check_edit("remove keeps a comment before the element (only white space goes)", "<r>\n  <!-- b -->\n  <b/>\n</r>",
               REMOVE, "b", NULL, NULL, "<r>\n  <!-- b -->\n</r>");
    check_edit("insert_after puts text right after the end tag", "<r>\n  <a>x</a>\n</r>", INSERT_AFTER, "a", "\n  <b/>",
               NULL, "<r>\n  <a>x</a>\n  <b/>\n</r>");
    check_edit("insert_after an empty-element tag", "<r><a/></r>", INSERT_AFTER, "a", "<b/>", NULL, "<r><a/><b/></r>");
    check_edit("insert_after inside: right after the start tag", "<r><a k='v'>x</a></r>", INSERT_INSIDE, "a", "<b/>",
               NULL, "<r><a k='v'><b/>x</a></r>");
}

/* Several edits in one file; the order of insertions; overlaps refused. */
static void test_apply(void) {
    const char *in = "<r>\n  <a>1</a>\n  <b>2</b>\n  <c>3</c>\n</r>\n";
    bg_xdoc *x = parse(in);
    bg_xedits *e = bg_xedits_new();
    check_int("a new edit list is empty", bg_xedits_count(e), 0);
    check_str("no edit: the bytes come back as they are", applied(e, x), in);
    bg_xedit_set_content(e, x, find(x, "c", 1), "three");
    bg_xedit_set_attr(e, x, find(x, "a", 1), "k", "v");
    bg_xedit_remove(e, x, find(x, "b", 1));
    check_int("bg_xedits_count counts the edits", bg_xedits_count(e), 3);
    check_str("edits made in any order apply each at its place", applied(e, x),
              "<r>\n  <a k=\"v\">1</a>\n  <c>three</c>\n</r>\n");
    check_str("applying again gives the same bytes (the edits are not used up)", applied(e, x),
              "<r>\n  <a k=\"v\">1</a>\n  <c>three</c>\n</r>\n");
    bg_xedits_free(e);

    e = bg_xedits_new();
    bg_xedits_replace(e, 3, 0, "<x/>", 4);
    bg_xedits_replace(e, 3, 0, "<y/>", 4);
    bg_xedits_replace(e, 3, 3, "", 0);
    bg_xedits_replace(e, 3, 0, "<z/>", 4);
    check_str("insertions at one offset keep their order and come before a deletion starting there", applied(e, x),
              "<r><x/><y/><z/><a>1</a>\n  <b>2</b>\n  <c>3</c>\n</r>\n");
    bg_xedits_free(e);

    e = bg_xedits_new();
    bg_xedits_replace(e, 0, 3, "<root>", 6);
    bg_xedits_replace(e, strlen(in) - 5, 4, "</root>", 7);
    check_str("bg_xedits_replace: len bytes at `at` become the n bytes given", applied(e, x),
              "<root>\n  <a>1</a>\n  <b>2</b>\n  <c>3</c>\n</root>\n");
    bg_xedits_free(e);

    e = bg_xedits_new();
    bg_xedit_set_content(e, x, find(x, "r", 1), "");
    bg_xedit_remove(e, x, find(x, "b", 1));
    bg_diag_capture c;
    bg_diag_capture_begin(&c);
    char *got = applied(e, x);
    bg_diag_capture_end();
    check_str("two edits that overlap: nothing is applied", got, NULL);
    check_contains("two edits that overlap are reported as an internal error", c.text,
                   "test.xml: error: internal error: overlapping edits at byte");
    bg_diag_capture_free(&c);
    bg_xedits_free(e);

    e = bg_xedits_new();
    bg_xedits_replace(e, strlen(in) - 1, 2, "", 0);
    bg_diag_capture_begin(&c);
    got = applied(e, x);
    bg_diag_capture_end();
    check_str("an edit past the end of the file is refused", got, NULL);
    bg_diag_capture_free(&c);
    bg_xedits_free(e);

    e = bg_xedits_new();
    xmlNodePtr made = xmlNewNode(NULL, BAD_CAST "made");
    bg_diag_capture_begin(&c);
    int rc = bg_xedit_set_content(e, x, made, "x");
    bg_diag_capture_end();
    check("an element edit of an element without a span fails", rc == -1 && bg_xedits_count(e) == 0);
    check_contains("... reported as an internal error", c.text,
                   "error: internal error: <made> has no place in the file");
    bg_diag_capture_free(&c);
    xmlFreeNode(made);
    bg_xedits_free(e);
    bg_xedits_free(NULL);
    bg_xdoc_free(x);
    bg_xdoc_free(NULL);
}

/* What is refused: entities, other encodings, broken XML. */
static void test_refused(void) {
    static const struct {
        const char *what, *in, *message;
    } cases[] = {
        {"a document that declares an entity is refused", "<!DOCTYPE r [<!ENTITY e \"x\">]>\n<r>&e;</r>",
         "test.xml:1: error: the document declares the entity 'e'"},
        {"an external entity is refused", "<!DOCTYPE r [\n<!ENTITY e SYSTEM \"/etc/passwd\">\n]>\n<r>&e;</r>",
         "test.xml:2: error: the document declares the entity 'e'"},
        {"a file that is not UTF-8 is refused", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<r>\xe9</r>",
         "test.xml:1: error: the file is in ISO-8859-1; briefgen edits only UTF-8 files"},
        {"a file that is not well-formed is refused", "<r>\n<a></b>\n</r>", "test.xml:2: error: "},
        {"an empty text is refused", "", "test.xml"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bg_diag_capture c;
        bg_diag_capture_begin(&c);
        bg_xdoc *x = parse(cases[i].in);
        bg_diag_capture_end();
        check(cases[i].what, x == NULL && c.errors > 0);
        check_contains(cases[i].what, c.text, cases[i].message);
        bg_diag_capture_free(&c);
        bg_xdoc_free(x);
    }
    bg_xdoc *x = parse("<r>&#160;&amp;&lt;</r>");
    check("character references and the predefined entities are not refused", x != NULL);
    bg_xdoc_free(x);
}

int main(void) {
    test_spans();
    test_set_content();
    test_set_attr();
    test_remove_insert();
    test_apply();
    test_refused();
    xmlCleanupParser();
    return unit_end();
}
