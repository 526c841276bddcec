// The account's people end to end: an owner (in French, on a desktop) with a multi-user pack
// invites a user, whose one-time link goes by mail (the run's fake SMTP server); the guest opens it in a second browser
// context (a phone, in Spanish), joins with a name and a password and opens a ticket funded
// by the pool; an operator works and resolves it (through the API); the guest confirms the
// resolution and rates it 4 with a published comment, which then appears on the public board.
import { fakeSmtp } from '../fake_smtp.mjs';

export default {
  name: 'people',
  async run(t) {
    const stamp = Date.now();
    const ownerEmail = `owner.${stamp}@example.org`;
    const guestEmail = `guest.${stamp}@example.org`;
    const password = 'correct horse battery';  // the harness's sign-up password
    const owner = await t.api.signup({ name: 'Odile Titulaire', email: ownerEmail, language: 'fr' });
    const admin = await t.api.admin();
    const order = await owner.post('/orders', { kind: 'pack', offer_code: 'pool_20', method: 'bank_transfer' });
    if (order.status !== 201) throw new Error(`pool order: ${order.status} ${JSON.stringify(order.body)}`);
    const paid = await admin.post(`/admin/orders/${order.body.id}/payment`, {});
    if (paid.status !== 200) throw new Error(`payment: ${paid.status} ${JSON.stringify(paid.body)}`);

    // [SECTION] The owner invites, on a desktop, in French.
    // Signed in already (the session's cookie), at "My account" (the top bar's place, or its menu).
    const deskContext = await t.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR',
                                             permissions: ['clipboard-read', 'clipboard-write'] });
    const [cookieName, cookieValue] = owner.cookie.split('=');
    await deskContext.addCookies([{ name: cookieName, value: cookieValue, url: t.base }]);
    const deskPage = await deskContext.newPage();
    await deskPage.goto(`${t.base}/#/account`, { waitUntil: 'load' });
    const desk = t.driver(deskPage);
    await desk.ready('account');
    await desk.waitFor('my account', (s) => s.screen === 'account' && s.language === 'fr' && !s.busy && s.settled);
    await desk.screenshot('account-fr');
    await desk.click('account.open_people');
    let s = await desk.waitFor('authorized users', (st) => st.screen === 'people' && !st.busy && st.people.users.length === 1);
    t.check('the users screen shows the owner alone', s.people.users[0].owner === true, JSON.stringify(s.people.users));
    await desk.type('people.invite_email', guestEmail);
    await desk.click('people.invite_pool');
    await desk.click('people.invite');
    // Mail is on: the link goes to the guest by mail only, the owner is told it was sent.
    s = await desk.waitFor('the invitation sent', (st) => st.people.sent_by_mail === guestEmail && !st.busy && st.settled);
    t.check('the invitation is pending with the pool scope',
            s.people.invitations.some((i) => i.email === guestEmail && i.scope.pool === true && i.state === 'pending'),
            JSON.stringify(s.people.invitations));
    t.check('the owner sees "sent by mail" and no link', s.people.link === '' && /envoyée par e-mail/.test(s.texts['people.sent_by_mail'] || ''),
            JSON.stringify(s.texts['people.sent_by_mail']));
    const mail = await fakeSmtp.waitFor(`the invitation to ${guestEmail}`, (m) => m.to.includes(guestEmail) && /#invitation=/.test(m.text), 30_000);
    const token = (/#invitation=([0-9a-f]{64})/.exec(mail.text) || [])[1] || '';
    t.check('the mailed one-time link carries a 64-hex token', /^[0-9a-f]{64}$/.test(token), mail.text.slice(0, 400));
    t.check('no text is missing on the owner\'s screens', s.missing_texts.length === 0, JSON.stringify(s.missing_texts));
    await desk.screenshot('invited-fr');

    // [SECTION] The guest joins from the link, on a phone, in Spanish.
    const phoneContext = await t.newContext({ viewport: { width: 390, height: 844 }, locale: 'es-ES', hasTouch: true,
                                              deviceScaleFactor: 1 });
    const phonePage = await phoneContext.newPage();
    await phonePage.goto(`${t.base}/#invitation=${token}`, { waitUntil: 'load' });
    const phone = t.driver(phonePage);
    s = await phone.ready('invitation');
    s = await phone.waitFor('the invitation', (st) => st.people.invitation_email === guestEmail && st.settled);
    t.check('the guest sees the invitation in Spanish', s.language === 'es' && s.address === `/invitation/${token}`,
            `${s.language} ${s.address}`);
    await phone.screenshot('invitation-es-phone');
    await phone.type('invitation.name', 'Gael Invitado');
    await phone.type('invitation.password', password, true);
    await phone.click('invitation.accept');
    s = await phone.waitFor('signed in as the guest', (st) => st.screen === 'my_tickets' && st.user && !st.busy && st.settled);
    t.check('the guest joined the owner\'s account', s.user.email === guestEmail &&
            s.balances.funding_options.includes('units'), JSON.stringify(s.balances));

    // The guest opens a ticket funded by the pool.
    const subject = `Impresora sin conexión ${stamp}`;
    await phone.click('tickets.new');
    await phone.waitFor('new ticket', (st) => st.screen === 'new_ticket' && st.settled);
    await phone.type('ticket.subject', subject);
    await phone.type('ticket.description', 'Desde esta mañana la impresora dice que está desconectada.');
    await phone.click('ticket.funding.units');
    await phone.screenshot('new-ticket-es-phone');
    await phone.click('ticket.submit');
    s = await phone.waitFor('the ticket sent', (st) => st.screen === 'my_tickets' &&
                            st.tickets.some((x) => x.subject === subject) && !st.busy && st.settled);
    const ticket = s.tickets.find((x) => x.subject === subject);
    const seen = await owner.get(`/tickets/${ticket.id}`);
    t.check('the owner sees the guest\'s ticket, funded by the pool', seen.status === 200 &&
            seen.body.ticket.funding === 'units', JSON.stringify(seen.body?.ticket));

    // [SECTION] An operator works and resolves it.
    const olga = await t.api.operator();
    const path = `/tickets/${ticket.id}`;
    for (const [route, body, status] of [[`${path}/actions`, { action: 'take' }, 200],
                                         [`${path}/messages`, { body: 'Reinstalé el controlador.' }, 201],
                                         [`${path}/time`, { minutes: 20, note: 'Controlador reinstalado' }, 201],
                                         [`${path}/actions`, { action: 'resolve' }, 200]]) {
      const answer = await olga.post(route, body);
      if (answer.status !== status) throw new Error(`${route}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }

    // [SECTION] The guest confirms, then rates 4 with a published comment.
    await phone.click(`tickets.open.${ticket.id}`);
    s = await phone.waitFor('resolved', (st) => st.screen === 'ticket' && st.ticket?.ticket.status === 'resolved' && st.settled);
    await phone.screenshot('resolved-es-phone');
    await phone.click('ticket.confirm_resolution');
    s = await phone.waitFor('closed', (st) => st.ticket?.ticket.status === 'closed' && !st.busy && st.settled);
    t.check('confirming the resolution closes the ticket', s.ticket.ticket.status === 'closed');
    const comment = `Rápido y amable, gracias (${stamp})`;
    await phone.click('ticket.rating.4');
    await phone.type('ticket.evaluation_comment', comment);
    await phone.click('ticket.evaluation_publish');
    await phone.click('ticket.evaluate');
    s = await phone.waitFor('rated', (st) => st.rated[String(ticket.id)] === 4 && !st.busy && st.settled);
    t.check('the rating is recorded', s.error === null, JSON.stringify(s.error));
    t.check('no text is missing on the guest\'s screens', s.missing_texts.length === 0, JSON.stringify(s.missing_texts));
    await phone.screenshot('rated-es-phone');

    // [SECTION] The comment is on the public board.
    const board = await t.api.anonymous().get('/board.json');
    const row = (board.body?.rows || []).find((r) => r.reference === ticket.reference);
    t.check('the board lists the ticket with its rating and the published comment',
            row && row.rating === 4 && row.comment === comment, JSON.stringify(row));

    // The owner's list shows the guest, with the pool scope.
    await desk.page.reload({ waitUntil: 'load' });
    s = await desk.waitFor('the users again', (st) => st.screen === 'people' && !st.busy && st.settled &&
                           st.people.users.length === 2);
    t.check('the guest is a user of the account with the pool scope',
            s.people.users.some((u) => u.email === guestEmail && u.scope.pool === true && !u.owner),
            JSON.stringify(s.people.users));
    await desk.screenshot('users-fr');
  },
};
