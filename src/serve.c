/* serve — the preview's HTTP side on libmicrohttpd (serve.h).
 *
 * Routes (GET and HEAD only; anything else is 405 with an Allow header):
 *   /                        the index of the briefs
 *   /NAME, /NAME/            302 to the first language's page
 *   /NAME/LANG.html          the brief rendered now, with the reload script
 *   /NAME/LANG.dbk           the DocBook output as readable source
 *   /NAME/LANG.pdf           the PDF (application/pdf), made from the last good version
 *   /NAME/side-by-side       the languages next to each other, unit by unit
 *   /NAME/NAME.LANG.html     302 to LANG.html (the built files link this way)
 *   /_events                 server-sent events: the generation counter
 * Nothing is read from disk by path: a request names a page in the site's table
 * or gets 404.  A path with a "." or ".." segment, a backslash or a control
 * character is refused with 400 before any lookup.
 *
 * libmicrohttpd runs one thread per connection (bounded by a connection limit),
 * so a waiting /_events stream simply blocks its own thread on the site's
 * condition variable.  The rendered pages are copied out of the site's table; no
 * HTTP thread renders.
 */
#include "serve.h"

#include "diag.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CONNECTIONS 64
#define CONNECTION_MEMORY (32 * 1024) /* request line and headers; larger is refused */
#define CONNECTION_TIMEOUT_S 30
#define KEEPALIVE_MS 10000 /* a comment on idle event streams, well inside the timeout */

struct bg_server {
    struct MHD_Daemon *daemon;
    bg_site *site;
    int loopback, verbose;
};

/* The script the preview adds to its HTML pages (never to built files): listen to
 * /_events and reload when the generation differs from the page's, keeping the
 * scroll position across the reload. */
static const char reload_script[] =
    "\n(function () {\n"
    "  var me = document.currentScript, generation = me.getAttribute('data-generation');\n"
    "  var key = 'briefgen-scroll:' + location.pathname;\n"
    "  try {\n"
    "    var y = sessionStorage.getItem(key);\n"
    "    if (y !== null) { sessionStorage.removeItem(key); window.scrollTo(0, +y); }\n"
    "  } catch (e) {}\n"
    "  var events = new EventSource('/_events');\n"
    "  events.onmessage = function (m) {\n"
    "    if (m.data === generation) return;\n"
    "    events.close();\n"
    "    try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) {}\n"
    "    location.reload();\n"
    "  };\n"
    "})();\n";

/* Every response carries these.  The briefs' CSS is inline; their chart is inline
 * SVG; the only script is ours, allowed by its nonce. */
#define CSP_BASE                                                                                                       \
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "              \
    "frame-ancestors 'none'"

static void common_headers(struct MHD_Response *r, const char *type, const char *nonce) {
    char csp[512];
    if (nonce)
        snprintf(csp, sizeof csp, CSP_BASE "; script-src 'nonce-%s'; connect-src 'self'", nonce);
    else
        snprintf(csp, sizeof csp, CSP_BASE);
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Content-Security-Policy", csp);
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Cross-Origin-Resource-Policy", "same-origin");
}

/* Queue `body` (taken over, malloc'd) as the response. */
static enum MHD_Result respond(struct MHD_Connection *c, unsigned status, const char *type, char *body, size_t len,
                               const char *nonce, const char *location) {
    struct MHD_Response *r = MHD_create_response_from_buffer(len, body ? body : (void *)"",
                                                             body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    if (!r) {
        free(body);
        return MHD_NO;
    }
    common_headers(r, type, nonce);
    if (location)
        MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, location);
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    enum MHD_Result rc = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return rc;
}

static enum MHD_Result respond_text(struct MHD_Connection *c, unsigned status, const char *text) {
    char *body = strdup(text);
    return respond(c, status, "text/plain; charset=utf-8", body, body ? strlen(body) : 0, NULL, NULL);
}

/* ---- requests ---------------------------------------------------------------------------- */

/* 1 when the Host header names this machine.  A server on the loopback address
 * refuses other names, so a web page cannot read the preview through DNS
 * rebinding. */
