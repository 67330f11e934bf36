/* textunits — see textunits.h. */
#include "textunits.h"

#include "buf.h"
#include "diag.h"

#include <libxml/hash.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Elements the vocabulary (schema/brief.rng) allows at most once in their parent:
 * a path names them without a position. */
static int is_single(const xmlNode *el) {
    static const char *const names[] = {
        "meta",     "summary",   "municipalities", "findings", "cases", "recommendations", "references", "keywords",
        "evidence", "challenge", "response",       "result",   NULL};
    for (int i = 0; names[i]; i++)
        if (xmlStrEqual(el->name, BAD_CAST names[i]))
            return 1;
    return 0;
}

static const char *id_of(const xmlNode *el) {
    xmlAttrPtr a = xmlHasNsProp(el, BAD_CAST "id", NULL);
    return a && a->children && a->children->content && a->children->content[0] ? (const char *)a->children->content
                                                                               : NULL;
}

static int same_name(const xmlNode *a, const xmlNode *b) {
    return a->type == XML_ELEMENT_NODE && b->type == XML_ELEMENT_NODE && xmlStrEqual(a->name, b->name) &&
           a->ns == b->ns;
}

/* The path of element `el` (not a unit member) down from the nearest element with
 * an id, into `b`: "f-water/evidence", "meta/person[2]".  Nothing for the root. */
static void add_element_path(bg_buf *b, const xmlNode *el) {
    if (!el || el->type != XML_ELEMENT_NODE || !el->parent || el->parent->type != XML_ELEMENT_NODE)
        return; /* the brief itself */
    const char *id = id_of(el);
    if (id) {
        bg_buf_puts(b, id);
        return;
    }
    size_t before = b->len;
    add_element_path(b, el->parent);
    if (b->len > before)
        bg_buf_puts(b, "/");
    bg_buf_puts(b, (const char *)el->name);
    if (!is_single(el)) {
        int pos = 1;
        for (const xmlNode *s = el->prev; s; s = s->prev)
            pos += same_name(s, el);
        bg_buf_printf(b, "[%d]", pos);
    }
}

typedef struct collector {
    const char *source_lang;
    bg_text_units *out;
    int cap;
    xmlHashTablePtr counts; /* "parent-address name" -> units of that name so far, as a pointer */
    int failed;
} collector;

static void collect(const bg_unit *u, void *ctx) {
    collector *c = ctx;
    if (c->failed)
        return;
    const xmlNode *first = u->member[0];
    char key[64 + 256];
    snprintf(key, sizeof key, "%p %s", (const void *)first->parent, (const char *)first->name);
    uintptr_t pos = (uintptr_t)xmlHashLookup(c->counts, BAD_CAST key) + 1;
    if (xmlHashUpdateEntry(c->counts, BAD_CAST key, (void *)pos, NULL) != 0) {
        c->failed = 1;
        return;
    }

    if (c->out->n == c->cap) {
        int cap = c->cap ? 2 * c->cap : 64;
        bg_text_unit *grown = realloc(c->out->v, (size_t)cap * sizeof *grown);
        if (!grown) {
            c->failed = 1;
            return;
        }
        c->out->v = grown;
        c->cap = cap;
    }
    bg_buf id = {0};
    add_element_path(&id, first->parent);
    bg_buf_printf(&id, "%s%s[%lu]", id.len ? "/" : "", (const char *)first->name, (unsigned long)pos);
    bg_text_unit *t = &c->out->v[c->out->n];
    memset(t, 0, sizeof *t);
    t->unit = *u;
    if (!(t->id = bg_buf_take(&id))) {
        c->failed = 1;
        return;
    }
    t->source = bg_text_unit_member(t, c->source_lang);
    c->out->n++;
}

int bg_text_units_collect(xmlNodePtr root, const char *source_lang, bg_text_units *out) {
    memset(out, 0, sizeof *out);
    collector c = {source_lang, out, 0, xmlHashCreate(64), 0};
    if (c.counts)
        bg_brief_each_unit(root, collect, &c);
    xmlHashFree(c.counts, NULL);
    if (!c.counts || c.failed) {
        bg_text_units_free(out);
        bg_error(NULL, 0, "out of memory");
        return -1;
    }
    return 0;
}

