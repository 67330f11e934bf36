/* `briefgen build` and `briefgen check`: the options, and the scheduling of the
 * pipeline (pipeline.h) over a batch of briefs — briefs on a pool of threads (-j),
 * a brief's languages on threads of their own while threads are idle, messages
 * said in input order — and the writing of each brief's outputs, whole or not at
 * all.  What is up to date, the stamp and --deps are plan.h's.  The data flow is
 * described in docs/architecture.md. */
#include "brief.h"
#include "citefile.h"
#include "cli.h"
#include "cmd_common.h"
#include "collection.h"
#include "diag.h"
#include "figure.h"
#include "fileio.h"
#include "l10n.h"
#include "pipeline.h"
#include "plan.h"
#include "render.h"
#include "typst.h"

#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct build_opts {
    bg_cli_common common;
    const char *outdir;
    bg_langs only; /* -l, pointers into lang_buf; n = 0 without -l */
    char lang_buf[256];
    int format[BG_FORMAT_COUNT]; /* which formats to write */
    int verbose;
    int jobs;             /* -j: threads; 0 = number of cores */
    int force;            /* --force: rebuild outputs that are up to date */
    const char *deps;     /* --deps FILE: Make rules for every output */
    int collection;       /* --collection: index pages, feeds, sitemap (collection.h) */
    const char *base_url; /* --base-url, checked and ending in "/" (in base_url_buf), or NULL */
    char base_url_buf[1002];
} build_opts;

enum { OPT_FORCE = BG_OPT_LOCAL, OPT_DEPS, OPT_COLLECTION, OPT_BASE_URL };

