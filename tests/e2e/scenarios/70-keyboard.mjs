// The keyboard reaches everything: Tab moves from field to field and on to the buttons,
// Shift+Tab back, Space presses the focused button, Escape leaves a field; the hidden
// textarea has the keyboard exactly while a field is active.
export default {
  name: 'keyboard',
  async run(t) {
    const app = await t.open({ viewport: { width: 1280, height: 1000 } });
    await app.click('home.login');
    await app.waitFor('log-in', (s) => s.screen === 'login');
    await app.type('login.email', 'nobody@example.org');
    await app.tabTo('login.password', 'not the password', true);
    t.check('Tab moves to the next field, which has the keyboard', (await app.activeElement()) === 'tessera-text-input');
    await app.press('Tab', 3);
    let s = await app.waitFor('the focus on the button', (st) => st.focus === '' && st.settled);
    t.check('Tab from the last field goes on to the button (no field active, no textarea focus)',
            (await app.activeElement()) !== 'tessera-text-input', await app.activeElement());
    await app.screenshot('button-focused');
    await app.press(' ', 3);
    s = await app.waitFor('the log-in\'s answer', (st) => !st.busy && st.error !== null);
    t.check('Space presses the focused button', s.error.code === 'invalid_credentials', JSON.stringify(s.error));
    await app.press('Shift+Tab', 3);
    s = await app.waitFor('back in the password field', (st) => st.focus === 'login.password');
    t.check('Shift+Tab goes back into the field, with the keyboard', (await app.activeElement()) === 'tessera-text-input');
    await app.press('Escape', 3);
    s = await app.waitFor('no field active', (st) => st.focus === '');
    t.check('Escape leaves the field and takes the keyboard away', (await app.activeElement()) !== 'tessera-text-input');
  },
};
