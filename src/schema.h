/* schema — RELAX NG validation of a brief with messages a researcher can act on.
 *
 * libxml2 says "Did not expect element foo there" or "Element recommendation failed
 * to validate attributes" (with no line).  We keep libxml2 as the validator and read
 * the schema itself to say what *is* allowed: the children an element holds, in
 * order, the values an attribute takes, the attributes it requires — and, for an
 * element not allowed where it stands, the allowed one nearest in spelling or the
 * brief's name for an HTML habit (<b> → <strong>, <paragraph> → <p>).
 *
 * Memory rule: bg_schema_load returns an object freed with bg_schema_free
 * (NULL-safe).  Arguments are borrowed for the call.
 *
 * Threads: load on one thread, then share.  A loaded schema is only read:
 * bg_schema_validate makes a validation context of its own per call, so `build -j`
 * validates on every worker thread with the one schema the main thread loaded.
 *
 * Failure: reported here, through diag (libxml2's RELAX NG messages reach it through
 * the thread's structured-error handler), and the functions return NULL / -1.
 */
#ifndef BG_SCHEMA_H
#define BG_SCHEMA_H

#include <libxml/tree.h>

typedef struct bg_schema bg_schema;

/* Compile the schema at `path` (schema/brief.rng).  NULL on error: libxml2's
 * messages, then "the schema cannot be read or does not compile" (only out of
 * memory for the object itself is silent). */
bg_schema *bg_schema_load(const char *path);
void bg_schema_free(bg_schema *schema);

/* Validate `doc` (read from `path`, for messages; neither is changed).  Every
 * problem is reported once as "path:line: error: …" in words that say what is
 * allowed; libxml2's echoes (the same failure repeated for each ancestor) are
 * dropped.  0 when valid; -1 otherwise, never without at least one error said, so
 * a caller needs no message of its own. */
int bg_schema_validate(const bg_schema *schema, xmlDocPtr doc, const char *path);

#endif
