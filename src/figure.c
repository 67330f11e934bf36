/* figure — see figure.h.  Every check reports at the brief's <figure> (file:line),
 * naming the image file and, for a problem inside an SVG, its line there. */
#include "figure.h"

#include "diag.h"
#include "fileio.h"
#include "xmlsafe.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define XLINK_NS "http://www.w3.org/1999/xlink"

/* SVG elements an embedded figure may use: shapes, text, structure, paint servers,
 * clipping, masking and filters.  Everything that runs code, embeds other documents
 * or styles the page (script, foreignObject, style, iframe …) is not here. */
static const char *const svg_elements[] = {"a",
                                           "animate",
                                           "animateMotion",
                                           "animateTransform",
                                           "circle",
                                           "clipPath",
                                           "defs",
                                           "desc",
                                           "ellipse",
                                           "feBlend",
                                           "feColorMatrix",
                                           "feComponentTransfer",
                                           "feComposite",
                                           "feConvolveMatrix",
                                           "feDiffuseLighting",
                                           "feDisplacementMap",
                                           "feDistantLight",
                                           "feDropShadow",
                                           "feFlood",
                                           "feFuncA",
                                           "feFuncB",
                                           "feFuncG",
                                           "feFuncR",
                                           "feGaussianBlur",
                                           "feImage",
                                           "feMerge",
                                           "feMergeNode",
                                           "feMorphology",
                                           "feOffset",
                                           "fePointLight",
                                           "feSpecularLighting",
                                           "feSpotLight",
                                           "feTile",
                                           "feTurbulence",
                                           "filter",
                                           "g",
                                           "image",
                                           "line",
                                           "linearGradient",
                                           "marker",
                                           "mask",
                                           "metadata",
                                           "mpath",
                                           "path",
                                           "pattern",
                                           "polygon",
                                           "polyline",
                                           "radialGradient",
                                           "rect",
                                           "set",
                                           "stop",
                                           "svg",
                                           "switch",
                                           "symbol",
                                           "text",
                                           "textPath",
                                           "title",
                                           "tspan",
                                           "use",
                                           "view",
                                           NULL};

static int in_list(const char *const *list, const xmlChar *name) {
    for (int i = 0; list[i]; i++)
        if (xmlStrEqual(name, BAD_CAST list[i]))
            return 1;
    return 0;
}

/* What one load is about, for messages. */
typedef struct loader {
    const char *brief; /* the brief's path */
    long line;         /* its <figure> */
    const char *src;   /* figure/@src as written */
    const char *file;  /* the image as messages name it */
    int problems;
} loader;

/* Report a problem of the figure; `at` > 0 names a line of the image file. */
static void problem(loader *l, long at, const char *fmt, ...) BG_PRINTF(3, 4);
static void problem(loader *l, long at, const char *fmt, ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (at > 0)
        bg_error(l->brief, l->line, "<figure src=\"%s\">: %s:%ld: %s", l->src, l->file, at, msg);
    else
        bg_error(l->brief, l->line, "<figure src=\"%s\">: %s", l->src, msg);
    l->problems++;
}

void bg_figure_free(bg_figure *fig) {
    if (!fig)
        return;
    xmlFreeDoc(fig->svg);
    free(fig->data);
    free(fig->path);
    free(fig);
}

const char *bg_figure_ext(const bg_figure *fig) { return fig->kind == BG_FIGURE_SVG ? "svg" : "png"; }

/* ---- where the file may be ------------------------------------------------------ */

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcasecmp(s + n - k, suffix) == 0;
}

