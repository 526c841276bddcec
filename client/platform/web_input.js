// The browser platform's DOM side: an Emscripten JS library (linked with --js-library, so it
// is part of app.js - no extra file, no eval under the page's Content-Security-Policy). It
// listens to the page's pointer, wheel, keyboard, text, clipboard, focus and resize events
// and hands them to web_main.cpp (the exported _tessera_on_* functions), keeps the hidden
// <textarea> that receives the keyboard - focused while an ImGui text field is active and
// placed where that field is, so a phone opens its soft keyboard and an IME composes at the
// caret - and sizes the canvas in device pixels at the screen's pixel ratio.
mergeInto(LibraryManager.library, {
  // [SECTION] State of the DOM side
  $TesseraDom: {
    canvas: null,
    input: null,          // the hidden textarea
    textInput: false,     // an ImGui text field is active
    composing: false,     // an IME (or a dead key) is composing a character
    inKeydown: false,     // inside the keydown handler, while ImGui runs
    pendingCopy: null,    // what ImGui copied during a Ctrl/Cmd+C/X keydown, for the copy/cut event
    devicePixels: null,   // [width, height] of the canvas in device pixels (ResizeObserver)
    ratioQuery: null,     // matchMedia('(resolution: Ndppx)') for the current ratio
  },

  // [SECTION] Installing the listeners
  tessera_dom_install__deps: ['$TesseraDom'],
  tessera_dom_install: function () {
    const dom = TesseraDom;
    const canvas = dom.canvas = Module.canvas || document.getElementById('canvas');
    const mods = (e) => (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
    const withText = (text, use) => {
      const pointer = allocateUTF8(text);
      try { return use(pointer); } finally { _free(pointer); }
    };
    const point = (e) => {
      const box = canvas.getBoundingClientRect();
      return [e.clientX - box.left, e.clientY - box.top];
    };
    const source = (e) => (e.pointerType === 'touch' ? 1 : e.pointerType === 'pen' ? 2 : 0);

    // Pointers: mouse, touch and pen. Touch taps and drags are told apart on the C++ side.
    const pointer = (phase) => (e) => {
      if (!e.isPrimary) return;
      if (phase === 1) {
        try { canvas.setPointerCapture(e.pointerId); } catch (_) { /* the pointer is gone already */ }
        e.preventDefault();  // no focus change (the textarea keeps the keyboard), no selection
      }
      const [x, y] = point(e);
      _tessera_on_pointer(phase, source(e), e.button, x, y, mods(e));
    };
    canvas.addEventListener('pointermove', pointer(0));
    canvas.addEventListener('pointerdown', pointer(1));
    canvas.addEventListener('pointerup', pointer(2));
    canvas.addEventListener('pointercancel', pointer(4));
    canvas.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') pointer(3)(e); });
    canvas.addEventListener('mousedown', (e) => e.preventDefault());
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('wheel', (e) => {
      if (e.ctrlKey) return;  // the browser's zoom (and a touchpad's pinch): the pixel ratio changes
      e.preventDefault();
      const [x, y] = point(e);
      _tessera_on_wheel(e.deltaX, e.deltaY, e.deltaMode, x, y, mods(e));
    }, { passive: false });

    // The hidden textarea: the keyboard's target while a field is active.
    const input = dom.input = document.createElement('textarea');
    input.id = 'tessera-text-input';
    input.tabIndex = -1;
    input.setAttribute('aria-label', 'Text');
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('autocorrect', 'off');
    input.setAttribute('autocapitalize', 'off');
    input.setAttribute('spellcheck', 'false');
    Object.assign(input.style, {
      position: 'absolute', left: '0px', top: '0px', width: '2px', height: '1px', margin: '0', padding: '0',
      border: '0', outline: 'none', resize: 'none', overflow: 'hidden', opacity: '0', color: 'transparent',
      background: 'transparent', caretColor: 'transparent', pointerEvents: 'none', whiteSpace: 'pre',
      fontSize: '16px',  // below 16 px iOS zooms the page when the field takes the focus
    });
    document.body.appendChild(input);

    const sendText = (text) => { if (text) withText(text, (p) => _tessera_on_text(p)); };
    const pressKey = (name) => withText(name, (key) => withText('', (code) => {
      _tessera_on_key(key, code, 1, 0, 0);
      _tessera_on_key(key, code, 0, 0, 0);
    }));
    // Soft keyboards delete and break lines with input events rather than keys.
    const editKeys = { deleteContentBackward: 'Backspace', deleteContentForward: 'Delete',
                       insertLineBreak: 'Enter', insertParagraph: 'Enter' };
    input.addEventListener('beforeinput', (e) => {
      const key = editKeys[e.inputType];
      if (key && !dom.composing && e.cancelable) { e.preventDefault(); pressKey(key); }
    });
    // Typed text (and text inserted by the browser or a test) goes to ImGui as characters.
    input.addEventListener('input', (e) => {
      if (e.isComposing || dom.composing) return;  // the composition's result comes at its end
      sendText(input.value);
      input.value = '';
    });
    input.addEventListener('compositionstart', () => { dom.composing = true; });
    input.addEventListener('compositionend', (e) => {
      dom.composing = false;
      sendText(e.data || input.value);
      input.value = '';
    });

    // Keys. A composing IME's keys are its own; its text arrives with compositionend.
    const key = (down) => (e) => {
      if (e.isComposing || e.keyCode === 229) return;
      dom.inKeydown = down;
      let flags = 0;
      try {
        flags = withText(e.key || '', (k) => withText(e.code || '', (c) =>
          _tessera_on_key(k, c, down ? 1 : 0, e.repeat ? 1 : 0, mods(e))));
      } finally {
        dom.inKeydown = false;
      }
      if (flags & 1) e.preventDefault();
      // Copy or cut: the browser's copy/cut event follows this handler and takes ImGui's text;
      // if it does not come, the asynchronous clipboard gets it.
      if (flags & 2) setTimeout(() => {
        if (dom.pendingCopy === null) return;
        if (navigator.clipboard) navigator.clipboard.writeText(dom.pendingCopy).catch(() => {});
        dom.pendingCopy = null;
      }, 0);
    };
    window.addEventListener('keydown', key(true));
    window.addEventListener('keyup', key(false));

    // The system clipboard.
    const giveCopy = (e) => {
      if (dom.pendingCopy === null) return;
      e.clipboardData.setData('text/plain', dom.pendingCopy);
      dom.pendingCopy = null;
      e.preventDefault();
    };
    document.addEventListener('copy', giveCopy);
    document.addEventListener('cut', giveCopy);
    document.addEventListener('paste', (e) => {
      if (!dom.textInput || !e.clipboardData) return;
      e.preventDefault();
      withText(e.clipboardData.getData('text/plain'), (p) => _tessera_on_paste(p));
    });

    // The window's focus (keys held when it left are released).
    window.addEventListener('blur', () => _tessera_on_focus(0));
    window.addEventListener('focus', () => _tessera_on_focus(1));

    // Size and pixel ratio: the canvas holds device pixels, ImGui works in CSS pixels.
    const resize = () => {
      const ratio = window.devicePixelRatio || 1;
      const box = canvas.getBoundingClientRect();
      let width = Math.max(1, Math.round(box.width * ratio));
      let height = Math.max(1, Math.round(box.height * ratio));
      // The exact device pixels when the browser tells them (no blur from a rounding).
      const exact = dom.devicePixels;
      if (exact && Math.abs(exact[0] - width) <= 2 && Math.abs(exact[1] - height) <= 2) [width, height] = exact;
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      _tessera_on_resize(box.width, box.height, width, height, ratio);
    };
    if (window.ResizeObserver) {
      const observer = new ResizeObserver((entries) => {
        const size = entries[entries.length - 1].devicePixelContentBoxSize;
        if (size && size[0]) dom.devicePixels = [size[0].inlineSize, size[0].blockSize];
        resize();
      });
      try { observer.observe(canvas, { box: 'device-pixel-content-box' }); } catch (_) { observer.observe(canvas); }
    }
    window.addEventListener('resize', resize);
    // A new pixel ratio (another screen, the browser's zoom): the query for the current one stops matching.
    const watchRatio = () => {
      if (dom.ratioQuery) dom.ratioQuery.removeEventListener('change', onRatio);
      dom.ratioQuery = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
      dom.ratioQuery.addEventListener('change', onRatio);
    };
    const onRatio = () => { watchRatio(); resize(); };
    watchRatio();
    resize();
  },

  // [SECTION] Called by web_main.cpp
  // After each frame: whether a text field is active, and where its caret line is (CSS px).
  tessera_dom_set_text_input__deps: ['$TesseraDom'],
  tessera_dom_set_text_input: function (active, x, y, lineHeight) {
    const dom = TesseraDom, input = dom.input;
    dom.textInput = !!active;
    if (!input) return;
    if (active) {
      input.style.left = Math.max(0, x) + 'px';
      input.style.top = Math.max(0, y) + 'px';
      input.style.height = Math.max(1, lineHeight) + 'px';
      if (document.activeElement !== input) input.focus({ preventScroll: true });
    } else if (document.activeElement === input) {
      input.blur();
      input.value = '';
      dom.composing = false;
    }
  },

  // ImGui copied or cut text: the copy/cut event of this keydown takes it, or the clipboard API.
  tessera_dom_copy_text__deps: ['$TesseraDom'],
  tessera_dom_copy_text: function (text) {
    const value = UTF8ToString(text);
    if (TesseraDom.inKeydown) TesseraDom.pendingCopy = value;
    else if (navigator.clipboard) navigator.clipboard.writeText(value).catch(() => {});
  },

  tessera_dom_set_cursor__deps: ['$TesseraDom'],
  tessera_dom_set_cursor: function (cursor) {
    const names = ['default', 'text', 'move', 'ns-resize', 'ew-resize', 'nesw-resize', 'nwse-resize', 'pointer',
                   'not-allowed'];
    if (TesseraDom.canvas) TesseraDom.canvas.style.cursor = cursor < 0 ? 'none' : (names[cursor] || 'default');
  },

  // The font's bytes (window.tesseraFont, started by boot.js with the page), or none.
  tessera_dom_await_font: function () {
    const deliver = (buffer) => {
      if (!buffer || !buffer.byteLength) return _tessera_font_loaded(0, 0);
      const bytes = new Uint8Array(buffer);
      const pointer = _malloc(bytes.length);
      HEAPU8.set(bytes, pointer);
      _tessera_font_loaded(pointer, bytes.length);
    };
    (window.tesseraFont || Promise.resolve(null)).then(deliver, () => deliver(null));
  },

  tessera_dom_first_frame: function () {
    if (window.tesseraTest) window.tesseraTest.firstFrameMs = performance.now();
    const loading = document.getElementById('loading');
    if (loading) loading.remove();
  },

  // The browser's language tags, "fr-FR,fr,en" (a malloc'd string).
  tessera_dom_language_tags: function () {
    const tags = (navigator.languages && navigator.languages.length ? navigator.languages.join(',')
                                                                    : navigator.language) || '';
    return allocateUTF8(tags);
  },

  // Cmd is the shortcut key (Apple's systems).
  tessera_dom_is_mac: function () {
    return /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent || '') ? 1 : 0;
  },
});
