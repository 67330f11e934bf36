/* `briefgen new FILE [--langs uk,en] [--force]`: a brief to start from.
 *
 * Writes a brief with every part of the vocabulary, each optional part under a
 * comment saying that it is optional and what it is for, and a placeholder text in
 * each language, in that language.  Every word of it comes from the locale files
 * (the new.* keys): the comments in the source language (the first of --langs), the
 * placeholders in each.  Each placeholder text starts with the processing
 * instruction <?briefgen-placeholder?>, which `check` warns about (brief.c,
 * check_placeholders) and --strict refuses: a mark, not the text, so a placeholder
 * is found whatever the locale files say and however the text was edited, until
 * the researcher deletes the mark.  The skeleton is valid as written.
 *
 * The second line, <?xml-model?>, names the schema for XML editors (docs/editing.md):
 * the schema of the briefgen that wrote the file, as a path relative to the brief
 * when the brief lies inside briefgen's data folder (the source tree), else as an
 * absolute file: URL (an installed briefgen's PREFIX/share/briefgen/schema/brief.rng).
 */
#include "brief.h"
#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "fileio.h"
#include "l10n.h"
#include "l10n_check.h"
#include "pipeline.h"

#include <getopt.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

enum { OPT_LANGS = BG_OPT_LOCAL, OPT_FORCE };

/* The skeleton being written: its languages (the source first) and their locales. */
typedef struct skeleton {
    bg_buf out;
    const char *lang[BG_PIPELINE_MAX_LANGS];
    bg_locale *loc[BG_PIPELINE_MAX_LANGS];
    int nlangs;
    int placeholders; /* texts marked, one per language */
    int failed;       /* a message could not be formatted (reported) */
} skeleton;

static const bg_command *cmd(void) { return bg_cli_find("new"); }

static void indent(skeleton *sk, int depth) {
    for (int i = 0; i < depth; i++)
        bg_buf_puts(&sk->out, "  ");
}

/* Message `key` in language `i`, to free(); NULL after an error (reported). */
static char *message(skeleton *sk, int i, const char *key) {
    char *text = bg_locale_message(sk->loc[i], key, NULL, 0);
    if (!text)
        sk->failed = 1;
    return text;
}

/* One translatable element `name` per language, each holding the mark and
 * message `key` in its language. */
static void text(skeleton *sk, int depth, const char *name, const char *key) {
    for (int i = 0; i < sk->nlangs; i++) {
        char *t = message(sk, i, key);
        if (!t)
            continue;
        indent(sk, depth);
        bg_buf_printf(&sk->out, "<%s xml:lang=\"%s\"><?" BG_BRIEF_PLACEHOLDER "?>", name, sk->lang[i]);
        bg_buf_add_xml(&sk->out, t, strlen(t), 0);
        bg_buf_printf(&sk->out, "</%s>\n", name);
        sk->placeholders++;
        free(t);
    }
}

/* Message `key` in the source language as an XML comment, its words wrapped to
 * lines of about 88 columns.  A comment may not hold "--" nor end in "-": a hyphen
 * that would make either gets a space after it. */
static void note(skeleton *sk, int depth, const char *key) {
    char *t = message(sk, 0, key);
    if (!t)
        return;
    indent(sk, depth);
    bg_buf_puts(&sk->out, "<!-- ");
    size_t column = (size_t)depth * 2 + 5, width = 88;
    for (const char *p = t; *p;) {
        size_t word = strcspn(p, " "), chars = 0;
        for (size_t i = 0; i < word; i++)
            chars += ((unsigned char)p[i] & 0xC0) != 0x80; /* columns: UTF-8 lead bytes */
        if (column > (size_t)depth * 2 + 5 && column + 1 + chars > width) {
            bg_buf_puts(&sk->out, "\n");
            indent(sk, depth);
            bg_buf_puts(&sk->out, "     ");
            column = (size_t)depth * 2 + 5;
        } else if (column > (size_t)depth * 2 + 5) {
            bg_buf_puts(&sk->out, " ");
            column++;
        }
        for (size_t i = 0; i < word; i++) {
            bg_buf_add(&sk->out, p + i, 1);
            if (p[i] == '-' && (i + 1 == word || p[i + 1] == '-'))
                bg_buf_puts(&sk->out, " ");
        }
        column += chars;
        p += word;
        p += strspn(p, " ");
    }
    bg_buf_puts(&sk->out, " -->\n");
    free(t);
}

static void line(skeleton *sk, int depth, const char *s) {
    indent(sk, depth);
    bg_buf_puts(&sk->out, s);
    bg_buf_puts(&sk->out, "\n");
}