/* 1 when `src` starts like a URL: a scheme ("http:", "file:", "data:") or "//host". */
static int looks_like_url(const char *src) {
    if (src[0] == '/' && src[1] == '/')
        return 1;
    size_t n = strspn(src, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
    return n > 0 && src[n] == ':' && ((src[0] >= 'a' && src[0] <= 'z') || (src[0] >= 'A' && src[0] <= 'Z'));
}

static int has_dotdot(const char *src) {
    for (const char *p = src; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return 1;
        p += n;
        p += *p == '/';
    }
    return 0;
}

/* 1 when the real path `path` lies inside the real folder `dir`. */
static int inside(const char *path, const char *dir) {
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/')
        return 1;
    return strncmp(path, dir, n) == 0 && path[n] == '/';
}

/* Check `src` and read the file into fig->data.  0, or -1 after reporting. */
static int read_file(loader *l, bg_figure *fig) {
    const char *src = l->src;
    if (!*src) {
        problem(l, 0, "src is empty; name the image file, e.g. src=\"chart.svg\"");
        return -1;
    }
    if (looks_like_url(src)) {
        problem(l, 0,
                "a URL cannot be embedded; save the image in the brief's folder and name the file "
                "(src=\"chart.svg\")");
        return -1;
    }
    if (src[0] == '/') {
        problem(l, 0,
                "an absolute path is not allowed; name the image relative to the brief's folder "
                "(src=\"chart.svg\")");
        return -1;
    }
    if (has_dotdot(src)) {
        problem(l, 0, "\"..\" is not allowed; the image must be inside the brief's folder");
        return -1;
    }
    if (!ends_with(src, ".svg") && !ends_with(src, ".png")) {
        problem(l, 0, "the image must be an SVG (.svg) or a PNG (.png) file");
        return -1;
    }
    fig->kind = ends_with(src, ".svg") ? BG_FIGURE_SVG : BG_FIGURE_PNG;

    /* The brief's folder, and the image as messages name it (beside the brief as the
     * user named it: "samples/map.svg"). */
    char dir[PATH_MAX], path[PATH_MAX];
    const char *slash = strrchr(l->brief, '/');
    int fits;
    if (!slash) {
        snprintf(dir, sizeof dir, ".");
        fits = snprintf(path, sizeof path, "%s", src) < (int)sizeof path;
    } else if (slash == l->brief) {
        snprintf(dir, sizeof dir, "/");
        fits = snprintf(path, sizeof path, "/%s", src) < (int)sizeof path;
    } else {
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - l->brief), l->brief);
        fits = snprintf(path, sizeof path, "%s/%s", dir, src) < (int)sizeof path;
    }
    if (!fits) {
        problem(l, 0, "the path is too long");
        return -1;
    }
    fig->path = strdup(path);
    if (!fig->path) {
        problem(l, 0, "out of memory");
        return -1;
    }
    l->file = fig->path;

    char real_dir[PATH_MAX], real[PATH_MAX];
    if (!realpath(dir, real_dir) || !realpath(path, real)) {
        problem(l, 0, "cannot read %s: %s", path, strerror(errno));
        return -1;
    }
    if (!inside(real, real_dir)) {
        problem(l, 0, "%s leads outside the brief's folder (it is a symbolic link); copy the image into the folder",
                path);
        return -1;
    }
    mode_t mode = 0;
    char *bytes = NULL;
    bg_file_status got = bg_file_read(real, BG_FIGURE_MAX_BYTES, &bytes, &fig->len, &mode);
    fig->data = (unsigned char *)bytes;
    switch (got) {
    case BG_FILE_OK:
        break;
    case BG_FILE_NOT_REGULAR:
        problem(l, 0, "%s is not a regular file%s", path, bg_file_kind(mode));
        return -1;
    case BG_FILE_TOO_LARGE:
        problem(l, 0, "%s is too large (%zu bytes; the limit is %ld MiB)", path, fig->len,
                BG_FIGURE_MAX_BYTES / (1024L * 1024));
        fig->len = 0;
        return -1;
    case BG_FILE_CANNOT_OPEN:
    case BG_FILE_CANNOT_READ:
        problem(l, 0, "cannot read %s: %s", path, strerror(errno));
        return -1;
    }
    if (fig->len == 0) {
        problem(l, 0, "%s is empty", path);
        return -1;
    }
    return 0;
}

