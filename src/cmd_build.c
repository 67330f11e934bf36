/* `briefgen build` and `briefgen check`: the pipeline of DESIGN.md —
 * load, validate, for each language resolve, transform, write. */
#include "brief.h"
#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "fileio.h"
#include "figure.h"
#include "l10n.h"
#include "render.h"

#include <getopt.h>
#include <pthread.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_LANGS 16

typedef struct build_opts {
    bg_cli_common common;
    const char *outdir;
    const char *langs[MAX_LANGS]; /* -l, pointers into lang_buf */
    int nlangs;
    char lang_buf[256];
    int format[BG_FORMAT_COUNT]; /* which formats to write */
    int verbose;
    int jobs;         /* -j: threads; 0 = number of cores */
    int force;        /* --force: rebuild outputs that are up to date */
    const char *deps; /* --deps FILE: Make rules for every output */
} build_opts;

enum { OPT_FORCE = BG_OPT_LOCAL, OPT_DEPS };

/* Split the comma-separated -l LIST into o->langs. */
static int parse_langs(const bg_command *cmd, build_opts *o, const char *list) {
    snprintf(o->lang_buf, sizeof o->lang_buf, "%s", list);
    o->nlangs = 0;
    for (char *save = NULL, *t = strtok_r(o->lang_buf, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
        if (!bg_l10n_is_lang_tag(t))
            return bg_cli_usage_error(cmd, "-l: '%s' is not a language tag (e.g. uk, en, pl)", t);
        if (o->nlangs == MAX_LANGS)
            return bg_cli_usage_error(cmd, "-l: at most %d languages", MAX_LANGS);
        o->langs[o->nlangs++] = t;
    }
    if (o->nlangs == 0)
        return bg_cli_usage_error(cmd, "-l: give at least one language");
    return 0;
}

static int parse_formats(const bg_command *cmd, build_opts *o, const char *list) {
    char buf[128];
    snprintf(buf, sizeof buf, "%s", list);
    memset(o->format, 0, sizeof o->format);
    int any = 0;
    for (char *save = NULL, *t = strtok_r(buf, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
        int f = bg_format_parse(t);
        if (f < 0)
            return bg_cli_usage_error(cmd, "-f: unknown format '%s' (use html, docbook)", t);
        o->format[f] = any = 1;
    }
    if (!any)
        return bg_cli_usage_error(cmd, "-f: give at least one format");
    return 0;
}

/* Parse the options of build/check into `o`; returns the index of the first file,
 * or -1 after a usage error. */
static int parse_options(const bg_command *cmd, int argc, char **argv, build_opts *o) {
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},     {"lang", required_argument, NULL, 'l'},
        {"format", required_argument, NULL, 'f'},     BG_CLI_COMMON_LONGOPTS,
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},             {"jobs", required_argument, NULL, 'j'},
        {"force", no_argument, NULL, OPT_FORCE},      {"deps", required_argument, NULL, OPT_DEPS},
        {NULL, 0, NULL, 0}};
    int is_build = strcmp(cmd->name, "build") == 0;
    o->outdir = "out";
    for (int f = 0; f < BG_FORMAT_COUNT; f++)
        o->format[f] = 1;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, is_build ? ":o:l:f:j:qvh" : ":l:j:qh", longopts, NULL)) != -1) {
        if (bg_cli_common_option(c, optarg, &o->common))
            continue;
        switch (c) {
        case 'o':
            o->outdir = optarg;
            break;
        case 'l':
            if (parse_langs(cmd, o, optarg))
                return -1;
            break;
        case 'f':
            if (parse_formats(cmd, o, optarg))
                return -1;
            break;
        case 'v':
            o->verbose = 1;
            break;
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 256) {
                bg_cli_usage_error(cmd, "-j: '%s' is not a number of jobs from 1 to 256", optarg);
                return -1;
            }
            o->jobs = (int)n;
            break;
        }
        case OPT_FORCE:
            o->force = 1;
            break;
        case OPT_DEPS:
            o->deps = optarg;
            break;
        case 'h':
            fputs(cmd->usage, stdout);
            exit(BG_EXIT_OK);
        case ':':
            bg_cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
            return -1;
        default:
            bg_cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
            return -1;
        }
    }
    if (!is_build && (o->common.templates || o->common.template_files || o->verbose || o->force || o->deps)) {
        bg_cli_usage_error(cmd, "check writes nothing; --templates, -v, --force and --deps belong to build");
        return -1;
    }
    if (optind >= argc) {
        bg_cli_usage_error(cmd, "no brief given");
        return -1;
    }
    bg_diag_set_strict(o->common.strict);
    bg_diag_set_quiet(o->common.quiet);
    return optind;
}