static int parse_formats(const bg_command *cmd, build_opts *o, const char *list) {
    char buf[128];
    snprintf(buf, sizeof buf, "%s", list);
    memset(o->format, 0, sizeof o->format);
    int any = 0;
    for (char *save = NULL, *t = strtok_r(buf, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
        int f = bg_format_parse(t);
        if (f < 0)
            return bg_cli_usage_error(cmd, "-f: unknown format '%s' (use html, docbook, typst, pdf, cite)", t);
        o->format[f] = any = 1;
    }
    if (!any)
        return bg_cli_usage_error(cmd, "-f: give at least one format");
    return 0;
}

/* Parse the options of build/check into `o`; returns the index of the first file,
 * or -1 after a usage error. */
static int parse_options(const bg_command *cmd, int argc, char **argv, build_opts *o) {
    static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
                                             {"lang", required_argument, NULL, 'l'},
                                             {"format", required_argument, NULL, 'f'},
                                             BG_CLI_COMMON_LONGOPTS,
                                             {"verbose", no_argument, NULL, 'v'},
                                             {"help", no_argument, NULL, 'h'},
                                             {"jobs", required_argument, NULL, 'j'},
                                             {"force", no_argument, NULL, OPT_FORCE},
                                             {"deps", required_argument, NULL, OPT_DEPS},
                                             {"collection", no_argument, NULL, OPT_COLLECTION},
                                             {"base-url", required_argument, NULL, OPT_BASE_URL},
                                             {NULL, 0, NULL, 0}};
    int is_build = strcmp(cmd->name, "build") == 0;
    o->outdir = "out";
    /* The default formats; typst is written only when asked for. */
    memset(o->format, 0, sizeof o->format);
    o->format[BG_FORMAT_HTML] = o->format[BG_FORMAT_DOCBOOK] = o->format[BG_FORMAT_PDF] = 1;
    o->format[BG_FORMAT_CITE] = 1;
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
            if (bg_cmd_parse_langs(cmd, optarg, o->lang_buf, sizeof o->lang_buf, &o->only))
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
        case OPT_COLLECTION:
            o->collection = 1;
            break;
        case OPT_BASE_URL:
            if (bg_cli_base_url(cmd, optarg, o->base_url_buf, sizeof o->base_url_buf))
                return -1;
            o->base_url = o->base_url_buf;
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
    if (!is_build && (o->common.templates || o->common.template_files || o->verbose || o->force || o->deps ||
                      o->collection || o->base_url)) {
        bg_cli_usage_error(cmd, "check writes nothing; --templates, -v, --force, --deps, --collection and "
                                "--base-url belong to build");
        return -1;
    }
    if (o->collection && !o->format[BG_FORMAT_HTML] && !o->format[BG_FORMAT_PDF] && !o->format[BG_FORMAT_DOCBOOK]) {
        bg_cli_usage_error(cmd, "--collection lists the HTML, PDF and DocBook outputs: -f needs at least one of them");
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

/* One brief of the batch: planned by the main thread, done by a worker, its
 * messages captured and printed in input order, so `-j 8` says exactly what
 * `-j 1` says. */
typedef struct job {
    bg_plan_brief *pb; /* its path and what planning peeked */
    int failed;
    int fresh; /* outputs found up to date and left alone */
    bg_diag_capture diag;
    int done;
} job;

typedef struct batch {
    const build_opts *o;
    int is_build;
    bg_pipeline *main;
    bg_plan plan; /* rebuild and stamp_due: set by bg_plan_make; stamp_due then under `lock` */
    job *jobs;
    bg_plan_brief *planned; /* one per job */
    int njobs;
    int next;         /* the next job to take, under `lock` */
    int lang_threads; /* threads one brief may use for its languages (-j over briefs) */
    pthread_mutex_t lock;
    pthread_cond_t finished;
} batch;

/* One rendered output waiting to be written. */
typedef struct output {
    char path[PATH_MAX];
    char *data;
    size_t len;
} output;

/* The image files of a brief's figures, to be written beside its DocBook and Typst
 * outputs as NAME.ID.svg / NAME.ID.png (the name the DocBook templates give
 * imagedata, and the Typst templates image()). */
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
    if (fc->n == fc->cap) {
        int cap = fc->cap ? 2 * fc->cap : 4;
        output *grown = realloc(fc->outs, sizeof *grown * (size_t)cap);
        if (!grown) {
            bg_error(fc->brief, line, "out of memory");
            fc->failed = 1;
            return;
        }
        fc->outs = grown;
        fc->cap = cap;
    }
    output *out = &fc->outs[fc->n];
    char *name = NULL;
    if (!(out->data = bg_figure_file(fc->brief, line, src, fc->stem, id, &name, &out->len))) {
        fc->failed = 1;
    } else if (snprintf(out->path, sizeof out->path, "%s/%s", fc->o->outdir, name) >= (int)sizeof out->path) {
        bg_error(fc->o->outdir, 0, "output path too long");
        free(out->data);
        fc->failed = 1;
    } else {
        fc->n++;
    }
    free(name);
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
    const char *stem;
    int stale[BG_FORMAT_COUNT];
    bg_pipeline_lang l;
    int resolve_rc;                   /* set before the task counts as resolved */
    output outs[BG_FORMAT_COUNT + 1]; /* each format's, and the votes chart's file beside the DocBook */
    int nouts;
    char *record; /* BG_FORMAT_CITE: the language's record, for the brief's citation files */
    size_t record_len;
    int rc;
    int pdf_errors;                   /* errors said making its PDF, which fail the brief but no other output */
    resolving *sync;                  /* set for a task on a thread of its own */
    bg_diag_capture said, said_later; /* resolving (and, on a thread, rendering); rendering */
} lang_task;

/* Every language of one brief with an output out of date, and the threads that do
 * some of them. */
typedef struct brief_langs {
    lang_task tasks[BG_PIPELINE_MAX_LANGS];
    int ntasks;
    pthread_t threads[BG_PIPELINE_MAX_LANGS];
    int started[BG_PIPELINE_MAX_LANGS], nstarted;
    resolving sync;
} brief_langs;

/* Resolve the task's language: into a copy of the brief, or — `take`, for the
 * last language resolved — into the brief's own tree, which the task then owns.
 * What it says goes to the active capture. */
static void resolve_lang(bg_pipeline *p, lang_task *t, bg_brief *take) {
    int rc = take ? bg_pipeline_resolve_take(p, take, &t->l) : bg_pipeline_resolve(p, t->b, &t->l);
    bg_diag_capture_replay(&t->l.locale_said);
    bg_diag_capture_replay(&t->l.resolve_said);
    t->resolve_rc = t->rc = rc;
}

/* The votes chart's SVG file beside the task's DocBook output, rendered into the
 * task's next output (before the DocBook's, so that it is written first and the
 * DocBook never refers to a file not there yet); nothing when the brief has no
 * chart (the templates render it empty).  0, or -1 (said). */
static int render_chart_file(bg_pipeline *p, lang_task *t) {
    output *out = &t->outs[t->nouts];
    if (bg_plan_chart_path(&t->bt->plan, out->path, sizeof out->path, bg_brief_path(t->b), t->l.lang) != 0) {
        bg_error(t->bt->o->outdir, 0, "output path too long");
        return -1;
    }
    bg_diag_capture said;
    int rc = bg_pipeline_render_part(p, t->b, &t->l, t->stem, BG_FORMAT_DOCBOOK, BG_PART_VOTES_SVG, &out->data,
                                     &out->len, &said);
    bg_diag_capture_replay(&said);
    if (rc == 0 && out->len > 0) {
        t->nouts++;
        return 0;
    }
    free(out->data);
    out->data = NULL;
    return rc;
}

/* Render the task's stale formats, stopping at the first that fails.  A PDF that
 * cannot be made (no engine, a Typst error) fails the brief, but the other
 * formats are written all the same: the PDF is the one output made by another
 * program, and the HTML and DocBook should not wait for it. */
static void render_lang(bg_pipeline *p, lang_task *t) {
    const build_opts *o = t->bt->o;
    int errors_before = bg_diag_errors();
    for (int f = 0; f < BG_FORMAT_COUNT && t->rc == 0; f++) {
        if (!t->stale[f])
            continue;
        if (f == BG_FORMAT_DOCBOOK && render_chart_file(p, t) != 0) {
            t->rc = -1;
            continue;
        }
        output *out = &t->outs[t->nouts];
        if (f != BG_FORMAT_CITE &&
            bg_plan_output_path(&t->bt->plan, out->path, sizeof out->path, bg_brief_path(t->b), t->l.lang, f) != 0) {
            bg_error(o->outdir, 0, "output path too long");
            t->rc = -1;
            continue;
        }
        bg_diag_capture said;
        /* With -f typst,pdf the .typ rendered just before is the PDF's source. */
        const output *typ =
            f == BG_FORMAT_PDF && t->stale[BG_FORMAT_TYPST] && t->nouts > 0 ? &t->outs[t->nouts - 1] : NULL;
        int rc =
            typ ? bg_pipeline_compile_pdf(p, t->b, &t->l, t->stem, typ->data, typ->len, &out->data, &out->len, &said)
                : bg_pipeline_render(p, t->b, &t->l, t->stem, f, &out->data, &out->len, &said);
        int errors = said.errors;
        bg_diag_capture_replay(&said);
        if (f == BG_FORMAT_PDF && (rc != 0 || errors > 0)) {
            t->pdf_errors += errors > 0 ? errors : 0;
            free(out->data);
            out->data = NULL;
        } else if (rc != 0) {
            t->rc = -1;
        } else if (f == BG_FORMAT_CITE) {
            t->record = out->data, t->record_len = out->len; /* not a file: citation_files makes them */
            out->data = NULL;
        } else {
            t->nouts++;
        }
    }
    bg_pipeline_lang_clear(&t->l);
    if (bg_diag_errors() - t->pdf_errors != errors_before)
        t->rc = -1;
}

/* A thread doing one language: its own ICU objects, the shared stylesheets. */
static void *lang_worker(void *arg) {
    lang_task *t = arg;
    bg_diag_install_xml_handlers(); /* libxml2's handler is per thread */
    bg_diag_capture_begin(&t->said);
    bg_pipeline *p = bg_pipeline_clone(t->bt->main);
    if (p && t->stale[BG_FORMAT_PDF])
        bg_typst_warm(bg_pipeline_typst(p)); /* its start overlaps the resolve and the render */
    if (p) {
        resolve_lang(p, t, NULL);
    } else {
        bg_error(NULL, 0, "out of memory starting a worker");
        t->resolve_rc = t->rc = -1;
    }
    pthread_mutex_lock(&t->sync->lock);
    t->sync->pending--;
    pthread_cond_broadcast(&t->sync->done);
    pthread_mutex_unlock(&t->sync->lock);
    if (p)
        render_lang(p, t);
    bg_diag_capture_end();
    bg_pipeline_free(p);
    return NULL;
}

/* One task per language with an output out of date: a touched uk.xlf rebuilds
 * the uk outputs. */
static void plan_tasks(batch *bt, job *j, const bg_brief *b, const bg_langs *langs, const char *stem, brief_langs *r) {
    const build_opts *o = bt->o;
    /* The citation files hold every language's record: all or none render it. */
    int cite_stale = 0;
    for (int i = 0; o->format[BG_FORMAT_CITE] && i < langs->n; i++)
        cite_stale |= bt->plan.rebuild || !bg_plan_output_fresh(&bt->plan, j->pb, langs->v[i], BG_FORMAT_CITE);
    if (o->format[BG_FORMAT_CITE] && !cite_stale)
        j->fresh += BG_CITEFILE_COUNT;
    r->ntasks = 0;
    for (int i = 0; i < langs->n; i++) {
        lang_task *t = &r->tasks[r->ntasks];
        *t = (lang_task){.bt = bt, .b = b, .stem = stem, .l = {.lang = langs->v[i]}};
        int nstale = 0;
        for (int f = 0; f < BG_FORMAT_COUNT; f++) {
            if (f == BG_FORMAT_CITE)
                t->stale[f] = cite_stale;
            else
                t->stale[f] =
                    o->format[f] && (bt->plan.rebuild || !bg_plan_output_fresh(&bt->plan, j->pb, t->l.lang, f));
            nstale += t->stale[f];
            j->fresh += o->format[f] && f != BG_FORMAT_CITE && !t->stale[f];
        }
        r->ntasks += nstale > 0;
    }
}

/* Languages after the first go to threads of their own while -j leaves threads
 * idle; the others are done on the calling thread. */
static void start_lang_threads(batch *bt, brief_langs *r) {
    r->nstarted = 0;
    for (int i = 1; i < r->ntasks && i < bt->lang_threads; i++) {
        r->tasks[i].sync = &r->sync;
        r->sync.pending++; /* before the thread can count it down */
        r->started[i] = pthread_create(&r->threads[i], NULL, lang_worker, &r->tasks[i]) == 0;
        if (!r->started[i])
            r->sync.pending--;
        r->nstarted += r->started[i];
    }
}

/* Resolve every language done here, and read the figures' images while the
 * brief's tree is whole.  The last language done here is resolved last, in the
 * brief's own tree: by then every copy has been made (the threads' included), and
 * the tree is not needed again.  The others get copies. */
static int resolve_langs(bg_pipeline *p, brief_langs *r, bg_brief *b, figure_copies *fc) {
    int rc = 0, last = -1;
    for (int i = 0; i < r->ntasks; i++)
        if (!r->started[i])
            last = i;
    for (int i = 0; i < r->ntasks; i++) {
        if (!r->started[i] && i != last) {
            bg_diag_capture_begin(&r->tasks[i].said);
            resolve_lang(p, &r->tasks[i], NULL);
            bg_diag_capture_end();
        }
    }
    pthread_mutex_lock(&r->sync.lock);
    while (r->sync.pending > 0)
        pthread_cond_wait(&r->sync.done, &r->sync.lock);
    pthread_mutex_unlock(&r->sync.lock);
    for (int i = 0; i < r->ntasks; i++)
        rc |= r->tasks[i].resolve_rc;
    if (rc == 0 && (fc->o->format[BG_FORMAT_DOCBOOK] || fc->o->format[BG_FORMAT_TYPST])) {
        bg_brief_each_figure(b, add_figure_copy, fc);
        if (fc->failed)
            rc = -1;
    }
    if (last >= 0) {
        bg_diag_capture_begin(&r->tasks[last].said);
        resolve_lang(p, &r->tasks[last], b);
        bg_diag_capture_end();
        rc |= r->tasks[last].resolve_rc;
    }
    bg_brief_release_tree(b); /* when no language took it */
    return rc;
}

/* Render the languages done here, then wait for the threads, and say what every
 * language said.  Languages are said in order, and only up to the first that
 * fails: a broken template or message fails every language alike, and is said
 * once.  (A language after it is not rendered here; on a thread it may have been,
 * and what it said is dropped.)  0, or -1 when a language failed. */
static int render_langs(bg_pipeline *p, brief_langs *r) {
    int failed_before = 0;
    for (int i = 0; i < r->ntasks; i++) {
        lang_task *t = &r->tasks[i];
        if (!r->started[i] && !failed_before) {
            bg_diag_capture_begin(&t->said_later);
            render_lang(p, t);
            bg_diag_capture_end();
        }
        /* a thread's rc is its own until joined; its resolve_rc is settled */
        failed_before |= (r->started[i] ? t->resolve_rc : t->rc) != 0;
    }
    failed_before = 0;
    for (int i = 0; i < r->ntasks; i++) {
        lang_task *t = &r->tasks[i];
        if (r->started[i])
            pthread_join(r->threads[i], NULL);
        bg_pipeline_lang_clear(&t->l); /* a language not rendered */
        if (!failed_before) {
            bg_diag_capture_replay(&t->said);
            bg_diag_capture_replay(&t->said_later);
        } else {
            bg_diag_capture_free(&t->said);
            bg_diag_capture_free(&t->said_later);
        }
        failed_before |= t->rc != 0;
    }
    return failed_before ? -1 : 0;
}

/* The stamp goes into the output folder with the first output, not before: a run
 * that writes nothing leaves the folder as it was. */
static int ensure_stamp(batch *bt) {
    pthread_mutex_lock(&bt->lock);
    int rc = bt->plan.stamp_due ? bg_plan_write_stamp(&bt->plan) : 0;
    if (rc == 0)
        bt->plan.stamp_due = 0;
    pthread_mutex_unlock(&bt->lock);
    return rc;
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

/* The brief's citation files from its languages' records, when they were rendered
 * (every language renders one or none does) and the brief has not `failed`, into
 * cite[]; the records are freed.  0, or -1 (reported). */
static int citation_files(batch *bt, brief_langs *r, const bg_brief *b, output cite[BG_CITEFILE_COUNT], int *ncite,
                          int failed) {
    char *records[BG_PIPELINE_MAX_LANGS];
    size_t lens[BG_PIPELINE_MAX_LANGS];
    int n = 0, rc = 0;
    *ncite = 0;
    for (int i = 0; !failed && i < r->ntasks; i++)
        if (r->tasks[i].record)
            records[n] = r->tasks[i].record, lens[n++] = r->tasks[i].record_len;
    if (n > 0) {
        char *data[BG_CITEFILE_COUNT];
        size_t len[BG_CITEFILE_COUNT];
        rc = bg_citefile_make(bg_brief_path(b), records, lens, n, data, len);
        for (int k = 0; rc == 0 && k < BG_CITEFILE_COUNT; k++) {
            cite[k] = (output){.data = data[k], .len = len[k]};
            if (bg_plan_cite_path(&bt->plan, cite[k].path, sizeof cite[k].path, bg_brief_path(b), k) != 0) {
                bg_error(bt->o->outdir, 0, "output path too long");
                rc = -1;
            }
        }
        *ncite = rc == 0 ? BG_CITEFILE_COUNT : 0;
        for (int k = 0; rc != 0 && k < BG_CITEFILE_COUNT; k++)
            free(data[k]);
    }
    for (int i = 0; i < r->ntasks; i++) {
        free(r->tasks[i].record);
        r->tasks[i].record = NULL;
    }
    return rc;
}

/* Write every output of a brief, its citation files and its figures' copies when
 * `rc` is 0, else none; free them all.  Returns the brief's rc. */
static int publish_brief(batch *bt, brief_langs *r, figure_copies *fc, output *cite, int ncite, int rc) {
    int nouts = ncite;
    for (int i = 0; i < r->ntasks; i++)
        nouts += r->tasks[i].nouts;
    if (rc == 0 && nouts > 0 && ensure_stamp(bt) != 0)
        rc = -1;
    for (int i = 0; i < r->ntasks; i++)
        for (int k = 0; k < r->tasks[i].nouts; k++)
            publish(bt->o, &r->tasks[i].outs[k], &rc);
    for (int i = 0; i < ncite; i++)
        publish(bt->o, &cite[i], &rc);
    for (int i = 0; i < fc->n; i++)
        publish(bt->o, &fc->outs[i], &rc);
    free(fc->outs);
    return rc;
}

/* Render every language × format of one valid brief into memory, and only when all
 * of them succeeded (and --strict found nothing) write them, with the figures'
 * images beside the DocBook and Typst outputs.  A brief is published whole or not at all. */
static int build_one(bg_pipeline *p, batch *bt, job *j, bg_brief *b, const bg_langs *langs) {
    char stem[PATH_MAX];
    bg_plan_output_stem(bg_brief_path(b), stem, sizeof stem);
    int errors_before = bg_diag_errors();
    brief_langs *r = calloc(1, sizeof *r);
    if (!r) {
        bg_error(bg_brief_path(b), 0, "out of memory");
        return -1;
    }
    plan_tasks(bt, j, b, langs, stem, r);
    /* A valid brief with a PDF to make: this thread's Typst worker starts now (once),
     * while its languages are resolved and rendered. */
    for (int i = 0; i < r->ntasks; i++)
        if (r->tasks[i].stale[BG_FORMAT_PDF]) {
            bg_typst_warm(bg_pipeline_typst(p));
            break;
        }
    pthread_mutex_init(&r->sync.lock, NULL);
    pthread_cond_init(&r->sync.done, NULL);
    start_lang_threads(bt, r);
    if (r->nstarted && bt->o->verbose)
        bg_note("%s: %d languages on %d threads", bg_brief_path(b), r->ntasks, r->nstarted + 1);
    figure_copies fc = {.o = bt->o, .brief = bg_brief_path(b), .stem = stem};
    int rc = resolve_langs(p, r, b, &fc);
    rc |= render_langs(p, r);
    pthread_mutex_destroy(&r->sync.lock);
    pthread_cond_destroy(&r->sync.done);
    int pdf_errors = 0;
    for (int i = 0; i < r->ntasks; i++)
        pdf_errors += r->tasks[i].pdf_errors;
    output cite[BG_CITEFILE_COUNT];
    int ncite = 0;
    rc |= citation_files(bt, r, b, cite, &ncite, rc);
    if (bg_diag_errors() - pdf_errors != errors_before)
        rc = -1;
    rc = publish_brief(bt, r, &fc, cite, ncite, rc);
    if (pdf_errors > 0)
        rc = -1; /* the other outputs are written; the previous PDF is kept */
    free(r);
    return rc;
}

/* Load, validate and (build) render one brief; its messages go to j->diag. */
static void do_job(batch *bt, bg_pipeline *p, job *j) {
    bg_diag_capture_begin(&j->diag);
    int errors_before = bg_diag_errors();
    bg_langs langs;
    bg_brief *b = bg_pipeline_load(p, j->pb->path, bt->plan.only, &langs);
    if (!b) {
        j->failed = 1;
    } else if (bt->is_build) {
        j->failed = build_one(p, bt, j, b, &langs) != 0;
    } else {
        /* check: resolving each language reports the untranslated texts. */
        bg_pipeline_check_langs(b, &langs);
        j->failed = bg_diag_errors() != errors_before;
    }
    bg_brief_free(b);
    bg_diag_capture_end();
}

/* Take jobs until none are left. */
static void work(batch *bt, bg_pipeline *p) {
    for (;;) {
        pthread_mutex_lock(&bt->lock);
        int i = bt->next;
        while (i < bt->njobs && bt->planned[i].skip)
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
    bg_pipeline *p = bg_pipeline_clone(bt->main);
    if (p)
        work(bt, p);
    else
        bg_error(NULL, 0, "out of memory starting a worker");
    bg_pipeline_free(p);
    return NULL;
}

/* --collection, after every brief was built: the index pages, feeds and sitemap
 * of all the briefs given, up to date or rebuilt (collection.h).  1 when it failed. */
static int write_collection(batch *bt) {
    const build_opts *o = bt->o;
    bg_collection *c = bg_collection_new(o->base_url, o->format);
    int rc = c ? 0 : -1;
    for (int i = 0; rc == 0 && i < bt->njobs; i++)
        rc = bg_collection_add(c, bt->main, bt->planned[i].path, bt->plan.only);
    if (!c)
        bg_error(NULL, 0, "out of memory");
    if (rc == 0 && ensure_stamp(bt) != 0)
        rc = -1;
    if (rc == 0)
        rc = bg_collection_write(c, bg_pipeline_renderer(bt->main), o->outdir, o->verbose);
    if (rc == 0 && !o->base_url)
        bg_note("briefgen: no feed and no sitemap without --base-url (they need absolute addresses)");
    bg_collection_free(c);
    return rc != 0;
}

/* ---- the command ------------------------------------------------------------------- */

static int cores(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/* The pipeline of a run, from the bundled data and the options: with the renderer
 * for build, without for check.  NULL (reported) when it cannot open. */
static bg_pipeline *open_pipeline(const build_opts *o, int need_renderer) {
    const bg_cli_common *c = &o->common;
    bg_cmd_paths paths;
    bg_cmd_paths_of(c, &paths);
    char formats[64];
    bg_format_list(o->format, formats, sizeof formats);
    bg_pipeline_config cfg = {.locales = paths.locales,
                              .schema = paths.schema,
                              .templates = paths.templates,
                              .overrides = c->templates,
                              .reads = c->template_files,
                              .datadir = bg_cli_datadir(),
                              .base_url = o->base_url,
                              .formats = formats};
    bg_pipeline *p = bg_pipeline_open(&cfg);
    if (p && need_renderer && bg_pipeline_open_renderer(p) != 0) {
        bg_pipeline_free(p);
        return NULL;
    }
    return p;
}

/* Do the planned jobs on `nthreads` threads (or on this one), printing each
 * brief's messages in input order as soon as it is done.  1 when any failed. */
static int run_jobs(batch *bt, int nthreads, int *skipped) {
    int failed = 0, nbuild = 0;
    for (int i = 0; i < bt->njobs; i++)
        nbuild += !bt->planned[i].skip;
    /* Fewer briefs than threads: the spare threads render languages. */
    bt->lang_threads = nbuild > 0 && nthreads > nbuild ? nthreads / nbuild : 1;
    if (nthreads > bt->njobs)
        nthreads = bt->njobs;
    pthread_t threads[256];
    int started = 0;
    if (nthreads > 1)
        for (; started < nthreads; started++)
            if (pthread_create(&threads[started], NULL, worker, bt) != 0)
                break;
    /* With no threads the main thread does the work itself. */
    for (int i = 0; i < bt->njobs; i++) {
        job *j = &bt->jobs[i];
        if (started == 0 && !bt->planned[i].skip)
            do_job(bt, bt->main, j);
        pthread_mutex_lock(&bt->lock);
        while (!j->done && !(started == 0))
            pthread_cond_wait(&bt->finished, &bt->lock);
        pthread_mutex_unlock(&bt->lock);
        bg_diag_capture_flush(&j->diag);
        failed |= j->failed;
        *skipped += j->fresh;
    }
    for (int t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    return failed;
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
    bt.planned = calloc((size_t)bt.njobs, sizeof *bt.planned);
    if (!bt.jobs || !bt.planned) {
        free(bt.jobs), free(bt.planned);
        return BG_EXIT_FAIL;
    }
    for (int i = 0; i < bt.njobs; i++) {
        bt.planned[i].path = argv[first + i];
        bt.jobs[i].pb = &bt.planned[i];
    }
    pthread_mutex_init(&bt.lock, NULL);
    pthread_cond_init(&bt.finished, NULL);

    int failed = 0, skipped = 0;
    for (int i = 0; o.collection && i < bt.njobs; i++)
        failed |= bg_collection_name_taken(bt.planned[i].path);
    bt.main = failed ? NULL : open_pipeline(&o, bt.is_build);
    bt.plan = (bg_plan){.pipeline = bt.main,
                        .outdir = o.outdir,
                        .only = o.only.n ? &o.only : NULL,
                        .writes = bt.is_build,
                        .force = o.force,
                        .deps = o.deps};
    if (bt.main && bt.is_build && o.format[BG_FORMAT_PDF] && bg_typst_check(bg_pipeline_typst(bt.main)) != 0) {
        /* No engine: said once, here, not once per PDF; the other formats are built,
         * and the pages do not link to PDFs that are not made. */
        o.format[BG_FORMAT_PDF] = 0;
        failed = 1;
        char formats[64];
        bg_format_list(o.format, formats, sizeof formats);
        if (bg_renderer_set_site(bg_pipeline_renderer(bt.main), o.base_url, formats) != 0)
            bg_error(NULL, 0, "out of memory");
    }
    memcpy(bt.plan.format, o.format, sizeof o.format);
    if (!bt.main || bg_plan_make(&bt.plan, bt.planned, bt.njobs, &skipped, &failed) != 0) {
        failed = 1;
    } else {
        for (int i = 0; i < bt.njobs; i++)
            bt.jobs[i].done = bt.planned[i].skip;
        failed |= run_jobs(&bt, o.jobs ? o.jobs : cores(), &skipped);
        if (skipped)
            bg_note("briefgen: %d output%s up to date, not rebuilt (--force rebuilds them)", skipped,
                    skipped == 1 ? "" : "s");
        if (o.deps && bg_plan_write_deps(&bt.plan, bt.planned, bt.njobs) != 0)
            failed = 1;
        if (o.collection && failed)
            bg_note("briefgen: the collection (index pages, feeds, sitemap) is kept as it was: a brief failed");
        else if (o.collection)
            failed = write_collection(&bt);
    }
    for (int i = 0; i < bt.njobs; i++)
        bg_plan_brief_clear(&bt.planned[i]);
    bg_plan_clear(&bt.plan);
    free(bt.jobs);
    free(bt.planned);
    pthread_mutex_destroy(&bt.lock);
    pthread_cond_destroy(&bt.finished);
    bg_pipeline_free(bt.main);
    return failed ? BG_EXIT_FAIL : BG_EXIT_OK;
}

int bg_cmd_build(int argc, char **argv) { return run("build", argc, argv); }
int bg_cmd_check(int argc, char **argv) { return run("check", argc, argv); }
