/* xslext — the bridge between templates and l10n: XSLT extension functions in the
 * namespace BG_XSLT_NS (bg:msg, bg:date, bg:number, bg:list, bg:slug, bg:autonym,
 * bg:citation, and bg:image for the files figures embed) and an xsl:sort hook that
 * collates with ICU.  See docs/templates.md.
 */
#ifndef BG_XSLEXT_H
#define BG_XSLEXT_H

#include "l10n.h"

#include <libxslt/xsltInternals.h>

#define BG_XSLT_NS "urn:briefgen:xslt"

/* Per-transform state, reached from the functions through the transform
 * context's _private.  `failed` is set when a function could not do its work (an
 * unknown message key, a bad date): the render must then fail as a whole. */
typedef struct bg_xslext_run {
    bg_l10n *l10n;
    bg_locale *locale;
    int failed;
    void *owner;            /* the renderer running the transform; opaque here */
    const char *brief_path; /* the brief being rendered: figures are read beside it */
} bg_xslext_run;

/* Register every extension function once per process (libxslt keeps them in a
 * global table). */
void bg_xslext_register(void);

/* Attach `run` to `ctxt` and install the ICU sort hook. */
void bg_xslext_attach(xsltTransformContextPtr ctxt, bg_xslext_run *run);

#endif
