/* brief_warn — the semantic checks for what would be published wrong without a word:
 * a forgotten xml:lang, an empty text, a reference never cited, a text copied into
 * another language.  See brief_impl.h; called from bg_brief_validate (brief.c). */
#include "brief_impl.h"

#include <libxml/hash.h>
#include <stdlib.h>
#include <string.h>

xmlNodePtr brief_prev_element(xmlNodePtr n) {
    for (n = n ? n->prev : NULL; n && n->type != XML_ELEMENT_NODE; n = n->prev)
        ;
    return n;
}

/* Elements that may stand without xml:lang beside translated siblings of their name,
 * being each one of its own: a number or a name in a row of cells, an acronym among
 * keywords (docs/format.md, "Language-neutral text"). */
static int neutral_by_design(const xmlNode *n) { return is_ours(n, "cell") || is_ours(n, "keyword"); }

/* The sibling of `n` just before (`forward` 0) or after it that has n's name and
 * xml:lang, or NULL. */
static xmlNodePtr translated_beside(xmlNodePtr n, int forward) {
    xmlNodePtr s = forward ? next_element(n) : brief_prev_element(n);
    return s && xmlStrEqual(s->name, n->name) && s->ns == n->ns && bg_node_lang(s) ? s : NULL;
}

/* Add to `u` the run of siblings of `n`'s name with xml:lang that starts beside it,
 * before it (`forward` 0) or after it, up to a language `u` already has. */
static void add_run(bg_unit *u, xmlNodePtr n, int forward) {
    for (xmlNodePtr s = translated_beside(n, forward); s && u->n < BG_UNIT_MAX;) {
        for (int i = 0; i < u->n; i++)
            if (xmlStrcasecmp(bg_node_lang(u->member[i]), bg_node_lang(s)) == 0)
                return;
        u->member[u->n++] = s;
        xmlNodePtr t = forward ? next_element(s) : brief_prev_element(s);
        s = t && t->ns == n->ns && xmlStrEqual(t->name, n->name) && bg_node_lang(t) ? t : NULL;
    }
}

/* An element without xml:lang beside siblings of its name that have one is a text
 * whose language was forgotten, unless it is neutral by design or the siblings on
 * either side already have all the brief's languages (then it may be a neutral text
 * on purpose: nothing is dropped).  Return how many of the brief's languages those
 * siblings lack (0: not a forgotten language), with one of them in `*missing` and
 * the nearest sibling in `*beside`. */
int brief_forgotten_lang(const bg_brief *b, xmlNodePtr n, xmlNodePtr *beside, const char **missing) {
    *beside = NULL;
    *missing = NULL;
    if (!n || is_inline(n) || bg_node_lang(n) || neutral_by_design(n))
        return 0;
    bg_unit u = {.n = 0};
    add_run(&u, n, 0);
    add_run(&u, n, 1);
    if (!u.n)
        return 0;
    *beside = u.member[0];
    int nmissing = 0;
    for (int l = 0; l < b->nlangs; l++) {
        int has = 0;
        for (int i = 0; i < u.n; i++)
            has |= xmlStrcasecmp(bg_node_lang(u.member[i]), BAD_CAST b->langs[l]) == 0;
        if (!has) {
            *missing = b->langs[l];
            nmissing++;
        }
    }
    return nmissing;
}

/* An error at an element whose language was forgotten (brief_forgotten_lang): resolving
 * would drop it and say its language is missing.  The language the siblings lack
 * is suggested when exactly one is. */
static void check_forgotten_lang(const checker *c, xmlNodePtr n) {
    xmlNodePtr beside;
    const char *missing;
    int nmissing = brief_forgotten_lang(c->b, n, &beside, &missing);
    if (!nmissing || refused(c, bg_node_line(n)))
        return;
    const char *langs = attr(xmlDocGetRootElement(c->b->doc), "langs");
    if (nmissing == 1)
        bg_error(c->b->path, bg_node_line(n),
                 "<%s> has no xml:lang, but the <%s> beside it (line %ld) has xml:lang=\"%s\": write "
                 "xml:lang=\"%s\" (the brief's languages are %s)",
                 (const char *)n->name, (const char *)n->name, bg_node_line(beside), (const char *)bg_node_lang(beside),
                 missing, langs ? langs : "");
    else
        bg_error(c->b->path, bg_node_line(n),
                 "<%s> has no xml:lang, but the <%s> beside it (line %ld) has xml:lang=\"%s\": write its language "
                 "in xml:lang (the brief's languages are %s)",
                 (const char *)n->name, (const char *)n->name, bg_node_line(beside), (const char *)bg_node_lang(beside),
                 langs ? langs : "");
}

