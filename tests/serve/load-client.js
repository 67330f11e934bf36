// tests/serve/load-client.js — the abusive clients of tests/serve/load, on raw
// sockets (loopback only).
//
//   node tests/serve/load-client.js PORT NAME [SERVER_PID]
//
// Runs, against the preview server on 127.0.0.1:PORT serving the brief NAME:
//   malformed    requests no browser sends: garbage, broken request lines and
//                headers, bad encodings, smuggling attempts, pipelining
//   oversized    headers and URLs past the server's limits
//   slow         30 clients sending their request one byte at a time while others
//                are served at normal speed
//   flood        150 idle connections: the server never serves more than 64 at
//                once (one thread each: its thread count is watched), and serves
//                again at once when they go
//   traversal    about 600 ways of asking for a file outside the preview
// and prints "ok serve-load/TEST" or "FAIL serve-load/TEST" with the reasons
// indented under it, like tests/run.  Exit status 0 unless a test failed.
'use strict';
const net = require('node:net');
const fs = require('node:fs');

const PORT = Number(process.argv[2]);
const NAME = process.argv[3] || 'wartime-participation';
const SERVER_PID = Number(process.argv[4]) || 0; // to count the server's threads
// LOAD_SLOW=N: the server runs N times slower than usual (valgrind): time bounds
// and waits are N times longer.
const SLOW = Math.max(1, Number(process.env.LOAD_SLOW) || 1);
const HOST = '127.0.0.1';
let failures = 0;

function report(test, why) {
  if (why.length === 0) {
    console.log(`ok serve-load/${test}`);
  } else {
    failures++;
    console.log(`FAIL serve-load/${test}`);
    for (const w of why.slice(0, 20)) console.log(`    ${w}`);
    if (why.length > 20) console.log(`    … and ${why.length - 20} more`);
  }
}

// Send `data` (a Buffer or string, or an array of pieces sent `gapMs` apart) and
// collect what comes back until the server closes, or `quietMs` after the last
// byte received once a full response is in, or `timeoutMs` overall.
function exchange(data, { timeoutMs = 5000, gapMs = 0, quietMs = 300, end = false } = {}) {
  return new Promise((resolve) => {
    const chunks = [];
    let settled = false, quietTimer = null;
    const started = Date.now();
    const sock = net.connect({ host: HOST, port: PORT });
    const finish = (how) => {
      if (settled) return;
      settled = true;
      clearTimeout(overall);
      clearTimeout(quietTimer);
      sock.destroy();
      const body = Buffer.concat(chunks);
      const text = body.toString('latin1');
      const statuses = [...text.matchAll(/^HTTP\/1\.[01] (\d{3})/gm)].map((m) => Number(m[1]));
      resolve({ how, text, statuses, ms: Date.now() - started });
    };
    const overall = setTimeout(() => finish('timeout'), timeoutMs);
    sock.on('data', (d) => {
      chunks.push(d);
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => finish('quiet'), quietMs);
    });
    sock.on('end', () => finish('closed'));
    sock.on('error', (e) => finish(`error ${e.code}`));
    sock.on('connect', async () => {
      const pieces = Array.isArray(data) ? data : [data];
      for (const p of pieces) {
        if (settled) return;
        sock.write(p);
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
      if (end) sock.end();
    });
  });
}

