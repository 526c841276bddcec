// The public screens in French and English, at a desktop's and a phone's size: every text
// there in the language asked for (none missing), the board's and the offers' layout in one
// column on a phone; screenshots of each.
export default {
  name: 'site-languages',
  async run(t) {
    for (const [locale, language] of [['fr-FR', 'fr'], ['en-GB', 'en']]) {
      for (const [size, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
        const context = await t.newContext({ locale, viewport, ...(size === 'phone' ? { hasTouch: true, isMobile: true } : {}) });
        const page = await context.newPage();
        await page.goto(t.base + '/', { waitUntil: 'load' });
        const app = t.driver(page);
        let s = await app.ready('home');
        s = await app.waitFor('the offers', (st) => st.site.offers.length >= 4 && !st.busy && st.settled);
        t.check(`${language} ${size}: the app speaks ${language}`, s.language === language, s.language);
        await app.screenshot(`home-${language}-${size}`);
        for (const screen of ['faq', 'board', 'contact']) {
          await page.goto(`${t.base}/#/${screen}`);
          s = await app.waitFor(screen, (st) => st.screen === screen && !st.busy && st.settled &&
                                (screen !== 'board' || st.site.board !== null));
          await app.screenshot(`${screen}-${language}-${size}`);
        }
        if (size === 'phone') {
          const median = await app.rect('board.chart.median_month').catch(() => null);
          const p90 = await app.rect('board.chart.p90_month').catch(() => null);
          t.check(`${language} phone: the board's charts are one column`, !median || !p90 || median.x === p90.x);
        }
        t.check(`${language} ${size}: no text is missing`, s.missing_texts.length === 0, JSON.stringify(s.missing_texts));
        await context.close();
      }
    }
  },
};
