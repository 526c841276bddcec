// A new version of the app is picked up without losing drafts: the service worker of the
// new build installs beside the old one and waits; the app says a new version is ready;
// Reload activates it and reloads the page, and the draft being written is still there.
import { startProxy } from '../proxy.mjs';

export default {
  name: 'update',
  async run(t) {
    const proxy = await startProxy(t.base);
    try {
      const zoe = await t.api.signup({ name: 'Zoé Update', email: `update.${Date.now()}@example.org` });
      const context = await t.newContext();
      const [name, value] = zoe.cookie.split('=');
      await context.addCookies([{ name, value, url: proxy.base }]);
      const page = await context.newPage();
      await page.goto(`${proxy.base}/#/tickets/new`, { waitUntil: 'load' });
      const app = t.driver(page);
      await app.ready('new_ticket');
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const before = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
      await app.type('ticket.subject', 'Half-written before the update');

      proxy.workerSuffix = `// build ${Date.now()}`;  // the server now has a new version
      await page.evaluate(() => window.tesseraPorts.checkForUpdate());
      let s = await app.waitFor('the update offered', (st) => st.update_available && st.settled);
      t.check('the app says a new version is ready', s.texts['banner.update'] !== undefined, JSON.stringify(s.texts));
      await app.screenshot('update-ready');
      const reloaded = page.waitForEvent('load');
      await app.click('banner.reload');
      await reloaded;
      s = await app.ready('new_ticket');
      const after = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { waiting: registration.waiting !== null, controlled: navigator.serviceWorker.controller !== null };
      });
      t.check('after Reload the new version runs', !s.update_available && after.controlled && !after.waiting &&
              proxy.seen['GET /sw.js'] >= 2, JSON.stringify({ after, before, sw: proxy.seen['GET /sw.js'] }));
      t.check('the draft is still there after the update', s.fields['ticket.subject'] === 'Half-written before the update',
              s.fields['ticket.subject']);
    } finally {
      await proxy.close();
    }
  },
};
