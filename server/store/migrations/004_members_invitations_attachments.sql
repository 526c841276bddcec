-- 4: authorized users of accounts, invitation links, attachments of tickets
CREATE TABLE account_members (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  scope_subscription INTEGER NOT NULL DEFAULT 0,
  scope_pool INTEGER NOT NULL DEFAULT 0,
  added_at INTEGER NOT NULL,
  removed_at INTEGER
);
CREATE INDEX account_members_by_account ON account_members(account_id);
CREATE TABLE invitations (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  email TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  scope_subscription INTEGER NOT NULL DEFAULT 0,
  scope_pool INTEGER NOT NULL DEFAULT 0,
  invited_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  accepted_at INTEGER,
  accepted_user_id INTEGER REFERENCES users(id),
  revoked_at INTEGER
);
CREATE INDEX invitations_by_account ON invitations(account_id);
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  uploaded_by INTEGER NOT NULL REFERENCES users(id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX attachments_by_ticket ON attachments(ticket_id);
