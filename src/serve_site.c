/* serve_site — the briefs in preview, kept rendered as their files change (serve.h).
 *
 * For each brief the site keeps the last good (valid) version and the last good
 * render of each page, and the messages of the latest attempt.  A save that breaks
 * the brief changes only the messages: the pages keep showing the last good render
 * with the messages over it, until a save makes it good again.
 *
 * One thread (the watcher) does all the work: it waits for inotify events on the
 * folders of the briefs, the template folders and the locale folder, lets a burst
 * of events settle (editors write a file in several steps), rebuilds what the
 * events touched, and publishes the new pages.  Publishing swaps the pages under
 * the site's lock and raises the generation counter that the pages' reload
 * script listens to (serve.c, /_events).
 */
#include "serve.h"

#include "diag.h"
#include "l10n.h"
#include "pipeline.h"
#include "render.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Debounce: a rebuild starts once the files have been quiet this long, or at the
 * latest this long after the first event of a burst. */
#define QUIET_MS 60
#define BURST_MAX_MS 400

/* One published page (see bg_site_page). */
typedef struct pub {
    char *key;
    char *body;
    size_t len, script_at;
    unsigned status;
    const char *type;
    char *location;
} pub;

typedef struct pubs {
    pub *v;
    int n;
} pubs;

/* One rendered output of a brief: a language in a format. */
typedef struct output {
    char lang[40];
    bg_format f;
    char *page; /* the last good page: the HTML render, or the DocBook source page */
    size_t len;
    bg_strv errors; /* why the latest render failed; empty when it succeeded */
    double ms;      /* the latest render took this long */
} output;

typedef struct entry {
    char *path, *name, *url; /* as given; NAME; NAME escaped for a URL */
    char *base;              /* the file name, to match inotify events */
    int wd;                  /* the watch on its folder, or -1 */
    int changed;             /* the file changed since the last rebuild */
    int pdf_due;             /* its pages were rendered: its PDFs follow (rebuild's second pass) */
    bg_brief *good;          /* the last valid version, or NULL */
    bg_strv errors;          /* messages of the latest load/validate; empty when good */
    bg_strv warnings;        /* of the latest good load and render */
    output *outs;
    int nouts;
    char *side; /* the side-by-side page of `good` */
    size_t side_len;
    double ms, load_ms, side_ms; /* the last rebuild took this long; its parts */
    pubs published;              /* under site->lock */
} entry;

enum { W_BRIEFS = 1, W_TEMPLATES = 2, W_LOCALES = 4 };

typedef struct watch {
    int wd, roles;
    char *dir;
} watch;

/* What a burst of events touched. */
typedef struct changes {
    int templates, locales, any;
} changes;

struct bg_site {
    int verbose, quiet;
    bg_pipeline *pipeline;                  /* its renderer is NULL while the templates are broken */
    bg_strv site_errors;                    /* the pipeline's own problems, on every page */
    bg_strv format_errors[BG_FORMAT_COUNT]; /* a stylesheet that does not compile */
    bg_strv l10n_errors;                    /* what the current l10n reported so far */
    entry *entries;
    int n;

    int ifd;     /* inotify */
    int stop[2]; /* a pipe: writing to it stops the watcher */
    watch *watches;
    int nwatches;
    pthread_t thread;
    int started;

    pthread_mutex_t lock; /* guards everything below and each entry's `published` */
    pthread_cond_t changed;
    unsigned long generation;
    int stopping;
    pubs index;
};

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* NAME percent-encoded for a URL path segment (unreserved characters kept). */
static char *url_encode(const char *s) {
    static const char hex[] = "0123456789ABCDEF";
    char *out = malloc(strlen(s) * 3 + 1), *o = out;
    if (!out)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
            *p == '.' || *p == '_' || *p == '~') {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = hex[*p >> 4];
            *o++ = hex[*p & 15];
        }
    }
    *o = '\0';
    return out;
}

/* ---- published pages ---------------------------------------------------------------- */

static void pubs_free(pubs *p) {
    for (int i = 0; i < p->n; i++) {
        free(p->v[i].key);
        free(p->v[i].body);
        free(p->v[i].location);
    }
    free(p->v);
    p->v = NULL;
    p->n = 0;
}

/* Add a page; `body` is taken over. */
static void pubs_add(pubs *p, const char *key, char *body, size_t len, size_t script_at, unsigned status,
                     const char *location) {
    pub *grown = realloc(p->v, sizeof *grown * (size_t)(p->n + 1));
    if (!grown) {
        free(body);
        return;
    }
    p->v = grown;
    pub *x = &p->v[p->n++];
    x->key = strdup(key);
    x->body = body;
    x->len = body ? len : 0;
    x->script_at = script_at;
    x->status = status;
    x->type = "text/html; charset=utf-8";
    x->location = location ? strdup(location) : NULL;
}

