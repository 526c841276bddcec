// A visitor from Spain reads the public side in the app, then signs up: the home page with the
// offers and their prices with VAT, the FAQ, the transparency board (charts, rows page by page
// with a comment just published, the CSV download), the contact form, at a desktop's and a
// phone's size; then "Probar 15 minutos gratis" → sign-up → the mail's link → their tickets, in Spanish.
import fs from 'node:fs';

import { signupToken } from '../harness.mjs';

// A ticket closed and rated through the API, its comment published: it must reach the board.
async function publishedComment(t, stamp) {
  const ana = await t.api.signup({ name: 'Ana Board', email: `board.${stamp}@example.org`, language: 'es' });
  const olga = await t.api.operator();
  const created = await ana.post('/tickets', {
    subject: 'La impresora no imprime', description: 'Desde esta mañana.', category: 'hardware',
    criticality: 'high', language: 'es',
  }, { 'Idempotency-Key': `site-${stamp}` });
  const path = `/tickets/${created.body.ticket.id}`;
  await olga.post(`${path}/actions`, { action: 'take' });
  await olga.post(`${path}/messages`, { body: 'Lo miro ahora.' });
  await olga.post(`${path}/actions`, { action: 'resolve' });
  await ana.post(`${path}/actions`, { action: 'confirm_resolution' });
  const comment = `Muy rápido y amable ${stamp}`;
  const rated = await ana.post(`${path}/evaluation`, { rating: 4, comment, publish_comment: true });
  if (rated.status !== 201) throw new Error(`evaluation: ${rated.status} ${JSON.stringify(rated.body)}`);
  return { comment, reference: created.body.ticket.reference };
}