void bg_text_units_free(bg_text_units *units) {
    for (int i = 0; units && i < units->n; i++)
        free(units->v[i].id);
    if (units) {
        free(units->v);
        memset(units, 0, sizeof *units);
    }
}

xmlNodePtr bg_text_unit_member(const bg_text_unit *u, const char *lang) {
    for (int i = 0; i < u->unit.n; i++)
        if (xmlStrcasecmp(bg_node_lang(u->unit.member[i]), BAD_CAST lang) == 0)
            return u->unit.member[i];
    return NULL;
}

char *bg_text_plain(const xmlNode *el) {
    char *raw = (char *)xmlNodeGetContent(el);
    bg_buf b = {0};
    int space = 0;
    for (const char *p = raw ? raw : ""; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            space = b.len > 0;
            continue;
        }
        if (space)
            bg_buf_add(&b, " ", 1);
        space = 0;
        bg_buf_add(&b, p, 1);
    }
    xmlFree(raw);
    return bg_buf_take(&b);
}

/* The title (or name) of `el` in the source language, shortened for a path. */
static char *title_of(const xmlNode *el, const char *source_lang) {
    const xmlNode *best = NULL;
    if (xmlStrEqual(el->name, BAD_CAST "meta"))
        return NULL; /* its title is the brief's */
    for (const xmlNode *k = el->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE ||
            !(xmlStrEqual(k->name, BAD_CAST "title") || xmlStrEqual(k->name, BAD_CAST "name")))
            continue;
        const xmlChar *lang = bg_node_lang(k);
        if (!lang || xmlStrcasecmp(lang, BAD_CAST source_lang) == 0) {
            best = k;
            break;
        }
    }
    if (!best)
        return NULL;
    char *t = bg_text_plain(best);
    if (t && strlen(t) > 60) { /* cut at a character boundary */
        size_t n = 57;
        while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
            n--;
        strcpy(t + n, "…"); // NOLINT(clang-analyzer-security.insecureAPI.strcpy): 57 + 3 bytes of the 61+
    }
    return t;
}

char *bg_text_context(const xmlNode *el, const char *source_lang) {
    const xmlNode *chain[64];
    int n = 0;
    for (const xmlNode *a = el ? el->parent : NULL;
         a && a->type == XML_ELEMENT_NODE && a->parent && a->parent->type == XML_ELEMENT_NODE && n < 64; a = a->parent)
        chain[n++] = a;
    bg_buf b = {0};
    for (int i = n - 1; i >= 0; i--) {
        if (b.len)
            bg_buf_puts(&b, " › ");
        char *title = title_of(chain[i], source_lang);
        const char *id = id_of(chain[i]);
        if (title && title[0]) {
            bg_buf_puts(&b, title);
        } else if (id) {
            bg_buf_puts(&b, id);
        } else {
            char first[2] = {(char)(chain[i]->name[0] >= 'a' && chain[i]->name[0] <= 'z' ? chain[i]->name[0] - 32
                                                                                         : chain[i]->name[0]),
                             0};
            bg_buf_puts(&b, first);
            bg_buf_puts(&b, (const char *)chain[i]->name + 1);
        }
        free(title);
    }
    return bg_buf_take(&b);
}

const char *bg_text_kind(const xmlNode *el) {
    static const char *const kinds[][2] = {
        {"p", "paragraph"},       {"item", "list item"},     {"title", "title"},    {"short-title", "short title"},
        {"subtitle", "subtitle"}, {"series", "series name"}, {"name", "name"},      {"role", "role"},
        {"keyword", "keyword"},   {"note", "note"},          {"text", "reference"}, {NULL, NULL}};
    for (int i = 0; kinds[i][0]; i++)
        if (xmlStrEqual(el->name, BAD_CAST kinds[i][0]))
            return kinds[i][1];
    return (const char *)el->name;
}
