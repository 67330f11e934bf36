/* cli — the command table, usage texts and where briefgen finds its data.  See cli.h. */
#include "cli.h"

#include "diag.h"

#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmd_help(int argc, char **argv);

static const bg_command commands[] = {
    {"build", bg_cmd_build, "render briefs to HTML, DocBook and PDF, one file per language and format",
     "usage: briefgen build [options] FILE...\n"
     "\n"
     "Validate each brief and write OUTDIR/NAME.LANG.html, .dbk and .pdf (NAME: the\n"
     "file name without .xml), and its citation files OUTDIR/NAME.ris, .bib and\n"
     ".csl.json.  A brief with an error gets no output at all; a PDF that cannot be\n"
     "made fails the run but not the other outputs.  Every output is written to a\n"
     "temporary file and renamed into place.\n"
     "\n"
     "  -o, --output DIR      write into DIR (default: out)\n"
     "  -l, --lang LIST       languages, comma-separated (default: the brief's langs)\n"
     "  -f, --format LIST     formats, comma-separated: html, docbook, pdf, typst, cite\n"
     "                        (default: html,docbook,pdf,cite); cite is the citation\n"
     "                        files (RIS, BibTeX, CSL JSON, every language in each);\n"
     "                        docbook and typst get the figures' images beside\n"
     "                        them as NAME.ID.svg or .png\n"
     "      --strict          treat warnings (untranslated text, …) as errors\n"
     "      --templates DIR   use template files from DIR in place of bundled ones\n"
     "      --template-files DIR  let templates read files in DIR with document()\n"
     "                        (otherwise only the template folders; they never write)\n"
     "      --locales DIR     read locale files (LANG.xlf) from DIR\n"
     "  -j, --jobs N          render on N threads (default: the number of cores)\n"
     "      --force           rebuild outputs that are already up to date\n"
     "      --deps FILE       write Make rules naming every input of every output\n"
     "      --collection      also write index.LANG.html listing every brief of each\n"
     "                        language, and with --base-url feed.LANG.xml (Atom) and\n"
     "                        sitemap.xml\n"
     "      --base-url URL    the site's address (http or https), where OUTDIR is\n"
     "                        published: absolute links, og:url and canonical links\n"
     "                        in the HTML's head, the feeds and the sitemap\n"
     "  -q, --quiet           do not print warnings\n"
     "  -v, --verbose         name each file written\n"
     "\n"
     "An output newer than all its inputs (the brief, the templates, the locale files,\n"
     "the schema and briefgen itself) is not rebuilt; briefgen says how many it skipped.\n"},
    {"check", bg_cmd_check, "validate briefs and report problems; write nothing",
     "usage: briefgen check [options] FILE...\n"
     "\n"
     "Parse and validate each brief (schema, references, dates, votes, translations) and\n"
     "report every problem as FILE:LINE: error: MESSAGE.  Exit 1 if any brief is invalid.\n"
     "\n"
     "      --strict          treat warnings as errors\n"
     "  -l, --lang LIST       also check that every text exists in these languages\n"
     "      --locales DIR     read locale files from DIR\n"
     "  -q, --quiet           do not print warnings\n"},
    {"new", bg_cmd_new, "start a brief: write one with every part and placeholder text to replace",
     "usage: briefgen new [--langs LIST] [--force] [--locales DIR] FILE\n"
     "\n"
     "Write FILE, a brief with every part of the vocabulary: each optional part under\n"
     "a comment saying what it is for, and placeholder text in each language (the\n"
     "words come from the locale files).  Each placeholder text is marked with\n"
     "<?briefgen-placeholder?>: write your own text and delete the mark.  'briefgen\n"
     "check' warns about every mark left, so --strict refuses to publish a skeleton.\n"
     "The file's <?xml-model?> line names the schema for XML editors\n"
     "(docs/editing.md).\n"
     "\n"
     "      --langs LIST      languages, comma-separated, the source language first\n"
     "                        (default: uk,en); each needs a locale file\n"
     "      --force           write over FILE when it exists (otherwise an error)\n"
     "      --locales DIR     read locale files (LANG.xlf) from DIR\n"},
    {"serve", bg_cmd_serve, "preview briefs in a browser; pages reload on every save",
     "usage: briefgen serve [options] FILE...\n"
     "\n"
     "Serve each brief, rendered now from the files on disk, at http://HOST:PORT/:\n"
     "the index /, /NAME/LANG.html, /NAME/LANG.dbk (DocBook source), /NAME/LANG.pdf and\n"
     "/NAME/side-by-side (the languages next to each other, missing text flagged).\n"
     "When a brief, a template or a locale file is saved, open pages reload by\n"
     "themselves; a brief with errors shows them over its last good version.\n"
     "Ctrl-C stops the server.\n"
     "\n"
     "  -p, --port PORT       listen on PORT (default: 8080; 0: any free port)\n"
     "      --host ADDR       listen on ADDR (default: 127.0.0.1, this machine only)\n"
     "      --strict          treat warnings (untranslated text, …) as errors\n"
     "      --templates DIR   use template files from DIR in place of bundled ones\n"
     "      --template-files DIR  let templates read files in DIR with document()\n"
     "      --locales DIR     read locale files (LANG.xlf) from DIR\n"
     "      --base-url URL    the pages' head as build --base-url URL writes it\n"
     "  -q, --quiet           print no warnings and no line per rebuild\n"
     "  -v, --verbose         also print every message and request\n"},
    {"l10n", bg_cmd_l10n, "translators' tools: check and sync locale files, coverage, XLIFF round trip",
     "usage: briefgen l10n check [--locales DIR] [LANG...]\n"
     "       briefgen l10n sync [--locales DIR]\n"
     "       briefgen l10n new [--locales DIR] LANG\n"
     "       briefgen l10n status [--format text|json | --json] [--min N] FILE...\n"
     "       briefgen l10n export --lang LANG [--format xliff|po] [-o OUT] FILE\n"
     "       briefgen l10n import FILE FILE.LANG.xlf|FILE.LANG.po\n"
     "\n"
     "Locale files (LOCALES/LANG.xlf, XLIFF 1.2) against the root en.xlf:\n"
     "  check    report every problem as FILE:LINE: error|warning: MESSAGE: missing,\n"
     "           untranslated and stale messages, MessageFormat ICU cannot read, plural\n"
     "           cases the language needs (by ICU's rules) or never uses, arguments that\n"
     "           differ from the English, English text changed since translation, states\n"
     "           asking for translation or review, white space and final punctuation.\n"
     "           Exit 1 on any error.  Without LANG: every locale file.\n"
     "  sync     add new keys (state=\"new\"), mark reworded ones for review, drop\n"
     "           removed ones, in every locale file; comments and order are kept\n"
     "  new      write LOCALES/LANG.xlf with every key to translate\n"
     "\n"
     "The text of briefs:\n"
     "  status   for each language of each brief: how much is translated, and every\n"
     "           text that is not, as FILE:LINE, and the cross-language checks'\n"
     "           findings; --format json (or --json) for dashboards;\n"
     "           --min N: exit 1 when a language is below N percent\n"
     "  export   the brief's text as XLIFF 1.2 (or a gettext PO file: --format po) for\n"
     "           translating into LANG (stdout, or -o)\n"
     "  import   merge the finished translations of an exported file (XLIFF, or PO when\n"
     "           its name ends in .po) back into the brief\n"
     "\n"
     "      --locales DIR     the locale folder (default: the bundled one)\n"
     "  -l, --lang LANG       export: the language to translate into\n"
     "  -o, --output FILE     export: write FILE instead of standard output\n"
     "      --format FORMAT   status: text (default) or json; export: xliff (default) or po\n"
     "      --json            status: the same as --format json\n"
     "      --min N           status: the least percentage a language may have\n"
     "  -q, --quiet           do not print warnings\n"
     "\n"
     "docs/translating.md describes the workflow and what every message means.\n"},
    {"stats", bg_cmd_stats, "readability figures: words, sentences, reading time, pages, long sentences",
     "usage: briefgen stats [-l LIST] [--json] [--long-sentence N] [--locales DIR] FILE...\n"
     "\n"
     "For each language of each brief, what a reader reads (the title, subtitle and\n"
     "body with footnotes; not the references, authors, keywords, figures'\n"
     "alternative texts or briefgen's own words): words and sentences (ICU's word and\n"
     "sentence breaks; a hyphenated compound and a number grouped by spaces, 1 469,\n"
     "are one word), the reading time (minutes rounded up, at 195 words a minute in\n"
     "English, 155 in Ukrainian, 140 in Polish, 165 in others), A4 pages (260 words a\n"
     "page in English, 220 in Ukrainian and Polish, as in the sample's PDF) and every\n"
     "sentence over N words as FILE:LINE.\n"
     "The HTML and the PDF show the same reading time under the title.\n"
     "\n"
     "  -l, --lang LIST       languages, comma-separated (default: the brief's langs)\n"
     "      --json            one JSON object: long-sentence, briefs[] with file,\n"
     "                        languages[]: lang, words, sentences, words-per-minute,\n"
     "                        reading-minutes, words-per-page, pages,\n"
     "                        long-sentences[]: line, words, start\n"
     "      --long-sentence N list sentences of more than N words (default: 30)\n"
     "      --strict          treat warnings (untranslated text, …) as errors\n"
     "      --locales DIR     read locale files (LANG.xlf) from DIR\n"
     "  -q, --quiet           do not print warnings\n"
     "\n"
     "Exit 1 when a brief is not valid (it is left out of the report).\n"},
    {"help", cmd_help, "show help for a command", "usage: briefgen help [COMMAND]\n"},
};