/* NAME of NAME.xml, the stem of every output file. */
static void output_stem(const char *path, char *buf, size_t size) {
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    snprintf(buf, size, "%s", base);
    size_t n = strlen(buf);
    if (n > 4 && strcmp(buf + n - 4, ".xml") == 0)
        buf[n - 4] = '\0';
}

/* Everything one run shares across briefs: made once, reused for every file.  A
 * worker thread gets its own l10n (ICU objects belong to one thread) and a
 * renderer sharing the compiled stylesheets. */
typedef struct pipeline {
    bg_l10n *l10n;
    bg_schema *schema;
    bg_renderer *renderer;
} pipeline;

static int pipeline_open(pipeline *p, const bg_cli_common *c, int need_renderer) {
    char path[PATH_MAX];
    memset(p, 0, sizeof *p);
    if (c->locales)
        snprintf(path, sizeof path, "%s", c->locales);
    else
        bg_cli_data_path(path, sizeof path, "locales");
    p->l10n = bg_l10n_new(path);
    bg_cli_data_path(path, sizeof path, "schema/brief.rng");
    p->schema = bg_schema_load(path);
    if (!p->l10n || !p->schema)
        return -1;
    if (need_renderer) {
        bg_cli_data_path(path, sizeof path, "templates");
        p->renderer = bg_renderer_new(path, c->templates, p->l10n);
        if (p->renderer && c->template_files && bg_renderer_allow_reads(p->renderer, c->template_files) != 0)
            return -1;
        if (!p->renderer)
            return -1;
    }
    return 0;
}

static void pipeline_close(pipeline *p) {
    bg_renderer_free(p->renderer);
    bg_schema_free(p->schema);
    bg_l10n_free(p->l10n);
}

/* One brief of the batch: planned by the main thread, done by a worker, its
 * messages captured and printed in input order, so `-j 8` says exactly what
 * `-j 1` says. */
typedef struct job {
    const char *path;
    char **langs; /* the brief's @langs (peeked), or NULL with -l */
    char **figures; /* its figures' @id and @src in pairs (peeked for up-to-date checks and --deps) */
    int skip;     /* every output is up to date */
    int failed;
    int fresh; /* outputs found up to date and left alone */
    bg_diag_capture diag;
    int done;
} job;

typedef struct batch {
    const build_opts *o;
    int is_build;
    pipeline main;
    job *jobs;
    int njobs;
    int next; /* the next job to take, under `lock` */
    int stamp_due; /* write the stamp before the first output, under `lock` */
    int rebuild;   /* rebuild every output: --force, or other template/locale folders */
    int lang_threads; /* threads one brief may use for its languages (-j over briefs) */
    pthread_mutex_t lock;
    pthread_cond_t finished;
} batch;

/* The languages of a job: -l, else the brief's own. */
static int job_langs(const batch *bt, const job *j, const char **langs) {
    int n = 0;
    if (bt->o->nlangs)
        for (; n < bt->o->nlangs; n++)
            langs[n] = bt->o->langs[n];
    else
        for (; j->langs && j->langs[n] && n < MAX_LANGS; n++)
            langs[n] = j->langs[n];
    return n;
}

/* The output file for `lang` and `f`; 0, or -1 when the path does not fit. */
static int output_path(char *buf, size_t size, const build_opts *o, const char *brief, const char *lang,
                       bg_format f) {
    char stem[PATH_MAX];
    output_stem(brief, stem, sizeof stem);
    return snprintf(buf, size, "%s/%s.%s.%s", o->outdir, stem, lang, bg_format_ext(f)) < (int)size ? 0 : -1;
}

/* One rendered output waiting to be written. */
typedef struct output {
    char path[PATH_MAX];
    char *data;
    size_t len;
} output;

/* The image files of a brief's figures, to be written beside its DocBook outputs
 * as NAME.ID.svg / NAME.ID.png (the name the DocBook templates give imagedata). */
typedef struct figure_copies {
    const build_opts *o;
    const char *brief;
    const char *stem;
    output *outs;
    int n, cap;
    int failed;
} figure_copies;

static void add_figure_copy(const char *id, const char *src, long line, void *ctx) {
    figure_copies *fc = ctx;
    if (fc->failed)
        return;
    bg_figure *fig = bg_figure_load(fc->brief, line, src);
    if (!fig) {
        fc->failed = 1;
        return;
    }
    if (fc->n == fc->cap) {
        int cap = fc->cap ? 2 * fc->cap : 4;
        output *grown = realloc(fc->outs, sizeof *grown * (size_t)cap);
        if (!grown) {
            bg_figure_free(fig);
            fc->failed = 1;
            return;
        }
        fc->outs = grown;
        fc->cap = cap;
    }
    output *out = &fc->outs[fc->n];
    if (snprintf(out->path, sizeof out->path, "%s/%s.%s.%s", fc->o->outdir, fc->stem, id, bg_figure_ext(fig)) >=
        (int)sizeof out->path) {
        bg_error(fc->o->outdir, 0, "output path too long");
        fc->failed = 1;
    } else if (!(out->data = bg_figure_output(fig, &out->len))) {
        bg_error(fc->brief, line, "out of memory");
        fc->failed = 1;
    } else {
        fc->n++;
    }
    bg_figure_free(fig);
}

