-- Involvement roles (issue 5; 003 Appendix 1): role descriptions, adverts with a closing date, expressions of
-- interest sent by the public, and the people appointed to each role. Days are ISO text ("2026-03-03") in
-- Europe/London; instants are UTC.
CREATE TABLE involvement_roles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (title <> ''),
    location TEXT NOT NULL DEFAULT '',
    -- What the payment policy offers for this role, in words: "£50 for up to half a day …".
    payment TEXT NOT NULL DEFAULT '',
    about TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    tasks TEXT NOT NULL DEFAULT '',
    -- JSON array of kinds of involvement: community_engagement, working_group, advisory_group, partnership_board.
    kinds TEXT NOT NULL DEFAULT '[]',
    responsibilities TEXT NOT NULL DEFAULT '',
    support TEXT NOT NULL DEFAULT '',
    essential TEXT NOT NULL DEFAULT '',
    desirable TEXT NOT NULL DEFAULT '',
    how_to_apply TEXT NOT NULL DEFAULT '',
    -- Rises with every save, so a save made from an older version is refused rather than lost.
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- A role advertised until a closing date (open all of that day), or until a manager closes it early.
CREATE TABLE involvement_adverts (
    id INTEGER PRIMARY KEY,
    role_id INTEGER NOT NULL REFERENCES involvement_roles(id),
    closes_on TEXT NOT NULL,
    published_at TEXT NOT NULL,
    published_by INTEGER REFERENCES users(id),
    -- Set when a manager closes it before its closing date.
    closed_at TEXT,
    closed_by INTEGER REFERENCES users(id)
);
CREATE INDEX involvement_adverts_by_role ON involvement_adverts(role_id, id);
CREATE INDEX involvement_adverts_open ON involvement_adverts(closes_on) WHERE closed_at IS NULL;

-- Personal data: only people who manage involvement roles see these rows.
CREATE TABLE involvement_interest (
    id INTEGER PRIMARY KEY,
    advert_id INTEGER NOT NULL REFERENCES involvement_adverts(id),
    role_id INTEGER NOT NULL REFERENCES involvement_roles(id),
    name TEXT NOT NULL CHECK (name <> ''),
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    preferred_contact TEXT NOT NULL CHECK (preferred_contact IN ('email', 'phone', 'text')),
    access_needs TEXT NOT NULL DEFAULT '',
    about TEXT NOT NULL CHECK (about <> ''),
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'talked_to', 'offered', 'appointed', 'not_this_time')),
    status_note TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (email <> '' OR phone <> '')
);
CREATE INDEX involvement_interest_by_role ON involvement_interest(role_id, received_at);
CREATE INDEX involvement_interest_by_status ON involvement_interest(status, received_at);

-- Each move of an expression of interest from one status to another, with who moved it and why.
CREATE TABLE involvement_interest_history (
    id INTEGER PRIMARY KEY,
    interest_id INTEGER NOT NULL REFERENCES involvement_interest(id),
    status TEXT NOT NULL CHECK (status IN ('new', 'talked_to', 'offered', 'appointed', 'not_this_time')),
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    by_user_id INTEGER REFERENCES users(id)
);
CREATE INDEX involvement_interest_history_by_interest ON involvement_interest_history(interest_id, id);

-- A person in a role from a start day to an optional end day (their last day, after the start).
CREATE TABLE involvement_appointments (
    id INTEGER PRIMARY KEY,
    role_id INTEGER NOT NULL REFERENCES involvement_roles(id),
    interest_id INTEGER REFERENCES involvement_interest(id),
    user_id INTEGER REFERENCES users(id),
    person_name TEXT NOT NULL CHECK (person_name <> ''),
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (ends_on IS NULL OR ends_on > starts_on)
);
CREATE INDEX involvement_appointments_by_role ON involvement_appointments(role_id, starts_on);
