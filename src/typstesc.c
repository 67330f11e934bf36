/* typstesc — see typstesc.h. */
#include "typstesc.h"

#include <stdlib.h>
#include <string.h>

/* The code point of the UTF-8 sequence at `s` (at most `n` bytes), its length in
 * *len; -1 (with *len the bytes to skip) for a byte that starts no valid sequence:
 * a stray continuation byte, an overlong form, a surrogate, past U+10FFFF, or a
 * sequence cut short. */
static long decode(const unsigned char *s, size_t n, size_t *len) {
    unsigned char c = s[0];
    *len = 1;
    if (c < 0x80)
        return c;
    size_t need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (need == 0 || need > n)
        return -1;
    long cp = c & (0xFF >> (need + 1));
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((need == 3 && cp < 0x800) || (need == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
        return -1;
    *len = need;
    return cp;
}

/* White space as Typst's lexer sees it: what breaks a line, and blanks. */
static int is_space(long cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 ||
           cp == 0x2028 || cp == 0x2029;
}

/* Control characters, which no brief means to print (C0, DEL, C1). */
static int is_control(long cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

char *bg_typst_escape(const char *text, size_t len, bg_typst_mode mode) {
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    if (!text)
        len = 0;
    /* At worst every byte doubles, plus the quotes and the NUL. */
    char *out = malloc(2 * len + 3);
    if (!out)
        return NULL;
    size_t o = 0;
    int string = mode == BG_TYPST_STRING;
    if (string)
        out[o++] = '"';
    int space = 0;    /* a run of white space waits to be written as one space */
    int at_start = 1; /* nothing but white space written yet (markup) */
    int digits = 0;   /* the text so far is white space and digits only (markup) */
    int dots = 0;     /* unescaped '.' just written, in a row (markup) */
    for (size_t i = 0; i < len;) {
        size_t n;
        long cp = decode(s + i, len - i, &n);
        const unsigned char *ch = s + i;
        i += n;
        if (cp < 0)
            continue;
        if (is_space(cp)) {
            space = 1;
            continue;
        }
        if (is_control(cp))
            continue;
        if (space) {
            out[o++] = ' ';
            space = 0;
            digits = dots = 0; /* "1 2." is no list number, ". . ." no ellipsis */
        }
        int escape;
        if (string) {
            escape = cp == '\\' || cp == '"';
        } else {
            escape = (cp < 0x80 && strchr(BG_TYPST_SPECIAL, (int)cp) != NULL) || (cp == '.' && (dots == 2 || digits)) ||
                     ((cp == '(' || cp == '.') && at_start);
            digits = cp >= '0' && cp <= '9' && (at_start || digits);
            dots = cp == '.' && !escape ? dots + 1 : 0;
            at_start = 0;
        }
        if (escape)
            out[o++] = '\\';
        memcpy(out + o, ch, n);
        o += n;
    }
    if (space)
        out[o++] = ' ';
    if (string)
        out[o++] = '"';
    out[o] = '\0';
    return out;
}
