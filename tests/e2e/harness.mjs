// The end-to-end harness: starts ONE `tessera serve` on a fresh SQLite file (`tessera init
// --demo`), and gives each scenario what it needs to drive the canvas app in Debian's
// headless Chromium: a Driver per page (widgets found through the client's test hook
// window.tesseraTest), checks, screenshots named after the scenario, and a small API client
// that calls the server as a given user. run.mjs runs the scenarios with it. The server's
// PayPal is the run's fake PayPal server (fake_paypal.mjs: `fakePayPal`), its SMTP server the
// run's fake one (fake_smtp.mjs: `fakeSmtp`, which keeps every mail sent).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { CLIENT_ID as PAYPAL_CLIENT_ID, CLIENT_SECRET as PAYPAL_CLIENT_SECRET, WEBHOOK_ID as PAYPAL_WEBHOOK_ID,
         fakePayPal } from './fake_paypal.mjs';
import { fakeSmtp } from './fake_smtp.mjs';

export const WAIT_MS = 15_000;
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-quic', '--disable-default-apps', '--disable-extensions'];

// [SECTION] Results: one counter for the whole run, one line per check
export class Results {
  constructor(log) { this.passed = 0; this.failed = 0; this.log = log; this.startedAt = Date.now(); }
  check(name, condition, detail = '') {
    const at = `[${((Date.now() - this.startedAt) / 1000).toFixed(1)} s]`;
    if (condition) { this.passed++; this.log(`  ok   ${name} ${at}`); }
    else { this.failed++; this.log(`  FAIL ${name}${detail ? ': ' + detail : ''} ${at}`); }
    return Boolean(condition);
  }
  fail(name, detail) { return this.check(name, false, detail); }
}

// [SECTION] The server: one process for the whole run
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

export class TesseraServer {
  constructor(binary, webRoot) { this.binary = binary; this.webRoot = webRoot; this.process = null; this.output = ''; }

