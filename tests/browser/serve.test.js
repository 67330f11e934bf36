// Browser tests of `briefgen serve`: what an editor sees, in headless Chromium.
//
//   node --test tests/browser/        (tests/run calls it; BUILD=dir picks the binary)
//
// Copies the sample into a scratch folder, starts `briefgen serve -p 0` on it (any
// free port), and drives Debian's Chromium through playwright-core.  The server is
// stopped and the folder removed at the end, whatever happens.  Screenshots go to
// tests/artifacts/browser/ (git-ignored): look at them.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '../..');
const BUILD = path.resolve(ROOT, process.env.BUILD || 'build');
const BRIEFGEN = path.join(BUILD, 'briefgen');
const ARTIFACTS = path.join(ROOT, 'tests/artifacts/browser');
const NAME = 'wartime-participation';
const SAMPLE = fs.readFileSync(path.join(ROOT, 'samples', NAME + '.xml'), 'utf8');
const WAIT = 5000; // ms: the longest any change may take to show (the issue asks for 1 s)

let dir, brief, server, base, browser, context;
const serverLog = [];

// Save the brief the way most editors do: write a new file, rename it over the old.
function save(text) {
  fs.writeFileSync(brief + '.tmp', text);
  fs.renameSync(brief + '.tmp', brief);
}

// Put the sample back and wait until the server serves it again, so each test
// starts from the same state even when the one before failed halfway.
async function reset() {
  save(SAMPLE);
  const until = Date.now() + WAIT;
  for (;;) {
    const body = await (await fetch(`${base}/${NAME}/en.html`)).text();
    if (body.includes('Participation under fire') && !body.includes('briefgen-preview-errors') &&
        body.includes('Since the full-scale invasion began')) return;
    if (Date.now() > until) throw new Error('the server did not return to the sample within ' + WAIT + ' ms');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Start the server and resolve with its address, read from the line it prints.
function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(BRIEFGEN, ['serve', '-q', '-p', '0', brief], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('no address within 10 s: ' + out + serverLog.join(''))), 10000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /http:\/\/\S+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0].replace(/\/$/, ''));
      }
    });
    server.stderr.on('data', (chunk) => serverLog.push(String(chunk)));
    server.on('error', (e) => { clearTimeout(timer); reject(e); });
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error('server exited with ' + code)); });
  });
}

function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
}
process.on('exit', stopServer); // even when a hook throws

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgen-browser-'));
  brief = path.join(dir, NAME + '.xml');
  fs.writeFileSync(brief, SAMPLE);
  // the images the sample's figures embed lie beside it
  for (const f of fs.readdirSync(path.join(ROOT, 'samples'))) {
    if (f.startsWith(NAME + '-') && f.endsWith('.svg')) fs.copyFileSync(path.join(ROOT, 'samples', f), path.join(dir, f));
  }
  base = await startServer();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

after(async () => {
  if (browser) await browser.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    stopServer();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// A new page that records every console error and CSP violation, so each test can
// check that the reload script runs and nothing else was blocked.
async function openPage() {
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(m.text()); });
  page.on('pageerror', (e) => page.problems.push(String(e)));
  // Mark the window: after a reload by the page's own script the mark is gone.
  return page;
}

async function mark(page) { await page.evaluate(() => { window.__briefgenMark = 1; }); }
async function marked(page) { return page.evaluate(() => window.__briefgenMark === 1); }

test('the index lists the brief with its state and coverage, and links to each page', async () => {
  await reset();
  const page = await openPage();
  const res = await page.goto(base + '/');
  assert.equal(res.status(), 200);
  const card = page.locator('section.brief');
  await card.locator('.state.ok').waitFor({ timeout: WAIT });
  assert.match(await card.innerText(), /161 of 161 texts/);
  for (const href of [`/${NAME}/uk.html`, `/${NAME}/en.html`, `/${NAME}/uk.dbk`, `/${NAME}/en.dbk`, `/${NAME}/uk.pdf`, `/${NAME}/en.pdf`,
    `/${NAME}/side-by-side`]) {
    assert.equal(await card.locator(`a[href="${href}"]`).count() > 0, true, 'no link to ' + href);
  }
  await page.screenshot({ path: path.join(ARTIFACTS, 'index.png') });

  // Follow the brief's link: its Ukrainian page.
  await card.locator('h2 a').click();
  await page.waitForURL(`${base}/${NAME}/uk.html`, { timeout: WAIT });
  assert.equal(await page.getAttribute('html', 'lang'), 'uk');
  assert.match(await page.locator('h1').innerText(), /Участь під час війни/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the brief page switches language through its own link', async () => {
  await reset();
  const page = await openPage();
  await page.goto(`${base}/${NAME}/uk.html`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'brief-uk.png') });
  // The rendered page links to the built file name (NAME.en.html); the preview
  // sends that to /NAME/en.html.
  await page.locator('a[hreflang="en"]').first().click();
  await page.waitForURL(`${base}/${NAME}/en.html`, { timeout: WAIT });
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.locator('h1').innerText(), /Participation under fire/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'brief-en.png') });
  await page.screenshot({ path: path.join(ARTIFACTS, 'brief-en-full.png'), fullPage: true });
  assert.deepEqual(page.problems, [], 'console errors (a CSP violation would show here)');
  await page.close();
});

