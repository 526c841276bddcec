-- 2: buying — orders, invoices, settings, the audit log, PayPal webhook events.
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  offer_code TEXT NOT NULL DEFAULT '',
  extra_users INTEGER NOT NULL DEFAULT 0,
  method TEXT NOT NULL,
  status TEXT NOT NULL,
  offer_json TEXT NOT NULL,
  lines_json TEXT NOT NULL,
  net INTEGER NOT NULL,
  vat INTEGER NOT NULL,
  gross INTEGER NOT NULL,
  paypal_order_id TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  paid_at INTEGER NOT NULL DEFAULT 0,
  invoice_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX orders_by_account ON orders(account_id, id);
CREATE INDEX orders_by_status ON orders(status);
CREATE INDEX orders_by_paypal ON orders(paypal_order_id);
-- Invoices are immutable: written once, never updated. (year, sequence) is gapless.
CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL UNIQUE REFERENCES orders(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  sequence INTEGER NOT NULL,
  issued_at INTEGER NOT NULL,
  language TEXT NOT NULL,
  gross INTEGER NOT NULL,
  invoice_json TEXT NOT NULL,
  UNIQUE (year, sequence)
);
CREATE INDEX invoices_by_account ON invoices(account_id, id);
CREATE TRIGGER invoices_are_immutable BEFORE UPDATE ON invoices
  BEGIN SELECT RAISE(ABORT, 'invoices are immutable'); END;
CREATE TRIGGER invoices_are_kept BEFORE DELETE ON invoices
  BEGIN SELECT RAISE(ABORT, 'invoices are kept'); END;
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id INTEGER,
  action TEXT NOT NULL,
  details TEXT NOT NULL
);
CREATE TABLE paypal_events (
  event_id TEXT PRIMARY KEY,
  received_at INTEGER NOT NULL
);
