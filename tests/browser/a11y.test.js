// The built pages in headless Chromium, in the light and the dark colour scheme:
// axe-core finds no violation (WCAG 2.1 A and AA, best practices), the dark scheme
// is really dark, text in boxes fills them, images keep their natural size and small
// tables their content's width.
//
//   node --test tests/browser/        (tests/run calls it; BUILD=dir picks the binary)
//
// Builds the sample and tests/browser/small/small.xml (a 200×80 SVG figure, a
// two-column table, an evidence box, a paragraph with no English version), with the
// briefs of tests/collection and the collection's index pages (build --collection),
// into a scratch folder.  Screenshots, phone (360 px) and desktop (1280 px) in each scheme,
// go to tests/artifacts/browser/ (git-ignored): look at them.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '../..');
const BUILD = path.resolve(ROOT, process.env.BUILD || 'build');
const BRIEFGEN = path.join(BUILD, 'briefgen');
const ARTIFACTS = path.join(ROOT, 'tests/artifacts/browser');
const AXE = require.resolve('axe-core/axe.min.js');
const SCHEMES = ['light', 'dark'];
// the page's paper in each scheme (the --paper of page.xsl's style sheet)
const PAPER = { light: 'rgb(255, 255, 255)', dark: 'rgb(20, 24, 29)' };

let dir, browser;

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgen-a11y-'));
  // one build, with the collection's index pages of every brief (and the briefs of
  // tests/collection, in three languages)
  const briefs = ['samples/wartime-participation.xml', 'tests/browser/small/small.xml',
    ...fs.readdirSync(path.join(ROOT, 'tests/collection/briefs')).filter((f) => f.endsWith('.xml'))
      .sort().map((f) => `tests/collection/briefs/${f}`)];
  execFileSync(BRIEFGEN, ['build', '-q', '-f', 'html,docbook', '--collection', '--base-url', 'https://example.org/',
    '-o', dir, ...briefs.map((b) => path.join(ROOT, b))], { stdio: ['ignore', 'ignore', 'pipe'] });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function open(file, scheme, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
  const page = await context.newPage();
  await page.goto('file://' + path.join(dir, file));
  return { context, page };
}

// axe's violations as readable lines: rule, impact, the first nodes and why.
function describe(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 4)
    .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n')).join('\n');
}

for (const scheme of SCHEMES) {
  for (const file of ['wartime-participation.uk.html', 'wartime-participation.en.html', 'small.en.html', 'small.uk.html',
    'index.uk.html', 'index.en.html', 'index.pl.html']) {
    test(`axe finds no violation in ${file}, ${scheme} scheme`, async () => {
      const { context, page } = await open(file, scheme, 1280);
      try {
        // the scheme took effect: the paper is the scheme's
        assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), PAPER[scheme]);
        await page.addScriptTag({ path: AXE });
        const result = await page.evaluate(() => window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        }));
        assert.equal(result.violations.length, 0, describe(result.violations));
        const stem = file.replace(/\.html$/, '');
        for (const width of [360, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await page.screenshot({ path: path.join(ARTIFACTS, `${stem}-${scheme}-${width}.png`), fullPage: true });
        }
      } finally {
        await context.close();
      }
    });
  }
}

test('the text of an evidence box fills the box (no 70ch measure inside boxes)', async () => {
  const { context, page } = await open('small.en.html', 'light', 1280);
  try {
    const gap = await page.evaluate(() => {
      const box = document.querySelector('.evidence');
      const p = box.querySelector('p');
      const style = getComputedStyle(box);
      const inner = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return inner - p.getBoundingClientRect().width;
    });
    assert.ok(gap < 1, `the evidence text stops ${gap} px short of the box's right edge`);
  } finally {
    await context.close();
  }
});

test('a 200×80 SVG figure is shown at 200×80, not scaled up; scaled down on a narrow screen', async () => {
  const { context, page } = await open('small.en.html', 'light', 1280);
  try {
    const size = async () => page.evaluate(() => {
      const r = document.querySelector('#fig-small svg').getBoundingClientRect();
      return [Math.round(r.width), Math.round(r.height)];
    });
    assert.deepEqual(await size(), [200, 80]);
    await page.setViewportSize({ width: 150, height: 600 });
    const [w, h] = await size();
    const column = await page.evaluate(() => document.querySelector('#fig-small').clientWidth);
    assert.ok(w <= column && w < 200, `on a 150 px screen the figure is ${w} px wide (column ${column} px)`);
    assert.ok(Math.abs(w / h - 2.5) < 0.05, `the figure lost its proportions: ${w}×${h}`);
  } finally {
    await context.close();
  }
});

test('a small table is as wide as its content, not the whole column', async () => {
  const { context, page } = await open('small.en.html', 'light', 1280);
  try {
    const [table, column] = await page.evaluate(() => [
      document.querySelector('#t-small').getBoundingClientRect().width,
      document.querySelector('main').clientWidth,
    ]);
    assert.ok(table < column * 0.75, `the two-column table is ${table} px wide in a ${column} px column`);
  } finally {
    await context.close();
  }
});

test('the fallback mark is visible, muted and in the page language', async () => {
  const { context, page } = await open('small.en.html', 'light', 1280);
  try {
    const mark = page.locator('p[lang="uk"] > .fallback-mark');
    assert.equal(await mark.count(), 1);
    assert.equal(await mark.getAttribute('lang'), 'en');
    assert.equal(await mark.innerText(), 'In Ukrainian');
    assert.ok(await mark.isVisible());
  } finally {
    await context.close();
  }
});