/* ---- PNG ------------------------------------------------------------------------ */

static long be32(const unsigned char *p) {
    return (long)(((unsigned long)p[0] << 24) | ((unsigned long)p[1] << 16) | ((unsigned long)p[2] << 8) | p[3]);
}

static int check_png(loader *l, bg_figure *fig) {
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (fig->len < 8 || memcmp(fig->data, signature, 8) != 0) {
        problem(l, 0, "%s is not a PNG file (it does not start with the PNG signature)", fig->path);
        return -1;
    }
    if (fig->len < 33 || memcmp(fig->data + 12, "IHDR", 4) != 0 || be32(fig->data + 16) <= 0 ||
        be32(fig->data + 20) <= 0) {
        problem(l, 0, "%s is not a complete PNG file (no image header after the signature)", fig->path);
        return -1;
    }
    fig->width = be32(fig->data + 16);
    fig->height = be32(fig->data + 20);
    return 0;
}

/* ---- SVG ------------------------------------------------------------------------ */

static int is_svg_element(const xmlNode *n) {
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST BG_SVG_NS);
}

/* Names are compared without regard to case: the SVG is inlined in HTML, whose
 * parser lower-cases attribute names, so <use hRef="other.svg#x"> links there. */
static int is_href(const xmlAttr *a) {
    return !xmlStrcasecmp(a->name, BAD_CAST "href") && (!a->ns || xmlStrEqual(a->ns->href, BAD_CAST XLINK_NS));
}

/* A raster image inside an SVG <image> may be a data: URI; nothing else may. */
static int is_raster_data_uri(const char *v) {
    static const char *const types[] = {"data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp", NULL};
    for (int i = 0; types[i]; i++) {
        size_t n = strlen(types[i]);
        if (strncasecmp(v, types[i], n) == 0 && (v[n] == ';' || v[n] == ','))
            return 1;
    }
    return 0;
}

/* The first "url(" in `v`, in any case, or NULL. */
static const char *find_url(const char *v) {
    for (; *v; v++)
        if (strncasecmp(v, "url(", 4) == 0)
            return v;
    return NULL;
}

static int contains_nocase(const char *v, const char *word) {
    size_t n = strlen(word);
    for (; *v; v++)
        if (strncasecmp(v, word, n) == 0)
            return 1;
    return 0;
}

/* `v` as CSS reads it, into a new string: escapes decoded ("u\72l(" is "url("), so
 * the checks below see what a browser will (found by fuzz/fuzz_figure.c:
 * fuzz/corpus/figure/crash-css-escaped-url).  Characters past ASCII become '?'. */
