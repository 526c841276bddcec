// Tessera's first journey through the canvas: a visitor signs up for the free trial (through
// the confirmation mail's link) and opens a ticket, an operator takes it, replies and logs
// 10 minutes, and the customer sees
// the reply and "5 minutes left"; along the way the language switch, the window following
// the viewport, Tab between fields, Enter to log in, a translated log-in error, Ctrl+A.
import { signupToken } from '../harness.mjs';

export default {
  name: 'journey',
  async run(t) {
    const context = await t.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US' });
    const page = await context.newPage();
    const app = t.driver(page);
    const email = `zoe.${Date.now()}@example.org`;
    const password = 'correct horse battery';
    const subject = 'Imprimante hors ligne';
    const description = 'My printer says "offline" since this morning; the Wi-Fi works.';

    const started = Date.now();
    await page.goto(t.base + '/', { waitUntil: 'load' });
    await page.waitForFunction(() => window.tesseraTest && window.tesseraTest.firstFrameMs !== null);
    const firstFrameMs = await page.evaluate(() => window.tesseraTest.firstFrameMs);
    t.log(`page load -> first frame: ${firstFrameMs.toFixed(0)} ms (navigation start to first rendered frame; wall ${Date.now() - started} ms)`);
    let s = await app.waitFor('home screen', (st) => st.screen === 'home' && st.settled &&
                              st.texts.tagline !== undefined);
    t.check('visitor sees the home screen', s.screen === 'home' && s.user === null);
    await app.screenshot('home');

    // The canvas follows the window: the centred column moves when the window narrows.
    const wide = await app.rect('home.try_free');
    await page.setViewportSize({ width: 1000, height: 900 });
    const deadline = Date.now() + 15_000;
    let narrow = wide;
    while (Date.now() < deadline && narrow.x === wide.x) {
      await page.waitForTimeout(50);
      narrow = await app.rect('home.try_free');
    }
    t.check('the canvas follows the window size', narrow.x < wide.x, `x ${wide.x} -> ${narrow.x}`);
    await page.setViewportSize({ width: 1280, height: 1000 });
    // Wait until the layout really is the wide one again: a click aimed at a rectangle of the
    // narrow layout would miss once the resize reaches the app.
    const backDeadline = Date.now() + 15_000;
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
    t.check('switching to French changes the texts', rectFr.w !== rectEn.w || titleEn !== s.texts.title,
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
    // Mail is on (the run's fake SMTP server): the link in the confirmation mail opens the session.
    await app.waitFor('check your mail', (st) => st.signup.sent_to === email && !st.busy && st.settled);
    const token = await signupToken(email);
    await page.evaluate((link) => { window.location.hash = link; }, `#signup-confirm=${token}`);
    s = await app.waitFor('My tickets after sign-up', (st) => st.screen === 'my_tickets' && st.user && !st.busy && st.settled);
    t.check('sign-up lands on My tickets as a customer', s.user.role === 'customer' && s.user.name === 'Zoé Martín',
            JSON.stringify(s.user));
    t.check('the free trial holds 15 minutes', s.balances.trial_minutes_left === 15 &&
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
                          st.tickets.some((tk) => tk.subject === subject));
    const ticket = s.tickets.find((tk) => tk.subject === subject);
    t.check('the new ticket is listed with status new', ticket.status === 'new', JSON.stringify(ticket));
    t.check('the ticket keeps its category, criticality and language',
            ticket.category === 'hardware' && ticket.criticality === 'high' && ticket.language === 'fr',
            JSON.stringify(ticket));
    await app.screenshot('my-tickets-new');
    // The server holds it once, as the operator sees it through the API.
    const operator = await t.api.operator();
    const queue = await operator.get('/queue');
    t.check('the server holds the ticket once (the API as the operator)', queue.status === 200 &&
            queue.body.tickets.filter((tk) => tk.subject === subject).length === 1, JSON.stringify(queue).slice(0, 300));

    await app.click('nav.logout');
    s = await app.waitFor('home after log-out', (st) => st.screen === 'home' && st.user === null);
    t.check('the customer logs out', s.user === null);

    // The operator works the ticket.
    await app.click('home.login');
    await app.waitFor('log-in screen', (st) => st.screen === 'login');
    await app.type('login.email', 'operator@tessera.local');
    await app.type('login.password', 'tessera-operator-demo', true);
    await app.click('login.submit');
    s = await app.waitFor('the queue', (st) => st.screen === 'queue' && !st.busy && st.user);
    t.check('the operator sees the ticket in the queue', s.user.role === 'operator' &&
            s.queue.some((tk) => tk.id === ticket.id && tk.status === 'new'), JSON.stringify(s.queue));
    await app.screenshot('queue');
    await app.click(`queue.open.${ticket.id}`);
    await app.waitFor('operator ticket view', (st) => st.screen === 'operator_ticket' && st.ticket && !st.busy);
    await app.click('op.take');
    s = await app.waitFor('ticket taken', (st) => st.ticket && st.ticket.ticket.status === 'in_progress' && !st.busy);
    t.check('the operator takes the ticket', s.ticket.ticket.status === 'in_progress');
    const reply = 'Bonjour Zoé, please restart the printer and tell me what the screen shows.';
    await app.type('op.reply', reply);
    await app.click('op.send');
    s = await app.waitFor('reply in timeline', (st) => !st.busy && st.ticket.timeline.some((e) => e.body === reply));
    t.check('the operator replies', s.ticket.timeline.some((e) => e.kind === 'message' && e.body === reply));
    await app.type('op.minutes', '10');
    await app.type('op.note', 'Diagnosed the printer queue');
    await app.click('op.log_time');
    s = await app.waitFor('time logged', (st) => !st.busy && st.ticket.ticket.minutes_worked === 10);
    t.check('the operator logs 10 minutes with a note',
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
    s = await app.waitFor('My tickets again', (st) => st.screen === 'my_tickets' && !st.busy && st.settled && st.user &&
                          st.tickets.length > 0);
    t.check('the customer sees "5 minutes left"', s.balances.trial_minutes_left === 5 &&
            s.texts.balance === 'Free trial: 5 minutes left', `${s.balances.trial_minutes_left} / ${s.texts.balance}`);
    t.check('the ticket is in progress', s.tickets.find((tk) => tk.id === ticket.id)?.status === 'in_progress');
    await app.screenshot('my-tickets-after');
    await app.click(`tickets.open.${ticket.id}`);
    s = await app.waitFor('ticket view', (st) => st.screen === 'ticket' && st.ticket && !st.busy);
    t.check('the customer sees the reply', s.ticket.timeline.some((e) => e.kind === 'message' && e.body === reply));
    t.check('the customer sees no internal note and the time entry',
            !s.ticket.timeline.some((e) => e.kind === 'internal_note') &&
            s.ticket.timeline.some((e) => e.kind === 'time_entry' && e.minutes === 10));
    await app.click('lang.fr');
    s = await app.waitFor('French ticket view', (st) => st.language === 'fr');
    t.check('the ticket view switches to French', s.texts.status.startsWith('Statut : En cours'), s.texts.status);
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
    t.check('a wrong password is refused with a French message', s.error.code === 'invalid_credentials' &&
            s.error.text === 'Adresse e-mail ou mot de passe incorrect.' && s.screen === 'login', JSON.stringify(s.error));
    await app.screenshot('login-error-fr');
    // Ctrl+A selects the field's text, the right password replaces it.
    await app.click('login.password');
    await app.waitFor('focus on the password', (st) => st.focus === 'login.password');
    await app.press('Control+A', 2);
    await app.idle();
    await app.typeFocused('login.password', password, true);
    await page.keyboard.press('Enter');
    s = await app.waitFor('signed in again', (st) => st.user !== null && !st.busy && st.screen !== 'login');
    t.check('Ctrl+A and a retyped password log in', s.screen === 'my_tickets' && s.error === null,
            JSON.stringify({ screen: s.screen, error: s.error }));
  },
};
