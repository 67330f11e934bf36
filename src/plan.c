/* plan — see plan.h.  Which outputs of a build are up to date, the stamp, --deps. */
#include "plan.h"

#include "buf.h"
#include "citefile.h"
#include "cli.h"
#include "fileio.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

void bg_plan_output_stem(const char *path, char *buf, size_t size) {
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    snprintf(buf, size, "%s", base);
    size_t n = strlen(buf);
    if (n > 4 && strcmp(buf + n - 4, ".xml") == 0)
        buf[n - 4] = '\0';
}

int bg_plan_output_path(const bg_plan *pl, char *buf, size_t size, const char *brief, const char *lang, bg_format f) {
    char stem[PATH_MAX];
    bg_plan_output_stem(brief, stem, sizeof stem);
    return snprintf(buf, size, "%s/%s.%s.%s", pl->outdir, stem, lang, bg_format_ext(f)) < (int)size ? 0 : -1;
}

int bg_plan_chart_path(const bg_plan *pl, char *buf, size_t size, const char *brief, const char *lang) {
    char stem[PATH_MAX];
    bg_plan_output_stem(brief, stem, sizeof stem);
    return snprintf(buf, size, "%s/%s.%s.votes.svg", pl->outdir, stem, lang) < (int)size ? 0 : -1;
}

/* The 2 is common.xsl's chart-shown: a single bar compares nothing. */
int bg_plan_chart_due(const bg_plan_brief *pb) { return pb->voted > 1; }

int bg_plan_cite_path(const bg_plan *pl, char *buf, size_t size, const char *brief, int kind) {
    char stem[PATH_MAX];
    bg_plan_output_stem(brief, stem, sizeof stem);
    return snprintf(buf, size, "%s/%s.%s", pl->outdir, stem, bg_citefile_ext((bg_citefile_kind)kind)) < (int)size ? 0
                                                                                                                  : -1;
}

int bg_plan_langs(const bg_plan *pl, const bg_plan_brief *pb, bg_langs *out) {
    return bg_pipeline_peek_langs(pb->langs, pl->only, out);
}

void bg_plan_clear(bg_plan *pl) { bg_strv_clear(&pl->engine_inputs); }

void bg_plan_brief_clear(bg_plan_brief *pb) {
    bg_brief_langs_free(pb->langs);
    bg_brief_langs_free(pb->figures);
    pb->langs = pb->figures = NULL;
}

/* ---- which outputs are up to date ---------------------------------------------------- */

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
 * `pb`'s figures.  Calls `fn` for each; stops and returns -1 when `fn` does. */