static int pubs_equal(const pubs *a, const pubs *b) {
    if (a->n != b->n)
        return 0;
    for (int i = 0; i < a->n; i++) {
        const pub *x = &a->v[i], *y = &b->v[i];
        if (strcmp(x->key, y->key) != 0 || x->status != y->status || x->len != y->len ||
            (x->len && memcmp(x->body, y->body, x->len) != 0) || !x->location != !y->location ||
            (x->location && strcmp(x->location, y->location) != 0))
            return 0;
    }
    return 1;
}

/* Replace `*slot` with `fresh` under the lock; 1 when anything differs. */
static int publish(bg_site *s, pubs *slot, pubs *fresh) {
    pubs old;
    pthread_mutex_lock(&s->lock);
    int changed = !pubs_equal(slot, fresh);
    old = *slot;
    *slot = *fresh;
    pthread_mutex_unlock(&s->lock);
    pubs_free(&old);
    memset(fresh, 0, sizeof *fresh);
    return changed;
}

static void bump(bg_site *s) {
    pthread_mutex_lock(&s->lock);
    s->generation++;
    pthread_cond_broadcast(&s->changed);
    pthread_mutex_unlock(&s->lock);
}

int bg_site_page_get(bg_site *s, const char *name, const char *key, bg_site_page *page) {
    memset(page, 0, sizeof *page);
    int rc = -1;
    pthread_mutex_lock(&s->lock);
    const pubs *set = NULL;
    if (!name) {
        set = &s->index;
    } else {
        for (int i = 0; i < s->n && !set; i++)
            if (strcmp(s->entries[i].name, name) == 0)
                set = &s->entries[i].published;
    }
    for (int i = 0; set && i < set->n; i++) {
        const pub *p = &set->v[i];
        if (strcmp(p->key, key) != 0)
            continue;
        page->body = malloc(p->len + 1);
        if (!page->body)
            break;
        memcpy(page->body, p->body ? p->body : "", p->len);
        page->body[p->len] = '\0';
        page->len = p->len;
        page->script_at = p->script_at;
        page->status = p->status;
        page->type = p->type;
        if (p->location)
            snprintf(page->location, sizeof page->location, "%s", p->location);
        page->generation = s->generation;
        rc = 0;
        break;
    }
    pthread_mutex_unlock(&s->lock);
    return rc;
}

unsigned long bg_site_generation(bg_site *s) {
    pthread_mutex_lock(&s->lock);
    unsigned long g = s->generation;
    pthread_mutex_unlock(&s->lock);
    return g;
}

unsigned long bg_site_wait(bg_site *s, unsigned long seen, int timeout_ms, int *stopping) {
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&s->lock);
    while (!s->stopping && s->generation == seen)
        if (pthread_cond_timedwait(&s->changed, &s->lock, &until) == ETIMEDOUT)
            break;
    unsigned long g = s->generation;
    *stopping = s->stopping;
    pthread_mutex_unlock(&s->lock);
    return g;
}

void bg_site_stop_waiting(bg_site *s) {
    pthread_mutex_lock(&s->lock);
    s->stopping = 1;
    pthread_cond_broadcast(&s->changed);
    pthread_mutex_unlock(&s->lock);
}

/* ---- the pipeline (pipeline.h), its messages kept for the pages ---------------------------- */

/* Run `bg_diag` capture around a step: messages go to `into` (when not NULL) and,
 * so the terminal shows them too, to stderr when verbose. */
typedef struct captured {
    bg_diag_capture cap;
} captured;

static void capture_start(captured *c) { bg_diag_capture_begin(&c->cap); }

/* Take what the ended capture `cap` holds: append its lines to `into`, free it,
 * and return its number of errors. */
static int take_said(const bg_site *s, bg_diag_capture *cap, bg_strv *into) {
    int errors = cap->errors;
    if (cap->text) {
        if (into)
            bg_strv_add_lines(into, cap->text);
        if (s->verbose)
            fputs(cap->text, stderr);
    }
    bg_diag_capture_free(cap);
    return errors;
}

/* Stop capturing; append the lines to `into`; return the number of errors. */
static int capture_stop(bg_site *s, captured *c, bg_strv *into) {
    bg_diag_capture_end();
    return take_said(s, &c->cap, into);
}

