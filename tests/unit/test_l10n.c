/* test_l10n — the l10n module, case by case.
 *
 *     build/test_l10n [LOCALES_DIR [FIXTURES_DIR]]
 *
 * LOCALES_DIR defaults to "locales" (the bundled catalogues), FIXTURES_DIR to
 * "tests/unit/fixtures" (small catalogues made for these tests: fallback/ holds a
 * root and partial translations, bad/ one broken file per kind of mistake).
 * Prints one line per failed case and then "N passed, N failed"; exits 1 if any
 * failed.  Expected strings spell out invisible characters: \u00a0 is a no-break
 * space, \u202f a narrow no-break space.
 */
#include "diag.h"
#include "l10n.h"
#include "unit.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uclean.h>
#include <unistd.h>

/* Diagnostics go to stderr; tests that look at them capture it in a temporary file. */
static FILE *captured;
static int saved_stderr = -1;

static void capture_begin(void) {
    fflush(stderr);
    captured = tmpfile();
    saved_stderr = dup(2);
    if (!captured || saved_stderr < 0 || dup2(fileno(captured), 2) < 0) {
        perror("test_l10n: capture stderr");
        exit(2);
    }
}

/* Everything written to stderr since capture_begin, in a new string. */
static char *capture_end(void) {
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    long n = ftell(captured);
    char *text = calloc(1, n > 0 ? (size_t)n + 1 : 1);
    rewind(captured);
    if (text && n > 0 && fread(text, 1, (size_t)n, captured) != (size_t)n)
        text[0] = '\0';
    fclose(captured);
    return text;
}

static int occurrences(const char *text, const char *word) {
    int n = 0;
    for (const char *p = text; p && (p = strstr(p, word)) != NULL; p += strlen(word))
        n++;
    return n;
}

static bg_arg num(double n) { return (bg_arg){.kind = BG_ARG_NUMBER, .num = n}; }
static bg_arg str(const char *s) { return (bg_arg){.kind = BG_ARG_STRING, .str = s}; }

/* ------------------------------------------------------------------------------- */
/* Plurals in the bundled catalogues: CLDR categories one/few/many/other for uk. */

static const struct {
    const char *lang, *key;
    double n;
    const char *want;
} plural_cases[] = {
    {"uk", "votes.count", 1, "1\u00a0голос"},
    {"uk", "votes.count", 3, "3\u00a0голоси"},
    {"uk", "votes.count", 21, "21\u00a0голос"},
    {"uk", "votes.count", 22, "22\u00a0голоси"},
    {"uk", "votes.count", 25, "25\u00a0голосів"},
    {"uk", "votes.count", 11, "11\u00a0голосів"},
    {"uk", "votes.count", 0, "0\u00a0голосів"},
    {"uk", "votes.count", 111, "111\u00a0голосів"},
    {"uk", "votes.count", 1234, "1\u00a0234\u00a0голоси"}, /* grouping: U+00A0 too */
    {"uk", "votes.count", 1.5, "1,5\u00a0голосу"},
    {"en", "votes.count", 1, "1\u00a0vote"},
    {"en", "votes.count", 25, "25\u00a0votes"},
    {"en", "votes.count", 1234, "1,234\u00a0votes"},
    {"uk", "municipalities.count", 1, "1\u00a0громада"},
    {"uk", "municipalities.count", 2, "2\u00a0громади"},
    {"uk", "municipalities.count", 16, "16\u00a0громад"},
    {"uk", "municipalities.count", 21, "21\u00a0громада"},
    {"en", "municipalities.count", 1, "1\u00a0municipality"},
    {"en", "municipalities.count", 16, "16\u00a0municipalities"},
};

/* Long dates, Gregorian, in UTC.  ICU 72 puts U+202F (narrow no-break space)
 * before the Ukrainian "р." (рік, year). */
