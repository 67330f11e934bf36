/* fuzz_serve — libFuzzer target: the preview server's handling of one request,
 * without the network.  The input is the request as libmicrohttpd hands it to us:
 *
 *     METHOD \n URL \n HOST \n FLAGS
 *
 * (missing lines are empty; FLAGS: 'b' a body was announced, 'l' loopback only).
 * The URL is percent-decoded by bg_serve_unescape, routed by bg_serve_route, and a
 * page it names is copied out of a real site (the bundled sample, rendered once at
 * start-up) by bg_site_page_get — everything serve.c does but the socket. */
#include "cli.h"
#include "fuzz_common.h"
#include "serve.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bg_site *site;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc, (void)argv;
    fuzz_setup_libraries();
    static char templates[PATH_MAX], locales[PATH_MAX], schema[PATH_MAX], sample[PATH_MAX];
    bg_cli_data_path(templates, sizeof templates, "templates");
    bg_cli_data_path(locales, sizeof locales, "locales");
    bg_cli_data_path(schema, sizeof schema, "schema/brief.rng");
    bg_cli_data_path(sample, sizeof sample, "samples/wartime-participation.xml");
    static char *files[1];
    files[0] = sample;
    bg_site_config cfg = {
        .templates = templates, .locales = locales, .schema = schema, .files = files, .nfiles = 1, .quiet = 1};
    site = bg_site_new(&cfg);
    if (!site) {
        fprintf(stderr, "fuzz_serve: cannot open the site (data folder %s)\n", bg_cli_datadir());
        exit(2);
    }
    return 0;
}

/* The next line of [*p, end) as a NUL-terminated copy (NULs inside become '?'). */
static char *next_line(const char **p, const char *end) {
    const char *s = *p, *nl = s < end ? memchr(s, '\n', (size_t)(end - s)) : NULL;
    size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
    char *line = malloc(n + 1);
    if (!line)
        abort();
    for (size_t i = 0; i < n; i++)
        line[i] = s[i] == '\0' ? '?' : s[i]; // NOLINT(bugprone-narrowing-conversions): both are chars
    line[n] = '\0';
    *p = nl ? nl + 1 : end;
    return line;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 64UL * 1024)
        return -1; /* libmicrohttpd refuses requests beyond 32 KiB */
    const char *p = (const char *)data, *end = p + size;
    char *method = next_line(&p, end), *url = next_line(&p, end), *host = next_line(&p, end),
         *flags = next_line(&p, end);
    bg_serve_unescape(url);
    bg_request rq = {.method = method,
                     .url = url,
                     .host = host[0] ? host : NULL,
                     .has_body = strchr(flags, 'b') != NULL,
                     .loopback = strchr(flags, 'l') != NULL};
    bg_route route;
    bg_serve_route(&rq, &route);
    if (route.status) {
        if (!route.message || route.status < 400 || route.status > 599)
            abort();
    } else if (!route.events) {
        if (!route.key)
            abort();
        bg_site_page page;
        if (bg_site_page_get(site, route.name, route.key, &page) == 0) {
            if (!page.body || page.body[page.len] != '\0' ||
                (page.script_at != (size_t)-1 && page.script_at > page.len))
                abort();
            free(page.body);
        }
    }
    free(method), free(url), free(host), free(flags);
    return 0;
}