/* The languages of one brief being resolved: the brief's tree is freed as soon as
 * none of them needs it any more. */
typedef struct resolving {
    pthread_mutex_t lock;
    pthread_cond_t done;
    int pending; /* languages on threads of their own not yet resolved */
} resolving;

/* The outputs of one language of a brief: resolved once, rendered in each stale
 * format into memory.  Languages of one brief may be done on threads of their
 * own (lang_threads).  What each language says is captured and said in language
 * order once all are done, so that -j N says what -j 1 says. */
typedef struct lang_task {
    batch *bt;
    const bg_brief *b;
    const char *lang;
    const char *stem;
    int stale[BG_FORMAT_COUNT];
    xmlDocPtr resolved;
    int resolve_rc; /* set before the task counts as resolved */
    output outs[BG_FORMAT_COUNT];
    int nouts;
    int rc;
    resolving *sync;                  /* set for a task on a thread of its own */
    bg_diag_capture said, said_later; /* resolving (and, on a thread, rendering); rendering */
} lang_task;

/* Resolve the task's language: into a copy of the brief, or — `take`, for the
 * last language resolved — into the brief's own tree, which the task then owns. */
static void resolve_lang(pipeline *p, lang_task *t, bg_brief *take) {
    int errors_before = bg_diag_errors();
    if (bg_l10n_locale(p->l10n, t->lang))
        t->resolved = take ? bg_brief_resolve_take(take, t->lang) : bg_brief_resolve(t->b, t->lang);
    if (!t->resolved || bg_diag_errors() != errors_before) /* includes warnings promoted by --strict */
        t->resolve_rc = -1;
    t->rc = t->resolve_rc;
}

static void render_lang(pipeline *p, lang_task *t) {
    const build_opts *o = t->bt->o;
    int errors_before = bg_diag_errors();
    for (int f = 0; f < BG_FORMAT_COUNT && t->rc == 0; f++) {
        if (!t->stale[f])
            continue;
        output *out = &t->outs[t->nouts];
        if (output_path(out->path, sizeof out->path, o, bg_brief_path(t->b), t->lang, f) != 0) {
            bg_error(o->outdir, 0, "output path too long");
            t->rc = -1;
        } else if (bg_render(p->renderer, t->b, t->resolved, t->lang, t->stem, f, &out->data, &out->len) != 0) {
            t->rc = -1;
        } else {
            t->nouts++;
        }
    }
    xmlFreeDoc(t->resolved);
    t->resolved = NULL;
    if (bg_diag_errors() != errors_before)
        t->rc = -1;
}

/* A thread doing one language: its own ICU objects, the shared stylesheets. */
static void *lang_worker(void *arg) {
    lang_task *t = arg;
    bg_diag_install_xml_handlers(); /* libxml2's handler is per thread */
    bg_diag_capture_begin(&t->said);
    pipeline p = {bg_l10n_clone(t->bt->main.l10n), NULL, NULL};
    if (p.l10n)
        p.renderer = bg_renderer_share(t->bt->main.renderer, p.l10n);
    if (p.renderer) {
        resolve_lang(&p, t, NULL);
    } else {
        bg_error(NULL, 0, "out of memory starting a worker");
        t->resolve_rc = t->rc = -1;
    }
    pthread_mutex_lock(&t->sync->lock);
    t->sync->pending--;
    pthread_cond_broadcast(&t->sync->done);
    pthread_mutex_unlock(&t->sync->lock);
    if (p.renderer)
        render_lang(&p, t);
    bg_diag_capture_end();
    bg_renderer_free(p.renderer);
    bg_l10n_free(p.l10n);
    return NULL;
}

/* Write `out` unless *rc says the brief failed (setting it when the write fails);
 * free its data either way. */
static void publish(const build_opts *o, output *out, int *rc) {
    if (*rc == 0 && bg_write_atomic(out->path, out->data, out->len) != 0)
        *rc = -1;
    else if (*rc == 0 && o->verbose)
        bg_note("wrote %s", out->path);
    free(out->data);
    out->data = NULL;
}

/* Render every language × format of one valid brief into memory, and only when all
 * of them succeeded (and --strict found nothing) write them, with the figures'
 * images beside the DocBook outputs.  A brief is published whole or not at all. */
