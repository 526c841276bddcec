-- 8: email (SPEC §1.13). The outbox: a mail is written in the transaction of the change that
-- causes it and sent after the commit by the mail worker; `message` is the whole RFC 5322
-- message, built once (its Message-ID stays the same across retries), emptied once a mail
-- carrying a secret link (reset, invitation) is delivered. `dedupe_key`: a mail that
-- must go once (units expiring for a lot, grace ending for a period).
CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  recipient TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id),
  language TEXT NOT NULL,
  subject TEXT NOT NULL,
  message_id TEXT NOT NULL UNIQUE,
  message BLOB NOT NULL,
  dedupe_key TEXT UNIQUE,
  state TEXT NOT NULL DEFAULT 'pending',  -- pending | sent | failed
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX mail_outbox_due ON mail_outbox(state, next_attempt_at);

-- One-time password-reset links: only the token's SHA-256 is stored.
CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX password_resets_user ON password_resets(user_id, created_at);

-- A customer's choice of the mails that are not about security.
ALTER TABLE users ADD COLUMN mail_tickets INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN mail_commerce INTEGER NOT NULL DEFAULT 1;
