-- 6: onboarding — the admin's availability slots (a slot is booked by one account at
-- most, an account books one slot at most) and each account's startup step.
CREATE TABLE onboarding_slots (
  id INTEGER PRIMARY KEY,
  starts_at INTEGER NOT NULL UNIQUE,
  length_minutes INTEGER NOT NULL,
  account_id INTEGER REFERENCES accounts(id),
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX onboarding_slots_one_per_account ON onboarding_slots(account_id) WHERE account_id IS NOT NULL;
CREATE TABLE onboarding (
  account_id INTEGER PRIMARY KEY REFERENCES accounts(id),
  choice TEXT NOT NULL,
  slot_id INTEGER REFERENCES onboarding_slots(id),
  details TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  done_at INTEGER NOT NULL DEFAULT 0,
  done_by INTEGER REFERENCES users(id),
  operator_notes TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL
);
