// A fake PayPal REST server for the end-to-end run, on a loopback port the OS picks, speaking
// the same protocol as tests/support/fake_paypal.cpp (the server suite's): OAuth2 client-
// credentials tokens, Orders v2 (create, show, capture, with PayPal-Request-Id idempotency and
// PayPal's error shapes) and verify-webhook-signature (nothing is signed here: FAILURE). The
// payer's approval page (/checkoutnow?token=ID) approves the order and sends the browser back
// to the order's return_url with ?token=ID&PayerID=..., as PayPal does. A scenario can make
// the next capture be declined (INSTRUMENT_DECLINED) with declineNextCapture().
//
// One instance per run (`fakePayPal`), started by harness.mjs's TesseraServer before the server,
// whose TESSERA_PAYPAL_* variables point here.
import crypto from 'node:crypto';
import http from 'node:http';

export const CLIENT_ID = 'fake-client-id';
export const CLIENT_SECRET = 'fake-client-secret';
export const WEBHOOK_ID = 'FAKEWEBHOOK0001';

function randomId(length = 17) {
  return crypto.randomBytes(length).toString('hex').toUpperCase().slice(0, length);
}

function paypalError(name, message, issue, description) {
  const body = { name, message, debug_id: 'fake' + crypto.randomBytes(6).toString('hex') };
  if (issue) body.details = [{ issue, description }];
  return body;
}

const UNPROCESSABLE = 'The requested action could not be performed, semantically incorrect, or failed business validation.';

class FakePayPal {
  constructor() {
    this.server = null;
    this.base = null;
    this.orders = new Map();      // id -> order
    this.tokens = new Set();
    this.idempotent = new Map();  // path + request id -> answer body
    this.declineNext = false;
    this.requests = [];           // {method, path, requestId}
  }

