-- Server-side sessions. The cookie holds 32 random bytes; only their SHA-256 is stored here,
-- so a copy of the database (a backup, say) cannot be used to take over a session.
-- An ordinary rowid table, not WITHOUT ROWID: SQLite's update hook, which keeps the in-memory session cache
-- honest, does not fire for WITHOUT ROWID tables.
-- A session without a user is a signed-out visitor who has been shown a form (it carries the CSRF token).
CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    flash TEXT
);
CREATE INDEX sessions_by_user ON sessions(user_id);
CREATE INDEX sessions_by_last_seen ON sessions(last_seen_at);
