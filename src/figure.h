/* figure — the image file a brief's <figure src="…"> names: where it may be, what it
 * must be, and the safe form that is embedded in the outputs.
 *
 * The file is named relative to the brief's folder and must stay inside it: no
 * absolute path, no "..", no URL, no symbolic link that leads out of the folder.  It
 * is an SVG (.svg) or a PNG (.png) of at most BG_FIGURE_MAX_BYTES.  A PNG must start
 * with the PNG signature and its IHDR chunk.  An SVG must be well-formed XML (parsed
 * like a brief: no DTD, no entities, no network) with an <svg> root in the SVG
 * namespace, and may neither run scripts (<script>, on… attributes, <foreignObject>,
 * animations that rewrite links) nor refer to anything outside itself (href and
 * url(…) other than "#id"; data: URIs only for raster images inside <image>;
 * <?xml-stylesheet?>).  <style> elements are refused too: inlined into a page, their
 * rules would style the whole page.
 *
 * Memory rule: bg_figure_load returns an object the caller frees with
 * bg_figure_free (NULL-safe); the figure owns its path, bytes and parsed SVG.  What
 * the other functions return is the caller's, as each says.
 *
 * Failure: bg_figure_load reports every problem through diag at the brief's file and
 * line, naming the image file (a problem inside an SVG with its line there), and
 * returns NULL.  The other functions fail only when out of memory: they return NULL
 * and say nothing, for the caller to report where it knows the place.
 *
 * Threads: a figure is made, used and freed by one thread (each load is a file read
 * and an xmlsafe parse of its own); different figures may be loaded on different
 * threads at once.  Messages go to the calling thread's diag.
 */
#ifndef BG_FIGURE_H
#define BG_FIGURE_H

#include <libxml/tree.h>
#include <stddef.h>

#define BG_FIGURE_MAX_BYTES (10L * 1024 * 1024)
#define BG_SVG_NS "http://www.w3.org/2000/svg"

typedef enum bg_figure_kind { BG_FIGURE_SVG, BG_FIGURE_PNG } bg_figure_kind;

typedef struct bg_figure {
    bg_figure_kind kind;
    char *path;          /* the file as messages name it: "samples/map.svg" */
    unsigned char *data; /* the file's bytes */
    size_t len;
    xmlDocPtr svg;      /* SVG: the parsed file */
    long width, height; /* PNG: its size in pixels */
} bg_figure;

/* Read and check the image `src` of the brief at `brief_path` (whose <figure> stands
 * at `line`).  A new figure the caller frees with bg_figure_free; NULL after
 * reporting every problem found. */
bg_figure *bg_figure_load(const char *brief_path, long line, const char *src);
/* Free `fig` and all it owns.  NULL does nothing. */
void bg_figure_free(bg_figure *fig);

/* "svg" or "png": the extension of the copy written beside a DocBook output (a
 * static string). */
const char *bg_figure_ext(const bg_figure *fig);

/* The SVG of `fig` in the form that is embedded: a new <svg> element created in `doc`
 * (not linked into it) holding only SVG elements and un-namespaced attributes
 * (xlink:href becomes href; metadata of other namespaces, comments and processing
 * instructions are dropped), every id prefixed with `prefix` and every reference
 * to one ("#id", url(#id), aria-labelledby) rewritten to match, so that several
 * figures and the page keep unique ids; a viewBox is added from width and height
 * when the file has none, so the image can scale.  The caller links the node into
 * `doc` or frees it with xmlFreeNode.  NULL on out-of-memory (said nowhere) or when
 * `fig` is not an SVG. */
xmlNodePtr bg_figure_svg_copy(const bg_figure *fig, xmlDocPtr doc, const char *prefix);

/* The file to write beside a DocBook output: the PNG's bytes, or the SVG in its
 * embedded form (no prefix) as a standalone XML file.  A malloc'd buffer the caller
 * frees with free(); NULL on out-of-memory (said nowhere). */
char *bg_figure_output(const bg_figure *fig, size_t *len);

/* The image file of the figure `id` (its image `src`, its <figure> at `line` of the
 * brief at `brief_path`) as build writes it beside the DocBook and Typst outputs of
 * `stem` and the PDF engine is given it: its name, "STEM.ID.svg" or "STEM.ID.png",
 * in *name, and bg_figure_output's bytes returned (*len of them); both malloc'd,
 * the caller frees them.  NULL after reporting why (the image's problems, or out of
 * memory at the figure's line). */
char *bg_figure_file(const char *brief_path, long line, const char *src, const char *stem, const char *id, char **name,
                     size_t *len);

/* A data: URI of the PNG ("data:image/png;base64,…"), in a malloc'd string the
 * caller frees with free(); NULL on out-of-memory (said nowhere). */
char *bg_figure_data_uri(const bg_figure *fig);

#endif
