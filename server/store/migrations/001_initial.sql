-- 1: accounts, users, sessions, tickets and their events, the ledger, trials, idempotency keys.
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  owner_id INTEGER,
  created_at INTEGER NOT NULL
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  account_id INTEGER REFERENCES accounts(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  language TEXT NOT NULL,
  languages_spoken TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);
-- One trial per person, ever: rows are never deleted, even with the account.
CREATE TABLE trial_grants (
  email TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL,
  granted_at INTEGER NOT NULL
);
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  opened_by INTEGER NOT NULL REFERENCES users(id),
  subject TEXT NOT NULL,
  description TEXT NOT NULL,
  category TEXT NOT NULL,
  criticality TEXT NOT NULL,
  triage TEXT,
  language TEXT NOT NULL,
  status TEXT NOT NULL,
  funding TEXT NOT NULL,
  minutes_worked INTEGER NOT NULL DEFAULT 0,
  operator_id INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX tickets_by_account ON tickets(account_id, id);
CREATE INDEX tickets_by_opener ON tickets(opened_by, id);
CREATE INDEX tickets_by_status ON tickets(status);
CREATE TABLE ticket_events (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  kind TEXT NOT NULL,
  at INTEGER NOT NULL,
  author_id INTEGER REFERENCES users(id),
  body TEXT NOT NULL DEFAULT '',
  minutes INTEGER NOT NULL DEFAULT 0,
  status_from TEXT,
  status_to TEXT
);
CREATE INDEX ticket_events_by_ticket ON ticket_events(ticket_id, id);
-- The support-time ledger (shared/ledger.hpp): entries are never edited nor deleted.
CREATE TABLE ledger_entries (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  entry TEXT NOT NULL
);
CREATE INDEX ledger_entries_by_account ON ledger_entries(account_id, id);
CREATE TABLE idempotency_keys (
  user_id INTEGER NOT NULL REFERENCES users(id),
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, key)
);
