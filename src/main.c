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

int main(int argc, char **argv) {
    if (argc < 2)
        return bg_cli_usage_error(NULL, "no command given");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        bg_cli_overview(stdout);
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