/* The elements that hold a text a reader sees (the translatable elements of
 * docs/format.md, "Languages"). */
static int is_text_element(const xmlNode *n) {
    static const char *const names[] = {"title", "short-title", "subtitle", "series",  "name", "given", "family",
                                        "role",  "place",       "keyword",  "caption", "alt",  "p",     "item",
                                        "cell",  "source",      "note",     "text",    NULL};
    for (int i = 0; names[i]; i++)
        if (is_ours(n, names[i]))
            return 1;
    return 0;
}

/* 1 when `n` holds no element and no text but white space. */
static int is_blank(const xmlNode *n) {
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type == XML_ELEMENT_NODE)
            return 0;
        if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content &&
            k->content[strspn((const char *)k->content, " \t\r\n")])
            return 0;
    }
    return 1;
}

/* A warning at `n` when it holds a text a reader sees and that text is empty: the
 * outputs would show a blank heading, paragraph or cell. */
static void check_empty(const checker *c, xmlNodePtr n) {
    if (!is_text_element(n) || !is_blank(n) || refused(c, bg_node_line(n)))
        return;
    const xmlChar *lang = bg_node_lang(n);
    if (lang)
        bg_warn(c->b->path, bg_node_line(n), "<%s xml:lang=\"%s\"> is empty; write its text or remove it",
                (const char *)n->name, (const char *)lang);
    else
        bg_warn(c->b->path, bg_node_line(n), "<%s> is empty; write its text or remove it", (const char *)n->name);
}

/* Forgotten languages and empty texts anywhere under `node`. */
void brief_check_texts(const checker *c, xmlNodePtr node) {
    for (xmlNodePtr n = first_element(node); n; n = next_element(n)) {
        if (!is_inline(n) && !bg_node_lang(n) && !neutral_by_design(n))
            check_forgotten_lang(c, n);
        check_empty(c, n);
        brief_check_texts(c, n);
    }
}

static void collect_cited(xmlHashTablePtr cited, xmlNodePtr node) {
    for (xmlNodePtr n = first_element(node); n; n = next_element(n)) {
        const char *ref = is_ours(n, "cite") ? attr(n, "ref") : NULL;
        if (ref && !xmlHashLookup(cited, BAD_CAST ref))
            xmlHashAddEntry(cited, BAD_CAST ref, n);
        collect_cited(cited, n);
    }
}

/* 1 when a <?briefgen-placeholder?> stands anywhere under `node`. */
static int has_placeholder(const xmlNode *node) {
    for (const xmlNode *n = node->children; n; n = n->next)
        if ((n->type == XML_PI_NODE && xmlStrEqual(n->name, BAD_CAST BG_BRIEF_PLACEHOLDER)) ||
            (n->type == XML_ELEMENT_NODE && has_placeholder(n)))
            return 1;
    return 0;
}

/* A warning at each reference no <cite> names: a bibliography entry the text never
 * points to is a leftover or a forgotten citation.  A reference still a placeholder
 * of briefgen new is left to the placeholder warning. */
void brief_check_uncited(const checker *c, xmlNodePtr root) {
    xmlHashTablePtr cited = xmlHashCreate(16);
    if (!cited)
        return;
    collect_cited(cited, root);
    for (xmlNodePtr part = first_element(root); part; part = next_element(part)) {
        if (!is_ours(part, "references"))
            continue;
        for (xmlNodePtr r = first_element(part); r; r = next_element(r)) {
            const char *id = is_ours(r, "ref") ? attr(r, "id") : NULL;
            /* a duplicate id is said already, and cites name the first */
            if (id && xmlHashLookup(c->ids, BAD_CAST id) == r && !xmlHashLookup(cited, BAD_CAST id) &&
                !has_placeholder(r) && !refused(c, bg_node_line(r)))
                bg_warn(c->b->path, bg_node_line(r),
                        "<ref id=\"%s\">: never cited; cite it with <cite ref=\"%s\"/> or remove it", id, id);
        }
    }
    xmlHashFree(cited, NULL);
}

