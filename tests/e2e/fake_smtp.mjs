// A fake SMTP server for the end-to-end run, on a loopback port the OS picks: it speaks the
// plain SMTP the server's mail worker uses with TESSERA_SMTP_SECURITY=none (220 greeting,
// EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT; no STARTTLS, no AUTH) and keeps every
// message it is given. A scenario waits for a message (`waitFor`, woken by each arrival, never
// by a timer's guess) and reads its decoded MIME parts (`parts`: base64 and quoted-printable
// bodies decoded to text) to find, say, the password-reset link.
//
// One instance per run (`fakeSmtp`), started by harness.mjs's TesseraServer before the server,
// whose TESSERA_SMTP_* variables point here.
import { EventEmitter } from 'node:events';
import net from 'node:net';

// [SECTION] MIME: headers, multipart bodies, transfer encodings
function splitHead(text) {
  const end = text.search(/\r?\n\r?\n/);
  const head = end < 0 ? text : text.slice(0, end);
  const body = end < 0 ? '' : text.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(body, encoding) {
  switch ((encoding || '').toLowerCase()) {
    case 'base64': return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))),
                         'latin1').toString('utf8');
    default: return body;
  }
}

// Every leaf part of a message: {type, text} (attachments are decoded too; PDFs are bytes as text).
export function mimeParts(text) {
  const { headers, body } = splitHead(text);
  const type = headers['content-type'] || 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type);
  if (/^multipart\//i.test(type) && boundary) {
    const parts = [];
    for (const chunk of body.split(`--${boundary[1]}`).slice(1)) {
      if (chunk.startsWith('--')) break;  // the closing delimiter
      parts.push(...mimeParts(chunk.replace(/^\r?\n/, '')));
    }
    return parts;
  }
  return [{ type: type.split(';')[0].toLowerCase(), text: decodeBody(body, headers['content-transfer-encoding']) }];
}

// "=?UTF-8?B?...?=" and "=?UTF-8?Q?...?=" words of a header, decoded.
export function decodeHeader(value) {
  return (value || '').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset, kind, data) => (kind.toUpperCase() === 'B'
    ? Buffer.from(data, 'base64')
    : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (__, h) => String.fromCharCode(parseInt(h, 16))), 'latin1'))
    .toString('utf8')).replace(/\?=\s+=\?/g, '');
}

// [SECTION] The server
class FakeSmtp extends EventEmitter {
  constructor() {
    super();
    this.server = null;
    this.port = 0;
    this.messages = [];  // {from, to: [..], data, headers, subject, parts, text}
    this.sockets = new Set();
  }

  async start() {
    if (this.server) return this.port;
    this.server = net.createServer((socket) => this.session(socket));
    await new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', resolve);
    });
    this.port = this.server.address().port;
    return this.port;
  }

  async stop() {
    if (!this.server) return;
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => server.close(() => resolve()));
  }

  session(socket) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => {});
    socket.setEncoding('latin1');  // bytes as they came; MIME parts are decoded as UTF-8 later
    const reply = (line) => socket.write(`${line}\r\n`);
    let envelope = { from: '', to: [] };
    let buffer = '';
    let inData = false;
    reply('220 fake-smtp.tessera.test ESMTP ready');
    socket.on('data', (chunk) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          const atStart = buffer.startsWith('.\r\n');  // an empty message
          if (end < 0 && !atStart) return;
          const raw = atStart ? '' : buffer.slice(0, end);
          buffer = buffer.slice(atStart ? 3 : end + 5);
          inData = false;
          this.keep(envelope, raw.replace(/^\.\./gm, '.'));
          envelope = { from: '', to: [] };
          reply('250 2.0.0 queued');
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') { reply('250-fake-smtp.tessera.test'); reply('250-8BITMIME'); reply('250 SIZE 10485760'); }
        else if (verb === 'HELO') reply('250 fake-smtp.tessera.test');
        else if (verb === 'MAIL') { envelope.from = (/<([^>]*)>/.exec(line) || [])[1] || ''; reply('250 2.1.0 ok'); }
        else if (verb === 'RCPT') { envelope.to.push((/<([^>]*)>/.exec(line) || [])[1] || ''); reply('250 2.1.5 ok'); }
        else if (verb === 'DATA') { inData = true; reply('354 end with <CRLF>.<CRLF>'); }
        else if (verb === 'RSET') { envelope = { from: '', to: [] }; reply('250 2.0.0 ok'); }
        else if (verb === 'NOOP') reply('250 2.0.0 ok');
        else if (verb === 'QUIT') { reply('221 2.0.0 bye'); socket.end(); return; }
        else reply('502 5.5.2 command not implemented');
      }
    });
  }

  keep(envelope, data) {
    const text = data;
    const { headers } = splitHead(text);
    const parts = mimeParts(text);
    const message = { from: envelope.from, to: envelope.to, data: text, headers, subject: decodeHeader(headers.subject),
                      parts, text: parts.filter((p) => p.type.startsWith('text/')).map((p) => p.text).join('\n') };
    this.messages.push(message);
    this.emit('message', message);
  }

  // The first message (already here, or the next to arrive) that `predicate` accepts.
  waitFor(description, predicate, timeout = 15_000) {
    const found = this.messages.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('message', listener);
        reject(new Error(`no mail ${description} within ${timeout / 1000} s (${this.messages.length} received: ` +
                         `${this.messages.map((m) => `${m.to.join(',')} "${m.subject}"`).join('; ')})`));
      }, timeout);
      const listener = (message) => {
        if (!predicate(message)) return;
        clearTimeout(timer);
        this.off('message', listener);
        resolve(message);
      };
      this.on('message', listener);
    });
  }
}

export const fakeSmtp = new FakeSmtp();
