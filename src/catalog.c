/* catalog — see catalog.h.  Reading keeps the tree with every element's place in
 * the file (xmledit), so sync and new can write units the way the file already
 * writes them: the root's source and note are copied byte for byte (&#160; stays
 * &#160;), and new units take the indentation of their neighbours. */
#include "catalog.h"

#include "buf.h"
#include "diag.h"
#include "fileio.h"
#include "l10n.h"
#include "xlf.h"
#include "xmledit.h"

#include <errno.h>
#include <libxml/hash.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The `from` of the notes briefgen writes itself (plural categories). */
#define NOTE_FROM "briefgen"

struct bg_catalog {
    char *path;
    char *lang;
    int is_root;
    bg_xdoc *x;
    xmlNodePtr file, body; /* the first <file> and its first <body> */
    bg_cat_unit *units;
    int nunits, cap;
    xmlHashTablePtr ids;       /* id -> unit index + 1 */
    xmlHashTablePtr mentioned; /* every trans-unit id in the file, readable or not */
    int problems;
    char *format_id;
};

const char *bg_catalog_path(const bg_catalog *c) { return c->path; }
const char *bg_catalog_lang(const bg_catalog *c) { return c->lang; }
int bg_catalog_is_root(const bg_catalog *c) { return c->is_root; }
int bg_catalog_problems(const bg_catalog *c) { return c->problems; }
long bg_catalog_body_line(const bg_catalog *c) { return xmlGetLineNo(c->body); }
const char *bg_catalog_format_id(const bg_catalog *c) { return c->format_id; }

const bg_cat_unit *bg_catalog_units(const bg_catalog *c, int *n) {
    *n = c->nunits;
    return c->units;
}

const bg_cat_unit *bg_catalog_find(const bg_catalog *c, const char *id) {
    uintptr_t i = (uintptr_t)xmlHashLookup(c->ids, (const xmlChar *)id);
    return i ? &c->units[i - 1] : NULL;
}

int bg_catalog_mentions(const bg_catalog *c, const char *id) {
    return xmlHashLookup(c->mentioned, BAD_CAST id) != NULL;
}

void bg_catalog_free(bg_catalog *c) {
    if (!c)
        return;
    for (int i = 0; i < c->nunits; i++) {
        free(c->units[i].source_text);
        free(c->units[i].target_text);
    }
    free(c->units);
    xmlHashFree(c->ids, NULL);
    xmlHashFree(c->mentioned, NULL);
    bg_xdoc_free(c->x);
    free(c->format_id);
    free(c->path);
    free(c->lang);
    free(c);
}

/* ---- reading ------------------------------------------------------------------------ */

static const char *const xliff_states[] = {"final",
                                           "needs-adaptation",
                                           "needs-l10n",
                                           "needs-review-adaptation",
                                           "needs-review-l10n",
                                           "needs-review-translation",
                                           "needs-translation",
                                           "new",
                                           "signed-off",
                                           "translated",
                                           NULL};

int bg_catalog_state_needs_translation(const char *state) {
    return state && (strcmp(state, "new") == 0 || strcmp(state, "needs-translation") == 0 ||
                     strcmp(state, "needs-l10n") == 0 || strcmp(state, "needs-adaptation") == 0);
}

int bg_catalog_state_needs_review(const char *state) { return state && strncmp(state, "needs-review-", 13) == 0; }

static int valid_state(const char *state) {
    if (strncmp(state, "x-", 2) == 0 && state[2])
        return 1;
    for (int i = 0; xliff_states[i]; i++)
        if (strcmp(state, xliff_states[i]) == 0)
            return 1;
    return 0;
}