export default {
  name: 'site-visitor',
  async run(t) {
    const stamp = Date.now();
    const { comment, reference } = await publishedComment(t, stamp);

    const context = await t.newContext({ locale: 'es-ES', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(t.base + '/', { waitUntil: 'load' });
    const app = t.driver(page);
    let s = await app.ready('home');
    t.check('the app starts in the browser\'s language', s.language === 'es', s.language);
    s = await app.waitFor('the offers', (st) => st.site.offers.length >= 4 && st.settled && !st.busy);
    t.check('the home page shows the trial, the subscription, packs and minutes',
            s.site.offers[0].id === 'trial' && s.site.offers[1].id === 'subscription' &&
            s.site.offers.some((o) => o.id.startsWith('pack')) && s.site.offers.some((o) => o.id.startsWith('minutes')),
            JSON.stringify(s.site.offers.map((o) => o.id)));
    const catalog = (await t.api.anonymous().get('/catalog')).body;
    const gross = Math.round(catalog.subscription.monthly_price * (1 + catalog.vat_rate / 10000));
    const euros = `${Math.floor(gross / 100)},${String(gross % 100).padStart(2, '0')} €`;
    t.check('the subscription\'s price is the catalog\'s, with VAT', s.texts['offer.subscription.price'] === `${euros} IVA incl. al mes`,
            s.texts['offer.subscription.price']);
    t.check('each offer says what it is', (s.texts['offer.trial.meaning'] || '').includes('minutos'), s.texts['offer.trial.meaning']);
    t.check('no text is missing on the home page', s.missing_texts.length === 0, JSON.stringify(s.missing_texts));
    await app.screenshot('home-es-desktop');

    await app.click('nav.faq');
    s = await app.waitFor('the FAQ', (st) => st.screen === 'faq' && st.settled);
    t.check('the FAQ holds the business\'s 18 questions and more, in Spanish', Number(s.texts['faq.count']) >= 18 &&
            s.texts['faq.q1'] === '¿Qué es Tessera?', `${s.texts['faq.count']} ${s.texts['faq.q1']}`);
    t.check('the FAQ has its address', page.url().endsWith('#/faq'), page.url());
    await app.screenshot('faq-es-desktop');

    await app.click('nav.board');
    s = await app.waitFor('the board', (st) => st.screen === 'board' && st.site.board && !st.busy && st.settled);
    t.check('the board counts the closed tickets', s.site.board.total >= 1, JSON.stringify(s.site.board).slice(0, 200));
    t.check('the board draws its charts', (s.texts['board.chart.distribution'] || '').startsWith('5/5=') &&
            (s.texts['board.chart.median_month'] || '') !== '', s.texts['board.chart.distribution']);
    await app.screenshot('board-es-desktop');
    // Page by page to the newest rows (oldest first), where the comment just published is.
    for (let turn = 0; turn < 50 && !s.site.board.rows.some((r) => r.reference === reference); turn++) {
      const offset = s.site.board.offset;
      await app.click('board.next');
      s = await app.waitFor('the next page', (st) => st.site.board.offset > offset && !st.busy && st.settled);
    }
    const row = s.site.board.rows.find((r) => r.reference === reference);
    t.check('the comment published a moment ago is on the board', row && row.comment === comment && row.rating === 4,
            JSON.stringify(row));
    await app.scrollIntoView(`board.row.${reference}`);
    await app.screenshot('board-es-row');
    const downloaded = page.waitForEvent('download');
    await app.click('board.csv');
    const csv = fs.readFileSync(await (await downloaded).path(), 'utf8');
    t.check('the CSV download holds the published comment', csv.includes(comment) && csv.includes(reference));

    // The contact form: an error at its field, in Spanish, then sent.
    await page.goto(t.base + '/#/contact');
    s = await app.waitFor('the contact form', (st) => st.screen === 'contact' && st.settled);
    await app.type('contact.name', 'Zoé Visitante');
    await app.type('contact.email', 'zoe@');
    await app.type('contact.message', '¿Atienden también Mac?');
    await app.click('contact.submit');
    s = await app.waitFor('the email\'s error', (st) => st.error && st.error.field === 'email');
    t.check('a bad email is said at its field, in Spanish', s.error.code === 'invalid_email' && /correo/i.test(s.error.text),
            s.error.text);
    await app.screenshot('contact-es-error');
    await app.click('contact.email');
    await app.press('Control+A');
    await app.typeFocused('contact.email', 'zoe@example.org');
    await app.click('contact.submit');
    // The flag is set by the answer; the thank-you is drawn by the next frame: wait for it drawn.
    s = await app.waitFor('the message sent', (st) => st.site.contact_sent && !st.busy && st.settled);
    t.check('the contact message is sent, thanked in Spanish', (s.texts['contact.sent'] || '').startsWith('Gracias'), s.texts['contact.sent']);
    const admin = await t.api.admin();
    const messages = (await admin.get('/admin/contact')).body.messages;
    t.check('the admin finds the message', messages.some((m) => m.message === '¿Atienden también Mac?' &&
            m.email === 'zoe@example.org'));

    // A phone: one column, the places in the menu.
    const phone = await t.newContext({ locale: 'es-ES', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const phonePage = await phone.newPage();
    await phonePage.goto(t.base + '/', { waitUntil: 'load' });
    const small = t.driver(phonePage);
    s = await small.ready('home');
    s = await small.waitFor('the offers on a phone', (st) => st.site.offers.length >= 4 && st.settled && !st.busy);
    const first = await small.rect('offer.trial');
    const second = await small.rect('offer.subscription');
    t.check('on a phone the offers are one column', first.x === second.x && second.y > first.y && first.x + first.w <= 390,
            `${JSON.stringify(first)} ${JSON.stringify(second)}`);
    await small.screenshot('home-es-phone');
    await phonePage.goto(t.base + '/#/board');
    s = await small.waitFor('the board on a phone', (st) => st.screen === 'board' && st.site.board && !st.busy && st.settled);
    const median = await small.rect('board.chart.median_month');
    const p90 = await small.rect('board.chart.p90_month');
    t.check('on a phone the charts are one under the other', median.x === p90.x && p90.y > median.y);
    await small.scrollIntoView('board.chart.median_month');
    await small.screenshot('board-es-phone');

    // Then the visitor signs up for the free trial, in Spanish.
    await app.click('nav.home');
    await app.waitFor('home', (st) => st.screen === 'home' && st.settled);
    await app.click('home.try_free');
    await app.waitFor('sign-up', (st) => st.screen === 'signup' && st.settled);
    await app.type('signup.name', 'Zoé Visitante');
    await app.type('signup.email', `visitor.${stamp}@example.org`);
    await app.type('signup.password', 'correct horse battery', true);
    await app.click('signup.submit');
    await app.waitFor('check your mail', (st) => st.signup.sent_to === `visitor.${stamp}@example.org` && !st.busy && st.settled);
    const token = await signupToken(`visitor.${stamp}@example.org`);  // the mail's link, opened in this tab
    await app.page.evaluate((link) => { window.location.hash = link; }, `#signup-confirm=${token}`);
    s = await app.waitFor('My tickets after sign-up', (st) => st.screen === 'my_tickets' && st.user && !st.busy && st.settled);
    t.check('the visitor is a customer with the free trial, in Spanish', s.user.language === 'es' &&
            s.balances.trial_minutes_left > 0, JSON.stringify(s.user));
    t.check('no text is missing anywhere the visitor went', s.missing_texts.length === 0, JSON.stringify(s.missing_texts));
    await app.screenshot('signed-up-es');
  },
};