/* Texts the same in every language by design: names (of people, organisations,
 * municipalities, networks, places) and a reference's text, which cites a work by
 * its own title. */
static int same_by_design(const xmlNode *n) {
    return is_ours(n, "name") || is_ours(n, "given") || is_ours(n, "family") || is_ours(n, "place") ||
           (is_ours(n, "text") && is_ours(n->parent, "ref"));
}

/* The text of `n` with white space runs made one space, trimmed; its number of words
 * and whether it has a letter (ASCII, or any character from U+00C0 up that is not
 * punctuation or a symbol: Latin, Greek, Cyrillic …).  Caller frees. */
static char *normalised_text(const xmlNode *n, int *words, int *letters) {
    xmlChar *text = xmlNodeGetContent(n);
    char *out = text ? malloc((size_t)xmlStrlen(text) + 1) : NULL;
    *words = 0;
    *letters = 0;
    if (!out) {
        xmlFree(text);
        return NULL;
    }
    size_t o = 0;
    int space = 1;
    for (const xmlChar *p = text; *p;) {
        if (strchr(" \t\r\n", *p)) {
            space = 1;
            p++;
            continue;
        }
        if (space) {
            if (o)
                out[o++] = ' ';
            (*words)++;
            space = 0;
        }
        int len = 4;
        int cp = xmlGetUTF8Char(p, &len);
        if (cp < 0 || len < 1)
            len = 1;
        else if ((cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) ||
                 (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF)))
            *letters = 1;
        memcpy(out + o, p, (size_t)len);
        o += (size_t)len;
        p += len;
    }
    out[o] = '\0';
    xmlFree(text);
    return out;
}

/* Fewer words than this are not compared: a short text (a title such as "Irpin",
 * "COVID-19 response") may well be the same in two languages. */
#define UNTRANSLATED_MIN_WORDS 3

/* A warning at a member of unit `u` whose text is word for word another member's:
 * most likely a paragraph copied to be translated and never translated. */
void brief_check_untranslated(const checker *c, const bg_unit *u) {
    if (u->n < 2 || same_by_design(u->member[0]))
        return;
    char *text[BG_UNIT_MAX] = {NULL};
    for (int i = 0; i < u->n; i++) {
        int words, letters;
        text[i] = normalised_text(u->member[i], &words, &letters);
        if (text[i] && (words < UNTRANSLATED_MIN_WORDS || !letters)) {
            free(text[i]);
            text[i] = NULL;
        }
    }
    for (int j = 1; j < u->n; j++) {
        for (int i = 0; i < j && text[j]; i++) {
            if (!text[i] || strcmp(text[i], text[j]) != 0 || refused(c, bg_node_line(u->member[j])))
                continue;
            bg_warn(c->b->path, bg_node_line(u->member[j]),
                    "<%s xml:lang=\"%s\"> is word for word the <%s xml:lang=\"%s\"> of line %ld: translate it, or "
                    "write it once without xml:lang if it is the same in every language",
                    (const char *)u->member[j]->name, (const char *)bg_node_lang(u->member[j]),
                    (const char *)u->member[i]->name, (const char *)bg_node_lang(u->member[i]),
                    bg_node_line(u->member[i]));
            break;
        }
    }
    for (int i = 0; i < u->n; i++)
        free(text[i]);
}

int bg_brief_is_copy(const xmlNode *source, const xmlNode *member) {
    if (!source || !member || same_by_design(source))
        return 0;
    int words, letters, w2, l2;
    char *a = normalised_text(source, &words, &letters), *b = normalised_text(member, &w2, &l2);
    int copy = a && b && words >= UNTRANSLATED_MIN_WORDS && letters && strcmp(a, b) == 0;
    free(a);
    free(b);
    return copy;
}
