-- 3: evaluations of closed tickets, contact messages.
CREATE TABLE evaluations (
  ticket_id INTEGER PRIMARY KEY REFERENCES tickets(id),
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment TEXT NOT NULL DEFAULT '',
  publish_comment INTEGER NOT NULL DEFAULT 0,
  at INTEGER NOT NULL
);
CREATE TABLE contact_messages (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  message TEXT NOT NULL,
  at INTEGER NOT NULL
);
