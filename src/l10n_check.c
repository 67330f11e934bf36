/* l10n_check — see l10n_check.h.
 *
 * Severity follows what a reader would see.  An error is a message that would show
 * English, show the wrong grammar or fail: a missing or untranslated message, a
 * pattern ICU cannot read, a plural without a case the language needs, an argument
 * left out or one nothing fills, a select without a case the English has.  A warning
 * is work a person should look at: a stale unit, a source that changed, a state that
 * asks for translation or review, a plural case the language never uses, white space
 * or final punctuation that differs from the English.
 */
#include "l10n_check.h"

#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "l10n.h"
#include "xlf.h"

#include <dirent.h>
#include <errno.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the root says about each of its messages. */
typedef struct root_info {
    const bg_catalog *cat;
    const bg_cat_unit *units;
    int n;
    bg_msg_shape **shape; /* per unit; NULL when the root message is broken */
    uint64_t *uses;       /* per unit: the argument numbers its pattern uses */
    uint64_t *documented; /* per unit: the numbers its note names, "{1}: …" */
} root_info;

/* Plural categories of one locale, cardinal and ordinal. */
typedef struct plural_info {
    const char *locale;
    char *language; /* its English name, "Polish" */
    char **cats[2];
} plural_info;

static int index_of(const bg_cat_unit *units, const bg_cat_unit *u) { return (int)(u - units); }

static uint64_t bit(int number) { return number >= 0 && number < 64 ? (uint64_t)1 << number : 0; }

static uint64_t numbers_used(const bg_msg_shape *shape) {
    uint64_t m = 0;
    for (int i = 0; shape && i < shape->nargs; i++)
        m |= bit(shape->args[i].number);
    return m;
}

/* The {N} a note names. */
static uint64_t numbers_named(const xmlNode *note) {
    uint64_t m = 0;
    char *t = note ? (char *)xmlNodeGetContent(note) : NULL;
    for (const char *p = t; p && (p = strchr(p, '{')) != NULL; p++) {
        char *end;
        long n = strtol(p + 1, &end, 10);
        if (end > p + 1 && *end == '}')
            m |= bit((int)n);
    }
    xmlFree(t);
    return m;
}

static int has_key(char **keys, const char *k) {
    for (int i = 0; keys && keys[i]; i++)
        if (strcmp(keys[i], k) == 0)
            return 1;
    return 0;
}

static void plural_open(plural_info *p, const char *locale, const char *lang) {
    int known;
    p->locale = locale;
    p->language = bg_l10n_language_name(lang, &known);
    p->cats[0] = bg_l10n_plural_categories(locale, 0);
    p->cats[1] = bg_l10n_plural_categories(locale, 1);
}

static void plural_close(plural_info *p) {
    free(p->language);
    bg_l10n_strings_free(p->cats[0]);
    bg_l10n_strings_free(p->cats[1]);
}

/* Every plural and selectordinal of `shape` against the categories ICU gives the
 * locale: one it lacks is an error, one the language never uses a warning. */
static void check_plurals(const char *path, const bg_cat_unit *u, const bg_msg_shape *shape, const plural_info *p) {
    for (int i = 0; i < shape->nargs; i++) {
        const bg_msg_arg *a = &shape->args[i];
        if (a->kind != BG_MSG_PLURAL && a->kind != BG_MSG_SELECTORDINAL)
            continue;
        int ordinal = a->kind == BG_MSG_SELECTORDINAL;
        char **cats = p->cats[ordinal];
        if (!cats)
            continue; /* ICU gave no rules for the locale (reported once) */
        const char *what = ordinal ? "selectordinal" : "plural";
        double explicit[64];
        int nexplicit = 0;
        for (int k = 0; k < a->nkeys && nexplicit < 64; k++)
            if (a->keys[k][0] == '=')
                explicit[nexplicit++] = strtod(a->keys[k] + 1, NULL);
        bg_buf names = {0}, examples = {0};
        int missing = 0;
        for (int k = 0; cats && cats[k]; k++) {
            if (has_key(a->keys, cats[k]) || bg_l10n_plural_covered(p->locale, ordinal, cats[k], explicit, nexplicit))
                continue;
            char *ex = bg_l10n_plural_examples(p->locale, ordinal, cats[k]);
            missing++;
            bg_buf_printf(&names, "%s'%s'", missing > 1 ? " or " : "", cats[k]);
            bg_buf_printf(&examples, "%s%s: %s", missing > 1 ? "; " : "", cats[k], ex ? ex : "");
            free(ex);
        }
        if (missing == 1) {
            /* "… has no 'few' case, which Polish needs for 2–4, 22–24, …" */
            const char *colon = strchr(examples.s, ':');
            bg_error(path, u->line, "message '%s': the %s {%d} has no %s case, which %s needs for%s", u->id, what,
                     a->number, names.s, p->language, colon ? colon + 1 : "");
        } else if (missing > 1) {
            bg_error(path, u->line, "message '%s': the %s {%d} has no %s case, which %s needs (%s)", u->id, what,
                     a->number, names.s, p->language, examples.s);
        }
        bg_buf_free(&names);
        bg_buf_free(&examples);
        for (int k = 0; k < a->nkeys; k++)
            if (a->keys[k][0] != '=' && !has_key(cats, a->keys[k]))
                bg_warn(path, u->line, "message '%s': the %s {%d} has a '%s' case, which %s never uses", u->id, what,
                        a->number, a->keys[k], p->language);
    }
}

