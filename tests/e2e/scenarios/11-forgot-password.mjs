// Forgot password end to end (SPEC §1.13), against the run's fake SMTP server (fake_smtp.mjs):
// a customer signs up (through the confirmation mail's link) and logs out; "Forgot your password?" on log-in sends the mail (the same
// done text as for an address with no account); the mail reaches the fake server and its
// base64 body holds the link; opened in the browser, the link is checked and leaves the address
// bar; the new password is set; log-in with it works and the old one is refused. Then the
// customer's mail preferences are saved, and the admin's outbox shows the mail sent. Each
// screen is shot on a desktop (1280×800) and a phone (390×844).
import { fakeSmtp } from '../fake_smtp.mjs';
import { signupToken } from '../harness.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function both(app, name) {
  await app.screenshot(`${name}-desktop`);
  await app.resize(PHONE);
  await app.idle();
  await app.screenshot(`${name}-phone`);
  await app.resize(DESKTOP);
  await app.idle();
}

// A password field's text replaced (the test hook shows a password as one * a byte).
async function replaceSecret(app, id, text) {
  await app.click(id);
  await app.waitFor(`focus on ${id}`, (s) => s.focus === id);
  await app.press('Control+A');
  await app.page.keyboard.type(text);
  await app.waitFor(`text in ${id}`, (s) => s.fields[id] === '*'.repeat(Buffer.byteLength(text)));
}