const bg_command *bg_cli_find(const char *name) {
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

void bg_cli_overview(FILE *to) {
    fprintf(to, "usage: briefgen COMMAND [options] FILE...\n"
                "       briefgen --help | --version | help COMMAND\n\n"
                "Turn a bilingual policy brief (XML) into HTML and DocBook 5 in each of its languages.\n\n"
                "Commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(to, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(to, "\nSee 'briefgen help COMMAND' and the manual page briefgen(1).\n");
}

int bg_cli_usage_error(const bg_command *cmd, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    bg_verror(NULL, 0, fmt, ap);
    va_end(ap);
    if (cmd)
        bg_note("Try 'briefgen help %s'.", cmd->name);
    else
        bg_note("Try 'briefgen --help'.");
    return BG_EXIT_USAGE;
}

static int cmd_help(int argc, char **argv) {
    if (argc < 2) {
        bg_cli_overview(stdout);
        return BG_EXIT_OK;
    }
    const bg_command *c = bg_cli_find(argv[1]);
    if (!c)
        return bg_cli_usage_error(NULL, "no command '%s'", argv[1]);
    fputs(c->usage, stdout);
    return BG_EXIT_OK;
}

int bg_cli_common_option(int c, const char *arg, bg_cli_common *common) {
    switch (c) {
    case BG_OPT_STRICT:
        common->strict = 1;
        return 1;
    case BG_OPT_TEMPLATES:
        common->templates = arg;
        return 1;
    case BG_OPT_LOCALES:
        common->locales = arg;
        return 1;
    case BG_OPT_TEMPLATE_FILES:
        common->template_files = arg;
        return 1;
    case 'q':
        common->quiet = 1;
        return 1;
    default:
        return 0;
    }
}

/* `path` relative to the current folder when it lies inside it, into `buf`. */
static void relative_to_cwd(char *buf, size_t size, const char *path) {
    char cwd[PATH_MAX];
    size_t len = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
    if (len && strcmp(path, cwd) == 0)
        snprintf(buf, size, ".");
    else if (len && strncmp(path, cwd, len) == 0 && path[len] == '/')
        snprintf(buf, size, "%s", path + len + 1);
    else
        snprintf(buf, size, "%s", path);
}

/* Filled once: `build -j` may ask first from two workers at once. */
static char self[PATH_MAX];
static pthread_once_t self_once = PTHREAD_ONCE_INIT;

static void find_self(void) {
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    relative_to_cwd(self, sizeof self, exe);
}

const char *bg_cli_self(void) {
    pthread_once(&self_once, find_self);
    return self;
}

static int has_templates(const char *dir) {
    char buf[PATH_MAX];
    struct stat st;
    if (snprintf(buf, sizeof buf, "%s/templates/html/brief.xsl", dir) >= (int)sizeof buf)
        return 0;
    return stat(buf, &st) == 0;
}

const char *bg_cli_datadir(void) {
    static char dir[PATH_MAX];
    if (dir[0])
        return dir;
    const char *env = getenv("BRIEFGEN_DATADIR");
    if (env && *env) {
        snprintf(dir, sizeof dir, "%s", env);
        return dir;
    }
    /* Running from the build tree (build/briefgen): the source tree beside it.
     * Installed (PREFIX/bin/briefgen): PREFIX/share/briefgen, wherever PREFIX was
     * moved to (a DESTDIR staging folder, an unpacked archive). */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *slash = n > 0 ? (exe[n] = '\0', strrchr(exe, '/')) : NULL;
    static const char *const beside[] = {"/..", "/../share/briefgen"};
    for (size_t i = 0; slash && i < sizeof beside / sizeof beside[0]; i++) {
        char real[PATH_MAX];
        if ((size_t)(slash - exe) + strlen(beside[i]) + 1 > sizeof exe)
            break;
        strcpy(slash, beside[i]); // NOLINT(clang-analyzer-security.insecureAPI.strcpy): fits, checked above
        if (realpath(exe, real) && has_templates(real)) {
            /* Messages name data files; inside the current folder, say it short
             * ("locales/uk.xlf", not "/home/…/briefgen/locales/uk.xlf"). */
            relative_to_cwd(dir, sizeof dir, real);
            return dir;
        }
    }
    snprintf(dir, sizeof dir, "%s", BG_DATADIR);
    return dir;
}

void bg_cli_data_path(char *buf, unsigned size, const char *sub) {
    const char *dir = bg_cli_datadir();
    int n = strcmp(dir, ".") == 0 ? snprintf(buf, size, "%s", sub) : snprintf(buf, size, "%s/%s", dir, sub);
    if (n >= (int)size)
        buf[0] = '\0'; /* too long to be a real folder: fail to open, loudly, later */
}

/* Characters a base URL may hold: RFC 3986's unreserved and reserved ones but
 * '?', '#' (a query or fragment cannot take file names after it), '\'' (kept out
 * of the quoted stylesheet parameter) and '[', ']' (an IPv6 literal, which the
 * HTML serialiser would percent-encode in an href), and '%' before two hex digits. */
static int url_char_ok(const char *p) {
    unsigned char c = (unsigned char)*p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return 1;
    if (c == '%') {
        const char *hex = "0123456789abcdefABCDEF";
        return p[1] && p[2] && strchr(hex, p[1]) && strchr(hex, p[2]);
    }
    return c && strchr("-._~:/@!$&()*+,;=", c) != NULL;
}

int bg_cli_base_url(const bg_command *cmd, const char *arg, char *buf, size_t size) {
    /* The scheme is case-insensitive (RFC 3986, 3.1): HTTPS:// is taken and written
     * in lower case, as URLs are compared. */
    const char *host = strncasecmp(arg, "https://", 8) == 0  ? arg + 8
                       : strncasecmp(arg, "http://", 7) == 0 ? arg + 7
                                                             : NULL;
    if (!host)
        return bg_cli_usage_error(cmd, "--base-url: '%s' is not an absolute http:// or https:// URL", arg);
    if (*host == '/' || *host == '\0')
        return bg_cli_usage_error(cmd, "--base-url: '%s' names no host", arg);
    for (const char *p = arg; *p; p++)
        if (!url_char_ok(p))
            return bg_cli_usage_error(cmd, "--base-url: '%s': '%c' may not stand in it%s", arg, *p,
                                      *p == '?' || *p == '#' ? " (no query or fragment: pages are named after it)"
                                                             : " (write it percent-encoded)");
    size_t len = strlen(arg);
    int slash = arg[len - 1] != '/';
    if (len + (size_t)slash + 1 > size || len > 1000)
        return bg_cli_usage_error(cmd, "--base-url: longer than 1000 characters");
    snprintf(buf, size, "%s%s", arg, slash ? "/" : "");
    for (char *p = buf; *p != ':'; p++)
        *p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    return 0;
}
