// A small HTTP proxy between the browser and the test server, for the scenarios that need a
// network that misbehaves: `setDown(true)` refuses every connection (and cuts the open ones,
// the event stream among them); `loseNext = "POST /api/v1/tickets"` lets the next such request
// reach the server and do its work, then drops the connection before the answer; a
// `workerSuffix` makes /sw.js another file (a new version of the app). `seen` counts requests.
// A proxy is another origin: its pages have their own service worker and IndexedDB.
import http from 'node:http';

export function startProxy(target) {
  const url = new URL(target);
  const proxy = { down: false, loseNext: null, workerSuffix: '', seen: {}, sockets: new Set() };
  const server = http.createServer((request, response) => {
    if (proxy.down) { request.socket.destroy(); return; }
    const what = `${request.method} ${request.url.split('?')[0]}`;
    proxy.seen[what] = (proxy.seen[what] || 0) + 1;
    const lose = proxy.loseNext === what;
    if (lose) proxy.loseNext = null;
    const worker = request.url.split('?')[0] === '/sw.js';
    const headers = worker ? { ...request.headers, 'accept-encoding': 'identity' } : request.headers;
    // A new version has a new ETag: the server's 304 for the old one must not answer for it.
    if (worker && proxy.workerSuffix) { delete headers['if-none-match']; delete headers['if-modified-since']; }
    const upstream = http.request({ host: url.hostname, port: url.port, method: request.method, path: request.url,
                                    headers }, (answer) => {
      if (lose) {  // the server did the work; its answer never reaches the browser
        answer.resume();
        answer.on('end', () => request.socket.destroy());
        return;
      }
      if (proxy.workerSuffix && worker && answer.statusCode === 200) {
        const chunks = [];  // a "new version" of the service worker: other bytes
        answer.on('data', (chunk) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat([...chunks, Buffer.from(`\n${proxy.workerSuffix}\n`)]);
          const headers = { ...answer.headers, 'content-length': String(body.length) };
          delete headers['content-encoding'];
          response.writeHead(200, headers);
          response.end(body);
        });
        return;
      }
      response.writeHead(answer.statusCode, answer.headers);
      answer.pipe(response);  // streams too (the event stream)
    });
    upstream.on('error', () => request.socket.destroy());
    request.pipe(upstream);
  });
  server.on('connection', (socket) => {
    proxy.sockets.add(socket);
    socket.on('close', () => proxy.sockets.delete(socket));
  });
  proxy.setDown = (down) => {
    proxy.down = down;
    if (down) for (const socket of proxy.sockets) socket.destroy();
  };
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    proxy.base = `http://127.0.0.1:${server.address().port}`;
    proxy.close = () => new Promise((done) => { for (const s of proxy.sockets) s.destroy(); server.close(done); });
    resolve(proxy);
  }));
}
