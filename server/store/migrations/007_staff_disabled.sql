-- 7: staff an admin disabled (NULL: active).
ALTER TABLE users ADD COLUMN disabled_at INTEGER;
