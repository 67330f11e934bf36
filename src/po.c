/* po — see po.h. */
#include "po.h"

#include "buf.h"
#include "diag.h"
#include "fileio.h"
#include "xlf.h"
#include "xliff_merge.h"
#include "xmlsafe.h"

#include <errno.h>
#include <gettext-po.h>
#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A PO file larger than this is not a brief's translation. */
#define PO_MAX_BYTES (64u << 20)

/* ---- libgettextpo's messages, through diag ------------------------------------------ */

/* libgettextpo reports through a handler that may not return on a fatal error; the
 * one call in progress (po.h: one at a time) keeps its way back here. */
static jmp_buf *fatal_exit;
static int po_errors, po_said; /* errors seen (any stops the import), errors reported */
static char last_text[160];    /* the error said last, and its line */
static long last_line = -1;

/* Begin a call into libgettextpo that reports through `handler`. */
static void po_calls_begin(jmp_buf *back) {
    po_errors = po_said = 0;
    last_line = -1;
    fatal_exit = back;
}

static void po_xerror(int severity, po_message_t message, const char *filename, size_t lineno, size_t column,
                      int multiline, const char *text) {
    (void)message;
    (void)column;
    (void)multiline;
    long line = filename && lineno != (size_t)-1 ? (long)lineno : 0;
    size_t n = strlen(text);
    while (n > 0 && text[n - 1] == '\n')
        n--;
    if (severity == PO_SEVERITY_WARNING) {
        bg_warn(filename, line, "%.*s", (int)n, text);
        return;
    }
    /* The closing "found N fatal errors" repeats what was said line by line, and
     * gettext says some problems once per byte ("invalid multibyte sequence"). */
    int repeat = line == last_line && n < sizeof last_text && strncmp(last_text, text, n) == 0 && last_text[n] == '\0';
    if (!repeat && !(severity == PO_SEVERITY_FATAL_ERROR && po_errors > 0 && strncmp(text, "found ", 6) == 0)) {
        bg_error(filename, line, "%.*s", (int)n, text);
        po_said++;
    }
    snprintf(last_text, sizeof last_text, "%.*s", (int)n, text);
    last_line = line;
    po_errors++;
    if (severity == PO_SEVERITY_FATAL_ERROR && fatal_exit)
        longjmp(*fatal_exit, 1);
}

static void po_xerror2(int severity, po_message_t m1, const char *f1, size_t l1, size_t c1, int ml1, const char *t1,
                       po_message_t m2, const char *f2, size_t l2, size_t c2, int ml2, const char *t2) {
    po_xerror(severity == PO_SEVERITY_FATAL_ERROR ? PO_SEVERITY_ERROR : severity, m1, f1, l1, c1, ml1, t1);
    po_xerror(severity, m2, f2, l2, c2, ml2, t2);
}

static const struct po_xerror_handler handler = {po_xerror, po_xerror2};

/* ---- export ------------------------------------------------------------------------- */

typedef struct po_out {
    po_file_t file;
    po_message_iterator_t it;
} po_out;

/* The header: no date, no translator (the output is deterministic); no Plural-Forms,
 * as a brief's text has no plural entries. */
static int po_begin(const bg_xfile *f, void *data) {
    po_out *o = data;
    bg_buf h = {0};
    bg_buf_printf(&h,
                  "Project-Id-Version: %s\nLanguage: %s\nMIME-Version: 1.0\n"
                  "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
                  "X-Source-Language: %s\nX-Generator: briefgen l10n export\n",
                  f->brief_name, f->lang, f->source_lang);
    if (h.failed) {
        bg_error(NULL, 0, "out of memory");
        return -1;
    }
    po_message_t m = po_message_create();
    po_message_set_msgid(m, "");
    po_message_set_msgstr(m, h.s);
    po_message_insert(o->it, m);
    bg_buf_free(&h);
    return 0;
}

static int po_unit(const bg_xfile *f, const bg_xunit *u, void *data) {
    po_out *o = data;
    po_message_t m = po_message_create();
    po_message_set_msgctxt(m, u->id);
    po_message_set_msgid(m, u->source);
    po_message_set_msgstr(m, u->target ? u->target : "");
    po_message_set_extracted_comments(m, u->note);
    po_message_add_filepos(m, f->brief_name, (size_t)u->line);
    if (u->target && u->review)
        po_message_set_fuzzy(m, 1);
    po_message_insert(o->it, m);
    return 0;
}

