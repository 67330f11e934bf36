/* oblast — see oblast.h.  The closed list of municipality/@oblast and the check
 * that suggests a code for an oblast's name. */
#include "oblast.h"

#include "diag.h"

#include <dirent.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const bg_oblast_codes[BG_OBLAST_COUNT] = {
    "UA-05", "UA-07", "UA-09", "UA-12", "UA-14", "UA-18", "UA-21", "UA-23", "UA-26",
    "UA-30", "UA-32", "UA-35", "UA-40", "UA-43", "UA-46", "UA-48", "UA-51", "UA-53",
    "UA-56", "UA-59", "UA-61", "UA-63", "UA-65", "UA-68", "UA-71", "UA-74", "UA-77",
};

/* The most locale files read for a suggestion. */
#define MAX_LOCALES 64

int bg_oblast_is_code(const char *s) {
    for (int i = 0; s && i < BG_OBLAST_COUNT; i++)
        if (strcmp(s, bg_oblast_codes[i]) == 0)
            return 1;
    return 0;
}

/* Words of a slug that say what kind of place it is, not which: "oblast",
 * "obwód", "city of", "misto", "Autonomous Republic of" … */
static int is_generic(const char *w, size_t len) {
    static const char *const words[] = {
        "oblast", "oblasti", "obl",        "obwod",    "region",    "city",       "of",           "the",       "misto",
        "miasto", "m",       "autonomous", "republic", "avtonomna", "respublika", "autonomiczna", "republika", NULL};
    for (int i = 0; words[i]; i++)
        if (strlen(words[i]) == len && strncmp(w, words[i], len) == 0)
            return 1;
    return 0;
}

/* The length of word `w` without an adjective ending, transliterated: Ukrainian
 * "-ська", "-цька", "-зька" ("Zhytomyrska", "Donetska"), Polish "-ski", and the
 * "-sk" of a city's name ("Donetsk"), so that all of them meet at "donet". */
static size_t stem(const char *w, size_t len) {
    static const char *const endings[] = {"tskyi", "skyi", "zkyi", "tska", "ska", "zka",
                                          "ski",   "sky",  "tsk",  "sk",   NULL};
    for (int i = 0; endings[i]; i++) {
        size_t n = strlen(endings[i]);
        if (len >= n + 3 && strncmp(w + len - n, endings[i], n) == 0)
            return len - n;
    }
    return len;
}

/* The key two names are compared by: the ASCII slug of `text` (ICU: the Ukrainian
 * national transliteration, other scripts to Latin, lower case), without its
 * generic words and adjective endings, the words run together: "Житомирська
 * область", "Zhytomyr Oblast" and "zhytomyrska" all give "zhytomyr"; "UA-18" gives
 * "ua18".  0 and "" when nothing is left or the slug cannot be made. */
static size_t key_of(bg_l10n *l10n, const char *text, char *key, size_t size) {
    key[0] = '\0';
    char *slug = bg_l10n_slug(l10n, text);
    size_t used = 0;
    for (const char *p = slug ? slug : ""; *p;) {
        size_t len = strcspn(p, "-");
        if (len && !is_generic(p, len)) {
            size_t keep = stem(p, len);
            if (used + keep < size) {
                memcpy(key + used, p, keep);
                used += keep;
                key[used] = '\0';
            }
        }
        p += len + (p[len] == '-');
    }
    free(slug);
    return used;
}