/* Read one <trans-unit>; 0, or -1 when it has a problem (reported). */
static int read_unit(bg_catalog *c, xmlNodePtr n, bg_cat_unit *u) {
    memset(u, 0, sizeof *u);
    u->node = n;
    u->line = xmlGetLineNo(n);
    u->id = bg_xlf_attr(n, "id");
    if (!u->id || !u->id[0]) {
        bg_error(c->path, u->line, "trans-unit without an id");
        return -1;
    }
    int sources = 0, targets = 0;
    u->source = bg_xlf_child(n, "source", &sources);
    u->target = bg_xlf_child(n, "target", &targets);
    for (xmlNodePtr k = n->children; k; k = k->next) {
        if (bg_xlf_is(k, "note")) {
            const char *from = bg_xlf_attr(k, "from");
            if (!from && !u->note)
                u->note = k;
            if (from && strcmp(from, NOTE_FROM) == 0)
                u->plural_note = 1;
        }
    }
    if (sources != 1 || targets > 1) {
        if (sources == 0)
            bg_error(c->path, u->line, "trans-unit '%s' has no <source>", u->id);
        else
            bg_error(c->path, u->line, "trans-unit '%s' has more than one <%s>", u->id,
                     sources > 1 ? "source" : "target");
        return -1;
    }
    if (!(u->source_text = bg_xlf_text(c->path, u->line, u->source, u->id)))
        return -1;
    if (u->target) {
        if (!(u->target_text = bg_xlf_text(c->path, u->line, u->target, u->id)))
            return -1;
        if (!u->target_text[0]) {
            free(u->target_text);
            u->target_text = NULL;
        }
        u->state = bg_xlf_attr(u->target, "state");
        if (u->state && !valid_state(u->state)) {
            bg_error(c->path, u->line,
                     "trans-unit '%s': state=\"%s\" is not an XLIFF 1.2 state (new, needs-translation, "
                     "translated, needs-review-translation, final, signed-off, …)",
                     u->id, u->state);
            return -1;
        }
    }
    return 0;
}

static void free_unit(bg_cat_unit *u) {
    free(u->source_text);
    free(u->target_text);
    memset(u, 0, sizeof *u);
}

/* Read trans-unit `n` into the catalogue `data` (a bg_catalog): its id is mentioned
 * even when the unit has a problem, and a unit with one is left out and counted.
 * -1 (stop the walk) only when out of memory. */
static int add_unit(xmlNodePtr n, void *data) {
    bg_catalog *c = data;
    if (c->nunits == c->cap) {
        int cap = c->cap ? 2 * c->cap : 64;
        bg_cat_unit *grown = realloc(c->units, (size_t)cap * sizeof *grown);
        if (!grown) {
            bg_error(c->path, 0, "out of memory");
            c->problems++;
            return -1;
        }
        c->units = grown;
        c->cap = cap;
    }
    bg_cat_unit *u = &c->units[c->nunits];
    const char *id = bg_xlf_attr(n, "id");
    if (id)
        xmlHashAddEntry(c->mentioned, BAD_CAST id, (void *)1);
    if (read_unit(c, n, u) != 0) {
        free_unit(u);
        c->problems++;
        return 0;
    }
    uintptr_t first = (uintptr_t)xmlHashLookup(c->ids, BAD_CAST u->id);
    if (first) {
        bg_error(c->path, u->line, "duplicate trans-unit id '%s' (first at line %ld)", u->id, c->units[first - 1].line);
        free_unit(u);
        c->problems++;
        return 0;
    }
    c->nunits++;
    xmlHashAddEntry(c->ids, BAD_CAST u->id, (void *)(uintptr_t)c->nunits);
    return 0;
}

bg_catalog *bg_catalog_load(const char *dir, const char *lang) {
    bg_catalog *c = calloc(1, sizeof *c);
    bg_buf path = {0};
    bg_buf_printf(&path, "%s%s%s.xlf", dir, dir[0] && dir[strlen(dir) - 1] != '/' ? "/" : "", lang);
    if (!c || !(c->path = bg_buf_take(&path)) || !(c->lang = strdup(lang)) || !(c->ids = xmlHashCreate(64)) ||
        !(c->mentioned = xmlHashCreate(64))) {
        bg_buf_free(&path);
        bg_catalog_free(c);
        bg_error(NULL, 0, "out of memory");
        return NULL;
    }
    c->is_root = strcmp(lang, BG_CATALOG_ROOT) == 0;
    if (!(c->x = bg_xdoc_load(c->path))) {
        bg_catalog_free(c);
        return NULL;
    }
    xmlNodePtr top = xmlDocGetRootElement(bg_xdoc_doc(c->x));
    const char *version = top ? bg_xlf_attr(top, "version") : NULL;
    if (top && !bg_xlf_is(top, "xliff") && xmlStrEqual(top->name, BAD_CAST "xliff") && version &&
        strcmp(version, "1.2") != 0) {
        bg_error(c->path, xmlGetLineNo(top), "XLIFF version '%s' is not supported; expected version=\"1.2\"", version);
        bg_catalog_free(c);
        return NULL;
    }
    if (!bg_xlf_is(top, "xliff")) {
        bg_error(c->path, top ? xmlGetLineNo(top) : 0,
                 "not an XLIFF 1.2 file: the root element should be <xliff xmlns=\"" BG_XLF_NS "\">");
        bg_catalog_free(c);
        return NULL;
    }
    if (!version || strcmp(version, "1.2") != 0) {
        bg_error(c->path, xmlGetLineNo(top), "XLIFF version '%s' is not supported; expected version=\"1.2\"",
                 version ? version : "(none)");
        bg_catalog_free(c);
        return NULL;
    }
    for (xmlNodePtr f = top->children; f; f = f->next) {
        if (!bg_xlf_is(f, "file"))
            continue;
        const char *target_lang = bg_xlf_attr(f, "target-language");
        if (!c->is_root && target_lang && !bg_l10n_same_language(target_lang, lang))
            bg_warn(c->path, xmlGetLineNo(f),
                    "<file target-language=\"%s\">, but this is the file for \"%s\" (was it copied from another "
                    "language?)",
                    target_lang, lang);
        if (!c->file)
            c->file = f;
        for (xmlNodePtr b = f->children; b; b = b->next) {
            if (!bg_xlf_is(b, "body"))
                continue;
            if (!c->body)
                c->body = b;
            bg_xlf_each_unit(b, add_unit, c);
        }
    }
    if (!c->body) {
        bg_error(c->path, xmlGetLineNo(top),
                 "no <file> with a <body>: an XLIFF 1.2 file holds its trans-units in "
                 "<file …><body>…</body></file>");
        bg_catalog_free(c);
        return NULL;
    }

    const bg_cat_unit *fmt = bg_catalog_find(c, BG_CATALOG_FORMAT_KEY);
    const char *text = fmt ? (c->is_root ? fmt->source_text : fmt->target_text) : NULL;
    c->format_id = text ? bg_trimmed(text) : NULL;
    if (c->format_id && !c->format_id[0]) {
        free(c->format_id);
        c->format_id = NULL;
    }
    if (!c->format_id && !(c->format_id = strdup(lang))) {
        bg_error(NULL, 0, "out of memory");
        bg_catalog_free(c);
        return NULL;
    }
    return c;
}

