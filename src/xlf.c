/* xlf — see xlf.h. */
#include "xlf.h"

#include "buf.h"
#include "diag.h"

#include <stdlib.h>

int bg_xlf_is(const xmlNode *n, const char *name) {
    return n && n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST BG_XLF_NS) &&
           (!name || xmlStrEqual(n->name, BAD_CAST name));
}

const char *bg_xlf_attr(const xmlNode *n, const char *name) {
    xmlAttrPtr a = xmlHasNsProp(n, BAD_CAST name, NULL);
    return a && a->children && a->children->content ? (const char *)a->children->content : NULL;
}

xmlNodePtr bg_xlf_child(const xmlNode *n, const char *name, int *count) {
    xmlNodePtr first = NULL;
    int seen = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (!bg_xlf_is(c, name))
            continue;
        if (!first)
            first = c;
        seen++;
    }
    if (count)
        *count = seen;
    return first;
}

/* Recursive: groups nest no deeper than the parser's own depth limit allows. */
int bg_xlf_each_unit(const xmlNode *parent, bg_xlf_unit_fn fn, void *data) {
    for (xmlNodePtr n = parent->children; n; n = n->next) {
        int rc = 0;
        if (bg_xlf_is(n, "group"))
            rc = bg_xlf_each_unit(n, fn, data);
        else if (bg_xlf_is(n, "trans-unit"))
            rc = fn(n, data);
        if (rc != 0)
            return rc;
    }
    return 0;
}

char *bg_xlf_text(const char *path, long line, const xmlNode *el, const char *id) {
    bg_buf b = {0};
    for (const xmlNode *k = el->children; k; k = k->next) {
        if (k->type == XML_ELEMENT_NODE) {
            bg_error(path, line, "message '%s' contains markup <%s>; write plain text", id, (const char *)k->name);
            bg_buf_free(&b);
            return NULL;
        }
        if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content)
            bg_buf_puts(&b, (const char *)k->content);
    }
    char *s = bg_buf_take(&b);
    if (!s)
        bg_error(path, line, "out of memory");
    return s;
}