  async start() {
    this.temp = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-e2e-'));
    const db = path.join(this.temp, 'tessera.db');
    const init = spawnSync(this.binary, ['init', '--db', db, '--demo'], { encoding: 'utf8', timeout: 30_000 });
    if (init.status !== 0) throw new Error(`tessera init failed: ${init.stderr || init.stdout}`);
    const port = await freePort();
    this.base = `http://127.0.0.1:${port}`;
    // PayPal: the run's fake PayPal server (fake_paypal.mjs); its approval links come back to
    // this server's address (the public URL), as PayPal's would.
    const paypal = await fakePayPal.start();
    const smtpPort = await fakeSmtp.start();  // plain SMTP on loopback: the mails reach fakeSmtp.messages
    this.process = spawn(this.binary, ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port),
                                       '--web-root', this.webRoot], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Every scenario signs up from 127.0.0.1 on one shared server: the per-address limit on
      // log-in and sign-up (10 a minute by default, tested in the server suite) would refuse
      // the later scenarios on a fast machine.
      env: { ...process.env, TESSERA_AUTH_ATTEMPTS_PER_MINUTE: '1000', TESSERA_PUBLIC_URL: this.base,
             TESSERA_PAYPAL_BASE_URL: paypal, TESSERA_PAYPAL_CLIENT_ID: PAYPAL_CLIENT_ID,
             TESSERA_PAYPAL_CLIENT_SECRET: PAYPAL_CLIENT_SECRET, TESSERA_PAYPAL_WEBHOOK_ID: PAYPAL_WEBHOOK_ID,
             TESSERA_SMTP_HOST: '127.0.0.1', TESSERA_SMTP_PORT: String(smtpPort), TESSERA_SMTP_SECURITY: 'none' },
    });
    this.process.stdout.on('data', (d) => { this.output += d; });
    this.process.stderr.on('data', (d) => { this.output += d; });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (this.process.exitCode !== null) throw new Error(`server exited with ${this.process.exitCode}: ${this.output}`);
      try {
        const answer = await fetch(`${this.base}/api/v1/health`, { signal: AbortSignal.timeout(1000) });
        if (answer.ok) return this.base;
      } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not answer /api/v1/health within 20 s: ${this.output}`);
  }

  // SIGTERM, and SIGKILL if the server has not exited within 5 s.
  async stop(log) {
    const server = this.process;
    this.process = null;
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), 5000));
      if (await Promise.race([exited, timer]) === 'timeout') {
        log('e2e: the server ignored SIGTERM for 5 s; killing it');
        server.kill('SIGKILL');
        await exited;
      }
    }
    await fakePayPal.stop();
    await fakeSmtp.stop();
    if (this.temp) fs.rmSync(this.temp, { recursive: true, force: true });
  }
}

// [SECTION] The API as a given user: a cookie jar and the CSRF header
export class ApiSession {
  constructor(base) { this.base = base; this.cookie = ''; this.me = null; }

  async request(method, route, body = undefined, headers = {}) {
    const all = { Accept: 'application/json', ...headers };
    if (method !== 'GET' && method !== 'HEAD') { all['X-Tessera-Request'] = '1'; all['Content-Type'] = 'application/json'; }
    if (this.cookie) all.Cookie = this.cookie;
    const answer = await fetch(`${this.base}/api/v1${route}`, {
      method, headers: all, body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(WAIT_MS),
    });
    const setCookie = answer.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await answer.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = text; }
    return { status: answer.status, body: json };
  }
  get(route, headers) { return this.request('GET', route, undefined, headers); }
  post(route, body = {}, headers) { return this.request('POST', route, body, headers); }
}

// The token of the sign-up confirmation link mailed to `email` (the first such mail).
export async function signupToken(email) {
  const mail = await fakeSmtp.waitFor(`confirming the sign-up of ${email}`,
                                      (m) => m.to.includes(email) && /#signup-confirm=[0-9a-f]{64}/.test(m.text), 30_000);
  return /#signup-confirm=([0-9a-f]{64})/.exec(mail.text)[1];
}

export function makeApi(base) {
  const expect = (answer, status, what) => {
    if (answer.status !== status) throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  };
  return {
    anonymous: () => new ApiSession(base),
    // The run's server has mail on: sign-up answers 202, the confirmation mail reaches the fake
    // SMTP server, and its link's token opens the session.
    async signup({ name, email, password = 'correct horse battery', language = 'en' }) {
      const session = new ApiSession(base);
      expect(await session.post('/auth/signup', { name, email, password, language }), 202, 'sign-up');
      const token = await signupToken(email);
      session.me = expect(await session.post('/auth/signup/confirm', { token }), 201, 'sign-up confirmation').body;
      return session;
    },
    async login(email, password) {
      const session = new ApiSession(base);
      session.me = expect(await session.post('/auth/login', { email, password }), 200, `log-in as ${email}`).body;
      return session;
    },
    operator() { return this.login('operator@tessera.local', 'tessera-operator-demo'); },
    admin() { return this.login('admin@tessera.local', 'tessera-admin-demo'); },
  };
}

// [SECTION] Driving the canvas through the test hook
export class Driver {
  constructor(page, scenario) { this.page = page; this.scenario = scenario; this.cdpSession = null; }

  async cdp() { return (this.cdpSession ??= await this.page.context().newCDPSession(this.page)); }
  state() { return this.page.evaluate(() => window.tesseraTest.state()); }
  // The platform layer's figures (pixel ratio, canvas size, font atlas, frames rendered), when it has them.
  platform() { return this.page.evaluate(() => (window.tesseraTest.platform ? window.tesseraTest.platform() : null)); }

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
  idle() { return this.waitFor('no request in flight', (s) => !s.busy && s.settled); }
  // The first frame is drawn and the app has settled on a screen.
  async ready(screen = undefined) {
    await this.page.waitForFunction(() => window.tesseraTest && window.tesseraTest.firstFrameMs !== null, null,
                                    { timeout: WAIT_MS });
    return this.waitFor(`the first screen${screen ? ' ' + screen : ''}`,
                        (s) => s.screen !== 'loading' && (!screen || s.screen === screen) && !s.busy && s.settled);
  }

  async rect(id, timeout = WAIT_MS) {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      const rect = await this.page.evaluate((widget) => window.tesseraTest.rect(widget), id);
      if (rect && rect.w > 0 && rect.h > 0) return rect;
      await this.page.waitForTimeout(50);
    }
    throw new Error(`widget ${id} not found on screen`);
  }
  // Where a click on the widget lands: inside it, near its left end (a wide button's text).
  async point(id) {
    const rect = await this.rect(id);
    return { x: rect.x + Math.min(rect.w / 2, 12), y: rect.y + rect.h / 2 };
  }
  // Turns the wheel over the widget's column until it is wholly in the viewport, as a person
  // would (and as Playwright does for DOM elements).
  async scrollIntoView(id) {
    const viewport = this.page.viewportSize();
    for (let turn = 0; turn < 40; turn++) {
      await this.idle();
      const rect = await this.rect(id);
      const delta = rect.y < 0 ? -100 : rect.y + rect.h > viewport.height ? 100 : 0;
      if (delta === 0) return rect;
      const frames = (await this.state()).frames;
      await this.page.mouse.move(rect.x + Math.min(rect.w / 2, 12), viewport.height / 2);
      await this.page.mouse.wheel(0, delta);
      await this.waitFor('frames after the wheel', (s) => s.frames > frames && s.settled);
      if ((await this.rect(id)).y === rect.y) break;  // it does not scroll any further
    }
    throw new Error(`widget ${id} could not be scrolled into view`);
  }
  async click(id) {
    await this.scrollIntoView(id);
    const { x, y } = await this.point(id);
    const before = (await this.state()).frames;
    await this.page.mouse.click(x, y);
    // ImGui reads the pointer when it renders: let it see this press and release before the
    // pointer moves on to the next widget.
    await this.waitFor(`frames after clicking ${id}`, (s) => s.frames >= before + 3);
  }
  // A finger's tap on the widget (a context with hasTouch).
  async tap(id) {
    await this.idle();
    await this.rect(id);
    const { x, y } = await this.point(id);
    const before = (await this.state()).frames;
    await this.page.touchscreen.tap(x, y);
    await this.waitFor(`frames after tapping ${id}`, (s) => s.frames >= before + 2);
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
  async typeFocused(id, text, secret = false) {
    await this.waitFor(`focus on ${id}`, (s) => s.focus === id);
    // The hidden textarea has the keyboard: keys, and text Playwright inserts, reach the field.
    await this.page.keyboard.type(text);
    const expected = secret ? '*'.repeat(Buffer.byteLength(text)) : text;
    await this.waitFor(`text in ${id}`, (s) => s.fields[id] === expected);
  }
  // Presses a key (Playwright's names: 'Enter', 'Control+A') and waits for the frames it asks.
  async press(key, frames = 2) {
    const before = (await this.state()).frames;
    await this.page.keyboard.press(key);
    await this.waitFor(`frames after ${key}`, (s) => s.frames >= before + frames);
  }
  // Resizes the page and waits until the app has drawn itself at the new size (the resize
  // reaches the app a moment later: a rectangle read before would be the old layout's).
  async resize(viewport) {
    await this.page.setViewportSize(viewport);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const p = await this.platform();
      if (p && Math.round(p.display.width) === viewport.width && Math.round(p.display.height) === viewport.height) break;
      if (Date.now() > deadline) throw new Error(`the app did not take the size ${viewport.width}x${viewport.height}`);
      await this.page.waitForTimeout(50);
    }
    return this.idle();
  }
  // Replaces a field's whole text (click, Ctrl+A, type) and waits for the app to hold it.
  async replace(id, text) {
    await this.click(id);
    await this.waitFor(`focus on ${id}`, (s) => s.focus === id);
    await this.press('Control+A');
    await this.page.keyboard.type(text);
    await this.waitFor(`text in ${id}`, (s) => s.fields[id] === text);
  }
  // Chooses the language from the top bar, or from its menu when the places do not fit.
  async chooseLanguage(language) {
    const id = `lang.${language}`;
    const shown = await this.page.evaluate((widget) => window.tesseraTest.rect(widget), id);
    if (!shown || shown.w === 0) await this.click('nav.menu');
    await this.click(id);
    const s = await this.waitFor(`the language ${language}`, (st) => st.language === language);
    if (!shown || shown.w === 0) await this.press('Escape');
    return s;
  }
  // The element that has the page's keyboard focus: the hidden textarea while a field is active.
  activeElement() { return this.page.evaluate(() => document.activeElement && (document.activeElement.id || document.activeElement.tagName)); }
  async screenshot(name, options = {}) {
    const file = this.scenario.screenshotPath(name);
    await this.page.screenshot({ path: file, ...options });
    return file;
  }
}

// [SECTION] A scenario's view of the run (the `t` of `run(t)`)
export class Scenario {
  constructor(run, name) {
    this.run = run;
    this.name = name;
    this.base = run.base;
    this.browser = run.browser;
    this.api = makeApi(run.base);
    this.contexts = [];
    this.pageErrors = [];
    this.log = run.log;
  }
  check(name, condition, detail = '') { return this.run.results.check(name, condition, detail); }
  screenshotPath(name) {
    const file = `${String(++this.run.shots).padStart(2, '0')}-${this.name}-${name}.png`;
    return path.join(this.run.outDir, file);
  }

  // A browser context closed after the scenario; errors of its pages are collected.
  async newContext(options = {}) {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US', ...options });
    this.contexts.push(context);
    context.on('page', (page) => this.watch(page));
    return context;
  }
  watch(page) {
    page.setDefaultTimeout(WAIT_MS);
    page.on('pageerror', (e) => this.pageErrors.push(String(e)));
    // Expected error answers (401 for GET /me before log-in, 4xx on purpose) are not page
    // errors; a 5xx or a missing file is.
    page.on('response', (r) => { if (r.status() >= 500 || r.status() === 404) this.pageErrors.push(`${r.status()} ${r.url()}`); });
    // What the page's Content-Security-Policy refused (an eval, an inline script) is one too.
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) this.pageErrors.push(m.text());
    });
  }
  driver(page) { return new Driver(page, this); }
  // A new context and page, opened at `route` (default the app), with its first frame drawn.
  async open(options = {}, route = '/') {
    const context = await this.newContext(options);
    const page = await context.newPage();
    await page.goto(this.base + route, { waitUntil: 'load', timeout: WAIT_MS });
    const app = this.driver(page);
    await app.ready();
    return app;
  }

  // A page of a new context holding `session`'s cookie (an ApiSession), opened at `#route`.
  async signedInPage(session, route, options = {}) {
    const context = await this.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    const [name, value] = session.cookie.split('=');
    await context.addCookies([{ name, value, url: this.base }]);
    const page = await context.newPage();
    await page.goto(`${this.base}/#${route}`, { waitUntil: 'load' });
    return page;
  }

  // Decodes a PNG (a screenshot) into RGBA pixels, in a blank page of the browser.
  async pixels(png) {
    if (!this.run.decoder) {
      const context = await this.browser.newContext();
      this.run.decoderContext = context;
      this.run.decoder = await context.newPage();
    }
    return this.run.decoder.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let binary = '';
      for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
      return { width: bitmap.width, height: bitmap.height, rgba: btoa(binary) };
    }, png.toString('base64')).then(({ width, height, rgba }) => ({ width, height, data: Buffer.from(rgba, 'base64') }));
  }

  async close() {
    for (const context of this.contexts) await context.close().catch(() => {});
    this.contexts = [];
  }
}
