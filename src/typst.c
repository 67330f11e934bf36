/* typst — the PDF engine: its parts found, checked and named, and Typst's
 * diagnostics mapped back to the brief (typst.h).  The routes live in typst_node.c
 * (the worker) and typst_cli.c (an official Typst CLI); processes in typst_proc.c.
 */
#include "typst_impl.h"

#include "diag.h"
#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_FONTS "/usr/share/fonts/truetype/paratype"
#define DEFAULT_TIMEOUT 60
#define MODULE "@myriaddreamin/typst-ts-node-compiler"

/* The Typst inside each release of the npm module we know (its own package.json
 * says only the module's version); the worker's "ready" line says the same. */
static const struct { const char *module, *typst; } typst_of_module[] = {{"0.7.0", "0.14.2"}};

static char *joined(const char *a, const char *b) {
    size_t n = strlen(a) + strlen(b) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s/%s", a, b);
    return s;
}

static int is_file(const char *path) {
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *env_copy(const char *name) {
    const char *v = getenv(name);
    return v && *v ? strdup(v) : NULL;
}

static int env_timeout(void) {
    const char *v = getenv("BRIEFGEN_TYPST_TIMEOUT");
    char *end;
    long s = v ? strtol(v, &end, 10) : 0;
    return v && *v && !*end && s > 0 && s <= 86400 ? (int)s : DEFAULT_TIMEOUT;
}

bg_typst *bg_typst_new(const char *datadir) {
    bg_typst *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->child.in = t->child.out = t->child.err = -1;
    t->fonts = env_copy("BRIEFGEN_FONTS");
    if (!t->fonts)
        t->fonts = strdup(DEFAULT_FONTS);
    t->cli = env_copy("BRIEFGEN_TYPST");
    t->node = env_copy("BRIEFGEN_NODE");
    t->timeout = env_timeout();
    /* Installed, the worker sits in the data folder; in the source tree, in src/. */
    const char *dir = datadir && *datadir ? datadir : ".";
    t->worker = joined(dir, "typst-worker.js");
    if (t->worker && !is_file(t->worker)) {
        free(t->worker);
        t->worker = joined(dir, "src/typst-worker.js");
    }
    t->modules = joined(dir, "node_modules/@myriaddreamin");
    t->module = joined(dir, "node_modules/" MODULE);
    if (!t->fonts || !t->worker || !t->modules || !t->module) {
        bg_typst_free(t);
        return NULL;
    }
    return t;
}

void bg_typst_free(bg_typst *t) {
    if (!t)
        return;
    bg_child_finish(&t->child, 2000);
    free(t->fonts), free(t->cli), free(t->node), free(t->worker), free(t->module), free(t->modules);
    free(t->engine_id), free(t->cli_version), free(t->cli_refusal);
    free(t);
}

/* ---- messages ---------------------------------------------------------------------- */

void bg_typst_fail(const char *brief_path, const char *fmt, ...) {
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    bg_error(brief_path, 0, "the PDF cannot be made: %s", msg);
}

void bg_typst_diags_add(bg_typst_diags *d, long line, long col, int warning, const char *msg, size_t len) {
    if (d->n == d->cap) {
        size_t cap = d->cap ? 2 * d->cap : 8;
        bg_typst_diag *v = realloc(d->v, cap * sizeof *v);
        if (!v)
            return;
        d->v = v, d->cap = cap;
    }
    char *m = strndup(msg, len);
    if (!m)
        return;
    d->v[d->n++] = (bg_typst_diag){line, col, warning, m};
}

void bg_typst_diags_clear(bg_typst_diags *d) {
    for (size_t i = 0; i < d->n; i++)
        free(d->v[i].message);
    free(d->v);
    *d = (bg_typst_diags){0};
}

/* The line of the nearest `// brief:LINE` marker at or above `line` of `source`
 * (a line of its own, spaces around allowed), or 0 when there is none. */
static long marker_at_or_above(const char *source, size_t len, long line) {
    long at = 1, found = 0;
    const char *p = source, *end = source + len;
    while (p < end && at <= line) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        const char *q = p;
        while (q < eol && (*q == ' ' || *q == '\t'))
            q++;
        if ((size_t)(eol - q) > 9 && memcmp(q, "// brief:", 9) == 0) {
            char *stop;
            long n = strtol(q + 9, &stop, 10);
            while (stop < eol && (*stop == ' ' || *stop == '\t' || *stop == '\r'))
                stop++;
            if (n > 0 && stop == eol && q[9] >= '0' && q[9] <= '9')
                found = n;
        }
        if (!nl)
            break;
        p = nl + 1;
        at++;
    }
    return found;
}

static void say(int warning, const char *file, long line, const char *fmt, ...) BG_PRINTF(4, 5);
static void say(int warning, const char *file, long line, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char msg[4096];
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (warning)
        bg_warn(file, line, "%s", msg);
    else
        bg_error(file, line, "%s", msg);
}

