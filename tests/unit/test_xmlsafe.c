/* test_xmlsafe — the untrusted parse of XML (src/xmlsafe.h), case by case.
 *
 *     build/test_xmlsafe [ANY]
 *
 * The argument is ignored (tests/run passes every unit test "locales").  Each case
 * parses a document from memory with the messages captured (diag), and checks the
 * document, the count of errors and the exact words said.  Prints one line per
 * failed check and then "N passed, N failed"; exits 1 if any failed.
 *
 * libxml2's global error handler is deliberately not installed: a safe parse says
 * its messages through its own hook, on any thread.
 */
#include "diag.h"
#include "xmlsafe.h"

#include <errno.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int passed, failed;

static void check(int ok, const char *what, const char *detail) {
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL %s%s%s\n", what, detail ? ":\n  " : "", detail ? detail : "");
    }
}

/* The outcome of one parse: the document (freed by the caller), the errors counted,
 * and what was said (malloc'd text, "" when nothing). */
typedef struct outcome {
    xmlDocPtr doc;
    int errors;
    char *said;
} outcome;

static outcome parse(const char *xml, const bg_xml_opts *opts) {
    outcome o = {NULL, -1, NULL};
    bg_diag_capture c;
    bg_diag_capture_begin(&c);
    o.doc = bg_xml_parse(xml, strlen(xml), opts, &o.errors);
    bg_diag_capture_end();
    o.said = strdup(c.text ? c.text : "");
    bg_diag_capture_free(&c);
    return o;
}

static void outcome_free(outcome *o) {
    xmlFreeDoc(o->doc);
    free(o->said);
}

/* The document is refused, with one error, saying exactly `want`. */
static void check_refused(const char *what, const outcome *o, const char *want) {
    char detail[2048];
    snprintf(detail, sizeof detail, "doc %s, errors %d, said \"%s\", want \"%s\"", o->doc ? "kept" : "NULL", o->errors,
             o->said, want);
    check(!o->doc && o->errors == 1 && strcmp(o->said, want) == 0, what, detail);
}

static const char *const internal_entity = "<?xml version=\"1.0\"?>\n"
                                           "<!DOCTYPE r [\n"
                                           "  <!ENTITY org \"Briefgen Institute\">\n"
                                           "]>\n"
                                           "<r>&org;</r>\n";

static void test_refusal_words(void) {
    bg_xml_opts caller = {.name = "t.xml", .refusal = "the document declares the entity '%s'; not here"};
    outcome o = parse(internal_entity, &caller);
    check_refused("refusal in the caller's words, at the declaration's line", &o,
                  "t.xml:3: error: the document declares the entity 'org'; not here\n");
    outcome_free(&o);

    bg_xml_opts brief = {.name = "brief.xml"};
    o = parse(internal_entity, &brief);
    check_refused("refusal in a brief's words when the caller gives none", &o,
                  "brief.xml:3: error: the document declares the entity \"org\"; briefs may not declare entities "
                  "(remove the <!DOCTYPE …> and write the text out)\n");
    outcome_free(&o);

    bg_xml_opts no_line = {.name = "uk.xlf",
                           .refusal = "the DOCTYPE declares entities; locale files may not",
                           .flags = BG_XML_REFUSAL_NO_LINE};
    o = parse(internal_entity, &no_line);
    check_refused("refusal without a line and without the entity's name", &o,
                  "uk.xlf: error: the DOCTYPE declares entities; locale files may not\n");
    outcome_free(&o);
}