/* ---- writing units ----------------------------------------------------------------- */

/* The content of `el` as the file writes it (references and all). */
static void add_raw_content(bg_buf *b, const bg_xdoc *x, const xmlNode *el) {
    bg_xspan s;
    if (el && bg_xdoc_span(x, el, &s) == 0)
        bg_buf_add(b, bg_xdoc_bytes(x, NULL) + s.open_end, s.close_start - s.open_end);
}

/* Whether the root message of `u` has plural and ordinal arguments.  The root's
 * own problems are `l10n check`'s to report, so this asks quietly. */
static void plural_kinds(const bg_catalog *root, const bg_cat_unit *u, int *cardinal, int *ordinal) {
    *cardinal = *ordinal = 0;
    bg_diag_capture quiet;
    bg_diag_capture_begin(&quiet);
    bg_msg_shape *shape = bg_l10n_message_shape(root->path, u->line, u->id, u->source_text, root->format_id);
    bg_diag_capture_end();
    bg_diag_capture_free(&quiet);
    for (int i = 0; shape && i < shape->nargs; i++) {
        *cardinal |= shape->args[i].kind == BG_MSG_PLURAL;
        *ordinal |= shape->args[i].kind == BG_MSG_SELECTORDINAL;
    }
    bg_msg_shape_free(shape);
}

/* "one (1), few (2–4, 22–24, …), many (…) and other (0.5, 1.5, …)" for `locale`. */
static void add_categories(bg_buf *b, const char *locale, int ordinal) {
    char **cats = bg_l10n_plural_categories(locale, ordinal);
    int n = 0;
    while (cats && cats[n])
        n++;
    for (int i = 0; i < n; i++) {
        char *ex = bg_l10n_plural_examples(locale, ordinal, cats[i]);
        bg_buf_printf(b, "%s%s", i == 0 ? "" : i == n - 1 ? " and " : ", ", cats[i]);
        if (ex && ex[0])
            bg_buf_printf(b, " (%s)", ex);
        free(ex);
    }
    bg_l10n_strings_free(cats);
}

/* The note briefgen puts on a plural message: which cases `lang` needs. */
static void add_plural_note(bg_buf *b, const char *indent, const char *lang, const char *locale, int cardinal,
                            int ordinal) {
    int known;
    char *name = bg_l10n_language_name(lang, &known);
    bg_buf note = {0};
    if (cardinal) {
        bg_buf_printf(&note, "Plural message: %s needs the cases ", name ? name : lang);
        add_categories(&note, locale, 0);
        bg_buf_printf(&note, ", by ICU's plural rules for %s.", locale);
    }
    if (ordinal) {
        bg_buf_printf(&note, "%sOrdinal (selectordinal): %s needs the cases ", cardinal ? " " : "", name ? name : lang);
        add_categories(&note, locale, 1);
        bg_buf_printf(&note, ", by ICU's ordinal rules for %s.", locale);
    }
    free(name);
    bg_buf_printf(b, "%s<note from=\"" NOTE_FROM "\">", indent);
    if (note.s)
        bg_buf_add_xml(b, note.s, note.len, 0);
    bg_buf_puts(b, "</note>");
    bg_buf_free(&note);
}