export default {
  name: 'forgot-password',
  async run(t) {
    const stamp = Date.now();
    const email = `forgot.${stamp}@example.org`;
    const oldPassword = 'correct horse battery';
    const newPassword = `a brand new password ${stamp}`;

    // [SECTION] Sign up, log out.
    const app = await t.open({ viewport: DESKTOP, locale: 'en-GB' }, '/#/signup');
    await app.ready('signup');
    await app.type('signup.name', 'Flora Oubli');
    await app.tabTo('signup.email', email);
    await app.tabTo('signup.password', oldPassword, true);
    await app.click('signup.submit');
    await app.waitFor('check your mail', (s) => s.signup.sent_to === email && !s.busy && s.settled);
    const signupLink = await signupToken(email);  // the confirmation mail's link, opened in this tab
    await app.page.evaluate((link) => { window.location.hash = link; }, `#signup-confirm=${signupLink}`);
    await app.waitFor('signed in', (s) => s.screen === 'my_tickets' && s.user && !s.busy && s.settled);
    await app.click('nav.logout');
    await app.waitFor('logged out', (s) => !s.user && s.screen === 'home' && s.settled);

    // [SECTION] Forgot password, from the log-in screen, with the email typed there.
    await app.click('nav.login');
    await app.waitFor('log-in', (s) => s.screen === 'login' && s.settled);
    await app.type('login.email', email);
    await app.click('login.forgot');
    let s = await app.waitFor('forgot password', (st) => st.screen === 'forgot_password' && st.settled);
    t.check('the email typed on log-in is there', s.fields['forgot.email'] === email, JSON.stringify(s.fields));
    await both(app, 'forgot');
    await app.click('forgot.submit');
    s = await app.waitFor('the done text', (st) => st.mail.forgot.sent && !st.busy && st.settled);
    const doneText = s.texts['forgot.sent'];
    t.check('the done text says a link was sent if an account uses the address',
            /If an account uses this address/.test(doneText) && !doneText.includes(email), doneText);
    await both(app, 'forgot-sent');

    // The same text for an address with no account (and no mail for it).
    const stranger = await t.open({ viewport: DESKTOP, locale: 'en-GB' }, '/#/forgot-password');
    await stranger.ready('forgot_password');
    await stranger.type('forgot.email', `nobody.${stamp}@example.org`);
    await stranger.click('forgot.submit');
    s = await stranger.waitFor('the done text', (st) => st.mail.forgot.sent && !st.busy && st.settled);
    t.check('an address with no account gets the very same text', s.texts['forgot.sent'] === doneText, s.texts['forgot.sent']);

    // [SECTION] The mail, at the fake SMTP server: its body (base64 MIME parts) holds the link.
    const mail = await fakeSmtp.waitFor(`to ${email}`, (m) => m.to.includes(email) && /#password-reset=/.test(m.text), 30_000);
    const link = (/https?:\/\/[^\s"<>]*#password-reset=([A-Za-z0-9_-]+)/.exec(mail.text) || []);
    t.check('the mail holds a password-reset link to this server', link.length === 2 && link[0].startsWith(t.base),
            mail.text.slice(0, 400));
    t.check('no mail went to the address with no account',
            !fakeSmtp.messages.some((m) => m.to.includes(`nobody.${stamp}@example.org`)));
    const token = link[1];

    // [SECTION] The link in the browser: checked, out of the address bar, a new password.
    const reset = await t.open({ viewport: DESKTOP, locale: 'en-GB' }, `/#password-reset=${token}`);
    s = await reset.ready('password_reset');
    s = await reset.waitFor('the link checked', (st) => st.mail.reset.expires_at > 0 && st.settled);
    const address = await reset.page.evaluate(() => window.location.hash);
    t.check('the token is no longer in the address bar', !address.includes(token) && address === '#/password-reset', address);
    t.check('the screen says until when the link works', /valid until/.test(s.texts['reset.valid_until'] || ''),
            s.texts['reset.valid_until']);
    await reset.type('reset.password', newPassword, true);
    await reset.type('reset.confirmation', `${newPassword}!`, true);
    await reset.click('reset.submit');
    s = await reset.waitFor('the mismatch said', (st) => st.error && st.error.code === 'password_mismatch' && st.settled);
    await both(reset, 'reset-form');
    await replaceSecret(reset, 'reset.confirmation', newPassword);
    await reset.click('reset.submit');
    s = await reset.waitFor('the password changed', (st) => st.mail.reset.done && !st.busy && st.settled);
    t.check('the done text says every session ended', /Every session of your account was ended/.test(s.texts['reset.done']),
            s.texts['reset.done']);
    await both(reset, 'reset-done');

    // The link works once.
    const again = await t.api.anonymous().get(`/auth/password-reset/${token}`);
    t.check('the used link answers 410 reset_link_used', again.status === 410 && again.body?.error?.code === 'reset_link_used',
            JSON.stringify(again));

    // [SECTION] Log in with the new password; the old one is refused.
    await reset.click('reset.to_login');
    await reset.waitFor('log-in', (st) => st.screen === 'login' && st.settled);
    await reset.type('login.email', email);
    await reset.type('login.password', oldPassword, true);
    await reset.click('login.submit');
    s = await reset.waitFor('the old password refused', (st) => st.error && !st.busy && st.settled);
    t.check('the old password is refused', s.error.code === 'invalid_credentials' && !s.user, JSON.stringify(s.error));
    await replaceSecret(reset, 'login.password', newPassword);
    await reset.click('login.submit');
    s = await reset.waitFor('signed in with the new password', (st) => st.user && st.screen === 'my_tickets' && st.settled);
    t.check('the new password logs in', s.user.email === email);

    // [SECTION] Mail preferences in My account.
    await reset.page.evaluate(() => { window.location.hash = '#/account'; });
    s = await reset.waitFor('mail preferences', (st) => st.screen === 'account' && st.mail.preferences.loaded && st.settled);
    t.check('both kinds of mail are on at first', s.mail.preferences.tickets && s.mail.preferences.commerce,
            JSON.stringify(s.mail.preferences));
    await reset.click('mail_prefs.commerce');
    await reset.click('mail_prefs.save');
    s = await reset.waitFor('preferences saved', (st) => st.mail.preferences.saved && !st.busy && st.settled);
    t.check('the commerce mails are off, saved', s.mail.preferences.commerce === false && s.mail.preferences.tickets);
    await reset.scrollIntoView('mail_prefs.save');
    await both(reset, 'mail-preferences');

    // [SECTION] The admin's outbox: the reset mail, sent.
    const admin = await t.api.admin();
    const outbox = t.driver(await t.signedInPage(admin, '/admin/mail', { viewport: DESKTOP, locale: 'en-GB' }));
    s = await outbox.waitFor('the outbox', (st) => st.screen === 'admin_mail' && st.mail.outbox.loaded && st.settled);
    t.check('the outbox lists the reset mail as sent',
            s.mail.outbox.mails.some((m) => m.to === email && m.kind === 'password_reset' && m.state === 'sent'),
            JSON.stringify(s.mail.outbox.mails.slice(0, 5)));
    t.check('mail is on (an SMTP server is configured)', s.mail.outbox.mail_enabled === true);
    await both(outbox, 'outbox');
    await outbox.click('mail.filter.failed');
    s = await outbox.waitFor('the failed filter', (st) => st.mail.outbox.filter === 'failed' && !st.busy && st.settled);
    t.check('no failed mail: the filter\'s empty text', s.mail.outbox.mails.length > 0 || Boolean(s.texts['mail.empty']),
            JSON.stringify(s.texts));
    t.check('no text is missing', [s, await reset.state()].every((st) => st.missing_texts.length === 0),
            JSON.stringify(s.missing_texts));
  },
};