static int ensure_stamp(batch *bt);
static int output_fresh(batch *bt, const job *j, const char *lang, bg_format f);

static int build_one(pipeline *p, batch *bt, job *j, bg_brief *b) {
    const build_opts *o = bt->o;
    const char *langs[MAX_LANGS];
    int nlangs = bt->o->nlangs ? job_langs(bt, j, langs) : 0;
    if (!o->nlangs) /* the brief as loaded is the authority on its languages */
        for (; nlangs < bg_brief_nlangs(b) && nlangs < MAX_LANGS; nlangs++)
            langs[nlangs] = bg_brief_lang(b, nlangs);

    char stem[PATH_MAX];
    output_stem(bg_brief_path(b), stem, sizeof stem);
    int errors_before = bg_diag_errors(), rc = 0;

    /* Only what is out of date: a touched uk.xlf rebuilds the uk outputs. */
    lang_task tasks[MAX_LANGS];
    int ntasks = 0;
    for (int i = 0; i < nlangs; i++) {
        lang_task *t = &tasks[ntasks];
        *t = (lang_task){.bt = bt, .b = b, .lang = langs[i], .stem = stem};
        int nstale = 0;
        for (int f = 0; f < BG_FORMAT_COUNT; f++) {
            t->stale[f] = o->format[f] && (bt->rebuild || !output_fresh(bt, j, langs[i], f));
            nstale += t->stale[f];
            j->fresh += o->format[f] && !t->stale[f];
        }
        ntasks += nstale > 0;
    }
    /* Languages after the first go to threads of their own while -j leaves
     * threads idle; the others are done here. */
    resolving sync = {.pending = 0};
    pthread_mutex_init(&sync.lock, NULL);
    pthread_cond_init(&sync.done, NULL);
    pthread_t threads[MAX_LANGS];
    int started[MAX_LANGS] = {0}, nstarted = 0;
    for (int i = 1; i < ntasks && i < bt->lang_threads; i++) {
        tasks[i].sync = &sync;
        sync.pending++; /* before the thread can count it down */
        started[i] = pthread_create(&threads[i], NULL, lang_worker, &tasks[i]) == 0;
        if (!started[i])
            sync.pending--;
        nstarted += started[i];
    }
    if (nstarted && o->verbose)
        bg_note("%s: %d languages on %d threads", bg_brief_path(b), ntasks, nstarted + 1);
    /* The last language done here is resolved last, in the brief's own tree: by
     * then every copy has been made (the threads' included), and the tree is not
     * needed again.  The others get copies. */
    int last = -1;
    for (int i = 0; i < ntasks; i++)
        if (!started[i])
            last = i;
    for (int i = 0; i < ntasks; i++) {
        if (!started[i] && i != last) {
            bg_diag_capture_begin(&tasks[i].said);
            resolve_lang(p, &tasks[i], NULL);
            bg_diag_capture_end();
        }
    }
    pthread_mutex_lock(&sync.lock);
    while (sync.pending > 0)
        pthread_cond_wait(&sync.done, &sync.lock);
    pthread_mutex_unlock(&sync.lock);
    for (int i = 0; i < ntasks; i++)
        rc |= tasks[i].resolve_rc;
    /* The figures' images are read while the brief's tree is whole. */
    figure_copies fc = {.o = o, .brief = bg_brief_path(b), .stem = stem};
    if (rc == 0 && o->format[BG_FORMAT_DOCBOOK]) {
        bg_brief_each_figure(b, add_figure_copy, &fc);
        if (fc.failed)
            rc = -1;
    }
    if (last >= 0) {
        bg_diag_capture_begin(&tasks[last].said);
        resolve_lang(p, &tasks[last], b);
        bg_diag_capture_end();
        rc |= tasks[last].resolve_rc;
    }
    bg_brief_release_tree(b); /* when no language took it */
    /* Languages are said in order, and only up to the first that fails: a broken
     * template or message fails every language alike, and is said once.  (A
     * language after it is not rendered here; on a thread it may have been, and
     * what it said is dropped.) */
    int failed_before = 0;
    for (int i = 0; i < ntasks; i++) {
        if (!started[i] && !failed_before) {
            bg_diag_capture_begin(&tasks[i].said_later);
            render_lang(p, &tasks[i]);
            bg_diag_capture_end();
        }
        /* a thread's rc is its own until joined; its resolve_rc is settled */
        failed_before |= (started[i] ? tasks[i].resolve_rc : tasks[i].rc) != 0;
    }
    failed_before = 0;
    for (int i = 0; i < ntasks; i++) {
        if (started[i])
            pthread_join(threads[i], NULL);
        xmlFreeDoc(tasks[i].resolved); /* a language not rendered */
        tasks[i].resolved = NULL;
        if (!failed_before) {
            bg_diag_capture_replay(&tasks[i].said);
            bg_diag_capture_replay(&tasks[i].said_later);
        } else {
            bg_diag_capture_free(&tasks[i].said);
            bg_diag_capture_free(&tasks[i].said_later);
        }
        failed_before |= tasks[i].rc != 0;
    }
    rc |= failed_before ? -1 : 0;
    pthread_mutex_destroy(&sync.lock);
    pthread_cond_destroy(&sync.done);
    if (bg_diag_errors() != errors_before)
        rc = -1;
    int nouts = 0;
    for (int i = 0; i < ntasks; i++)
        nouts += tasks[i].nouts;
    if (rc == 0 && nouts > 0 && ensure_stamp(bt) != 0)
        rc = -1;
    for (int i = 0; i < ntasks; i++)
        for (int k = 0; k < tasks[i].nouts; k++)
            publish(o, &tasks[i].outs[k], &rc);
    for (int i = 0; i < fc.n; i++)
        publish(o, &fc.outs[i], &rc);
    free(fc.outs);
    return rc;
}

