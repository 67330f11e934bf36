/* buf — see buf.h. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Room for 'n' more bytes and the NUL; 0, or -1 (and b->failed) when out of memory. */
static int reserve(bg_buf *b, size_t n) {
    if (b->failed)
        return -1;
    if (n >= (size_t)-1 - b->len) { /* len + n + 1 would wrap around */
        b->failed = 1;
        return -1;
    }
    if (b->len + n + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1) {
        if (cap > (size_t)-1 / 2) {
            b->failed = 1;
            return -1;
        }
        cap *= 2;
    }
    char *grown = realloc(b->s, cap);
    if (!grown) {
        b->failed = 1;
        return -1;
    }
    b->s = grown;
    b->cap = cap;
    return 0;
}

void bg_buf_add(bg_buf *b, const char *s, size_t n) {
    if (reserve(b, n) != 0)
        return;
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void bg_buf_puts(bg_buf *b, const char *s) { bg_buf_add(b, s, strlen(s)); }

void bg_buf_printf(bg_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || reserve(b, (size_t)n) != 0)
        return;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* The code point of the UTF-8 sequence at 's' (at most 'n' bytes) and its length
 * in *len; a byte that starts no valid sequence is returned as itself, length 1. */
static unsigned long next_char(const unsigned char *s, size_t n, size_t *len) {
    if (s[0] < 0x80 || n < 2) {
        *len = 1;
        return s[0];
    }
    if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
        *len = 2;
        return ((unsigned long)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if ((s[0] & 0xF0) == 0xE0 && n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *len = 3;
        return ((unsigned long)(s[0] & 0x0F) << 12) | ((unsigned long)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    *len = 1;
    return s[0];
}

/* Characters that look like nothing, or like an ordinary space. */
static int is_invisible(unsigned long c) {
    return c == 0xA0 || c == 0xAD || c == 0x2007 || c == 0x2009 || c == 0x200A || (c >= 0x200B && c <= 0x200F) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x2060 || c == 0xFEFF;
}

void bg_buf_add_xml(bg_buf *b, const char *s, size_t n, int attribute) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, plain = 0; /* u[plain..i) is waiting to be copied */
    while (i < n) {
        size_t len;
        unsigned long c = next_char(u + i, n - i, &len);
        const char *esc = NULL;
        char ref[16];
        if (c == '&')
            esc = "&amp;";
        else if (c == '<')
            esc = "&lt;";
        else if (c == '>')
            esc = "&gt;";
        else if (attribute && c == '"')
            esc = "&quot;";
        else if (attribute && (c == '\t' || c == '\n' || c == '\r'))
            esc = c == '\t' ? "&#9;" : c == '\n' ? "&#10;" : "&#13;";
        else if (is_invisible(c) && len > 1) {
            snprintf(ref, sizeof ref, "&#%lu;", c);
            esc = ref;
        }
        if (esc) {
            bg_buf_add(b, s + plain, i - plain);
            bg_buf_puts(b, esc);
            plain = i + len;
        }
        i += len;
    }
    bg_buf_add(b, s + plain, n - plain);
}

/* The JSON string of `s`; with `html` also < > & as \u003c \u003e \u0026. */
static void add_json(bg_buf *b, const char *s, int html) {
    const unsigned char *u = (const unsigned char *)s;
    bg_buf_add(b, "\"", 1);
    size_t plain = 0, i = 0;
    while (u[i]) {
        const char *esc = NULL;
        char hex[8];
        size_t len = 1;
        unsigned char c = u[i];
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\t')
            esc = "\\t";
        else if (c == '\r')
            esc = "\\r";
        else if (c == '\b')
            esc = "\\b";
        else if (c == '\f')
            esc = "\\f";
        else if (c < 0x20 || c == 0x7F || (html && (c == '<' || c == '>' || c == '&'))) {
            snprintf(hex, sizeof hex, "\\u%04x", c);
            esc = hex;
        } else if (c == 0xE2 && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)) {
            esc = u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
            len = 3;
        }
        if (esc) {
            bg_buf_add(b, s + plain, i - plain);
            bg_buf_puts(b, esc);
            plain = i + len;
        }
        i += len;
    }
    bg_buf_add(b, s + plain, i - plain);
    bg_buf_add(b, "\"", 1);
}

void bg_buf_add_json(bg_buf *b, const char *s) { add_json(b, s, 0); }
void bg_buf_add_json_html(bg_buf *b, const char *s) { add_json(b, s, 1); }

char *bg_buf_take(bg_buf *b) {
    if (b->failed) {
        bg_buf_free(b);
        return NULL;
    }
    char *s = b->s ? b->s : calloc(1, 1);
    memset(b, 0, sizeof *b);
    return s;
}

void bg_buf_free(bg_buf *b) {
    if (!b)
        return;
    free(b->s);
    memset(b, 0, sizeof *b);
}

char *bg_trimmed(const char *s) {
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    return strndup(s, n);
}

/* ---- lists of strings --------------------------------------------------------------- */

void bg_strv_add(bg_strv *s, const char *text, size_t len) {
    char **grown = realloc(s->v, sizeof *grown * (size_t)(s->n + 1));
    if (!grown)
        return;
    s->v = grown;
    if ((s->v[s->n] = strndup(text, len)) != NULL)
        s->n++;
}

void bg_strv_add_lines(bg_strv *s, const char *text) {
    while (text && *text) {
        size_t len = strcspn(text, "\n");
        if (len)
            bg_strv_add(s, text, len);
        text += len;
        if (*text)
            text++;
    }
}

void bg_strv_add_all(bg_strv *s, const bg_strv *from) {
    for (int i = 0; i < from->n; i++)
        bg_strv_add(s, from->v[i], strlen(from->v[i]));
}

void bg_strv_clear(bg_strv *s) {
    for (int i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    s->v = NULL;
    s->n = 0;
}

int bg_strv_equal(const bg_strv *a, const bg_strv *b) {
    if (a->n != b->n)
        return 0;
    for (int i = 0; i < a->n; i++)
        if (strcmp(a->v[i], b->v[i]) != 0)
            return 0;
    return 1;
}

void bg_str_squeeze_space(char *s) {
    char *w = s;
    int space = 0;
    for (char *r = s; *r; r++) {
        if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
            space = w != s;
        } else {
            if (space)
                *w++ = ' ';
            space = 0;
            *w++ = *r;
        }
    }
    *w = '\0';
}
