// Browser print of the HTML (Ctrl-P): the sample's pages printed to PDF by headless
// Chromium and read back with poppler (pdfinfo, pdftotext).
//
//   node --test tests/browser/        (tests/run calls it; BUILD=dir picks the binary)
//
// Builds the sample's HTML in uk and en into a scratch folder, prints each page with
// page.pdf() as a user's "Save as PDF" would (A4, the page's own @page size, no
// header or footer of the browser's), and checks the print CSS of page.xsl: the page
// count, the page number "2 / N" and the running head from page 2 on, no back-link
// arrow, no heading left alone at the foot of a page, no URL broken inside
// "https://", the text itself.  A copy of the sample with a hostile title checks that
// the running head shows the title as text.  The PDFs and PNGs of their pages go to
// tests/artifacts/browser/ (git-ignored): look at them.
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
const NAME = 'wartime-participation';
const SAMPLE = path.join(ROOT, 'samples', NAME + '.xml');
// Chromium printed the sample on 13 pages before the print CSS of issue 13, 9 after.
const PAGES = { min: 6, max: 9 };

// What each language's printed text must show (pdftotext -layout folds runs of
// spaces, so a sentence is compared with its whitespace normalised).
const EXPECT = {
  uk: {
    head: 'Участь під час війни', // the sample's short title
    sentence: 'Громади відновлювали водо- й електропостачання після обстрілів, облаштовували пункти обігріву',
  },
  en: {
    head: 'Participation under fire',
    sentence: 'Municipalities restored water and power after shelling, set up heating points and shelters, housed',
  },
};

let dir, browser;

function run(cmd, args) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function havePoppler() {
  try {
    run('pdftotext', ['-v']);
    return true;
  } catch {
    return false;
  }
}

// The section headings of a built page, as the reader sees them (h2 to h4), from
// the browser's own DOM so the test and the page agree on the text.
async function headings(page) {
  return page.evaluate(() => [...document.querySelectorAll('main h2, main h3, main h4, footer h2')]
    .map((h) => h.textContent.replace(/\s+/g, ' ').trim()).filter((t) => t));
}

// Print FILE to PDF as a user's Ctrl-P does; return {pdf, pages: [text of each page], headings}.
async function print(file, pdf) {
  const page = await browser.newPage();
  await page.goto('file://' + file);
  const hs = await headings(page);
  const problems = await page.evaluate(() => ({
    styles: document.querySelectorAll('style').length,
    // the JSON-LD is a data block, never run; any other script would be
    scripts: document.querySelectorAll('script:not([type="application/ld+json"])').length,
    ld: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
    h1: document.querySelector('h1').textContent,
  }));
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, displayHeaderFooter: false });
  await page.close();
  const info = run('pdfinfo', [pdf]);
  const n = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  const pages = [];
  for (let i = 1; i <= n; i++) pages.push(run('pdftotext', ['-layout', '-f', String(i), '-l', String(i), pdf, '-']));
  return { pdf, info, pages, headings: hs, dom: problems };
}

const norm = (s) => s.replace(/\s+/g, ' ').trim();
const lines = (text) => text.split('\n').map((l) => l.trim()).filter((l) => l);
const isFolio = (line) => /^\d+\s*\/\s*\d+$/.test(line);

// The heading (of HEADINGS) that page TEXT ends with, above its page number, if any.
function strandedHeading(text, headings) {
  const last = norm(lines(text).filter((l) => !isFolio(l)).at(-1) || '');
  return headings.find((h) => last === h || last.endsWith(h) || (last.length > 3 && h.endsWith(last)));
}

