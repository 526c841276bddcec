// Navigation like a web page: each screen has an address; Back and Forward move between
// screens inside Tessera; a reload comes back to the same screen, still signed in; a link
// to a ticket opened in a new tab shows that ticket; the page title follows the screen.
export default {
  name: 'navigation',
  async run(t) {
    const zoe = await t.api.signup({ name: 'Zoé Nav', email: `nav.${Date.now()}@example.org` });
    const created = await zoe.post('/tickets', {
      subject: 'Écran noir', description: 'Black screen after the update.', category: 'hardware',
      criticality: 'high', language: 'fr',
    }, { 'Idempotency-Key': 'nav-1' });
    const id = created.body.ticket.id;
    const context = await t.newContext();
    const [name, value] = zoe.cookie.split('=');
    await context.addCookies([{ name, value, url: t.base }]);
    const page = await context.newPage();
    await page.goto(t.base + '/#/tickets', { waitUntil: 'load' });
    const app = t.driver(page);
    let s = await app.ready('my_tickets');
    t.check('a signed-in page opens at its address', s.screen === 'my_tickets' && s.user?.name === 'Zoé Nav');
    t.check('the title names the screen', (await page.title()) === 'My tickets · Tessera', await page.title());

    await app.click('tickets.new');
    s = await app.waitFor('new ticket', (st) => st.screen === 'new_ticket');
    t.check('a screen has its own address', page.url().endsWith('#/tickets/new'), page.url());
    await page.goBack();
    s = await app.waitFor('back to My tickets', (st) => st.screen === 'my_tickets' && st.settled);
    t.check('Back returns to the previous screen inside Tessera', page.url().endsWith('#/tickets'), page.url());
    await page.goForward();
    s = await app.waitFor('forward to the new ticket', (st) => st.screen === 'new_ticket' && st.settled);
    t.check('Forward goes to it again', s.screen === 'new_ticket');

    await page.reload({ waitUntil: 'load' });
    s = await app.ready('new_ticket');
    t.check('a reload comes back to the same screen, still signed in', s.screen === 'new_ticket' &&
            s.user?.name === 'Zoé Nav', `${s.screen} ${JSON.stringify(s.user)}`);
    t.check('the title follows the screen', (await page.title()) === 'Describe your problem · Tessera', await page.title());

    const tab = await context.newPage();
    await tab.goto(`${t.base}/#/tickets/${id}`, { waitUntil: 'load' });
    const other = t.driver(tab);
    s = await other.waitFor('the linked ticket', (st) => st.screen === 'ticket' && st.ticket && !st.busy && st.settled);
    t.check('a link to a ticket opened in a new tab shows that ticket', s.ticket.ticket.id === id &&
            s.texts.title === 'Écran noir', `${s.screen} ${s.texts.title}`);
    await other.screenshot('linked-ticket');

    // A visitor following the same link is asked to log in, then sees the ticket.
    const stranger = await t.newContext();
    const visitor = await stranger.newPage();
    await visitor.goto(`${t.base}/#/tickets/${id}`, { waitUntil: 'load' });
    const guest = t.driver(visitor);
    s = await guest.ready('login');
    t.check('a visitor with a link is asked to log in first', s.screen === 'login');
    await guest.type('login.email', zoe.me.user.email);
    await guest.type('login.password', 'correct horse battery', true);
    await guest.press('Enter');
    s = await guest.waitFor('the ticket after log-in', (st) => st.screen === 'ticket' && st.ticket && !st.busy);
    t.check('after log-in the asked-for ticket is shown', s.ticket.ticket.id === id && visitor.url().endsWith(`#/tickets/${id}`),
            visitor.url());
  },
};
