// Tessera's browser ports, loaded before app.js: the small JavaScript functions behind the
// client's C++ ports (client/ports/*_web.cpp).
// - storage: IndexedDB itself (database "tessera", store "kv"), one readwrite transaction per
//   put with durability "strict", so a draft is on disk once its transaction completes — not
//   Emscripten's IDBFS, whose syncfs loses writes made just before the page closes; a write
//   still in flight when the page closes is kept by a journal in localStorage (below);
// - events: one EventSource per browser for all of Tessera's tabs: the tab holding the Web
//   Lock "tessera-events" opens it and relays every event on a BroadcastChannel; when that
//   tab closes, the lock passes to another. Reconnects with backoff after a drop;
// - page: the address after '#', history, title, connectivity, visibility, persistent
//   storage, the service worker and its update.
// Everything reaches the program through the functions it registers (window.tesseraPorts.sink).
(function () {
  'use strict';
  const ports = {};
  window.tesseraPorts = ports;
  // The program's callback, set by client/ports/web_ports.cpp once the runtime is ready:
  // sink(kind, number, number, text, text).
  ports.sink = null;
  const early = [];  // what happened before the program listened
  function tell(kind, a = 0, b = 0, textA = '', textB = '') {
    const args = [a, b, textA, textB];
    if (ports.sink) ports.sink(kind, ...args);
    else early.push([kind, args]);
  }
  ports.listen = function (sink) {
    ports.sink = sink;
    for (const [kind, args] of early.splice(0)) sink(kind, ...args);
  };

  // [SECTION] Storage (IndexedDB, with a journal of the writes not yet committed)
  // A page closing or reloading aborts the IndexedDB transactions still in flight, so a
  // draft typed just before would be lost. Each write is therefore first noted, at once and
  // synchronously, in a small journal in localStorage, and struck from it when its
  // transaction completes. Reads prefer the journal; at start the journal is written again.
  const JOURNAL = 'tessera-pending:';
  let database = null;
  let sequence = Date.now();
  function openDatabase() {
    if (database) return database;
    database = new Promise((resolve, reject) => {
      const request = indexedDB.open('tessera', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('kv');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return database;
  }
  function transaction(db, mode) {
    try {
      return db.transaction('kv', mode, { durability: 'strict' });
    } catch (e) {
      return db.transaction('kv', mode);  // browsers without the durability option
    }
  }
  function journalRead(key) {
    try {
      const text = localStorage.getItem(JOURNAL + key);
      return text === null ? null : JSON.parse(text);
    } catch (e) { return null; }
  }
  // Puts and removes to one key land in the order made: IndexedDB runs readwrite
  // transactions on one store in the order they were created.
  function write(key, value) {  // value null: remove
    const note = { n: ++sequence, v: value };
    try { localStorage.setItem(JOURNAL + key, JSON.stringify(note)); } catch (e) { /* full: IndexedDB only */ }
    openDatabase().then((db) => {
      const tx = transaction(db, 'readwrite');
      if (value === null) tx.objectStore('kv').delete(key);
      else tx.objectStore('kv').put(value, key);
      tx.oncomplete = () => {
        const current = journalRead(key);
        if (current && current.n === note.n) localStorage.removeItem(JOURNAL + key);
      };
    }, () => {});
  }
  ports.storageGet = function (requestId, key) {
    const noted = journalRead(key);
    if (noted) {  // newer than what IndexedDB may hold
      const found = typeof noted.v === 'string';
      setTimeout(() => tell('stored', requestId, found ? 1 : 0, found ? noted.v : ''), 0);
      return;
    }
    openDatabase().then((db) => {
      const request = transaction(db, 'readonly').objectStore('kv').get(key);
      request.onsuccess = () => {
        const found = typeof request.result === 'string';
        tell('stored', requestId, found ? 1 : 0, found ? request.result : '');
      };
      request.onerror = () => tell('stored', requestId, 0);
    }, () => tell('stored', requestId, 0));
  };
  ports.storagePut = (key, value) => write(key, value);
  ports.storageRemove = (key) => write(key, null);
  // What the last page could not commit goes to IndexedDB now.
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const name = localStorage.key(i);
      if (!name || !name.startsWith(JOURNAL)) continue;
      const noted = journalRead(name.slice(JOURNAL.length));
      if (noted) write(name.slice(JOURNAL.length), typeof noted.v === 'string' ? noted.v : null);
    }
  } catch (e) { /* no localStorage: IndexedDB only */ }
  openDatabase();  // opened while app.wasm downloads

  // [SECTION] Events: one stream shared by the tabs
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel('tessera-events') : null;
  let wanted = false;       // the program wants events (signed in)
  let source = null;        // this tab's EventSource, if it is the one holding the lock
  let releaseLock = null;   // resolves the lock's promise: another tab may take over
  let retryDelay = 1000;
  let retryTimer = null;
  function deliver(message) { if (wanted) tell('event', message.id || 0, 0, message.type, message.status || ''); }
  if (channel) channel.onmessage = (event) => deliver(event.data);
  function relay(message) {
    deliver(message);
    if (channel) channel.postMessage(message);
  }
  function connect() {
    retryTimer = null;
    if (!wanted || source) return;
    source = new EventSource('api/v1/events');
    source.onopen = () => { retryDelay = 1000; relay({ type: 'opened' }); };
    source.addEventListener('ticket', (event) => {
      try {
        const data = JSON.parse(event.data);
        relay({ type: 'ticket', id: Number(data.id) || 0, status: String(data.status || '') });
      } catch (e) { /* not an event of ours */ }
    });
    // A payment recorded for this account: the app refetches the balances (GET /me).
    source.addEventListener('account', (event) => {
      try {
        const data = JSON.parse(event.data);
        relay({ type: 'account', id: Number(data.account_id) || 0 });
      } catch (e) { /* not an event of ours */ }
    });
    source.onerror = () => {
      relay({ type: 'lost' });
      // The browser retries a dropped stream by itself; a refused one (401, 503) is closed:
      // try again later, each time waiting longer (at most 30 s).
      if (source && source.readyState === EventSource.CLOSED) {
        source = null;
        if (wanted && !retryTimer) retryTimer = setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      }
    };
  }
  function lead() {
    // Holds the lock while this tab relays the stream; released by eventsClose or unload.
    return new Promise((resolve) => {
      releaseLock = resolve;
      connect();
    });
  }
  ports.eventsOpen = function () {
    wanted = true;
    if (releaseLock || source) return;
    if (navigator.locks && channel) navigator.locks.request('tessera-events', lead);
    else connect();  // no Web Locks: a stream of its own
  };
  ports.eventsClose = function () {
    wanted = false;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (source) source.close();
    source = null;
    if (releaseLock) releaseLock();
    releaseLock = null;
  };
  ports.eventsIsOpen = () => wanted;
  ports.eventsLeading = () => source !== null;  // this tab holds the one connection (tests read it)

  // [SECTION] The page
  ports.address = () => decodeURI(location.hash.replace(/^#/, ''));
  ports.showAddress = function (address, replace) {
    const url = '#' + encodeURI(address);
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  };
  window.addEventListener('popstate', () => tell('address', 0, 0, ports.address()));
  window.addEventListener('hashchange', () => tell('address', 0, 0, ports.address()));
  window.addEventListener('online', () => tell('online', 1));
  window.addEventListener('offline', () => tell('online', 0));
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') tell('visible'); });
  ports.persist = function (requestId) {
    const answer = (granted) => tell('persisted', requestId, granted ? 1 : 0);
    if (!navigator.storage || !navigator.storage.persist) return answer(false);
    navigator.storage.persisted().then((already) => (already ? true : navigator.storage.persist()))
      .then(answer, () => answer(false));
  };

  // A file of the device, chosen by the user: an <input type="file"> clicked within the
  // user's click (the app draws that click's frame inside the pointer event), read whole and
  // handed over as bytes ('file', id, size or -1 when cancelled, bytes, name).
  ports.chooseFile = function (requestId, accept) {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    document.body.appendChild(input);
    const done = (size, bytes, name) => {
      input.remove();
      tell('file', requestId, size, bytes, name);
    };
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      if (!file) return done(-1, '', '');
      file.arrayBuffer().then((buffer) => done(buffer.byteLength, new Uint8Array(buffer), file.name),
                              () => done(-1, '', ''));
    });
    input.addEventListener('cancel', () => done(-1, '', ''));
    input.click();
  };

  // A file of the server, downloaded without leaving the page (the answer is an attachment).
  ports.download = function (path) {
    const link = document.createElement('a');
    link.href = path;
    link.download = '';
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    link.remove();
  };

  // [SECTION] The service worker: the app shell offline, and new versions without losing drafts
  let waiting = null;
  function offerUpdate(worker) {
    waiting = worker;
    tell('update');
  }
  ports.applyUpdate = function () {
    if (waiting) waiting.postMessage('skip-waiting');  // then controllerchange reloads
    else location.reload();
  };
  if ('serviceWorker' in navigator && window.isSecureContext) {
    let reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (reloading || !ports.updateAsked) return;
      reloading = true;
      location.reload();
    });
    // Registered once the page has loaded: the worker then keeps the files the page has just
    // downloaded (from the HTTP cache) instead of downloading them a second time beside it.
    const register = () => navigator.serviceWorker.register('sw.js').then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        if (!worker) return;
        worker.addEventListener('statechange', () => {
          // A new version is installed while an older one controls the page: offer it.
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
        });
      });
      ports.checkForUpdate = () => registration.update();
    }, () => {});
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  }
  const apply = ports.applyUpdate;
  ports.applyUpdate = function () { ports.updateAsked = true; apply(); };
})();
