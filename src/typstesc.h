/* typstesc — a brief's text made safe for Typst source, the one way the Typst
 * templates put text into their output (through bg:typst, xslext.h).
 *
 * A brief comes from anyone, and the .typ file briefgen writes is compiled: a
 * brief's text must never become Typst code, markup or a comment.  Two contexts:
 *
 *   BG_TYPST_MARKUP  text in Typst markup (a paragraph, a heading, [content]).
 *       Every run of white space (newlines, and the Unicode line and paragraph
 *       separators Typst also breaks lines at, included) becomes one space, so the
 *       text never starts a line of its own; control characters and bytes that are
 *       not UTF-8 are dropped; a backslash is put before every character that can
 *       start markup or code (BG_TYPST_SPECIAL), before a '.' that would be the
 *       third in a row ("..." is a shorthand for "…"), and before the '.' after a
 *       run of digits at the start of the text ("1. item" would open a numbered
 *       list), after any leading space.  A leading '(' or '.' is escaped too, so
 *       text placed right after an embedded expression (#f[x]) cannot be read as
 *       its arguments or a field of it.
 *
 *   BG_TYPST_STRING  a quoted Typst string literal ("…"), for #link("…") and
 *       #set document(title: "…").  White space as above, '\' and '"' escaped,
 *       control characters and bytes that are not UTF-8 dropped.
 *
 * Either way the output holds no newline, and every backslash in it starts one of
 * the escapes above: a backslash followed by a special character (markup), or \\
 * and \" (string).  fuzz/fuzz_typst.c checks exactly that.
 *
 * Memory rule: the result is malloc'd, the caller's, freed with free(); NULL only
 * when out of memory.  Threads: no state; safe anywhere.
 */
#ifndef BG_TYPSTESC_H
#define BG_TYPSTESC_H

#include <stddef.h>

typedef enum bg_typst_mode { BG_TYPST_MARKUP, BG_TYPST_STRING } bg_typst_mode;

/* The characters that can start Typst markup or code: each is written with a
 * backslash before it in markup. */
#define BG_TYPST_SPECIAL "\\#*_`$@<>[]~/-+='\""

/* `len` bytes of `text` (any bytes) escaped for `mode`, as a NUL-terminated string. */
char *bg_typst_escape(const char *text, size_t len, bg_typst_mode mode);

#endif