/* Load, validate and (build) render one brief; its messages go to j->diag. */
static void do_job(batch *bt, pipeline *p, job *j) {
    bg_diag_capture_begin(&j->diag);
    int errors_before = bg_diag_errors();
    bg_brief *b = bg_brief_load(j->path);
    if (!b || bg_brief_validate(b, p->schema) != 0) {
        j->failed = 1;
    } else if (bt->is_build) {
        j->failed = build_one(p, bt, j, b) != 0;
    } else {
        /* check: resolving each language reports the untranslated texts. */
        const char *langs[MAX_LANGS];
        int n = bt->o->nlangs ? job_langs(bt, j, langs) : 0;
        if (!bt->o->nlangs)
            for (; n < bg_brief_nlangs(b) && n < MAX_LANGS; n++)
                langs[n] = bg_brief_lang(b, n);
        for (int k = 0; k < n; k++)
            xmlFreeDoc(bg_brief_resolve(b, langs[k]));
        j->failed = bg_diag_errors() != errors_before;
    }
    bg_brief_free(b);
    bg_diag_capture_end();
}

/* Take jobs until none are left. */
static void work(batch *bt, pipeline *p) {
    for (;;) {
        pthread_mutex_lock(&bt->lock);
        int i = bt->next;
        while (i < bt->njobs && bt->jobs[i].skip)
            i++;
        bt->next = i + 1;
        pthread_mutex_unlock(&bt->lock);
        if (i >= bt->njobs)
            return;
        do_job(bt, p, &bt->jobs[i]);
        pthread_mutex_lock(&bt->lock);
        bt->jobs[i].done = 1;
        pthread_cond_broadcast(&bt->finished);
        pthread_mutex_unlock(&bt->lock);
    }
}

static void *worker(void *arg) {
    batch *bt = arg;
    bg_diag_install_xml_handlers(); /* libxml2's handler is per thread */
    pipeline p = {bg_l10n_clone(bt->main.l10n), bt->main.schema, NULL};
    if (p.l10n && bt->is_build)
        p.renderer = bg_renderer_share(bt->main.renderer, p.l10n);
    if (p.l10n && (!bt->is_build || p.renderer))
        work(bt, &p);
    else
        bg_error(NULL, 0, "out of memory starting a worker");
    bg_renderer_free(p.renderer);
    bg_l10n_free(p.l10n);
    return NULL;
}

/* ---- planning: which outputs are up to date ---------------------------------------- */

static int mtime_of(const char *path, struct timespec *t) {
    struct stat st;
    if (!path || stat(path, &st) != 0)
        return -1;
    *t = st.st_mtim;
    return 0;
}

static int later(struct timespec a, struct timespec b) {
    return a.tv_sec > b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec > b.tv_nsec);
}

/* The image file of figure `src` of `brief` (beside it), for its time only: the
 * real load checks where it may be. */
static void figure_image(char *buf, size_t size, const char *brief, const char *src) {
    const char *slash = strrchr(brief, '/');
    if (slash)
        snprintf(buf, size, "%.*s/%s", (int)(slash - brief), brief, src);
    else
        snprintf(buf, size, "%s", src);
}

/* Every file an output of `lang` in format `f` is made from, besides the brief:
 * the templates, the locale files, the schema, briefgen itself and the images of
 * job `j`'s figures.  Calls `fn` for each; stops and returns -1 when `fn` does. */