/* (Re)make the renderer and compile both stylesheets now, so a template error is
 * known once, with its file and line, and shown on every page of that format. */
static void make_renderer(bg_site *s) {
    bg_strv_clear(&s->site_errors);
    for (int f = 0; f < BG_FORMAT_COUNT; f++)
        bg_strv_clear(&s->format_errors[f]);
    captured c;
    capture_start(&c);
    bg_pipeline_open_renderer(s->pipeline);
    capture_stop(s, &c, &s->site_errors);
    bg_renderer *renderer = bg_pipeline_renderer(s->pipeline);
    if (!renderer) {
        if (!s->site_errors.n)
            bg_strv_add_lines(&s->site_errors, "briefgen: error: cannot set up the renderer");
        return;
    }
    for (int f = 0; f < BG_FORMAT_COUNT; f++) {
        capture_start(&c);
        int rc = bg_renderer_prepare(renderer, f);
        capture_stop(s, &c, &s->format_errors[f]);
        if (rc != 0 && !s->format_errors[f].n) {
            char msg[128];
            snprintf(msg, sizeof msg, "briefgen: error: the %s templates do not compile", bg_format_name(f));
            bg_strv_add_lines(&s->format_errors[f], msg);
        }
    }
}

static int strv_has(const bg_strv *s, const char *line) {
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->v[i], line) == 0)
            return 1;
    return 0;
}

static void output_clear(output *o) {
    free(o->page);
    o->page = NULL;
    bg_strv_clear(&o->errors);
}

/* Make the entry's outputs those of `langs` × every format, keeping the pages of
 * outputs that stay. */
static void set_outputs(entry *e, const char *const *langs, int nlangs) {
    int n = nlangs * BG_FORMAT_COUNT;
    output *outs = calloc((size_t)(n ? n : 1), sizeof *outs);
    if (!outs)
        return;
    for (int i = 0; i < nlangs; i++) {
        for (int f = 0; f < BG_FORMAT_COUNT; f++) {
            output *o = &outs[i * BG_FORMAT_COUNT + f];
            snprintf(o->lang, sizeof o->lang, "%s", langs[i]);
            o->f = (bg_format)f;
            for (int k = 0; k < e->nouts; k++) {
                output *old = &e->outs[k];
                if (old->f == o->f && strcmp(old->lang, o->lang) == 0) {
                    *o = *old;
                    memset(old, 0, sizeof *old);
                }
            }
        }
    }
    for (int k = 0; k < e->nouts; k++)
        output_clear(&e->outs[k]);
    free(e->outs);
    e->outs = outs;
    e->nouts = n;
}

/* Load and validate the file again.  1 when the new version is good (it replaces
 * the last good one), 0 when not (its messages are kept, the last good stays). */
static int load_entry(bg_site *s, entry *e) {
    bg_strv_clear(&e->errors);
    bg_strv_clear(&e->warnings);
    captured c;
    capture_start(&c);
    bg_langs langs;
    bg_brief *b = bg_pipeline_load(s->pipeline, e->path, NULL, &langs);
    int ok = b != NULL;
    int errors = capture_stop(s, &c, ok ? &e->warnings : &e->errors);
    if (!ok || errors) {
        if (!e->errors.n)
            bg_strv_add_lines(&e->errors, "briefgen: error: the brief cannot be loaded");
        bg_brief_free(b);
        if (!e->good) {
            /* Never good yet: pages per language anyway, to show the messages
             * (none when there are too many languages: the messages say so). */
            char **peeked = bg_brief_peek_langs(e->path);
            int n = 0;
            if (bg_pipeline_peek_langs(peeked, NULL, &langs) > 0)
                while (n < langs.n && bg_l10n_is_lang_tag(langs.v[n]))
                    n++;
            set_outputs(e, langs.v, n);
            bg_brief_langs_free(peeked);
        }
        return 0;
    }
    bg_brief_free(e->good);
    e->good = b;
    return 1;
}

/* Render the pages of `b` in its `i`th language, resolved in `l` (or not: then
 * why is in `lang_errors`): the PDF alone in the PDF pass, every other page in the
 * first. */
