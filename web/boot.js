// Tessera's boot script, loaded before app.js (a file, not inline, so the page works under a
// strict Content-Security-Policy): starts the font download, defines window.tesseraTest (the
// end-to-end tests' hook) and the Emscripten Module settings. The input, the canvas's size
// and the clipboard are the program's own (client/platform/web_input.js, inside app.js).
//
// The font starts downloading now (its address is index.html's preload link); the program
// takes it when it has started.
window.tesseraFont = fetch(document.getElementById('tessera-font').href)
  .then((answer) => (answer.ok ? answer.arrayBuffer() : null))
  .catch(() => null);
// Test hook: rect(id) -> {x, y, w, h} in page (CSS) pixels or null; state() -> the app's
// state; platform() -> the platform's figures (pixel ratio, canvas, font atlas, frames drawn).
window.tesseraTest = {
  firstFrameMs: null,
  ready: false,
  rect(id) {
    if (!this.ready) return null;
    const text = Module.ccall('tessera_test_rect', 'string', ['string'], [id]);
    return text ? JSON.parse(text) : null;
  },
  state() {
    if (!this.ready) return null;
    return JSON.parse(Module.ccall('tessera_test_state', 'string', [], []));
  },
  platform() {
    if (!this.ready) return null;
    return JSON.parse(Module.ccall('tessera_test_platform', 'string', [], []));
  },
};
// app.js asks for "app.wasm"; the page's preload link names the file of this build
// (app.<digest>.wasm), and the same address makes the download the preload already started.
const tesseraWasm = document.getElementById('tessera-wasm').href;
var Module = {
  canvas: document.getElementById('canvas'),
  locateFile(path, prefix) { return path.endsWith('.wasm') ? tesseraWasm : prefix + path; },
  onRuntimeInitialized() { window.tesseraTest.ready = true; },
  printErr(text) { console.error(text); },
};
