'use strict';
/* typst-worker — the Typst compiler as a long-lived process: Typst source in, PDF out.
 *
 *     node typst-worker.js MODULE_DIR FONTS_DIR
 *
 * src/typst.c starts one per build thread (not one per PDF: loading the compiler and
 * its fonts costs ~65 ms, a small document ~10 ms) and talks to it over stdin and
 * stdout until it closes stdin.  MODULE_DIR is the folder of the npm package
 * @myriaddreamin/typst-ts-node-compiler (a native module, Typst 0.14); FONTS_DIR the
 * only folder fonts are taken from (no system fonts, so a PDF is the same on every
 * machine).  $BRIEFGEN_FONTS stands in for a missing FONTS_DIR.  Nothing else is
 * needed: plain CommonJS, no other module.
 *
 * The protocol is binary-safe and needs no JSON on the C side.  Every count is a
 * decimal number of bytes or lines:
 *
 *   on start   "ready TYPST_VERSION PACKAGE_VERSION\n", or "fail MESSAGE\n" and exit 1
 *   request    "compile MAINLEN NFILES TIMESTAMP\n", MAINLEN bytes of Typst source,
 *              then NFILES times "file NAMELEN DATALEN\n", NAMELEN bytes of name and
 *              DATALEN bytes of data (the figures the source names, by bare name)
 *   response   ["warn N\n" + N diagnostic lines] "pdf LEN\n" + LEN bytes   (success)
 *              "error N\n" + N diagnostic lines                            (failure)
 *   diagnostic "LINE\tCOLUMN\tSEVERITY\tMESSAGE\n": LINE and COLUMN 1-based in the
 *              main source (COLUMN in characters), 0 when unknown; SEVERITY "error"
 *              or "warning"; tabs and newlines in MESSAGE made spaces, Typst's hints
 *              appended as " (hint: …)" (this package gives hints only with the
 *              export's errors).  An error block carries the warnings too.
 *
 * Warnings come with a successful PDF in a "warn" block: they are the templates'
 * business (an unknown font, say) and the C side says them as warnings.  Typst
 * memoizes compiles, and a document compiled again unchanged in the same worker
 * does not repeat its warnings (errors it does repeat).
 *
 * A request that is not understood gets "error 1" and the worker exits (the stream
 * can no longer be trusted); the C side then starts a fresh one.
 *
 * Each request maps the source as WORKSPACE/main.typ and the files beside it with
 * mapShadow (in memory: nothing is read from or written to disk), compiles, exports
 * PDF/UA-1 (tagged; Typst checks the standard on export) with the given creation
 * timestamp (seconds; used only where the document's date is auto), and unmaps
 * everything again (resetShadow).
 *
 * Positions: compile errors come with their line and column.  Errors of the PDF
 * export (PDF/UA-1 violations such as an image without alt text) come from this
 * package only as Typst's raw span number, which its API cannot turn into a
 * position: they are given with line 0 (the C side then names the brief without a
 * line).  The official CLI route (BRIEFGEN_TYPST) gives their positions.
 */
const fs = require('fs');
const path = require('path');

const WORKSPACE = '/briefgen';
const MAIN = WORKSPACE + '/main.typ';

function out(data) {
    process.stdout.write(data);
}

// One line for the protocol: no tab, no newline, no carriage return inside.
function oneLine(s) {
    return String(s).replace(/[\t\r\n]+/g, ' ').trim();
}

function fail(message) {
    out('fail ' + oneLine(message) + '\n');
    process.exit(1);
}

const moduleDir = process.argv[2];
const fontsDir = process.argv[3] || process.env.BRIEFGEN_FONTS;
if (!moduleDir || !fontsDir) fail('usage: node typst-worker.js MODULE_DIR FONTS_DIR');

let compilerModule, packageVersion;
try {
    packageVersion = JSON.parse(fs.readFileSync(path.join(moduleDir, 'package.json'), 'utf8')).version;
    compilerModule = require(path.resolve(moduleDir));
} catch (e) {
    fail('cannot load the Typst compiler module from ' + moduleDir + ': ' + (e && e.message));
}
try {
    if (!fs.statSync(fontsDir).isDirectory()) throw new Error('not a folder');
} catch (e) {
    fail('the fonts folder ' + fontsDir + ' cannot be used: ' + e.message);
}