static int each_input(const bg_plan *pl, const bg_plan_brief *pb, const char *lang, bg_format f,
                      int (*fn)(const char *path, void *ctx), void *ctx) {
    const char *const *tpl = bg_renderer_sources(bg_pipeline_renderer(pl->pipeline), f);
    for (int i = 0; tpl && tpl[i]; i++)
        if (fn(tpl[i], ctx) != 0)
            return -1;
    char path[PATH_MAX];
    const char *dir = bg_l10n_dir(bg_pipeline_l10n(pl->pipeline));
    snprintf(path, sizeof path, "%s/%s.xlf", dir, lang);
    if (fn(path, ctx) != 0)
        return -1;
    if (strcmp(lang, "en") != 0) {
        snprintf(path, sizeof path, "%s/en.xlf", dir);
        if (fn(path, ctx) != 0)
            return -1;
    }
    if (fn(bg_pipeline_config_of(pl->pipeline)->schema, ctx) != 0)
        return -1;
    for (int i = 0; f == BG_FORMAT_PDF && i < pl->engine_inputs.n; i++)
        if (fn(pl->engine_inputs.v[i], ctx) != 0)
            return -1;
    for (int i = 0; pb->figures && pb->figures[i] && pb->figures[i + 1]; i += 2) {
        figure_image(path, sizeof path, pb->path, pb->figures[i + 1]);
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

/* 1 when the copies of `pb`'s figure images beside its DocBook and Typst outputs
 * exist and are newer than the images. */
static int figure_copies_fresh(const bg_plan *pl, const bg_plan_brief *pb) {
    char stem[PATH_MAX], image[PATH_MAX], copy[PATH_MAX];
    bg_plan_output_stem(pb->path, stem, sizeof stem);
    for (int i = 0; pb->figures && pb->figures[i] && pb->figures[i + 1]; i += 2) {
        const char *src = pb->figures[i + 1];
        size_t n = strlen(src);
        const char *ext = n > 4 && strcasecmp(src + n - 4, ".png") == 0 ? "png" : "svg";
        struct timespec made, t;
        figure_image(image, sizeof image, pb->path, src);
        if (snprintf(copy, sizeof copy, "%s/%s.%s.%s", pl->outdir, stem, pb->figures[i], ext) >= (int)sizeof copy ||
            mtime_of(copy, &made) != 0 || mtime_of(image, &t) != 0 || !later(made, t))
            return 0;
    }
    return 1;
}

/* 1 unless `pb`'s DocBook output for `lang` should have the votes chart's file
 * beside it and that file is missing or older than `inputs` (the DocBook's). */
static int chart_fresh(const bg_plan *pl, const bg_plan_brief *pb, const char *lang, struct timespec inputs) {
    char chart[PATH_MAX];
    struct timespec made;
    return !bg_plan_chart_due(pb) || (bg_plan_chart_path(pl, chart, sizeof chart, pb->path, lang) == 0 &&
                                      mtime_of(chart, &made) == 0 && later(made, inputs));
}

/* 1 when the records of `pb`'s citation files are in the run's languages, in order:
 * the LA lines of its RIS file (citefile.c writes one in every record).  A build
 * with -l en writes only the English record, which a build of every language must
 * not take for up to date. */
static int cite_langs_match(const bg_plan *pl, const bg_plan_brief *pb) {
    char path[PATH_MAX];
    bg_langs langs;
    int nlangs = bg_plan_langs(pl, pb, &langs), seen = 0, ok = 1;
    char *data = NULL;
    size_t len = 0;
    if (nlangs <= 0 || bg_plan_cite_path(pl, path, sizeof path, pb->path, BG_CITEFILE_RIS) != 0 ||
        bg_file_read(path, 1 << 24, &data, &len, NULL) != BG_FILE_OK)
        return 0;
    for (char *line = data; ok && line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        if (strncmp(line, "LA  - ", 6) != 0)
            continue;
        size_t n = strcspn(line + 6, "\r\n");
        ok = seen < nlangs && strlen(langs.v[seen]) == n && strncmp(line + 6, langs.v[seen], n) == 0;
        seen++;
    }
    free(data);
    return ok && seen == nlangs;
}

/* 1 when every citation file of `pb` exists and is newer than `in`. */
static int cite_files_fresh(const bg_plan *pl, const bg_plan_brief *pb, struct timespec in) {
    for (int k = 0; k < BG_CITEFILE_COUNT; k++) {
        char out[PATH_MAX];
        struct timespec made;
        if (bg_plan_cite_path(pl, out, sizeof out, pb->path, k) != 0 || mtime_of(out, &made) != 0 || !later(made, in))
            return 0;
    }
    return cite_langs_match(pl, pb);
}

int bg_plan_output_fresh(const bg_plan *pl, const bg_plan_brief *pb, const char *lang, bg_format f) {
    char out[PATH_MAX];
    struct timespec made;
    newest in = {{0, 0}, 0};
    note_newest(pb->path, &in);
    if (!bg_l10n_is_lang_tag(lang) || each_input(pl, pb, lang, f, note_newest, &in) != 0 || in.missing)
        return 0;
    if (f == BG_FORMAT_CITE)
        return cite_files_fresh(pl, pb, in.t);
    return bg_plan_output_path(pl, out, sizeof out, pb->path, lang, f) == 0 && mtime_of(out, &made) == 0 &&
           later(made, in.t) && ((f != BG_FORMAT_DOCBOOK && f != BG_FORMAT_TYPST) || figure_copies_fresh(pl, pb)) &&
           (f != BG_FORMAT_DOCBOOK || chart_fresh(pl, pb, lang, in.t));
}

/* 1 when every output of `pb` is fresh (then the brief is not even loaded). */
static int up_to_date(const bg_plan *pl, const bg_plan_brief *pb, int *noutputs) {
    bg_langs langs;
    int nlangs = bg_plan_langs(pl, pb, &langs);
    *noutputs = 0;
    if (nlangs <= 0) /* none, or too many: the load says why */
        return 0;
    for (int i = 0; i < nlangs; i++) {
        for (int f = 0; f < BG_FORMAT_COUNT; f++) {
            if (!pl->format[f])
                continue;
            if (!bg_plan_output_fresh(pl, pb, langs.v[i], f))
                return 0;
            *noutputs += f != BG_FORMAT_CITE ? 1 : i == 0 ? BG_CITEFILE_COUNT : 0;
        }
    }
    return 1;
}

/* ---- which template and locale folders made the outputs ------------------------------

   File times alone cannot tell that the outputs in a folder were made with other
   templates (--templates) or locales (--locales): switching back to the bundled
   ones, whose files are older, would leave the override's outputs in place.  The
   output folder keeps a small stamp naming the folders used; when it differs,
   everything is rebuilt.  It names too what the HTML's head says of the run and
   no file records: the site's address (--base-url) and whether the pages link to
   a PDF (made in the run, -f). */

static void stamp_text(const bg_plan *pl, char *buf, size_t size) {
    const bg_pipeline_config *cfg = bg_pipeline_config_of(pl->pipeline);
    const char *templates = cfg->templates, *over = cfg->overrides;
    char locales[PATH_MAX], real_over[PATH_MAX], real_tpl[PATH_MAX], real_loc[PATH_MAX];
    snprintf(locales, sizeof locales, "%s", bg_l10n_dir(bg_pipeline_l10n(pl->pipeline)));
    snprintf(buf, size,
             "briefgen build stamp 1\ntemplates %s\noverrides %s\nlocales %s\npdf %s\nbase-url %s\nlinks-pdf %s\n",
             realpath(templates, real_tpl) ? real_tpl : templates,
             over ? (realpath(over, real_over) ? real_over : over) : "-",
             realpath(locales, real_loc) ? real_loc : locales, pl->engine_id ? pl->engine_id : "-",
             cfg->base_url ? cfg->base_url : "-", pl->format[BG_FORMAT_PDF] ? "yes" : "no");
}

static void stamp_path(const bg_plan *pl, char *buf, size_t size) {
    if (snprintf(buf, size, "%s/.briefgen-stamp", pl->outdir) >= (int)size)
        buf[0] = '\0';
}

static int stamp_matches(const bg_plan *pl) {
    char path[PATH_MAX], want[3 * PATH_MAX + 1700], have[sizeof want];
    stamp_path(pl, path, sizeof path);
    stamp_text(pl, want, sizeof want);
    FILE *f = path[0] ? fopen(path, "r") : NULL;
    size_t n = f ? fread(have, 1, sizeof have - 1, f) : 0;
    if (f)
        fclose(f);
    have[n] = '\0';
    return strcmp(have, want) == 0;
}

int bg_plan_write_stamp(const bg_plan *pl) {
    char path[PATH_MAX], text[3 * PATH_MAX + 1700];
    stamp_path(pl, path, sizeof path);
    stamp_text(pl, text, sizeof text);
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

/* The Make rule of `out`, made from `pb` for `lang` in `f`. */
static void deps_rule(const bg_plan *pl, const bg_plan_brief *pb, const char *lang, bg_format f,
                      const char *const *outs, int nouts, bg_buf *t) {
    for (int k = 0; k < nouts; k++) {
        text_add_word(t, outs[k]);
        bg_buf_puts(t, k + 1 < nouts ? " " : ":");
    }
    text_add_path(t, pb->path);
    each_input(pl, pb, lang, f, add_dep, t);
    bg_buf_puts(t, "\n");
}

int bg_plan_write_deps(const bg_plan *pl, const bg_plan_brief *briefs, int n) {
    bg_buf t = {0};
    bg_buf_puts(&t, "# Generated by briefgen build --deps: each output and every file it is made from.\n");
    for (int i = 0; i < n; i++) {
        bg_langs langs;
        int nlangs = bg_plan_langs(pl, &briefs[i], &langs);
        for (int l = 0; l < nlangs; l++) {
            for (int f = 0; f < BG_FORMAT_COUNT; f++) {
                char out[PATH_MAX];
                if (!pl->format[f] || !bg_l10n_is_lang_tag(langs.v[l]) ||
                    (f != BG_FORMAT_CITE && bg_plan_output_path(pl, out, sizeof out, briefs[i].path, langs.v[l], f)))
                    continue;
                if (f == BG_FORMAT_CITE) {
                    /* The citation files hold every language: one rule per language,
                     * which make adds up. */
                    char cite[BG_CITEFILE_COUNT][PATH_MAX];
                    const char *outs[BG_CITEFILE_COUNT];
                    int k = 0;
                    for (; k < BG_CITEFILE_COUNT; k++) {
                        if (bg_plan_cite_path(pl, cite[k], sizeof cite[k], briefs[i].path, k) != 0)
                            break;
                        outs[k] = cite[k];
                    }
                    if (k == BG_CITEFILE_COUNT)
                        deps_rule(pl, &briefs[i], langs.v[l], f, outs, k, &t);
                    continue;
                }
                const char *one[] = {out};
                deps_rule(pl, &briefs[i], langs.v[l], f, one, 1, &t);
                /* the chart's file is made with the DocBook, from the same files */
                if (f == BG_FORMAT_DOCBOOK && bg_plan_chart_due(&briefs[i]) &&
                    bg_plan_chart_path(pl, out, sizeof out, briefs[i].path, langs.v[l]) == 0)
                    deps_rule(pl, &briefs[i], langs.v[l], f, one, 1, &t);
            }
        }
    }
    int rc = t.s && !t.failed ? bg_write_atomic(pl->deps, t.s, t.len) : -1;
    bg_buf_free(&t);
    return rc;
}

/* ---- the plan ----------------------------------------------------------------------- */

/* Two briefs with one name in different folders would write the same files. */
static int distinct_stems(const bg_plan *pl, const bg_plan_brief *briefs, int n) {
    for (int i = 0; i < n; i++) {
        char a[PATH_MAX], b[PATH_MAX];
        bg_plan_output_stem(briefs[i].path, a, sizeof a);
        for (int k = 0; k < i; k++) {
            bg_plan_output_stem(briefs[k].path, b, sizeof b);
            if (strcmp(a, b) == 0 && strcmp(briefs[i].path, briefs[k].path) != 0) {
                bg_error(briefs[i].path, 0,
                         "%s would write the same %s/%s.* files; build them into different "
                         "folders (-o) or rename one",
                         briefs[k].path, pl->outdir, a);
                return -1;
            }
        }
    }
    return 0;
}

int bg_plan_make(bg_plan *pl, bg_plan_brief *briefs, int n, int *skipped_outputs, int *failed) {
    for (int f = 0; pl->writes && f < BG_FORMAT_COUNT; f++)
        if (pl->format[f] && bg_renderer_prepare(bg_pipeline_renderer(pl->pipeline), f) != 0)
            return -1;
    if (pl->writes && distinct_stems(pl, briefs, n) != 0)
        return -1;
    bg_typst *engine = pl->writes ? bg_pipeline_typst(pl->pipeline) : NULL;
    if (engine) {
        /* The engine and its version are in the stamp (an upgrade rebuilds every
         * output), its files among every PDF's inputs. */
        pl->engine_id = bg_typst_engine_id(engine);
        if (pl->format[BG_FORMAT_PDF])
            bg_typst_inputs(engine, &pl->engine_inputs);
    }
    pl->rebuild = pl->force || !stamp_matches(pl);
    for (int i = 0; i < n; i++) {
        bg_plan_brief *pb = &briefs[i];
        if (!pl->only)
            pb->langs = bg_brief_peek_langs(pb->path);
        /* The figures' images are inputs: needed to tell whether outputs are up
         * to date, and for --deps.  Peeking reads the whole brief, so a rebuild
         * of everything without --deps does not. */
        if (pl->writes && (!pl->rebuild || pl->deps))
            pb->figures = bg_brief_peek_figures(pb->path, &pb->voted);
        bg_langs langs;
        int nlangs = bg_plan_langs(pl, pb, &langs);
        for (int k = 0; k < nlangs; k++)
            if (bg_l10n_is_lang_tag(langs.v[k]) && !bg_l10n_locale(bg_pipeline_l10n(pl->pipeline), langs.v[k]))
                *failed = 1; /* reported once, here; the briefs that need it fail too */
        int outputs;
        if (pl->writes && !pl->rebuild && up_to_date(pl, pb, &outputs)) {
            pb->skip = 1;
            *skipped_outputs += outputs;
        }
    }
    pl->stamp_due = pl->writes && !stamp_matches(pl);
    return 0;
}
