// Tessera's service worker: after a first visit it serves the app shell (the page, its scripts,
// the program's .wasm, the font: names the build gives, cmake/WebOutput.cmake) from its cache,
// so the app opens with no connection. The API is never cached here (the app keeps its own
// last-known data in IndexedDB). The build writes the version (a digest of the shell) and the
// list of files below, so each new build is a new worker: it installs beside the old one and
// waits until the page says "reload" (the app offers it; drafts are in IndexedDB, so nothing
// typed is lost).
'use strict';
const VERSION = '__TESSERA_VERSION__';
const SHELL = __TESSERA_ASSETS__;
const CACHE = 'tessera-shell-' + VERSION;

// A name with its content's digest (app.<10 hex>.wasm) never changes content: the copy the page
// just downloaded, in the HTTP cache, is the one to keep (no second download). The page and
// the manifest keep their names: asked again of the server (a 304 when unchanged).
const DIGEST_NAMED = /\.[0-9a-f]{10}\.[a-z0-9]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL.map(
    (file) => new Request(file, { cache: DIGEST_NAMED.test(file) ? 'default' : 'no-cache' })))));
  // The first install takes over at once; an update waits for the page's word.
  event.waitUntil(self.registration.active ? Promise.resolve() : self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys())
      if (name.startsWith('tessera-shell-') && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;  // the network's
  // The page itself (any address of the app: its screens are after '#') and the shell's files.
  const shellPath = request.mode === 'navigate' && (url.pathname === '/' || url.pathname === '/index.html')
    ? 'index.html' : url.pathname.replace(/^\//, '');
  if (!SHELL.includes(shellPath)) return;  // server-rendered pages (/offers, /board…) stay online
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(shellPath);
    if (cached) return cached;
    const answer = await fetch(request);
    if (answer.ok) cache.put(shellPath, answer.clone());
    return answer;
  })());
});