static const struct {
    const char *lang;
    int y, m, d;
    const char *want; /* NULL: not a date, refused */
} date_cases[] = {
    {"uk", 2025, 3, 14, "14 березня 2025\u202fр."},
    {"en", 2025, 3, 14, "14 March 2025"},
    {"uk", 2024, 2, 29, "29 лютого 2024\u202fр."},
    {"en", 2024, 12, 1, "1 December 2024"},
    {"uk", 2025, 2, 29, NULL},
    {"en", 2025, 13, 1, NULL},
    {"en", 2025, 4, 0, NULL},
};

static const struct {
    const char *lang;
    double n;
    const char *want;
} number_cases[] = {
    {"uk", 1234567.5, "1\u00a0234\u00a0567,5"},
    {"en", 1234567.5, "1,234,567.5"},
    {"uk", 0.25, "0,25"},
    {"en", -1234, "-1,234"},
    {"uk", 42, "42"},
};

static const char *const cities_uk[] = {"Київ", "Львів", "Харків"};
static const char *const cities_en[] = {"Kyiv", "Lviv", "Kharkiv"};

/* en_GB: no serial (Oxford) comma. */
static const struct {
    const char *lang;
    const char *const *items;
    int n;
    const char *want;
} list_cases[] = {
    {"uk", cities_uk, 3, "Київ, Львів і Харків"},
    {"en", cities_en, 3, "Kyiv, Lviv and Kharkiv"},
    {"uk", cities_uk, 2, "Київ і Львів"},
    {"uk", cities_uk, 1, "Київ"},
    {"en", cities_en, 0, ""},
};

/* Slugs: Ukrainian by resolution No. 55 (2010); the resolution's own examples are
 * marked.  After an apostrophe the next letter takes its in-word spelling
 * (Мар'їне -> Marine in the resolution), so Подвір'ївка -> podvirivka. */
static const struct {
    const char *in, *want;
} slug_cases[] = {
    {"Громадська участь", "hromadska-uchast"},
    {"Запоріжжя", "zaporizhzhia"}, /* resolution */
    {"Київ", "kyiv"},              /* resolution */
    {"Єнакієве", "yenakiieve"},    /* resolution */
    {"Знам'янка", "znamianka"},    /* resolution */
    {"Знам\u2019янка", "znamianka"},
    {"Знам\u02bcянка", "znamianka"},
    {"Згорани", "zghorany"}, /* resolution */
    {"Розгон", "rozghon"},   /* resolution */
    {"ЗГОРАНИ", "zghorany"},
    {"Ключові висновки", "kliuchovi-vysnovky"},
    {"Key findings", "key-findings"},
    {"Харків", "kharkiv"},
    {"Їжакевич", "yizhakevych"}, /* resolution */
    {"Кадиївка", "kadyivka"},    /* resolution */
    {"Мар'їне", "marine"},       /* resolution */
    {"Подвір'ївка", "podvirivka"},
    {"Щастя", "shchastia"},
    {"Юрій", "yurii"},                      /* resolution */
    {"Олексій", "oleksii"},                 /* resolution */
    {"Йосипівка", "yosypivka"},             /* resolution */
    {"Стрий", "stryi"},                     /* resolution */
    {"Гаєвич", "haievych"},                 /* resolution */
    {"Короп'є", "koropie"},                 /* resolution */
    {"Ґалаґан", "galagan"},                 /* resolution */
    {"Русь", "rus"},                        /* resolution */
    {"Олекс\u0456\u0438\u0306", "oleksii"}, /* й written as и + combining breve */
    {"2025: Громадська участь!", "2025-hromadska-uchast"},
    {"  --Hello,   World!! ", "hello-world"},
    {"Café déjà vu", "cafe-deja-vu"},
    {"", "section"},
    {"!!! ???", "section"},
};

/* A Ukrainian word list in ICU "uk" order: г < ґ, е < є, и < і < ї < й, the
 * apostrophe ignored (мавпа < м'ята), case secondary, Cyrillic before Latin. */
