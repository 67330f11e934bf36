/* xslext — the bridge between templates and l10n: XSLT extension functions in the
 * namespace BG_XSLT_NS (bg:msg, bg:date, bg:number, bg:list, bg:slug, bg:autonym,
 * bg:citation, bg:splice, bg:image for the files figures embed, bg:reading-minutes
 * (textstats.h: the reading time `briefgen stats` gives), and for Typst
 * bg:typst, the escape of text, and bg:line, an element's line; bg:json, a JSON
 * string for the HTML's JSON-LD) and an xsl:sort
 * hook that collates with ICU.  See docs/templates.md.
 *
 * Memory rule: the bg_xslext_run is the caller's (bg_render keeps it on its stack)
 * and must outlive the transform; nothing here frees it.  What a function returns
 * belongs to libxslt (result fragments are registered with the transform).
 *
 * Failure: a function that cannot do its work says why through diag — at the
 * template instruction's file and line, or in l10n's or figure's words (out of
 * memory, it may leave the words to bg_render's general message) — sets
 * run->failed and stops the transform, and bg_render then fails the whole render:
 * a brief is never published with a word missing.  (bg:date stops nothing when
 * ICU fails to format a date it could read; `failed` still fails the render.)  In
 * a transform without a run attached, every function but bg:splice, bg:typst,
 * bg:json and bg:line raises an XPath arity error.  The sort hook never fails: out of memory,
 * it sorts by the keys it could compute, or not at all, silently.
 *
 * Threads: bg_xslext_register fills libxslt's process-wide table: once, from main(),
 * before any thread.  Everything else lives in one transform context — the run,
 * its l10n and locale (the calling thread's own: ICU formatters belong to one
 * thread), the sort hook — and nothing is written into the compiled stylesheet
 * that threads share.
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
 * global table).  Cannot fail loudly: libxslt's return values are not checked. */
void bg_xslext_register(void);

/* Attach `run` to `ctxt` (its _private, which must be free) and install the ICU
 * sort hook on that context only.  Call before the transform starts. */
void bg_xslext_attach(xsltTransformContextPtr ctxt, bg_xslext_run *run);

#endif
