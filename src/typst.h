/* typst — the PDF engine: Typst source text and in-memory files in, PDF bytes out.
 *
 * Two routes, chosen when the engine is made:
 *   - the default: a Node.js worker process (src/typst-worker.js, installed as
 *     DATADIR/typst-worker.js) driving the npm package
 *     @myriaddreamin/typst-ts-node-compiler (Typst 0.14 as a native module), found in
 *     DATADIR/node_modules.  It is started on the first compile and kept for the
 *     engine's life, one document after another over a pipe (docs/architecture.md,
 *     "Threads"); node is $BRIEFGEN_NODE, else the first `node` on PATH;
 *   - $BRIEFGEN_TYPST=/path/to/typst: an official Typst CLI, 0.13 or later, run once
 *     per document in a private temporary folder (mkdtemp) that is removed after.
 * Fonts come from one folder only, $BRIEFGEN_FONTS or /usr/share/fonts/truetype/
 * paratype (Debian's fonts-paratype): no system fonts, so a PDF is the same on every
 * machine.  Every PDF is PDF/UA-1 (tagged), checked by Typst on export.  A document
 * may take $BRIEFGEN_TYPST_TIMEOUT seconds (default 60); then its process is killed.
 *
 * Memory rule: bg_typst_new's engine is freed with bg_typst_free (NULL is fine);
 * the PDF of bg_typst_compile is the caller's, freed with free().  Strings the
 * engine returns (bg_typst_engine_id) live as long as the engine.  Arguments are
 * borrowed for the call.
 *
 * Threads: an engine belongs to one thread (build makes one per worker thread and
 * never shares it); engines on several threads run side by side, each with its own
 * worker process.  Every pipe is opened close-on-exec, so a process one thread
 * starts never holds another's pipe.  Writing to a worker that died does not raise
 * SIGPIPE (its stdin is a socket written with MSG_NOSIGNAL): briefgen's signal
 * handling is left alone.  The environment is read by bg_typst_new only.
 *
 * Failure: reported through diag, once, where it is known, and -1 returned:
 *   - a Typst error (or a PDF/UA-1 violation) at line N of the .typ text is said at
 *     the brief's file and the line of the nearest `// brief:LINE` marker at or above
 *     line N — "x.xml:42: error: the PDF cannot be made: MESSAGE (Typst,
 *     x.uk.typ:317:5)" — or at the .typ name and line when no marker is above it, or
 *     at the brief without a line when Typst gives no position (the npm package's
 *     export errors, see typst-worker.js); Typst's warnings are said as warnings,
 *     mapped the same way, with the PDF made all the same (the worker memoizes:
 *     an unchanged document compiled again by the same worker repeats its errors
 *     but not its warnings);
 *   - a missing engine (no node, the npm module not installed, no fonts folder, a
 *     BRIEFGEN_TYPST that is not an executable Typst 0.13 or later) is one message
 *     saying what is missing and how to install it (scripts/install-deps
 *     --build-only, or BRIEFGEN_TYPST);
 *   - a document over the time limit, or a worker that dies: the process is killed
 *     and reaped, the message says which, and the next compile starts a new worker.
 * No zombie is left: every process started is waited for, by the compile that
 * started it or by bg_typst_free.
 */
#ifndef BG_TYPST_H
#define BG_TYPST_H

#include "buf.h"

#include <stddef.h>

typedef struct bg_typst bg_typst;

/* A file the Typst source refers to by its bare `name` (no '/', not starting with
 * '.'), given in memory: the figures' SVG and PNG images. */
typedef struct bg_typst_file {
    const char *name;
    const char *data;
    size_t len;
} bg_typst_file;

/* An engine whose parts are found in the data folder `datadir` (bg_cli_datadir)
 * and the environment (above).  Nothing is started or checked yet: a missing part
 * is said by the first compile.  NULL only when out of memory. */
bg_typst *bg_typst_new(const char *datadir);
/* Stop the worker (it exits when its stdin closes; killed after 2 s) and free. */
void bg_typst_free(bg_typst *t);

/* Start the worker process now, without waiting for it, so that its start (Node.js
 * and the fonts, ~0.1 s) overlaps the work before the first PDF; the first compile
 * then reads its greeting.  Silent: nothing is started when a part is missing (the
 * first compile says what), nor on the CLI route.  NULL is fine. */
void bg_typst_warm(bg_typst *t);

/* Whether the engine's parts are there (the fonts, node, the worker and the npm
 * module, or the CLI and its version), without compiling anything: 0, or -1 after
 * saying what is missing and how to install it, as a compile would.  For build,
 * which says it once rather than once per PDF.  NULL is missing (nothing said). */
int bg_typst_check(bg_typst *t);

/* Compile the `len` bytes of Typst `source` with `nfiles` `files` beside it into a
 * PDF whose creation date, where the document leaves it to Typst, is `timestamp`
 * (seconds since 1970).  `brief_path` (the brief's file, for messages; may be NULL)
 * and `typ_name` (the .typ output's name, e.g. "out/x.uk.typ") only name places in
 * messages.  0 with the PDF in *pdf (malloc'd, *pdflen bytes), or -1 after the
 * problems were reported (*pdf NULL). */
int bg_typst_compile(bg_typst *t, const char *brief_path, const char *typ_name, const char *source, size_t len,
                     const bg_typst_file *files, size_t nfiles, long long timestamp, char **pdf, size_t *pdflen);

/* The engine and its version, for the build stamp, so that an upgrade rebuilds the
 * PDFs: "typst-ts-node-compiler 0.7.0 (typst 0.14.2)", or "typst 0.14.2 (CLI
 * /usr/bin/typst)" (the CLI is asked with --version once).  A missing part reads
 * "(not installed)"; nothing is reported here.  Borrowed from the engine. */
const char *bg_typst_engine_id(bg_typst *t);

/* Append to `files` what every PDF is made from besides its own source, for
 * --deps and the up-to-date checks: the worker script, the npm module's
 * package.json files (the module's and its native package's), or the Typst CLI,
 * and every file in the fonts folder (sorted).  Files that do not exist are left
 * out. */
void bg_typst_inputs(bg_typst *t, bg_strv *files);

#endif