static char *css_unescaped(const char *v) {
    char *out = malloc(strlen(v) + 1), *o = out;
    if (!out)
        return NULL;
    for (const char *p = v; *p;) {
        if (*p != '\\' || !p[1]) {
            *o++ = *p++;
            continue;
        }
        p++;
        if (!isxdigit((unsigned char)*p)) {
            *o++ = *p++;
            continue;
        }
        unsigned long c = 0;
        for (int k = 0; k < 6 && isxdigit((unsigned char)*p); k++, p++)
            c = c * 16 + (unsigned long)(isdigit((unsigned char)*p) ? *p - '0' : tolower((unsigned char)*p) - 'a' + 10);
        if (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        *o++ = (char)(c > 0 && c < 128 ? (int)c : '?');
    }
    *o = '\0';
    return out;
}

/* A CSS function that fetches an image named by a string, as url() does with a
 * URL: image-set('https://…' 1x) in a style would make the reader's browser fetch
 * it (fuzz/corpus/figure/crash-css-image-set).  The first found in `v` (already
 * unescaped), or NULL. */
static const char *fetching_function(const char *v) {
    static const char *const names[] = {"image-set(", "image(", "cross-fade(", "src(", NULL};
    for (int i = 0; names[i]; i++) {
        size_t n = strlen(names[i]);
        for (const char *p = v; *p; p++)
            if (strncasecmp(p, names[i], n) == 0 &&
                (p == v || !(isalnum((unsigned char)p[-1]) || p[-1] == '-' || p[-1] == '_')))
                return names[i];
    }
    return NULL;
}

/* 1 when every url(…) in `v` refers to "#id". */
static int urls_are_local(const char *v) {
    for (const char *p = v; (p = find_url(p)) != NULL;) {
        p += 4;
        p += strspn(p, " \t\r\n'\"");
        if (*p != '#')
            return 0;
    }
    return 1;
}

/* The start of `v` for a message: at most 60 bytes, not cut inside a character. */
static void excerpt(char *buf, size_t size, const char *v) {
    size_t n = strlen(v), max = size - 4 < 60 ? size - 4 : 60;
    if (n <= max) {
        snprintf(buf, size, "%s", v);
        return;
    }
    while (max > 0 && ((unsigned char)v[max] & 0xC0) == 0x80)
        max--;
    snprintf(buf, size, "%.*s…", (int)max, v);
}

static void check_svg_attributes(loader *l, xmlNodePtr el) {
    const char *name = (const char *)el->name;
    long at = xmlGetLineNo(el);
    for (xmlAttrPtr a = el->properties; a; a = a->next) {
        xmlChar *value = xmlNodeListGetString(el->doc, a->children, 1);
        const char *v = value ? (const char *)value : "";
        char *css = css_unescaped(v);
        const char *fetch = NULL;
        /* The properties that take an image: style, and mask and cursor. */
        if (css && !a->ns &&
            (!xmlStrcasecmp(a->name, BAD_CAST "style") || !xmlStrcasecmp(a->name, BAD_CAST "mask") ||
             !xmlStrcasecmp(a->name, BAD_CAST "cursor")))
            fetch = fetching_function(css);
        char shown[80];
        excerpt(shown, sizeof shown, v);
        if (!a->ns && strncasecmp((const char *)a->name, "on", 2) == 0)
            problem(l, at, "<%s %s=\"…\"> is an event handler; an embedded image may not run scripts", name,
                    (const char *)a->name);
        else if (is_href(a) && v[0] != '#' &&
                 !((!xmlStrcasecmp(el->name, BAD_CAST "image") || !xmlStrcasecmp(el->name, BAD_CAST "feImage")) &&
                   is_raster_data_uri(v)))
            problem(l, at,
                    "<%s %s%s=\"%s\"> refers to another file; an embedded image may refer only to its own parts "
                    "(href=\"#…\")",
                    name, a->ns ? "xlink:" : "", (const char *)a->name, shown);
        else if (!css || !urls_are_local(css))
            problem(l, at,
                    "<%s %s=\"%s\"> refers to another file; an embedded image may refer only to its own parts "
                    "(url(#…))",
                    name, (const char *)a->name, shown);
        else if (fetch)
            problem(l, at,
                    "<%s %s=\"%s\">: %s…) fetches another file; an embedded image may refer only to its own parts",
                    name, (const char *)a->name, shown, fetch);
        else if (!xmlStrcasecmp(a->name, BAD_CAST "style") && contains_nocase(css, "@import"))
            problem(l, at, "<%s style=\"%s\"> imports another file; an embedded image may not", name, shown);
        else if (!xmlStrcasecmp(a->name, BAD_CAST "attributeName") && !a->ns && strlen(v) >= 4 &&
                 strcasecmp(v + strlen(v) - 4, "href") == 0)
            problem(l, at,
                    "<%s attributeName=\"%s\"> would change a link while the image is shown; not allowed in "
                    "an embedded image",
                    name, shown);
        free(css);
        xmlFree(value);
    }
}

/* Check the elements under and including `el`.  Elements of other namespaces
 * (editor metadata) are dropped when the image is embedded, so only a script or a
 * foreignObject among them matters. */
static void check_svg_tree(loader *l, xmlNodePtr el) {
    for (xmlNodePtr n = el; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)n->name;
        long at = xmlGetLineNo(n);
        if (strcasecmp(name, "script") == 0) {
            problem(l, at, "<script> is not allowed: an embedded image may not run scripts");
            continue;
        }
        if (strcasecmp(name, "foreignObject") == 0) {
            problem(l, at, "<foreignObject> is not allowed: it can hold HTML and scripts");
            continue;
        }
        if (!is_svg_element(n))
            continue;
        if (xmlStrEqual(n->name, BAD_CAST "style")) {
            problem(l, at,
                    "<style> is not allowed: inlined into a page, its rules would style the whole page; use "
                    "presentation attributes (fill=\"…\") or style=\"…\" on the elements");
            continue;
        }
        if (!in_list(svg_elements, n->name)) {
            problem(l, at, "<%s> is not an SVG element briefgen embeds", name);
            continue;
        }
        check_svg_attributes(l, n);
        check_svg_tree(l, n->children);
    }
}