static int each_input(batch *bt, const job *j, const char *lang, bg_format f,
                      int (*fn)(const char *path, void *ctx), void *ctx) {
    const char *const *tpl = bg_renderer_sources(bt->main.renderer, f);
    for (int i = 0; tpl && tpl[i]; i++)
        if (fn(tpl[i], ctx) != 0)
            return -1;
    char path[PATH_MAX];
    const char *dir = bg_l10n_dir(bt->main.l10n);
    snprintf(path, sizeof path, "%s/%s.xlf", dir, lang);
    if (fn(path, ctx) != 0)
        return -1;
    if (strcmp(lang, "en") != 0) {
        snprintf(path, sizeof path, "%s/en.xlf", dir);
        if (fn(path, ctx) != 0)
            return -1;
    }
    bg_cli_data_path(path, sizeof path, "schema/brief.rng");
    if (fn(path, ctx) != 0)
        return -1;
    for (int i = 0; j->figures && j->figures[i] && j->figures[i + 1]; i += 2) {
        figure_image(path, sizeof path, j->path, j->figures[i + 1]);
        if (fn(path, ctx) != 0)
            return -1;
    }
    return fn(bg_cli_self(), ctx);
}

typedef struct newest {
    struct timespec t;
    int missing;
} newest;

static int note_newest(const char *path, void *ctx) {
    newest *n = ctx;
    struct timespec t;
    if (mtime_of(path, &t) != 0)
        n->missing = 1;
    else if (later(t, n->t))
        n->t = t;
    return 0;
}

/* 1 when the copies of job `j`'s figure images beside its DocBook outputs exist
 * and are newer than the images. */
static int figure_copies_fresh(batch *bt, const job *j) {
    char stem[PATH_MAX], image[PATH_MAX], copy[PATH_MAX];
    output_stem(j->path, stem, sizeof stem);
    for (int i = 0; j->figures && j->figures[i] && j->figures[i + 1]; i += 2) {
        const char *src = j->figures[i + 1];
        size_t n = strlen(src);
        const char *ext = n > 4 && strcasecmp(src + n - 4, ".png") == 0 ? "png" : "svg";
        struct timespec made, t;
        figure_image(image, sizeof image, j->path, src);
        if (snprintf(copy, sizeof copy, "%s/%s.%s.%s", bt->o->outdir, stem, j->figures[i], ext) >= (int)sizeof copy ||
            mtime_of(copy, &made) != 0 || mtime_of(image, &t) != 0 || !later(made, t))
            return 0;
    }
    return 1;
}

/* 1 when the output of job `j` for `lang` and `f` exists and is newer than every
 * input it is made from (and, for DocBook, the figures' copies are there). */
static int output_fresh(batch *bt, const job *j, const char *lang, bg_format f) {
    char out[PATH_MAX];
    struct timespec made;
    newest in = {{0, 0}, 0};
    note_newest(j->path, &in);
    return bg_l10n_is_lang_tag(lang) && output_path(out, sizeof out, bt->o, j->path, lang, f) == 0 &&
           mtime_of(out, &made) == 0 && each_input(bt, j, lang, f, note_newest, &in) == 0 && !in.missing &&
           later(made, in.t) && (f != BG_FORMAT_DOCBOOK || figure_copies_fresh(bt, j));
}

/* 1 when every output of job `j` is fresh (then the brief is not even loaded). */
static int up_to_date(batch *bt, const job *j, int *noutputs) {
    const char *langs[MAX_LANGS];
    int nlangs = job_langs(bt, j, langs);
    *noutputs = 0;
    if (nlangs == 0)
        return 0;
    for (int i = 0; i < nlangs; i++) {
        for (int f = 0; f < BG_FORMAT_COUNT; f++) {
            if (!bt->o->format[f])
                continue;
            if (!output_fresh(bt, j, langs[i], f))
                return 0;
            (*noutputs)++;
        }
    }
    return 1;
}

/* ---- which template and locale folders made the outputs ------------------------------

   File times alone cannot tell that the outputs in a folder were made with other
   templates (--templates) or locales (--locales): switching back to the bundled
   ones, whose files are older, would leave the override's outputs in place.  The
   output folder keeps a small stamp naming the folders used; when it differs,
   everything is rebuilt. */

static void stamp_text(const batch *bt, char *buf, size_t size) {
    char templates[PATH_MAX], locales[PATH_MAX];
    bg_cli_data_path(templates, sizeof templates, "templates");
    const char *over = bt->o->common.templates;
    char real_over[PATH_MAX], real_tpl[PATH_MAX], real_loc[PATH_MAX];
    snprintf(locales, sizeof locales, "%s", bg_l10n_dir(bt->main.l10n));
    snprintf(buf, size, "briefgen build stamp 1\ntemplates %s\noverrides %s\nlocales %s\n",
             realpath(templates, real_tpl) ? real_tpl : templates,
             over ? (realpath(over, real_over) ? real_over : over) : "-",
             realpath(locales, real_loc) ? real_loc : locales);
}