  async start() {
    if (this.server) return this.base;
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', resolve);
    });
    this.base = `http://127.0.0.1:${this.server.address().port}`;
    return this.base;
  }

  async stop() {
    if (!this.server) return;
    const server = this.server;
    this.server = null;
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(() => resolve()));
  }

  declineNextCapture() { this.declineNext = true; }
  order(id) { return this.orders.get(id) || null; }
  count(method, path) { return this.requests.filter((r) => r.method === method && r.path === path).length; }

  // [SECTION] Routes
  async handle(req, res) {
    const url = new URL(req.url, this.base);
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString('utf8');
    const requestId = req.headers['paypal-request-id'] || '';
    this.requests.push({ method: req.method, path: url.pathname, requestId });
    const send = (status, json) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    try {
      if (req.method === 'POST' && url.pathname === '/v1/oauth2/token') return this.token(req, body, send);
      if (req.method === 'GET' && url.pathname === '/checkoutnow') return this.approvalPage(url, res, send);
      if (!this.authorized(req)) {
        return send(401, paypalError('AUTHENTICATION_FAILURE',
          'Authentication failed due to invalid authentication credentials or a missing Authorization header.'));
      }
      if (req.method === 'POST' && url.pathname === '/v2/checkout/orders') return this.createOrder(url, body, requestId, send);
      let match = url.pathname.match(/^\/v2\/checkout\/orders\/([A-Za-z0-9_-]+)$/);
      if (req.method === 'GET' && match) {
        const order = this.orders.get(match[1]);
        if (!order) return send(404, paypalError('RESOURCE_NOT_FOUND', 'The specified resource does not exist.',
          'INVALID_RESOURCE_ID', 'Specified resource ID does not exist.'));
        return send(200, this.orderJson(order));
      }
      match = url.pathname.match(/^\/v2\/checkout\/orders\/([A-Za-z0-9_-]+)\/capture$/);
      if (req.method === 'POST' && match) return this.capture(url, match[1], requestId, send);
      if (req.method === 'POST' && url.pathname === '/v1/notifications/verify-webhook-signature')
        return send(200, { verification_status: 'FAILURE' });
      return send(404, paypalError('RESOURCE_NOT_FOUND', 'No such route.'));
    } catch (e) {
      return send(500, paypalError('INTERNAL_SERVER_ERROR', String(e)));
    }
  }

  token(req, body, send) {
    const authorization = req.headers.authorization || '';
    const expected = 'Basic ' + Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
    if (authorization !== expected) return send(401, { error: 'invalid_client', error_description: 'Client Authentication failed' });
    if (body !== 'grant_type=client_credentials') return send(400, { error: 'unsupported_grant_type', error_description: 'Grant Type is NULL' });
    const token = 'A21AA' + crypto.randomBytes(24).toString('hex');
    this.tokens.add(token);
    return send(200, { scope: 'https://uri.paypal.com/services/payments/payment', access_token: token, token_type: 'Bearer',
                       app_id: 'APP-FAKE', expires_in: 32400, nonce: crypto.randomBytes(8).toString('hex') });
  }

  authorized(req) {
    const authorization = req.headers.authorization || '';
    return authorization.startsWith('Bearer ') && this.tokens.has(authorization.slice(7));
  }

  approveUrl(id) { return `${this.base}/checkoutnow?token=${id}`; }

  orderJson(order) {
    const amount = { currency_code: order.currency, value: order.value };
    const unit = { reference_id: order.referenceId || 'default', amount };
    if (order.description) unit.description = order.description;
    if (order.captureId)
      unit.payments = { captures: [{ id: order.captureId, status: 'COMPLETED', amount, final_capture: true }] };
    const self = `${this.base}/v2/checkout/orders/${order.id}`;
    const links = [{ href: self, rel: 'self', method: 'GET' }];
    if (order.status === 'CREATED') links.push({ href: this.approveUrl(order.id), rel: 'approve', method: 'GET' });
    if (order.status === 'PAYER_ACTION_REQUIRED') links.push({ href: this.approveUrl(order.id), rel: 'payer-action', method: 'GET' });
    if (order.status === 'APPROVED') links.push({ href: `${self}/capture`, rel: 'capture', method: 'POST' });
    return { id: order.id, intent: 'CAPTURE', status: order.status, purchase_units: [unit], links };
  }

  createOrder(url, text, requestId, send) {
    const key = url.pathname + '\n' + requestId;
    if (requestId && this.idempotent.has(key)) return send(200, this.idempotent.get(key));
    const invalid = (issue, description) => send(400, paypalError('INVALID_REQUEST',
      'Request is not well-formed, syntactically incorrect, or violates schema.', issue, description));
    let body;
    try { body = JSON.parse(text); } catch { return invalid('INVALID_PARAMETER_SYNTAX', 'not JSON'); }
    if (!body || body.intent !== 'CAPTURE') return invalid('INVALID_PARAMETER_VALUE', 'intent must be CAPTURE');
    if (!Array.isArray(body.purchase_units) || body.purchase_units.length !== 1) return invalid('MISSING_REQUIRED_PARAMETER', 'one purchase unit expected');
    const unit = body.purchase_units[0] || {};
    const value = unit.amount && unit.amount.value;
    // Exactly two decimals, as PayPal requires for EUR.
    if (typeof value !== 'string' || !/^\d+\.\d\d$/.test(value) || Number(value) <= 0)
      return invalid('DECIMAL_PRECISION', 'amount.value must have two decimals and be positive');
    const currency = unit.amount.currency_code || '';
    if (currency.length !== 3) return invalid('INVALID_CURRENCY_CODE', 'currency_code must have 3 letters');
    const experience = body.payment_source?.paypal?.experience_context || body.application_context || {};
    const order = { id: randomId(), status: body.payment_source ? 'PAYER_ACTION_REQUIRED' : 'CREATED', value, currency,
                    referenceId: unit.reference_id || '', description: unit.description || '',
                    returnUrl: experience.return_url || '', cancelUrl: experience.cancel_url || '', captureId: '' };
    this.orders.set(order.id, order);
    const answer = this.orderJson(order);
    if (requestId) this.idempotent.set(key, answer);
    return send(201, answer);
  }

  // The payer approves (again, after a declined capture: another funding source) and goes back.
  approvalPage(url, res, send) {
    const order = this.orders.get(url.searchParams.get('token') || '');
    if (!order || !['CREATED', 'PAYER_ACTION_REQUIRED', 'APPROVED'].includes(order.status))
      return send(422, paypalError('UNPROCESSABLE_ENTITY', 'This order cannot be approved.'));
    order.status = 'APPROVED';
    if (!order.returnUrl) return send(200, { approved: order.id });
    const target = new URL(order.returnUrl);
    // The return address may carry its own query after a '#': add ours the way PayPal does.
    const separator = order.returnUrl.includes('?') ? '&' : '?';
    res.writeHead(302, { Location: `${target.href}${separator}token=${order.id}&PayerID=FAKEPAYER0001` });
    res.end();
  }

  capture(url, id, requestId, send) {
    const key = url.pathname + '\n' + requestId;
    if (requestId && this.idempotent.has(key)) return send(200, this.idempotent.get(key));
    const order = this.orders.get(id);
    if (!order) return send(404, paypalError('RESOURCE_NOT_FOUND', 'The specified resource does not exist.',
      'INVALID_RESOURCE_ID', 'Specified resource ID does not exist.'));
    if (order.status === 'COMPLETED') return send(422, paypalError('UNPROCESSABLE_ENTITY', UNPROCESSABLE, 'ORDER_ALREADY_CAPTURED',
      "Order already captured.If 'intent=CAPTURE' only one capture per order is allowed."));
    if (order.status !== 'APPROVED') return send(422, paypalError('UNPROCESSABLE_ENTITY', UNPROCESSABLE, 'ORDER_NOT_APPROVED',
      'Payer has not yet approved the Order for payment.'));
    if (this.declineNext) {
      this.declineNext = false;
      const body = paypalError('UNPROCESSABLE_ENTITY', UNPROCESSABLE, 'INSTRUMENT_DECLINED',
        "The instrument presented was either declined by the processor or bank, or it can't be used for this payment.");
      body.links = [{ href: this.approveUrl(order.id), rel: 'redirect', method: 'GET' }];
      return send(422, body);
    }
    order.status = 'COMPLETED';
    order.captureId = randomId();
    const answer = this.orderJson(order);
    if (requestId) this.idempotent.set(key, answer);
    return send(201, answer);
  }
}

export const fakePayPal = new FakePayPal();
