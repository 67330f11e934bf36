#!/usr/bin/env node
// tests/pdf/inspect.js PDF — what a PDF's catalog says about its accessibility,
// read through qpdf's JSON (qpdf --json, version 2), one fact a line:
//   lang uk                     the catalog's /Lang
//   marked true                 /MarkInfo /Marked
//   struct-tree yes|no          a /StructTreeRoot
//   tag H1 3                    structure elements by type, counted
//   figure-alt N M              figures (/Figure), and how many of them have /Alt
//   th N                        header cells (/TH)
//   span-lang en 2              marked passages with a /Lang of their own, by language
//   outline LEVEL TITLE         the bookmarks, in order, LEVEL from 1
'use strict';
const { execFileSync } = require('child_process');
const file = process.argv[2];
const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', '--json-key=outlines', file],
    { maxBuffer: 1 << 28 }).toString());
const objs = json.qpdf[1];
const obj = (ref) => {
    if (typeof ref !== 'string' || !/ R$/.test(ref)) return ref;
    const o = objs['obj:' + ref];
    return o ? (o.value !== undefined ? o.value : (o.stream ? o.stream.dict : o)) : undefined;
};
const str = (s) => (typeof s === 'string' && s.startsWith('u:') ? s.slice(2) : s);
const root = obj(objs.trailer.value['/Root']);
const say = (...a) => console.log(a.join(' '));
say('lang', str(obj(root['/Lang'])) || '-');
const mi = obj(root['/MarkInfo']);
say('marked', mi && obj(mi['/Marked']) === true ? 'true' : 'false');
const st = obj(root['/StructTreeRoot']);
say('struct-tree', st ? 'yes' : 'no');
const counts = {}, langs = {};
let figs = 0, alts = 0;
const seen = new Set();
const walk = (ref, depth) => {
    if (depth > 200) return;
    if (typeof ref === 'string' && / R$/.test(ref)) {
        if (seen.has(ref)) return;
        seen.add(ref);
    }
    const n = obj(ref);
    if (Array.isArray(n)) { n.forEach((k) => walk(k, depth + 1)); return; }
    if (!n || typeof n !== 'object') return;
    const s = obj(n['/S']);
    if (typeof s === 'string') {
        const t = s.replace(/^\//, '');
        counts[t] = (counts[t] || 0) + 1;
        if (t === 'Figure') { figs++; if (n['/Alt'] && str(obj(n['/Alt']))) alts++; }
        const l = str(obj(n['/Lang']));
        if (l) langs[l] = (langs[l] || 0) + 1;
    }
    if (n['/K'] !== undefined) walk(n['/K'], depth + 1);
};
if (st) walk(st['/K'], 0);
for (const t of Object.keys(counts).sort()) say('tag', t, counts[t]);
say('figure-alt', figs, alts);
say('th', counts.TH || 0);
for (const l of Object.keys(langs).sort()) say('span-lang', l, langs[l]);
const outline = (items, level) => {
    for (const it of items || []) {
        say('outline', level, it.title);
        outline(it.kids, level + 1);
    }
};
outline(json.outlines, 1);