let compiler;
try {
    compiler = compilerModule.NodeCompiler.create({ workspace: WORKSPACE, fontArgs: [{ fontPaths: [fontsDir] }] });
} catch (e) {
    fail('cannot start the Typst compiler: ' + (e && e.message));
}

// ---- diagnostics ----------------------------------------------------------------

// The lines of the main source, for turning Typst's UTF-16 columns into characters.
let mainLines = [];

function column(line0, utf16) {
    const text = mainLines[line0];
    if (text === undefined) return utf16 + 1;
    return [...text.slice(0, utf16)].length + 1;
}

function diagLine(line, col, severity, message) {
    return line + '\t' + col + '\t' + severity + '\t' + oneLine(message) + '\n';
}

// The lines of a NodeError's diagnostics (compile or warnings), positioned.
function nodeErrorLines(err) {
    let list;
    try {
        list = compiler.fetchDiagnostics(err);
    } catch (e) {
        list = err.shortDiagnostics;
    }
    return (list || []).map((d) => {
        const severity = d.severity === 1 || d.severity === 'error' ? 'error' : 'warning';
        let line = 0;
        let col = 0;
        let message = d.message;
        if (d.path && d.path !== MAIN) message += ' (in ' + path.basename(d.path) + ')';
        else if (d.range && d.range.start) {
            line = d.range.start.line + 1;
            col = column(d.range.start.line, d.range.start.character);
        }
        return diagLine(line, col, severity, message);
    });
}

// An exception of the PDF export: a list of Typst's SourceDiagnostic in Rust's
// debug form (the only form this package gives), e.g.
//   [SourceDiagnostic { severity: Error, span: Span(3…), message: "PDF/UA-1 error:
//   missing alt text", trace: [], hints: ["make sure your images … alt text"] }]
function exportErrorLines(e) {
    const text = String((e && (e.code || e.message)) || e);
    const lines = [];
    const re = /severity: (\w+), span: [^,]*, message: "((?:[^"\\]|\\.)*)", trace: .*?hints: \[((?:"(?:[^"\\]|\\.)*",? ?)*)\]/g;
    let m;
    while ((m = re.exec(text)) !== null) {
        let message = unquote(m[2]);
        const hints = [...m[3].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((h) => unquote(h[1]));
        for (const h of hints) message += ' (hint: ' + h + ')';
        lines.push(diagLine(0, 0, m[1] === 'Warning' ? 'warning' : 'error', message));
    }
    if (lines.length === 0) lines.push(diagLine(0, 0, 'error', 'PDF export failed: ' + text));
    return lines;
}

function unquote(s) {
    try {
        return JSON.parse('"' + s + '"');
    } catch (e) {
        return s;
    }
}

// ---- one request -----------------------------------------------------------------

function compile(main, files, timestamp) {
    mainLines = main.toString('utf8').split('\n');
    try {
        compiler.mapShadow(MAIN, main);
        for (const f of files) compiler.mapShadow(WORKSPACE + '/' + f.name, f.data);
        const result = compiler.compile({ mainFilePath: MAIN });
        // Warnings first: takeDiagnostics gives the errors only once they are taken.
        const taken = result.takeWarnings();
        const warnings = taken ? nodeErrorLines(taken) : [];
        const errors = result.takeDiagnostics();
        const doc = result.result;
        if (!doc) {
            const lines = warnings.concat(errors ? nodeErrorLines(errors) : []);
            if (!lines.some((l) => l.includes('\terror\t'))) lines.push(diagLine(0, 0, 'error', 'Typst failed without a message'));
            return 'error ' + lines.length + '\n' + lines.join('');
        }
        let pdf;
        try {
            pdf = compiler.pdf(doc, { pdfStandard: 'ua-1', creationTimestamp: timestamp });
        } catch (e) {
            const lines = warnings.concat(exportErrorLines(e));
            return 'error ' + lines.length + '\n' + lines.join('');
        }
        const head = (warnings.length ? 'warn ' + warnings.length + '\n' + warnings.join('') : '') + 'pdf ' + pdf.length + '\n';
        return [Buffer.from(head), pdf];
    } catch (e) {
        const line = diagLine(0, 0, 'error', 'the Typst compiler failed: ' + (e && e.message));
        return 'error 1\n' + line;
    } finally {
        compiler.resetShadow();
        compiler.evictCache(10);
        mainLines = [];
    }
}

