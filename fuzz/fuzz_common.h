/* fuzz_common — what every libFuzzer target of briefgen shares: the libraries set
 * up once as main() does, and the messages of each input swallowed (a capture that
 * is thrown away), so the fuzzer's speed is not spent on stderr.
 *
 * BRIEFGEN_FUZZ_VERBOSE=1 prints the captured messages, to see what an input does:
 *     BRIEFGEN_FUZZ_VERBOSE=1 build-fuzz/fuzz_brief fuzz/corpus/brief/FILE
 */
#ifndef BG_FUZZ_COMMON_H
#define BG_FUZZ_COMMON_H

#include "diag.h"
#include "xslext.h"

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <stdlib.h>

static inline void fuzz_setup_libraries(void) {
    xmlInitParser();
    exsltRegisterAll();
    bg_xslext_register();
    bg_diag_install_xml_handlers();
}

static inline void fuzz_quiet_begin(bg_diag_capture *c) { bg_diag_capture_begin(c); }

static inline void fuzz_quiet_end(bg_diag_capture *c) {
    bg_diag_capture_end();
    static int verbose = -1;
    if (verbose < 0)
        verbose = getenv("BRIEFGEN_FUZZ_VERBOSE") != NULL;
    if (verbose)
        bg_diag_capture_flush(c);
    else
        bg_diag_capture_free(c);
}

#endif