static void test_refusal_kinds(void) {
    bg_xml_opts opts = {.name = "k.xml", .refusal = "entity %s"};
    outcome o = parse("<!DOCTYPE r [\n<!ENTITY % p \"<!ENTITY q 'x'>\">\n%p;\n]>\n<r/>", &opts);
    check_refused("a parameter entity is refused before it is used", &o, "k.xml:2: error: entity p\n");
    outcome_free(&o);

    o = parse("<!DOCTYPE r [\n<!NOTATION png SYSTEM \"image/png\">\n"
              "<!ENTITY pic SYSTEM \"pic.png\" NDATA png>\n]>\n<r/>",
              &opts);
    check_refused("an unparsed entity is refused", &o, "k.xml:3: error: entity pic\n");
    outcome_free(&o);

    /* Only the first declaration is said: the parse stops there. */
    o = parse("<!DOCTYPE r [\n<!ENTITY a \"1\">\n<!ENTITY b \"2\">\n]>\n<r>&a;&b;</r>", &opts);
    check_refused("only the first of several declarations is said", &o, "k.xml:2: error: entity a\n");
    outcome_free(&o);

    /* Declaring an entity of XML's own is declaring one too. */
    o = parse("<!DOCTYPE r [\n<!ENTITY lt \"&#38;#60;\">\n]>\n<r>&lt;</r>", &opts);
    check_refused("redeclaring a predefined entity is refused", &o, "k.xml:2: error: entity lt\n");
    outcome_free(&o);
}

static void test_billion_laughs(void) {
    static const char xml[] = "<?xml version=\"1.0\"?>\n"
                              "<!DOCTYPE lolz [\n"
                              " <!ENTITY lol \"lol\">\n"
                              " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                              " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                              " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                              " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                              " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
                              " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
                              " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
                              " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
                              " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
                              "]>\n"
                              "<lolz a=\"&lol9;\">&lol9;</lolz>\n";
    bg_xml_opts opts = {.name = "lolz.xml"};
    outcome o = parse(xml, &opts);
    check_refused("billion laughs refused at its first entity", &o,
                  "lolz.xml:3: error: the document declares the entity \"lol\"; briefs may not declare entities "
                  "(remove the <!DOCTYPE …> and write the text out)\n");
    outcome_free(&o);
}

/* A FIFO stands for the external file: opening it to read would block until a
 * writer comes, and none does, so the alarm ends a test that reads it. */
static char fifo[64], secret[64];

static void opened_fifo(int sig) {
    (void)sig;
    static const char msg[] = "FAIL the parse opened an external file (it blocked on a FIFO)\n";
    ssize_t n = write(STDOUT_FILENO, msg, sizeof msg - 1);
    (void)n;
    _exit(1);
}

static void test_external_never_read(void) {
    char xml[1024];
    bg_xml_opts opts = {.name = "x.xml", .refusal = "entity %s"};

    snprintf(xml, sizeof xml, "<!DOCTYPE r [\n<!ENTITY s SYSTEM \"file://%s\">\n]>\n<r>&s;</r>", secret);
    outcome o = parse(xml, &opts);
    check_refused("an external entity is refused", &o, "x.xml:2: error: entity s\n");
    check(!strstr(o.said, "SECRET"), "the external file's content is never said", o.said);
    outcome_free(&o);

    alarm(10);
    snprintf(xml, sizeof xml, "<!DOCTYPE r [\n<!ENTITY s SYSTEM \"file://%s\">\n]>\n<r>&s;</r>", fifo);
    o = parse(xml, &opts);
    check_refused("an external entity is never opened", &o, "x.xml:2: error: entity s\n");
    outcome_free(&o);

    snprintf(xml, sizeof xml, "<!DOCTYPE r [\n<!ENTITY %% p SYSTEM \"%s\">\n%%p;\n]>\n<r/>", fifo);
    o = parse(xml, &opts);
    check_refused("an external parameter entity is never opened", &o, "x.xml:2: error: entity p\n");
    outcome_free(&o);

    /* An external DTD is not loaded either; without entities the document is fine. */
    snprintf(xml, sizeof xml, "<!DOCTYPE r SYSTEM \"%s\">\n<r/>", fifo);
    o = parse(xml, &opts);
    check(o.doc && o.errors == 0 && !o.said[0], "an external DTD is never opened", o.said);
    outcome_free(&o);

    /* The peek's reader: neither the DTD nor an entity is opened. */
    snprintf(xml, sizeof xml, "<!DOCTYPE r SYSTEM \"%s\" [\n<!ENTITY s SYSTEM \"%s\">\n]>\n<r a=\"1\">&s;</r>", fifo,
             fifo);
    char path[] = "/tmp/test_xmlsafe.XXXXXX";
    int fd = mkstemp(path);
    int elements = 0;
    if (fd >= 0 && write(fd, xml, strlen(xml)) == (ssize_t)strlen(xml) && lseek(fd, 0, SEEK_SET) == 0) {
        xmlTextReaderPtr r = bg_xml_reader_for_fd(fd, path);
        while (r && xmlTextReaderRead(r) == 1)
            elements += xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT;
        xmlFreeTextReader(r);
    }
    check(elements == 1, "the peek's reader reads the element without opening anything", NULL);
    if (fd >= 0)
        close(fd);
    unlink(path);
    alarm(0);
}