static const char *const uk_sorted[] = {
    "абетка", "гора", "ґава",  "ера",   "єнот", "иній",  "ірис",  "Ірпінь",
    "їжак",   "йод",  "мавпа", "м'ята", "ящик", "apple", "Zebra",
};

static const struct {
    const char *code, *want;
} autonym_cases[] = {
    {"uk", "Українська"}, {"en", "English"}, {"pl", "Polski"}, {"nb", "Norsk bokmål"}, {"xx", "xx"},
};

/* Catalogues with one mistake each (tests/unit/fixtures/bad): the load fails and
 * stderr names the file, the line of the trans-unit, and the problem. */
static const struct {
    const char *lang;
    const char *want[3];
} bad_cases[] = {
    {"named",
     {"bad/named.xlf:6: error: message 'votes.count' uses a named argument {count}; use numbered arguments {0}, {1}, "
      "…"}},
    {"syntax",
     {"bad/syntax.xlf:7: error: message 'votes.count' is not valid ICU MessageFormat: syntax error at character"}},
    {"noother",
     {"bad/noother.xlf:6: error: message 'votes.count' is not valid ICU MessageFormat: a plural or select has no "
      "'other' "
      "case"}},
    {"dupid", {"bad/dupid.xlf:8: error: duplicate trans-unit id 'greeting' (first at line 6)"}},
    {"noid", {"bad/noid.xlf:6: error: trans-unit without an id"}},
    {"inline", {"bad/inline.xlf:6: error: message 'greeting' contains markup <g>; write plain text"}},
    {"integer", {"bad/integer.xlf:6: error: message 'votes.count' uses {0,number,integer}"}},
    {"conflict", {"bad/conflict.xlf:6: error: message 'votes.count' uses one argument both as a number and as text"}},
    {"toomany", {"bad/toomany.xlf:6: error: message 'greeting' uses {8}; at most 8 arguments are supported"}},
    {"several",
     {"bad/several.xlf:6: error: message 'a' uses a named argument {name}",
      "bad/several.xlf:7: error: message 'b' is not valid ICU MessageFormat: unmatched braces",
      "bad/several.xlf:8: error: message 'c' uses a named argument {who}"}},
    {"broken",
     {"bad/broken.xlf:5: error: </source> does not match <target>, opened at line 5: an element ends with its own "
      "name; correct the end tag, or add the missing </target> before it"}},
    {"wrongns", {"bad/wrongns.xlf:2: error: not an XLIFF 1.2 file"}},
    {"badver", {"bad/badver.xlf:2: error: XLIFF version '1.1' is not supported"}},
    {"entity", {"bad/entity.xlf: error: the DOCTYPE declares entities; locale files may not"}},
    {"xxe", {"bad/xxe.xlf: error: the DOCTYPE declares entities; locale files may not"}},
    {"nope", {"bad/nope.xlf: error: no locale file for \"nope\" (this folder has: "}},
};

/* ------------------------------------------------------------------------------- */

