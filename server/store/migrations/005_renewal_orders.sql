-- 5: subscription renewals: at most one renewal order per account and period (the scheduler
-- is idempotent: a second run finds the order of the period and creates none).
CREATE TABLE renewal_orders (
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  period_start INTEGER NOT NULL,
  order_id INTEGER NOT NULL UNIQUE REFERENCES orders(id),
  PRIMARY KEY (account_id, period_start)
);
