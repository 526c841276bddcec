// The end-to-end runner: ONE `tessera serve` on a fresh SQLite file (`tessera init --demo`),
// ONE headless Chromium (Debian's /usr/bin/chromium through playwright-core), and the scenario
// modules of tests/e2e/scenarios/*.mjs run in the order of their file names. Each module is
// `export default { name, async run(t) }` (t: see Scenario in harness.mjs). A scenario that
// throws is counted as a failure and the run goes on with the next; each one's pages must
// show no JavaScript error. The last line is "e2e: N passed, M failed" (scripts/test.sh).
//
// Usage: node tests/e2e/run.mjs [part-of-a-name ...]   (default: every scenario)
// Environment: TESSERA_BIN (the tessera binary), TESSERA_WEB_ROOT (the built www folder),
// TESSERA_E2E_OUT (screenshots; default build/e2e).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { CHROMIUM_ARGS, Results, Scenario, TesseraServer } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const tesseraBin = path.resolve(process.env.TESSERA_BIN || path.join(repo, 'build/native/server/tessera'));
const webRoot = path.resolve(process.env.TESSERA_WEB_ROOT || path.join(repo, 'build/web/client/www'));
const outDir = path.resolve(process.env.TESSERA_E2E_OUT || path.join(repo, 'build/e2e'));
const TOTAL_TIMEOUT_MS = 1_200_000;  // the whole run; CI allows 90 min and the suites should stay under 30
const SCENARIO_TIMEOUT_MS = 120_000;

const log = (text) => console.log(text);
const results = new Results(log);

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took more than ${ms / 1000} s`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function loadScenarios(filters) {
  const folder = path.join(here, 'scenarios');
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.mjs')).sort();
  const scenarios = [];
  for (const file of files) {
    const module = await import(pathToFileURL(path.join(folder, file)).href);
    const scenario = module.default;
    if (!scenario || typeof scenario.name !== 'string' || typeof scenario.run !== 'function')
      throw new Error(`${file}: expected "export default { name, async run(t) }"`);
    if (filters.length === 0 || filters.some((f) => scenario.name.includes(f) || file.includes(f))) scenarios.push(scenario);
  }
  return scenarios;
}

async function main() {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    results.fail('setup', `playwright-core is not installed (npm ci in tests/e2e): ${e.message}`);
    log(`e2e: ${results.passed} passed, ${results.failed} failed`);
    process.exit(1);
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const old of fs.readdirSync(outDir))  // screenshots of an earlier run
    if (/^(\d\d-.*|.*failure)\.png$/.test(old)) fs.rmSync(path.join(outDir, old));

  const server = new TesseraServer(tesseraBin, webRoot);
  const run = { results, log, outDir, shots: 0, base: null, browser: null, decoder: null, decoderContext: null };
  const cleanup = async () => {
    if (run.browser) await run.browser.close().catch(() => {});
    run.browser = null;
    await server.stop(log);
  };
  const watchdog = setTimeout(() => {
    results.fail('the whole run', `took more than ${TOTAL_TIMEOUT_MS / 1000} s`);
    cleanup().finally(() => { log(`e2e: ${results.passed} passed, ${results.failed} failed`); process.exit(1); });
  }, TOTAL_TIMEOUT_MS);

  try {
    const scenarios = await loadScenarios(process.argv.slice(2));
    for (const [what, file] of [['TESSERA_BIN', tesseraBin], ['TESSERA_WEB_ROOT', path.join(webRoot, 'index.html')]])
      if (!fs.existsSync(file)) throw new Error(`${what}: ${file} not found`);
    run.base = await server.start();
    run.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, timeout: 30_000,
                                          args: CHROMIUM_ARGS });
    log(`e2e: ${run.base}, web root ${webRoot}, screenshots in ${outDir}, ${scenarios.length} scenarios`);
    for (const scenario of scenarios) {
      const t = new Scenario(run, scenario.name);
      const started = Date.now();
      log(`scenario ${scenario.name}`);
      try {
        await withTimeout(scenario.run(t), SCENARIO_TIMEOUT_MS, `scenario ${scenario.name}`);
      } catch (e) {
        results.fail(`${scenario.name} stopped`, e.message);
        for (const context of t.contexts)
          for (const [index, page] of context.pages().entries())
            await page.screenshot({ path: path.join(outDir, `${scenario.name}-${index}-failure.png`) }).catch(() => {});
      }
      await t.close();
      t.check(`${scenario.name}: no JavaScript error on its pages`, t.pageErrors.length === 0, t.pageErrors.join(' | '));
      log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } catch (e) {
    results.fail('setup', e.message);
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
  log(`e2e: ${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 ? 0 : 1);
}

main();