static void stamp_path(const batch *bt, char *buf, size_t size) {
    if (snprintf(buf, size, "%s/.briefgen-stamp", bt->o->outdir) >= (int)size)
        buf[0] = '\0';
}

static int stamp_matches(const batch *bt) {
    char path[PATH_MAX], want[3 * PATH_MAX + 100], have[sizeof want];
    stamp_path(bt, path, sizeof path);
    stamp_text(bt, want, sizeof want);
    FILE *f = path[0] ? fopen(path, "r") : NULL;
    size_t n = f ? fread(have, 1, sizeof have - 1, f) : 0;
    if (f)
        fclose(f);
    have[n] = '\0';
    return strcmp(have, want) == 0;
}

static int write_stamp(const batch *bt) {
    char path[PATH_MAX], text[3 * PATH_MAX + 100];
    stamp_path(bt, path, sizeof path);
    stamp_text(bt, text, sizeof text);
    return path[0] ? bg_write_atomic(path, text, strlen(text)) : -1;
}

/* ---- --deps: Make rules ---------------------------------------------------------- */

static void text_add_word(bg_buf *t, const char *path);

/* A path as Make reads it, after a space: spaces, '#', '$' and ':' escaped. */
static void text_add_path(bg_buf *t, const char *path) {
    bg_buf_puts(t, " ");
    text_add_word(t, path);
}

static void text_add_word(bg_buf *t, const char *path) {
    char buf[2 * PATH_MAX];
    size_t o = 0;
    for (const char *p = path; *p && o + 3 < sizeof buf; p++) {
        if (*p == '$')
            buf[o++] = '$';
        else if (*p == ' ' || *p == '#' || *p == ':' || *p == '\\')
            buf[o++] = '\\';
        buf[o++] = *p;
    }
    buf[o] = '\0';
    bg_buf_puts(t, buf);
}

static int add_dep(const char *path, void *ctx) {
    text_add_path(ctx, path);
    return 0;
}

static int write_deps(batch *bt) {
    bg_buf t = {0};
    bg_buf_puts(&t, "# Generated by briefgen build --deps: each output and every file it is made from.\n");
    for (int i = 0; i < bt->njobs; i++) {
        const char *langs[MAX_LANGS];
        int nlangs = job_langs(bt, &bt->jobs[i], langs);
        for (int l = 0; l < nlangs; l++) {
            for (int f = 0; f < BG_FORMAT_COUNT; f++) {
                char out[PATH_MAX];
                if (!bt->o->format[f] || !bg_l10n_is_lang_tag(langs[l]) ||
                    output_path(out, sizeof out, bt->o, bt->jobs[i].path, langs[l], f) != 0)
                    continue;
                text_add_word(&t, out);
                bg_buf_puts(&t, ":");
                text_add_path(&t, bt->jobs[i].path);
                each_input(bt, &bt->jobs[i], langs[l], f, add_dep, &t);
                bg_buf_puts(&t, "\n");
            }
        }
    }
    int rc = t.s && !t.failed ? bg_write_atomic(bt->o->deps, t.s, t.len) : -1;
    bg_buf_free(&t);
    return rc;
}

/* ---- the command ------------------------------------------------------------------- */

