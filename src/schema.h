/* schema — RELAX NG validation of a brief with messages a researcher can act on.
 *
 * libxml2 says "Did not expect element foo there" or "Element recommendation failed
 * to validate attributes" (with no line).  We keep libxml2 as the validator and read
 * the schema itself to say what *is* allowed: the children an element holds, in
 * order, the values an attribute takes, the attributes it requires.
 *
 * Memory rule: bg_schema_load returns an object freed with bg_schema_free
 * (NULL-safe).
 */
#ifndef BG_SCHEMA_H
#define BG_SCHEMA_H

#include <libxml/tree.h>

typedef struct bg_schema bg_schema;

/* Compile the schema at `path` (schema/brief.rng).  NULL on error (reported). */
bg_schema *bg_schema_load(const char *path);
void bg_schema_free(bg_schema *schema);

/* Validate `doc` (read from `path`, for messages).  Every problem is reported as
 * "path:line: error: …".  0 when valid, -1 otherwise. */
int bg_schema_validate(const bg_schema *schema, xmlDocPtr doc, const char *path);

#endif
