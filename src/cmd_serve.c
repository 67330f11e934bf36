/* `briefgen serve`: options, the listening socket, signals, and the order in
 * which the pieces start and stop (serve.h). */
#include "cli.h"
#include "cmd_common.h"
#include "diag.h"
#include "serve.h"

#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OPT_HOST = BG_OPT_LOCAL, OPT_BASE_URL };

typedef struct serve_opts {
    bg_cli_common common;
    const char *host, *port;
    int verbose;
    const char *base_url; /* --base-url, checked and ending in "/" (in base_url_buf), or NULL */
    char base_url_buf[1002];
} serve_opts;

static int parse_port(const char *s) {
    if (!*s || strlen(s) > 5 || strspn(s, "0123456789") != strlen(s))
        return -1;
    long p = strtol(s, NULL, 10);
    return p <= 65535 ? (int)p : -1;
}

static int parse_options(const bg_command *cmd, int argc, char **argv, serve_opts *o) {
    static const struct option longopts[] = {{"port", required_argument, NULL, 'p'},
                                             {"host", required_argument, NULL, OPT_HOST},
                                             {"base-url", required_argument, NULL, OPT_BASE_URL},
                                             BG_CLI_COMMON_LONGOPTS,
                                             {"verbose", no_argument, NULL, 'v'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    o->host = "127.0.0.1";
    o->port = "8080";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":p:qvh", longopts, NULL)) != -1) {
        if (bg_cli_common_option(c, optarg, &o->common))
            continue;
        switch (c) {
        case 'p':
            if (parse_port(optarg) < 0)
                return bg_cli_usage_error(cmd, "-p: '%s' is not a port number (0-65535; 0: any free port)", optarg), -1;
            o->port = optarg;
            break;
        case OPT_HOST:
            o->host = optarg;
            break;
        case OPT_BASE_URL:
            if (bg_cli_base_url(cmd, optarg, o->base_url_buf, sizeof o->base_url_buf))
                return -1;
            o->base_url = o->base_url_buf;
            break;
        case 'v':
            o->verbose = 1;
            break;
        case 'h':
            fputs(cmd->usage, stdout);
            exit(BG_EXIT_OK);
        case ':':
            return bg_cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]), -1;
        default:
            return bg_cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]), -1;
        }
    }
    if (optind >= argc)
        return bg_cli_usage_error(cmd, "no brief given"), -1;
    return optind;
}

/* The page NAME of a file: its name without .xml.  Names must be distinct and
 * usable as one URL path segment. */
static int check_names(const bg_command *cmd, char **files, int n) {
    char names[64][256];
    if (n > 64)
        return bg_cli_usage_error(cmd, "at most 64 briefs at a time");
    for (int i = 0; i < n; i++) {
        const char *base = strrchr(files[i], '/') ? strrchr(files[i], '/') + 1 : files[i];
        size_t len = strlen(base);
        if (len > 4 && strcmp(base + len - 4, ".xml") == 0)
            len -= 4;
        if (len == 0 || len >= sizeof names[i] || (len <= 2 && strncmp(base, "..", len) == 0))
            return bg_cli_usage_error(cmd, "'%s': cannot name a page after this file", files[i]);
        snprintf(names[i], sizeof names[i], "%.*s", (int)len, base);
        for (int k = 0; k < i; k++)
            if (strcmp(names[k], names[i]) == 0)
                return bg_cli_usage_error(cmd, "'%s' and '%s' would both be /%s/; rename one", files[k], files[i],
                                          names[i]);
    }
    return 0;
}

int bg_cmd_serve(int argc, char **argv) {
    const bg_command *cmd = bg_cli_find("serve");
    serve_opts o;
    memset(&o, 0, sizeof o);
    int first = parse_options(cmd, argc, argv, &o);
    if (first < 0)
        return BG_EXIT_USAGE;
    if (check_names(cmd, argv + first, argc - first) != 0)
        return BG_EXIT_USAGE;
    bg_diag_set_strict(o.common.strict);
    bg_diag_set_quiet(o.common.quiet);

    /* SIGINT and SIGTERM are taken by sigwait() below; every thread started from
     * here on inherits the mask, so none of them is interrupted. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    char url[128] = "";
    bg_cmd_paths paths;
    bg_cmd_paths_of(&o.common, &paths);

    int loopback = 0;
    int fd = bg_serve_listen(o.host, o.port, url, sizeof url, &loopback);
    if (fd < 0)
        return BG_EXIT_FAIL;
    if (!loopback)
        bg_warn(NULL, 0, "serving on %s: anyone who can reach this address can read the briefs", url);

    bg_site_config cfg = {.templates = paths.templates,
                          .overrides = o.common.templates,
                          .reads = o.common.template_files,
                          .datadir = bg_cli_datadir(),
                          .base_url = o.base_url,
                          .locales = paths.locales,
                          .schema = paths.schema,
                          .files = argv + first,
                          .nfiles = argc - first,
                          .verbose = o.verbose,
                          .quiet = o.common.quiet};
    bg_site *site = bg_site_new(&cfg);
    if (!site) {
        close(fd);
        return BG_EXIT_FAIL;
    }
    bg_server *server = bg_server_start(site, fd, loopback, o.verbose);
    if (!server || bg_site_start(site) != 0) {
        bg_server_stop(server);
        bg_site_free(site);
        return BG_EXIT_FAIL;
    }
    printf("briefgen: previewing %d brief%s at %s (Ctrl-C stops)\n", argc - first, argc - first == 1 ? "" : "s", url);
    fflush(stdout);

    int sig = 0;
    while (sigwait(&stop, &sig) != 0)
        ;
    if (!o.common.quiet)
        bg_note("serve: stopping (%s)", sig == SIGINT ? "interrupted" : "terminated");
    bg_server_stop(server);
    bg_site_free(site);
    return BG_EXIT_OK;
}
