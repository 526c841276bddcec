// Every screen of the back office, drawn at desktop (1280×800) and phone (390×844) sizes, in
// Spanish then French: each settles with its data (or its empty state), no text is missing,
// and a screenshot of each is kept for a person to look at.
const SCREENS = [
  ['/admin/settings', 'admin_settings'], ['/admin/catalog', 'admin_catalog'], ['/admin/orders', 'admin_orders'],
  ['/admin/operators', 'admin_operators'], ['/admin/numbers', 'admin_numbers'], ['/admin/adjustments', 'admin_adjustments_find'],
  ['/admin/conference', 'admin_conference'], ['/admin/contact', 'admin_contact'], ['/admin/audit', 'admin_audit'],
];

export default {
  name: 'admin-screens',
  async run(t) {
    const boss = await t.api.admin();
    const page = await t.signedInPage(boss, '/admin/numbers');
    const app = t.driver(page);
    await app.ready('admin_numbers');
    for (const [language, viewport] of [['es', { width: 1280, height: 800 }], ['fr', { width: 390, height: 844 }]]) {
      await app.resize(viewport);
      await app.chooseLanguage(language);
      for (const [route, screen] of SCREENS) {
        await page.evaluate((address) => { window.location.hash = `#${address}`; }, route);
        const s = await app.waitFor(`${screen} settled`, (st) => st.screen === screen && !st.busy && st.settled);
        t.check(`${screen} (${language}, ${viewport.width} px) shows no missing text`, s.missing_texts.length === 0,
                JSON.stringify(s.missing_texts));
        t.check(`${screen} (${language}) shows no error`, s.error === null, JSON.stringify(s.error));
        await app.screenshot(`${screen}-${language}-${viewport.width}`);
      }
    }
  },
};
