/* briefgen — argv to a command.  The commands live in cmd_*.c; this file only
 * dispatches, prints the top-level help and sets up and tears down the libraries. */
#include "cli.h"
#include "diag.h"
#include "xslext.h"

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unicode/uclean.h>
#include <unistd.h>

static int cmd_help(int argc, char **argv);

static const bg_command commands[] = {
    {"build", bg_cmd_build, "render briefs to HTML and DocBook, one file per language and format",
     "usage: briefgen build [options] FILE...\n"
     "\n"
     "Validate each brief and write OUTDIR/NAME.LANG.html and OUTDIR/NAME.LANG.dbk\n"
     "(NAME: the file name without .xml).  A brief with an error gets no output at all;\n"
     "every output is written to a temporary file and renamed into place.\n"
     "\n"
     "  -o, --output DIR      write into DIR (default: out)\n"
     "  -l, --lang LIST       languages, comma-separated (default: the brief's langs)\n"
     "  -f, --format LIST     html, docbook or both (default: html,docbook)\n"
     "      --strict          treat warnings (untranslated text, …) as errors\n"
     "      --templates DIR   use template files from DIR in place of bundled ones\n"
     "      --locales DIR     read locale files (LANG.xlf) from DIR\n"
     "  -q, --quiet           do not print warnings\n"
     "  -v, --verbose         name each file written\n"},
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
    {"help", cmd_help, "show help for a command", "usage: briefgen help [COMMAND]\n"},
};

const bg_command *bg_cli_find(const char *name) {
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static void print_overview(FILE *to) {
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
    fprintf(stderr, "briefgen: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (cmd)
        fprintf(stderr, "Try 'briefgen help %s'.\n", cmd->name);
    else
        fprintf(stderr, "Try 'briefgen --help'.\n");
    return BG_EXIT_USAGE;
}

static int cmd_help(int argc, char **argv) {
    if (argc < 2) {
        print_overview(stdout);
        return BG_EXIT_OK;
    }
    const bg_command *c = bg_cli_find(argv[1]);
    if (!c)
        return bg_cli_usage_error(NULL, "no command '%s'", argv[1]);
    fputs(c->usage, stdout);
    return BG_EXIT_OK;
}

int bg_cli_is_lang_tag(const char *s) {
    if (!*s || strlen(s) > 35)
        return 0;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
              *p == '_'))
            return 0;
    return (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z');
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
    /* Running from the build tree (build/briefgen): use the source tree beside it. */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            strcpy(slash, "/..");
            char real[PATH_MAX];
            if (realpath(exe, real) && has_templates(real)) {
                /* Messages name data files; inside the current folder, say it short
                 * ("locales/uk.xlf", not "/home/…/briefgen/locales/uk.xlf"). */
                char cwd[PATH_MAX];
                size_t len = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
                if (len && strcmp(real, cwd) == 0)
                    snprintf(dir, sizeof dir, ".");
                else if (len && strncmp(real, cwd, len) == 0 && real[len] == '/')
                    snprintf(dir, sizeof dir, "%s", real + len + 1);
                else
                    snprintf(dir, sizeof dir, "%s", real);
                return dir;
            }
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

int main(int argc, char **argv) {
    if (argc < 2)
        return bg_cli_usage_error(NULL, "no command given");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        print_overview(stdout);
        return BG_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("briefgen %s (libxml2 %s, libxslt %s, ICU %s)\n", BG_VERSION, LIBXML_DOTTED_VERSION,
               LIBXSLT_DOTTED_VERSION, U_ICU_VERSION);
        return BG_EXIT_OK;
    }
    const bg_command *cmd = bg_cli_find(argv[1]);
    if (!cmd)
        return bg_cli_usage_error(NULL, "'%s' is not a briefgen command", argv[1]);

    xmlInitParser();
    LIBXML_TEST_VERSION
    exsltRegisterAll();
    bg_xslext_register();
    bg_diag_install_xml_handlers();

    int rc = cmd->run(argc - 1, argv + 1);

    /* Release the libraries' global state so leak checkers see only our own. */
    xsltCleanupGlobals();
    xmlCleanupParser();
    u_cleanup();
    return rc;
}
