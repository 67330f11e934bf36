/* l10n_icu — see l10n_icu.h. */
#include "l10n_icu.h"

#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uloc.h>
#include <unicode/ustring.h>

void l10n_out_of_memory(void) { bg_error(NULL, 0, "out of memory"); }

void l10n_bad_call(const char *fn) { bg_error(NULL, 0, "internal error: %s called without its arguments", fn); }

UChar *l10n_utf16_from(const char *s, int32_t *len) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    if (!s)
        s = "";
    u_strFromUTF8WithSub(NULL, 0, &n, s, -1, 0xFFFD, NULL, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
        return NULL;
    UChar *u = malloc(((size_t)n + 1) * sizeof *u);
    if (!u)
        return NULL;
    st = U_ZERO_ERROR;
    u_strFromUTF8WithSub(u, n + 1, &n, s, -1, 0xFFFD, NULL, &st);
    if (U_FAILURE(st)) {
        free(u);
        return NULL;
    }
    if (len)
        *len = n;
    return u;
}

char *l10n_utf8_from(const UChar *u, int32_t n, UErrorCode *st) {
    int32_t need = 0;
    UErrorCode pre = U_ZERO_ERROR;
    u_strToUTF8WithSub(NULL, 0, &need, u, n, 0xFFFD, NULL, &pre);
    if (pre != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(pre)) {
        *st = pre;
        return NULL;
    }
    char *s = malloc((size_t)need + 1);
    if (!s) {
        *st = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    u_strToUTF8WithSub(s, need + 1, &need, u, n, 0xFFFD, NULL, st);
    if (U_FAILURE(*st)) {
        free(s);
        return NULL;
    }
    s[need] = '\0';
    return s;
}

char *l10n_icu_to_utf8(l10n_icu_writer write, void *ctx, UErrorCode *st) {
    UChar stack[256];
    UChar *buf = stack;
    int32_t n = write(ctx, buf, (int32_t)(sizeof stack / sizeof *stack), st);
    if (*st == U_BUFFER_OVERFLOW_ERROR) {
        buf = malloc(((size_t)n + 1) * sizeof *buf);
        if (!buf) {
            *st = U_MEMORY_ALLOCATION_ERROR;
            return NULL;
        }
        *st = U_ZERO_ERROR;
        n = write(ctx, buf, n + 1, st);
    }
    UErrorCode conv = U_ZERO_ERROR; /* keeps the writer's warnings in *st */
    char *out = U_FAILURE(*st) ? NULL : l10n_utf8_from(buf, n, &conv);
    if (U_FAILURE(conv))
        *st = conv;
    if (buf != stack)
        free(buf);
    return out;
}

int l10n_valid_format_id(const char *s) {
    size_t n = strlen(s);
    if (n == 0 || n >= ULOC_FULLNAME_CAPACITY)
        return 0;
    return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-@=;.") == n;
}
