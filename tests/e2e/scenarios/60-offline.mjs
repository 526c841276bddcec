// Offline drafting (SPEC §2) in a real browser profile: a first visit online; offline, a
// reload opens the app from the service worker with the last-known tickets marked stale; a
// ticket draft and a reply draft survive a reload and the browser closing and reopening on
// the same profile; submitted offline they wait as "queued"; back online each is created
// exactly once (checked through the API) although the network loses the server's first
// answer to the ticket; then a draft the server refuses is "failed" with the reason, in
// French, its text kept.
//
// The browser reaches the server through tests/e2e/proxy.mjs, which can go down (no
// connection at all) and lose one answer after the server has done the work.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, Driver, WAIT_MS, makeApi } from '../harness.mjs';
import { startProxy } from '../proxy.mjs';

export default {
  name: 'offline',
  async run(t) {
    const proxy = await startProxy(t.base);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-profile-'));
    const api = makeApi(proxy.base);
    let context = null;
    const launch = async (offline) => {
      context = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, offline,
        viewport: { width: 1280, height: 1000 }, locale: 'en-US', timeout: 30_000,
      });
      context.on('page', (page) => t.watch(page));
      const page = context.pages()[0] ?? await context.newPage();
      t.watch(page);
      return page;
    };
    const goOffline = async () => { proxy.setDown(true); await context.setOffline(true); };
    const goOnline = async () => { proxy.setDown(false); await context.setOffline(false); };
    try {
      const zoe = await api.signup({ name: 'Zoé Offline', email: `offline.${Date.now()}@example.org` });
      const opened = await zoe.post('/tickets', {
        subject: 'Imprimante hors ligne', description: 'It says offline.', category: 'hardware', criticality: 'high',
        language: 'fr',
      }, { 'Idempotency-Key': 'offline-1' });
      const ticketId = opened.body.ticket.id;

      // [SECTION] A first visit online: the service worker keeps the shell, the app its data.
      let page = await launch(false);
      const [name, value] = zoe.cookie.split('=');
      // As the server's Set-Cookie (Max-Age): the session outlives the browser's restart.
      await context.addCookies([{ name, value, url: proxy.base, expires: Math.floor(Date.now() / 1000) + 3600 }]);
      await page.goto(`${proxy.base}/#/tickets`, { waitUntil: 'load' });
      let app = new Driver(page, t);
      await app.ready('my_tickets');
      await app.click(`tickets.open.${ticketId}`);
      await app.waitFor('the ticket', (st) => st.screen === 'ticket' && st.ticket && !st.busy);
      await app.click('ticket.back');
      await app.waitFor('the list', (st) => st.screen === 'my_tickets' && !st.busy);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: WAIT_MS });
      t.check('the service worker controls the page after the first visit', true);

      // [SECTION] Offline: the shell from the service worker, the data from the device.
      await goOffline();
      await page.reload({ waitUntil: 'load' });
      let s = await app.ready('my_tickets');
      const offlineFirstFrame = await page.evaluate(() => window.tesseraTest.firstFrameMs);
      t.log(`offline: first frame from the service worker after ${offlineFirstFrame.toFixed(0)} ms`);
      t.check('offline, a reload opens the app with the last-known tickets', s.offline &&
              s.tickets.some((x) => x.id === ticketId), JSON.stringify({ offline: s.offline, n: s.tickets.length }));
      t.check('the last-known data is marked as possibly stale, with its time', s.tickets_stale &&
              /^Known on \d+ \w+, \d\d:\d\d/.test(s.texts.stale || ''), s.texts.stale);
      await app.screenshot('offline-stale');

      // Drafts: a new ticket, and a reply to the known ticket.
      await app.click('tickets.new');
      await app.type('ticket.subject', 'Le portable ne démarre plus');
      await app.type('ticket.description', 'Écran noir, le ventilateur tourne.');
      await app.click('ticket.criticality.critical');
      await page.goto(`${proxy.base}/#/tickets/${ticketId}`);
      await app.waitFor('the known ticket, offline', (st) => st.screen === 'ticket' && st.ticket);
      await app.type('ticket.reply', 'Il affiche l’erreur E-42.');
      await page.reload({ waitUntil: 'load' });
      s = await app.ready('ticket');
      t.check('after a reload the reply draft is still there', s.fields['ticket.reply'] === 'Il affiche l’erreur E-42.',
              s.fields['ticket.reply']);
      await context.close();

      // [SECTION] The browser closes; reopened on the same profile, still offline.
      page = await launch(true);
      await page.goto(`${proxy.base}/#/tickets/new`, { waitUntil: 'load' });
      app = new Driver(page, t);
      s = await app.ready('new_ticket');
      t.check('after the browser closes and reopens, the ticket draft is still there',
              s.fields['ticket.subject'] === 'Le portable ne démarre plus' &&
              s.fields['ticket.description'] === 'Écran noir, le ventilateur tourne.', JSON.stringify(s.fields));
      await app.screenshot('draft-after-restart');
      await app.click('ticket.submit');
      s = await app.waitFor('the ticket queued', (st) => st.screen === 'my_tickets' && st.outbox.length === 1);
      t.check('a ticket submitted offline is queued', s.outbox[0].state === 'queued', JSON.stringify(s.outbox));
      await app.idle();
      await app.screenshot('queued');
      await page.goto(`${proxy.base}/#/tickets/${ticketId}`);
      s = await app.waitFor('the ticket with its reply draft', (st) => st.screen === 'ticket' &&
                            st.fields['ticket.reply'] === 'Il affiche l’erreur E-42.');
      t.check('after the browser restarts, the reply draft is still there', true);
      await app.click('ticket.send');
      s = await app.waitFor('the reply queued', (st) => st.outbox.length === 2);
      t.check('a reply sent offline is queued', s.outbox.every((item) => item.state === 'queued'), JSON.stringify(s.outbox));

      // [SECTION] Online again: each is created once, though the first answer is lost.
      proxy.loseNext = 'POST /api/v1/tickets';
      const postsBefore = proxy.seen['POST /api/v1/tickets'] || 0;
      await goOnline();
      s = await app.waitFor('both sent', (st) => st.outbox.length > 0 && st.outbox.every((item) => item.state === 'sent'), 30_000);
      const mine = (await zoe.get('/tickets')).body.tickets.filter((x) => x.subject === 'Le portable ne démarre plus');
      t.check('back online, the queued ticket is created exactly once', mine.length === 1 &&
              proxy.seen['POST /api/v1/tickets'] - postsBefore === 2,
              `${mine.length} created, ${proxy.seen['POST /api/v1/tickets'] - postsBefore} sent`);
      const detail = (await zoe.get(`/tickets/${ticketId}`)).body;
      const replies = detail.timeline.filter((e) => e.body === 'Il affiche l’erreur E-42.');
      t.check('back online, the queued reply is added exactly once', replies.length === 1, `${replies.length}`);
      s = await app.waitFor('the reply shown', (st) => st.ticket?.timeline.some((e) => e.body === 'Il affiche l’erreur E-42.'));
      await app.idle();
      await app.screenshot('sent');

      // [SECTION] A draft the server refuses: failed, with its reason, the text kept.
      await goOffline();
      await app.click('lang.fr');
      await page.goto(`${proxy.base}/#/tickets/new`);
      await app.waitFor('the form', (st) => st.screen === 'new_ticket');
      await app.type('ticket.subject', 'Encore un souci');
      await app.type('ticket.description', 'Écrit dans le train.');
      await app.click('ticket.submit');
      await app.waitFor('queued', (st) => st.outbox.some((item) => item.state === 'queued'));
      // Meanwhile the trial is used up on the first ticket: nothing can fund a new one.
      const olga = await makeApi(t.base).operator();
      await olga.post(`/tickets/${ticketId}/actions`, { action: 'take' });
      await olga.post(`/tickets/${ticketId}/time`, { minutes: 15, note: 'Pilote réinstallé' });
      await goOnline();
      s = await app.waitFor('refused', (st) => st.outbox.some((item) => item.state === 'failed'), 30_000);
      const refused = s.outbox.find((item) => item.state === 'failed');
      s = await app.waitFor('drawn', (st) => st.settled && st.texts[`outbox.${refused.id}.state`] !== undefined);
      t.check('a draft the server refuses is "failed" with the translated reason', refused.error === 'no_funding' &&
              s.texts[`outbox.${refused.id}.state`].startsWith('Refusé par le serveur — '), s.texts[`outbox.${refused.id}.state`]);
      await app.screenshot('failed-fr');
      await app.click(`outbox.${refused.id}.edit`);
      s = await app.waitFor('the text back in the form', (st) => st.screen === 'new_ticket' && st.settled);
      t.check('its text is kept for editing', s.fields['ticket.subject'] === 'Encore un souci' && s.error?.code === 'no_funding',
              JSON.stringify({ fields: s.fields, error: s.error }));
    } finally {
      if (context) await context.close().catch(() => {});
      await proxy.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  },
};
