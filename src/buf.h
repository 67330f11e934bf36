/* buf — a growable byte string, and the escapers the writers of XLIFF, briefs and
 * JSON share.
 *
 * Memory rule: a bg_buf starts zeroed (`bg_buf b = {0};`); its bytes belong to the
 * caller, who frees them with bg_buf_free or takes them with bg_buf_take (then
 * free() them).  bg_buf_free(NULL) does nothing; bg_strv_clear needs a list.
 *
 * Failure is silent: nothing here reports (diag.h is included only for
 * BG_PRINTF).  Appending never fails loudly: out of memory, the buffer sets
 * `failed` and ignores further appends, so a writer checks once, at the end, and
 * says "out of memory" itself.  Functions that return a new string return NULL
 * when out of memory, unreported.
 *
 * Threads: no shared state; a buffer or list belongs to one thread at a time.
 */
#ifndef BG_BUF_H
#define BG_BUF_H

#include "diag.h"

#include <stddef.h>

typedef struct bg_buf {
    char *s; /* NUL-terminated once anything was added */
    size_t len, cap;
    int failed;
} bg_buf;

void bg_buf_add(bg_buf *b, const char *s, size_t n);
void bg_buf_puts(bg_buf *b, const char *s);
void bg_buf_printf(bg_buf *b, const char *fmt, ...) BG_PRINTF(2, 3);

/* `n` bytes of UTF-8 text `s` as XML character data: & < > escaped, and in an
 * attribute value (`attribute` set) also " and tab, newline and carriage return.
 * Characters a reader cannot see — no-break and other special spaces, zero-width
 * characters, the soft hyphen, direction marks, the byte-order mark — are written
 * as decimal character references (&#160;), as our locale files write them, so
 * the person who opens the file next can see what is there. */
void bg_buf_add_xml(bg_buf *b, const char *s, size_t n, int attribute);
/* UTF-8 text `s` as a JSON string, quotes included: " and \ escaped, control
 * characters as \n, \t, … or \u00XX, and U+2028/U+2029 as \u2028/\u2029 (valid
 * JSON either way, but they end a line in JavaScript source). */
void bg_buf_add_json(bg_buf *b, const char *s);
/* The same, and < > & as \u003c \u003e \u0026: a JSON string that may stand in an
 * HTML <script> element (JSON-LD), whose content the HTML parser reads raw — a
 * text can then neither end the element ("</script>") nor open a comment ("<!--"),
 * and a JSON reader still gets the same string. */
void bg_buf_add_json_html(bg_buf *b, const char *s);

/* A copy of `s` without the XML white space (space, tab, CR, LF) at either end,
 * to free(); NULL when out of memory. */
char *bg_trimmed(const char *s);

/* The bytes (NUL-terminated; a malloc'd "" when nothing was added), now the
 * caller's to free(); the buffer is reset.  NULL when the buffer failed (its bytes
 * are freed) or out of memory. */
char *bg_buf_take(bg_buf *b);
void bg_buf_free(bg_buf *b);

/* Make each run of XML white space (space, tab, CR, LF) in `s` one space, and
 * drop it at either end, in place: the text of an element as a reader sees it. */
void bg_str_squeeze_space(char *s);

/* A list of strings (in the preview: messages, one "file:line: error: …" line each).
 * Starts zeroed; the strings are copies the list owns, and bg_strv_clear frees
 * them and the list, leaving it empty and reusable.  Out of memory, an append is
 * dropped without a word (there is no `failed` flag). */
typedef struct bg_strv {
    char **v;
    int n;
} bg_strv;
void bg_strv_add(bg_strv *s, const char *text, size_t len);
/* Append every non-empty line of `text` (a diag capture; may be NULL) to `s`. */
void bg_strv_add_lines(bg_strv *s, const char *text);
void bg_strv_add_all(bg_strv *s, const bg_strv *from);
void bg_strv_clear(bg_strv *s);
int bg_strv_equal(const bg_strv *a, const bg_strv *b);

#endif
