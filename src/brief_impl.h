/* brief_impl — private to brief.c and brief_warn.c: what a bg_brief holds, the state
 * of the semantic checks, the small tree helpers both files use, and what
 * brief_warn.c provides.  No other module includes it (brief.h is the interface).
 *
 * Threads and memory as brief.h says: the checks run on the thread that validates,
 * and own nothing beyond the call.
 */
#ifndef BG_BRIEF_IMPL_H
#define BG_BRIEF_IMPL_H

#include "brief.h"
#include "diag.h"

#include <libxml/hash.h>
#include <libxml/tree.h>

struct bg_brief {
    char *path;
    xmlDocPtr doc;
    char *source_lang; /* owned copy of @source-lang */
    char **langs;      /* @langs split on white space */
    int nlangs;
};

typedef struct checker {
    const bg_brief *b;
    xmlHashTablePtr ids; /* id -> element */
    /* What the schema said, when it refused the brief: the checks run anyway, so
     * that every problem is said at once, but a place the schema refused gets only
     * its message (one message for one place; the rest once it is fixed). */
    const bg_diag_capture *schema_said;
} checker;

/* The value of attribute `name` (no namespace) of `node`, borrowed; NULL when absent. */
static inline const char *attr(const xmlNode *node, const char *name) {
    xmlAttrPtr a = xmlHasNsProp(node, BAD_CAST name, NULL);
    return a && a->children && a->children->content ? (const char *)a->children->content : NULL;
}

static inline int is_ours(const xmlNode *n, const char *name) {
    /* The name first: the checks ask each node about several names. */
    return n && n->type == XML_ELEMENT_NODE && (!name || xmlStrEqual(n->name, BAD_CAST name)) && n->ns &&
           xmlStrEqual(n->ns->href, BAD_CAST BG_BRIEF_NS);
}

/* Inline elements may carry xml:lang to mark a foreign phrase ("World Café" in a
 * Ukrainian paragraph); that is a language marker, never a unit. */
static inline int is_inline(const xmlNode *n) {
    static const char *const names[] = {"em", "strong", "a", "cite", "term", "fn", NULL};
    for (int i = 0; names[i]; i++)
        if (xmlStrEqual(n->name, BAD_CAST names[i]))
            return 1;
    return 0;
}

static inline xmlNodePtr next_element(xmlNodePtr n) {
    for (n = n ? n->next : NULL; n && n->type != XML_ELEMENT_NODE; n = n->next)
        ;
    return n;
}

static inline xmlNodePtr first_element(xmlNodePtr parent) {
    xmlNodePtr n = parent ? parent->children : NULL;
    return n && n->type != XML_ELEMENT_NODE ? next_element(n) : n;
}

/* The schema refused the place at `line` already: a check says nothing more there. */
static inline int refused(const checker *c, long line) { return bg_diag_capture_said_at(c->schema_said, line); }

/* ---- brief_warn.c: what would be published wrong without a word ----------------- */

/* The element before `n` among its siblings, or NULL. */
xmlNodePtr brief_prev_element(xmlNodePtr n);
/* 1 when `n` is an element without xml:lang beside siblings of its name that have one
 * and lack a language of the brief: *beside is such a sibling, *missing the language
 * to suggest (NULL when more than one is missing). */
int brief_forgotten_lang(const bg_brief *b, xmlNodePtr n, xmlNodePtr *beside, const char **missing);
/* Every text element under `node`: a forgotten xml:lang (error), an empty text (warning). */
void brief_check_texts(const checker *c, xmlNodePtr node);
/* A <ref> no <cite> names (warning). */
void brief_check_uncited(const checker *c, xmlNodePtr root);

#endif
