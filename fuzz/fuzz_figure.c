/* fuzz_figure — libFuzzer target: the image file of a brief's <figure>, which
 * comes from the same many hands as the brief and is embedded into the published
 * page.  The first byte picks the kind (even: img.svg, odd: img.png); the rest is
 * the file, written into a private folder beside a brief that names it.
 *
 * bg_figure_load checks it; when it is accepted, the embedded copy
 * (bg_figure_svg_copy) and the DocBook companion (bg_figure_output) are made, and
 * the copy is held to figure.h's promise — the oracle below aborts, which the
 * fuzzer reports as a finding, when an accepted image would run a script or make
 * the reader's browser fetch anything:
 *   - no element named script, foreignObject, style, iframe, object, embed;
 *   - no attribute whose name starts with "on";
 *   - every href "#…" (or a raster data: URI on image and feImage);
 *   - no attribute value that, once CSS escapes are decoded, holds url( to other
 *     than "#…"; no style, mask or cursor (the properties that take an image)
 *     with a CSS function that fetches by a string (image-set, image,
 *     cross-fade, src) or @import;
 *   - no animation (animate, set) of an attribute named …href.
 *
 * Seeds: fuzz/corpus/figure/ (the sample's map, small SVGs, PNG headers). */
#include "figure.h"
#include "fuzz_common.h"

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static char dir[PATH_MAX];
static char brief[PATH_MAX + 16];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void remove_dir(void) {
    char p[PATH_MAX + 16];
    snprintf(p, sizeof p, "%s/img.svg", dir);
    unlink(p);
    snprintf(p, sizeof p, "%s/img.png", dir);
    unlink(p);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc, (void)argv;
    fuzz_setup_libraries();
    snprintf(dir, sizeof dir, "%s/briefgen-fuzz-figure.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir))
        abort();
    atexit(remove_dir);
    snprintf(brief, sizeof brief, "%s/brief.xml", dir); /* need not exist */
    return 0;
}

/* `v` with CSS escapes decoded (\75 and \u both give "u"), lower-cased, into `out`. */
static void css_decoded(const char *v, char *out, size_t size) {
    size_t o = 0;
    for (const char *p = v; *p && o + 1 < size;) {
        if (*p == '\\' && p[1]) {
            p++;
            if (isxdigit((unsigned char)*p)) {
                unsigned long c = 0;
                for (int k = 0; k < 6 && isxdigit((unsigned char)*p); k++, p++)
                    c = c * 16 + (unsigned long)(isdigit((unsigned char)*p) ? *p - '0' : (tolower(*p) - 'a' + 10));
                if (*p == ' ')
                    p++;
                out[o++] = (char)(c < 128 ? tolower((int)c) : '?');
            } else {
                out[o++] = (char)tolower((unsigned char)*p++);
            }
        } else {
            out[o++] = (char)tolower((unsigned char)*p++);
        }
    }
    out[o] = '\0';
}

static void violation(const char *what, const xmlNode *el, const char *detail) {
    fprintf(stderr, "fuzz_figure: an accepted image breaks figure.h: %s on <%s> (%s)\n", what, (const char *)el->name,
            detail);
    abort();
}

static void check_value(const xmlNode *el, const xmlAttr *a, const char *v) {
    static char d[1 << 16];
    css_decoded(v, d, sizeof d);
    for (const char *p = d; (p = strstr(p, "url(")) != NULL;) {
        p += 4;
        p += strspn(p, " \t\r\n\f'\"");
        if (*p != '#')
            violation("url() to another file", el, (const char *)a->name);
    }
    /* A CSS function starts a token: not after a letter, digit, '-' or '_' (in a
     * path's "30src(" there is no function). */
    static const char *const fetching[] = {"image-set(", "image(", "cross-fade(", "src(", "@import", NULL};
    const char *name = (const char *)a->name;
    if (strcmp(name, "style") != 0 && strcmp(name, "mask") != 0 && strcmp(name, "cursor") != 0)
        return; /* the properties that take an <image> */
    for (int i = 0; fetching[i]; i++)
        for (const char *p = d; (p = strstr(p, fetching[i])) != NULL; p++)
            if (p == d || !(isalnum((unsigned char)p[-1]) || p[-1] == '-' || p[-1] == '_'))
                violation("a CSS function that fetches", el, fetching[i]);
}

static void check_copy(const xmlNode *el) {
    for (; el; el = el->next) {
        if (el->type != XML_ELEMENT_NODE)
            continue;
        static const char *const banned[] = {"script", "foreignObject", "style", "iframe", "object", "embed", NULL};
        for (int i = 0; banned[i]; i++)
            if (strcasecmp((const char *)el->name, banned[i]) == 0)
                violation("a banned element", el, banned[i]);
        for (const xmlAttr *a = el->properties; a; a = a->next) {
            xmlChar *value = xmlNodeListGetString(el->doc, a->children, 1);
            const char *v = value ? (const char *)value : "";
            const char *name = (const char *)a->name;
            if (strncasecmp(name, "on", 2) == 0)
                violation("an event handler", el, name);
            if (strcasecmp(name, "href") == 0 && v[0] != '#' &&
                !((xmlStrEqual(el->name, BAD_CAST "image") || xmlStrEqual(el->name, BAD_CAST "feImage")) &&
                  strncasecmp(v, "data:image/", 11) == 0 && strncasecmp(v, "data:image/svg", 14) != 0))
                violation("a link to another file", el, v);
            if (strcasecmp(name, "attributeName") == 0) {
                char t[256];
                snprintf(t, sizeof t, "%s", v);
                size_t n = strlen(t);
                while (n > 0 && isspace((unsigned char)t[n - 1]))
                    t[--n] = '\0';
                if (n >= 4 && strcasecmp(t + n - 4, "href") == 0)
                    violation("an animated link", el, v);
            }
            check_value(el, a, v);
            xmlFree(value);
        }
        check_copy(el->children);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1 || size > 256 * 1024UL)
        return -1;
    const char *name = data[0] & 1 ? "img.png" : "img.svg";
    char path[PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data + 1, 1, size - 1, f) != size - 1 || fclose(f) != 0)
        abort();
    bg_diag_capture c;
    fuzz_quiet_begin(&c);
    bg_figure *fig = bg_figure_load(brief, 1, name);
    if (fig) {
        if (fig->kind == BG_FIGURE_SVG) {
            xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
            xmlNodePtr copy = doc ? bg_figure_svg_copy(fig, doc, "f1-") : NULL;
            if (copy) {
                xmlDocSetRootElement(doc, copy);
                check_copy(copy);
            }
            xmlFreeDoc(doc);
        }
        size_t len = 0;
        free(bg_figure_output(fig, &len));
    }
    bg_figure_free(fig);
    fuzz_quiet_end(&c);
    unlink(path);
    return 0;
}
