#!/usr/bin/env node
// tests/typst/compile.js IN.typ OUT.pdf — compile a .typ that briefgen wrote to a
// PDF/UA-1 PDF with the Typst compiler of the npm package
// @myriaddreamin/typst-ts-node-compiler, for the tests that look at the PDF of the
// Typst templates (the engine briefgen itself runs is the lead's; this is a test
// helper only).  The figures' files beside IN.typ are given to the compiler under
// their bare names, as the .typ names them; fonts come only from the PT folder.
//
// Exit 0 with the PDF written; 1 with Typst's messages on stderr (an error, or a
// PDF/UA-1 violation); 77 with a line "skip: …" when the module or the fonts are
// not installed, so a check script can tell a skip from a failure.
'use strict';
const fs = require('fs');
const path = require('path');

const FONTS = '/usr/share/fonts/truetype/paratype';
const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: compile.js IN.typ OUT.pdf');
  process.exit(2);
}
if (!fs.existsSync(input)) {
  console.error(`${input}: no such file`);
  process.exit(1);
}
let NodeCompiler;
try {
  ({ NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler'));
} catch (e) {
  console.log('skip: the npm module @myriaddreamin/typst-ts-node-compiler is not installed');
  process.exit(77);
}
if (!fs.existsSync(FONTS)) {
  console.log(`skip: no fonts in ${FONTS} (Debian package fonts-paratype)`);
  process.exit(77);
}
const workspace = path.resolve(path.dirname(input));
const compiler = NodeCompiler.create({ workspace, fontArgs: [{ fontPaths: [FONTS] }] });
for (const name of fs.readdirSync(workspace)) {
  if (/\.(svg|png)$/.test(name))
    compiler.mapShadow(path.join(workspace, name), fs.readFileSync(path.join(workspace, name)));
}
const result = compiler.compile({ mainFileContent: fs.readFileSync(input, 'utf8') });
const diags = result.takeDiagnostics();
for (const d of (diags && diags.shortDiagnostics) || [])
  console.error(`${input}: ${d.severity === 1 ? 'error' : 'warning'}: ${d.message} ${JSON.stringify(d.range)}`);
if (!result.result) process.exit(1);
try {
  const pdf = compiler.pdf(result.result, { creationTimestamp: 0, pdfStandard: 'ua-1' });
  fs.writeFileSync(output, pdf);
} catch (e) {
  console.error(`${input}: PDF/UA-1: ${e.message || e}`);
  process.exit(1);
}
