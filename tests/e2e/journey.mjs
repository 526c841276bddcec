// End-to-end test of Tessera's first journey in headless Chromium (Debian's /usr/bin/chromium
// driven by playwright-core): it starts a real `tessera serve` on a fresh SQLite file, then a
// visitor signs up for the free trial and opens a ticket, an operator takes it, replies and
// logs 10 minutes, and the customer sees the reply and "5 minutes left" - all through the
// canvas, clicking widgets found by the client's test hook (window.tesseraTest).
//
// Environment: TESSERA_BIN (the tessera binary), TESSERA_WEB_ROOT (the built www folder),
// TESSERA_E2E_OUT (screenshots; default build/e2e). Ends with "e2e: N passed, M failed".
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const tesseraBin = path.resolve(process.env.TESSERA_BIN || path.join(repo, 'build/native/server/tessera'));
const webRoot = path.resolve(process.env.TESSERA_WEB_ROOT || path.join(repo, 'build/web/client/www'));
const outDir = path.resolve(process.env.TESSERA_E2E_OUT || path.join(repo, 'build/e2e'));
const TOTAL_TIMEOUT_MS = 300_000;
const WAIT_MS = 15_000;

// [SECTION] Results
let passed = 0;
let failed = 0;
let shot = 0;
function log(text) { console.log(text); }
const startedAt = Date.now();
function check(name, condition, detail = '') {
  const at = `[${((Date.now() - startedAt) / 1000).toFixed(1)} s]`;
  if (condition) { passed++; log(`  ok   ${name} ${at}`); }
  else { failed++; log(`  FAIL ${name}${detail ? ': ' + detail : ''} ${at}`); }
  return condition;
}

// [SECTION] Server
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

async function waitForHealth(base, serverProcess) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (serverProcess.exitCode !== null) throw new Error(`server exited with ${serverProcess.exitCode}`);
    try {
      const answer = await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(1000) });
      if (answer.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not answer /api/v1/health within 20 s');
}