static int host_ok(const char *h) {
    if (!h)
        return 1; /* HTTP/1.0 clients; browsers always send Host */
    char host[256];
    size_t n = h[0] == '[' ? strcspn(h, "]") + 1 : strcspn(h, ":");
    if (n >= sizeof host)
        return 0;
    memcpy(host, h, n);
    host[n] = '\0';
    return strcasecmp(host, "localhost") == 0 || strncmp(host, "127.", 4) == 0 || strcmp(host, "[::1]") == 0;
}

/* 1 when `url` (already percent-decoded by libmicrohttpd) is a plain absolute path:
 * no "." or ".." segment, no backslash, no control character. */
static int path_ok(const char *url) {
    if (url[0] != '/' || strlen(url) > 1024)
        return 0;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p < 0x20 || *p == 0x7f || *p == '\\')
            return 0;
    for (const char *seg = url + 1;; seg++) {
        size_t n = strcspn(seg, "/");
        if ((n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
            return 0;
        seg += n;
        if (!*seg)
            return 1;
    }
}

/* A random nonce for the script, base64 (no padding needed for 18 bytes). */
static int make_nonce(char out[25]) {
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    unsigned char raw[18];
    size_t got = 0;
    while (got < sizeof raw) {
        ssize_t n = getrandom(raw + got, sizeof raw - got, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        got += (size_t)n;
    }
    for (int i = 0, o = 0; i < 18; i += 3) {
        unsigned v = (unsigned)raw[i] << 16 | (unsigned)raw[i + 1] << 8 | raw[i + 2];
        out[o++] = b64[v >> 18 & 63];
        out[o++] = b64[v >> 12 & 63];
        out[o++] = b64[v >> 6 & 63];
        out[o++] = b64[v & 63];
    }
    out[24] = '\0';
    return 0;
}

static enum MHD_Result serve_page(bg_server *srv, struct MHD_Connection *c, const char *name, const char *key) {
    bg_site_page page;
    if (bg_site_page_get(srv->site, name, key, &page) != 0)
        return respond_text(c, MHD_HTTP_NOT_FOUND, "404 Not Found: no such page in this preview\n");
    if (page.status == MHD_HTTP_FOUND) {
        free(page.body);
        return respond(c, MHD_HTTP_FOUND, "text/plain; charset=utf-8", NULL, 0, NULL, page.location);
    }
    if (page.script_at == (size_t)-1 || page.script_at > page.len)
        return respond(c, page.status, page.type, page.body, page.len, NULL, NULL);

    char nonce[25];
    if (make_nonce(nonce) != 0) {
        free(page.body);
        return respond_text(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "500: no random numbers for the script nonce\n");
    }
    char open[128];
    int olen = snprintf(open, sizeof open, "<script nonce=\"%s\" data-generation=\"%lu\">", nonce, page.generation);
    static const char close_tag[] = "</script>";
    size_t add = (size_t)olen + sizeof reload_script - 1 + sizeof close_tag - 1;
    char *body = malloc(page.len + add + 1);
    if (!body) {
        free(page.body);
        return MHD_NO;
    }
    char *o = body;
    memcpy(o, page.body, page.script_at), o += page.script_at;
    memcpy(o, open, (size_t)olen), o += olen;
    memcpy(o, reload_script, sizeof reload_script - 1), o += sizeof reload_script - 1;
    memcpy(o, close_tag, sizeof close_tag - 1), o += sizeof close_tag - 1;
    memcpy(o, page.body + page.script_at, page.len - page.script_at), o += page.len - page.script_at;
    *o = '\0';
    free(page.body);
    return respond(c, page.status, page.type, body, (size_t)(o - body), nonce, NULL);
}

/* ---- server-sent events ------------------------------------------------------------------- */

typedef struct listener {
    bg_site *site;
    unsigned long sent; /* the generation last sent; 0: none yet */
} listener;

/* Called on the connection's own thread whenever it can send: wait for a new
 * generation (or the keep-alive interval) and write one event. */
static ssize_t events_read(void *cls, uint64_t pos, char *buf, size_t max) {
    (void)pos;
    listener *l = cls;
    int stopping = 0;
    unsigned long g = bg_site_wait(l->site, l->sent, KEEPALIVE_MS, &stopping);
    if (stopping)
        return MHD_CONTENT_READER_END_OF_STREAM;
    int n = g != l->sent ? snprintf(buf, max, "retry: 1000\nid: %lu\ndata: %lu\n\n", g, g)
                         : snprintf(buf, max, ": keep-alive\n\n");
    l->sent = g;
    return n > 0 && (size_t)n < max ? n : MHD_CONTENT_READER_END_WITH_ERROR;
}

static enum MHD_Result serve_events(bg_server *srv, struct MHD_Connection *c, int head) {
    struct MHD_Response *r;
    listener *l = NULL;
    if (head) {
        r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    } else {
        if (!(l = calloc(1, sizeof *l)))
            return MHD_NO;
        l->site = srv->site;
        r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 512, events_read, l, free);
    }
    if (!r) {
        free(l);
        return MHD_NO;
    }
    common_headers(r, "text/event-stream; charset=utf-8", NULL);
    enum MHD_Result rc = MHD_queue_response(c, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return rc;
}

void bg_serve_route(const bg_request *rq, bg_route *out) {
    memset(out, 0, sizeof *out);
    int head = strcmp(rq->method, MHD_HTTP_METHOD_HEAD) == 0;
    if (!head && strcmp(rq->method, MHD_HTTP_METHOD_GET) != 0) {
        out->status = MHD_HTTP_METHOD_NOT_ALLOWED;
        out->message = "405 Method Not Allowed: the preview is read-only\n";
        return;
    }
    if (rq->has_body) {
        out->status = MHD_HTTP_BAD_REQUEST;
        out->message = "400 Bad Request: a GET or HEAD request has no body\n";
        return;
    }
    if (rq->loopback && !host_ok(rq->host)) {
        out->status = MHD_HTTP_BAD_REQUEST;
        out->message = "400 Bad Request: this preview answers only to localhost\n";
        return;
    }
    if (!path_ok(rq->url)) {
        out->status = MHD_HTTP_BAD_REQUEST;
        out->message = "400 Bad Request: not a preview path\n";
        return;
    }
    out->head = head;
    if (strcmp(rq->url, "/") == 0) {
        out->key = "";
        return;
    }
    if (strcmp(rq->url, "/_events") == 0) {
        out->events = 1;
        return;
    }
    /* /NAME, /NAME/ or /NAME/KEY */
    const char *rest = rq->url + 1, *slash = strchr(rest, '/');
    size_t n = slash ? (size_t)(slash - rest) : strlen(rest);
    const char *key = slash ? slash + 1 : "";
    if (n == 0 || n >= sizeof out->name_buf || strchr(key, '/')) {
        out->status = MHD_HTTP_NOT_FOUND;
        out->message = "404 Not Found: no such page in this preview\n";
        return;
    }
    memcpy(out->name_buf, rest, n);
    out->name_buf[n] = '\0';
    out->name = out->name_buf;
    out->key = key;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_size, void **state) {
    (void)version, (void)upload_data, (void)upload_size;
    bg_server *srv = cls;
    const char *length = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    bg_request rq = {.method = method,
                     .url = url,
                     .host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST),
                     .has_body = (length && strcmp(length, "0") != 0) ||
                                 MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING),
                     .loopback = srv->loopback};
    int get_or_head = strcmp(method, MHD_HTTP_METHOD_HEAD) == 0 || strcmp(method, MHD_HTTP_METHOD_GET) == 0;
    /* The first call brings only the headers.  A plain GET or HEAD is answered on
     * the second call, so the connection can be kept alive; anything else (another
     * method, a body) is refused at once, and libmicrohttpd then closes the
     * connection instead of reading the body. */
    static int seen;
    if (!*state && get_or_head && !rq.has_body) {
        *state = &seen;
        return MHD_YES;
    }
    if (srv->verbose)
        bg_note("serve: %s %s", method, url);
    bg_route route;
    bg_serve_route(&rq, &route);
    if (route.status)
        return respond_text(c, route.status, route.message);
    if (route.events)
        return serve_events(srv, c, route.head);
    return serve_page(srv, c, route.name, route.key);
}