static void render_pages(bg_site *s, entry *e, const bg_brief *b, int i, const bg_pipeline_lang *l,
                         const bg_strv *lang_errors, int resolved, int pdf_pass) {
    for (int f = 0; f < BG_FORMAT_COUNT; f++) {
        output *o = &e->outs[i * BG_FORMAT_COUNT + f];
        if (f == BG_FORMAT_TYPST || f == BG_FORMAT_CITE || (f == BG_FORMAT_PDF) != pdf_pass)
            continue; /* the Typst source is not a page (the PDF is made from it), nor a citation record */
        bg_strv_clear(&o->errors);
        if (!bg_pipeline_renderer(s->pipeline) || s->format_errors[f].n) {
            bg_strv_add_all(&o->errors, &s->format_errors[f]);
            continue;
        }
        if (!resolved) {
            bg_strv_add_all(&o->errors, lang_errors);
            if (!o->errors.n)
                bg_strv_add_lines(&o->errors, "briefgen: error: the brief cannot be prepared for this language");
            continue;
        }
        char *out = NULL;
        size_t len = 0;
        bg_diag_capture said;
        double t = now_ms();
        int rc = bg_pipeline_render(s->pipeline, b, l, e->name, (bg_format)f, &out, &len, &said);
        int render_errors = take_said(s, &said, &o->errors);
        if (rc != 0 || render_errors) {
            if (!o->errors.n)
                bg_strv_add_lines(&o->errors, "briefgen: error: rendering failed");
            free(out);
            continue;
        }
        bg_strv_clear(&o->errors); /* warnings of a good render are not shown as errors */
        free(o->page);
        if (f == BG_FORMAT_DOCBOOK) {
            o->page = bg_page_docbook(e->name, e->url, l->lang, out, len, &o->len);
            free(out);
        } else {
            o->page = out;
            o->len = len;
        }
        o->ms = now_ms() - t;
    }
}

/* Render every page of the last good version but its PDFs; or, in the PDF pass
 * (`pdf_pass`), only the PDFs, resolving each language again (milliseconds): a
 * save's HTML is published before Typst runs, so an editor's page does not wait
 * for the PDFs.  What resolving says was kept by the first pass. */
static void render_entry(bg_site *s, entry *e, int pdf_pass) {
    const bg_brief *b = e->good;
    bg_langs all;
    const char *langs[BG_PIPELINE_MAX_LANGS] = {NULL};
    int nlangs = 0, nall = bg_pipeline_langs(b, NULL, &all); /* within the limit: the load checked */
    for (int i = 0; i < nall; i++)
        if (bg_l10n_is_lang_tag(all.v[i]))
            langs[nlangs++] = all.v[i];
    if (!pdf_pass)
        set_outputs(e, langs, nlangs);

    for (int i = 0; i < nlangs; i++) {
        /* The language's own problems (a broken locale file; with --strict, missing
         * translations) fail both of its outputs. */
        bg_strv lang_errors = {0}, lines = {0};
        bg_pipeline_lang l = {.lang = langs[i]};
        if (bg_pipeline_renderer(s->pipeline))
            bg_pipeline_resolve(s->pipeline, b, &l);
        int errors = take_said(s, &l.locale_said, &lines);
        /* l10n reports a broken file once, for the first language that reads it
         * (en.xlf is every locale's root); keep the messages for the others. */
        for (int k = 0; k < lines.n; k++)
            if (!strv_has(&s->l10n_errors, lines.v[k]))
                bg_strv_add(&s->l10n_errors, lines.v[k], strlen(lines.v[k]));
        if (!l.locale)
            bg_strv_add_all(&lang_errors, lines.n ? &lines : &s->l10n_errors);
        else if (!pdf_pass)
            bg_strv_add_all(&e->warnings, &lines);
        bg_strv_clear(&lines);
        if (l.locale) {
            errors = take_said(s, &l.resolve_said, &lines);
            if (errors || !l.resolved)
                bg_strv_add_all(&lang_errors, &lines);
            else if (!pdf_pass)
                bg_strv_add_all(&e->warnings, &lines);
            bg_strv_clear(&lines);
        }
        render_pages(s, e, b, i, &l, &lang_errors, l.locale && !errors && l.resolved, pdf_pass);
        bg_pipeline_lang_clear(&l);
        bg_strv_clear(&lang_errors);
    }
    if (pdf_pass)
        return;
    free(e->side);
    double t = now_ms();
    e->side = bg_page_side_by_side(b, e->name, e->url, &e->side_len);
    e->side_ms = now_ms() - t;
}

/* Every message that belongs on a page of `e`: the pipeline's, the brief's, and
 * the page's own. */
static void page_errors(const bg_site *s, const entry *e, const output *o, bg_strv *into) {
    bg_strv_add_all(into, &s->site_errors);
    bg_strv_add_all(into, &e->errors);
    if (o)
        bg_strv_add_all(into, &o->errors);
}

