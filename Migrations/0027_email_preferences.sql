-- What each person gets by email (issue 20). A person chooses, for each kind of message, to have it at once, in a daily
-- digest, or not at all; with no row for a kind, they get it at once. Security messages (account invitations and
-- set-password links) are not a kind anyone can turn off, so they never appear here.
CREATE TABLE email_preferences (
    user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind <> ''),
    choice TEXT NOT NULL CHECK (choice IN ('now', 'digest', 'off')),
    changed_at TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
) WITHOUT ROWID;

-- Messages waiting for their person's daily digest, written in the same transaction as the change they tell of (like
-- the outbox). A digest, when it goes out, is an outbox message; `outbox_id` then names it.
CREATE TABLE email_digest_items (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind <> ''),
    subject TEXT NOT NULL CHECK (subject <> ''),
    text_body TEXT NOT NULL,
    link_url TEXT,
    created_at TEXT NOT NULL,
    outbox_id INTEGER REFERENCES outbox(id)
);
CREATE INDEX email_digest_waiting ON email_digest_items(user_id, created_at) WHERE outbox_id IS NULL;

-- One digest a day at most: the Europe/London day each one went out.
CREATE TABLE email_digests_sent (
    user_id INTEGER NOT NULL REFERENCES users(id),
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    outbox_id INTEGER NOT NULL REFERENCES outbox(id),
    PRIMARY KEY (user_id, day)
) WITHOUT ROWID;

-- Reminders go out once each (a proposal closing tomorrow, an overdue action, a decision due for review): the key says
-- what about and for whom, such as "proposal-closing:12:user:3".
CREATE TABLE email_reminders_sent (
    key TEXT PRIMARY KEY,
    sent_at TEXT NOT NULL
) WITHOUT ROWID;