// Every "https://" or "http://" in TEXT that a line break or space cuts, as written.
function brokenSchemes(text) {
  return [...text.matchAll(/h\s*t\s*t\s*p\s*s?\s*:\s*\/\s*\//g)].map((m) => m[0]).filter((m) => /\s/.test(m));
}

before(() => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgen-print-'));
});

after(async () => {
  if (browser) await browser.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function launch() {
  if (!browser) {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }
}

// The checks below would pass on anything if these two found nothing: try them on
// text that has what they look for.
test('print checks: a stranded heading and a broken "https://" are found', () => {
  const hs = ['Recommendations', 'How we worked'];
  assert.equal(strandedHeading('text\n\nRecommendations\n\n   3 / 9\n', hs), 'Recommendations');
  assert.equal(strandedHeading('Recommendations\nThe first line.\n 3 / 9\n', hs), undefined);
  assert.deepEqual(brokenSchemes('see http\n   s://kse.ua and https:/ /x and https://ok'), ['http\n   s://', 'https:/ /']);
  assert.deepEqual(brokenSchemes('https://zakon.rada.gov.ua/\nlaws/show/389-19'), []);
});

for (const lang of ['uk', 'en']) {
  test(`print ${lang}: A4 pages with number and running head, nothing stranded or broken`, async () => {
    assert.ok(havePoppler(), 'no pdftotext: install poppler-utils (scripts/install-deps)');
    const out = path.join(dir, 'out');
    run(BRIEFGEN, ['build', '-q', '-f', 'html', '-o', out, SAMPLE]);
    await launch();
    const r = await print(path.join(out, `${NAME}.${lang}.html`), path.join(ARTIFACTS, `print.${lang}.pdf`));
    const n = r.pages.length;
    const where = `(${path.relative(ROOT, r.pdf)})`;

    assert.match(r.info, /^Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/m, 'not A4 ' + where);
    assert.ok(n >= PAGES.min && n <= PAGES.max, `${n} pages; expected ${PAGES.min}–${PAGES.max} ${where}`);

    // the page number "N / M" on every page, in the bottom margin (the page's last line)
    r.pages.forEach((text, i) => {
      const last = lines(text).at(-1);
      assert.match(last, new RegExp(`^${i + 1}\\s*/\\s*${n}$`), `page ${i + 1}: its last line is "${last}", not "${i + 1} / ${n}" ${where}`);
    });
    // the running head: page 2's first line, absent from page 1
    assert.equal(lines(r.pages[1])[0], EXPECT[lang].head, 'no running head on page 2 ' + where);
    assert.notEqual(lines(r.pages[0])[0], EXPECT[lang].head, 'the running head is on page 1 ' + where);

    const all = r.pages.join('\n');
    assert.ok(!all.includes('↩'), 'a back-link arrow ↩ is printed ' + where);
    assert.ok(norm(all).includes(EXPECT[lang].sentence), `"${EXPECT[lang].sentence}" is not in the printed text ${where}`);

    // no heading as the last line of a page (above the page number)
    assert.ok(r.headings.length > 10, 'too few headings found in the page: ' + r.headings.join(' | '));
    r.pages.forEach((text, i) => {
      const stranded = strandedHeading(text, r.headings);
      assert.equal(stranded, undefined, `page ${i + 1} ends with the heading "${stranded}" ${where}`);
    });

    // no URL broken inside its scheme: every "https://" (or a split one) is whole
    assert.deepEqual(brokenSchemes(all), [], 'a URL is broken inside its scheme ' + where);
    assert.ok(/https:\/\/doi\.org\/10\.1787\/f765caf6-en/.test(all), 'a reference\'s DOI URL is not printed whole ' + where);

    // pictures of the pages to look at
    for (const f of fs.readdirSync(ARTIFACTS)) if (f.startsWith(`print.${lang}-`)) fs.rmSync(path.join(ARTIFACTS, f));
    try {
      run('pdftoppm', ['-r', '50', '-png', r.pdf, path.join(ARTIFACTS, `print.${lang}`)]);
    } catch { /* pictures are for people; the checks above are the test */ }
  });
}

test('print: a hostile title reaches the running head as text, not as CSS or HTML', async () => {
  assert.ok(havePoppler(), 'no pdftotext: install poppler-utils (scripts/install-deps)');
  const title = 'A "quoted" back\\slash \\"; } body { display: none } </style><script>alert(1)</script> end';
  const xml = fs.readFileSync(SAMPLE, 'utf8')
    .replace('<brief ', '<brief typography="none" ')
    .replace(/<title xml:lang="en">[^<]*<\/title>/, `<title xml:lang="en">${title.replace(/</g, '&lt;')}</title>`)
    // the running head shows the short title when there is one: the hostile title only
    .replace(/<short-title xml:lang="[a-z]+">[^<]*<\/short-title>\s*/g, '');
  assert.ok(xml.includes('alert(1)'), 'the sample has no English title to replace');
  const src = path.join(dir, 'hostile.xml');
  fs.writeFileSync(src, xml);
  for (const f of fs.readdirSync(path.join(ROOT, 'samples'))) {
    if (f.startsWith(NAME + '-') && f.endsWith('.svg')) fs.copyFileSync(path.join(ROOT, 'samples', f), path.join(dir, f));
  }
  const out = path.join(dir, 'hostile');
  run(BRIEFGEN, ['build', '-q', '-l', 'en', '-f', 'html', '-o', out, src]);
  await launch();
  const r = await print(path.join(out, 'hostile.en.html'), path.join(ARTIFACTS, 'print.hostile.pdf'));
  assert.equal(r.dom.styles, 1, 'the title opened or closed a <style> element');
  assert.equal(r.dom.scripts, 0, 'the title became a <script> element');
  assert.equal(r.dom.ld.length, 1, 'the title ended the JSON-LD or opened another script');
  assert.equal(JSON.parse(r.dom.ld[0]).name, title, 'the JSON-LD, as the browser reads it, does not hold the title');
  assert.equal(norm(r.dom.h1), title, 'the page\'s h1 is not the title');
  assert.ok(r.pages.length >= PAGES.min, `only ${r.pages.length} pages: the title's CSS hid the page`);
  assert.equal(norm(lines(r.pages[1])[0]), title, 'the running head of page 2 is not the title as text');
});