static void add_page(pubs *p, const char *key, const char *base, size_t base_len, const bg_strv *errors,
                     const entry *e) {
    size_t len = 0, script_at = (size_t)-1;
    if (base) {
        char *body = bg_page_with_banner(base, base_len, errors, &len, &script_at);
        pubs_add(p, key, body, len, script_at, 200, NULL);
        return;
    }
    /* Never rendered: the messages alone (with the reload script, to recover). */
    size_t elen = 0;
    char *err = bg_page_error(e->name, e->path, errors, &elen);
    char *body = err ? bg_page_with_banner(err, elen, &(bg_strv){0}, &len, &script_at) : NULL;
    free(err);
    pubs_add(p, key, body, len, script_at, 500, NULL);
}

/* The PDF as it is: no banner, no reload script (a copy of `pdf`). */
static void add_pdf(pubs *p, const char *key, const char *pdf, size_t len) {
    char *body = malloc(len ? len : 1);
    if (!body)
        return;
    memcpy(body, pdf, len);
    int n = p->n;
    pubs_add(p, key, body, len, (size_t)-1, 200, NULL);
    if (p->n > n)
        p->v[n].type = "application/pdf";
}

/* Build the entry's pages and publish them; 1 when anything changed. */
static int publish_entry(bg_site *s, entry *e) {
    pubs p = {0};
    bg_strv errors = {0};
    char key[128], location[1024];
    for (int i = 0; i < e->nouts; i++) {
        const output *o = &e->outs[i];
        if (o->f == BG_FORMAT_TYPST || o->f == BG_FORMAT_CITE)
            continue;
        page_errors(s, e, o, &errors);
        snprintf(key, sizeof key, "%s.%s", o->lang, bg_format_ext(o->f));
        if (o->f == BG_FORMAT_PDF && o->page && !errors.n)
            add_pdf(&p, key, o->page, o->len);
        else
            add_page(&p, key, o->page && o->f != BG_FORMAT_PDF ? o->page : NULL, o->len, &errors, e);
        bg_strv_clear(&errors);
        /* The rendered pages link to each other by their built file names
         * (NAME.LANG.html): send those to the page's own address. */
        char alias[512];
        snprintf(alias, sizeof alias, "%s.%s", e->name, key);
        snprintf(location, sizeof location, "/%s/%s", e->url, key);
        pubs_add(&p, alias, NULL, 0, (size_t)-1, 302, location);
    }
    page_errors(s, e, NULL, &errors);
    add_page(&p, "side-by-side", e->side, e->side_len, &errors, e);
    if (e->nouts) {
        snprintf(location, sizeof location, "/%s/%s.html", e->url, e->outs[0].lang);
        pubs_add(&p, "", NULL, 0, (size_t)-1, 302, location);
    } else {
        add_page(&p, "", NULL, 0, &errors, e);
    }
    bg_strv_clear(&errors);
    return publish(s, &e->published, &p);
}

static int publish_index(bg_site *s) {
    bg_index_row *rows = calloc((size_t)(s->n ? s->n : 1), sizeof *rows);
    bg_strv *errors = calloc((size_t)(s->n ? s->n : 1), sizeof *errors);
    char ***langs = calloc((size_t)(s->n ? s->n : 1), sizeof *langs);
    if (!rows || !errors || !langs) {
        free(rows), free(errors), free(langs);
        return 0;
    }
    for (int i = 0; i < s->n; i++) {
        entry *e = &s->entries[i];
        bg_strv_add_all(&errors[i], &s->site_errors);
        bg_strv_add_all(&errors[i], &e->errors);
        langs[i] = calloc((size_t)e->nouts + 1, sizeof *langs[i]);
        int nl = 0;
        for (int k = 0; k < e->nouts; k++) {
            /* Each output's messages once (the format's own are shared by all). */
            const output *o = &e->outs[k];
            for (int m = 0; m < o->errors.n; m++) {
                int seen = 0;
                for (int j = 0; j < errors[i].n && !seen; j++)
                    seen = strcmp(errors[i].v[j], o->errors.v[m]) == 0;
                if (!seen)
                    bg_strv_add(&errors[i], o->errors.v[m], strlen(o->errors.v[m]));
            }
            if (langs[i] && o->f == BG_FORMAT_HTML)
                langs[i][nl++] = e->outs[k].lang;
        }
        rows[i] = (bg_index_row){.name = e->name,
                                 .url = e->url,
                                 .path = e->path,
                                 .good = e->good,
                                 .errors = &errors[i],
                                 .warnings = &e->warnings,
                                 .langs = langs[i]};
    }
    size_t len = 0;
    char *body = bg_page_index(rows, s->n, &len);
    pubs p = {0};
    size_t script_at = (size_t)-1;
    char *with = body ? bg_page_with_banner(body, len, &(bg_strv){0}, &len, &script_at) : NULL;
    free(body);
    pubs_add(&p, "", with, len, script_at, 200, NULL);
    for (int i = 0; i < s->n; i++) {
        bg_strv_clear(&errors[i]);
        free(langs[i]);
    }
    free(rows), free(errors), free(langs);
    return publish(s, &s->index, &p);
}

