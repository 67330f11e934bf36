/* collection — see collection.h. */
#include "collection.h"

#include "diag.h"
#include "fileio.h"
#include "plan.h"
#include "textstats.h"

#include <libxml/tree.h>
#include <libxml/uri.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COLLECTION_NS "urn:briefgen:collection:1"
/* The most languages a collection has pages in: every brief's languages together. */
#define MAX_LANGS 64

struct bg_collection {
    xmlDocPtr doc;
    xmlNodePtr root;
    xmlNsPtr ns;
    char *base_url;
    int format[BG_FORMAT_COUNT];
    char *langs[MAX_LANGS]; /* every brief's languages, in the order first met */
    int nlangs;
};

bg_collection *bg_collection_new(const char *base_url, const int format[BG_FORMAT_COUNT]) {
    bg_collection *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    memcpy(c->format, format, sizeof c->format);
    c->doc = xmlNewDoc(BAD_CAST "1.0");
    c->root = c->doc ? xmlNewNode(NULL, BAD_CAST "collection") : NULL;
    if (!c->root || (base_url && !(c->base_url = strdup(base_url)))) {
        bg_collection_free(c);
        return NULL;
    }
    xmlDocSetRootElement(c->doc, c->root);
    c->ns = xmlNewNs(c->root, BAD_CAST COLLECTION_NS, NULL);
    xmlSetNs(c->root, c->ns);
    if (base_url)
        xmlSetProp(c->root, BAD_CAST "base-url", BAD_CAST base_url);
    return c;
}

void bg_collection_free(bg_collection *c) {
    if (!c)
        return;
    xmlFreeDoc(c->doc);
    free(c->base_url);
    for (int i = 0; i < c->nlangs; i++)
        free(c->langs[i]);
    free(c);
}

int bg_collection_name_taken(const char *path) {
    char stem[PATH_MAX];
    bg_plan_output_stem(path, stem, sizeof stem);
    if (strcmp(stem, "index") != 0)
        return 0;
    bg_error(path, 0,
             "a brief named index.xml would overwrite the collection's index pages (index.LANG.html): "
             "rename the brief");
    return 1;
}

/* Note `lang` among the collection's languages. */
static int add_lang(bg_collection *c, const char *lang) {
    for (int i = 0; i < c->nlangs; i++)
        if (strcmp(c->langs[i], lang) == 0)
            return 0;
    if (c->nlangs == MAX_LANGS) {
        bg_error(NULL, 0, "--collection: more than %d languages in all", MAX_LANGS);
        return -1;
    }
    return (c->langs[c->nlangs++] = strdup(lang)) ? 0 : -1;
}

/* The href of output `stem`.`lang`.`ext`, relative, each part percent-encoded (a
 * file name may hold spaces or any letters; a language tag is plain ASCII). */
static void set_href(xmlNodePtr version, const char *attr, const char *stem, const char *lang, const char *ext) {
    xmlChar *escaped = xmlURIEscapeStr(BAD_CAST stem, BAD_CAST "");
    char href[PATH_MAX * 3 + 64];
    snprintf(href, sizeof href, "%s.%s.%s", escaped ? (const char *)escaped : stem, lang, ext);
    xmlFree(escaped);
    xmlSetProp(version, BAD_CAST attr, BAD_CAST href);
}

/* The <version> of `stem` in `l->lang`: its outputs' hrefs and the resolved brief. */
static int add_version(bg_collection *c, xmlNodePtr brief, const char *stem, bg_pipeline_lang *l) {
    xmlNodePtr v = xmlNewChild(brief, c->ns, BAD_CAST "version", NULL);
    xmlNodePtr copy = v ? xmlDocCopyNode(xmlDocGetRootElement(l->resolved), c->doc, 1) : NULL;
    if (!copy)
        return -1;
    xmlSetProp(v, BAD_CAST "lang", BAD_CAST l->lang);
    static const struct {
        bg_format f;
        const char *attr;
    } links[] = {{BG_FORMAT_HTML, "html"}, {BG_FORMAT_PDF, "pdf"}, {BG_FORMAT_DOCBOOK, "docbook"}};
    for (size_t i = 0; i < sizeof links / sizeof *links; i++)
        if (c->format[links[i].f])
            set_href(v, links[i].attr, stem, l->lang, bg_format_ext(links[i].f));
    /* The reading time the brief's own page shows (bg:reading-minutes measures the
     * same resolved tree); the index page shows it when present. */
    bg_textstats s = {0};
    if (bg_textstats_measure(l->resolved, l->lang, 0, &s) == 0) {
        char minutes[24];
        snprintf(minutes, sizeof minutes, "%ld", bg_textstats_minutes(s.counts.words, l->lang));
        xmlSetProp(v, BAD_CAST "reading-minutes", BAD_CAST minutes);
    }
    bg_textstats_clear(&s);
    xmlAddChild(v, copy);
    return add_lang(c, l->lang);
}