const get = (path, extra = '') => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\n${extra}\r\n`;

// A response to a request that is not well-formed: a 4xx (505 for a version
// the server does not speak), or the connection closed without an answer.  Never
// a 2xx, never a 5xx error of the server's own, never silence.
function refusedProperly(r) {
  if (r.how === 'timeout') return `no answer and no close within 5 s (${r.statuses.join(',') || 'nothing'})`;
  for (const s of r.statuses) {
    if (s >= 500 && s !== 505) return `status ${s}`;
    if (s < 400) return `status ${s}`;
  }
  return null;
}

async function malformed() {
  const why = [];
  const cases = [
    ['garbage bytes', Buffer.from([0, 1, 2, 3, 255, 254, 13, 10, 13, 10])],
    ['no path, no version', 'GET\r\n\r\n'],
    ['HTTP/9.9', 'GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n'],
    ['no version (HTTP/0.9)', 'GET /\r\n\r\n'],
    ['header without a colon', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nNoColonHere\r\n\r\n'],
    ['HTTP/1.1 without Host', 'GET / HTTP/1.1\r\n\r\n'],
    ['a space in the URL', 'GET /wartime participation/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
    ['absolute-form URL', 'GET http://example.org/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
    ['asterisk-form', 'OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
    ['CONNECT', 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
    ['TRACE', 'TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
    ['negative Content-Length', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n'],
    ['huge Content-Length', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 99999999999999999999\r\n\r\n'],
    ['Content-Length with chunked (smuggling)',
      'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /../etc/passwd HTTP/1.1\r\n\r\n'],
    ['bad chunk size', 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n'],
    ['invalid percent-encoding', get('/%zz%/%%')],
    ['overlong UTF-8 dots', get(`/${NAME}/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd`)],
    ['percent-encoded NUL', get(`/${NAME}/uk.html%00`)],
    ['invalid UTF-8 in the path', Buffer.from(`GET /\xff\xfe/${NAME} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, 'latin1')],
    ['10 KB method', `${'G'.repeat(10240)} / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`],
    ['bare LF line ends', 'GET /nope HTTP/1.1\nHost: 127.0.0.1\n\n'],
    ['Host of another site', 'GET / HTTP/1.1\r\nHost: attacker.example\r\n\r\n'],
  ];
  for (const [what, data] of cases) {
    const r = await exchange(data, { end: true });
    const bad = refusedProperly(r);
    if (bad) why.push(`${what}: ${bad}`);
    if (/root:x:0:0|urn:briefgen:brief:1/.test(r.text)) why.push(`${what}: a file's content in the answer`);
  }
  // Requests libmicrohttpd 0.9.75 reads leniently: it stops a request line or a
  // header at a NUL byte, takes the first of two Content-Lengths, and lets control
  // characters through in header values.  Tolerated: nothing is read from disk by
  // path, no proxy stands behind the preview to smuggle a request to, and the
  // truncated request is an ordinary one.  They must not fail the server or reach
  // a file.
  const tolerated = [
    ['NUL in the path', Buffer.from('GET /\0/../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 'latin1')],
    ['two Content-Lengths', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nContent-Length: 5\r\n\r\nhello'],
    ['control characters in a header', Buffer.from('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: a\x01\x02\x7f\r\n\r\n', 'latin1')],
    ['Host with a NUL', Buffer.from('GET / HTTP/1.1\r\nHost: 127.0.0.1\0.attacker.example\r\n\r\n', 'latin1')],
  ];
  for (const [what, data] of tolerated) {
    const r = await exchange(data, { end: true });
    if (r.how === 'timeout') why.push(`${what}: no answer and no close within 5 s`);
    if (r.statuses.some((s) => s >= 500)) why.push(`${what}: statuses ${r.statuses.join(',')}`);
    if (/root:x:0:0|urn:briefgen:brief:1/.test(r.text)) why.push(`${what}: a file's content in the answer`);
  }
  // Well-formed oddities that deserve a plain answer.
  const pipelined = await exchange(get('/') + get(`/${NAME}/uk.html`) + get('/nope'), { quietMs: 500 });
  if (pipelined.statuses.join(',') !== '200,200,404')
    why.push(`three pipelined requests: statuses ${pipelined.statuses.join(',') || 'none'}, expected 200,200,404`);
  const folded = await exchange('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Folded: a\r\n  b\r\n\r\n', { end: true });
  if (folded.how === 'timeout' || folded.statuses.some((s) => s >= 500))
    why.push(`an obsolete folded header: ${folded.how}, statuses ${folded.statuses.join(',')}`);
  report('malformed', why);
}

async function oversized() {
  const why = [];
  const cases = [
    ['a 100 KB URL', get(`/${'a'.repeat(100 * 1024)}`)],
    ['a 40 KB header', get('/', `X-Big: ${'b'.repeat(40 * 1024)}\r\n`)],
    ['2,000 small headers', get('/', Array.from({ length: 2000 }, (_, i) => `X-H${i}: v\r\n`).join(''))],
    ['a 1 MB header line without an end', `GET / HTTP/1.1\r\nX: ${'c'.repeat(1024 * 1024)}`],
  ];
  for (const [what, data] of cases) {
    const r = await exchange(data, { end: false, timeoutMs: 8000 });
    const bad = refusedProperly(r);
    if (bad) why.push(`${what}: ${bad}`);
  }
  report('oversized', why);
}

async function timedGets(n, path) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const r = await exchange(get(path), { quietMs: 100 });
    times.push({ ms: r.ms, status: r.statuses[0], how: r.how });
  }
  return times;
}

async function slow() {
  const why = [];
  const request = get('/');
  const pieces = [...request].map((c) => c);
  const gap = Math.max(5, Math.floor(2500 / pieces.length));
  const slowOnes = Array.from({ length: 30 }, () => exchange(pieces, { gapMs: gap, timeoutMs: 15000 }));
  await new Promise((r) => setTimeout(r, 200));
  const normal = await timedGets(20, `/${NAME}/uk.html`);
  const slowResults = await Promise.all(slowOnes);
  const late = normal.filter((t) => t.status !== 200 || t.ms > 1000 * SLOW);
  if (late.length)
    why.push(`${late.length} of 20 normal requests during the slow ones failed or took over ${SLOW} s: ` +
      late.map((t) => `${t.status || t.how} in ${t.ms} ms`).join(', '));
  const unanswered = slowResults.filter((r) => r.statuses[0] !== 200);
  if (unanswered.length)
    why.push(`${unanswered.length} of 30 slow clients got no 200 at the end: ` +
      unanswered.slice(0, 5).map((r) => r.how + ' ' + r.statuses.join(',')).join('; '));
  report('slow-clients', why);
  return { normalMaxMs: Math.max(...normal.map((t) => t.ms)) };
}

