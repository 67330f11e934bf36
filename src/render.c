/* render — see render.h. */
#include "render.h"

#include "diag.h"
#include "xslext.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/uri.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_SOURCES 64
#define XSLT_NAMESPACE_STR "http://www.w3.org/1999/XSL/Transform"

static const struct {
    const char *name, *ext, *entry;
    bg_format sheet; /* the format whose stylesheet renders this one */
} formats[BG_FORMAT_COUNT] = {
    [BG_FORMAT_HTML] = {"html", "html", "html/brief.xsl", BG_FORMAT_HTML},
    [BG_FORMAT_DOCBOOK] = {"docbook", "dbk", "docbook/brief.xsl", BG_FORMAT_DOCBOOK},
    [BG_FORMAT_TYPST] = {"typst", "typ", "typst/brief.xsl", BG_FORMAT_TYPST},
    [BG_FORMAT_PDF] = {"pdf", "pdf", "typst/brief.xsl", BG_FORMAT_TYPST},
    [BG_FORMAT_CITE] = {"cite", "cite", "cite/brief.xsl", BG_FORMAT_CITE},
};

/* The stylesheets of a collection's pages (bg_render_collection), compiled and
 * cached beside the formats': slot BG_FORMAT_COUNT + sheet. */
static const struct {
    const char *name, *entry;
} sheets[BG_SHEET_COUNT] = {
    [BG_SHEET_INDEX] = {"collection index", "html/collection.xsl"},
    [BG_SHEET_FEED] = {"feed", "atom/feed.xsl"},
    [BG_SHEET_SITEMAP] = {"sitemap", "sitemap/sitemap.xsl"},
};
#define NSLOTS (BG_FORMAT_COUNT + BG_SHEET_COUNT)

/* The compiled stylesheets and what they were made from.  Shared, read-only once
 * compiled, by every renderer made with bg_renderer_share: libxslt allows one
 * stylesheet to run in several threads at once, each with its own transform
 * context. */
typedef struct templates {
    _Atomic int refs; /* renderers sharing these; freed by the last */
    char *templates;  /* absolute, no trailing '/' */
    char *overrides;  /* absolute or NULL */
    char *reads;      /* --template-files: absolute or NULL */
    char *base_url;   /* the params base-url and formats (bg_renderer_set_site), or NULL */
    char *formats;
    xsltSecurityPrefsPtr prefs;
    xsltStylesheetPtr style[NSLOTS]; /* the formats', then the collection's sheets */
    int failed[NSLOTS];              /* compile failed once: don't retry and re-report */
    char *sources[NSLOTS][MAX_SOURCES + 1];
    int nsources[NSLOTS];
} templates;

struct bg_renderer {
    templates *t;
    bg_l10n *l10n; /* borrowed; one per thread */
};

const char *bg_format_ext(bg_format f) { return formats[f].ext; }
const char *bg_format_name(bg_format f) { return formats[f].name; }

int bg_format_parse(const char *name) {
    for (int f = 0; f < BG_FORMAT_COUNT; f++)
        if (strcmp(name, formats[f].name) == 0 || strcmp(name, formats[f].ext) == 0)
            return f;
    return -1;
}

void bg_format_list(const int want[BG_FORMAT_COUNT], char *buf, size_t size) {
    size_t used = 0;
    if (size)
        buf[0] = '\0';
    for (int f = 0; f < BG_FORMAT_COUNT && used < size; f++)
        if (want[f]) {
            int n = snprintf(buf + used, size - used, "%s%s", used ? " " : "", formats[f].name);
            used = n < 0 ? size : used + (size_t)n;
        }
}

/* ---- which template file is meant ---------------------------------------------- */

/* Normalise an absolute path lexically ("a/b/../c" -> "a/c"), in place.  The files
 * need not exist: an override folder may hold only some of them. */
static void normalize_path(char *p) {
    char *out = p, *seg = p;
    while (*seg) {
        while (*seg == '/')
            seg++;
        size_t len = strcspn(seg, "/");
        if (len == 0)
            break;
        if (len == 1 && seg[0] == '.') {
            /* skip */
        } else if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (out > p && *--out != '/')
                ;
        } else {
            *out++ = '/';
            memmove(out, seg, len);
            out += len;
        }
        seg += len;
    }
    if (out == p)
        *out++ = '/';
    *out = '\0';
}