/* With -v: where the time of a rebuild went. */
static void note_times(const entry *e, int rendered) {
    char buf[1024];
    int n = snprintf(buf, sizeof buf, "load and validate %.1f ms", e->load_ms);
    for (int i = 0; rendered && i < e->nouts && n < (int)sizeof buf; i++)
        n += snprintf(buf + n, sizeof buf - (size_t)n, ", %s.%s %.1f ms", e->outs[i].lang, bg_format_ext(e->outs[i].f),
                      e->outs[i].ms);
    if (rendered && n < (int)sizeof buf)
        snprintf(buf + n, sizeof buf - (size_t)n, ", side by side %.1f ms", e->side_ms);
    bg_note("serve: %s: %s", e->path, buf);
}

/* Rebuild what `c` and the entries' `changed` flags say, publish, and raise the
 * generation when a page changed. */
static void rebuild(bg_site *s, const changes *c) {
    double t0 = now_ms();
    if (c->locales) {
        bg_pipeline_reload_locales(s->pipeline);
        bg_strv_clear(&s->l10n_errors);
    }
    if (c->locales || c->templates)
        make_renderer(s);
    int changed = 0, rebuilt = 0;
    for (int i = 0; i < s->n; i++) {
        entry *e = &s->entries[i];
        if (!e->changed && !c->locales && !c->templates)
            continue;
        double t = now_ms();
        int render = c->locales || c->templates;
        if (e->changed) {
            e->changed = 0;
            render |= load_entry(s, e);
        }
        e->load_ms = now_ms() - t;
        if (render && e->good) {
            render_entry(s, e, 0);
            e->pdf_due = 1;
        }
        changed |= publish_entry(s, e);
        e->ms = now_ms() - t;
        rebuilt++;
        if (s->quiet)
            continue;
        int failed = 0;
        for (int k = 0; k < e->nouts; k++)
            failed += e->outs[k].errors.n > 0;
        if (e->errors.n)
            bg_note("serve: %s: %d error%s%s (%.1f ms)", e->path, e->errors.n, e->errors.n == 1 ? "" : "s",
                    e->good ? "; pages show the last good version" : "", e->ms);
        else if (failed)
            bg_note("serve: %s: %d of %d pages failed to render%s (%.1f ms)", e->path, failed, e->nouts,
                    "; they show the last good version and why", e->ms);
        else
            bg_note("serve: %s: rebuilt in %.1f ms", e->path, e->ms);
        if (s->verbose)
            note_times(e, render && e->good);
    }
    changed |= publish_index(s);
    if (changed)
        bump(s);
    /* The PDFs, once the pages are out.  A PDF is not a page that reloads: the
     * generation goes up again only when the index changed (a PDF that failed). */
    int pdfs = 0;
    for (int i = 0; i < s->n; i++) {
        entry *e = &s->entries[i];
        if (!e->pdf_due)
            continue;
        e->pdf_due = 0;
        double t = now_ms();
        render_entry(s, e, 1);
        publish_entry(s, e);
        e->ms += now_ms() - t;
        pdfs++;
    }
    if (pdfs && publish_index(s))
        bump(s);
    if (s->verbose)
        bg_note("serve: %d brief%s rebuilt in %.1f ms%s", rebuilt, rebuilt == 1 ? "" : "s", now_ms() - t0,
                changed ? "; pages reload" : "; nothing changed");
}

/* ---- watching ------------------------------------------------------------------------------ */