/* po_file_write, with a way back from a fatal error; po_errors counts the errors. */
static void write_po(po_file_t file, const char *name) {
    jmp_buf here;
    po_calls_begin(&here);
    if (setjmp(here) == 0)
        po_file_write(file, name, &handler);
    fatal_exit = NULL;
}

/* `file` as PO text, in a new buffer: libgettextpo writes only to a named file, so
 * through a temporary one that is removed at once.  NULL (reported). */
static char *po_bytes(po_file_t file, size_t *len) {
    const char *dir = getenv("TMPDIR");
    char stem[PATH_MAX], name[PATH_MAX];
    snprintf(stem, sizeof stem, "%s/briefgen-po.", dir && dir[0] ? dir : "/tmp");
    int fd = bg_temp_open(stem, name, sizeof name);
    char *data = NULL;
    if (fd < 0) {
        bg_error(NULL, 0, "cannot create a temporary file for the PO text: %s", strerror(errno));
        return NULL;
    }
    close(fd);
    write_po(file, name);
    if (po_errors == 0 && bg_file_read(name, PO_MAX_BYTES, &data, len, NULL) != BG_FILE_OK) {
        bg_error(name, 0, "cannot read back the PO text just written");
        data = NULL;
    }
    unlink(name);
    return data;
}

int bg_po_export(const char *path, const char *lang, const bg_schema *schema, const char *out_path) {
    po_out o = {po_file_create(), NULL};
    o.it = po_message_iterator(o.file, NULL);
    bg_xexport_fns fns = {po_begin, po_unit};
    int rc = bg_xliff_walk(path, lang, schema, &fns, &o);
    po_message_iterator_free(o.it);
    size_t len = 0;
    char *bytes = rc == 0 ? po_bytes(o.file, &len) : NULL;
    po_file_free(o.file);
    if (!bytes)
        return -1;
    if (out_path) {
        rc = bg_write_atomic(out_path, bytes, len);
    } else if (fwrite(bytes, 1, len, stdout) != len || fflush(stdout) != 0) {
        bg_error(NULL, 0, "cannot write to standard output");
        rc = -1;
    }
    free(bytes);
    return rc;
}

/* ---- import ------------------------------------------------------------------------- */

/* The line of each entry's msgid in the PO text, in file order, obsolete entries
 * ("#~ msgid") included: libgettextpo lists the entries in that order but keeps no
 * line of its own, and a msgid keyword always starts its line.  This only locates
 * entries for messages; libgettextpo has read the file. */
static long *entry_lines(const char *s, size_t len, int *n) {
    int cap = 64;
    long *v = malloc((size_t)cap * sizeof *v);
    long line = 1;
    *n = 0;
    for (size_t i = 0; v && i < len; line++) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) : len;
        if (strncmp(s + i, "msgid ", 6) == 0 || strncmp(s + i, "#~ msgid ", 9) == 0) {
            if (*n == cap) {
                long *w = realloc(v, (size_t)(cap *= 2) * sizeof *v);
                if (!w) {
                    free(v);
                    return NULL;
                }
                v = w;
            }
            v[(*n)++] = line;
        }
        i = end + 1;
    }
    if (!v)
        bg_error(NULL, 0, "out of memory");
    return v;
}

/* `text` (XLIFF inline content) parsed as the content of an XLIFF element, or NULL
 * when it is not well-formed — said by the caller, at the entry. */
static xmlDocPtr parse_text(const char *text) {
    bg_buf b = {0};
    bg_buf_puts(&b, "<t xmlns=\"" BG_XLF_NS "\">");
    bg_buf_puts(&b, text);
    bg_buf_puts(&b, "</t>");
    if (b.failed) {
        bg_buf_free(&b);
        return NULL;
    }
    bg_diag_capture quiet = {0};
    bg_diag_capture_begin(&quiet);
    bg_xml_opts opts = {.name = "entry"};
    int errors = 0;
    xmlDocPtr doc = bg_xml_parse(b.s, b.len, &opts, &errors);
    bg_diag_capture_end();
    bg_diag_capture_free(&quiet);
    bg_buf_free(&b);
    if (doc && errors) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    return doc;
}

typedef struct po_in {
    bg_merge *m;
    const char *path;
    const long *lines;
    int nlines;
} po_in;