/* The brief's @id: the file name without its folder and ".xml", when that is an
 * XML name (validation requires one); else "brief". */
static void brief_id(const char *path, char *buf, size_t size) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".xml") == 0)
        n -= 4;
    snprintf(buf, size, "%.*s", (int)n, base);
    if (!buf[0] || xmlValidateNCName(BAD_CAST buf, 0) != 0)
        snprintf(buf, size, "brief");
}

/* Today (the local date), or the day of $SOURCE_DATE_EPOCH (UTC) when it is set,
 * as reproducible builds do: the tests' skeletons are the same every day. */
static void today(char *buf, size_t size) {
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long secs = epoch ? strtoll(epoch, &end, 10) : 0;
    time_t t = epoch && *epoch && !*end ? (time_t)secs : time(NULL);
    struct tm tm;
    if (!(epoch && *epoch && !*end ? gmtime_r(&t, &tm) : localtime_r(&t, &tm)))
        memset(&tm, 0, sizeof tm);
    strftime(buf, size, "%Y-%m-%d", &tm);
}

/* `path` as the path of a file: URL, bytes other than unreserved ones and '/'
 * percent-encoded. */
static void add_file_url(bg_buf *out, const char *path) {
    bg_buf_puts(out, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
            bg_buf_add(out, (const char *)p, 1);
        else
            bg_buf_printf(out, "%%%02X", *p);
    }
}

/* How many folders below the data folder `data` the brief `file` will be (its
 * folder may not exist yet: bg_write_atomic makes it), or -1 when it is not inside
 * it.  The folders are compared as realpath gives them, from the nearest that
 * exists. */
static int depth_in(const char *data, const char *file) {
    char folder[PATH_MAX], real[PATH_MAX];
    snprintf(folder, sizeof folder, "%s", file);
    int missing = 0;
    for (;;) {
        char *slash = strrchr(folder, '/');
        if (!slash) { /* a name in the current folder */
            snprintf(folder, sizeof folder, ".");
        } else {
            *slash = '\0';
            if (!folder[0])
                snprintf(folder, sizeof folder, "/");
        }
        if (realpath(folder, real))
            break;
        const char *last = strrchr(folder, '/');
        last = last ? last + 1 : folder;
        if (strcmp(last, "..") == 0 || strcmp(last, ".") == 0)
            return -1; /* not worth resolving: the caller writes a URL */
        missing++;
    }
    size_t n = strlen(data);
    if (strncmp(real, data, n) != 0 || (real[n] != '/' && real[n] != '\0'))
        return -1;
    for (const char *p = real + n; *p; p++)
        missing += *p == '/';
    return missing;
}

/* The <?xml-model?> line for a brief written to `file`: see the top of this file.
 * Nothing when the schema cannot be found (a warning). */
static void xml_model(skeleton *sk, const char *file) {
    char schema[PATH_MAX], real[PATH_MAX], data[PATH_MAX];
    bg_cli_data_path(schema, sizeof schema, "schema/brief.rng");
    if (!realpath(schema, real)) {
        bg_warn(schema, 0, "cannot find the schema; no <?xml-model?> line written");
        return;
    }
    snprintf(data, sizeof data, "%s", real);
    for (int up = 0; up < 2; up++) /* DATA/schema/brief.rng */
        *strrchr(data, '/') = '\0';
    int depth = depth_in(data, file);
    bg_buf href = {0};
    if (depth >= 0) {
        for (int i = 0; i < depth; i++)
            bg_buf_puts(&href, "../");
        bg_buf_puts(&href, "schema/brief.rng");
    } else {
        add_file_url(&href, real);
    }
    bg_buf_puts(&sk->out, "<?xml-model href=\"");
    bg_buf_add_xml(&sk->out, href.s ? href.s : "", href.len, 1);
    bg_buf_puts(&sk->out, "\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n");
    bg_buf_free(&href);
}