#define WATCH_MASK                                                                                                     \
    (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

static int add_watch(bg_site *s, const char *dir, int role) {
    int wd = inotify_add_watch(s->ifd, dir, WATCH_MASK | IN_ONLYDIR);
    if (wd < 0) {
        bg_warn(dir, 0, "cannot watch this folder for changes: %s", strerror(errno));
        return -1;
    }
    for (int i = 0; i < s->nwatches; i++)
        if (s->watches[i].wd == wd) {
            s->watches[i].roles |= role;
            return wd;
        }
    watch *grown = realloc(s->watches, sizeof *grown * (size_t)(s->nwatches + 1));
    if (!grown)
        return wd;
    s->watches = grown;
    s->watches[s->nwatches++] = (watch){wd, role, strdup(dir)};
    return wd;
}

/* Watch `dir` and every folder under it (templates are in subfolders). */
static void add_tree(bg_site *s, const char *dir, int role, int depth) {
    if (add_watch(s, dir, role) < 0 || depth > 8)
        return;
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char sub[PATH_MAX];
        struct stat st;
        if (snprintf(sub, sizeof sub, "%s/%s", dir, de->d_name) < (int)sizeof sub && stat(sub, &st) == 0 &&
            S_ISDIR(st.st_mode))
            add_tree(s, sub, role, depth + 1);
    }
    closedir(d);
}

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Read the pending events and note what they touched. */
static void read_events(bg_site *s, changes *c) {
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t n = read(s->ifd, buf, sizeof buf);
        if (n <= 0)
            return;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            p += sizeof *ev + ev->len;
            if (ev->mask & IN_Q_OVERFLOW) {
                /* Events were lost: rebuild everything. */
                c->templates = c->locales = c->any = 1;
                for (int i = 0; i < s->n; i++)
                    s->entries[i].changed = 1;
                continue;
            }
            int roles = 0;
            const char *dir = NULL;
            for (int i = 0; i < s->nwatches && !dir; i++)
                if (s->watches[i].wd == ev->wd)
                    roles = s->watches[i].roles, dir = s->watches[i].dir;
            if (!dir || (ev->mask & IN_IGNORED))
                continue;
            const char *name = ev->len ? ev->name : "";
            if (roles & W_BRIEFS)
                for (int i = 0; i < s->n; i++)
                    if (s->entries[i].wd == ev->wd && strcmp(s->entries[i].base, name) == 0)
                        s->entries[i].changed = c->any = 1;
            if ((roles & W_LOCALES) && ends_with(name, ".xlf"))
                c->locales = c->any = 1;
            if (roles & W_TEMPLATES) {
                if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO)) && name[0] != '.') {
                    /* A new template folder: watch it too (this may move s->watches,
                     * so nothing read from it is used after this). */
                    char sub[PATH_MAX];
                    if (snprintf(sub, sizeof sub, "%s/%s", dir, name) < (int)sizeof sub)
                        add_tree(s, sub, W_TEMPLATES, 1);
                    c->templates = c->any = 1;
                } else if (ends_with(name, ".xsl") || (ev->mask & IN_ISDIR)) {
                    c->templates = c->any = 1;
                }
            }
        }
    }
}

static void *watcher(void *arg) {
    bg_site *s = arg;
    bg_diag_install_xml_handlers(); /* libxml2 keeps its error handler per thread */
    struct pollfd fds[2] = {{s->ifd, POLLIN, 0}, {s->stop[0], POLLIN, 0}};
    for (;;) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (fds[1].revents)
            break;
        changes c = {0, 0, 0};
        read_events(s, &c);
        /* Let the burst settle: editors save in several steps (write a temporary
         * file, rename it over the old one, touch a backup). */
        double start = now_ms();
        for (;;) {
            int left = BURST_MAX_MS - (int)(now_ms() - start);
            if (left <= 0)
                break;
            int r = poll(fds, 2, left < QUIET_MS ? left : QUIET_MS);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                break;
            if (fds[1].revents)
                return NULL;
            read_events(s, &c);
        }
        if (c.any)
            rebuild(s, &c);
    }
    return NULL;
}

/* ---- life cycle ------------------------------------------------------------------------------ */

static int init_entry(bg_site *s, entry *e, const char *path) {
    memset(e, 0, sizeof *e);
    e->wd = -1;
    e->path = strdup(path);
    const char *slash = strrchr(path, '/');
    e->base = strdup(slash ? slash + 1 : path);
    if (!e->path || !e->base)
        return -1;
    size_t n = strlen(e->base);
    e->name = n > 4 && strcmp(e->base + n - 4, ".xml") == 0 ? strndup(e->base, n - 4) : strdup(e->base);
    if (!e->name || !(e->url = url_encode(e->name)))
        return -1;
    char dir[PATH_MAX];
    if (slash)
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path) ? (int)(slash - path) : 1, path);
    else
        snprintf(dir, sizeof dir, ".");
    e->wd = add_watch(s, dir, W_BRIEFS);
    e->changed = 1;
    return 0;
}