static int hex(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

/* Percent-decode `s` in place, as libmicrohttpd would, except that an encoded
 * control character (%00 above all, which would cut the path short) becomes DEL,
 * which path_ok refuses. */
size_t bg_serve_unescape(char *s) {
    char *o = s;
    for (const char *p = s; *p; p++) {
        if (p[0] == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
            int v = hex(p[1]) * 16 + hex(p[2]);
            *o++ = (char)(v < 0x20 || v == 0x7f ? 0x7f : v);
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return (size_t)(o - s);
}

static size_t unescape(void *cls, struct MHD_Connection *c, char *s) {
    (void)cls, (void)c;
    return bg_serve_unescape(s);
}

/* libmicrohttpd's own complaints (a client that went away…): only with -v. */
static void mhd_log(void *cls, const char *fmt, va_list ap) {
    bg_server *srv = cls;
    if (!srv->verbose)
        return;
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    msg[strcspn(msg, "\n")] = '\0';
    bg_note("serve: libmicrohttpd: %s", msg);
}

/* ---- life cycle ------------------------------------------------------------------------------ */

int bg_serve_listen(const char *host, const char *port, char *url, size_t url_size, int *loopback) {
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    int err = getaddrinfo(host, port, &hints, &res);
    if (err) {
        bg_error(NULL, 0, "cannot listen on %s port %s: %s", host, port, gai_strerror(err));
        return -1;
    }
    int fd = -1, saved = 0;
    for (struct addrinfo *a = res; a && fd < 0; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) {
            saved = errno;
            continue;
        }
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, a->ai_addr, a->ai_addrlen) != 0 || listen(fd, 64) != 0) {
            saved = errno;
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(res);
    if (fd < 0) {
        bg_error(NULL, 0, "cannot listen on %s port %s: %s", host, port, strerror(saved));
        return -1;
    }
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    char addr[INET6_ADDRSTRLEN] = "?";
    unsigned p = 0;
    *loopback = 0;
    if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0) {
        if (ss.ss_family == AF_INET) {
            const struct sockaddr_in *in = (const struct sockaddr_in *)&ss;
            inet_ntop(AF_INET, &in->sin_addr, addr, sizeof addr);
            p = ntohs(in->sin_port);
            *loopback = (ntohl(in->sin_addr.s_addr) >> 24) == 127;
            snprintf(url, url_size, "http://%s:%u/", addr, p);
        } else if (ss.ss_family == AF_INET6) {
            const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&ss;
            inet_ntop(AF_INET6, &in6->sin6_addr, addr, sizeof addr);
            p = ntohs(in6->sin6_port);
            *loopback = IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
            snprintf(url, url_size, "http://[%s]:%u/", addr, p);
        }
    }
    return fd;
}

bg_server *bg_server_start(bg_site *site, int fd, int loopback, int verbose) {
    bg_server *srv = calloc(1, sizeof *srv);
    if (!srv) {
        close(fd);
        return NULL;
    }
    srv->site = site;
    srv->loopback = loopback;
    srv->verbose = verbose;
    srv->daemon =
        MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL | MHD_USE_ITC |
                             MHD_USE_ERROR_LOG,
                         0, NULL, NULL, on_request, srv, MHD_OPTION_EXTERNAL_LOGGER, mhd_log, srv,
                         MHD_OPTION_LISTEN_SOCKET, fd, MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
                         MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY, MHD_OPTION_CONNECTION_TIMEOUT,
                         (unsigned)CONNECTION_TIMEOUT_S, MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
                         /* Browsers are the clients: an HTTP/1.1 request without Host, or a URL with
                          * a space, is not one of theirs (tests/serve/load). */
                         MHD_OPTION_STRICT_FOR_CLIENT, (int)1, MHD_OPTION_END);
    if (!srv->daemon) {
        bg_error(NULL, 0, "cannot start the HTTP server (libmicrohttpd)");
        close(fd);
        free(srv);
        return NULL;
    }
    return srv;
}

void bg_server_stop(bg_server *srv) {
    if (!srv)
        return;
    /* Event streams wait on the site: wake them so their threads can finish. */
    bg_site_stop_waiting(srv->site);
    MHD_stop_daemon(srv->daemon); /* closes the listening socket, joins every thread */
    free(srv);
}
