-- 9: sign-up confirmed by mail (issue 14 item 7, OWASP ASVS 5.0 V6.3.8). With mail on, a
-- sign-up is first a pending row: the one-time link's token as SHA-256 only, the name, the
-- language and the Argon2id hash of the password (never the password), valid 24 hours, used
-- once; confirming it creates the account. The outbox's index by recipient counts the mails
-- an address got lately (at most 3 an hour of the sign-up and invitation mails).
CREATE TABLE pending_signups (
  token_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  language TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX pending_signups_email ON pending_signups(email);
CREATE INDEX mail_outbox_recipient ON mail_outbox(recipient, created_at);
