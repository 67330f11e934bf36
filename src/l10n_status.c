/* l10n_status — see l10n_status.h.  The JSON looks like
 *
 *   {"briefs": [{"file": "brief.xml", "source-lang": "uk", "languages": [
 *      {"lang": "en", "total": 40, "translated": 37, "percent": 92,
 *       "missing": [{"line": 31, "element": "p", "context": "Findings › Water",
 *                    "id": "f-water/p[2]"}],
 *       "checks": [{"line": 33, "check": "numbers", "id": "f-water/p[3]",
 *                   "message": "the English version has the number 24 …  [numbers]"}]}]}]}
 *
 * one brief per file given, in order; a brief that could not be read is left out
 * (its errors are on stderr).  "id" is the unit's id in `l10n export`; "checks" are
 * the cross-language checks' findings on that language's versions (xlang.h), at
 * their lines, the source language's list empty.
 */
#include "l10n_status.h"

#include "brief.h"
#include "buf.h"
#include "diag.h"
#include "textunits.h"
#include "xlang.h"

#include <stdlib.h>
#include <string.h>

/* The cross-language findings of one brief, written as report_language shows
 * them into one buffer per language of the brief (its @langs order): the checks
 * walk the brief once, not once per language. */
typedef struct findings {
    const bg_brief *brief;
    bg_status_format format;
    bg_buf *per_lang; /* bg_brief_nlangs of them */
    int *listed;      /* findings written into each, for the JSON's commas */
} findings;

static void add_finding(const bg_xlang_finding *f, void *ctx) {
    findings *fs = ctx;
    int l = 0, n = bg_brief_nlangs(fs->brief);
    while (l < n && xmlStrcasecmp(bg_node_lang(f->translation), BAD_CAST bg_brief_lang(fs->brief, l)) != 0)
        l++;
    if (l == n)
        return;
    bg_buf *b = &fs->per_lang[l];
    if (fs->format == BG_STATUS_JSON) {
        bg_buf_printf(b, "%s{\"line\": %ld, \"check\": ", fs->listed[l]++ ? ", " : "", bg_node_line(f->translation));
        bg_buf_add_json(b, f->id);
        bg_buf_puts(b, ", \"id\": ");
        bg_buf_add_json(b, f->unit_id);
        bg_buf_puts(b, ", \"message\": ");
        bg_buf_add_json(b, f->message);
        bg_buf_puts(b, "}");
    } else {
        bg_buf_printf(b, "%s:%ld: %s\n", bg_brief_path(fs->brief), bg_node_line(f->translation), f->message);
    }
}

/* One language of one brief. */
static void report_language(bg_buf *b, const bg_brief *brief, const bg_text_units *units, const char *lang,
                            const bg_buf *checks, bg_status_format format, int min, int *below) {
    const char *path = bg_brief_path(brief);
    int total = units->n, present = 0;
    for (int i = 0; i < units->n; i++)
        present += bg_text_unit_member(&units->v[i], lang) != NULL;
    int percent = total ? (int)((long long)present * 100 / total) : 100;
    if (format == BG_STATUS_JSON) {
        bg_buf_puts(b, "{\"lang\": ");
        bg_buf_add_json(b, lang);
        bg_buf_printf(b, ", \"total\": %d, \"translated\": %d, \"percent\": %d, \"missing\": [", total, present,
                      percent);
    } else {
        bg_buf_printf(b, "%s: %s: %d of %d translated (%d%%)\n", path, lang, present, total, percent);
    }
    int listed = 0;
    for (int i = 0; i < units->n; i++) {
        const bg_text_unit *t = &units->v[i];
        if (bg_text_unit_member(t, lang))
            continue;
        const xmlNode *el = t->source ? t->source : t->unit.member[0];
        char *where = bg_text_context(el, bg_brief_source_lang(brief));
        if (format == BG_STATUS_JSON) {
            bg_buf_printf(b, "%s{\"line\": %ld, \"element\": ", listed++ ? ", " : "", bg_node_line(el));
            bg_buf_add_json(b, (const char *)el->name);
            bg_buf_puts(b, ", \"context\": ");
            bg_buf_add_json(b, where ? where : "");
            bg_buf_puts(b, ", \"id\": ");
            bg_buf_add_json(b, t->id);
            bg_buf_puts(b, "}");
        } else {
            bg_buf_printf(b, "%s:%ld: <%s> in \"%s\" has no \"%s\" text\n", path, bg_node_line(el),
                          (const char *)el->name, where ? where : "", lang);
        }
        free(where);
    }
    if (format == BG_STATUS_JSON)
        bg_buf_puts(b, "], \"checks\": [");
    bg_buf_add(b, checks->s ? checks->s : "", checks->len);
    if (format == BG_STATUS_JSON)
        bg_buf_puts(b, "]}");
    if (min >= 0 && (long long)present * 100 < (long long)min * total) {
        bg_error(path, 0, "\"%s\" is %d%% translated; --min asks for %d%%", lang, percent, min);
        *below = 1;
    }
}

