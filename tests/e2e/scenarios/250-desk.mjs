// The operator's desk: an operator who speaks only Spanish (made through the API by the
// admin) sees only Spanish tickets, takes the most critical of the customer's, runs the timer
// across a page reload, logs the minutes it proposes, writes an internal note that the
// customer's page (a second browser context, open all along) never shows, and resolves.
// Screenshots of the queue and the ticket at desktop and phone sizes, in Spanish and English.
// The database is shared with the other scenarios: this one looks only at its own tickets.
export default {
  name: 'desk',
  async run(t) {
    const tag = `D${Date.now().toString(36)}`;
    const admin = await t.api.admin();
    const email = `sofia.${tag.toLowerCase()}@tessera.local`;
    const password = 'sofia-operadora-demo';
    const made = await admin.post('/admin/operators', { name: 'Sofía Operadora', email, password, languages: ['es'] });
    t.check('the admin creates a Spanish-only operator', made.status === 201, JSON.stringify(made.body));
    const operatorApi = await t.api.login(email, password);

    // A customer's tickets: two in Spanish (one critical), one in English.
    const ana = await t.api.signup({ name: 'Ana Cliente', email: `ana.${tag.toLowerCase()}@example.org`, language: 'es' });
    const open = async (subject, language, criticality, key) => {
      const answer = await ana.post('/tickets', {
        subject, description: 'Desde esta mañana.', category: 'network', criticality, language,
      }, { 'Idempotency-Key': `${tag}-${key}` });
      if (answer.status !== 201) throw new Error(`ticket: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body.ticket;
    };
    const low = await open(`Correo lento ${tag}`, 'es', 'low', 1);
    const critical = await open(`Sin conexión ${tag}`, 'es', 'critical', 2);
    const english = await open(`Printer offline ${tag}`, 'en', 'critical', 3);

    // The customer's page, open on the critical ticket from the start.
    const customerContext = await t.newContext({ locale: 'es-ES' });
    const [cookieName, cookieValue] = ana.cookie.split('=');
    await customerContext.addCookies([{ name: cookieName, value: cookieValue, url: t.base }]);
    const customerPage = await customerContext.newPage();
    await customerPage.goto(`${t.base}/#/tickets/${critical.id}`, { waitUntil: 'load' });
    const customer = t.driver(customerPage);
    await customer.ready('ticket');
    const noteText = `Nota interna ${tag}: el cliente usa una VPN`;
    const sawNote = (s) => JSON.stringify(s.ticket ?? {}).includes(noteText) ||
                           (s.ticket?.timeline ?? []).some((e) => e.kind === 'internal_note');
    let customerEverSawNote = false;
    const customerWatch = async () => {
      const s = await customer.state();
      customerEverSawNote ||= sawNote(s);
      return s;
    };

    // The operator's browser.
    const context = await t.newContext({ locale: 'es-ES' });
    const [name, value] = operatorApi.cookie.split('=');
    await context.addCookies([{ name, value, url: t.base }]);
    const page = await context.newPage();
    await page.goto(`${t.base}/#/queue`, { waitUntil: 'load' });
    const app = t.driver(page);
    let s = await app.ready('queue');
    s = await app.waitFor('the queue loaded', (st) => st.queue_loaded && !st.busy);
    t.check('the Spanish-only operator sees only Spanish tickets', s.queue.length > 0 &&
            s.queue.every((tk) => tk.language === 'es'), JSON.stringify(s.queue.map((tk) => tk.language)));
    t.check('the English ticket is not in the queue', !s.queue.some((tk) => tk.id === english.id));
    // The operator account is made in English: she switches the interface to Spanish.
    await app.click('lang.es');
    s = await app.waitFor('Spanish', (st) => st.language === 'es' && !st.busy);
    t.check('the interface switches to Spanish', s.language === 'es', s.language);
    t.check('the queue is ordered: critical first', s.queue.findIndex((tk) => tk.id === critical.id) <
            Math.max(s.queue.findIndex((tk) => tk.id === low.id), s.queue.length), JSON.stringify(s.queue.slice(0, 5)));
    await app.screenshot('queue-es');

    // The customer's two tickets, found by the search field; the most critical on top.
    await app.type('queue.search', tag);
    s = await app.waitFor('the search result', (st) => !st.busy && st.queue.length === 2 &&
                          st.queue.every((tk) => tk.subject.includes(tag)));
    t.check('the search finds the customer\'s two Spanish tickets, critical first',
            s.queue[0].id === critical.id && s.queue[1].id === low.id, JSON.stringify(s.queue));
    t.check('each shows its first-response due time', s.queue.every((tk) => tk.open_minutes_left !== null),
            JSON.stringify(s.queue));
    // Leave the field (a click on the count above the rows), then the keyboard: ↓ ↑, Enter opens the row.
    await app.click('queue.state');
    await app.waitFor('the field left', (st) => st.focus === '');
    await app.press('ArrowDown');
    s = await app.waitFor('the second row chosen', (st) => st.queue_selected === 1);
    await app.press('ArrowUp');
    s = await app.waitFor('the first row chosen', (st) => st.queue_selected === 0);
    await app.press('Enter');
    s = await app.waitFor('the critical ticket open', (st) => st.screen === 'operator_ticket' && st.ticket &&
                          st.ticket.ticket.id === critical.id && !st.busy);
    t.check('Enter opens the most critical ticket', s.ticket.ticket.id === critical.id);
    await app.click('op.take');
    s = await app.waitFor('taken', (st) => st.ticket.ticket.status === 'in_progress' && !st.busy);
    t.check('the operator takes it', s.ticket.ticket.status === 'in_progress');

    // The timer, across a reload.
    await app.click('op.timer.start');
    s = await app.waitFor('the timer running', (st) => st.timer && st.timer.running && st.timer.elapsed_ms >= 1500);
    const beforeReload = s.timer.elapsed_ms;
    await app.screenshot('ticket-timer-es');
    await page.reload({ waitUntil: 'load' });
    s = await app.ready('operator_ticket');
    s = await app.waitFor('the timer still running after the reload', (st) => st.ticket && st.timer && st.timer.running &&
                          st.timer.elapsed_ms > beforeReload);
    t.check('the timer survives the reload', s.timer.running && s.timer.elapsed_ms > beforeReload,
            `${beforeReload} -> ${s.timer.elapsed_ms} ms`);
    const frames = (await app.state()).frames;
    s = await app.waitFor('the clock ticking', (st) => st.frames > frames + 1 && st.texts['op.timer.clock'] !== undefined);
    t.check('the running clock is redrawn by itself', s.frames > frames, `${frames} -> ${s.frames}`);
    await app.click('op.timer.stop');
    s = await app.waitFor('minutes proposed', (st) => st.time_form && st.time_form.proposed && st.timer === null);
    const proposed = Number(s.time_form.minutes);
    t.check('stopping proposes the minutes, rounded up', proposed >= 1 && s.fields['op.minutes'] === String(proposed),
            JSON.stringify(s.time_form));
    t.check('the cost of the entry is shown before logging', (s.texts['op.cost_preview'] ?? '').length > 0,
            s.texts['op.cost_preview']);
    await app.type('op.note', 'Revisado el router');
    await app.click('op.log_time');
    s = await app.waitFor('time logged', (st) => !st.busy && st.ticket.ticket.minutes_worked === proposed);
    t.check('the proposed minutes are logged', s.ticket.timeline.some((e) => e.kind === 'time_entry' && e.minutes === proposed),
            JSON.stringify(s.error));

    // An internal note: marked, and never on the customer's page.
    await app.click('op.internal');
    s = await app.waitFor('the note marked hidden', (st) => st.texts['op.note_warning'] !== undefined);
    t.check('the note is marked hidden from the customer', s.texts['op.note_warning'].includes(s.language === 'es' ? 'nunca el cliente' : 'never the customer'),
            s.texts['op.note_warning']);
    await app.type('op.reply', noteText);
    await app.screenshot('ticket-note-es');
    await app.click('op.send');
    s = await app.waitFor('the note in the timeline', (st) => !st.busy &&
                          st.ticket.timeline.some((e) => e.kind === 'internal_note' && e.body === noteText));
    t.check('the operator sees the internal note', true);
    // The customer's page follows live (the time entry arrives), and never shows the note.
    const seenLogged = await customer.waitFor('the customer sees the time entry live', (cs) => {
      customerEverSawNote ||= sawNote(cs);
      return cs.ticket && cs.ticket.ticket.minutes_worked === proposed;
    });
    await customerWatch();

    // Resolve.
    await app.click('op.resolve');
    s = await app.waitFor('resolved', (st) => !st.busy && st.ticket.ticket.status === 'resolved');
    t.check('the operator resolves the ticket', s.ticket.ticket.status === 'resolved');
    const customerSeen = await customer.waitFor('the customer sees the resolution live', (cs) => {
      customerEverSawNote ||= sawNote(cs);
      return cs.ticket && cs.ticket.ticket.status === 'resolved' && !cs.busy;
    });
    await customerWatch();
    t.check('the customer\'s page never shows the internal note', !customerEverSawNote && !sawNote(customerSeen) &&
            !sawNote(seenLogged));
    t.check('the customer sees the time entry and the resolution', customerSeen.ticket.timeline.some((e) => e.kind === 'time_entry'));
    await customer.screenshot('customer-ticket-es');
    const direct = await ana.get(`/tickets/${critical.id}`);
    t.check('the API gives the customer no internal note either',
            direct.status === 200 && !JSON.stringify(direct.body).includes(noteText));

    // The other language, and the phone.
    await app.click('lang.en');
    s = await app.waitFor('English', (st) => st.language === 'en');
    await app.screenshot('ticket-resolved-en');
    await app.resize({ width: 390, height: 844 });
    await app.screenshot('ticket-phone-en');
    await page.goto(`${t.base}/#/tickets/${low.id}`, { waitUntil: 'load' });
    await app.ready('operator_ticket');
    await app.idle();
    await app.screenshot('ticket-phone-new-en');
    await page.goto(`${t.base}/#/queue`, { waitUntil: 'load' });
    s = await app.ready('queue');
    s = await app.waitFor('the queue on a phone', (st) => st.queue_loaded && !st.busy);
    await app.screenshot('queue-phone-en');
    await app.resize({ width: 1280, height: 800 });
    await app.screenshot('queue-desktop-en');
    s = await app.state();
    t.check('no text is missing (operator)', s.missing_texts.length === 0, JSON.stringify(s.missing_texts));
    const cs = await customer.state();
    t.check('no text is missing (customer)', cs.missing_texts.length === 0, JSON.stringify(cs.missing_texts));
  },
};
