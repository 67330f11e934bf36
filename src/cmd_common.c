/* cmd_common — see cmd_common.h. */
#include "cmd_common.h"

#include "l10n.h"

#include <stdio.h>
#include <string.h>

int bg_cmd_parse_langs(const bg_command *cmd, const char *list, char *buf, size_t size, bg_langs *only) {
    snprintf(buf, size, "%s", list);
    only->n = 0;
    for (char *save = NULL, *t = strtok_r(buf, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
        if (!bg_l10n_is_lang_tag(t))
            return bg_cli_usage_error(cmd, "-l: '%s' is not a language tag (e.g. uk, en, pl)", t);
        if (only->n == BG_PIPELINE_MAX_LANGS)
            return bg_cli_usage_error(cmd, "-l: at most %d languages", BG_PIPELINE_MAX_LANGS);
        only->v[only->n++] = t;
    }
    return only->n == 0 ? bg_cli_usage_error(cmd, "-l: give at least one language") : 0;
}

void bg_cmd_paths_of(const bg_cli_common *c, bg_cmd_paths *out) {
    if (c->locales)
        snprintf(out->locales, sizeof out->locales, "%s", c->locales);
    else
        bg_cli_data_path(out->locales, sizeof out->locales, "locales");
    bg_cli_data_path(out->schema, sizeof out->schema, "schema/brief.rng");
    bg_cli_data_path(out->templates, sizeof out->templates, "templates");
}
