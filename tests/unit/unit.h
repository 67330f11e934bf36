/* unit — what every C unit test in tests/unit/ shares: the checks, their count and
 * the closing line.
 *
 * A test file is a list of checks, each named for the behaviour it checks, so that a
 * failure reads as the rule that broke:
 *
 *     check("an edit changes only the bytes of its span", memcmp(a, b, n) == 0);
 *     check_str("bg_trimmed drops the white space at both ends", bg_trimmed(" a "), "a");
 *
 * A check that holds is counted; one that fails prints "FAIL NAME: DETAIL" and is
 * counted too.  main() ends with `return unit_end();`, which prints the closing
 * "N passed, N failed" (", N skipped" after unit_skip) that tests/run reads and adds to its totals, and returns the
 * exit status (1 when any check failed).  Each test binary is run as
 * `build/test_NAME locales` from the top of the repository (tests/run).
 *
 * Memory rule: check_str and check_mem free the `got` they are given (it may be NULL).
 */
#ifndef BG_TEST_UNIT_H
#define BG_TEST_UNIT_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_passed, unit_failed, unit_skipped;

static inline void unit_pass(void) { unit_passed++; }

/* A part that cannot run here (a tool or module not installed): "skip WHAT (WHY)",
 * counted; tests/run shows the line and adds the count to its skips. */
static inline void unit_skip(const char *what, const char *why) {
    unit_skipped++;
    printf("skip %s (%s)\n", what, why);
}

/* One failed check: "FAIL what: detail" (detail printf-like; a detail that starts
 * with a newline goes on the lines below). */
__attribute__((format(printf, 2, 3))) static inline void unit_fail(const char *what, const char *fmt, ...) {
    va_list ap;
    unit_failed++;
    printf("FAIL %s:%s", what, fmt[0] == '\n' ? "" : " ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

/* `ok` should be true. */
static inline void check(const char *what, int ok) {
    if (ok)
        unit_pass();
    else
        unit_fail(what, "not so");
}

/* `got` should be `want`. */
static inline void check_int(const char *what, long got, long want) {
    if (got == want)
        unit_pass();
    else
        unit_fail(what, "got %ld, want %ld", got, want);
}

/* `got` (freed here) should equal `want`; want NULL means "should fail" (got NULL). */
static inline void check_str(const char *what, char *got, const char *want) {
    if (!want && !got)
        unit_pass();
    else if (!want)
        unit_fail(what, "got \"%s\", want failure", got);
    else if (!got)
        unit_fail(what, "got failure, want \"%s\"", want);
    else if (strcmp(got, want) != 0)
        unit_fail(what, "\n  got  \"%s\"\n  want \"%s\"", got, want);
    else
        unit_pass();
    free(got);
}

/* `got_len` bytes at `got` (freed here) should be the `want_len` bytes at `want`:
 * for text that may hold NUL bytes, or when a length is part of the result. */
static inline void check_mem(const char *what, char *got, size_t got_len, const char *want, size_t want_len) {
    if (!got)
        unit_fail(what, "got failure, want \"%.*s\"", (int)want_len, want);
    else if (got_len != want_len || memcmp(got, want, want_len) != 0)
        unit_fail(what, "\n  got  \"%.*s\" (%zu bytes)\n  want \"%.*s\" (%zu bytes)", (int)got_len, got, got_len,
                  (int)want_len, want, want_len);
    else
        unit_pass();
    free(got);
}

/* `text` should contain `want`. */
static inline void check_contains(const char *what, const char *text, const char *want) {
    if (text && strstr(text, want))
        unit_pass();
    else
        unit_fail(what, "\n  \"%s\"\n  lacks \"%s\"", text ? text : "", want);
}

/* The closing line (", N skipped" when some were); the exit status. */
static inline int unit_end(void) {
    if (unit_skipped)
        printf("%d passed, %d failed, %d skipped\n", unit_passed, unit_failed, unit_skipped);
    else
        printf("%d passed, %d failed\n", unit_passed, unit_failed);
    return unit_failed ? 1 : 0;
}

#endif
