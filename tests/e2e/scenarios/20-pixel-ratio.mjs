// Sharp text on every screen: at device pixel ratios 2 and 3 the canvas holds device pixels
// and the fonts are rasterised for them, while the test hook (and ImGui) keep CSS pixels, so
// clicks land on the widgets; a ratio that changes while the page is open (another screen,
// the browser's zoom; here CDP's Emulation.setDeviceMetricsOverride zooming to 200 %)
// rebuilds the font atlas and draws exactly what a page opened at that ratio draws. A
// Spanish browser starts in Spanish.
import fs from 'node:fs';

const VIEWPORT = { width: 1000, height: 800 };
// A close-up of the home screen's title and tagline, for the eye and for comparing pixels.
const CLOSE_UP = { x: 0, y: 60, width: 480, height: 130 };

// A close-up in device pixels after a ratio changed behind Playwright's back (its screenshots
// keep the context's ratio; CDP's own capture shows the screen as it is).
async function zoomedCloseUp(app) {
  const cdp = await app.cdp();
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png', clip: { ...CLOSE_UP, scale: 1 } });
  return Buffer.from(data, 'base64');
}

async function canvasOf(app) {
  return app.page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { width: c.width, height: c.height, cssWidth: c.getBoundingClientRect().width };
  });
}

// Fraction of pixels that differ (by more than a rounding) between two decoded images.
function differing(a, b) {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let count = 0;
  for (let i = 0; i < a.data.length; i += 4)
    if (Math.abs(a.data[i] - b.data[i]) > 24 || Math.abs(a.data[i + 1] - b.data[i + 1]) > 24 ||
        Math.abs(a.data[i + 2] - b.data[i + 2]) > 24) count++;
  return count / (a.width * a.height);
}

// An image blown up `factor` times, each pixel repeated.
function upscale(image, factor) {
  const width = image.width * factor, height = image.height * factor;
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      image.data.copy(data, (y * width + x) * 4, ((Math.floor(y / factor) * image.width) + Math.floor(x / factor)) * 4,
                      ((Math.floor(y / factor) * image.width) + Math.floor(x / factor)) * 4 + 4);
  return { width, height, data };
}

