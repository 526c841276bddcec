// Sign-up confirmed by mail end to end (issue 14 item 7), against the run's fake SMTP server:
// a visitor signs up in French and the screen says to check the mail (no session yet); the same
// address typed again shows the very same screen and its owner gets the "someone tried" mail,
// not a second account; the confirmation mail's link, opened in the browser, leaves the address
// bar and lands the visitor on My tickets, signed in with the free trial; opened again it says,
// translated, that it was used. Each screen is shot on a desktop (1280×800) and a phone (390×844).
import { fakeSmtp } from '../fake_smtp.mjs';

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

async function signUp(t, email) {
  const app = await t.open({ viewport: DESKTOP, locale: 'fr-FR' }, '/#/signup');
  await app.ready('signup');
  await app.type('signup.name', 'Zoé Confirmée');
  await app.tabTo('signup.email', email);
  await app.tabTo('signup.password', 'correct horse battery', true);
  await app.click('signup.submit');
  const s = await app.waitFor('check your mail', (st) => st.signup.sent_to === email && !st.busy && st.settled);
  return { app, s };
}

export default {
  name: 'signup-confirm',
  async run(t) {
    const stamp = Date.now();
    const email = `confirm.${stamp}@example.org`;

    // [SECTION] Sign up: "check your mail", no session.
    const { app, s: sent } = await signUp(t, email);
    t.check('the screen says a mail was sent to the address, in French',
            /Nous avons envoyé un e-mail à/.test(sent.texts['signup.sent'] || '') && sent.texts['signup.sent'].includes(email),
            sent.texts['signup.sent']);
    t.check('no session before the link is opened', sent.user === null && sent.screen === 'signup');
    await both(app, 'check-your-mail');

    const mail = await fakeSmtp.waitFor(`confirming ${email}`, (m) => m.to.includes(email) && /#signup-confirm=/.test(m.text), 30_000);
    const link = /(https?:\/\/[^\s"<>]*)#signup-confirm=([0-9a-f]{64})/.exec(mail.text) || [];
    t.check('the mail holds a confirmation link to this server, in French', link.length === 3 && link[1].startsWith(t.base) &&
            mail.headers['content-language'] === 'fr', mail.text.slice(0, 300));
    const token = link[2];

    // [SECTION] The link: the session, the trial, the token out of the address bar.
    const opened = await t.open({ viewport: DESKTOP, locale: 'fr-FR' }, `/#signup-confirm=${token}`);
    let s = await opened.waitFor('signed in from the link', (st) => st.screen === 'my_tickets' && st.user && !st.busy && st.settled);
    t.check('the visitor is signed in with the free trial, in French', s.user.email === email && s.language === 'fr' &&
            s.balances.trial_minutes_left === 15, JSON.stringify({ user: s.user, balances: s.balances }));
    const address = await opened.page.evaluate(() => window.location.hash);
    t.check('the token is no longer in the address bar', !address.includes(token), address);
    await both(opened, 'confirmed-my-tickets');

    // [SECTION] The taken address: byte for byte the same answer, the owner warned by mail.
    const { s: sameState } = await signUp(t, email);
    t.check('a taken address shows the very same screen', sameState.texts['signup.sent'] === sent.texts['signup.sent'] &&
            sameState.user === null, sameState.texts['signup.sent']);
    const warning = await fakeSmtp.waitFor(`warning ${email}`, (m) => m.to.includes(email) && /forgot-password/.test(m.text), 30_000);
    t.check('the owner is told someone tried, with the password reset link',
            /Quelqu'un a voulu/.test(warning.subject) && /forgot-password/.test(warning.text) && !/#signup-confirm=/.test(warning.text), warning.subject);

    // [SECTION] The link again: used, said in French, with the way on.
    const reused = await t.open({ viewport: DESKTOP, locale: 'fr-FR' }, `/#signup-confirm=${token}`);
    s = await reused.waitFor('the used link said', (st) => st.screen === 'signup_confirm' && st.signup.confirm_error !== '' && st.settled);
    t.check('a used link says so, translated', s.signup.confirm_error === 'signup_link_used' &&
            /déjà servi/.test(s.texts['signup_confirm.error'] || ''), JSON.stringify(s.texts));
    await both(reused, 'link-used');
    await reused.click('signup_confirm.to_login');
    s = await reused.waitFor('log-in', (st) => st.screen === 'login' && st.settled);
    t.check('no text is missing', [sent, s].every((st) => st.missing_texts.length === 0), JSON.stringify(s.missing_texts));
  },
};