/* The whole skeleton into sk->out. */
/* <meta>: title, and each optional part of the publication details. */
static void write_meta(skeleton *sk) {
    line(sk, 1, "<meta>");
    text(sk, 2, "title", "new.text.title");
    note(sk, 2, "new.optional.short-title");
    text(sk, 2, "short-title", "new.text.short-title");
    note(sk, 2, "new.optional.subtitle");
    text(sk, 2, "subtitle", "new.text.subtitle");
    note(sk, 2, "new.optional.series");
    text(sk, 2, "series", "new.text.series");
    note(sk, 2, "new.optional.org");
    line(sk, 2, "<org id=\"o-first\">");
    text(sk, 3, "name", "new.text.org");
    line(sk, 2, "</org>");
    note(sk, 2, "new.optional.person");
    line(sk, 2, "<person org=\"o-first\">");
    text(sk, 3, "name", "new.text.person");
    text(sk, 3, "given", "new.text.given");
    text(sk, 3, "family", "new.text.family");
    text(sk, 3, "role", "new.text.role");
    line(sk, 2, "</person>");
    note(sk, 2, "new.optional.keywords");
    line(sk, 2, "<keywords>");
    text(sk, 3, "keyword", "new.text.keyword");
    line(sk, 2, "</keywords>");
    note(sk, 2, "new.optional.publisher");
    line(sk, 2, "<publisher>");
    text(sk, 3, "name", "new.text.publisher");
    text(sk, 3, "place", "new.text.place");
    line(sk, 2, "</publisher>");
    note(sk, 2, "new.optional.funding");
    line(sk, 2, "<funding>");
    text(sk, 3, "p", "new.text.funding");
    line(sk, 2, "</funding>");
    line(sk, 1, "</meta>");
}

/* What a reader reads first: key messages, summary, a section, municipalities, findings. */
static void write_opening(skeleton *sk) {

    note(sk, 1, "new.optional.key-messages");
    line(sk, 1, "<key-messages>");
    text(sk, 2, "item", "new.text.key-message");
    line(sk, 1, "</key-messages>");
    line(sk, 1, "<summary>");
    text(sk, 2, "p", "new.text.summary");
    line(sk, 1, "</summary>");
    note(sk, 1, "new.optional.sections-before");
    line(sk, 1, "<section id=\"s-context\">");
    text(sk, 2, "title", "new.text.context-title");
    text(sk, 2, "p", "new.text.context");
    line(sk, 1, "</section>");
    note(sk, 1, "new.optional.municipalities");
    line(sk, 1, "<municipalities>");
    line(sk, 2, "<municipality id=\"m-first\">");
    text(sk, 3, "name", "new.text.municipality");
    line(sk, 2, "</municipality>");
    line(sk, 1, "</municipalities>");
    note(sk, 1, "new.optional.findings");
    line(sk, 1, "<findings>");
    line(sk, 2, "<finding id=\"f-first\">");
    text(sk, 3, "title", "new.text.finding-title");
    text(sk, 3, "p", "new.text.finding");
    line(sk, 2, "</finding>");
    line(sk, 1, "</findings>");
}

/* Cases, recommendations, a closing section and the references. */
static void write_closing(skeleton *sk) {
    note(sk, 1, "new.optional.cases");
    line(sk, 1, "<cases>");
    line(sk, 2, "<case id=\"c-first\" municipality=\"m-first\">");
    text(sk, 3, "title", "new.text.case-title");
    line(sk, 3, "<challenge>");
    text(sk, 4, "p", "new.text.challenge");
    line(sk, 3, "</challenge>");
    line(sk, 3, "<response>");
    text(sk, 4, "p", "new.text.response");
    line(sk, 3, "</response>");
    line(sk, 3, "<result>");
    text(sk, 4, "p", "new.text.result");
    line(sk, 3, "</result>");
    line(sk, 2, "</case>");
    line(sk, 1, "</cases>");
    line(sk, 1, "<recommendations>");
    note(sk, 2, "new.optional.recommendation");
    line(sk, 2, "<recommendation id=\"r-first\" addressee=\"municipality\" priority=\"high\" findings=\"f-first\">");
    text(sk, 3, "title", "new.text.recommendation-title");
    text(sk, 3, "p", "new.text.recommendation");
    line(sk, 2, "</recommendation>");
    line(sk, 1, "</recommendations>");
    note(sk, 1, "new.optional.sections-after");
    line(sk, 1, "<section id=\"s-about\">");
    text(sk, 2, "title", "new.text.about-title");
    text(sk, 2, "p", "new.text.about");
    line(sk, 1, "</section>");
    note(sk, 1, "new.optional.references");
    line(sk, 1, "<references>");
    line(sk, 2, "<ref id=\"ref-first\">");
    text(sk, 3, "text", "new.text.reference");
    line(sk, 2, "</ref>");
    line(sk, 1, "</references>");
}

