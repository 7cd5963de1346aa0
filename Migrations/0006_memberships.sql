-- Who sits on a group, in which seat, representing which sector or community, and for how long.
CREATE TABLE memberships (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    seat TEXT NOT NULL CHECK (seat IN ('chair', 'co_chair', 'member', 'secretary', 'observer')),
    sector TEXT NOT NULL,
    community TEXT,
    organisation TEXT,
    deputy_user_id INTEGER REFERENCES users(id),
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX memberships_by_group ON memberships(group_id, starts_on);
CREATE INDEX memberships_by_user ON memberships(user_id);