/* The union of the keys of every select on argument `number` in `shape`; whether
 * there is one in *found. */
static void select_keys(const bg_msg_shape *shape, int number, bg_buf *keys, int *found) {
    *found = 0;
    for (int i = 0; i < shape->nargs; i++) {
        const bg_msg_arg *a = &shape->args[i];
        if (a->kind != BG_MSG_SELECT || a->number != number)
            continue;
        *found = 1;
        for (int k = 0; k < a->nkeys; k++) {
            bg_buf_puts(keys, a->keys[k]);
            bg_buf_add(keys, "", 1); /* NUL-separated */
        }
    }
}

static int in_list(const bg_buf *list, const char *k) {
    if (!list->s)
        return 0;
    for (size_t at = 0; at < list->len; at += strlen(list->s + at) + 1)
        if (strcmp(list->s + at, k) == 0)
            return 1;
    return 0;
}

/* Arguments and selects against the root message. */
static void check_arguments(const char *path, const bg_cat_unit *u, const bg_msg_shape *shape, const root_info *ri,
                            int r) {
    const bg_msg_shape *rs = ri->shape[r];
    if (!rs)
        return;
    uint64_t mine = numbers_used(shape), theirs = ri->uses[r];
    for (int n = 0; n < 64; n++) {
        if ((theirs & bit(n)) && !(mine & bit(n)))
            bg_error(path, u->line, "message '%s' leaves out {%d}, which the English uses", u->id, n);
        else if ((mine & bit(n)) && !(theirs & bit(n)) && !(ri->documented[r] & bit(n)))
            bg_error(path, u->line,
                     "message '%s' uses {%d}, which the English neither uses nor names in its note: nothing fills it",
                     u->id, n);
    }
    for (int n = 0; n < 64; n++) {
        bg_buf want = {0}, have = {0};
        int in_root, here;
        select_keys(rs, n, &want, &in_root);
        if (in_root) {
            select_keys(shape, n, &have, &here);
            if (!here && (mine & bit(n))) {
                bg_error(path, u->line, "message '%s': {%d} is a select in the English but not here", u->id, n);
            } else if (here) {
                for (size_t at = 0; at < want.len; at += strlen(want.s + at) + 1)
                    if (!in_list(&have, want.s + at))
                        bg_error(path, u->line, "message '%s': the select {%d} has no '%s' case, which the English has",
                                 u->id, n, want.s + at);
                for (size_t at = 0; at < have.len; at += strlen(have.s + at) + 1)
                    if (!in_list(&want, have.s + at))
                        bg_warn(path, u->line,
                                "message '%s': the select {%d} has a '%s' case the English does not have; it is "
                                "never chosen",
                                u->id, n, have.s + at);
            }
        }
        bg_buf_free(&want);
        bg_buf_free(&have);
    }
}

/* White space at either end, and the final punctuation, against the English. */
static void check_edges(const char *path, const bg_cat_unit *u, const char *english) {
    char em[64], tm[64];
    int d = bg_l10n_compare_edges(english, u->target_text, em, tm, sizeof em);
    if (d & BG_EDGE_LEADING_SPACE) {
        int starts = (d & BG_EDGE_TARGET_LEADS) != 0;
        bg_warn(path, u->line, "message '%s' %s with white space%s", u->id, starts ? "starts" : "does not start",
                starts ? "; the English does not" : " as the English does");
    }
    if (d & BG_EDGE_TRAILING_SPACE) {
        int ends = (d & BG_EDGE_TARGET_TRAILS) != 0;
        bg_warn(path, u->line, "message '%s' %s with white space%s", u->id, ends ? "ends" : "does not end",
                ends ? "; the English does not" : " as the English does");
    }
    if (d & BG_EDGE_FINAL_MARK) {
        if (em[0] && tm[0])
            bg_warn(path, u->line, "message '%s' ends with \"%s\" where the English ends with \"%s\"", u->id, tm, em);
        else if (em[0])
            bg_warn(path, u->line, "message '%s' does not end with \"%s\" as the English does", u->id, em);
        else
            bg_warn(path, u->line, "message '%s' ends with \"%s\"; the English has no final punctuation", u->id, tm);
    }
}