/* A new unit for root unit `r`: `sep` starts its line, `inner` each child's. */
static void add_new_unit(bg_buf *b, const bg_catalog *root, const bg_cat_unit *r, const char *sep, const char *inner,
                         const char *lang, const char *locale) {
    bg_buf_printf(b, "%s<trans-unit id=\"", sep);
    bg_buf_add_xml(b, r->id, strlen(r->id), 1);
    bg_buf_printf(b, "\">%s<source>", inner);
    add_raw_content(b, root->x, r->source);
    bg_buf_printf(b, "</source>%s<target state=\"new\"/>", inner);
    if (r->note) {
        bg_buf_printf(b, "%s<note>", inner);
        add_raw_content(b, root->x, r->note);
        bg_buf_puts(b, "</note>");
    }
    int cardinal, ordinal;
    plural_kinds(root, r, &cardinal, &ordinal);
    if (cardinal || ordinal)
        add_plural_note(b, inner, lang, locale, cardinal, ordinal);
    bg_buf_printf(b, "%s</trans-unit>", sep);
}

/* The text of the note `el` (NULL: none), for comparing. */
static char *note_text(const xmlNode *el) { return el ? (char *)xmlNodeGetContent(el) : NULL; }

static int same_note(const xmlNode *a, const xmlNode *b) {
    char *ta = note_text(a), *tb = note_text(b);
    int same = (!ta && !tb) || (ta && tb && strcmp(ta, tb) == 0);
    xmlFree(ta);
    xmlFree(tb);
    return same;
}

/* Write `len` bytes as catalogue `path`, after checking they still read as XML. */
static int write_checked(const char *path, const char *bytes, size_t len) {
    bg_xdoc *check = bg_xdoc_parse(bytes, len, path);
    if (!check) {
        bg_error(path, 0, "internal error: the updated file would not be well-formed; it is left as it was");
        return -1;
    }
    bg_xdoc_free(check);
    return bg_write_atomic(path, bytes, len);
}

int bg_catalog_sync(const bg_catalog *c, const bg_catalog *root, bg_sync_result *r) {
    memset(r, 0, sizeof *r);
    if (c->problems) {
        bg_error(c->path, 0, "not synchronised: fix the problem%s above first", c->problems == 1 ? "" : "s");
        return -1;
    }
    bg_xedits *e = bg_xedits_new();
    if (!e) {
        bg_error(NULL, 0, "out of memory");
        return -1;
    }
    int failed = 0;
    /* Reworded, removed, notes. */
    for (int i = 0; i < c->nunits; i++) {
        const bg_cat_unit *u = &c->units[i];
        const bg_cat_unit *ru = bg_catalog_find(root, u->id);
        if (!ru) {
            failed |= bg_xedit_remove(e, c->x, u->node);
            r->removed++;
            continue;
        }
        if (strcmp(u->source_text, ru->source_text) != 0) {
            bg_buf src = {0};
            add_raw_content(&src, root->x, ru->source);
            failed |= bg_xedit_set_content(e, c->x, u->source, src.s ? src.s : "");
            bg_buf_free(&src);
            if (u->target_text) {
                failed |= bg_xedit_set_attr(e, c->x, u->target, "state", "needs-review-translation");
                failed |= bg_xedit_set_attr(e, c->x, u->node, "approved", "no");
                r->review++;
            }
            r->reworded++;
        }
        if (ru->note && !same_note(u->note, ru->note)) {
            bg_buf note = {0};
            if (u->note) {
                add_raw_content(&note, root->x, ru->note);
                failed |= bg_xedit_set_content(e, c->x, u->note, note.s ? note.s : "");
            } else {
                bg_xdoc_line_start(c->x, u->source, &note);
                bg_buf_puts(&note, "<note>");
                add_raw_content(&note, root->x, ru->note);
                bg_buf_puts(&note, "</note>");
                failed |= bg_xedit_insert_after(e, c->x, u->target ? u->target : u->source, 0, note.s);
            }
            bg_buf_free(&note);
            r->notes++;
        }
    }
    /* Added: each after the unit of the key before it in en.xlf, or first in <body>. */
    bg_buf sep = {0}, inner = {0};
    if (c->nunits > 0) {
        bg_xdoc_line_start(c->x, c->units[0].node, &sep);
        bg_xdoc_line_start(c->x, c->units[0].source, &inner);
    } else {
        bg_xdoc_line_start(c->x, c->body, &sep);
        bg_buf_puts(&sep, "  ");
    }
    if (!inner.s || inner.len <= sep.len) {
        bg_buf_free(&inner);
        bg_buf_printf(&inner, "%s  ", sep.s ? sep.s : "\n");
    }
    const xmlNode *anchor = NULL;
    for (int i = 0; i < root->nunits && !failed; i++) {
        const bg_cat_unit *ru = &root->units[i];
        const bg_cat_unit *u = bg_catalog_find(c, ru->id);
        if (u) {
            anchor = u->node;
            continue;
        }
        bg_buf unit = {0};
        add_new_unit(&unit, root, ru, sep.s ? sep.s : "\n", inner.s ? inner.s : "\n", c->lang, c->format_id);
        if (unit.failed)
            failed = -1;
        else
            failed |= bg_xedit_insert_after(e, c->x, anchor ? anchor : c->body, anchor == NULL, unit.s);
        bg_buf_free(&unit);
        r->added++;
    }
    bg_buf_free(&sep);
    bg_buf_free(&inner);

    int rc = failed ? -1 : 0;
    if (rc == 0 && bg_xedits_count(e) > 0) {
        size_t len = 0;
        char *bytes = bg_xedits_apply(e, c->x, &len);
        rc = bytes ? write_checked(c->path, bytes, len) : -1;
        free(bytes);
    }
    bg_xedits_free(e);
    return rc;
}

