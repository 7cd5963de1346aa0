-- Repairs what two released migrations were edited to add after databases had already applied them (issue 21), so
-- every database ends the same whichever text it first ran. From now on the migrator keeps each migration's SHA-256
-- and refuses to start when a released one has changed: a change goes in a new migration, like this one.
--
-- 0002_sessions was edited to add the index on last_seen_at, then to make sessions an ordinary rowid table (SQLite's
-- update hook, which keeps the session cache honest, does not fire for WITHOUT ROWID tables). Rebuilt here either
-- way: the same columns and rows, as the file now reads.
CREATE TABLE sessions_rebuilt (
    token_hash BLOB PRIMARY KEY,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    flash TEXT
);
INSERT INTO sessions_rebuilt (token_hash, user_id, csrf_token, created_at, last_seen_at, flash)
    SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, flash FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_rebuilt RENAME TO sessions;
CREATE INDEX sessions_by_user ON sessions(user_id);
CREATE INDEX sessions_by_last_seen ON sessions(last_seen_at);

-- 0013_payments was edited to add claims.sent_with_warning. SQLite cannot add a column only when it is missing, so
-- `MigrationRepairs` (Swift) adds it, just before this file runs and in the same transaction, to a database without it.