static int cores(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/* Plan the batch on the main thread: compile the stylesheets, load every locale
 * the briefs need (so a locale's problems are reported once, before any brief's),
 * and find the briefs whose outputs are all up to date.  -1 when nothing can be
 * built at all. */
static int plan(batch *bt, int *skipped_outputs, int *failed) {
    const build_opts *o = bt->o;
    for (int f = 0; bt->is_build && f < BG_FORMAT_COUNT; f++)
        if (o->format[f] && bg_renderer_prepare(bt->main.renderer, f) != 0)
            return -1;
    /* Two briefs with one name in different folders would write the same files. */
    for (int i = 0; bt->is_build && i < bt->njobs; i++) {
        char a[PATH_MAX], b[PATH_MAX];
        output_stem(bt->jobs[i].path, a, sizeof a);
        for (int k = 0; k < i; k++) {
            output_stem(bt->jobs[k].path, b, sizeof b);
            if (strcmp(a, b) == 0 && strcmp(bt->jobs[i].path, bt->jobs[k].path) != 0) {
                bg_error(bt->jobs[i].path, 0, "%s would write the same %s/%s.* files; build them into different "
                         "folders (-o) or rename one", bt->jobs[k].path, o->outdir, a);
                return -1;
            }
        }
    }
    bt->rebuild = o->force || !stamp_matches(bt);
    for (int i = 0; i < bt->njobs; i++) {
        job *j = &bt->jobs[i];
        if (!o->nlangs)
            j->langs = bg_brief_peek_langs(j->path);
        /* The figures' images are inputs: needed to tell whether outputs are up
         * to date, and for --deps.  Peeking reads the whole brief, so a rebuild
         * of everything without --deps does not. */
        if (bt->is_build && (!bt->rebuild || o->deps))
            j->figures = bg_brief_peek_figures(j->path);
        const char *langs[MAX_LANGS];
        int n = job_langs(bt, j, langs);
        for (int k = 0; k < n; k++)
            if (bg_l10n_is_lang_tag(langs[k]) && !bg_l10n_locale(bt->main.l10n, langs[k]))
                *failed = 1; /* reported once, here; the briefs that need it fail too */
        int outputs;
        if (bt->is_build && !bt->rebuild && up_to_date(bt, j, &outputs)) {
            j->skip = j->done = 1;
            *skipped_outputs += outputs;
        }
    }
    bt->stamp_due = bt->is_build && !stamp_matches(bt);
    return 0;
}

/* The stamp goes into the output folder with the first output, not before: a run
 * that writes nothing leaves the folder as it was. */
static int ensure_stamp(batch *bt) {
    pthread_mutex_lock(&bt->lock);
    int rc = bt->stamp_due ? write_stamp(bt) : 0;
    if (rc == 0)
        bt->stamp_due = 0;
    pthread_mutex_unlock(&bt->lock);
    return rc;
}

static int run(const char *name, int argc, char **argv) {
    const bg_command *cmd = bg_cli_find(name);
    build_opts o;
    memset(&o, 0, sizeof o);
    int first = parse_options(cmd, argc, argv, &o);
    if (first < 0)
        return BG_EXIT_USAGE;
    batch bt = {.o = &o, .is_build = strcmp(name, "build") == 0, .njobs = argc - first};
    bt.jobs = calloc((size_t)bt.njobs, sizeof *bt.jobs);
    if (!bt.jobs)
        return BG_EXIT_FAIL;
    for (int i = 0; i < bt.njobs; i++)
        bt.jobs[i].path = argv[first + i];
    pthread_mutex_init(&bt.lock, NULL);
    pthread_cond_init(&bt.finished, NULL);

    int failed = 0, skipped = 0;
    if (pipeline_open(&bt.main, &o.common, bt.is_build) != 0 || plan(&bt, &skipped, &failed) != 0) {
        failed = 1;
    } else {
        int nthreads = o.jobs ? o.jobs : cores(), nbuild = 0;
        for (int i = 0; i < bt.njobs; i++)
            nbuild += !bt.jobs[i].skip;
        /* Fewer briefs than threads: the spare threads render languages. */
        bt.lang_threads = nbuild > 0 && nthreads > nbuild ? nthreads / nbuild : 1;
        if (nthreads > bt.njobs)
            nthreads = bt.njobs;
        pthread_t threads[256];
        int started = 0;
        if (nthreads > 1)
            for (; started < nthreads; started++)
                if (pthread_create(&threads[started], NULL, worker, &bt) != 0)
                    break;
        /* Print each brief's messages in input order as soon as it is done; with
         * no threads the main thread does the work itself. */
        for (int i = 0; i < bt.njobs; i++) {
            job *j = &bt.jobs[i];
            if (started == 0 && !j->skip)
                do_job(&bt, &bt.main, j);
            pthread_mutex_lock(&bt.lock);
            while (!j->done && !(started == 0))
                pthread_cond_wait(&bt.finished, &bt.lock);
            pthread_mutex_unlock(&bt.lock);
            bg_diag_capture_flush(&j->diag);
            failed |= j->failed;
            skipped += j->fresh;
        }
        for (int t = 0; t < started; t++)
            pthread_join(threads[t], NULL);
        if (skipped)
            bg_note("briefgen: %d output%s up to date, not rebuilt (--force rebuilds them)", skipped,
                    skipped == 1 ? "" : "s");
        if (o.deps && write_deps(&bt) != 0)
            failed = 1;
    }
    for (int i = 0; i < bt.njobs; i++) {
        bg_brief_langs_free(bt.jobs[i].langs);
        bg_brief_langs_free(bt.jobs[i].figures);
    }
    free(bt.jobs);
    pthread_mutex_destroy(&bt.lock);
    pthread_cond_destroy(&bt.finished);
    pipeline_close(&bt.main);
    return failed ? BG_EXIT_FAIL : BG_EXIT_OK;
}

int bg_cmd_build(int argc, char **argv) { return run("build", argc, argv); }
int bg_cmd_check(int argc, char **argv) { return run("check", argc, argv); }