/* The first `max` characters of `s`, one line, for quoting in a message. */
static void add_quote(bg_buf *b, const char *s, int max) {
    int chars = 0;
    for (const char *p = s; *p; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80 && chars++ == max) {
            bg_buf_puts(b, "…");
            return;
        }
        bg_buf_add(b, *p == '\n' || *p == '\t' ? " " : p, 1);
    }
}

static void check_unit(const bg_catalog *c, const bg_cat_unit *u, const root_info *ri, const plural_info *p) {
    const char *path = bg_catalog_path(c);
    const bg_cat_unit *ru = bg_catalog_find(ri->cat, u->id);
    if (!ru) {
        bg_warn(path, u->line,
                "message '%s' is not in en.xlf any more: nothing uses it ('briefgen l10n sync' removes it)", u->id);
        return;
    }
    int r = index_of(ri->units, ru);
    if (strcmp(u->source_text, ru->source_text) != 0) {
        bg_buf q = {0};
        add_quote(&q, ru->source_text, 60);
        bg_warn(path, u->line,
                "message '%s' needs review: the English changed since it was translated (en.xlf:%ld now "
                "says \"%s\")",
                u->id, ru->line, q.s ? q.s : "");
        bg_buf_free(&q);
    }
    if (!u->target_text) {
        bg_error(path, u->line, "message '%s' is not translated: readers would see English", u->id);
        return;
    }
    if (bg_catalog_state_needs_translation(u->state))
        bg_warn(path, u->line, "message '%s' is marked state=\"%s\": translate it, then set state=\"translated\"",
                u->id, u->state);
    else if (bg_catalog_state_needs_review(u->state))
        bg_warn(path, u->line,
                "message '%s' is marked state=\"%s\": compare it with the English, then set state=\"translated\"",
                u->id, u->state);
    if (strcmp(u->id, BG_CATALOG_FORMAT_KEY) == 0) {
        if (!bg_l10n_same_language(bg_catalog_format_id(c), bg_catalog_lang(c)))
            bg_warn(path, u->line, "message '%s' is '%s', a locale of another language than '%s'", u->id,
                    bg_catalog_format_id(c), bg_catalog_lang(c));
        return;
    }
    bg_msg_shape *shape = bg_l10n_message_shape(path, u->line, u->id, u->target_text, bg_catalog_format_id(c));
    if (!shape)
        return;
    check_plurals(path, u, shape, p);
    check_arguments(path, u, shape, ri, r);
    check_edges(path, u, ru->source_text);
    bg_msg_shape_free(shape);
}

/* The root keys `c` lacks that belong after its unit `after` (NULL: first in the
 * body, at line `line`): where 'l10n sync' will put them, and so where a translator
 * looks. */
static void report_missing(const bg_catalog *c, const root_info *ri, const bg_cat_unit *after, long line) {
    const bg_cat_unit *anchor = NULL;
    for (int i = 0; i < ri->n; i++) {
        const bg_cat_unit *r = &ri->units[i];
        const bg_cat_unit *mine = bg_catalog_find(c, r->id);
        if (mine) {
            anchor = mine;
            continue;
        }
        if (bg_catalog_mentions(c, r->id) || anchor != after)
            continue; /* unreadable (reported), or belongs elsewhere */
        if (after)
            bg_error(bg_catalog_path(c), line,
                     "no message '%s' (en.xlf:%ld), which comes after '%s': readers would see English; "
                     "'briefgen l10n sync' adds it",
                     r->id, r->line, after->id);
        else
            bg_error(bg_catalog_path(c), line,
                     "no message '%s' (en.xlf:%ld), which comes first: readers would see English; "
                     "'briefgen l10n sync' adds it",
                     r->id, r->line);
    }
}

/* 1 when `u` holds a finished translation (by its state, which Weblate and others go
 * by) that is not approved="yes" (which translate-toolkit goes by). */
static int finished_unapproved(const bg_cat_unit *u) {
    const char *approved = bg_xlf_attr(u->node, "approved");
    return u->target_text && !bg_catalog_state_needs_translation(u->state) &&
           !bg_catalog_state_needs_review(u->state) && !(approved && strcmp(approved, "yes") == 0);
}