static int check_svg(loader *l, bg_figure *fig) {
    if (fig->len > INT_MAX) {
        problem(l, 0, "%s is too large", fig->path);
        return -1;
    }
    fig->svg = bg_xml_parse_untrusted((const char *)fig->data, (int)fig->len, fig->path);
    if (!fig->svg) { /* the parse said why, with the image's line */
        problem(l, 0, "%s cannot be read as an SVG image (the problem is reported above)", fig->path);
        return -1;
    }
    xmlNodePtr root = xmlDocGetRootElement(fig->svg);
    if (!root || !is_svg_element(root) || !xmlStrEqual(root->name, BAD_CAST "svg")) {
        problem(l, 0, "%s is not an SVG image: its root element is <%s>, not <svg xmlns=\"%s\">", fig->path,
                root ? (const char *)root->name : "", BG_SVG_NS);
        return -1;
    }
    for (xmlNodePtr n = fig->svg->children; n; n = n->next)
        if (n->type == XML_PI_NODE && xmlStrEqual(n->name, BAD_CAST "xml-stylesheet"))
            problem(l, xmlGetLineNo(n), "<?xml-stylesheet?> refers to another file; an embedded image may not");
    int before_tree = l->problems;
    check_svg_tree(l, root);
    return l->problems == before_tree ? 0 : -1;
}

bg_figure *bg_figure_load(const char *brief_path, long line, const char *src) {
    loader l = {brief_path, line, src, src, 0};
    bg_figure *fig = calloc(1, sizeof *fig);
    if (!fig) {
        bg_error(brief_path, line, "out of memory");
        return NULL;
    }
    int rc = read_file(&l, fig);
    if (rc == 0)
        rc = fig->kind == BG_FIGURE_PNG ? check_png(&l, fig) : check_svg(&l, fig);
    if (rc != 0 || l.problems) {
        bg_figure_free(fig);
        return NULL;
    }
    return fig;
}

/* ---- the embedded form ------------------------------------------------------------- */

/* `v` with `prefix` put after every "#" that starts a reference: url(#id), and a
 * whole value "#id" (an href; colours such as fill="#0d4a82" never get here).
 * Malloc'd. */
