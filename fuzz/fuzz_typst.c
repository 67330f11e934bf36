/* fuzz_typst — libFuzzer target: the escape of a brief's text for Typst
 * (typstesc.h, the bg:typst of the templates).
 *
 * Each input, as any bytes, is escaped both ways, and an oracle aborts when the
 * result could be read by Typst as anything but text:
 *   markup  no newline (nor U+0085, U+2028, U+2029) and no control character; every
 *           backslash starts an escape of one character of BG_TYPST_SPECIAL (so none
 *           makes a line break, a \u{…} or escapes a plain character), every special
 *           character stands escaped, no three unescaped '.' in a row, no unescaped
 *           '.' after leading digits, no unescaped '(' or '.' first; the output is
 *           valid UTF-8, and the input's letters are all in it, in order;
 *   string  one well-formed string literal: a '"' first and last and none
 *           unescaped between, every backslash starting \\ or \", no newline and no
 *           control character.
 *
 * Seeds: fuzz/corpus/typst/ (hostile texts: code, comments, math, labels, list and
 * heading starts, escapes, quotes, broken UTF-8). */
#include "typstesc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void broken(const char *mode, const char *why, const char *out, size_t at) {
    fprintf(stderr, "fuzz_typst: %s output breaks its promise: %s at byte %zu of:\n%s\n", mode, why, at, out);
    abort();
}

/* The code point at `s` (valid UTF-8 is asserted), its length in *len. */
static long code_point(const char *mode, const char *out, size_t at, size_t *len) {
    const unsigned char *s = (const unsigned char *)out + at;
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    }
    size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
    if (n == 0 || s[0] > 0xF4)
        broken(mode, "a byte that starts no UTF-8 sequence", out, at);
    long cp = s[0] & (0xFF >> (n + 1));
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            broken(mode, "a UTF-8 sequence cut short", out, at);
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    *len = n;
    return cp;
}

static int forbidden(long cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029; }

static void check_markup(const char *out, const uint8_t *in, size_t size) {
    const char *m = "markup";
    int dots = 0, digits = 1, first = 1;
    for (size_t i = 0, n; out[i]; i += n) {
        long cp = code_point(m, out, i, &n);
        if (forbidden(cp))
            broken(m, "a newline or control character", out, i);
        if (cp == '\\') {
            if (!out[i + 1] || !strchr(BG_TYPST_SPECIAL "(.", out[i + 1]))
                broken(m, "a backslash that escapes no special character", out, i);
            n = 2;
            dots = 0;
            digits = first = 0;
            continue;
        }
        if (cp < 0x80 && strchr(BG_TYPST_SPECIAL, (int)cp))
            broken(m, "a special character not escaped", out, i);
        if (first && (cp == '(' || cp == '.'))
            broken(m, "a leading '(' or '.' not escaped", out, i);
        if (cp == '.' && digits && !first)
            broken(m, "the '.' of a list number not escaped", out, i);
        dots = cp == '.' ? dots + 1 : 0;
        if (dots == 3)
            broken(m, "three unescaped dots (an ellipsis)", out, i);
        if (cp != ' ')
            first = 0;
        digits = digits && ((cp >= '0' && cp <= '9') || (cp == ' ' && first));
    }
    /* Nothing but white space, controls and broken bytes is dropped or changed:
     * every ASCII letter and digit of the input is in the output, in order. */
    size_t o = 0;
    for (size_t i = 0; i < size; i++) {
        if (!((in[i] >= 'a' && in[i] <= 'z') || (in[i] >= 'A' && in[i] <= 'Z') || (in[i] >= '0' && in[i] <= '9')))
            continue;
        while (out[o] && out[o] != (char)in[i])
            o++;
        if (!out[o])
            broken(m, "an ASCII letter or digit of the input went missing", out, o);
        o++;
    }
}

static void check_string(const char *out) {
    const char *m = "string";
    size_t len = strlen(out);
    if (len < 2 || out[0] != '"' || out[len - 1] != '"')
        broken(m, "not quoted", out, 0);
    for (size_t i = 1, n; i < len - 1; i += n) {
        long cp = code_point(m, out, i, &n);
        if (forbidden(cp))
            broken(m, "a newline or control character", out, i);
        if (cp == '"')
            broken(m, "an unescaped quote ends the string early", out, i);
        if (cp == '\\') {
            if (i + 1 >= len - 1 || (out[i + 1] != '\\' && out[i + 1] != '"'))
                broken(m, "a backslash that starts no \\\\ or \\\"", out, i);
            n = 2;
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *out = bg_typst_escape((const char *)data, size, BG_TYPST_MARKUP);
    if (!out)
        return 0;
    check_markup(out, data, size);
    free(out);
    out = bg_typst_escape((const char *)data, size, BG_TYPST_STRING);
    if (!out)
        return 0;
    check_string(out);
    free(out);
    return 0;
}