// [SECTION] Driving the canvas through the test hook
class Driver {
  constructor(page) { this.page = page; this.cdp = null; }
  state() { return this.page.evaluate(() => window.tesseraTest.state()); }
  async waitFor(description, predicate, timeout = WAIT_MS) {
    const deadline = Date.now() + timeout;
    let last = null;
    while (Date.now() < deadline) {
      last = await this.state().catch(() => null);
      if (last && predicate(last)) return last;
      await this.page.waitForTimeout(50);
    }
    throw new Error(`timed out waiting for ${description}; last state: ${JSON.stringify(last)?.slice(0, 800)}`);
  }
  // No request in flight and every frame drawn: the rectangles match the state.
  async idle() { return this.waitFor('no request in flight', (s) => !s.busy && s.settled); }
  async rect(id, timeout = WAIT_MS) {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      const rect = await this.page.evaluate((widget) => window.tesseraTest.rect(widget), id);
      if (rect && rect.w > 0 && rect.h > 0) return rect;
      await this.page.waitForTimeout(50);
    }
    throw new Error(`widget ${id} not found on screen`);
  }
  async click(id) {
    await this.idle();
    const rect = await this.rect(id);
    const before = (await this.state()).frames;
    await this.page.mouse.click(rect.x + Math.min(rect.w / 2, 12), rect.y + rect.h / 2);
    // ImGui reads the pointer when it renders: let it see this press and release before the
    // pointer moves on to the next widget.
    await this.waitFor(`frames after clicking ${id}`, (s) => s.frames >= before + 3);
  }
  // Clicks a text field, waits until ImGui made it active, types, and checks it arrived.
  async type(id, text, secret = false) {
    await this.click(id);
    await this.typeFocused(id, text, secret);
  }
  // Tab from the active field to the next one, which must be `id`, and types there.
  async tabTo(id, text, secret = false) {
    await this.page.keyboard.press('Tab');
    await this.typeFocused(id, text, secret);
  }
  async typeFocused(id, text, secret) {
    await this.waitFor(`focus on ${id}`, (s) => s.focus === id);
    // keyboard.type() inserts characters outside the US layout as text, with no keypress
    // event - the event the canvas listens to, as a real keyboard sends it. Those characters
    // go through Chromium's input as key events instead.
    for (const run of text.match(/[\x00-\x7f]+|[^\x00-\x7f]/gu) ?? []) {
      if (run.charCodeAt(0) < 128) {
        await this.page.keyboard.type(run);
      } else {
        this.cdp ??= await this.page.context().newCDPSession(this.page);
        await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: run, text: run, unmodifiedText: run });
        await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: run });
      }
    }
    const expected = secret ? '*'.repeat(Buffer.byteLength(text)) : text;
    await this.waitFor(`text in ${id}`, (s) => s.fields[id] === expected);
  }
  async screenshot(name) {
    shot++;
    const file = path.join(outDir, `${String(shot).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
  }
}

// [SECTION] The journey
async function journey(page, base) {
  const app = new Driver(page);
  const email = `zoe.${Date.now()}@example.org`;
  const password = 'correct horse battery';
  const subject = 'Imprimante hors ligne';
  const description = 'My printer says "offline" since this morning; the Wi-Fi works.';

  const started = Date.now();
  await page.goto(base + '/', { waitUntil: 'load', timeout: WAIT_MS });
  await page.waitForFunction(() => window.tesseraTest && window.tesseraTest.firstFrameMs !== null, null,
                             { timeout: WAIT_MS });
  const firstFrameMs = await page.evaluate(() => window.tesseraTest.firstFrameMs);
  log(`page load -> first frame: ${firstFrameMs.toFixed(0)} ms (navigation start to first rendered frame; wall ${Date.now() - started} ms)`);
  let s = await app.waitFor('home screen', (st) => st.screen === 'home' && st.settled &&
                            st.texts.tagline !== undefined);
  check('visitor sees the home screen', s.screen === 'home' && s.user === null);
  await app.screenshot('home');

  // Redraw only on change: with no input and no answer, no frame is rendered.
  const framesBefore = (await app.state()).frames;
  await page.waitForTimeout(1000);
  const framesAfter = (await app.state()).frames;
  check('an idle page renders no frame', framesAfter === framesBefore, `${framesAfter - framesBefore} frames in 1 s`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics
    .find((m) => m.name === 'TaskDuration').value;
  const busyBefore = await taskSeconds();
  await page.waitForTimeout(2000);
  const idleMs = (await taskSeconds() - busyBefore) * 1000;
  // A figure, not a check: time measured on a shared machine is noise (the frame count above
  // is what proves the idle tab does no work).
  log(`idle: ${idleMs.toFixed(1)} ms of main-thread work in 2 s with no input`);
  await cdp.detach();

  // The canvas follows the window: the centred column moves when the window narrows.
  const wide = await app.rect('home.try_free');
  await page.setViewportSize({ width: 1000, height: 900 });
  await app.waitFor('layout for the narrower window', async () => true);
  const deadline = Date.now() + WAIT_MS;
  let narrow = wide;
  while (Date.now() < deadline && narrow.x === wide.x) {
    await page.waitForTimeout(50);
    narrow = await app.rect('home.try_free');
  }
  check('the canvas follows the window size', narrow.x < wide.x, `x ${wide.x} -> ${narrow.x}`);
  await page.setViewportSize({ width: 1280, height: 1000 });
  // Wait until the layout really is the wide one again: a click aimed at a rectangle of the
  // narrow layout would miss once the resize reaches the app.
  const backDeadline = Date.now() + WAIT_MS;
  let back = await app.rect('home.try_free');
  while (Date.now() < backDeadline && back.x !== wide.x) {
    await page.waitForTimeout(50);
    back = await app.rect('home.try_free');
  }
  if (back.x !== wide.x) throw new Error(`the layout did not come back to the wide window: x ${back.x}, not ${wide.x}`);
  await app.idle();

  // Language switch: French, then back to English.
  const titleEn = s.texts.title;
  await app.click('lang.fr');
  s = await app.waitFor('French', (st) => st.language === 'fr' && st.texts.title !== undefined);
  const rectFr = await app.rect('home.try_free');
  await app.screenshot('home-fr');
  await app.click('lang.en');
  s = await app.waitFor('English', (st) => st.language === 'en');
  const rectEn = await app.rect('home.try_free');
  check('switching to French changes the texts', rectFr.w !== rectEn.w || titleEn !== s.texts.title,
        `button width fr ${rectFr.w} en ${rectEn.w}`);

  // Sign up for the free trial.
  await app.click('home.try_free');
  await app.waitFor('sign-up screen', (st) => st.screen === 'signup');
  await app.type('signup.name', 'Zoé Martín');
  await app.tabTo('signup.email', email);  // Tab goes from field to field
  await app.tabTo('signup.password', password, true);
  await app.click('signup.language.en');
  await app.screenshot('signup');
  await app.click('signup.submit');
  s = await app.waitFor('My tickets after sign-up', (st) => st.screen === 'my_tickets' && st.user && !st.busy);
  check('sign-up lands on My tickets as a customer', s.user.role === 'customer' && s.user.name === 'Zoé Martín',
        JSON.stringify(s.user));
  check('the free trial holds 15 minutes', s.balances.trial_minutes_left === 15 &&
        s.texts.balance === 'Free trial: 15 minutes left', `${s.balances.trial_minutes_left} / ${s.texts.balance}`);
  await app.screenshot('my-tickets-empty');

  // Open a ticket.
  await app.click('tickets.new');
  await app.waitFor('new ticket screen', (st) => st.screen === 'new_ticket');
  await app.type('ticket.subject', subject);
  await app.type('ticket.description', description);
  await app.click('ticket.category.hardware');
  await app.click('ticket.criticality.high');
  await app.click('ticket.language.fr');
  await app.screenshot('new-ticket');
  await app.click('ticket.submit');
  s = await app.waitFor('the ticket in My tickets', (st) => st.screen === 'my_tickets' && !st.busy &&
                        st.tickets.some((t) => t.subject === subject));
  const ticket = s.tickets.find((t) => t.subject === subject);
  check('the new ticket is listed with status new', ticket.status === 'new', JSON.stringify(ticket));
  check('the ticket keeps its category, criticality and language',
        ticket.category === 'hardware' && ticket.criticality === 'high' && ticket.language === 'fr',
        JSON.stringify(ticket));
  await app.screenshot('my-tickets-new');

  await app.click('nav.logout');
  s = await app.waitFor('home after log-out', (st) => st.screen === 'home' && st.user === null);
  check('the customer logs out', s.user === null);

  // The operator works the ticket.
  await app.click('home.login');
  await app.waitFor('log-in screen', (st) => st.screen === 'login');
  await app.type('login.email', 'operator@tessera.local');
  await app.type('login.password', 'tessera-operator-demo', true);
  await app.click('login.submit');
  s = await app.waitFor('the queue', (st) => st.screen === 'queue' && !st.busy && st.user);
  check('the operator sees the ticket in the queue', s.user.role === 'operator' &&
        s.queue.some((t) => t.id === ticket.id && t.status === 'new'), JSON.stringify(s.queue));
  await app.screenshot('queue');
  await app.click(`queue.open.${ticket.id}`);
  await app.waitFor('operator ticket view', (st) => st.screen === 'operator_ticket' && st.ticket && !st.busy);
  await app.click('op.take');
  s = await app.waitFor('ticket taken', (st) => st.ticket && st.ticket.ticket.status === 'in_progress' && !st.busy);
  check('the operator takes the ticket', s.ticket.ticket.status === 'in_progress');
  const reply = 'Bonjour Zoé, please restart the printer and tell me what the screen shows.';
  await app.type('op.reply', reply);
  await app.click('op.send');
  s = await app.waitFor('reply in timeline', (st) => !st.busy && st.ticket.timeline.some((e) => e.body === reply));
  check('the operator replies', s.ticket.timeline.some((e) => e.kind === 'message' && e.body === reply));
  await app.type('op.minutes', '10');
  await app.type('op.note', 'Diagnosed the printer queue');
  await app.click('op.log_time');
  s = await app.waitFor('time logged', (st) => !st.busy && st.ticket.ticket.minutes_worked === 10);
  check('the operator logs 10 minutes with a note',
        s.ticket.timeline.some((e) => e.kind === 'time_entry' && e.minutes === 10), JSON.stringify(s.error));
  await app.screenshot('operator-ticket');
  await app.click('nav.logout');
  await app.waitFor('home after log-out', (st) => st.screen === 'home' && st.user === null);

  // The customer comes back.
  await app.click('home.login');
  await app.waitFor('log-in screen', (st) => st.screen === 'login');
  await app.type('login.email', email);
  await app.type('login.password', password, true);
  await page.keyboard.press('Enter');  // Enter in the password field logs in
  s = await app.waitFor('My tickets again', (st) => st.screen === 'my_tickets' && !st.busy && st.user &&
                        st.tickets.length > 0);
  check('the customer sees "5 minutes left"', s.balances.trial_minutes_left === 5 &&
        s.texts.balance === 'Free trial: 5 minutes left', `${s.balances.trial_minutes_left} / ${s.texts.balance}`);
  check('the ticket is in progress', s.tickets.find((t) => t.id === ticket.id)?.status === 'in_progress');
  await app.screenshot('my-tickets-after');
  await app.click(`tickets.open.${ticket.id}`);
  s = await app.waitFor('ticket view', (st) => st.screen === 'ticket' && st.ticket && !st.busy);
  check('the customer sees the reply', s.ticket.timeline.some((e) => e.kind === 'message' && e.body === reply));
  check('the customer sees no internal note and the time entry',
        !s.ticket.timeline.some((e) => e.kind === 'internal_note') &&
        s.ticket.timeline.some((e) => e.kind === 'time_entry' && e.minutes === 10));
  await app.click('lang.fr');
  s = await app.waitFor('French ticket view', (st) => st.language === 'fr');
  check('the ticket view switches to French', s.texts.status.startsWith('Statut : En cours'), s.texts.status);
  await app.screenshot('ticket-customer-fr');

  // A wrong password: the server's error, shown in the interface's language.
  await app.click('nav.logout');
  await app.waitFor('home after log-out', (st) => st.screen === 'home' && st.user === null);
  await app.click('home.login');
  await app.waitFor('log-in screen', (st) => st.screen === 'login');
  await app.type('login.email', email);
  await app.type('login.password', 'not my password', true);
  await page.keyboard.press('Enter');
  s = await app.waitFor('the log-in error', (st) => st.error !== null && !st.busy);
  check('a wrong password is refused with a French message', s.error.code === 'invalid_credentials' &&
        s.error.text === 'Adresse e-mail ou mot de passe incorrect.' && s.screen === 'login', JSON.stringify(s.error));
  await app.screenshot('login-error-fr');
  // Ctrl+A selects the field's text, the right password replaces it.
  await app.click('login.password');
  await app.waitFor('focus on the password', (st) => st.focus === 'login.password');
  const framesBeforeChord = (await app.state()).frames;
  await page.keyboard.press('Control+A');
  // The chord's frames drawn before typing, as a person's fingers would leave Ctrl first.
  await app.waitFor('frames after Ctrl+A', (st) => st.frames >= framesBeforeChord + 3);
  await app.idle();
  await app.typeFocused('login.password', password, true);
  await page.keyboard.press('Enter');
  s = await app.waitFor('signed in again', (st) => st.user !== null && !st.busy);
  check('Ctrl+A and a retyped password log in', s.screen === 'my_tickets' && s.error === null);
}

// A Spanish browser on a high-density screen: the page starts in Spanish; the canvas holds
// device pixels, and the hook still answers in CSS pixels, so clicks land on the widgets.
async function highDensity(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 2,
                                            locale: 'es-ES' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(base + '/', { waitUntil: 'load' });
    const app = new Driver(page);
    const home = await app.waitFor('home at 2x', (st) => st.screen === 'home' && st.settled &&
                                   st.texts.tagline !== undefined);
    check('the page starts in the browser\'s language (es-ES)', home.language === 'es' &&
          home.texts.tagline.startsWith('Asistencia'), `${home.language}: ${home.texts.tagline}`);
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { width: c.width, cssWidth: c.clientWidth };
    });
    await app.click('home.try_free');
    const s = await app.waitFor('sign-up at 2x', (st) => st.screen === 'signup');
    await app.screenshot('signup-2x');
    check('a 2x screen gets a sharp canvas and clicks still land', canvas.width === 2 * canvas.cssWidth &&
          s.screen === 'signup', JSON.stringify(canvas));
  } finally {
    await context.close();
  }
}

// [SECTION] Main: set up, run, always clean up
async function main() {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    log(`  FAIL setup: playwright-core is not installed (npm ci in tests/e2e): ${e.message}`);
    log('e2e: 0 passed, 1 failed');
    process.exit(1);
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const old of fs.readdirSync(outDir))  // screenshots of an earlier run
    if (/^(\d\d-.*|failure)\.png$/.test(old)) fs.rmSync(path.join(outDir, old));
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-e2e-'));
  const db = path.join(temp, 'tessera.db');
  let serverProcess = null;
  let browser = null;
  const watchdog = setTimeout(() => {
    failed++;
    log(`  FAIL the whole run took more than ${TOTAL_TIMEOUT_MS / 1000} s`);
    cleanup().finally(() => { log(`e2e: ${passed} passed, ${failed} failed`); process.exit(1); });
  }, TOTAL_TIMEOUT_MS);
  async function cleanup() {
    if (browser) await browser.close().catch(() => {});
    browser = null;
    // SIGTERM, and SIGKILL if the server has not exited within 5 s.
    const server = serverProcess;
    serverProcess = null;
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), 5000));
      if (await Promise.race([exited, timer]) === 'timeout') {
        log('journey: the server ignored SIGTERM for 5 s; killing it');
        server.kill('SIGKILL');
        await exited;
      }
    }
    fs.rmSync(temp, { recursive: true, force: true });
  }
  try {
    for (const [what, file] of [['TESSERA_BIN', tesseraBin], ['TESSERA_WEB_ROOT', path.join(webRoot, 'app.wasm')]])
      if (!fs.existsSync(file)) throw new Error(`${what}: ${file} not found`);
    const init = spawnSync(tesseraBin, ['init', '--db', db, '--demo'], { encoding: 'utf8', timeout: 30_000 });
    if (init.status !== 0) throw new Error(`tessera init failed: ${init.stderr || init.stdout}`);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    serverProcess = spawn(tesseraBin, ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port),
                                       '--web-root', webRoot], { stdio: ['ignore', 'pipe', 'pipe'] });
    let serverLog = '';
    serverProcess.stdout.on('data', (d) => { serverLog += d; });
    serverProcess.stderr.on('data', (d) => { serverLog += d; });
    try { await waitForHealth(base, serverProcess); } catch (e) { log(serverLog); throw e; }

    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      timeout: 30_000,
      args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
             '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
             '--disable-quic', '--disable-default-apps', '--disable-extensions'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    // Expected error answers (401 for GET /me before log-in, 4xx on purpose) are not page errors;
    // a 5xx or a missing file is.
    page.on('response', (r) => { if (r.status() >= 500 || r.status() === 404) pageErrors.push(`${r.status()} ${r.url()}`); });
    log(`journey: ${base}, web root ${webRoot}, screenshots in ${outDir}`);
    try {
      await journey(page, base);
    } catch (e) {
      failed++;
      log(`  FAIL journey stopped: ${e.message}`);
      await page.screenshot({ path: path.join(outDir, 'failure.png') }).catch(() => {});
    }
    check('no JavaScript error on the page', pageErrors.length === 0, pageErrors.join(' | '));
    try {
      await highDensity(browser, base);
    } catch (e) {
      failed++;
      log(`  FAIL high-density screen: ${e.message}`);
    }
  } catch (e) {
    failed++;
    log(`  FAIL setup: ${e.message}`);
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
  log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main();
