// A customer's support time and money in the browser (SPEC §1.4–1.7): a 20-ticket pack bought
// by bank transfer stays pending until the admin records the payment (through the API), then
// the balance shows 20 units with their expiry; the invoice's PDF is downloaded (a PDF with the
// invoice number); minutes bought by PayPal through the run's fake PayPal server are activated;
// a declined capture shows the reason (in Spanish); the subscription cancelled says "usable
// until …", and a restart is refused with the date it becomes possible. Desktop and phone.
import fs from 'node:fs';

import { fakePayPal } from '../fake_paypal.mjs';

const DAY = 86400;

export default {
  name: 'money',
  async run(t) {
    const email = `money.${Date.now()}@example.org`;
    const customer = await t.api.signup({ name: 'Inès Moreau', email, language: 'en' });
    const admin = await t.api.admin();
    const context = await t.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', acceptDownloads: true });
    const [name, value] = customer.cookie.split('=');
    await context.addCookies([{ name, value, url: t.base }]);
    const page = await context.newPage();
    const app = t.driver(page);
    const noMissingTexts = (s, where) => t.check(`${where}: no text missing`, s.missing_texts.length === 0, JSON.stringify(s.missing_texts));

    // [1] Nothing bought yet: the empty state of Support time.
    await page.goto(t.base + '/#/time', { waitUntil: 'load' });
    let s = await app.ready('support_time');
    s = await app.waitFor('the ledger', (st) => st.money.ledger !== null && !st.busy);
    t.check('a new customer sees "nothing bought yet"', s.texts['money.empty'] !== undefined, JSON.stringify(s.texts));
    await app.screenshot('time-empty');

    // [2] A 20-ticket pack by bank transfer: price with VAT, then the instructions, pending.
    await app.click('money.link.buy');
    await app.waitFor('the offers', (st) => st.screen === 'buy' && !st.busy && st.texts['buy.total'] !== undefined);
    await app.click('buy.kind.pack');
    await app.click('buy.offer.pack_20');
    await app.click('buy.method.bank_transfer');
    s = await app.waitFor('the pack priced', (st) => st.money.buy.offer_code === 'pack_20' && st.money.buy.method === 'bank_transfer');
    // The catalog's price (the admin may have changed it on this shared server) plus the VAT.
    const catalog = (await t.api.anonymous().get('/catalog')).body;
    const pack20 = catalog.packs.find((p) => p.code === 'pack_20');
    const gross = pack20.price + Math.floor((pack20.price * catalog.vat_rate + 5000) / 10000);
    const euros = (cents) => `€${(cents / 100).toFixed(2)}`;
    t.check('the pack is priced with VAT before paying', s.money.price.net === pack20.price && s.money.price.gross === gross &&
            s.texts['buy.total'] === `Total incl. VAT: ${euros(gross)}`, `${JSON.stringify(s.money.price)} ${s.texts['buy.total']}`);
    await app.screenshot('buy-pack');
    await app.click('buy.submit');
    s = await app.waitFor('the pending order', (st) => st.screen === 'order' && st.money.order && !st.busy);
    const order = s.money.order;
    t.check('the order waits for the transfer', order.status === 'pending_payment', order.status);
    t.check('the instructions carry the reference and the bank details',
            (s.texts['order.instructions'] || '').includes(order.reference) && s.texts['order.instructions'].includes('IBAN'),
            s.texts['order.instructions']);
    t.check('"activation takes a few days" is said', /activation takes a few days/i.test(s.texts['order.status'] || ''), s.texts['order.status']);
    await app.screenshot('order-pending');

    // The admin records the payment; the balance shows 20 units with their expiry.
    const paid = await admin.post(`/admin/orders/${order.id}/payment`, {});
    t.check('the admin records the transfer', paid.status === 200, JSON.stringify(paid.body));
    await app.click('money.link.support_time');
    s = await app.waitFor('20 units', (st) => st.screen === 'support_time' && st.balances.units_available === 20 &&
                          st.money.ledger && st.money.ledger.lots.some((l) => l.kind === 'ticket_units') && !st.busy &&
                          st.settled);  // and drawn: the texts below are the last frame's
    const lot = s.money.ledger.lots.find((l) => l.kind === 'ticket_units');
    const months12 = lot.expires_at - lot.starts_at;
    t.check('the pack holds 20 units valid 12 months', lot.left === 20 && months12 >= 365 * DAY && months12 <= 366 * DAY, JSON.stringify(lot));
    t.check('the screen shows 20 units and their expiry', s.texts[`money.lot.${lot.id}.left`] === '20 tickets' &&
            /\d+ \w+ \d{4}/.test(s.texts[`money.lot.${lot.id}.expires`] || ''), `${s.texts[`money.lot.${lot.id}.left`]} / ${s.texts[`money.lot.${lot.id}.expires`]}`);
    t.check('the history shows the purchase with the running balance',
            Object.entries(s.texts).some(([k, v]) => /^money\.history\.\d+$/.test(k) && v.includes(order.reference)), JSON.stringify(s.texts));
    await app.screenshot('time-20-units');
    await app.resize({ width: 390, height: 844 });
    await app.waitFor('the phone layout', (st) => st.screen === 'support_time');
    await app.screenshot('time-20-units-phone');
    await app.resize({ width: 1280, height: 800 });

    // [3] The invoice: listed, and its PDF downloaded.
    await app.click('money.link.invoices');
    s = await app.waitFor('the invoice', (st) => st.screen === 'invoices' && st.money.invoices.length === 1 && !st.busy);
    const invoice = s.money.invoices[0];
    t.check('the invoice is listed with its number and amount', s.texts[`money.invoice.${invoice.id}.number`] === invoice.number &&
            s.texts[`money.invoice.${invoice.id}.amount`] === euros(gross) && invoice.gross === gross, JSON.stringify(invoice));
    await app.screenshot('invoices');
    const [download] = await Promise.all([page.waitForEvent('download'), app.click(`money.invoice.${invoice.id}.pdf`)]);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    t.check('the download is a PDF', bytes.subarray(0, 5).toString('latin1') === '%PDF-', bytes.subarray(0, 8).toString('latin1'));
    t.check('the PDF is the invoice (its number in the file and its name)',
            bytes.toString('latin1').includes(invoice.number) && download.suggestedFilename().includes(invoice.number),
            download.suggestedFilename());

    // [4] Minutes by PayPal: approved on the fake PayPal, captured on return, activated.
    const buyMinutesByPayPal = async () => {
      await app.click('money.link.buy');
      await app.waitFor('the offers', (st) => st.screen === 'buy' && !st.busy && st.texts['buy.total'] !== undefined);
      await app.click('buy.kind.minutes');
      await app.click('buy.offer.minutes_60');
      await app.click('buy.method.paypal');
      await app.waitFor('PayPal chosen', (st) => st.money.buy.method === 'paypal' && st.money.buy.offer_code === 'minutes_60');
      // The page leaves for PayPal's approval page, which sends it back to the return address.
      await app.scrollIntoView('buy.submit');
      const { x, y } = await app.point('buy.submit');
      await Promise.all([page.waitForURL(/#paypal-return\?token=/, { timeout: 15_000 }), page.mouse.click(x, y)]);
      await app.ready();
    };
    await buyMinutesByPayPal();
    s = await app.waitFor('the capture', (st) => st.screen === 'paypal_return' && (st.money.paypal.paid || st.money.paypal.declined) && !st.busy);
    t.check('back from PayPal the minutes are activated', s.money.paypal.paid === 'paid' && /activated/.test(s.texts['paypal.result'] || ''),
            JSON.stringify(s.money.paypal) + ' ' + s.texts['paypal.result']);
    t.check('the capture was asked of PayPal once', fakePayPal.count('POST', `/v2/checkout/orders/${s.money.paypal.token}/capture`) === 1,
            JSON.stringify(fakePayPal.requests.filter((r) => r.path.endsWith('/capture'))));
    s = await app.waitFor('60 minutes', (st) => st.balances && st.balances.bank_minutes_available === 60);
    t.check('the bank holds 60 minutes', s.balances.bank_minutes_available === 60);
    await app.screenshot('paypal-activated');

    // A declined capture: the reason, said in Spanish, and a way to try again.
    fakePayPal.declineNextCapture();
    await buyMinutesByPayPal();
    s = await app.waitFor('the declined capture', (st) => st.screen === 'paypal_return' && st.money.paypal.declined && !st.busy);
    t.check('the declined capture was asked of PayPal once', fakePayPal.count('POST', `/v2/checkout/orders/${s.money.paypal.token}/capture`) === 1,
            JSON.stringify(fakePayPal.requests.filter((r) => r.path.endsWith('/capture'))));
    await app.click('lang.es');
    s = await app.waitFor('Spanish', (st) => st.language === 'es' && st.texts['paypal.reason'] !== undefined);
    t.check('a declined capture shows the reason', s.money.paypal.declined === 'paypal_declined' &&
            s.texts['paypal.result'] === 'PayPal rechazó el pago.' && /banco|tarjeta/.test(s.texts['paypal.reason']),
            `${s.texts['paypal.result']} / ${s.texts['paypal.reason']}`);
    t.check('nothing more was credited', s.balances.bank_minutes_available === 60, String(s.balances.bank_minutes_available));
    await app.screenshot('paypal-declined-es');
    noMissingTexts(s, 'Spanish');
    await app.click('lang.en');
    await app.waitFor('English', (st) => st.language === 'en');

    // [5] The subscription: bought by bank transfer, paid, cancelled, restart refused.
    await app.click('money.link.subscription');
    await app.waitFor('the subscription screen', (st) => st.screen === 'subscription' && !st.busy);
    await app.click('subscription.subscribe');
    await app.waitFor('the subscription offer', (st) => st.screen === 'buy' && st.money.buy.kind === 'subscription' && !st.busy);
    await app.click('buy.method.bank_transfer');
    await app.waitFor('bank transfer chosen', (st) => st.money.buy.method === 'bank_transfer');
    await app.click('buy.submit');
    s = await app.waitFor('the subscription order', (st) => st.screen === 'order' && st.money.order && st.money.order.kind === 'subscription' && !st.busy);
    const subscriptionOrder = s.money.order;
    t.check('the subscription order is pending', subscriptionOrder.status === 'pending_payment', subscriptionOrder.status);
    t.check('the admin records it', (await admin.post(`/admin/orders/${subscriptionOrder.id}/payment`, {})).status === 200);
    await app.click('money.link.subscription');
    s = await app.waitFor('the active subscription', (st) => st.screen === 'subscription' && st.balances.subscription === 'active' && !st.busy);
    await app.screenshot('subscription-active');
    await app.click('subscription.cancel');
    await app.click('subscription.cancel_yes');
    s = await app.waitFor('cancelled', (st) => st.balances.subscription === 'cancelled' && st.money.notice !== '' && !st.busy);
    t.check('cancelling says "usable until …"', /^Subscription cancelled: usable until \d+ \w+ \d{4}\.$/.test(s.money.notice), s.money.notice);
    await app.screenshot('subscription-cancelled');
    await app.click('subscription.restart');
    s = await app.waitFor('the restart refused', (st) => st.error && !st.busy);
    t.check('a restart is refused with the date it becomes possible', s.error.code === 'restart_too_early' &&
            /from \d+ \w+ \d{4} \(3 months after cancelling\)/.test(s.error.text), JSON.stringify(s.error));
    await app.screenshot('subscription-restart-refused');
    await app.resize({ width: 390, height: 844 });
    await app.screenshot('subscription-restart-refused-phone');
    noMissingTexts(await app.state(), 'English');
  },
};