// ---- the stream ------------------------------------------------------------------

let chunks = [];
let buffered = 0;

// Take `n` bytes from the front of what arrived, or null when fewer are there.
function take(n) {
    if (buffered < n) return null;
    const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    const head = all.subarray(0, n);
    const rest = all.subarray(n);
    chunks = rest.length ? [rest] : [];
    buffered = rest.length;
    return Buffer.from(head);
}

// The next line (without its newline) when a whole one arrived, else null.
function takeLine() {
    const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    chunks = all.length ? [all] : [];
    const nl = all.indexOf(10);
    if (nl < 0) {
        if (all.length > 4096) protocolError('a header line longer than 4096 bytes');
        return null;
    }
    const line = take(nl + 1);
    return line.subarray(0, nl).toString('latin1');
}

function protocolError(what) {
    out('error 1\n' + diagLine(0, 0, 'error', 'the Typst worker was sent ' + what));
    process.exit(1);
}

function count(s, what) {
    if (!/^[0-9]{1,12}$/.test(s)) protocolError('a bad ' + what + ' "' + s + '"');
    return Number(s);
}

// The request being read: its header, then its files one by one.
let request = null;

function pump() {
    for (;;) {
        if (request === null) {
            const line = takeLine();
            if (line === null) return;
            const m = /^compile (\S+) (\S+) (-?[0-9]{1,15})$/.exec(line);
            if (!m) protocolError('the request "' + line.slice(0, 80) + '"');
            request = { mainLen: count(m[1], 'length'), nfiles: count(m[2], 'file count'), timestamp: Number(m[3]), main: null, files: [], file: null };
        }
        if (request.main === null) {
            request.main = take(request.mainLen);
            if (request.main === null) return;
        }
        while (request.files.length < request.nfiles) {
            if (request.file === null) {
                const line = takeLine();
                if (line === null) return;
                const m = /^file (\S+) (\S+)$/.exec(line);
                if (!m) protocolError('the file header "' + line.slice(0, 80) + '"');
                request.file = { nameLen: count(m[1], 'name length'), dataLen: count(m[2], 'data length') };
            }
            if (buffered < request.file.nameLen + request.file.dataLen) return;
            const name = take(request.file.nameLen).toString('utf8');
            const data = take(request.file.dataLen);
            if (name === '' || name.includes('/') || name.startsWith('.')) protocolError('the file name "' + name + '"');
            request.files.push({ name, data });
            request.file = null;
        }
        const response = compile(request.main, request.files, request.timestamp);
        request = null;
        if (Array.isArray(response)) response.forEach(out);
        else out(response);
    }
}

// The version of Typst inside the package: the Creator of a trivial document's PDF.
function typstVersion() {
    try {
        compiler.mapShadow(MAIN, Buffer.from('#set document(title: "v")\nv\n'));
        const doc = compiler.compile({ mainFilePath: MAIN }).result;
        const m = /Typst ([0-9][0-9A-Za-z.+-]*)/.exec(compiler.pdf(doc, {}).toString('latin1'));
        return m ? m[1] : 'unknown';
    } catch (e) {
        return 'unknown';
    } finally {
        compiler.resetShadow();
    }
}

out('ready ' + typstVersion() + ' ' + packageVersion + '\n');
process.stdin.on('data', (chunk) => {
    chunks.push(chunk);
    buffered += chunk.length;
    pump();
});
process.stdin.on('end', () => process.exit(0));
process.stdout.on('error', () => process.exit(1));
