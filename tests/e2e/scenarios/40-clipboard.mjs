// Copy and paste with the system clipboard in text fields: Ctrl+V pastes what another
// program put there (accents and all, replacing a selection, on one line in a single-line
// field), Ctrl+A Ctrl+C copies a field's text out, Ctrl+X cuts it.
const readClipboard = (app) => app.page.evaluate(() => navigator.clipboard.readText());
const writeClipboard = (app, text) => app.page.evaluate((value) => navigator.clipboard.writeText(value), text);

export default {
  name: 'clipboard',
  async run(t) {
    const app = await t.open({ viewport: { width: 1280, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'] });
    await app.click('home.try_free');
    await app.waitFor('sign-up', (s) => s.screen === 'signup');

    // Paste into an empty field.
    await app.click('signup.name');
    await app.waitFor('focus on the name', (s) => s.focus === 'signup.name');
    await writeClipboard(app, 'Zoé Ñúñez-Łukasz');
    await app.page.keyboard.press('Control+V');
    let s = await app.waitFor('the pasted name', (st) => st.fields['signup.name'] === 'Zoé Ñúñez-Łukasz');
    t.check('Ctrl+V pastes the system clipboard into a field', s.fields['signup.name'] === 'Zoé Ñúñez-Łukasz');

    // Paste over a selection; a line break does not enter a single-line field.
    await app.type('signup.email', 'typo@example.org');
    await app.press('Control+A');
    await writeClipboard(app, 'zoe@example.org\n');
    await app.page.keyboard.press('Control+V');
    s = await app.waitFor('the pasted email', (st) => st.fields['signup.email'] === 'zoe@example.org');
    t.check('a paste replaces the selected text, on one line', s.fields['signup.email'] === 'zoe@example.org',
            JSON.stringify(s.fields['signup.email']));
    await app.screenshot('pasted');

    // Copy out of a field. The app answers the browser's own copy event (what works without
    // the asynchronous clipboard's permission): a listener after it sees the event handled.
    await app.page.evaluate(() => {
      window.clipboardEvents = [];
      for (const type of ['copy', 'cut'])
        window.addEventListener(type, (e) => window.clipboardEvents.push(`${type}:${e.defaultPrevented}`));
    });
    await app.click('signup.name');
    await app.waitFor('focus on the name', (st) => st.focus === 'signup.name');
    await writeClipboard(app, 'something else');
    await app.press('Control+A');
    await app.press('Control+C');
    const copied = await readClipboard(app);
    t.check('Ctrl+A Ctrl+C copies the field\'s text to the system clipboard', copied === 'Zoé Ñúñez-Łukasz',
            JSON.stringify(copied));

    // Cut: the clipboard holds the text, the field is empty.
    await app.click('signup.email');
    await app.waitFor('focus on the email', (st) => st.focus === 'signup.email');
    await app.press('Control+A');
    await app.press('Control+X');
    s = await app.waitFor('the cut email', (st) => st.fields['signup.email'] === '');
    const cut = await readClipboard(app);
    t.check('Ctrl+X cuts the field\'s text to the system clipboard', cut === 'zoe@example.org' && s.fields['signup.email'] === '',
            `${JSON.stringify(cut)} / ${JSON.stringify(s.fields['signup.email'])}`);
    const events = await app.page.evaluate(() => window.clipboardEvents);
    t.check('the browser\'s copy and cut events carried the text', events.join(' ') === 'copy:true cut:true',
            events.join(' '));
    // And what was cut pastes back.
    await app.page.keyboard.press('Control+V');
    s = await app.waitFor('the email pasted back', (st) => st.fields['signup.email'] === 'zoe@example.org');
    t.check('what was cut pastes back', s.fields['signup.email'] === 'zoe@example.org');
  },
};
