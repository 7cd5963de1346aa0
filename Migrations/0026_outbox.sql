-- The outbox (issue 20): every message Alongside sends is written here in the same transaction as the change it tells
-- of, so a crash between saving and sending loses no message, and a change that rolled back sends none. A delivery
-- worker sends what is due, at least once, with a stable Message-ID so a retry is recognisable.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    -- "<random@host>": the same on every attempt.
    message_id TEXT NOT NULL UNIQUE CHECK (message_id <> ''),
    -- What it is about (an invitation, a returned claim...): for preferences and the administrators' list.
    kind TEXT NOT NULL CHECK (kind <> ''),
    user_id INTEGER REFERENCES users(id),
    to_address TEXT NOT NULL CHECK (to_address <> ''),
    subject TEXT NOT NULL CHECK (subject <> ''),
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    -- One optional attachment, such as a meeting's invite.ics.
    attachment_name TEXT,
    attachment_type TEXT,
    attachment_body TEXT,
    -- The one-click unsubscribe address (RFC 8058), for messages a person may turn off.
    unsubscribe_url TEXT,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TEXT NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    sent_at TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_by_time ON outbox(created_at);