static void test_bundled(const char *dir) {
    char what[256];
    bg_l10n *l10n = bg_l10n_new(dir);
    check("bg_l10n_new", l10n != NULL);
    if (!l10n)
        return;
    check("bg_l10n_dir", strcmp(bg_l10n_dir(l10n), dir) == 0);
    int errors = bg_diag_errors(), warnings = bg_diag_warnings();
    bg_locale *uk = bg_l10n_locale(l10n, "uk"), *en = bg_l10n_locale(l10n, "en");
    check("bundled uk loads", uk != NULL);
    check("bundled en loads", en != NULL);
    check("bundled catalogues load without diagnostics", bg_diag_errors() == errors && bg_diag_warnings() == warnings);
    if (!uk || !en) {
        bg_l10n_free(l10n);
        return;
    }
    check("a locale is loaded once", bg_l10n_locale(l10n, "uk") == uk);
    check("bg_locale_lang", strcmp(bg_locale_lang(uk), "uk") == 0);

    for (size_t i = 0; i < sizeof plural_cases / sizeof *plural_cases; i++) {
        bg_locale *loc = strcmp(plural_cases[i].lang, "uk") == 0 ? uk : en;
        bg_arg a = num(plural_cases[i].n);
        snprintf(what, sizeof what, "%s %s %g", plural_cases[i].lang, plural_cases[i].key, plural_cases[i].n);
        check_str(what, bg_locale_message(loc, plural_cases[i].key, &a, 1), plural_cases[i].want);
    }
    bg_arg s25 = str("25");
    check_str("uk votes.count with the text \"25\"", bg_locale_message(uk, "votes.count", &s25, 1), "25\u00a0голосів");

    for (size_t i = 0; i < sizeof date_cases / sizeof *date_cases; i++) {
        bg_locale *loc = strcmp(date_cases[i].lang, "uk") == 0 ? uk : en;
        snprintf(what, sizeof what, "%s date %04d-%02d-%02d", date_cases[i].lang, date_cases[i].y, date_cases[i].m,
                 date_cases[i].d);
        capture_begin();
        char *got = bg_locale_date(loc, date_cases[i].y, date_cases[i].m, date_cases[i].d);
        free(capture_end());
        check_str(what, got, date_cases[i].want);
    }
    for (size_t i = 0; i < sizeof number_cases / sizeof *number_cases; i++) {
        bg_locale *loc = strcmp(number_cases[i].lang, "uk") == 0 ? uk : en;
        snprintf(what, sizeof what, "%s number %g", number_cases[i].lang, number_cases[i].n);
        check_str(what, bg_locale_number(loc, number_cases[i].n), number_cases[i].want);
    }
    for (size_t i = 0; i < sizeof list_cases / sizeof *list_cases; i++) {
        bg_locale *loc = strcmp(list_cases[i].lang, "uk") == 0 ? uk : en;
        snprintf(what, sizeof what, "%s list of %d", list_cases[i].lang, list_cases[i].n);
        check_str(what, bg_locale_list(loc, list_cases[i].items, list_cases[i].n), list_cases[i].want);
    }
    for (size_t i = 0; i < sizeof slug_cases / sizeof *slug_cases; i++) {
        snprintf(what, sizeof what, "slug \"%s\"", slug_cases[i].in);
        check_str(what, bg_l10n_slug(l10n, slug_cases[i].in), slug_cases[i].want);
    }
    for (size_t i = 0; i < sizeof autonym_cases / sizeof *autonym_cases; i++) {
        snprintf(what, sizeof what, "autonym %s", autonym_cases[i].code);
        check_str(what, bg_locale_autonym(uk, autonym_cases[i].code), autonym_cases[i].want);
    }

    /* Collation: each neighbour pair in order, then a shuffled list sorted back. */
    size_t n = sizeof uk_sorted / sizeof *uk_sorted;
    for (size_t i = 0; i + 1 < n; i++) {
        snprintf(what, sizeof what, "uk collation \"%s\" < \"%s\"", uk_sorted[i], uk_sorted[i + 1]);
        check(what, bg_l10n_collate(l10n, "uk", uk_sorted[i], uk_sorted[i + 1]) < 0 &&
                        bg_l10n_collate(l10n, "uk", uk_sorted[i + 1], uk_sorted[i]) > 0);
    }
    check("uk collation ignores the apostrophe", bg_l10n_collate(l10n, "uk", "м'ята", "мята") == 0);
    const char *list[sizeof uk_sorted / sizeof *uk_sorted];
    for (size_t i = 0; i < n; i++)
        list[i] = uk_sorted[(i * 7 + 3) % n]; /* 7 is prime to 15: a permutation */
    for (size_t i = 1; i < n; i++) {
        const char *x = list[i];
        size_t k = i;
        for (; k > 0 && bg_l10n_collate(l10n, "uk", list[k - 1], x) > 0; k--)
            list[k] = list[k - 1];
        list[k] = x;
    }
    int same = 1;
    for (size_t i = 0; i < n; i++)
        same &= strcmp(list[i], uk_sorted[i]) == 0;
    check("uk collation sorts a shuffled list", same);
    /* ICU's root order would put ґ with г (as an accented г): the uk collator does not. */
    check("uk collation: ґ is a letter of its own", bg_l10n_collate(l10n, "uk", "ґа", "гб") > 0);

    bg_l10n_free(l10n);
}

