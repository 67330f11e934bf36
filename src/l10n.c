/* l10n — the catalogue set: locale files (DIR/LANG.xlf, XLIFF 1.2 read through xlf)
 * loaded on first request, checked as a whole (every problem reported with its line
 * before the load gives up), every message opened with ICU at load, and the keys a
 * locale lacks noted as falling back to the root.  See l10n.h; the state and the
 * other l10n files are described in l10n_impl.h.
 */
#include "l10n.h"
#include "l10n_icu.h"
#include "l10n_impl.h"

#include "buf.h"
#include "diag.h"
#include "fileio.h"
#include "xlf.h"
#include "xmlsafe.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#define ROOT_LANG "en"
#define FORMAT_KEY "locale.format"
/* Catalogues are small; anything bigger than this is a mistake, not a catalogue. */
#define MAX_CATALOGUE_BYTES (16L * 1024 * 1024)

/* Stands in the locale table for a language whose catalogue failed to load, so the
 * failure is reported once and not again on every later request. */
static char load_failed;

/* 'dir' + "/" + 'name' + 'ext' in a new string (no doubled slash). */
static char *path_join(const char *dir, const char *name, const char *ext) {
    size_t dl = strlen(dir), nl = strlen(name), el = strlen(ext);
    int slash = dl > 0 && dir[dl - 1] != '/';
    char *p = malloc(dl + (size_t)slash + nl + el + 1);
    if (!p)
        return NULL;
    /* The last copy brings ext's NUL. */
    memcpy(p, dir, dl); // NOLINT(bugprone-not-null-terminated-result)
    if (slash)
        p[dl] = '/';
    memcpy(p + dl + (size_t)slash, name, nl); // NOLINT(bugprone-not-null-terminated-result)
    memcpy(p + dl + (size_t)slash + nl, ext, el + 1);
    return p;
}

/* ---------------------------------------------------------------------------------
 * Reading a catalogue: locale_load and its steps, in the order it takes them
 */

static void locale_free(void *payload, const xmlChar *name) {
    (void)name;
    bg_locale *loc = payload;
    if (!loc || payload == &load_failed)
        return;
    xmlHashFree(loc->messages, l10n_message_free);
    xmlHashFree(loc->fallbacks, NULL);
    l10n_locale_close_formatters(loc);
    for (int i = 0; i < loc->nkeys; i++)
        free(loc->keys[i]);
    free(loc->keys);
    free(loc->lang);
    free(loc->path);
    free(loc->format_id);
    free(loc);
}

/* A new, empty locale for `lang` of `l10n` (`root` NULL: it is the root).  NULL when
 * out of memory (reported). */
static bg_locale *locale_new(bg_l10n *l10n, const char *lang, bg_locale *root) {
    bg_locale *loc = calloc(1, sizeof *loc);
    if (!loc || !(loc->lang = strdup(lang)) || !(loc->path = path_join(l10n->dir, lang, ".xlf")) ||
        !(loc->messages = xmlHashCreate(64)) || !(loc->fallbacks = xmlHashCreate(8))) {
        locale_free(loc, NULL);
        l10n_out_of_memory();
        return NULL;
    }
    loc->l10n = l10n;
    loc->root = root;
    return loc;
}

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The languages of the *.xlf files in `dir`, sorted and comma-separated, into
 * `buf` ("en, pl, uk"; "none" when there are none); NULL when `dir` cannot be
 * read. */
static const char *locale_names(const char *dir, char *buf, size_t size) {
    char *names[64];
    int n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    for (struct dirent *de; n < 64 && (de = readdir(d)) != NULL;) {
        size_t len = strlen(de->d_name);
        if (len > 4 && de->d_name[0] != '.' && strcmp(de->d_name + len - 4, ".xlf") == 0)
            if ((names[n] = strndup(de->d_name, len - 4)) != NULL)
                n++;
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, compare_names);
    snprintf(buf, size, "%s", n ? "" : "none");
    for (int i = 0; i < n; i++) {
        size_t used = strlen(buf);
        snprintf(buf + used, size - used, "%s%s", i ? ", " : "", names[i]);
        free(names[i]);
    }
    return buf;
}