int bg_typst_report(const char *brief_path, const char *typ_name, const char *source, size_t len,
                    const bg_typst_diags *d) {
    int errors = 0;
    const char *typ = typ_name ? typ_name : "the Typst source";
    for (size_t i = 0; i < d->n; i++) {
        const bg_typst_diag *g = &d->v[i];
        const char *what = g->warning ? "the PDF" : "the PDF cannot be made";
        const char *who = g->warning ? "Typst warning" : "Typst";
        long marker = g->line > 0 ? marker_at_or_above(source, len, g->line) : 0;
        char at[64] = "", column[32] = "";
        if (g->col > 0) {
            snprintf(at, sizeof at, ":%ld:%ld", g->line, g->col);
            snprintf(column, sizeof column, ", column %ld", g->col);
        } else if (g->line > 0)
            snprintf(at, sizeof at, ":%ld", g->line);
        if (marker > 0 && brief_path)
            say(g->warning, brief_path, marker, "%s: %s (%s, %s%s)", what, g->message, who, typ, at);
        else if (g->line > 0)
            say(g->warning, typ, g->line, "%s: %s (%s%s)", what, g->message, who, column);
        else
            say(g->warning, brief_path ? brief_path : typ, 0, "%s: %s (%s, %s)", what, g->message, who, typ);
        errors += !g->warning;
    }
    return errors;
}

/* ---- the parts ----------------------------------------------------------------------- */

static int is_font_name(const char *name) {
    const char *dot = strrchr(name, '.');
    return dot && (!strcasecmp(dot, ".ttf") || !strcasecmp(dot, ".otf") || !strcasecmp(dot, ".ttc") ||
                   !strcasecmp(dot, ".otc"));
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The regular files of the fonts folder, sorted, into `files`; the number of fonts
 * among them, or -1 when the folder cannot be read. */
static int font_files(const bg_typst *t, bg_strv *files) {
    DIR *dir = opendir(t->fonts);
    if (!dir)
        return -1;
    bg_strv found = {0};
    int fonts = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *path = joined(t->fonts, e->d_name);
        if (is_file(path)) {
            bg_strv_add(&found, path, strlen(path));
            fonts += is_font_name(e->d_name);
        }
        free(path);
    }
    closedir(dir);
    if (found.n > 1)
        qsort(found.v, (size_t)found.n, sizeof *found.v, by_name);
    if (files)
        bg_strv_add_all(files, &found);
    bg_strv_clear(&found);
    return fonts;
}

/* The "version" of the package.json at `path`, malloc'd, or NULL. */
static char *package_version(const char *path) {
    char *data = NULL;
    size_t len;
    if (bg_file_read(path, 1 << 20, &data, &len, NULL) != BG_FILE_OK)
        return NULL;
    char *v = NULL, *p = strstr(data, "\"version\"");
    if (p) {
        p += 9;
        p += strspn(p, " \t\r\n");
        if (*p == ':') {
            p++;
            p += strspn(p, " \t\r\n");
            char *q = *p == '"' ? strchr(p + 1, '"') : NULL;
            if (q)
                v = strndup(p + 1, (size_t)(q - p - 1));
        }
    }
    free(data);
    return v;
}

const char *bg_typst_engine_id(bg_typst *t) {
    if (t->engine_id)
        return t->engine_id;
    char id[1024];
    if (t->cli) {
        bg_typst_cli_version(t);
        snprintf(id, sizeof id, "typst %s (CLI %s)", t->cli_version ? t->cli_version : "(not usable)", t->cli);
    } else {
        char *json = joined(t->module, "package.json");
        char *v = json ? package_version(json) : NULL;
        const char *typst = "unknown";
        for (size_t i = 0; v && i < sizeof typst_of_module / sizeof *typst_of_module; i++)
            if (strcmp(v, typst_of_module[i].module) == 0)
                typst = typst_of_module[i].typst;
        if (v)
            snprintf(id, sizeof id, "typst-ts-node-compiler %s (typst %s)", v, typst);
        else
            snprintf(id, sizeof id, "typst-ts-node-compiler (not installed)");
        free(json), free(v);
    }
    t->engine_id = strdup(id);
    return t->engine_id ? t->engine_id : "typst (out of memory)";
}

void bg_typst_inputs(bg_typst *t, bg_strv *files) {
    if (t->cli) {
        if (is_file(t->cli))
            bg_strv_add(files, t->cli, strlen(t->cli));
    } else {
        if (is_file(t->worker))
            bg_strv_add(files, t->worker, strlen(t->worker));
        /* The module's package.json and each platform package's (the native code). */
        DIR *dir = opendir(t->modules);
        bg_strv found = {0};
        struct dirent *e;
        while (dir && (e = readdir(dir)) != NULL) {
            if (strncmp(e->d_name, "typst-ts-node-compiler", 22) != 0)
                continue;
            char *sub = joined(t->modules, e->d_name);
            char *json = sub ? joined(sub, "package.json") : NULL;
            if (is_file(json))
                bg_strv_add(&found, json, strlen(json));
            free(sub), free(json);
        }
        if (dir)
            closedir(dir);
        if (found.n > 1)
            qsort(found.v, (size_t)found.n, sizeof *found.v, by_name);
        bg_strv_add_all(files, &found);
        bg_strv_clear(&found);
    }
    font_files(t, files);
}