static char *absolute(const char *path) {
    char buf[PATH_MAX];
    if (path[0] == '/')
        snprintf(buf, sizeof buf, "%s", path);
    else {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd))
            return NULL;
        if (snprintf(buf, sizeof buf, "%s/%s", cwd, path) >= (int)sizeof buf)
            return NULL;
    }
    normalize_path(buf);
    return strdup(buf);
}

static const char *under(const char *path, const char *dir) {
    size_t n = dir ? strlen(dir) : 0;
    return n && strncmp(path, dir, n) == 0 && path[n] == '/' ? path + n + 1 : NULL;
}

static int is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The file to load for template `uri`: the override of the same relative path when
 * the override folder has one, else the bundled file.  Malloc'd. */
static char *pick_template(const templates *r, const char *uri) {
    const char *u = uri;
    if (strncmp(u, "file://", 7) == 0)
        u += 7;
    char *abs = absolute(u);
    if (!abs)
        return NULL;
    const char *rel = under(abs, r->templates);
    if (!rel)
        rel = under(abs, r->overrides);
    if (!rel)
        return abs; /* outside both trees: leave it to the security check */
    char buf[PATH_MAX];
    if (r->overrides) {
        snprintf(buf, sizeof buf, "%s/%s", r->overrides, rel);
        if (is_file(buf)) {
            free(abs);
            return strdup(buf);
        }
    }
    snprintf(buf, sizeof buf, "%s/%s", r->templates, rel);
    free(abs);
    return strdup(buf);
}

/* libxslt has one global document loader; while a stylesheet compiles it is
 * pointed at the renderer and format being compiled, so includes follow overrides
 * and every file is recorded.  Compiles happen on one thread. */
static templates *compiling;
static int compiling_format;
static xsltDocLoaderFunc default_loader;

static int compile_refused; /* an include was refused or broken while compiling */

/* The line of the xsl:include or xsl:import in `style` that names `uri`, or 0;
 * *how becomes "include" or "import". */
static long include_line(xsltStylesheetPtr style, const xmlChar *uri, const char **how) {
    *how = "include";
    xmlNodePtr root = style && style->doc ? xmlDocGetRootElement(style->doc) : NULL;
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !n->ns || !xmlStrEqual(n->ns->href, XSLT_NAMESPACE) ||
            !(xmlStrEqual(n->name, BAD_CAST "include") || xmlStrEqual(n->name, BAD_CAST "import")))
            continue;
        xmlChar *href = xmlGetNoNsProp(n, BAD_CAST "href");
        xmlChar *full = href ? xmlBuildURI(href, style->doc->URL) : NULL;
        int same = full && xmlStrEqual(full, uri);
        xmlFree(href);
        xmlFree(full);
        if (same) {
            *how = (const char *)n->name;
            return xmlGetLineNo(n);
        }
    }
    return 0;
}

/* Templates include and import only files in the template folders, as they read
 * only files there with document(): 1 when `path` (which exists) lies outside. */
static int outside_templates(const templates *t, const char *path) {
    char real[PATH_MAX];
    if (!realpath(path, real))
        return 0; /* missing: the loader says so */
    return !under(real, t->templates) && !under(real, t->overrides);
}

/* An empty stylesheet, loaded in place of one that is refused or broken (the
 * problem already reported): libxslt goes on without a second, vaguer message, and
 * stylesheet() throws the compiled result away. */
static xmlDocPtr empty_stylesheet(void) {
    static const char empty[] = "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"" XSLT_NAMESPACE_STR "\"/>";
    return xmlReadMemory(empty, (int)sizeof empty - 1, "empty.xsl", NULL, XML_PARSE_NONET);
}

