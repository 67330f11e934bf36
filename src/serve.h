/* serve — the editors' live preview, `briefgen serve`.
 *
 *   cmd_serve.c    the command (bg_cmd_serve, declared in cli.h): options,
 *                  signals, and the order in which the pieces start and stop
 *   serve.c        HTTP on libmicrohttpd: routes, security headers, server-sent events
 *   serve_site.c   the briefs being previewed, their pipeline (pipeline.h: the
 *                  same load, validate, resolve and render as build), file
 *                  watching with inotify, rebuilding, and the table of published
 *                  pages
 *   serve_pages.c  the preview's own pages, built with libxml2's tree API and HTML
 *                  serialiser: the index, the side-by-side view, the DocBook source
 *                  view, the error page and the error banner
 *
 * Threads.  Everything that touches libxml2, libxslt or ICU — loading, validating,
 * rendering, building the preview pages — happens on one thread, the site's
 * watcher thread (and on the main thread before it starts).  HTTP threads only
 * copy finished pages out of the published table under the site's lock, so a
 * request never waits for a render and never touches a renderer.
 *
 * Memory rule: bg_site_new and bg_server_start return objects freed with
 * bg_site_free and bg_server_stop (NULL-safe).  Functions returning `char *` return malloc'd bytes the caller frees
 * with free().
 */
#ifndef BG_SERVE_H
#define BG_SERVE_H

#include "brief.h"
#include "buf.h"

#include <stddef.h>

/* ---- the site (serve_site.c) ---------------------------------------------------- */

typedef struct bg_site bg_site;

typedef struct bg_site_config {
    const char *templates; /* the bundled template folder */
    const char *overrides; /* --templates DIR, or NULL */
    const char *reads;     /* --template-files DIR, or NULL */
    const char *locales;   /* the locale folder */
    const char *schema;    /* schema/brief.rng */
    const char *datadir;   /* the data folder, for the PDF engine (typst.h); NULL: no PDFs */
    const char *base_url;  /* --base-url, checked and ending in "/", or NULL (pipeline.h) */
    char *const *files;    /* the briefs, as given on the command line */
    int nfiles;
    int verbose; /* also print every message and the time of each rebuild on stderr */
    int quiet;   /* print nothing about rebuilds */
} bg_site_config;

/* Open the pipeline, load, validate and render every brief, and start watching
 * their files, the template folders and the locale folder.  Briefs with errors
 * are kept (their pages show the errors).  NULL when the pipeline itself cannot be
 * opened (the schema does not compile, a folder is missing); reported. */
bg_site *bg_site_new(const bg_site_config *config);
/* Start the watcher thread: from now on every save is picked up.  0 or -1. */
int bg_site_start(bg_site *site);
/* Stop the watcher thread, wake every waiter (bg_site_wait returns), free all. */
void bg_site_free(bg_site *site);

/* One page as it was published, copied out for one response. */
typedef struct bg_site_page {
    char *body; /* malloc'd; the caller frees it */
    size_t len;
    size_t script_at;   /* where the reload script goes, or (size_t)-1 for none */
    unsigned status;    /* 200, 302, 500 */
    const char *type;   /* Content-Type, static */
    char location[512]; /* redirect target when status is 302 */
    unsigned long generation;
} bg_site_page;

/* Copy the page `key` of brief `name` (NULL: the site's own pages, where "" is the
 * index) into *page.  0 when found, -1 when there is no such page. */
int bg_site_page_get(bg_site *site, const char *name, const char *key, bg_site_page *page);

/* The generation counter: it goes up each time a rebuild changed a published page. */
unsigned long bg_site_generation(bg_site *site);
/* Wait until the generation differs from `seen`, the site stops, or `timeout_ms`
 * passes; returns the generation then.  *stopping is set when the site is
 * shutting down. */
unsigned long bg_site_wait(bg_site *site, unsigned long seen, int timeout_ms, int *stopping);
/* Wake every waiter and make future waits return at once (before shutting down
 * the HTTP server, whose threads may be waiting). */
void bg_site_stop_waiting(bg_site *site);

/* ---- the preview's pages (serve_pages.c) ---------------------------------------------- */

/* One row of the index: a brief and what is known about it. */
typedef struct bg_index_row {
    const char *name;      /* NAME */
    const char *url;       /* NAME percent-encoded for a URL path */
    const char *path;      /* the file as given */
    const bg_brief *good;  /* the last valid version, or NULL */
    const bg_strv *errors; /* of the latest version, and of its renders */
    const bg_strv *warnings;
    char *const *langs; /* languages with pages, NULL-terminated */
} bg_index_row;

/* The index: every brief, its state, translation coverage and links. */
char *bg_page_index(const bg_index_row *rows, int n, size_t *len);
/* Both (all) languages of `brief` next to each other, unit by unit, with missing
 * text flagged and the source text shown greyed in its place. */
char *bg_page_side_by_side(const bg_brief *brief, const char *name, const char *url, size_t *len);
/* The DocBook output `dbk` as readable, escaped source with line numbers. */
char *bg_page_docbook(const char *name, const char *url, const char *lang, const char *dbk, size_t dbk_len,
                      size_t *len);
/* A page for a brief that has never been valid: the messages, nothing else. */
char *bg_page_error(const char *name, const char *path, const bg_strv *errors, size_t *len);
/* `html` with the error banner (the messages over the last good render) inserted
 * after <body>, or a copy when `errors` is empty; *script_at is the offset of
 * </body>, where the reload script goes. */
char *bg_page_with_banner(const char *html, size_t html_len, const bg_strv *errors, size_t *len, size_t *script_at);

/* ---- HTTP (serve.c) --------------------------------------------------------------------- */

typedef struct bg_server bg_server;

/* Listen on `host`:`port` ("0": any free port).  Returns the socket, or -1
 * (reported).  The address to print goes to `url` ("http://127.0.0.1:8080/");
 * *loopback says whether only this machine can connect. */
int bg_serve_listen(const char *host, const char *port, char *url, size_t url_size, int *loopback);
/* Serve `site` on the listening socket `fd` (the server owns it).  `loopback`:
 * accept only Host headers naming this machine (against DNS rebinding). */
bg_server *bg_server_start(bg_site *site, int fd, int loopback, int verbose);
void bg_server_stop(bg_server *server);

/* The routing of one request, apart from libmicrohttpd (the request handler calls
 * it; so does fuzz/fuzz_serve.c).  `url` is already percent-decoded by
 * bg_serve_unescape; `host` is the Host header or NULL. */
typedef struct bg_request {
    const char *method, *url, *host;
    int has_body; /* a Content-Length other than 0, or a Transfer-Encoding */
    int loopback; /* accept only Host headers naming this machine */
} bg_request;

/* What to answer: a refusal (`status` not 0, with `message`), the event stream, or
 * the page `key` of brief `name` (NULL: the site's own pages).  `name` and `key`
 * point into the route or the request's url. */
typedef struct bg_route {
    unsigned status;
    const char *message;
    int events, head;
    const char *name, *key;
    char name_buf[256];
} bg_route;
void bg_serve_route(const bg_request *rq, bg_route *out);
/* Percent-decode `s` in place; an encoded control character becomes DEL, which
 * routing refuses.  Returns the new length. */
size_t bg_serve_unescape(char *s);

#endif