test('a save on disk shows up in the open page without a manual reload', async () => {
  await reset();
  const page = await openPage();
  await page.goto(`${base}/${NAME}/en.html`);
  await mark(page);
  const started = Date.now();
  save(SAMPLE.replace('Participation under fire', 'Participation under steady fire'));
  await page.locator('h1', { hasText: 'Participation under steady fire' }).waitFor({ timeout: WAIT });
  const ms = Date.now() - started;
  assert.equal(await marked(page), false, 'the text changed but the page did not reload?');
  // The issue asks for one second; allow slack for a loaded machine or a sanitizer build.
  assert.ok(ms < 2500, `the change took ${ms} ms to appear`);
  console.log(`# save to new text in the browser: ${ms} ms`);
  save(SAMPLE);
  await page.locator('h1', { hasText: 'Participation under fire' }).waitFor({ timeout: WAIT });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a broken brief shows its errors over the last good version, then recovers', async () => {
  await reset();
  const page = await openPage();
  await page.goto(`${base}/${NAME}/en.html`);
  // Close the English title with the wrong tag.
  const lines = SAMPLE.split('\n');
  const i = lines.findIndex((l) => /<title xml:lang="en">/.test(l));
  assert.ok(i >= 0, 'the sample has an English title');
  lines[i] = lines[i].replace('</title>', '</titel>');
  save(lines.join('\n'));

  const banner = page.locator('#briefgen-preview-errors');
  await banner.waitFor({ state: 'visible', timeout: WAIT });
  const text = await banner.innerText();
  assert.match(text, new RegExp(`${NAME}\\.xml:${i + 1}: error: `), text);
  assert.match(text, /last good version/);
  // Under the banner: the last good render, not an empty page.
  assert.match(await page.locator('h1').innerText(), /Participation under fire/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'error-banner.png') });

  // The index says so too.
  const index = await openPage();
  await index.goto(base + '/');
  assert.match(await index.locator('.state').innerText(), /\d+ errors?/);
  await index.close();

  save(SAMPLE);
  await banner.waitFor({ state: 'detached', timeout: WAIT });
  assert.match(await page.locator('h1').innerText(), /Participation under fire/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('side by side flags a removed English paragraph and shows the Ukrainian in its place', async () => {
  await reset();
  const page = await openPage();
  await page.goto(`${base}/${NAME}/side-by-side`);
  assert.equal(await page.locator('td.missing').count(), 0, 'the complete sample has no gap');
  assert.ok(await page.locator('table.sbs tbody tr[id]').count() > 50, 'too few aligned rows');

  // Remove the first English paragraph of the summary, with the page open.
  const en = /\n\s*<p xml:lang="en">Since the full-scale invasion began[^]*?<\/p>/;
  assert.match(SAMPLE, en);
  save(SAMPLE.replace(en, ''));

  const cell = page.locator('td.missing').first();
  await cell.waitFor({ timeout: WAIT });
  assert.equal(await page.locator('td.missing').count(), 1);
  assert.match(await cell.locator('.flag').innerText(), /No English text — showing Ukrainian/);
  const fallback = cell.locator('.fallback');
  assert.equal(await fallback.getAttribute('lang'), 'uk');
  assert.match(await fallback.innerText(), /Від початку повномасштабного вторгнення/);
  // The flagged cell sits in the English column, next to the Ukrainian original.
  const row = page.locator('tr', { has: cell });
  assert.match(await row.locator('td[lang="uk"]').innerText(), /Від початку повномасштабного вторгнення/);
  assert.match(await page.locator('ul.summary').innerText(), /English: 160 of 161 texts — 1 missing/);
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ARTIFACTS, 'side-by-side.png') });

  // The rendered English page falls back to the Ukrainian text, marked as such.
  const enPage = await openPage();
  await enPage.goto(`${base}/${NAME}/en.html`);
  const p = enPage.locator('p[lang="uk"]', { hasText: 'Від початку повномасштабного вторгнення' });
  assert.equal(await p.count(), 1, 'the fallback paragraph is not marked lang="uk"');
  await enPage.close();

  save(SAMPLE);
  await page.locator('td.missing').first().waitFor({ state: 'detached', timeout: WAIT });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the DocBook view shows the source as text', async () => {
  await reset();
  const page = await openPage();
  await page.goto(`${base}/${NAME}/uk.dbk`);
  const src = await page.locator('ol.src').innerText();
  assert.match(src, /<article xmlns="http:\/\/docbook.org\/ns\/docbook"/);
  assert.equal(await page.locator('article').count(), 0, 'DocBook markup reached the DOM');
  assert.deepEqual(page.problems, []);
  await page.close();
});
