// The public pages as plain HTML, for search engines and screen readers: /es/offers,
// /fr/faq, /en/board and /offers (the browser's language) fetched and checked — <html lang>,
// the canonical address, hreflang alternates in three languages and x-default, the catalog's
// prices, every FAQ question, a published comment on the board, the link into the app —; then
// read in the browser, where the sign-up link opens the app's sign-up form.
function attribute(html, pattern) {
  const found = html.match(pattern);
  return found ? found[1] : null;
}

export default {
  name: 'site-pages',
  async run(t) {
    const get = async (path, headers = {}) => {
      const answer = await fetch(t.base + path, { headers });
      return { status: answer.status, type: answer.headers.get('content-type'), vary: answer.headers.get('vary'),
               html: await answer.text() };
    };
    for (const [lang, page] of [['es', 'offers'], ['fr', 'faq'], ['en', 'board'], ['es', 'board']]) {
      const { status, type, html } = await get(`/${lang}/${page}`);
      t.check(`/${lang}/${page} is an HTML page`, status === 200 && type === 'text/html; charset=utf-8', `${status} ${type}`);
      t.check(`/${lang}/${page} says its language`, html.includes(`<html lang="${lang}">`));
      const canonical = attribute(html, /<link rel="canonical" href="([^"]+)">/);
      t.check(`/${lang}/${page} names its canonical address`, canonical && canonical.endsWith(`/${lang}/${page}`), canonical);
      for (const other of ['fr', 'en', 'es'])
        t.check(`/${lang}/${page} links its ${other} version`,
                new RegExp(`<link rel="alternate" hreflang="${other}" href="[^"]+/${other}/${page}">`).test(html));
      t.check(`/${lang}/${page} has an x-default`, new RegExp(`hreflang="x-default" href="[^"]+/${page}"`).test(html));
      t.check(`/${lang}/${page} links into the app to sign up`, html.includes('href="/#/signup"'));
    }

    const offers = await get('/es/offers');
    const catalog = (await t.api.anonymous().get('/catalog')).body;
    const gross = Math.round(catalog.subscription.monthly_price * (1 + catalog.vat_rate / 10000));
    const euros = `${Math.floor(gross / 100)},${String(gross % 100).padStart(2, '0')} €`;
    t.check('the offers page shows the catalog\'s subscription price with VAT',
            offers.html.includes(`<p class="price">${euros} IVA incl. al mes</p>`), euros);
    t.check('the offers page names the free trial', offers.html.includes('<h2>Prueba gratuita</h2>'));

    const faq = await get('/fr/faq');
    const questions = (await t.api.anonymous().get('/faq')).body.fr;
    const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
    t.check('the FAQ page holds every question', questions.length >= 18 &&
            questions.every((q) => faq.html.includes(escape(q.question))), `${questions.length} questions`);

    const negotiated = await get('/offers', { 'Accept-Language': 'es-ES,es;q=0.9' });
    t.check('/offers follows the browser\'s language', negotiated.html.includes('<html lang="es">') &&
            negotiated.vary === 'Accept-Language', negotiated.vary);

    // A comment published in the app's world reaches the plain board too (on its last page).
    const stamp = Date.now();
    const ana = await t.api.signup({ name: 'Ana Pages', email: `pages.${stamp}@example.org` });
    const olga = await t.api.operator();
    const created = await ana.post('/tickets', {
      subject: 'Wi-Fi drops', description: 'Every hour.', category: 'network', criticality: 'normal', language: 'en',
    }, { 'Idempotency-Key': `pages-${stamp}` });
    const path = `/tickets/${created.body.ticket.id}`;
    await olga.post(`${path}/actions`, { action: 'take' });
    await olga.post(`${path}/messages`, { body: 'Try channel 6.' });
    await olga.post(`${path}/actions`, { action: 'resolve' });
    await ana.post(`${path}/actions`, { action: 'confirm_resolution' });
    const comment = `Fixed <b>fast</b> & well ${stamp}`;
    await ana.post(`${path}/evaluation`, { rating: 5, comment, publish_comment: true });
    const total = (await t.api.anonymous().get('/board?limit=1')).body.total;
    const lastPage = Math.max(1, Math.ceil(total / 50));
    const board = await get(`/en/board${lastPage > 1 ? `?page=${lastPage}` : ''}`);
    t.check('the plain board shows the published comment, escaped', board.html.includes(escape(comment)) &&
            !board.html.includes('<b>fast</b>'), `page ${lastPage} of ${total} rows`);
    t.check('the plain board links its downloads', board.html.includes('href="/api/v1/board.csv"') &&
            board.html.includes('href="/api/v1/board.json"'));

    // Read in a browser: the page is real HTML, and its sign-up link opens the app there.
    const context = await t.newContext({ locale: 'es-ES' });
    const page = await context.newPage();
    await page.goto(t.base + '/es/board', { waitUntil: 'load' });
    t.check('the browser reads the plain page\'s title', (await page.title()) === 'Panel de transparencia · Tessera',
            await page.title());
    t.check('a screen reader finds the heading', (await page.locator('h1').textContent()) === 'Panel de transparencia');
    await page.screenshot({ path: t.screenshotPath('plain-board-es'), fullPage: false });
    await page.goto(t.base + '/es/offers', { waitUntil: 'load' });
    await page.screenshot({ path: t.screenshotPath('plain-offers-es'), fullPage: true });
    await page.getByRole('link', { name: 'Probar 15 minutos gratis' }).first().click();
    const app = t.driver(page);
    const s = await app.ready('signup');
    t.check('the sign-up link opens the app\'s sign-up form', s.screen === 'signup' && page.url().endsWith('/#/signup'),
            page.url());
  },
};