static void test_fallback(const char *fixtures) {
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/fallback", fixtures);
    bg_l10n *l10n = bg_l10n_new(dir);
    /* Keys the locale lacks are reported when it loads, once each, in en.xlf's
     * order: the same words whichever brief is rendered first. */
    int load_warnings = bg_diag_warnings();
    capture_begin();
    bg_locale *en = bg_l10n_locale(l10n, "en"), *pl = bg_l10n_locale(l10n, "pl");
    char *load_err = capture_end();
    check("fixture en loads", en != NULL);
    check("fixture pl loads", pl != NULL);
    check_contains("fallback warning at load", load_err,
                   "fallback/pl.xlf: warning: no message 'items.count' in this locale, using English");
    check("the warning is printed once", occurrences(load_err, "'items.count'") == 1);
    check("empty <target/> is reported as missing", occurrences(load_err, "'of'") == 1);
    int missing_keys = bg_diag_warnings() - load_warnings;
    check("some keys are missing", missing_keys > 3);
    free(load_err);
    if (!en || !pl) {
        bg_l10n_free(l10n);
        return;
    }

    /* Arguments: each converted to what the pattern reads at its position. */
    bg_arg a[8];
    a[0] = str("Оля");
    check_str("text argument", bg_locale_message(en, "greeting", a, 1), "Hello, Оля!");
    a[0] = num(1234);
    check_str("number for a plain {0}: locale digits", bg_locale_message(en, "greeting", a, 1), "Hello, 1,234!");
    check_str("pl number for a plain {0}", bg_locale_message(pl, "greeting", a, 1), "Cześć, 1\u00a0234!");
    a[0] = num(3), a[1] = num(10);
    check_str("two numbers", bg_locale_message(en, "of", a, 2), "3 of 10");
    a[0] = str("Оля"), a[1] = num(0);
    check_str("text + plural =0", bg_locale_message(en, "voted", a, 2), "Оля voted never");
    a[1] = num(1);
    check_str("text + plural one", bg_locale_message(en, "voted", a, 2), "Оля voted once");
    a[1] = str("5");
    check_str("text + plural from text \"5\"", bg_locale_message(en, "voted", a, 2), "Оля voted 5 times");
    a[0] = str("a"), a[1] = num(99), a[2] = str("c");
    check_str("unused argument number {1}", bg_locale_message(en, "gap", a, 3), "a and c");
    a[0] = str("female");
    check_str("select", bg_locale_message(en, "who", a, 1), "She voted");
    a[0] = str("robot");
    check_str("select other", bg_locale_message(en, "who", a, 1), "They voted");
    a[0] = num(1);
    check_str("select keyword from a number", bg_locale_message(en, "rank", a, 1), "gold");
    a[0] = num(5);
    check_str("select other with {0} inside", bg_locale_message(en, "rank", a, 1), "place 5");
    a[0] = str("Оля");
    check_str("lone apostrophe is literal", bg_locale_message(en, "place", a, 1), "Оля is near Znam'ianka");
    a[0] = str("X");
    check_str("quoted braces are text, not arguments", bg_locale_message(en, "quoted", a, 1),
              "Write {count} or {0} for X; it's fine");
    a[0] = num(0.25);
    check_str("{0, number, percent}", bg_locale_message(en, "share", a, 1), "25%");
    a[0] = num(2.6);
    check_str("{0, number, ::precision-integer}", bg_locale_message(en, "rounded", a, 1), "3");
    check_str("trans-unit inside a group", bg_locale_message(en, "grouped", NULL, 0), "In a group");
    a[0] = num(1);
    check_str("CDATA message", bg_locale_message(en, "cdata", a, 1), "a < b & 1");
    check_str("no arguments", bg_locale_message(en, "only.en", NULL, 0), "Only in English");
    a[1] = str("Оля");
    static const struct {
        double n;
        const char *want;
    } others[] = {{0, "nobody"}, {1, "Оля"}, {2, "Оля and 1 other"}, {4, "Оля and 3 others"}};
    for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
        a[0] = num(others[i].n);
        check_str("plural with offset:1", bg_locale_message(en, "others", a, 2), others[i].want);
    }
    a[0] = num(1);
    check_str("'#' quoted in a plural", bg_locale_message(en, "hash", a, 1), "#1: 1");
    a[0] = num(1500);
    check_str("'#' quoted, {0, number} nested", bg_locale_message(en, "hash", a, 1), "#1,500: 1,500");
    bg_arg eight[8] = {str("a"), num(1), str("c"), num(3), str("e"), num(5), str("g"), num(7)};
    check_str("eight arguments, mixed", bg_locale_message(en, "eight", eight, 8), "a/1/c/3/e/5/g/7");
    bg_arg swapped[8] = {num(1), str("2"), num(3), str("4"), num(5), str("6"), num(7), str("8")};
    check_str("eight arguments, each converted", bg_locale_message(en, "eight", swapped, 8), "1/2/3/4/5/6/7/8");

    /* Argument mistakes are the caller's: NULL, reported with the message's place. */
    int errors = bg_diag_errors();
    capture_begin();
    a[0] = num(3);
    char *few = bg_locale_message(en, "of", a, 1);
    a[0] = str("Оля"), a[1] = str("many");
    char *nan = bg_locale_message(en, "voted", a, 2);
    char *err = capture_end();
    check_str("too few arguments", few, NULL);
    check_contains("too few arguments: message", err,
                   "fallback/en.xlf:11: error: message 'of' uses {1} but was given 1 argument");
    check_str("text that is not a number for a plural", nan, NULL);
    check_contains("not a number: message", err,
                   "fallback/en.xlf:12: error: message 'voted' wants a number for {1}, not 'many'");
    check("argument errors counted", bg_diag_errors() == errors + 2);
    free(err);

    /* Polish plurals from the partial catalogue. */
    static const struct {
        double n;
        const char *want;
    } pl_votes[] = {
        {1, "1\u00a0głos"}, {2, "2\u00a0głosy"}, {5, "5\u00a0głosów"}, {22, "22\u00a0głosy"}, {1.5, "1,5\u00a0głosu"}};
    for (size_t i = 0; i < sizeof pl_votes / sizeof *pl_votes; i++) {
        char what[64];
        snprintf(what, sizeof what, "pl votes.count %g", pl_votes[i].n);
        a[0] = num(pl_votes[i].n);
        check_str(what, bg_locale_message(pl, "votes.count", a, 1), pl_votes[i].want);
    }

    /* Missing keys fall back to English (English digits and plural rules too), with
     * no further warning; an empty <target/> counts as missing. */
    int warnings = bg_diag_warnings();
    capture_begin();
    a[0] = num(1234);
    char *fb1 = bg_locale_message(pl, "items.count", a, 1);
    char *fb2 = bg_locale_message(pl, "items.count", a, 1);
    char *fb3 = bg_locale_message(pl, "only.en", NULL, 0);
    a[0] = num(3), a[1] = num(10);
    char *fb4 = bg_locale_message(pl, "of", a, 2);
    err = capture_end();
    check_str("fallback to the root", fb1, "1,234\u00a0items");
    check_str("fallback again", fb2, "1,234\u00a0items");
    check_str("fallback, no arguments", fb3, "Only in English");
    check_str("empty <target/> falls back", fb4, "3 of 10");
    check("no warning when a fallback is used", bg_diag_warnings() == warnings && occurrences(err, "warning") == 0);
    free(err);

    errors = bg_diag_errors();
    capture_begin();
    char *none = bg_locale_message(pl, "no.such.key", NULL, 0);
    err = capture_end();
    check_str("key missing from the root too", none, NULL);
    check_contains("missing key error", err, "fallback/en.xlf: error: no message 'no.such.key'");
    check("missing key is an error", bg_diag_errors() == errors + 1);
    free(err);

    /* No locale.format: a warning, and the file's language formats dates. */
    capture_begin();
    bg_locale *de = bg_l10n_locale(l10n, "de");
    err = capture_end();
    check("a catalogue without locale.format loads", de != NULL);
    check_contains("no locale.format warning", err,
                   "fallback/de.xlf: warning: no 'locale.format' unit; formatting dates and numbers for 'de'");
    free(err);
    if (de) {
        check_str("de date from the file name", bg_locale_date(de, 2025, 3, 14), "14. März 2025");
        a[0] = str("Welt");
        check_str("de message", bg_locale_message(de, "greeting", a, 1), "Hallo, Welt!");
    }
    check_str("pl autonym", bg_locale_autonym(pl, "pl"), "Polski");
    check_str("pl list", bg_locale_list(pl, cities_uk, 3), "Київ, Львів i Харків");
    bg_l10n_free(l10n);
}

