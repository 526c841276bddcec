// An admin sets a VAT rate of 250 % or an invalid IBAN: the field shows the translated error
// (French here, then Spanish), and nothing is saved. The settings screen drawn at desktop and
// phone sizes. Nothing on the shared server changes, so nothing needs restoring.
export default {
  name: 'admin-settings-errors',
  async run(t) {
    const boss = await t.api.admin();
    const before = (await boss.get('/admin/settings')).body;
    const page = await t.signedInPage(boss, '/admin/settings');
    const app = t.driver(page);
    await app.ready('admin_settings');
    await app.waitFor('the settings', (s) => s.admin.settings_loaded);
    let s = await app.chooseLanguage('fr');
    t.check('the settings screen is in French', s.texts.title === 'Réglages', s.texts.title);
    await app.screenshot('settings-fr');

    await app.replace('settings.vat', '250');
    await app.click('settings.vat.save');
    s = await app.waitFor('the VAT error', (st) => st.error && st.error.field === 'vat.vat_rate');
    t.check('a VAT rate of 250 % shows the translated error at its field',
            s.error.code === 'invalid_vat_rate' && s.error.text === 'Taux de TVA invalide.', JSON.stringify(s.error));
    await app.screenshot('vat-250-fr');

    await app.replace('settings.bank.iban', 'FR76 3000 6000 0112 3456 7890 188');
    await app.click('settings.bank.save');
    s = await app.waitFor('the IBAN error', (st) => st.error && st.error.field === 'bank.iban');
    t.check('an invalid IBAN shows the translated error at its field',
            s.error.code === 'invalid_iban' && s.error.text.startsWith('IBAN invalide'), JSON.stringify(s.error));
    await app.screenshot('iban-fr');

    // In Spanish, on a phone: the same error in Spanish, the layout in one column.
    s = await app.chooseLanguage('es');
    t.check('the error follows the language', s.error && s.error.text.startsWith('IBAN no válido'), s.error && s.error.text);
    await app.resize({ width: 390, height: 844 });
    await app.scrollIntoView('settings.bank.iban');
    await app.screenshot('iban-es-phone');
    t.check('no text is missing on the settings screen', s.missing_texts.length === 0, JSON.stringify(s.missing_texts));

    const after = (await boss.get('/admin/settings')).body;
    t.check('nothing was saved', JSON.stringify(after.vat) === JSON.stringify(before.vat) &&
            JSON.stringify(after.bank) === JSON.stringify(before.bank), JSON.stringify({ before: before.bank, after: after.bank }));
  },
};