static int count_open, count_close;
static void on_open(xmlParserCtxtPtr ctxt, xmlNodePtr node, void *user) {
    (void)ctxt;
    count_open += node && user == &count_open;
}
static void on_close(xmlParserCtxtPtr ctxt, xmlNodePtr node, void *user) {
    (void)ctxt;
    count_close += node && user == &count_open && xmlStrEqual(node->name, BAD_CAST(count_close ? "r" : "a"));
}

static void test_good_document(void) {
    bg_xml_opts opts = {.name = "good.xml", .opened = on_open, .closing = on_close, .user = &count_open};
    outcome o = parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<!DOCTYPE r>\n"
                      "<r xmlns=\"urn:x\"><a>text &amp; &#160;<![CDATA[<b>]]></a></r>\n",
                      &opts);
    xmlNodePtr root = o.doc ? xmlDocGetRootElement(o.doc) : NULL;
    check(root && xmlStrEqual(root->name, BAD_CAST "r") && o.errors == 0 && !o.said[0],
          "a good document parses, silently", o.said);
    xmlChar *text = root && root->children ? xmlNodeGetContent(root->children) : NULL;
    check(text && strcmp((const char *)text, "text & \xc2\xa0<b>") == 0, "its text is as written", (const char *)text);
    xmlFree(text);
    check(count_open == 2 && count_close == 2, "the caller's hooks see each element open and close", NULL);
    outcome_free(&o);

    xmlDocPtr doc = bg_xml_parse_untrusted("<r/>", 4, "r.xml");
    check(doc != NULL, "bg_xml_parse_untrusted parses a good document", NULL);
    xmlFreeDoc(doc);
}

static void test_big_lines(void) {
    enum { LINES = 70000 };
    size_t size = LINES + 256;
    char *xml = malloc(size);
    if (!xml) {
        check(0, "big lines: out of memory", NULL);
        return;
    }
    /* The element after 70000 lines keeps its line (XML_PARSE_BIG_LINES). */
    int n = snprintf(xml, size, "<r>");
    memset(xml + n, '\n', LINES);
    snprintf(xml + n + LINES, size - (size_t)n - LINES, "<a/></r>");
    bg_xml_opts opts = {.name = "big.xml"};
    outcome o = parse(xml, &opts);
    xmlNodePtr root = o.doc ? xmlDocGetRootElement(o.doc) : NULL;
    xmlNodePtr a = root ? xmlFirstElementChild(root) : NULL;
    char detail[64];
    snprintf(detail, sizeof detail, "line %ld", a ? xmlGetLineNo(a) : -1L);
    check(a && xmlGetLineNo(a) == LINES + 1, "an element's line past 65535 is kept", detail);
    outcome_free(&o);

    /* A refusal and a message of libxml2's at such lines say them too. */
    n = snprintf(xml, size, "<!DOCTYPE r [");
    memset(xml + n, '\n', LINES);
    snprintf(xml + n + LINES, size - (size_t)n - LINES, "<!ENTITY e \"x\">]>\n<r/>");
    opts.refusal = "entity %s";
    o = parse(xml, &opts);
    check_refused("a refusal past line 65535 says its line", &o, "big.xml:70001: error: entity e\n");
    outcome_free(&o);

    n = snprintf(xml, size, "<r>");
    memset(xml + n, '\n', LINES);
    snprintf(xml + n + LINES, size - (size_t)n - LINES, "<a></b></r>");
    o = parse(xml, &opts);
    check(!o.doc && o.errors == 1 &&
              strncmp(o.said, "big.xml:70001: error: </b> does not match <a>, opened at line 70001", 67) == 0,
          "a parse error past line 65535 says its line", o.said);
    outcome_free(&o);
    free(xml);
}