int bg_collection_add(bg_collection *c, bg_pipeline *p, const char *path, const bg_langs *only) {
    bg_diag_capture quiet;
    bg_diag_capture_begin(&quiet);
    bg_langs langs;
    bg_brief *b = bg_pipeline_load(p, path, only, &langs);
    int rc = b ? 0 : -1;
    char stem[PATH_MAX];
    bg_plan_output_stem(path, stem, sizeof stem);
    xmlNodePtr brief = b ? xmlNewChild(c->root, c->ns, BAD_CAST "brief", NULL) : NULL;
    if (brief) {
        char list[BG_PIPELINE_MAX_LANGS * 36] = "";
        for (int i = 0; i < langs.n; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? " " : "", langs.v[i]);
        xmlSetProp(brief, BAD_CAST "stem", BAD_CAST stem);
        xmlSetProp(brief, BAD_CAST "langs", BAD_CAST list);
    } else if (b) {
        rc = -1;
    }
    for (int i = 0; rc == 0 && i < langs.n; i++) {
        bg_pipeline_lang l = {.lang = langs.v[i]};
        if (bg_pipeline_resolve(p, b, &l) != 0 || add_version(c, brief, stem, &l) != 0)
            rc = -1;
        bg_pipeline_lang_clear(&l);
    }
    bg_diag_capture_end();
    if (rc != 0)
        bg_diag_capture_replay(&quiet); /* the build succeeded: what changed since is news */
    else
        bg_diag_capture_free(&quiet);
    if (rc != 0 && b)
        bg_error(path, 0, "--collection: this brief cannot be added to the collection");
    bg_brief_free(b);
    return rc;
}

/* Write `data` to `outdir`/`name` unless the file holds those bytes already. */
static int write_page(const char *outdir, const char *name, const char *data, size_t len, int verbose) {
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/%s", outdir, name) >= (int)sizeof path) {
        bg_error(outdir, 0, "output path too long");
        return -1;
    }
    char *old = NULL;
    size_t old_len = 0;
    int same = bg_file_read(path, len + 1, &old, &old_len, NULL) == BG_FILE_OK && old_len == len &&
               memcmp(old, data, len) == 0;
    free(old);
    if (same)
        return 0;
    if (bg_write_atomic(path, data, len) != 0)
        return -1;
    if (verbose)
        bg_note("wrote %s", path);
    return 0;
}

/* One page of the collection, rendered and waiting to be written. */
typedef struct rendered {
    char name[64];
    char *data;
    size_t len;
} rendered;

/* Render sheet `s` for `lang` into `out`, to be written as `name`. */
static int page(bg_collection *c, bg_renderer *r, bg_sheet s, const char *lang, const char *name, const char *langs,
                const char *outdir, rendered *out) {
    const char *params[] = {"lang", lang, "langs", langs, "base-url", c->base_url ? c->base_url : "", NULL};
    snprintf(out->name, sizeof out->name, "%s", name);
    return bg_render_collection(r, c->doc, s, lang, params, outdir, &out->data, &out->len);
}

/* The collection's pages are published as a whole, as a brief's outputs are: all
 * are rendered first, and written only when every one could be. */
int bg_collection_write(bg_collection *c, bg_renderer *r, const char *outdir, int verbose) {
    char langs[MAX_LANGS * 36] = "";
    for (int i = 0; i < c->nlangs; i++)
        snprintf(langs + strlen(langs), sizeof langs - strlen(langs), "%s%s", i ? " " : "", c->langs[i]);
    xmlSetProp(c->root, BAD_CAST "langs", BAD_CAST langs);
    rendered pages[2 * MAX_LANGS + 1];
    memset(pages, 0, sizeof pages);
    int n = 0, rc = 0;
    char name[64];
    for (int i = 0; i < c->nlangs; i++) {
        snprintf(name, sizeof name, "index.%s.html", c->langs[i]);
        rc |= page(c, r, BG_SHEET_INDEX, c->langs[i], name, langs, outdir, &pages[n++]);
        if (c->base_url) {
            snprintf(name, sizeof name, "feed.%s.xml", c->langs[i]);
            rc |= page(c, r, BG_SHEET_FEED, c->langs[i], name, langs, outdir, &pages[n++]);
        }
    }
    if (c->base_url && c->nlangs > 0)
        rc |= page(c, r, BG_SHEET_SITEMAP, c->langs[0], "sitemap.xml", langs, outdir, &pages[n++]);
    for (int i = 0; i < n; i++) {
        if (rc == 0)
            rc |= write_page(outdir, pages[i].name, pages[i].data, pages[i].len, verbose);
        free(pages[i].data);
    }
    return rc ? -1 : 0;
}