int bg_catalog_create(const char *dir, const char *lang, const bg_catalog *root) {
    bg_buf path = {0};
    bg_buf_printf(&path, "%s%s%s.xlf", dir, dir[0] && dir[strlen(dir) - 1] != '/' ? "/" : "", lang);
    if (path.failed) {
        bg_error(NULL, 0, "out of memory");
        return -1;
    }
    struct stat st;
    if (stat(path.s, &st) == 0) {
        bg_error(path.s, 0, "already exists; 'briefgen l10n sync' brings it up to date with en.xlf");
        bg_buf_free(&path);
        return -1;
    }
    int known;
    char *name = bg_l10n_language_name(lang, &known);
    if (!known)
        bg_warn(NULL, 0, "ICU knows no language '%s': its dates, numbers and plural rules will be ICU's defaults",
                lang);
    char **cats = bg_l10n_plural_categories(lang, 0);
    bg_buf out = {0};
    bg_buf_puts(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- ");
    bg_buf_add_xml(&out, name ? name : lang, strlen(name ? name : lang), 0);
    bg_buf_printf(&out, " messages (%s), begun with 'briefgen l10n new %s' from en.xlf.\n", lang, lang);
    bg_buf_puts(&out, "     Translate each <target>, then set its state=\"translated\" and its trans-unit's\n"
                      "     approved=\"yes\"; check your work with 'briefgen l10n check'.\n"
                      "     Plural messages need the cases");
    for (int i = 0; cats && cats[i]; i++)
        bg_buf_printf(&out, "%s%s", i == 0 ? " " : cats[i + 1] ? ", " : " and ", cats[i]);
    bg_buf_puts(&out, ".\n     docs/translating.md explains the rest. -->\n");
    bg_buf_puts(&out, "<xliff version=\"1.2\" xmlns=\"" BG_XLF_NS "\">\n  <file original=\"");
    const char *original = bg_xlf_attr(root->file, "original"), *datatype = bg_xlf_attr(root->file, "datatype");
    bg_buf_add_xml(&out, original ? original : "briefgen", strlen(original ? original : "briefgen"), 1);
    bg_buf_puts(&out, "\" datatype=\"");
    bg_buf_add_xml(&out, datatype ? datatype : "plaintext", strlen(datatype ? datatype : "plaintext"), 1);
    bg_buf_puts(&out, "\" source-language=\"en\" target-language=\"");
    bg_buf_add_xml(&out, lang, strlen(lang), 1);
    bg_buf_puts(&out, "\">\n    <body>");
    for (int i = 0; i < root->nunits; i++)
        add_new_unit(&out, root, &root->units[i], "\n      ", "\n        ", lang, lang);
    bg_buf_puts(&out, "\n    </body>\n  </file>\n</xliff>\n");
    free(name);
    bg_l10n_strings_free(cats);
    int rc = -1;
    if (out.failed)
        bg_error(NULL, 0, "out of memory");
    else
        rc = write_checked(path.s, out.s, out.len);
    bg_buf_free(&out);
    bg_buf_free(&path);
    return rc;
}