static void free_entry(entry *e) {
    free(e->path), free(e->name), free(e->url), free(e->base), free(e->side);
    bg_brief_free(e->good);
    bg_strv_clear(&e->errors);
    bg_strv_clear(&e->warnings);
    for (int i = 0; i < e->nouts; i++)
        output_clear(&e->outs[i]);
    free(e->outs);
    pubs_free(&e->published);
}

bg_site *bg_site_new(const bg_site_config *cfg) {
    bg_site *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->ifd = -1;
    s->stop[0] = s->stop[1] = -1;
    pthread_mutex_init(&s->lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&s->changed, &ca);
    pthread_condattr_destroy(&ca);
    s->generation = 1;
    s->verbose = cfg->verbose;
    s->quiet = cfg->quiet;
    /* The preview makes every format but Typst's source, and its pages link to
     * the PDF as build's do. */
    int shown[BG_FORMAT_COUNT] = {
        [BG_FORMAT_HTML] = 1, [BG_FORMAT_DOCBOOK] = 1, [BG_FORMAT_PDF] = cfg->datadir != NULL};
    char formats[64];
    bg_format_list(shown, formats, sizeof formats);
    bg_pipeline_config pc = {.locales = cfg->locales,
                             .schema = cfg->schema,
                             .templates = cfg->templates,
                             .overrides = cfg->overrides,
                             .reads = cfg->reads,
                             .datadir = cfg->datadir,
                             .base_url = cfg->base_url,
                             .formats = formats};
    s->pipeline = bg_pipeline_open(&pc);
    if (!s->pipeline) {
        bg_site_free(s);
        return NULL;
    }
    if (cfg->overrides) {
        struct stat st;
        if (stat(cfg->overrides, &st) != 0 || !S_ISDIR(st.st_mode)) {
            bg_error(cfg->overrides, 0, "not a template folder: %s", errno ? strerror(errno) : "not a folder");
            bg_site_free(s);
            return NULL;
        }
    }

    /* Watch first, then build: a save during the first build is not lost. */
    s->ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (s->ifd < 0 || pipe(s->stop) != 0) {
        bg_error(NULL, 0, "cannot watch files: %s", strerror(errno));
        bg_site_free(s);
        return NULL;
    }
    fcntl(s->stop[0], F_SETFD, FD_CLOEXEC);
    fcntl(s->stop[1], F_SETFD, FD_CLOEXEC);
    const bg_pipeline_config *dirs = bg_pipeline_config_of(s->pipeline);
    add_tree(s, dirs->templates, W_TEMPLATES, 0);
    if (dirs->overrides)
        add_tree(s, dirs->overrides, W_TEMPLATES, 0);
    add_watch(s, dirs->locales, W_LOCALES);

    s->entries = calloc((size_t)cfg->nfiles, sizeof *s->entries);
    if (!s->entries) {
        bg_site_free(s);
        return NULL;
    }
    for (int i = 0; i < cfg->nfiles; i++, s->n++)
        if (init_entry(s, &s->entries[s->n], cfg->files[i]) != 0) {
            bg_site_free(s);
            return NULL;
        }
    changes all = {1, 0, 1};
    rebuild(s, &all);
    return s;
}

int bg_site_start(bg_site *s) {
    if (pthread_create(&s->thread, NULL, watcher, s) != 0) {
        bg_error(NULL, 0, "cannot start the file watcher");
        return -1;
    }
    s->started = 1;
    return 0;
}

void bg_site_free(bg_site *s) {
    if (!s)
        return;
    bg_site_stop_waiting(s);
    if (s->started) {
        ssize_t w;
        do
            w = write(s->stop[1], "x", 1);
        while (w < 0 && errno == EINTR);
        pthread_join(s->thread, NULL);
    }
    for (int i = 0; i < s->n; i++)
        free_entry(&s->entries[i]);
    free(s->entries);
    for (int i = 0; i < s->nwatches; i++)
        free(s->watches[i].dir);
    free(s->watches);
    if (s->ifd >= 0)
        close(s->ifd);
    if (s->stop[0] >= 0)
        close(s->stop[0]), close(s->stop[1]);
    bg_pipeline_free(s->pipeline);
    bg_strv_clear(&s->site_errors);
    bg_strv_clear(&s->l10n_errors);
    for (int f = 0; f < BG_FORMAT_COUNT; f++)
        bg_strv_clear(&s->format_errors[f]);
    pubs_free(&s->index);
    pthread_cond_destroy(&s->changed);
    pthread_mutex_destroy(&s->lock);
    free(s);
}
