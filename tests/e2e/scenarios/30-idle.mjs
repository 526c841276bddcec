// Redraw only when something happened: a page left alone (no input, no answer, no timer)
// renders no frame. Reports the frames drawn and the main thread's work over 5 idle seconds.
const IDLE_MS = 5000;

export default {
  name: 'idle',
  async run(t) {
    const app = await t.open({ viewport: { width: 1280, height: 1000 } });
    await app.waitFor('home, settled', (s) => s.screen === 'home' && s.settled && !s.busy);
    const cdp = await app.cdp();
    await cdp.send('Performance.enable');
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics
      .find((m) => m.name === 'TaskDuration').value;
    const framesBefore = (await app.state()).frames;
    const busyBefore = await taskSeconds();
    await app.page.waitForTimeout(IDLE_MS);  // the point of the test: time passing with nothing happening
    const framesDrawn = (await app.state()).frames - framesBefore;
    const workMs = (await taskSeconds() - busyBefore) * 1000;
    t.log(`idle: ${framesDrawn} frames drawn in ${IDLE_MS / 1000} idle seconds, ${workMs.toFixed(1)} ms of main-thread work`);
    t.check('an idle page renders no frame in 5 seconds', framesDrawn === 0, `${framesDrawn} frames`);
  },
};