/* Merge message `msg`, the k-th entry of the file. */
static void merge_message(const po_in *in, po_message_t msg, int k) {
    long line = k < in->nlines ? in->lines[k] : 0;
    const char *id = po_message_msgctxt(msg), *msgid = po_message_msgid(msg), *msgstr = po_message_msgstr(msg);
    if (po_message_msgid_plural(msg)) {
        bg_error(in->path, line, "entry '%s' has a msgid_plural; a brief's texts have no plural forms", id ? id : "");
        bg_merge_error(in->m);
        return;
    }
    xmlDocPtr src = parse_text(msgid), tgt = msgstr[0] ? parse_text(msgstr) : NULL;
    if (!src || (msgstr[0] && !tgt)) {
        bg_error(in->path, line,
                 "entry '%s': the %s is not text as briefgen exports it: write & as &amp; and < as &lt;, and keep "
                 "each <g id=\"N\">…</g> and <x id=\"N\"/> whole",
                 id ? id : "", src ? "msgstr" : "msgid");
        bg_merge_error(in->m);
    } else {
        bg_merge_unit_in u = {in->path,
                              "entry",
                              line,
                              1,
                              id,
                              xmlDocGetRootElement(src),
                              tgt ? xmlDocGetRootElement(tgt) : NULL,
                              po_message_is_fuzzy(msg)
                                  ? "is marked fuzzy: not merged — remove the flag once the translation is done"
                                  : NULL};
        bg_merge_unit(in->m, &u);
    }
    xmlFreeDoc(src);
    xmlFreeDoc(tgt);
}

/* The languages of the header (Language, X-Source-Language), checked. */
static int header_languages(bg_merge *m, po_file_t file, const char *path, long line) {
    /* Declared const, but libgettextpo hands out a copy (xstrdup in gettext-po.c)
     * that nothing else frees. */
    char *header = (char *)po_file_domain_header(file, NULL);
    char *lang = header ? po_header_field(header, "Language") : NULL;
    char *src = header ? po_header_field(header, "X-Source-Language") : NULL;
    int rc;
    if (!header) {
        bg_error(path, 0, "no header entry (msgid \"\"): its Language field says which language the msgstr are in");
        rc = -1;
    } else {
        rc = bg_merge_languages(m, path, line, src ? src : bg_merge_source_lang(m), lang);
    }
    free(lang);
    free(src);
    free(header);
    return rc;
}

/* Read `po_path` into `*file`; 0, or -1 (reported).  Kept apart from its callers'
 * locals, as longjmp may come back through it. */
static int read_po(const char *po_path, po_file_t *file) {
    jmp_buf here;
    *file = NULL;
    po_calls_begin(&here);
    if (setjmp(here) == 0)
        *file = po_file_read(po_path, &handler);
    fatal_exit = NULL;
    if (po_errors && *file) {
        po_file_free(*file);
        *file = NULL;
    }
    return *file ? 0 : -1;
}

int bg_po_import(const char *path, const char *po_path, const bg_schema *schema) {
    char *bytes = NULL, why[160];
    size_t len = 0;
    mode_t mode = 0;
    bg_file_status st = bg_file_read(po_path, PO_MAX_BYTES, &bytes, &len, &mode);
    if (st != BG_FILE_OK) {
        bg_error(po_path, 0, "%s",
                 st == BG_FILE_TOO_LARGE ? "too large for a PO file of one brief (over 64 MiB)"
                                         : bg_file_problem(st, mode, why, sizeof why));
        return -1;
    }
    bg_merge *m = bg_merge_open(path, schema);
    po_file_t file = NULL;
    int nlines = 0;
    long *lines = m ? entry_lines(bytes, len, &nlines) : NULL;
    free(bytes);
    if (!m || !lines || read_po(po_path, &file) != 0) {
        if (m && lines)
            bg_error(path, 0, "not changed: fix the problem%s in %s first", po_said == 1 ? "" : "s", po_path);
        bg_merge_free(m);
        free(lines);
        return -1;
    }
    const char *const *domains = po_file_domains(file);
    po_in in = {m, po_path, lines, nlines};
    if (domains[0] && domains[1]) {
        bg_error(po_path, 0, "more than one domain; briefgen reads a PO file of one");
        bg_merge_error(m);
    } else if (header_languages(m, file, po_path, nlines > 0 ? lines[0] : 0) != 0) {
        bg_merge_error(m);
    } else {
        po_message_iterator_t it = po_message_iterator(file, NULL);
        po_message_t msg;
        for (int k = 0; (msg = po_next_message(it)); k++)
            if (!po_message_is_obsolete(msg) && (po_message_msgctxt(msg) || po_message_msgid(msg)[0]))
                merge_message(&in, msg, k);
        po_message_iterator_free(it);
    }
    po_file_free(file);
    free(lines);
    return bg_merge_finish(m, po_path);
}