static xmlDocPtr load_template(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt, xsltLoadType type) {
    if (!compiling || type == XSLT_LOAD_DOCUMENT)
        return default_loader(uri, dict, options | XML_PARSE_NONET, ctxt, type);
    char *path = pick_template(compiling, (const char *)uri);
    if (!path)
        return NULL;
    if (type == XSLT_LOAD_STYLESHEET && outside_templates(compiling, path)) {
        xsltStylesheetPtr from = ctxt;
        const char *how;
        long line = include_line(from, uri, &how);
        bg_error(from && from->doc ? (const char *)from->doc->URL : NULL, line,
                 "the template may not %s \"%s\": templates %s only files in the template folders", how, path, how);
        free(path);
        compile_refused = 1;
        return empty_stylesheet();
    }
    /* Messages and --deps name template files as the user would: relative to the
     * current folder when inside it. */
    char cwd[PATH_MAX];
    size_t len = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
    if (len > 1 && strncmp(path, cwd, len) == 0 && path[len] == '/')
        memmove(path, path + len + 1, strlen(path + len + 1) + 1);
    int *n = &compiling->nsources[compiling_format];
    if (*n < MAX_SOURCES)
        compiling->sources[compiling_format][(*n)++] = strdup(path);
    xmlDocPtr doc = default_loader(BAD_CAST path, dict, options | XML_PARSE_NONET, ctxt, type);
    /* While transforming, libxslt looks the "xml" prefix of <xsl:attribute
     * name="xml:lang"> up in the template's own document, and libxml2 makes that
     * document's declaration of the XML namespace on the first lookup.  Transforms
     * on two threads share the compiled templates (build -j): both would make it and
     * one copy would leak.  Make it now, while compiling on one thread. */
    if (doc && xmlDocGetRootElement(doc))
        xmlSearchNs(doc, xmlDocGetRootElement(doc), BAD_CAST "xml");
    if (!doc && type == XSLT_LOAD_STYLESHEET && is_file(path)) {
        /* Not well-formed: the parser has said where.  libxslt would add "unable to
         * load" naming the bundled file, which misleads when an override is at fault. */
        compile_refused = 1;
        doc = empty_stylesheet();
    }
    free(path);
    return doc;
}

/* ---- security ------------------------------------------------------------------ */

/* Messages of one transform: at the instruction being run when libxslt names no
 * place.  xsl:message is the template author's voice: a warning, unless it
 * terminates the transform. */
static void transform_error(void *ctx, const char *fmt, ...) BG_PRINTF(2, 3);
static void transform_error(void *ctx, const char *fmt, ...) {
    xsltTransformContextPtr t = ctx;
    xmlNodePtr inst = t ? t->inst : NULL;
    int warning = 0;
    if (inst && inst->type == XML_ELEMENT_NODE && xmlStrEqual(inst->name, BAD_CAST "message") && inst->ns &&
        xmlStrEqual(inst->ns->href, XSLT_NAMESPACE)) {
        xmlChar *terminate = xmlGetNoNsProp(inst, BAD_CAST "terminate");
        warning = !terminate || !xmlStrEqual(terminate, BAD_CAST "yes");
        xmlFree(terminate);
    }
    va_list ap;
    va_start(ap, fmt);
    bg_diag_xslt_vprintf(inst && inst->doc ? (const char *)inst->doc->URL : NULL, inst ? xmlGetLineNo(inst) : 0,
                         warning, fmt, ap);
    va_end(ap);
}

/* Templates may read files (document()) only inside the template folders; libxslt
 * reports a refusal itself, with the template's file and line. */
static int may_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value) {
    (void)sec;
    const char *v = strncmp(value, "file://", 7) == 0 ? value + 7 : value;
    char real[PATH_MAX];
    if (!realpath(v, real))
        return 0;
    bg_renderer *owner = ctxt && ctxt->_private ? ((bg_xslext_run *)ctxt->_private)->owner : NULL;
    return owner &&
           (under(real, owner->t->templates) || under(real, owner->t->overrides) || under(real, owner->t->reads));
}

int bg_renderer_allow_reads(bg_renderer *r, const char *dir) {
    char real[PATH_MAX];
    struct stat st;
    if (!realpath(dir, real)) {
        bg_error(dir, 0, "--template-files: %s", strerror(errno));
        return -1;
    }
    if (stat(real, &st) != 0 || !S_ISDIR(st.st_mode)) {
        bg_error(dir, 0, "--template-files: not a folder");
        return -1;
    }
    free(r->t->reads);
    r->t->reads = strdup(real);
    return r->t->reads ? 0 : -1;
}

int bg_renderer_set_site(bg_renderer *r, const char *base_url, const char *written) {
    free(r->t->base_url);
    free(r->t->formats);
    r->t->base_url = base_url ? strdup(base_url) : NULL;
    r->t->formats = written ? strdup(written) : NULL;
    return (base_url && !r->t->base_url) || (written && !r->t->formats) ? -1 : 0;
}

static int refuse(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value) {
    (void)sec, (void)ctxt, (void)value;
    return 0;
}

static void templates_free(templates *t) {
    if (!t || --t->refs > 0)
        return;
    for (int f = 0; f < NSLOTS; f++) {
        if (t->style[f])
            xsltFreeStylesheet(t->style[f]);
        for (int i = 0; i < t->nsources[f]; i++)
            free(t->sources[f][i]);
    }
    if (t->prefs)
        xsltFreeSecurityPrefs(t->prefs);
    free(t->templates);
    free(t->overrides);
    free(t->reads);
    free(t->base_url);
    free(t->formats);
    free(t);
}