static void test_bad(const char *fixtures) {
    char dir[1024], what[256];
    snprintf(dir, sizeof dir, "%s/bad", fixtures);
    bg_l10n *l10n = bg_l10n_new(dir);
    for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
        int errors = bg_diag_errors();
        capture_begin();
        bg_locale *loc = bg_l10n_locale(l10n, bad_cases[i].lang);
        char *err = capture_end();
        snprintf(what, sizeof what, "bad catalogue '%s' is refused", bad_cases[i].lang);
        check(what, loc == NULL && bg_diag_errors() > errors);
        for (int k = 0; k < 3 && bad_cases[i].want[k]; k++) {
            snprintf(what, sizeof what, "bad catalogue '%s': message %d", bad_cases[i].lang, k + 1);
            check_contains(what, err, bad_cases[i].want[k]);
        }
        free(err);
        /* A refused catalogue is reported once, not on every request. */
        errors = bg_diag_errors();
        capture_begin();
        loc = bg_l10n_locale(l10n, bad_cases[i].lang);
        free(capture_end());
        snprintf(what, sizeof what, "bad catalogue '%s': asked again, quietly NULL", bad_cases[i].lang);
        check(what, loc == NULL && bg_diag_errors() == errors);
    }

    /* A language tag is never a path. */
    capture_begin();
    bg_locale *up = bg_l10n_locale(l10n, "../en");
    char *err = capture_end();
    check("a path is not a language tag", up == NULL);
    check_contains("a path is not a language tag: message", err, "briefgen: error: '../en' is not a language tag");
    free(err);
    bg_l10n_free(l10n);

    /* Without a root catalogue nothing loads. */
    snprintf(dir, sizeof dir, "%s/none", fixtures);
    l10n = bg_l10n_new(dir);
    capture_begin();
    bg_locale *uk = bg_l10n_locale(l10n, "uk");
    err = capture_end();
    check("no root catalogue: refused", uk == NULL);
    check_contains("no root catalogue: message", err,
                   "none/en.xlf: error: cannot read locale file: No such file or directory");
    free(err);
    bg_l10n_free(l10n);
    bg_l10n_free(NULL);
}

int main(int argc, char **argv) {
    const char *locales = argc > 1 ? argv[1] : "locales";
    const char *fixtures = argc > 2 ? argv[2] : "tests/unit/fixtures";
    test_bundled(locales);
    test_fallback(fixtures);
    test_bad(fixtures);
    xmlCleanupParser();
    u_cleanup();
    return unit_end();
}
