// The mouse wheel and the touchpad scroll a long screen the right way by a few lines: a
// notch down (100 CSS pixels in Chromium) moves the content up by as much, small touchpad
// deltas add up to the same, up comes back; a button below the fold is scrolled to and
// clicked. The screen is made long by a short, narrow viewport.
const VIEWPORT = { width: 600, height: 320 };

export default {
  name: 'wheel',
  async run(t) {
    const app = await t.open({ viewport: VIEWPORT });
    await app.click('home.try_free');
    await app.waitFor('sign-up', (s) => s.screen === 'signup' && s.settled);
    const top = await app.rect('signup.submit');
    t.check('the sign-up button starts below the viewport', top.y > VIEWPORT.height, JSON.stringify(top));
    const moved = async (description, wheel) => {
      const frames = (await app.state()).frames;
      await wheel();
      await app.waitFor(description, (s) => s.frames > frames && s.settled);
      return (await app.rect('signup.submit')).y;
    };
    await app.page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
    const afterNotch = await moved('a notch down', () => app.page.mouse.wheel(0, 100));
    t.check('a wheel notch down scrolls the content up by 100 CSS px (a few lines)',
            Math.abs(top.y - afterNotch - 100) <= 1, `${top.y} -> ${afterNotch}`);
    await app.screenshot('one-notch-down');
    const afterTouchpad = await moved('a touchpad swipe', async () => {
      for (let i = 0; i < 10; i++) await app.page.mouse.wheel(0, 7);
    });
    t.check('small touchpad deltas add up, the same way', Math.abs(afterNotch - afterTouchpad - 70) <= 2,
            `${afterNotch} -> ${afterTouchpad}`);
    const afterUp = await moved('back up', () => app.page.mouse.wheel(0, -400));
    t.check('the wheel up scrolls back to the top', afterUp === top.y, `${afterTouchpad} -> ${afterUp}`);
    // A click below the fold: the driver scrolls it into view with the wheel first.
    await app.click('signup.submit');
    const s = await app.waitFor('the sign-up\'s answer', (st) => !st.busy && st.error !== null);
    t.check('a button scrolled into view with the wheel is clicked', s.error !== null, JSON.stringify(s.error));
    await app.screenshot('scrolled-to-the-button');
  },
};