static void write_skeleton(skeleton *sk, const char *file) {
    char id[256], date[32];
    brief_id(file, id, sizeof id);
    today(date, sizeof date);

    bg_buf_puts(&sk->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml_model(sk, file);
    note(sk, 0, "new.header");
    bg_buf_printf(&sk->out, "<brief xmlns=\"urn:briefgen:brief:1\" id=\"%s\" date=\"%s\"\n", id, date);
    bg_buf_printf(&sk->out, "       source-lang=\"%s\" langs=\"", sk->lang[0]);
    for (int i = 0; i < sk->nlangs; i++)
        bg_buf_printf(&sk->out, "%s%s", i ? " " : "", sk->lang[i]);
    bg_buf_puts(&sk->out, "\">\n");

    write_meta(sk);
    write_opening(sk);
    write_closing(sk);
    line(sk, 0, "</brief>");
}

/* Split --langs `list` (comma- or space-separated) into sk->lang, pointers into `list`; each
 * must be a language with a locale file in `dir`, and none twice.  0, or a usage
 * error's exit code. */
static int parse_langs(skeleton *sk, char *list, const char *dir) {
    char **files = bg_l10n_locale_files(dir);
    if (!files)
        return BG_EXIT_FAIL;
    char known[512] = "en";
    for (int i = 0; files[i]; i++)
        snprintf(known + strlen(known), sizeof known - strlen(known), ", %s", files[i]);
    int rc = 0;
    sk->nlangs = 0;
    for (char *save = NULL, *t = strtok_r(list, ", ", &save); t && !rc; t = strtok_r(NULL, ", ", &save)) {
        int found = strcmp(t, "en") == 0;
        for (int i = 0; files[i] && !found; i++)
            found = strcmp(files[i], t) == 0;
        for (int i = 0; i < sk->nlangs && found; i++)
            if (strcmp(sk->lang[i], t) == 0)
                rc = bg_cli_usage_error(cmd(), "--langs: '%s' is given twice", t);
        if (!rc && !found)
            rc = bg_cli_usage_error(cmd(), "--langs: no locale for '%s' (there are %s)", t, known);
        else if (!rc && sk->nlangs == BG_PIPELINE_MAX_LANGS)
            rc = bg_cli_usage_error(cmd(), "--langs: at most %d languages", BG_PIPELINE_MAX_LANGS);
        else if (!rc)
            sk->lang[sk->nlangs++] = t;
    }
    if (!rc && sk->nlangs == 0)
        rc = bg_cli_usage_error(cmd(), "--langs: give at least one language (there are %s)", known);
    bg_l10n_strings_free(files);
    return rc;
}

int bg_cmd_new(int argc, char **argv) {
    static const struct option longopts[] = {{"langs", required_argument, NULL, OPT_LANGS},
                                             {"force", no_argument, NULL, OPT_FORCE},
                                             {"locales", required_argument, NULL, BG_OPT_LOCALES},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    char langs[256] = "uk,en";
    const char *locales = NULL;
    int force = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            fputs(cmd()->usage, stdout);
            return BG_EXIT_OK;
        case OPT_LANGS:
            if (strlen(optarg) >= sizeof langs)
                return bg_cli_usage_error(cmd(), "--langs: too long");
            snprintf(langs, sizeof langs, "%s", optarg);
            break;
        case OPT_FORCE:
            force = 1;
            break;
        case BG_OPT_LOCALES:
            locales = optarg;
            break;
        case ':':
            return bg_cli_usage_error(cmd(), "option '%s' needs a value", argv[optind - 1]);
        default:
            return bg_cli_usage_error(cmd(), "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind != 1)
        return bg_cli_usage_error(cmd(), "new takes one file name, e.g. 'briefgen new my-brief.xml'");
    const char *file = argv[optind];

    char dir[PATH_MAX];
    if (locales)
        snprintf(dir, sizeof dir, "%s", locales);
    else
        bg_cli_data_path(dir, sizeof dir, "locales");
    skeleton sk = {0};
    int rc = parse_langs(&sk, langs, dir);
    if (rc)
        return rc;
    struct stat st;
    if (!force && lstat(file, &st) == 0) {
        bg_error(file, 0, "already exists; give --force to write over it");
        return BG_EXIT_FAIL;
    }

    bg_l10n *l10n = bg_l10n_new(dir);
    for (int i = 0; i < sk.nlangs && !sk.failed; i++)
        sk.failed = !l10n || !(sk.loc[i] = bg_l10n_locale(l10n, sk.lang[i]));
    if (!sk.failed)
        write_skeleton(&sk, file);
    char *data = sk.failed ? NULL : bg_buf_take(&sk.out);
    rc = BG_EXIT_FAIL;
    if (data && bg_write_atomic(file, data, strlen(data)) == 0) {
        printf("%s: a new brief in", file);
        for (int i = 0; i < sk.nlangs; i++)
            printf("%s %s", i ? "," : "", sk.lang[i]);
        printf(", with %d placeholder texts to replace ('briefgen check %s' lists those left)\n", sk.placeholders,
               file);
        rc = BG_EXIT_OK;
    } else if (!sk.failed && !data) {
        bg_error(file, 0, "out of memory");
    }
    free(data);
    bg_buf_free(&sk.out);
    bg_l10n_free(l10n);
    return rc;
}