export default {
  name: 'pixel-ratio',
  async run(t) {
    // [SECTION] Opened at 2x and 3x
    for (const ratio of [2, 3]) {
      const app = await t.open({ viewport: VIEWPORT, deviceScaleFactor: ratio, locale: 'es-ES' });
      const home = await app.waitFor(`home at ${ratio}x`, (s) => s.screen === 'home' && s.settled && s.texts.tagline);
      if (ratio === 2)
        t.check('the page starts in the browser\'s language (es-ES)', home.language === 'es' &&
                home.texts.tagline.startsWith('Asistencia'), `${home.language}: ${home.texts.tagline}`);
      const canvas = await canvasOf(app);
      const platform = await app.platform();
      t.check(`${ratio}x: the canvas holds device pixels`, canvas.width === ratio * VIEWPORT.width &&
              canvas.height === ratio * VIEWPORT.height && platform.display.width === VIEWPORT.width,
              JSON.stringify({ canvas, display: platform.display }));
      t.check(`${ratio}x: the fonts are rasterised at ${ratio}x`, platform.fontRatio === ratio &&
              platform.pixelRatio === ratio, JSON.stringify(platform));
      t.log(`${ratio}x: font atlas ${platform.atlas.width}x${platform.atlas.height} texels`);
      await app.screenshot(`home-${ratio}x-close-up`, { clip: CLOSE_UP });
      await app.click('home.try_free');
      await app.waitFor(`sign-up at ${ratio}x`, (s) => s.screen === 'signup');
      await app.type('signup.name', 'Zoé Martín');
      const s = await app.state();
      t.check(`${ratio}x: clicks land and typing arrives`, s.screen === 'signup' && s.fields['signup.name'] === 'Zoé Martín',
              JSON.stringify(s.fields));
      await app.screenshot(`signup-${ratio}x`);
    }

    // [SECTION] The ratio changes while the page is open: the browser zoomed to 200 %, which
    // doubles the pixel ratio and halves the CSS viewport (headless Chromium tells the page
    // of a new ratio only with a new viewport; a real screen change fires the same query).
    const ZOOMED = { width: VIEWPORT.width / 2, height: VIEWPORT.height / 2 };
    const reference = await t.open({ viewport: ZOOMED, deviceScaleFactor: 2, locale: 'es-ES' });
    await reference.waitFor('home opened at 2x', (s) => s.screen === 'home' && s.settled && s.texts.tagline);
    const openedAt2 = await reference.page.screenshot({ clip: CLOSE_UP });

    const app = await t.open({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'es-ES' });
    await app.waitFor('home at 1x', (s) => s.screen === 'home' && s.settled && s.texts.tagline);
    const at1 = await app.platform();
    const closeUp1 = await app.page.screenshot({ clip: CLOSE_UP });
    const cdp = await app.cdp();
    const zoom = (factor) => cdp.send('Emulation.setDeviceMetricsOverride',
      { width: VIEWPORT.width / factor, height: VIEWPORT.height / factor, deviceScaleFactor: factor, mobile: false });
    await zoom(2);
    await app.page.waitForFunction(() => {
      const p = window.tesseraTest.platform();
      return p.fontRatio === 2 && p.canvas.width === 2 * p.display.width;
    });
    await app.idle();
    const at2 = await app.platform();
    t.check('a ratio change rebuilds the font atlas for the new ratio', at2.atlas.builds === at1.atlas.builds + 1 &&
            at2.atlas.width * at2.atlas.height > at1.atlas.width * at1.atlas.height &&
            at2.canvas.width === VIEWPORT.width && at2.display.width === ZOOMED.width,
            `${JSON.stringify(at1)} -> ${JSON.stringify(at2)}`);
    const changed = await zoomedCloseUp(app);
    fs.writeFileSync(t.screenshotPath('home-zoomed-200-close-up'), changed);
    const [opened2, changed2, opened1] = await Promise.all([t.pixels(openedAt2), t.pixels(changed), t.pixels(closeUp1)]);
    const unlike = differing(opened2, changed2);
    t.check('after the change the text is drawn as sharp as on a page opened at 2x',
            changed2.width === 2 * CLOSE_UP.width && unlike < 0.005, `${(unlike * 100).toFixed(2)} % of pixels differ`);
    t.log(`close-ups: opened at 2x ${opened2.width}x${opened2.height}, zoomed ${changed2.width}x${changed2.height}, 1x ${opened1.width}x${opened1.height}`);
    // The comparison can tell: the 1x rendering blown up to 2x (text from a 1x atlas) is not the 2x one.
    const blurry = differing(opened2, upscale(opened1, 2));
    t.check('the comparison tells text drawn for 1x from text drawn for 2x', blurry > 4 * 0.005,
            `${(blurry * 100).toFixed(2)} % of pixels differ`);
    t.log(`pixel ratio: zoomed 1x -> 2x, the close-up differs from a page opened at 2x in ${(unlike * 100).toFixed(3)} % ` +
          `of its pixels; atlas ${at1.atlas.width}x${at1.atlas.height} -> ${at2.atlas.width}x${at2.atlas.height}`);
    await app.click('home.try_free');
    const s = await app.waitFor('sign-up after the change', (st) => st.screen === 'signup');
    t.check('clicks still land after the change', s.screen === 'signup');
    await zoom(1);
    await app.page.waitForFunction(() => window.tesseraTest.platform().fontRatio === 1);
    const back = await app.platform();
    t.check('back to 1x: the atlas is rebuilt again', back.canvas.width === VIEWPORT.width &&
            back.atlas.builds === at2.atlas.builds + 1, JSON.stringify(back));
  },
};
