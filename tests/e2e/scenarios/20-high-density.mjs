// A Spanish browser on a high-density screen: the page starts in Spanish; the canvas holds
// device pixels, and the hook still answers in CSS pixels, so clicks land on the widgets.
export default {
  name: 'high-density',
  async run(t) {
    const app = await t.open({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 2, locale: 'es-ES' });
    const home = await app.waitFor('home at 2x', (st) => st.screen === 'home' && st.settled &&
                                   st.texts.tagline !== undefined);
    t.check('the page starts in the browser\'s language (es-ES)', home.language === 'es' &&
            home.texts.tagline.startsWith('Asistencia'), `${home.language}: ${home.texts.tagline}`);
    const canvas = await app.page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { width: c.width, cssWidth: c.clientWidth };
    });
    await app.click('home.try_free');
    const s = await app.waitFor('sign-up at 2x', (st) => st.screen === 'signup');
    await app.screenshot('signup-2x');
    t.check('a 2x screen gets a sharp canvas and clicks still land', canvas.width === 2 * canvas.cssWidth &&
            s.screen === 'signup', JSON.stringify(canvas));
  },
};