int bg_oblast_suggest(bg_l10n *l10n, const char *const *locales, int nlocales, const char *value, const char **out,
                      int max) {
    char want[256], have[256];
    if (key_of(l10n, value, want, sizeof want) == 0)
        return 0;
    int n = 0;
    for (int c = 0; c < BG_OBLAST_COUNT && n < max; c++) {
        int match = key_of(l10n, bg_oblast_codes[c], have, sizeof have) && strcmp(want, have) == 0;
        char msg[64];
        snprintf(msg, sizeof msg, "oblast.%s", bg_oblast_codes[c]);
        for (int i = 0; i < nlocales && !match; i++) {
            bg_locale *loc = bg_l10n_locale(l10n, locales[i]);
            char *name = loc ? bg_locale_message(loc, msg, NULL, 0) : NULL;
            match = name && key_of(l10n, name, have, sizeof have) && strcmp(want, have) == 0;
            free(name);
        }
        if (match)
            out[n++] = bg_oblast_codes[c];
    }
    return n;
}

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The languages of the locale files in `dir` (LANG.xlf), sorted, into `langs`
 * (malloc'd strings the caller frees); how many. */
static int locale_langs(const char *dir, char **langs, int max) {
    int n = 0;
    DIR *d = opendir(dir ? dir : ".");
    if (!d)
        return 0;
    for (struct dirent *de; n < max && (de = readdir(d)) != NULL;) {
        size_t len = strlen(de->d_name);
        if (len > 4 && de->d_name[0] != '.' && strcmp(de->d_name + len - 4, ".xlf") == 0) {
            char *lang = strndup(de->d_name, len - 4);
            if (lang && bg_l10n_is_lang_tag(lang))
                langs[n++] = lang;
            else
                free(lang);
        }
    }
    closedir(d);
    qsort(langs, (size_t)n, sizeof *langs, compare_names);
    return n;
}

/* The catalogues a suggestion compares with, opened on the first wrong value. */
typedef struct names {
    const char *dir;
    bg_l10n *l10n;
    char *langs[MAX_LOCALES];
    int n;
} names;

/* "UA-18 (Zhytomyr Oblast)": the code with its English name, from the root. */
static void describe(names *s, const char *code, char *buf, size_t size) {
    char msg[64];
    snprintf(msg, sizeof msg, "oblast.%s", code);
    bg_locale *root = s->l10n ? bg_l10n_locale(s->l10n, "en") : NULL;
    char *name = root ? bg_locale_message(root, msg, NULL, 0) : NULL;
    if (name)
        snprintf(buf, size, "%s (%s)", code, name);
    else
        snprintf(buf, size, "%s", code);
    free(name);
}

static void check_value(names *s, const char *path, const xmlNode *m, const char *value) {
    const char *found[4];
    int n = 0;
    char hint[512] = "";
    /* What loading the locale files says is theirs to say when they are used. */
    bg_diag_capture quiet;
    bg_diag_capture_begin(&quiet);
    if (!s->l10n) {
        s->l10n = bg_l10n_new(s->dir);
        s->n = locale_langs(s->dir, s->langs, MAX_LOCALES);
    }
    if (s->l10n)
        n = bg_oblast_suggest(s->l10n, (const char *const *)s->langs, s->n, value, found, 4);
    for (int i = 0; i < n; i++) {
        char one[160];
        describe(s, found[i], one, sizeof one);
        size_t used = strlen(hint);
        snprintf(hint + used, sizeof hint - used, "%s%s", i ? " or " : "", one);
    }
    char first[160], last[160];
    describe(s, bg_oblast_codes[0], first, sizeof first);
    describe(s, bg_oblast_codes[BG_OBLAST_COUNT - 1], last, sizeof last);
    bg_diag_capture_end();
    bg_diag_capture_free(&quiet);
    if (n > 0)
        bg_error(path, bg_node_line(m), "<municipality oblast=\"%s\">: not an ISO 3166-2:UA code; did you mean %s?",
                 value, hint);
    else
        bg_error(path, bg_node_line(m),
                 "<municipality oblast=\"%s\">: not an ISO 3166-2:UA code; write the oblast's code, from %s to %s "
                 "(docs/format.md lists them all, the locale files name them: oblast.UA-NN)",
                 value, first, last);
}

static int is_municipality(const xmlNode *n) {
    return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "municipality") && n->ns &&
           xmlStrEqual(n->ns->href, BAD_CAST BG_BRIEF_NS);
}

static int walk(names *s, const char *path, const xmlNode *node) {
    int errors = 0;
    for (const xmlNode *n = node ? node->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlAttrPtr a = is_municipality(n) ? xmlHasNsProp(n, BAD_CAST "oblast", NULL) : NULL;
        const char *value = a && a->children && a->children->content ? (const char *)a->children->content : NULL;
        if (a && !bg_oblast_is_code(value)) {
            check_value(s, path, n, value ? value : "");
            errors++;
        }
        errors += walk(s, path, n);
    }
    return errors;
}

int bg_oblast_check(const bg_brief *b, const char *locales) {
    names s = {locales, NULL, {NULL}, 0};
    xmlDocPtr doc = bg_brief_doc(b);
    int errors = doc ? walk(&s, bg_brief_path(b), (const xmlNode *)doc) : 0;
    for (int i = 0; i < s.n; i++)
        free(s.langs[i]);
    bg_l10n_free(s.l10n);
    return errors;
}