static char *prefix_refs(const char *v, const char *prefix, int whole) {
    size_t plen = strlen(prefix), n = 1;
    for (const char *p = v; (p = find_url(p)) != NULL; p += 4)
        n++;
    char *out = malloc(strlen(v) + n * plen + 2);
    if (!out)
        return NULL;
    char *o = out;
    if (whole && v[0] == '#') {
        *o++ = '#';
        memcpy(o, prefix, plen);
        o += plen;
        v++;
    }
    for (const char *p = v; *p;) {
        const char *u = find_url(p);
        if (!u) {
            size_t rest = strlen(p);
            memcpy(o, p, rest);
            o += rest;
            break;
        }
        const char *q = u + 4;
        q += strspn(q, " \t\r\n'\"");
        memcpy(o, p, (size_t)(q - p));
        o += q - p;
        if (*q == '#') {
            *o++ = '#';
            memcpy(o, prefix, plen);
            o += plen;
            q++;
        }
        p = q;
    }
    *o = '\0';
    return out;
}

/* Each white-space separated id of `v` with `prefix` before it.  Malloc'd. */
static char *prefix_tokens(const char *v, const char *prefix) {
    size_t plen = strlen(prefix);
    char *out = malloc(strlen(v) * (plen + 2) + 1);
    if (!out)
        return NULL;
    char *o = out;
    for (const char *p = v; *p;) {
        p += strspn(p, " \t\r\n");
        size_t k = strcspn(p, " \t\r\n");
        if (!k)
            break;
        if (o != out)
            *o++ = ' ';
        memcpy(o, prefix, plen);
        o += plen;
        memcpy(o, p, k);
        o += k;
        p += k;
    }
    *o = '\0';
    return out;
}

/* The value an attribute takes in the embedded form. */
static char *embedded_value(const xmlChar *name, const char *v, const char *prefix) {
    if (!xmlStrcasecmp(name, BAD_CAST "id")) {
        char *out = malloc(strlen(prefix) + strlen(v) + 1);
        if (out)
            sprintf(out, "%s%s", prefix, v);
        return out;
    }
    if (!xmlStrcasecmp(name, BAD_CAST "aria-labelledby") || !xmlStrcasecmp(name, BAD_CAST "aria-describedby"))
        return prefix_tokens(v, prefix);
    if ((!xmlStrcasecmp(name, BAD_CAST "href") && v[0] == '#') || find_url(v))
        return prefix_refs(v, prefix, !xmlStrcasecmp(name, BAD_CAST "href"));
    return strdup(v);
}

/* A number in `v` such as "360", "360.5" or "360px"; -1 when it is not one. */
static double plain_length(const char *v) {
    char *end;
    double d = v ? strtod(v, &end) : -1;
    if (!v || end == v || (*end && strcmp(end, "px") != 0) || d <= 0)
        return -1;
    return d;
}

static xmlNodePtr copy_svg(xmlNodePtr src, xmlDocPtr doc, xmlNsPtr *ns, const char *prefix) {
    xmlNodePtr el = xmlNewDocNode(doc, *ns, src->name, NULL);
    if (!el)
        return NULL;
    if (!*ns) { /* the root: declare the SVG namespace as the default */
        *ns = xmlNewNs(el, BAD_CAST BG_SVG_NS, NULL);
        xmlSetNs(el, *ns);
    }
    int has_href = 0;
    for (xmlAttrPtr a = src->properties; a; a = a->next)
        has_href |= !a->ns && !xmlStrcasecmp(a->name, BAD_CAST "href");
    for (xmlAttrPtr a = src->properties; a; a = a->next) {
        int xlink_href = a->ns && is_href(a);
        if ((a->ns && !xlink_href) || (xlink_href && has_href))
            continue;
        xmlChar *value = xmlNodeListGetString(src->doc, a->children, 1);
        char *v = embedded_value(a->name, value ? (const char *)value : "", prefix);
        if (v)
            xmlNewProp(el, a->name, BAD_CAST v);
        free(v);
        xmlFree(value);
    }
    for (xmlNodePtr k = src->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
            xmlAddChild(el, xmlNewDocText(doc, k->content));
        } else if (is_svg_element(k)) {
            xmlNodePtr child = copy_svg(k, doc, ns, prefix);
            if (child)
                xmlAddChild(el, child);
        }
    }
    return el;
}