/* The bytes of `loc`'s file into *bytes (the caller frees them) and *len.  0, or -1
 * after reporting why the file cannot be read. */
static int read_locale_file(const bg_locale *loc, char **bytes, size_t *len) {
    const char *path = loc->path, *lang = loc->lang;
    mode_t mode = 0;
    bg_file_status got = bg_file_read(path, MAX_CATALOGUE_BYTES, bytes, len, &mode);
    char have[256];
    if (got == BG_FILE_CANNOT_OPEN && errno == ENOENT && locale_names(loc->l10n->dir, have, sizeof have)) {
        /* Most often a language asked for (-l, @langs) that has no locale yet. */
        bg_error(path, 0, "no locale file for \"%s\" (this folder has: %s); `briefgen l10n new %s` starts one", lang,
                 have, lang);
        return -1;
    }
    if (got != BG_FILE_OK) {
        if (got == BG_FILE_NOT_REGULAR)
            bg_error(path, 0, "cannot read locale file: not a regular file%s", bg_file_kind(mode));
        else if (got == BG_FILE_TOO_LARGE)
            bg_error(path, 0, "cannot read locale file: %s", strerror(EFBIG));
        else
            bg_error(path, 0, "cannot read locale file: %s", strerror(errno));
        return -1;
    }
    if (*len > INT_MAX) {
        bg_error(path, 0, "locale file is too large");
        free(*bytes);
        *bytes = NULL;
        return -1;
    }
    return 0;
}

/* Parse the `len` bytes of locale file `path` (`bytes`, freed here) into a tree
 * through xmlsafe: no entity substitution, no DTD loading, no network, and a DOCTYPE
 * that declares an entity refused before anything of it is read.  The tree (freed by
 * the caller), or NULL after reporting every problem. */
