// Live updates: with the customer's ticket open, an operator's reply (through the API)
// appears without any click; two tabs of one browser share one event stream (one of them
// holds the connection and relays it); an idle tab with the stream open renders no frame.
export default {
  name: 'live',
  async run(t) {
    const zoe = await t.api.signup({ name: 'Zoé Live', email: `live.${Date.now()}@example.org` });
    const created = await zoe.post('/tickets', {
      subject: 'Wi-Fi drops', description: 'Every evening.', category: 'network', criticality: 'normal', language: 'en',
    }, { 'Idempotency-Key': 'live-1' });
    const id = created.body.ticket.id;
    const context = await t.newContext();
    const [name, value] = zoe.cookie.split('=');
    await context.addCookies([{ name, value, url: t.base }]);
    const first = await context.newPage();
    await first.goto(`${t.base}/#/tickets/${id}`, { waitUntil: 'load' });
    const app = t.driver(first);
    await app.ready('ticket');
    const second = await context.newPage();
    await second.goto(`${t.base}/#/tickets`, { waitUntil: 'load' });
    const list = t.driver(second);
    await list.ready('my_tickets');
    // Both tabs want events; exactly one of them holds the connection.
    const leaders = await Promise.all([first, second].map((p) => p.evaluate(() => window.tesseraPorts.eventsLeading())));
    const deadline = Date.now() + 5000;
    let stable = leaders;
    while (Date.now() < deadline && stable.filter(Boolean).length !== 1) {
      await first.waitForTimeout(100);
      stable = await Promise.all([first, second].map((p) => p.evaluate(() => window.tesseraPorts.eventsLeading())));
    }
    t.check('two tabs share one event stream', stable.filter(Boolean).length === 1, JSON.stringify(stable));

    // Idle with the stream open: no frame.
    await app.idle();
    const framesBefore = (await app.state()).frames;
    await first.waitForTimeout(5000);
    const framesAfter = (await app.state()).frames;
    t.log(`live: ${framesAfter - framesBefore} frames drawn in 5 idle seconds with the event stream open`);
    t.check('an idle tab with the event stream open renders no frame', framesAfter === framesBefore,
            `${framesAfter - framesBefore} frames`);

    const olga = await t.api.operator();
    await olga.post(`/tickets/${id}/actions`, { action: 'take' });
    const reply = 'Please restart the router and tell me what the lights do.';
    const sentAt = Date.now();
    await olga.post(`/tickets/${id}/messages`, { body: reply });
    const s = await app.waitFor('the reply, live', (st) => st.ticket?.timeline.some((e) => e.body === reply), 10_000);
    const delay = Date.now() - sentAt;
    t.log(`live: the operator's reply appeared after ${delay} ms`);
    // The delay is a figure (the machine is shared), the check is that it came with no click.
    t.check('an operator\'s reply appears without any click', s.ticket.ticket.status === 'in_progress', `${delay} ms`);
    const l = await list.waitFor('the list, live', (st) => st.tickets.some((x) => x.id === id && x.status === 'in_progress'), 10_000);
    t.check('the other tab\'s list follows too', l.tickets.some((x) => x.id === id && x.status === 'in_progress'));
    await app.screenshot('reply-live');
  },
};