static void check_locale(const char *dir, const char *lang, const root_info *ri) {
    bg_catalog *c = bg_catalog_load(dir, lang);
    if (!c)
        return;
    plural_info p;
    plural_open(&p, bg_catalog_format_id(c), lang);
    int n;
    const bg_cat_unit *units = bg_catalog_units(c, &n);
    report_missing(c, ri, NULL, bg_catalog_body_line(c));
    const bg_cat_unit *unapproved = NULL;
    int nunapproved = 0;
    for (int i = 0; i < n; i++) {
        check_unit(c, &units[i], ri, &p);
        report_missing(c, ri, &units[i], units[i].line);
        if (finished_unapproved(&units[i]) && !nunapproved++)
            unapproved = &units[i];
    }
    if (unapproved)
        bg_warn(bg_catalog_path(c), unapproved->line,
                "message '%s'%s: translated, but not approved=\"yes\" on the trans-unit, so tools built on "
                "translate-toolkit (pofilter, Pootle, Virtaal) read it as fuzzy",
                unapproved->id, nunapproved > 1 ? " (and the next ones like it)" : "");
    plural_close(&p);
    bg_catalog_free(c);
}

/* The root's own messages: readable, with the plural cases English needs. */
static int root_open(root_info *ri, const bg_catalog *root) {
    memset(ri, 0, sizeof *ri);
    ri->cat = root;
    ri->units = bg_catalog_units(root, &ri->n);
    ri->shape = calloc((size_t)ri->n + 1, sizeof(bg_msg_shape *));
    ri->uses = calloc((size_t)ri->n + 1, sizeof *ri->uses);
    ri->documented = calloc((size_t)ri->n + 1, sizeof *ri->documented);
    if (!ri->shape || !ri->uses || !ri->documented) {
        bg_error(NULL, 0, "out of memory");
        return -1;
    }
    plural_info p;
    plural_open(&p, bg_catalog_format_id(root), BG_CATALOG_ROOT);
    const char *path = bg_catalog_path(root);
    int has_format = 0;
    for (int i = 0; i < ri->n; i++) {
        const bg_cat_unit *u = &ri->units[i];
        if (strcmp(u->id, BG_CATALOG_FORMAT_KEY) == 0) {
            has_format = 1;
            continue;
        }
        ri->shape[i] = bg_l10n_message_shape(path, u->line, u->id, u->source_text, bg_catalog_format_id(root));
        if (ri->shape[i])
            check_plurals(path, u, ri->shape[i], &p);
        ri->uses[i] = numbers_used(ri->shape[i]);
        ri->documented[i] = numbers_named(u->note);
    }
    if (!has_format)
        bg_error(path, 0, "the root catalogue has no '" BG_CATALOG_FORMAT_KEY "' unit");
    plural_close(&p);
    return 0;
}

static void root_close(root_info *ri) {
    for (int i = 0; ri->shape && i < ri->n; i++)
        bg_msg_shape_free(ri->shape[i]);
    free(ri->shape);
    free(ri->uses);
    free(ri->documented);
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

char **bg_l10n_locale_files(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) {
        bg_error(dir, 0, "cannot read the locale folder: %s", strerror(errno));
        return NULL;
    }
    char **v = calloc(1, sizeof *v);
    int n = 0;
    struct dirent *ent;
    while (v && (ent = readdir(d)) != NULL) {
        size_t len = strlen(ent->d_name);
        if (len < 5 || strcmp(ent->d_name + len - 4, ".xlf") != 0 || ent->d_name[0] == '.')
            continue;
        char *lang = strndup(ent->d_name, len - 4);
        if (lang && (strcmp(lang, BG_CATALOG_ROOT) == 0 ||
                     strspn(lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") != len - 4)) {
            free(lang);
            continue;
        }
        char **grown = lang ? realloc(v, sizeof *v * (size_t)(n + 2)) : NULL;
        if (!grown) {
            free(lang);
            bg_l10n_strings_free(v);
            v = NULL;
            break;
        }
        v = grown;
        v[n++] = lang;
        v[n] = NULL;
    }
    closedir(d);
    if (!v) {
        bg_error(NULL, 0, "out of memory");
        return NULL;
    }
    qsort(v, (size_t)n, sizeof *v, by_name);
    return v;
}

int bg_l10n_check(const char *dir, const char *const *langs, int n) {
    int errors_before = bg_diag_errors();
    bg_catalog *root = bg_catalog_load(dir, BG_CATALOG_ROOT);
    if (!root)
        return -1;
    root_info ri;
    if (root_open(&ri, root) == 0) {
        char **all = n == 0 ? bg_l10n_locale_files(dir) : NULL;
        if (n == 0)
            for (int i = 0; all && all[i]; i++)
                check_locale(dir, all[i], &ri);
        for (int i = 0; i < n; i++)
            if (strcmp(langs[i], BG_CATALOG_ROOT) != 0)
                check_locale(dir, langs[i], &ri);
        bg_l10n_strings_free(all);
    }
    root_close(&ri);
    bg_catalog_free(root);
    return bg_diag_errors() == errors_before ? 0 : -1;
}