static templates *templates_new(const char *dir, const char *overrides) {
    templates *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->refs = 1;
    char real[PATH_MAX];
    t->templates = strdup(realpath(dir, real) ? real : dir);
    if (overrides) {
        if (!realpath(overrides, real)) {
            bg_error(overrides, 0, "cannot use as a template folder: %s", strerror(errno));
            templates_free(t);
            return NULL;
        }
        t->overrides = strdup(real);
    }
    t->prefs = xsltNewSecurityPrefs();
    if (!t->templates || (overrides && !t->overrides) || !t->prefs) {
        templates_free(t);
        return NULL;
    }
    xsltSetSecurityPrefs(t->prefs, XSLT_SECPREF_READ_FILE, may_read);
    xsltSetSecurityPrefs(t->prefs, XSLT_SECPREF_WRITE_FILE, refuse);
    xsltSetSecurityPrefs(t->prefs, XSLT_SECPREF_CREATE_DIRECTORY, refuse);
    xsltSetSecurityPrefs(t->prefs, XSLT_SECPREF_READ_NETWORK, refuse);
    xsltSetSecurityPrefs(t->prefs, XSLT_SECPREF_WRITE_NETWORK, refuse);
    return t;
}

bg_renderer *bg_renderer_new(const char *dir, const char *overrides, bg_l10n *l10n) {
    bg_renderer *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->t = templates_new(dir, overrides);
    r->l10n = l10n;
    if (!r->t) {
        free(r);
        return NULL;
    }
    return r;
}

bg_renderer *bg_renderer_share(bg_renderer *r, bg_l10n *l10n) {
    bg_renderer *copy = calloc(1, sizeof *copy);
    if (!copy)
        return NULL;
    copy->t = r->t;
    copy->t->refs++;
    copy->l10n = l10n;
    return copy;
}

int bg_renderer_prepare(bg_renderer *r, bg_format f) { return bg_renderer_sources(r, f) ? 0 : -1; }

void bg_renderer_free(bg_renderer *r) {
    if (!r)
        return;
    templates_free(r->t);
    free(r);
}

/* The compiled stylesheet of cache slot `slot` (a format's, or BG_FORMAT_COUNT + a
 * sheet's), from template `entry`, compiling it on first use; `name` is for the
 * message when it does not compile. */
static xsltStylesheetPtr compile_slot(bg_renderer *renderer, int slot, const char *entry_rel, const char *name) {
    templates *r = renderer->t;
    if (r->style[slot] || r->failed[slot])
        return r->style[slot];
    if (!default_loader) {
        default_loader = xsltDocDefaultLoader;
        xsltSetLoaderFunc(load_template);
    }
    char entry[PATH_MAX];
    snprintf(entry, sizeof entry, "%s/%s", r->templates, entry_rel);
    compiling = r;
    compiling_format = slot;
    compile_refused = 0;
    int errors_before = bg_diag_errors();
    char *path = pick_template(r, entry);
    xsltStylesheetPtr style = NULL;
    if (path && is_file(path))
        style = xsltParseStylesheetFile(BAD_CAST path);
    else
        bg_error(path ? path : entry, 0, "template missing");
    compiling = NULL;
    /* libxslt counts some problems only as messages (an unknown instruction): any
     * error reported while compiling fails the compile. */
    if (style && (style->errors > 0 || compile_refused || bg_diag_errors() != errors_before)) {
        xsltFreeStylesheet(style);
        style = NULL;
    }
    if (!style && bg_diag_errors() == errors_before)
        bg_error(path, 0, "the %s template does not compile", name);
    free(path);
    r->style[slot] = style;
    r->failed[slot] = !style;
    return style;
}

/* The compiled stylesheet for `f` (PDF's is Typst's). */
static xsltStylesheetPtr stylesheet(bg_renderer *renderer, bg_format f) {
    f = formats[f].sheet;
    return compile_slot(renderer, f, formats[f].entry, formats[f].name);
}

const char *const *bg_renderer_sources(bg_renderer *r, bg_format f) {
    return stylesheet(r, f) ? (const char *const *)r->t->sources[formats[f].sheet] : NULL;
}