static xmlDocPtr read_locale_doc(const char *path, char *bytes, size_t len) {
    int errors = 0;
    bg_xml_opts how = {.name = path,
                       .refusal = "the DOCTYPE declares entities; locale files may not",
                       .flags = BG_XML_REFUSAL_NO_LINE};
    xmlDocPtr doc = bg_xml_parse(bytes, len, &how, &errors);
    free(bytes);
    if (!doc && errors == 0)
        bg_error(path, 0, "cannot parse locale file");
    if (doc && errors) {
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

/* 0 when `top`, the root element of locale file `path`, is <xliff version="1.2"> in
 * the XLIFF 1.2 namespace; else -1 after reporting. */
static int check_xliff_root(const char *path, xmlNodePtr top) {
    if (!bg_xlf_is(top, "xliff")) {
        bg_error(path, top ? xmlGetLineNo(top) : 0,
                 "not an XLIFF 1.2 file: the root element should be <xliff xmlns=\"" BG_XLF_NS "\">");
        return -1;
    }
    xmlChar *version = xmlGetNoNsProp(top, BAD_CAST "version");
    int ok = version && xmlStrEqual(version, BAD_CAST "1.2");
    if (!ok)
        bg_error(path, xmlGetLineNo(top), "XLIFF version '%s' is not supported; expected version=\"1.2\"",
                 version ? (const char *)version : "(none)");
    xmlFree(version);
    return ok ? 0 : -1;
}

/* One trans-unit as found in the file, before its message is opened. */
typedef struct unit {
    xmlChar *id;
    char *text; /* NULL: untranslated (no <target> in a non-root catalogue) */
    long line;
} unit;

typedef struct unit_list {
    unit *v;
    int n, cap;
} unit_list;

/* What the walk over a catalogue's trans-units fills (read_unit). */
typedef struct unit_reader {
    const char *path;
    int is_root; /* the message is the <source>, else the <target> */
    unit_list *units;
    int errors; /* problems reported */
} unit_reader;

/* Read trans-unit `n` into the list of `data` (a unit_reader); a unit with a problem
 * is reported, counted and kept (its text NULL).  -1 (stop the walk) only when out
 * of memory. */
static int read_unit(xmlNodePtr n, void *data) {
    unit_reader *r = data;
    const char *path = r->path;
    int is_root = r->is_root;
    unit_list *units = r->units;
    long line = xmlGetLineNo(n);
    xmlChar *id = xmlGetNoNsProp(n, BAD_CAST "id");
    if (!id || !id[0]) {
        bg_error(path, line, "trans-unit without an id");
        xmlFree(id);
        r->errors++;
        return 0;
    }
    const char *want = is_root ? "source" : "target";
    int count = 0;
    xmlNodePtr el = bg_xlf_child(n, want, &count);
    char *text = NULL;
    int bad = 0;
    if (count > 1) {
        bg_error(path, line, "trans-unit '%s' has more than one <%s>", (const char *)id, want);
        bad = 1;
    } else if (!el && is_root) {
        bg_error(path, line, "trans-unit '%s' has no <source>", (const char *)id);
        bad = 1;
    } else if (el) {
        text = bg_xlf_text(path, line, el, (const char *)id);
        if (!text)
            bad = 1;
        else if (!is_root && !text[0]) { /* an empty <target/> is untranslated */
            free(text);
            text = NULL;
        }
    }
    if (units->n == units->cap) {
        int cap = units->cap ? 2 * units->cap : 32;
        unit *v = realloc(units->v, (size_t)cap * sizeof *v);
        if (!v) {
            l10n_out_of_memory();
            free(text);
            xmlFree(id);
            r->errors++;
            return -1;
        }
        units->v = v;
        units->cap = cap;
    }
    units->v[units->n++] = (unit){id, text, line};
    r->errors += bad;
    return 0;
}

/* The trans-units of every <file>'s <body> under `top` into `units` (see read_unit).
 * Returns the number of problems reported. */
static int read_units(const char *path, xmlNodePtr top, int is_root, unit_list *units) {
    unit_reader reader = {path, is_root, units, 0};
    for (xmlNodePtr f = top->children; f; f = f->next) {
        if (!bg_xlf_is(f, "file"))
            continue;
        for (xmlNodePtr b = f->children; b; b = b->next)
            if (bg_xlf_is(b, "body"))
                bg_xlf_each_unit(b, read_unit, &reader);
    }
    return reader.errors;
}

static void units_release(unit_list *units) {
    for (int i = 0; i < units->n; i++) {
        xmlFree(units->v[i].id);
        free(units->v[i].text);
    }
    free(units->v);
}

/* Set `loc`'s formatting locale from its locale.format unit (the last one with a
 * text), or its language when it has none (an error in the root, a warning
 * elsewhere).  Adds the problems reported to *errors, which counts those found in
 * the file so far (out of memory is said only when nothing else was). */
static void set_format_id(bg_locale *loc, const unit_list *units, int *errors) {
    const char *path = loc->path, *lang = loc->lang;
    const unit *fmt_unit = NULL;
    for (int i = 0; i < units->n; i++)
        if (xmlStrEqual(units->v[i].id, BAD_CAST FORMAT_KEY) && units->v[i].text)
            fmt_unit = &units->v[i];
    if (fmt_unit) {
        loc->format_id = bg_trimmed(fmt_unit->text);
        if (loc->format_id && !l10n_valid_format_id(loc->format_id)) {
            bg_error(path, fmt_unit->line, "'" FORMAT_KEY "' should be an ICU locale such as uk or en_GB, not '%s'",
                     loc->format_id);
            (*errors)++;
        }
    } else if (!loc->root) {
        bg_error(path, 0, "the root catalogue has no '" FORMAT_KEY "' unit");
        (*errors)++;
        loc->format_id = strdup(lang); /* to check the messages all the same */
    } else {
        bg_warn(path, 0, "no '" FORMAT_KEY "' unit; formatting dates and numbers for '%s'", lang);
        loc->format_id = strdup(lang);
    }
    if (!loc->format_id && *errors == 0) {
        l10n_out_of_memory();
        (*errors)++;
    }
}

/* Remember the root's key order, for reporting the keys a locale lacks in the
 * order a translator finds them in en.xlf. */
static int record_key(bg_locale *root, const char *key) {
    char **grown = realloc(root->keys, sizeof *grown * (size_t)(root->nkeys + 1));
    if (!grown || !(grown[root->nkeys] = strdup(key))) {
        if (grown)
            root->keys = grown;
        l10n_out_of_memory();
        return -1;
    }
    root->keys = grown;
    root->nkeys++;
    return 0;
}

/* Open every message of `units` now, in file order, so that errors surface at load
 * (with their lines) rather than in the middle of a render; a duplicate id is an
 * error.  Nothing is opened without a formatting locale.  Adds the problems reported
 * to *errors. */
static void open_messages(bg_locale *loc, const unit_list *units, int *errors) {
    xmlHashTablePtr seen = xmlHashCreate(64);
    for (int i = 0; i < units->n && loc->format_id && seen; i++) {
        const unit *u = &units->v[i];
        const unit *first = xmlHashLookup(seen, u->id);
        if (first) {
            bg_error(loc->path, u->line, "duplicate trans-unit id '%s' (first at line %ld)", (const char *)u->id,
                     first->line);
            (*errors)++;
            continue;
        }
        xmlHashAddEntry(seen, u->id, (void *)u);
        if (!u->text)
            continue;
        l10n_message *m = l10n_message_open(loc, (const char *)u->id, u->text, u->line);
        if (!m) {
            (*errors)++;
            continue;
        }
        if (xmlHashAddEntry(loc->messages, u->id, m) != 0) {
            l10n_message_free(m, NULL);
            l10n_out_of_memory();
            (*errors)++;
        } else if (!loc->root && record_key(loc, (const char *)u->id) != 0) {
            (*errors)++;
        }
    }
    if (!seen) {
        l10n_out_of_memory();
        (*errors)++;
    }
    xmlHashFree(seen, NULL);
}

/* Every root message this locale lacks falls back to English.  Say so once, when
 * the locale loads — not when a template first asks for the key, which would make
 * the warning depend on which brief happens to be rendered first (and, with
 * `build -j`, on which thread). */
static void note_fallbacks(bg_locale *loc) {
    for (int i = 0; i < loc->root->nkeys; i++) {
        const char *key = loc->root->keys[i];
        if (xmlHashLookup(loc->messages, BAD_CAST key))
            continue;
        bg_warn(loc->path, 0, "no message '%s' in this locale, using English", key);
        xmlHashAddEntry(loc->fallbacks, BAD_CAST key, xmlHashLookup(loc->root->messages, BAD_CAST key));
    }
}

/* Read, check and open DIR/LANG.xlf.  'root' is the loaded root locale, or NULL when
 * this is the root (whose messages are the <source>s).  Every problem in the file is
 * reported before giving up; returns NULL if there was any.  A file that cannot be
 * read as XLIFF at all says only that: there is nothing more to say about it. */
static bg_locale *locale_load(bg_l10n *l10n, const char *lang, bg_locale *root) {
    bg_locale *loc = locale_new(l10n, lang, root);
    if (!loc)
        return NULL;
    char *bytes = NULL;
    size_t len = 0;
    xmlDocPtr doc = NULL;
    if (read_locale_file(loc, &bytes, &len) != 0 || !(doc = read_locale_doc(loc->path, bytes, len)) ||
        check_xliff_root(loc->path, xmlDocGetRootElement(doc)) != 0) {
        xmlFreeDoc(doc);
        locale_free(loc, NULL);
        return NULL;
    }
    unit_list units = {NULL, 0, 0};
    int errors = read_units(loc->path, xmlDocGetRootElement(doc), root == NULL, &units);
    xmlFreeDoc(doc);
    /* The formatting locale comes first: every message is opened with it. */
    set_format_id(loc, &units, &errors);
    open_messages(loc, &units, &errors);
    units_release(&units);
    if (errors) {
        locale_free(loc, NULL);
        return NULL;
    }
    if (root) {
        /* A key missing here falls back to English with a warning; under --strict
         * that warning is an error, and the locale is refused like any broken one
         * (only the count says so). */
        int errors_before = bg_diag_errors();
        note_fallbacks(loc);
        if (bg_diag_errors() != errors_before) {
            locale_free(loc, NULL);
            return NULL;
        }
    }
    return loc;
}

/* ---------------------------------------------------------------------------------
 * Public: the set of catalogues
 */

bg_l10n *bg_l10n_new(const char *dir) {
    xmlInitParser();
    bg_l10n *l10n = calloc(1, sizeof *l10n);
    if (!l10n)
        return NULL;
    l10n->dir = strdup(dir ? dir : ".");
    l10n->locales = xmlHashCreate(8);
    l10n->collators = xmlHashCreate(4);
    if (!l10n->dir || !l10n->locales || !l10n->collators) {
        bg_l10n_free(l10n);
        return NULL;
    }
    return l10n;
}

void bg_l10n_free(bg_l10n *l10n) {
    if (!l10n)
        return;
    xmlHashFree(l10n->locales, locale_free);
    l10n_collation_free(l10n);
    free(l10n->dir);
    free(l10n);
}

static void load_quietly(void *payload, void *data, const xmlChar *name) {
    (void)payload;
    bg_l10n_locale(data, (const char *)name);
}

bg_l10n *bg_l10n_clone(const bg_l10n *l10n) {
    bg_l10n *copy = bg_l10n_new(l10n->dir);
    if (!copy)
        return NULL;
    /* The original reported every problem of these files when it loaded them. */
    bg_diag_capture quiet;
    bg_diag_capture_begin(&quiet);
    xmlHashScan(l10n->locales, load_quietly, copy);
    bg_diag_capture_end();
    bg_diag_capture_free(&quiet);
    return copy;
}

const char *bg_l10n_dir(const bg_l10n *l10n) { return l10n ? l10n->dir : NULL; }

int bg_l10n_is_lang_tag(const char *s) {
    if (!*s || strlen(s) > 35)
        return 0;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
              *p == '_'))
            return 0;
    return (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z');
}

/* A language tag as it may name a catalogue file: "uk", "en", "pt-BR", "sr_Latn".
 * Anything else (a path, an empty string) is refused before it reaches the disk. */
static int valid_lang(const char *s) {
    size_t i = 0;
    while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))
        i++;
    if (i < 2 || i > 8)
        return 0;
    while (s[i]) {
        if (s[i] != '-' && s[i] != '_')
            return 0;
        size_t k = ++i;
        while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'))
            i++;
        if (i == k || i - k > 8)
            return 0;
    }
    return 1;
}

/* Loading is remembered either way: a catalogue that failed is reported once, and
 * later requests for it return NULL quietly. */
bg_locale *bg_l10n_locale(bg_l10n *l10n, const char *lang) {
    if (!l10n || !lang) {
        l10n_bad_call("bg_l10n_locale");
        return NULL;
    }
    if (!valid_lang(lang)) {
        bg_error(NULL, 0, "'%s' is not a language tag such as uk, en or pt-BR", lang);
        return NULL;
    }
    void *known = xmlHashLookup(l10n->locales, BAD_CAST lang);
    if (known)
        return known == &load_failed ? NULL : known;
    bg_locale *root = NULL;
    if (strcmp(lang, ROOT_LANG) != 0) {
        root = bg_l10n_locale(l10n, ROOT_LANG);
        if (!root)
            return NULL; /* reported (once) for the root */
    }
    bg_locale *loc = locale_load(l10n, lang, root);
    if (xmlHashAddEntry(l10n->locales, BAD_CAST lang, loc ? (void *)loc : (void *)&load_failed) != 0) {
        locale_free(loc, NULL);
        l10n_out_of_memory();
        return NULL;
    }
    return loc;
}

const char *bg_locale_lang(const bg_locale *loc) { return loc ? loc->lang : NULL; }