function threads() {
  try {
    const m = /^Threads:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${SERVER_PID}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch (e) {
    return 0;
  }
}

async function flood() {
  const why = [];
  await new Promise((r) => setTimeout(r, 1000 * SLOW)); // earlier connections' threads end
  const baseThreads = threads();
  const socks = [];
  let closedByServer = 0;
  await Promise.all(Array.from({ length: 150 }, () => new Promise((resolve) => {
    const s = net.connect({ host: HOST, port: PORT }, () => resolve());
    s.on('error', () => resolve());
    s.on('close', () => { closedByServer++; });
    socks.push(s);
  })));
  // The server takes 64 connections, each on a thread of its own; the rest wait in
  // the kernel's listen queue (or are closed), which costs the server nothing.
  // Watch its thread count while the flood lasts.
  let heldOpen = 0, maxThreads = 0;
  for (let waited = 0; waited <= 2000 * SLOW; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    heldOpen = socks.filter((s) => !s.destroyed && s.readyState === 'open').length;
    maxThreads = Math.max(maxThreads, threads());
  }
  if (SERVER_PID && maxThreads - baseThreads > 64)
    why.push(`the server ran ${maxThreads} threads during the flood, ${baseThreads} before: more than 64 connections at once`);
  if (SERVER_PID && SLOW === 1 && maxThreads - baseThreads < 32)
    why.push(`the flood did not reach the server: ${baseThreads} → ${maxThreads} threads`);
  for (const s of socks) s.destroy();
  // Once they are gone, the server serves again at once.
  await new Promise((r) => setTimeout(r, 300));
  const after = await timedGets(5, '/');
  const bad = after.filter((t) => t.status !== 200 || t.ms > 1000 * SLOW);
  if (bad.length) why.push(`after the flood: ${bad.map((t) => `${t.status || t.how} in ${t.ms} ms`).join(', ')}`);
  report('connection-flood', why);
  return { heldOpen, closedByServer, maxThreads, baseThreads };
}

async function traversal() {
  const why = [];
  const dots = ['..', '%2e%2e', '%2E%2E', '.%2e', '%2e.', '%252e%252e', '%c0%ae%c0%ae', '..%00', '...', '....'];
  const seps = ['/', '%2f', '%2F', '\\', '%5c', '%255c', '//', '/./'];
  const targets = ['etc/passwd', 'proc/self/environ', `samples/${NAME}.xml`, 'src/main.c', 'Makefile'];
  const prefixes = ['/', `/${NAME}/`, '/_events/'];
  const paths = new Set();
  for (const p of prefixes)
    for (const d of dots)
      for (const s of seps)
        for (const t of targets) paths.add(`${p}${d}${s}${d}${s}${d}${s}${d}${s}${t}`);
  const statuses = {};
  const list = [...paths];
  for (let i = 0; i < list.length; i += 25) {
    const batch = await Promise.all(list.slice(i, i + 25).map((p) =>
      exchange(`GET ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, { end: false }).then((r) => [p, r])));
    for (const [p, r] of batch) {
      const s = r.statuses[0] || r.how;
      statuses[s] = (statuses[s] || 0) + 1;
      if (/root:x:0:0|urn:briefgen:brief:1|#include|PATH=|\$\(BUILD\)/.test(r.text))
        why.push(`${p}: a file's content in the answer`);
      else if (r.statuses[0] === 200) why.push(`${p}: status 200`);
      else if (!r.statuses.length) why.push(`${p}: no answer (${r.how})`);
    }
  }
  report(`traversal (${list.length} paths: ${Object.entries(statuses).map(([k, v]) => `${v}× ${k}`).join(', ')})`, why);
}

(async () => {
  if (!PORT) {
    console.error('usage: node tests/serve/load-client.js PORT [NAME]');
    process.exit(2);
  }
  await malformed();
  await oversized();
  const s = await slow();
  const f = await flood();
  await traversal();
  console.log(`# slowest normal request during the slow clients: ${s.normalMaxMs} ms; ` +
    `flood: ${f.heldOpen} of 150 connections open from the client's side, server threads ${f.baseThreads} → ${f.maxThreads}`);
  process.exit(failures ? 1 : 0);
})();