/* Transform `doc` with `style` for locale `loc`, with the NULL-terminated `params`
 * (name, value, …), into a malloc'd *out / *len.  `path` is the file messages
 * fall back on (and figures are read beside), `what` names the output for the
 * general message when nothing more precise was said.  0, or -1 (reported). */
static int transform(bg_renderer *r, xsltStylesheetPtr style, xmlDocPtr doc, bg_locale *loc, const char **params,
                     const char *path, const char *what, const char *lang, char **out, size_t *len) {
    xsltTransformContextPtr t = xsltNewTransformContext(style, doc);
    if (!t) {
        bg_error(path, 0, "out of memory");
        return -1;
    }
    bg_xslext_run run = {.l10n = r->l10n, .locale = loc, .failed = 0, .owner = r, .brief_path = path};
    bg_xslext_attach(t, &run);
    xsltSetTransformErrorFunc(t, t, transform_error);
    xsltSetCtxtSecurityPrefs(r->t->prefs, t);
    xsltSetCtxtParseOptions(t, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    int errors_before = bg_diag_errors();
    xmlDocPtr result = NULL;
    /* BRIEFGEN_PROFILE=1: libxslt's per-template profile on stderr, for template
     * authors looking for the slow part of a customised template. */
    if (xsltQuoteUserParams(t, params) == 0)
        result = xsltApplyStylesheetUser(style, doc, NULL, NULL, getenv("BRIEFGEN_PROFILE") ? stderr : NULL, t);
    int ok = result && !run.failed && t->state == XSLT_STATE_OK;
    xmlChar *buf = NULL;
    int n = 0;
    if (ok && xsltSaveResultToString(&buf, &n, result, style) != 0)
        ok = 0;
    xmlFreeDoc(result);
    xsltFreeTransformContext(t);
    if (!ok) {
        xmlFree(buf);
        if (bg_diag_errors() == errors_before)
            bg_error(path, 0, "rendering %s (%s) failed", what, lang);
        return -1;
    }
    *out = malloc((size_t)n + 1);
    if (!*out) {
        xmlFree(buf);
        return -1;
    }
    memcpy(*out, buf ? (const char *)buf : "", (size_t)n);
    (*out)[n] = '\0';
    *len = (size_t)n;
    xmlFree(buf);
    return 0;
}

int bg_render(bg_renderer *r, const bg_brief *brief, xmlDocPtr resolved, const char *lang, const char *basename,
              bg_format f, char **out, size_t *len) {
    return bg_render_part(r, brief, resolved, lang, basename, f, "", out, len);
}

int bg_render_part(bg_renderer *r, const bg_brief *brief, xmlDocPtr resolved, const char *lang, const char *basename,
                   bg_format f, const char *part, char **out, size_t *len) {
    *out = NULL;
    *len = 0;
    xsltStylesheetPtr style = stylesheet(r, f);
    bg_locale *loc = bg_l10n_locale(r->l10n, lang);
    if (!style || !loc)
        return -1;

    char langs[256] = "";
    for (int i = 0; i < bg_brief_nlangs(brief); i++) {
        if (i)
            strncat(langs, " ", sizeof langs - strlen(langs) - 1);
        strncat(langs, bg_brief_lang(brief, i), sizeof langs - strlen(langs) - 1);
    }
    const char *params[] = {"lang",     lang,
                            "langs",    langs,
                            "basename", basename,
                            "base-url", r->t->base_url ? r->t->base_url : "",
                            "formats",  r->t->formats ? r->t->formats : "",
                            "part",     part ? part : "",
                            NULL};
    return transform(r, style, resolved, loc, params, bg_brief_path(brief), formats[f].name, lang, out, len);
}

const char *const *bg_renderer_sheet_sources(bg_renderer *r, bg_sheet s) {
    return compile_slot(r, (int)BG_FORMAT_COUNT + (int)s, sheets[s].entry, sheets[s].name)
               ? (const char *const *)r->t->sources[(int)BG_FORMAT_COUNT + (int)s]
               : NULL;
}

int bg_render_collection(bg_renderer *r, xmlDocPtr doc, bg_sheet s, const char *lang, const char *const *params,
                         const char *where, char **out, size_t *len) {
    *out = NULL;
    *len = 0;
    xsltStylesheetPtr style = compile_slot(r, (int)BG_FORMAT_COUNT + (int)s, sheets[s].entry, sheets[s].name);
    bg_locale *loc = bg_l10n_locale(r->l10n, lang);
    if (!style || !loc)
        return -1;
    return transform(r, style, doc, loc, (const char **)params, where, sheets[s].name, lang, out, len);
}