int bg_l10n_status(const char *const *paths, int n, const bg_schema *schema, bg_status_format format, int min,
                   FILE *out) {
    int failed = 0, written = 0;
    bg_buf b = {0};
    if (format == BG_STATUS_JSON)
        bg_buf_puts(&b, "{\"briefs\": [");
    for (int i = 0; i < n; i++) {
        bg_brief *brief = bg_brief_load(paths[i]);
        bg_text_units units;
        if (!brief || bg_brief_validate(brief, schema) != 0 ||
            bg_text_units_collect(xmlDocGetRootElement(bg_brief_doc(brief)), bg_brief_source_lang(brief), &units) !=
                0) {
            bg_brief_free(brief);
            failed = 1;
            continue;
        }
        if (format == BG_STATUS_JSON) {
            bg_buf_puts(&b, written++ ? ",\n  {\"file\": " : "\n  {\"file\": ");
            bg_buf_add_json(&b, paths[i]);
            bg_buf_puts(&b, ", \"source-lang\": ");
            bg_buf_add_json(&b, bg_brief_source_lang(brief));
            bg_buf_puts(&b, ", \"languages\": [");
        }
        int nlangs = bg_brief_nlangs(brief);
        findings fs = {brief, format, calloc((size_t)nlangs, sizeof(bg_buf)), calloc((size_t)nlangs, sizeof(int))};
        if (!fs.per_lang || !fs.listed ||
            bg_xlang_each(xmlDocGetRootElement(bg_brief_doc(brief)), bg_brief_source_lang(brief), add_finding, &fs) < 0)
            b.failed = 1;
        for (int l = 0; l < nlangs && !b.failed; l++) {
            if (format == BG_STATUS_JSON && l > 0)
                bg_buf_puts(&b, ",\n    ");
            else if (format == BG_STATUS_JSON)
                bg_buf_puts(&b, "\n    ");
            report_language(&b, brief, &units, bg_brief_lang(brief, l), &fs.per_lang[l], format, min, &failed);
            b.failed |= fs.per_lang[l].failed;
        }
        for (int l = 0; fs.per_lang && l < nlangs; l++)
            bg_buf_free(&fs.per_lang[l]);
        free(fs.per_lang);
        free(fs.listed);
        if (format == BG_STATUS_JSON)
            bg_buf_puts(&b, "]}");
        bg_text_units_free(&units);
        bg_brief_free(brief);
    }
    if (format == BG_STATUS_JSON)
        bg_buf_puts(&b, written ? "\n]}\n" : "]}\n");
    if (b.failed) {
        bg_error(NULL, 0, "out of memory");
        failed = 1;
    } else if (b.len && (fwrite(b.s, 1, b.len, out) != b.len || fflush(out) != 0)) {
        bg_error(NULL, 0, "cannot write the report");
        failed = 1;
    }
    bg_buf_free(&b);
    return failed ? -1 : 0;
}