xmlNodePtr bg_figure_svg_copy(const bg_figure *fig, xmlDocPtr doc, const char *prefix) {
    xmlNodePtr root = fig->svg ? xmlDocGetRootElement(fig->svg) : NULL;
    if (!root)
        return NULL;
    xmlNsPtr ns = NULL;
    xmlNodePtr svg = copy_svg(root, doc, &ns, prefix ? prefix : "");
    if (svg && !xmlHasProp(svg, BAD_CAST "viewBox")) {
        xmlChar *w = xmlGetProp(svg, BAD_CAST "width"), *h = xmlGetProp(svg, BAD_CAST "height");
        double dw = plain_length((const char *)w), dh = plain_length((const char *)h);
        if (dw > 0 && dh > 0) {
            char box[96];
            snprintf(box, sizeof box, "0 0 %g %g", dw, dh);
            xmlNewProp(svg, BAD_CAST "viewBox", BAD_CAST box);
        }
        xmlFree(w);
        xmlFree(h);
    }
    return svg;
}

char *bg_figure_file(const char *brief_path, long line, const char *src, const char *stem, const char *id, char **name,
                     size_t *len) {
    *name = NULL;
    *len = 0;
    bg_figure *fig = bg_figure_load(brief_path, line, src);
    if (!fig)
        return NULL;
    size_t size = strlen(stem) + strlen(id) + 6;
    char *data = bg_figure_output(fig, len);
    *name = malloc(size);
    if (data && *name)
        snprintf(*name, size, "%s.%s.%s", stem, id, bg_figure_ext(fig));
    bg_figure_free(fig);
    if (!data || !*name) {
        free(data), free(*name);
        *name = NULL;
        bg_error(brief_path, line, "out of memory");
        return NULL;
    }
    return data;
}

char *bg_figure_output(const bg_figure *fig, size_t *len) {
    *len = 0;
    if (fig->kind == BG_FIGURE_PNG) {
        char *copy = malloc(fig->len ? fig->len : 1);
        if (copy) {
            memcpy(copy, fig->data, fig->len);
            *len = fig->len;
        }
        return copy;
    }
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr svg = doc ? bg_figure_svg_copy(fig, doc, "") : NULL;
    char *out = NULL;
    if (svg) {
        xmlDocSetRootElement(doc, svg);
        xmlChar *buf = NULL;
        int n = 0;
        xmlDocDumpFormatMemoryEnc(doc, &buf, &n, "UTF-8", 0);
        if (buf && (out = malloc((size_t)n + 1)) != NULL) {
            memcpy(out, buf, (size_t)n);
            out[n] = '\0';
            *len = (size_t)n;
        }
        xmlFree(buf);
    }
    xmlFreeDoc(doc);
    return out;
}

char *bg_figure_data_uri(const bg_figure *fig) {
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    static const char head[] = "data:image/png;base64,";
    size_t n = fig->len;
    char *out = malloc(sizeof head + (n + 2) / 3 * 4 + 1);
    if (!out)
        return NULL;
    char *o = out + sprintf(out, "%s", head);
    const unsigned char *d = fig->data;
    size_t i = 0;
    for (; i + 2 < n; i += 3) {
        *o++ = b64[d[i] >> 2];
        *o++ = b64[((d[i] & 3) << 4) | (d[i + 1] >> 4)];
        *o++ = b64[((d[i + 1] & 15) << 2) | (d[i + 2] >> 6)];
        *o++ = b64[d[i + 2] & 63];
    }
    if (i < n) {
        *o++ = b64[d[i] >> 2];
        if (i + 1 < n) {
            *o++ = b64[((d[i] & 3) << 4) | (d[i + 1] >> 4)];
            *o++ = b64[(d[i + 1] & 15) << 2];
        } else {
            *o++ = b64[(d[i] & 3) << 4];
            *o++ = '=';
        }
        *o++ = '=';
    }
    *o = '\0';
    return out;
}
