/* fuzz_locale — libFuzzer target: locale files and their MessageFormat messages.
 *
 * The first byte of an input picks what the rest is:
 *   even  a whole locale file: written as uk.xlf beside the bundled en.xlf, loaded
 *         as the locale "uk" (bg_l10n_locale), every key formatted with numbers
 *         and texts, and judged by `briefgen l10n check` (bg_l10n_check);
 *   odd   one message text: put into a copy of uk.xlf as the message
 *         "votes.count", loaded and formatted, and read by bg_l10n_message_shape
 *         as the catalogue tools read it.
 * Files go to a private temporary folder, made once and removed at exit.
 *
 * Seeds: fuzz/corpus/locale/ (the bundled and test locale files, broken ones, and
 * message texts with plurals, selects and nesting). */
#include "cli.h"
#include "fuzz_common.h"
#include "l10n.h"
#include "l10n_check.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[PATH_MAX];
static char uk_path[PATH_MAX + 16];
static char *uk_head, *uk_tail; /* uk.xlf around the text of votes.count */

/* Every key of the root catalogue, and a few that do not exist. */
static const char *keys[] = {"locale.format",
                             "votes.count",
                             "municipalities.count",
                             "prepared-by",
                             "recommendation.position",
                             "place.with-oblast",
                             "quote.attribution",
                             "network.count",
                             "heading.findings",
                             "recommendation.findings",
                             "no.such.key",
                             "",
                             NULL};

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n + 4096 > cap) {
            char *grown = realloc(buf, cap = cap * 2 + 4096);
            if (!grown)
                abort();
            buf = grown;
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
    } while (got > 0);
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static void write_file(const char *path, const void *data, size_t len) {
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
        abort();
}

static void remove_dir(void) {
    char p[PATH_MAX + 16];
    snprintf(p, sizeof p, "%s/en.xlf", dir);
    unlink(p);
    unlink(uk_path);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc, (void)argv;
    fuzz_setup_libraries();
    snprintf(dir, sizeof dir, "%s/briefgen-fuzz-locale.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir))
        abort();
    atexit(remove_dir);
    snprintf(uk_path, sizeof uk_path, "%s/uk.xlf", dir);
    char src[PATH_MAX], dst[PATH_MAX + 16];
    size_t len;
    bg_cli_data_path(src, sizeof src, "locales/en.xlf");
    char *en = read_file(src, &len);
    bg_cli_data_path(src, sizeof src, "locales/uk.xlf");
    size_t uk_len;
    char *uk = read_file(src, &uk_len);
    if (!en || !uk) {
        fprintf(stderr, "fuzz_locale: no locales/en.xlf or uk.xlf under %s\n", bg_cli_datadir());
        exit(2);
    }
    snprintf(dst, sizeof dst, "%s/en.xlf", dir);
    write_file(dst, en, len);
    free(en);
    /* Split uk.xlf at the target of votes.count. */
    char *unit = strstr(uk, "id=\"votes.count\"");
    char *open = unit ? strstr(unit, "<target") : NULL;
    open = open ? strchr(open, '>') : NULL;
    char *close = open ? strstr(open, "</target>") : NULL;
    if (!close)
        abort();
    uk_head = strndup(uk, (size_t)(open + 1 - uk));
    uk_tail = strdup(close);
    free(uk);
    return 0;
}

/* Format every key with numbers and texts, and the other things a locale does. */
static void exercise(bg_locale *loc, bg_l10n *l10n) {
    static const double numbers[] = {0, 1, 2, 5, 21, 1.5, -3, 1e300, NAN};
    for (int k = 0; keys[k]; k++) {
        for (int nargs = 0; nargs <= 3; nargs++) {
            for (size_t n = 0; n < sizeof numbers / sizeof *numbers; n += 4) {
                bg_arg args[3] = {{BG_ARG_NUMBER, numbers[n], NULL},
                                  {BG_ARG_STRING, 0, "Київ"},
                                  {BG_ARG_NUMBER, numbers[(n + 1) % 9], NULL}};
                free(bg_locale_message(loc, keys[k], args, nargs));
                args[0] = (bg_arg){BG_ARG_STRING, 0, "{0}'#"};
                free(bg_locale_message(loc, keys[k], args, nargs));
            }
        }
    }
    free(bg_locale_date(loc, 2025, 3, 14));
    free(bg_locale_number(loc, 1234567.5));
    const char *items[] = {"Київ", "Львів", "Харків"};
    free(bg_locale_list(loc, items, 3));
    free(bg_locale_autonym(loc, "uk"));
    (void)l10n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1 || size > 256UL * 1024)
        return -1;
    bg_diag_capture c;
    fuzz_quiet_begin(&c);
    int message_mode = data[0] & 1;
    const char *body = (const char *)data + 1;
    size_t len = size - 1;
    if (message_mode) {
        /* The text, escaped for XML so it reaches ICU as written, between the head
         * and the tail of uk.xlf. */
        char *text = malloc(len + 1);
        FILE *f = fopen(uk_path, "wb");
        if (!text || !f)
            abort();
        fputs(uk_head, f);
        for (size_t i = 0; i < len; i++) {
            char ch = body[i] == '\0' ? ' ' : body[i]; // NOLINT(bugprone-narrowing-conversions): both are chars
            text[i] = ch;
            if (ch == '<')
                fputs("&lt;", f);
            else if (ch == '&')
                fputs("&amp;", f);
            else if (ch == '>')
                fputs("&gt;", f);
            else
                fputc(ch, f);
        }
        text[len] = '\0';
        fputs(uk_tail, f);
        if (fclose(f) != 0)
            abort();
        bg_msg_shape_free(bg_l10n_message_shape(uk_path, 1, "votes.count", text, "uk"));
        free(text);
    } else {
        write_file(uk_path, body, len);
    }
    bg_l10n *l10n = bg_l10n_new(dir);
    bg_locale *loc = l10n ? bg_l10n_locale(l10n, "uk") : NULL;
    if (loc)
        exercise(loc, l10n);
    bg_l10n_free(l10n);
    if (!message_mode) {
        const char *langs[] = {"uk"};
        bg_l10n_check(dir, langs, 1);
    }
    fuzz_quiet_end(&c);
    return 0;
}
