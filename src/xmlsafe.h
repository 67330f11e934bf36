/* xmlsafe — the one way briefgen parses XML it did not write: briefs, the SVG files
 * their figures embed, locale files (XLIFF) and the files `l10n` edits.
 *
 * Such a file may come from anyone, so it is parsed with libxml2 2.9.14 as follows:
 *   - no entity substitution (no XML_PARSE_NOENT: it would read local files), no
 *     DTD loading, no network (XML_PARSE_NONET), line numbers past 65535 kept
 *     (XML_PARSE_BIG_LINES);
 *   - every entity declaration — general or parameter, internal, external or
 *     unparsed — is refused by the SAX entityDecl/unparsedEntityDecl hooks the moment
 *     it is read, and the parse stops there, so nothing of an entity is ever expanded
 *     (libxml2 2.9.14 has no XML_PARSE_NO_XXE).  No file of ours needs entities, and a
 *     declared one is the door to every entity attack: XXE reads local files, billion
 *     laughs and quadratic blow-up eat memory.  A document whose DTD still holds an
 *     entity afterwards is refused too.
 * The caller chooses the words of a refusal (a brief, a locale file and a file being
 * edited say it differently); the mechanism is this one.
 *
 * Failure: problems are reported here, through diag, as "NAME:LINE: error: …" —
 * libxml2's own messages (in diag's words, bg_diag_xml_message, unless the caller
 * asks for libxml2's) and the refusal of an entity.  Nothing is printed otherwise:
 * when the parse fails without libxml2 saying why, the caller says what the file
 * is not (bg_xml_parse_untrusted does: "not a well-formed XML document").
 *
 * Memory rule: a returned document is the caller's, freed with xmlFreeDoc; a reader
 * is the caller's, freed with xmlFreeTextReader.  Nothing else is kept: the data
 * and the options are only read during the call.
 *
 * Threads: every call makes its own parser context, so calls may run on several
 * threads at once (build -j parses figures and locale files on worker threads),
 * once xmlInitParser() has run on the main thread (main does it).  Messages go to
 * the calling thread's diag counts and capture.  The parse does not depend on the
 * thread's libxml2 error handler (bg_diag_install_xml_handlers): it installs its own
 * for the parse, except for the few messages libxml2 raises without a parser
 * context (out of memory, encoding conversion), which go to that handler.
 */
#ifndef BG_XMLSAFE_H
#define BG_XMLSAFE_H

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <stddef.h>

/* The parser options of every untrusted document (see above). */
#define BG_XML_SAFE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES)

/* The words of a refusal when the caller gives none: a brief's, and those of the
 * files a brief embeds (its figures' SVG). */
#define BG_XML_REFUSAL_BRIEF                                                                                           \
    "the document declares the entity \"%s\"; briefs may not declare entities (remove the <!DOCTYPE …> and "         \
    "write the text out)"

/* bg_xml_opts.flags */
enum {
    /* libxml2's messages in libxml2's words, only trailing white space removed (as
     * the files `l10n` edits have always had them), instead of diag's. */
    BG_XML_LIBXML2_WORDS = 1 << 0,
    /* The refusal is said without a line, "NAME: error: …" (as locale files have
     * always had it). */
    BG_XML_REFUSAL_NO_LINE = 1 << 1,
};

/* How one document is parsed and spoken of.  Zero what is not needed. */
typedef struct bg_xml_opts {
    /* The document in messages: its path, or what stands for it ("fuzz.xml"). */
    const char *name;
    /* The words of a refusal: a printf format for bg_error whose one conversion, %s,
     * takes the entity's name (or that has none).  NULL: BG_XML_REFUSAL_BRIEF. */
    const char *refusal;
    unsigned flags; /* BG_XML_… above */
    /* For a caller that follows the parse (xmledit records where each element stands
     * in the bytes): `opened` runs once element `node` is in the tree, with the parser
     * at the end of its start tag; `closing` runs with the parser past its end tag (or
     * its "/>"), before the element is closed.  `node` may be NULL after a failure;
     * `user` is passed along.  Either may be NULL. */
    void (*opened)(xmlParserCtxtPtr ctxt, xmlNodePtr node, void *user);
    void (*closing)(xmlParserCtxtPtr ctxt, xmlNodePtr node, void *user);
    void *user;
} bg_xml_opts;

/* Parse the `len` bytes at `data` (at most INT_MAX, libxml2's limit) as untrusted XML
 * the way described above.  A new document the caller frees with xmlFreeDoc, or NULL
 * when the bytes are not well-formed XML or declare an entity, after reporting what
 * libxml2 said and the refusal.  *errors (when `errors` is not NULL) receives the
 * number of errors said here; a document may come back with errors said (a namespace
 * error leaves it well-formed), and NULL may come back with none said (the caller
 * then says what the file is not). */
xmlDocPtr bg_xml_parse(const char *data, size_t len, const bg_xml_opts *opts, int *errors);

/* bg_xml_parse of `size` bytes named `name`, with a brief's words for a refusal and
 * diag's for libxml2's messages; when the parse fails and nothing was said, says
 * "NAME: error: not a well-formed XML document".  For briefs and the SVG files of
 * their figures.  A new document the caller frees with xmlFreeDoc, or NULL. */
xmlDocPtr bg_xml_parse_untrusted(const char *data, int size, const char *name);

/* A streaming reader over the open file `fd` (named `name`), with the untrusted
 * parser options and its messages silenced: for a peek at the start of a file (a
 * brief's languages, its figures) before the real parse, which reports.  It does not
 * refuse entity declarations (the reader API gives no access to its SAX hooks), but
 * neither loads an external entity nor substitutes one into the tree.  The caller
 * frees it with xmlFreeTextReader, then closes `fd`.  NULL on out-of-memory (said
 * nowhere). */
xmlTextReaderPtr bg_xml_reader_for_fd(int fd, const char *name);

#endif
