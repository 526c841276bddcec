// A phone (390x844 CSS px, 3x, touch): a tap works like a click; a tap on a text field gives
// the keyboard focus to the hidden textarea (what opens a phone's soft keyboard), placed at
// the field; typed text arrives, and so does an accented character composed by an IME (CDP's
// Input.imeSetComposition, then Input.insertText commits it); a tap elsewhere takes the
// keyboard away. Held sideways, a finger dragged up scrolls the form down, without clicking.
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const SIDEWAYS = { viewport: { width: 844, height: 390 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

const textarea = (app) => app.page.evaluate(() => {
  const input = document.getElementById('tessera-text-input');
  const box = input.getBoundingClientRect();
  return { focused: document.activeElement === input, x: box.x, y: box.y, value: input.value };
});

export default {
  name: 'phone',
  async run(t) {
    const app = await t.open(PHONE);
    await app.screenshot('home');
    await app.tap('home.try_free');
    let s = await app.waitFor('sign-up after a tap', (st) => st.screen === 'signup');
    t.check('a tap on a button works like a click', s.screen === 'signup');

    // A tap on a field: the textarea has the keyboard, where the field is - already when the
    // tap's pointerup has been handled (a listener after the app's sees it), the moment a
    // phone allows a focus to open its keyboard.
    await app.page.evaluate(() => window.addEventListener('pointerup', () => {
      window.focusedAtPointerUp = document.activeElement && document.activeElement.id;
    }));
    await app.tap('signup.name');
    s = await app.waitFor('the name field active', (st) => st.focus === 'signup.name');
    const field = await app.rect('signup.name');
    let input = await textarea(app);
    t.check('a tap on a text field focuses the hidden textarea (the soft keyboard opens)',
            input.focused && (await app.activeElement()) === 'tessera-text-input', JSON.stringify(input));
    const inGesture = await app.page.evaluate(() => window.focusedAtPointerUp);
    t.check('... within the tap\'s own event handler', inGesture === 'tessera-text-input', String(inGesture));
    t.check('the textarea sits on the field (the IME composes there)', input.y >= field.y && input.y < field.y + field.h &&
            input.x >= field.x && input.x < field.x + field.w, `${JSON.stringify(input)} in ${JSON.stringify(field)}`);
    await app.page.keyboard.type('Zo');
    await app.waitFor('typed text', (st) => st.fields['signup.name'] === 'Zo');

    // An accented character composed by an IME: nothing arrives until it is committed.
    const cdp = await app.cdp();
    await cdp.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: 'é', selectionStart: 1, selectionEnd: 1 });
    await app.idle();
    s = await app.state();
    const whileComposing = s.fields['signup.name'];
    await cdp.send('Input.insertText', { text: 'é' });
    s = await app.waitFor('the composed character', (st) => st.fields['signup.name'] === 'Zoé');
    t.check('an IME composition arrives once, when committed', whileComposing === 'Zo' && s.fields['signup.name'] === 'Zoé',
            `${JSON.stringify(whileComposing)} then ${JSON.stringify(s.fields['signup.name'])}`);
    await app.page.keyboard.type(' Martín');
    s = await app.waitFor('the whole name', (st) => st.fields['signup.name'] === 'Zoé Martín');
    t.check('typed text arrives in the tapped field', s.fields['signup.name'] === 'Zoé Martín');

    // The next field: the textarea follows.
    await app.tap('signup.email');
    await app.waitFor('the email field active', (st) => st.focus === 'signup.email');
    const moved = await textarea(app);
    t.check('tapping the next field moves the textarea there', moved.focused && moved.y > input.y,
            `${input.y} -> ${moved.y}`);
    await app.page.keyboard.type('zoe@example.org');
    await app.waitFor('the email', (st) => st.fields['signup.email'] === 'zoe@example.org');
    await app.screenshot('typing');

    // A tap outside the fields takes the keyboard away (the soft keyboard closes).
    const title = await app.rect('signup.language.en');
    await app.page.touchscreen.tap(field.x + field.w - 10, title.y - 30);
    s = await app.waitFor('no field active', (st) => st.focus === '');
    input = await textarea(app);
    t.check('a tap elsewhere takes the keyboard away', !input.focused, JSON.stringify(input));
    await app.screenshot('form');

    // Held sideways the form is taller than the screen: a finger drags it.
    const side = await t.open(SIDEWAYS);
    await side.tap('home.try_free');
    await side.waitFor('sign-up sideways', (st) => st.screen === 'signup' && st.settled);
    const before = await side.rect('signup.submit');
    const touch = await side.cdp();
    const drag = async (fromY, toY) => {
      const frames = (await side.state()).frames;
      await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 600, y: fromY }] });
      for (let step = 1; step <= 10; step++)
        await touch.send('Input.dispatchTouchEvent',
                         { type: 'touchMove', touchPoints: [{ x: 600, y: fromY + ((toY - fromY) * step) / 10 }] });
      await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await side.waitFor('frames after the drag', (st) => st.frames > frames && st.settled);
      return side.rect('signup.submit');
    };
    const up = await drag(300, 150);
    s = await side.state();
    t.check('a finger dragged up scrolls the form down with it', before.y - up.y > 100 && before.y - up.y <= 150,
            `${before.y} -> ${up.y}`);
    t.check('a drag is not a tap: nothing clicked, no field active', s.screen === 'signup' && s.focus === '' &&
            s.error === null, JSON.stringify({ screen: s.screen, focus: s.focus, error: s.error }));
    await side.screenshot('dragged');
    const down = await drag(100, 300);
    t.check('dragged down, it comes back', down.y === before.y, `${up.y} -> ${down.y}`);
  },
};
