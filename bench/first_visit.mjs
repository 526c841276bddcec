// What a visitor downloads: headless Chromium (Debian's, through the e2e tests' playwright-core)
// opens the app from a running Tessera server through a small TCP relay that counts every byte
// on the wire (headers included, the service worker's own downloads included), for
//   1. a first visit (empty HTTP cache), then a repeat visit in a new tab (warm HTTP cache),
//      with the service worker allowed, as a browser does by default;
//   2. the same with service workers blocked: the repeat visit is then the HTTP cache alone;
//   3. the same as 2 over an emulated 10 Mbit/s link with 40 ms of latency (loopback hides
//      what bytes cost in time).
// Prints, for each visit, the bytes received, each request with its status and size, and the
// first frame (window.tesseraTest.firstFrameMs), beside the targets (first visit <= 300 KB;
// repeat visit: index.html's 304 only). A figure, not a test: it never fails on them.
// Usage: node bench/first_visit.mjs http://127.0.0.1:PORT   (scripts/bench.sh starts the server)
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'tests', 'e2e', 'package.json'));
const { chromium } = require('playwright-core');
const { CHROMIUM_ARGS } = await import(path.join(here, '..', 'tests', 'e2e', 'harness.mjs'));

const target = new URL(process.argv[2] || process.env.TESSERA_BASE || 'http://127.0.0.1:8080');
const FIRST_VISIT_TARGET = 300 * 1024;

// [SECTION] The counting relay: bytes each way, and each request line with its answer's status.
function startRelay() {
  const relay = { down: 0, up: 0, exchanges: [] };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    const asked = [];  // request lines on this connection, answered in order
    client.on('data', (chunk) => {
      relay.up += chunk.length;
      for (const match of chunk.toString('latin1').matchAll(/(?:^|\r\n)(GET|HEAD|POST|PUT|DELETE) (\S+) HTTP\/1\.1\r\n/g))
        asked.push(`${match[1]} ${match[2]}`);
      upstream.write(chunk);
    });
    let current = null;
    upstream.on('data', (chunk) => {
      relay.down += chunk.length;
      const text = chunk.toString('latin1');
      let last = 0;
      for (const match of text.matchAll(/(?:^|\r\n)HTTP\/1\.1 (\d{3}) /g)) {
        if (current) current.bytes += match.index - last;
        last = match.index;
        current = { request: asked.shift() || '?', status: Number(match[1]), bytes: 0 };
        relay.exchanges.push(current);
      }
      if (current) current.bytes += chunk.length - last;
      client.write(chunk);
    });
    const close = () => { client.destroy(); upstream.destroy(); };
    client.on('error', close); upstream.on('error', close); client.on('close', close); upstream.on('close', close);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    relay.base = `http://127.0.0.1:${server.address().port}`;
    relay.reset = () => { relay.down = 0; relay.up = 0; relay.exchanges = []; };
    relay.close = () => new Promise((done) => server.close(done));
    resolve(relay);
  }));
}

// [SECTION] One visit: a new tab opens the app and waits for its first frame and for the network to rest.
async function visit(context, relay, label, waitForWorker, throttle = null) {
  relay.reset();
  const page = await context.newPage();
  if (throttle) {  // the page's own requests (not a service worker's) at a given bandwidth and latency
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...throttle });
  }
  await page.goto(`${relay.base}/`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.tesseraTest && window.tesseraTest.firstFrameMs !== null, null, { timeout: 60_000 });
  const firstFrameMs = await page.evaluate(() => window.tesseraTest.firstFrameMs);
  if (waitForWorker) await page.evaluate(() => navigator.serviceWorker.ready.then(() => true)).catch(() => false);
  const controlled = await page.evaluate(() => !!(navigator.serviceWorker && navigator.serviceWorker.controller));
  await page.waitForTimeout(1500);  // the worker's install, the app's first API calls
  const result = { label, firstFrameMs, controlled, down: relay.down, exchanges: relay.exchanges.slice() };
  await page.close();
  return result;
}

function report(result, isFirst) {
  const statics = result.exchanges.filter((e) => !e.request.includes(' /api/'));
  const api = result.exchanges.filter((e) => e.request.includes(' /api/'));
  const staticBytes = statics.reduce((sum, e) => sum + e.bytes, 0);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`${result.label}: ${kb(result.down)} received in all (${kb(staticBytes)} for the app's files, ` +
              `${kb(result.down - staticBytes)} for ${api.length} API answers); first frame ${result.firstFrameMs.toFixed(0)} ms` +
              `${result.controlled ? ' (page controlled by the service worker)' : ''}`);
  for (const e of statics) console.log(`    ${String(e.status).padEnd(4)} ${kb(e.bytes).padStart(9)}  ${e.request}`);
  if (api.length) console.log(`    API: ${api.map((e) => `${e.request.replace(/^GET /, '')} ${e.status}`).join(', ')}`);
  if (isFirst) {
    console.log(`    target: first visit <= ${kb(FIRST_VISIT_TARGET)} on the wire: ` +
                `${staticBytes <= FIRST_VISIT_TARGET ? 'met' : 'NOT met'} (the app's files: ${kb(staticBytes)})`);
  } else {
    const isPage = (e) => e.request === 'GET /' || e.request === 'GET /index.html';
    const met = statics.length === 1 && isPage(statics[0]) && statics[0].status === 304;
    const others = statics.filter((e) => !isPage(e));
    const verdict = met ? 'met' : statics.length === 0 ? 'met, and better' : 'not met';
    console.log(`    target: repeat visit = index.html's 304 only: ${verdict}` +
                (others.length ? ` (also: ${others.map((e) => `${e.request} ${e.status}`).join(', ')})` : '') +
                (statics.length === 0 ? ' (nothing asked of the server: the page came from the service worker)' : ''));
  }
}

const relay = await startRelay();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
try {
  console.log(`first visit bench: ${target.origin} through a counting relay; Chromium ${browser.version()}`);
  for (const serviceWorkers of ['allow', 'block']) {
    const context = await browser.newContext({ serviceWorkers, viewport: { width: 1280, height: 800 } });
    const what = serviceWorkers === 'allow' ? 'with the service worker' : 'service worker blocked';
    report(await visit(context, relay, `first visit (${what})`, serviceWorkers === 'allow'), true);
    report(await visit(context, relay, `repeat visit (${what}, warm HTTP cache)`, false), false);
    await context.close();
  }
  // Loopback hides what the bytes cost: the same without a service worker over a 10 Mbit/s link
  // with 40 ms of latency (Chromium's network emulation).
  const link = { latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 };
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  report(await visit(context, relay, 'first visit (10 Mbit/s, 40 ms, no service worker)', false, link), true);
  report(await visit(context, relay, 'repeat visit (10 Mbit/s, 40 ms, no service worker)', false, link), false);
  await context.close();
} finally {
  await browser.close();
  await relay.close();
}
