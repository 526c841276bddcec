// The admin records a bank transfer for a pending order; the customer's page, open in a second
// browser context, shows the new balance without any click (the server's `account` event makes
// the app refetch GET /me). A wrong amount is refused first, at its field, and pays nothing.
export default {
  name: 'admin-payment',
  async run(t) {
    const email = `transfer.${Date.now()}@example.org`;
    const zoe = await t.api.signup({ name: 'Zoé Virement', email });
    const ordered = await zoe.post('/orders', { kind: 'pack', offer_code: 'pack_1', method: 'bank_transfer' });
    if (ordered.status !== 201) throw new Error(`order: HTTP ${ordered.status} ${JSON.stringify(ordered.body)}`);
    const order = ordered.body;

    const customer = t.driver(await t.signedInPage(zoe, '/tickets'));
    let c = await customer.ready('my_tickets');
    const unitsBefore = c.balances.units_available;

    const boss = await t.api.admin();
    const admin = t.driver(await t.signedInPage(boss, '/admin/orders'));
    let a = await admin.ready('admin_orders');
    a = await admin.waitFor('the pending order', (s) => s.admin.orders.some((o) => o.id === order.id));
    t.check('the pending transfer is listed with its amount',
            a.admin.orders.find((o) => o.id === order.id).gross === order.gross);
    t.check('no text is missing on the orders screen', a.missing_texts.length === 0, JSON.stringify(a.missing_texts));

    await admin.click(`order.${order.id}.record`);
    a = await admin.waitFor('the payment form', (s) => s.fields['payment.amount'] !== undefined);
    const gross = (order.gross / 100).toFixed(2);
    t.check('the form starts with the order\'s amount', a.fields['payment.amount'] === gross, a.fields['payment.amount']);
    await admin.type('payment.reference', 'VIR-E2E-300');
    await admin.replace('payment.amount', '1.00');
    await admin.click('payment.submit');
    a = await admin.waitFor('the amount refused', (s) => s.error && s.error.field === 'payment.amount');
    t.check('a wrong amount is refused at its field', a.error.code === 'payment_amount_mismatch', a.error.text);
    await admin.screenshot('wrong-amount');
    const still = await zoe.get('/me');
    t.check('a refused amount pays nothing', still.body.balances.units_available === unitsBefore);

    await admin.replace('payment.amount', gross);
    const recordedAt = Date.now();
    await admin.click('payment.submit');
    a = await admin.waitFor('the payment recorded', (s) => s.admin.recorded === order.reference && !s.busy);
    t.check('the order leaves the list once paid', !a.admin.orders.some((o) => o.id === order.id));
    await admin.screenshot('recorded');

    c = await customer.waitFor('the new balance, live', (s) => s.balances && s.balances.units_available === unitsBefore + 1, 10_000);
    t.log(`admin-payment: the customer's balance changed ${Date.now() - recordedAt} ms after the click`);
    t.check('the customer\'s balance changes without any click', c.balances.units_available === unitsBefore + 1);
    await customer.screenshot('customer-balance');
  },
};