static void test_messages(void) {
    bg_xml_opts diag_words = {.name = "cut.xml"};
    outcome o = parse("<r>\n<a>\n", &diag_words);
    check(!o.doc && o.errors >= 1 && strstr(o.said, "cut.xml:") == o.said && strstr(o.said, "is the file cut short?"),
          "libxml2's messages in diag's words, with the name", o.said);
    outcome_free(&o);

    bg_xml_opts libxml2_words = {.name = "cut.xml", .flags = BG_XML_LIBXML2_WORDS};
    o = parse("<r>\n<a>\n", &libxml2_words);
    check(!o.doc && o.errors >= 1 && strstr(o.said, "cut.xml:3: error: Premature end of data in tag a line 2\n"),
          "libxml2's messages in libxml2's words when asked", o.said);
    outcome_free(&o);

    /* A namespace error is said and counted, but leaves a well-formed document. */
    o = parse("<r><b:c/></r>", &diag_words);
    check(o.doc && o.errors == 1 && strstr(o.said, "cut.xml:1: error: Namespace prefix b on c is not defined"),
          "a namespace error is counted and the document kept", o.said);
    outcome_free(&o);

    /* Nothing said by libxml2: bg_xml_parse_untrusted says what the file is not. */
    bg_diag_capture c;
    bg_diag_capture_begin(&c);
    xmlDocPtr doc = bg_xml_parse_untrusted("<r>", 3, "short.xml");
    bg_diag_capture_end();
    check(!doc && c.errors >= 1 && c.text && strncmp(c.text, "short.xml:", 10) == 0,
          "bg_xml_parse_untrusted reports a failed parse", c.text);
    bg_diag_capture_free(&c);
}

/* Parses on several threads at once, each with its own capture. */
static void *parse_many(void *arg) {
    (void)arg;
    intptr_t bad = 0;
    bg_xml_opts opts = {.name = "t.xml", .refusal = "entity %s"};
    for (int i = 0; i < 200; i++) {
        outcome o = parse(internal_entity, &opts);
        bad += o.doc != NULL || strcmp(o.said, "t.xml:3: error: entity org\n") != 0;
        outcome_free(&o);
        o = parse("<r><a/></r>", &opts);
        bad += o.doc == NULL || o.said[0] != '\0';
        outcome_free(&o);
    }
    return (void *)bad;
}

static void test_threads(void) {
    pthread_t t[4];
    int started = 0;
    intptr_t bad = 0;
    for (int i = 0; i < 4; i++)
        started += pthread_create(&t[i], NULL, parse_many, NULL) == 0;
    for (int i = 0; i < started; i++) {
        void *r = NULL;
        pthread_join(t[i], &r);
        bad += (intptr_t)r;
    }
    check(started == 4 && bad == 0, "parses on four threads at once, each saying its own", NULL);
}

int main(int argc, char **argv) {
    (void)argc, (void)argv;
    xmlInitParser();
    signal(SIGALRM, opened_fifo);
    char dir[] = "/tmp/test_xmlsafe.d.XXXXXX";
    if (!mkdtemp(dir)) {
        printf("cannot make a temporary folder: %s\n0 passed, 1 failed\n", strerror(errno));
        return 1;
    }
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    snprintf(secret, sizeof secret, "%s/secret", dir);
    FILE *f = fopen(secret, "w");
    if (f) {
        fputs("SECRET-CONTENT\n", f);
        fclose(f);
    }
    if (mkfifo(fifo, 0600) != 0)
        check(0, "mkfifo", strerror(errno));

    test_refusal_words();
    test_refusal_kinds();
    test_billion_laughs();
    test_external_never_read();
    test_good_document();
    test_big_lines();
    test_messages();
    test_threads();

    unlink(fifo);
    unlink(secret);
    rmdir(dir);
    xmlCleanupParser();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
