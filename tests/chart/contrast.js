#!/usr/bin/env node
// tests/chart/contrast.js PAGE.html [PAGE.typ] — the votes chart's colours meet WCAG contrast
// in the light and the dark scheme, computed from the page's own CSS and SVG.
//
// Reads the chart's CSS block (page.xsl, between "votes chart … begin" and "end"):
// the custom properties of `.chart` outside any @media rule (light) and inside
// `@media (prefers-color-scheme: dark)` (dark).  Against each scheme's
// --chart-paper, every bar colour and the axis need 3:1 (WCAG 1.4.11, graphics)
// and the text 4.5:1 (1.4.3).  Every bar class the SVG uses must be coloured by
// the block, and the SVG's fill attributes (its colours without the CSS) need 3:1
// on white.  Exits 1 and says which colour fails, and by how much.
'use strict';
const fs = require('fs');

// WCAG 2 relative luminance of "#rrggbb" and the contrast ratio of two colours.
function luminance(hex) {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const c = [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
function ratio(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// The custom properties declared in the first `.chart { … }` rule of css.
function properties(css) {
  const rule = /(^|[}\s])\.chart\s*\{([^}]*)\}/.exec(css);
  if (!rule) return null;
  const props = {};
  for (const d of rule[2].matchAll(/--(chart-[a-z]+)\s*:\s*([^;]+);/g)) props[d[1]] = d[2].trim();
  return props;
}

const failures = [];
const html = fs.readFileSync(process.argv[2], 'utf8');
const block = /votes chart[^\n]*begin([\s\S]*?)votes chart[^\n]*end/.exec(html);
if (!block) {
  console.error('no votes chart CSS block in the page');
  process.exit(1);
}
const dark = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{([\s\S]*?\})\s*\}/.exec(block[1]);
const schemes = {
  light: properties(dark ? block[1].replace(dark[0], '') : block[1]),
  dark: dark && properties(dark[1]),
};
const graphics = ['chart-high', 'chart-medium', 'chart-low', 'chart-axis'];
const texts = ['chart-text'];
for (const [name, p] of Object.entries(schemes)) {
  if (!p) { failures.push(`${name}: no .chart palette`); continue; }
  const paper = p['chart-paper'];
  if (!paper) { failures.push(`${name}: no --chart-paper`); continue; }
  for (const [keys, min] of [[graphics, 3], [texts, 4.5]]) {
    for (const k of keys) {
      if (!p[k]) { failures.push(`${name}: no --${k}`); continue; }
      const r = ratio(p[k], paper);
      const line = `${name} --${k} ${p[k]} on ${paper}: ${r.toFixed(2)}:1 (at least ${min}:1)`;
      if (r < min) failures.push(line); else console.log(`ok ${line}`);
    }
  }
}

// Each bar class of the SVG is coloured by the block; each fill attribute is safe
// on white.
const svg = /<figure[^>]*class="[^"]*\bchart\b[\s\S]*?<\/svg>/.exec(html);
if (!svg) failures.push('no chart SVG in the page');
else {
  for (const m of svg[0].matchAll(/<rect class="bar (\w+)"[^>]*fill="(#[0-9a-f]{6})"/gi)) {
    const [, cls, fill] = m;
    if (!new RegExp(`\\.bar\\.${cls}\\b[^{]*\\{[^}]*fill:\\s*var\\(--chart-`).test(block[1]))
      failures.push(`bar class ${cls} is not coloured by the chart's CSS`);
    if (ratio(fill, '#ffffff') < 3) failures.push(`fill ${fill} (${cls}) is under 3:1 on white: ${ratio(fill, '#ffffff').toFixed(2)}:1`);
  }
  if (!/<rect class="bar /.test(svg[0])) failures.push('no bars in the chart');
}

// The PDF's chart (a .typ, optional): its bar colours on the white page.
if (process.argv[3]) {
  const typ = fs.readFileSync(process.argv[3], 'utf8');
  const lets = [...typ.matchAll(/#let (chart-[a-z]+) = rgb\("(#[0-9a-f]{6})"\)/gi)];
  if (lets.length < 3) failures.push('typst: no chart palette');
  for (const [, k, c] of lets) {
    const r = ratio(c, '#ffffff');
    const line = `typst ${k} ${c} on #ffffff: ${r.toFixed(2)}:1 (at least 3:1)`;
    if (r < 3) failures.push(line); else console.log(`ok ${line}`);
  }
}

for (const f of failures) console.error(`FAIL ${f}`);
process.exit(failures.length ? 1 : 0);