/* ---- the engine there or not --------------------------------------------------------- */

static int check_fonts(const bg_typst *t) {
    int fonts = font_files(t, NULL);
    if (fonts > 0)
        return 0;
    bg_typst_fail(NULL,
                  "%s %s (Typst is given only that folder, Debian's fonts-paratype): install it with "
                  "scripts/install-deps --build-only, or set BRIEFGEN_FONTS to a folder of fonts",
                  fonts < 0 ? "there is no fonts folder" : "there are no fonts in the folder", t->fonts);
    return -1;
}

/* The node route's parts: 0, or -1 after saying what is missing (nothing said when
 * `quiet`). */
static int check_node_route(bg_typst *t, int quiet) {
    if (t->node && access(t->node, X_OK) != 0) {
        if (quiet)
            return -1;
        bg_typst_fail(NULL, "BRIEFGEN_NODE=%s is not an executable file (%s); the Typst engine needs Node.js: %s",
                      t->node, strerror(errno), BG_TYPST_INSTALL_HINT);
        return -1;
    }
    if (!t->node) {
        /* `node` on PATH, found here so that its absence is said in our words. */
        const char *path = getenv("PATH");
        char *copy = strdup(path && *path ? path : "/usr/local/bin:/usr/bin:/bin");
        char *save = NULL;
        for (char *d = copy ? strtok_r(copy, ":", &save) : NULL; d && !t->node; d = strtok_r(NULL, ":", &save)) {
            char *cand = joined(*d ? d : ".", "node");
            if (cand && is_file(cand) && access(cand, X_OK) == 0)
                t->node = cand;
            else
                free(cand);
        }
        free(copy);
        if (!t->node) {
            if (quiet)
                return -1;
            bg_typst_fail(NULL, "Node.js (node) is not on PATH, and the Typst engine runs in it: %s",
                          BG_TYPST_INSTALL_HINT);
            return -1;
        }
    }
    if (!is_file(t->worker)) {
        if (quiet)
            return -1;
        bg_typst_fail(NULL, "the Typst worker %s is missing (briefgen is not installed whole: make install)",
                      t->worker);
        return -1;
    }
    char *json = joined(t->module, "package.json");
    int have = is_file(json);
    free(json);
    if (!have) {
        if (quiet)
            return -1;
        bg_typst_fail(NULL, "the Typst compiler (npm module " MODULE ") is not installed in %s: %s", t->module,
                      BG_TYPST_INSTALL_HINT);
        return -1;
    }
    return 0;
}

static int valid_names(const char *brief_path, const bg_typst_file *files, size_t nfiles) {
    for (size_t i = 0; i < nfiles; i++) {
        const char *n = files[i].name;
        if (!n || !*n || n[0] == '.' || strchr(n, '/') || strchr(n, '\n')) {
            bg_typst_fail(brief_path, "the file name \"%s\" given to Typst is not a bare file name", n ? n : "");
            return -1;
        }
    }
    return 0;
}

void bg_typst_warm(bg_typst *t) {
    if (t && !t->cli && t->child.pid <= 0 && font_files(t, NULL) > 0 && check_node_route(t, 1) == 0)
        bg_typst_node_spawn(t);
}

int bg_typst_check(bg_typst *t) {
    if (!t || check_fonts(t) != 0)
        return -1;
    if (t->cli) {
        if (bg_typst_cli_version(t) == 0)
            return 0;
        bg_typst_fail(NULL, "%s", t->cli_refusal ? t->cli_refusal : "out of memory");
        return -1;
    }
    return t->child.pid > 0 ? 0 : check_node_route(t, 0);
}

int bg_typst_compile(bg_typst *t, const char *brief_path, const char *typ_name, const char *source, size_t len,
                     const bg_typst_file *files, size_t nfiles, long long timestamp, char **pdf, size_t *pdflen) {
    *pdf = NULL;
    *pdflen = 0;
    if (valid_names(brief_path, files, nfiles) != 0 || check_fonts(t) != 0)
        return -1;
    if (t->cli)
        return bg_typst_cli_compile(t, brief_path, typ_name, source, len, files, nfiles, timestamp, pdf, pdflen);
    if (t->child.pid <= 0 && check_node_route(t, 0) != 0)
        return -1;
    return bg_typst_node_compile(t, brief_path, typ_name, source, len, files, nfiles, timestamp, pdf, pdflen);
}
