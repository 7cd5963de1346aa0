-- The VCSE alliance (issue 6; 003 step 4): a register of organisations from every sector, the communities
-- the workspace keeps a list of, alliance membership, the elected accountable body, and the money that
-- comes into the alliance and is allocated to its members. Days are ISO text ("2026-03-03") in
-- Europe/London; instants are UTC; money is integer pence.

-- The communities the workspace keeps a list of, marking the under-served ones. The alliance's reach is
-- measured against it; insights (issue 7) name communities from it too. Retired entries stay for history.
CREATE TABLE communities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> ''),
    under_served INTEGER NOT NULL DEFAULT 0 CHECK (under_served IN (0, 1)),
    description TEXT NOT NULL DEFAULT '',
    retired_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX communities_by_name ON communities(name COLLATE NOCASE);

-- A starting list, for the workspace to change.
INSERT INTO communities (name, under_served, description, created_at, updated_at) VALUES
    ('Black, Asian and minority ethnic communities', 1, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Refugees and people seeking asylum', 1, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Gypsy, Roma and Traveller communities', 1, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('LGBTQ+ people', 1, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('People who are homeless or sleeping rough', 1, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Deaf people who use British Sign Language', 1, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('People with a learning disability and autistic people', 1, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Rural and farming communities', 1, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Young adults aged 18 to 25', 1, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Older adults', 0, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Carers', 0, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Armed forces veterans', 0, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- Organisations of every sector. Size and kinds are for VCSE organisations only.
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> ''),
    sector TEXT NOT NULL CHECK (sector IN ('icb', 'nhs_trust', 'pcn', 'local_authority', 'vcse', 'private_employer', 'other')),
    -- By annual income: micro under £10,000; small £10,000 to £99,999; medium £100,000 to £999,999; large £1 million or more.
    vcse_size TEXT CHECK (vcse_size IN ('micro', 'small', 'medium', 'large')),
    -- JSON array of: grassroots, faith, user_led, charity, social_enterprise, community_interest_company.
    vcse_kinds TEXT NOT NULL DEFAULT '[]',
    -- Stored as normalised by the form: "1123456", "SC012345", "NIC100001"; company "01234567", "SC123456".
    charity_number TEXT NOT NULL DEFAULT '',
    company_number TEXT NOT NULL DEFAULT '',
    area_served TEXT NOT NULL DEFAULT '',
    contact_name TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'closed')),
    -- Rises with every save, so a save made from an older version is refused rather than lost.
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (sector = 'vcse' OR vcse_size IS NULL)
);
CREATE INDEX organisations_by_name ON organisations(name COLLATE NOCASE);

-- The communities an organisation reaches.
CREATE TABLE organisation_communities (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    community_id INTEGER NOT NULL REFERENCES communities(id),
    PRIMARY KEY (organisation_id, community_id)
);
CREATE INDEX organisation_communities_by_community ON organisation_communities(community_id);

-- What an alliance (a group of kind vcse_alliance) keeps beside its group record: its shared principles,
-- and whether its membership is published for anyone to read without signing in.
CREATE TABLE alliances (
    group_id INTEGER PRIMARY KEY REFERENCES groups(id),
    principles TEXT NOT NULL DEFAULT '',
    membership_published INTEGER NOT NULL DEFAULT 0 CHECK (membership_published IN (0, 1)),
    updated_at TEXT NOT NULL
);

-- An organisation's place in an alliance. Its status moves interested → joining → member → paused → left
-- (with the moves `MembershipRules` allows); each move is kept in alliance_member_history.
CREATE TABLE alliance_members (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    status TEXT NOT NULL CHECK (status IN ('interested', 'joining', 'member', 'paused', 'left')),
    status_since TEXT NOT NULL,
    representative_name TEXT NOT NULL DEFAULT '',
    representative_email TEXT NOT NULL DEFAULT '',
    principles_agreed_on TEXT,
    terms_agreed_on TEXT,
    -- The version of the alliance group's terms of reference the organisation agreed.
    terms_version INTEGER,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (group_id, organisation_id)
);
CREATE INDEX alliance_members_by_organisation ON alliance_members(organisation_id);

CREATE TABLE alliance_member_history (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES alliance_members(id),
    status TEXT NOT NULL CHECK (status IN ('interested', 'joining', 'member', 'paused', 'left')),
    on_day TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX alliance_member_history_by_member ON alliance_member_history(member_id, id);

-- The accountable body, elected by a recorded decision of the alliance. A new election ends the current
-- one on the day the new one starts, so the history stays.
CREATE TABLE alliance_accountable_bodies (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    decision_id INTEGER NOT NULL REFERENCES decisions(id),
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    recorded_by INTEGER REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE UNIQUE INDEX alliance_accountable_bodies_current ON alliance_accountable_bodies(group_id) WHERE ends_on IS NULL;

-- Money that came into the alliance: from a commissioner, perhaps through another body (such as an NHS
-- trust), to the accountable body. A period lies within one financial year (1 April to 31 March).
CREATE TABLE alliance_funding_received (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
    from_organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    via_organisation_id INTEGER REFERENCES organisations(id),
    -- The accountable body it was paid to, as it was when the money was recorded.
    to_organisation_id INTEGER REFERENCES organisations(id),
    period_starts_on TEXT NOT NULL,
    period_ends_on TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    withdrawn_at TEXT,
    withdrawn_by INTEGER REFERENCES users(id),
    withdrawn_reason TEXT,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    CHECK (period_ends_on >= period_starts_on),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL))
);
CREATE INDEX alliance_funding_received_by_group ON alliance_funding_received(group_id, period_starts_on);

-- Money allocated to a member, authorised by a recorded alliance decision. A period lies within one
-- financial year; a longer contract is one allocation a year, each giving the contract's length in years
-- and the same contract reference.
CREATE TABLE alliance_allocations (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
    period_starts_on TEXT NOT NULL,
    period_ends_on TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose <> ''),
    contract_years INTEGER NOT NULL CHECK (contract_years BETWEEN 1 AND 10),
    contract_reference TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL CHECK (source <> ''),
    decision_id INTEGER NOT NULL REFERENCES decisions(id),
    withdrawn_at TEXT,
    withdrawn_by INTEGER REFERENCES users(id),
    withdrawn_reason TEXT,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    CHECK (period_ends_on >= period_starts_on),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL))
);
CREATE INDEX alliance_allocations_by_group ON alliance_allocations(group_id, period_starts_on);
CREATE INDEX alliance_allocations_by_organisation ON alliance_allocations(organisation_id);

-- Money records are never edited or deleted: a mistake is withdrawn, with a reason, and recorded again.
CREATE TRIGGER alliance_funding_received_is_kept BEFORE UPDATE OF
    id, group_id, amount_pence, from_organisation_id, via_organisation_id, to_organisation_id, period_starts_on,
    period_ends_on, description, recorded_by, recorded_at
ON alliance_funding_received
BEGIN
    SELECT RAISE(ABORT, 'funding records are never edited: withdraw it and record it again');
END;
CREATE TRIGGER alliance_funding_received_is_never_deleted BEFORE DELETE ON alliance_funding_received
BEGIN
    SELECT RAISE(ABORT, 'funding records are never deleted: withdraw it instead');
END;
CREATE TRIGGER alliance_allocations_are_kept BEFORE UPDATE OF
    id, group_id, organisation_id, amount_pence, period_starts_on, period_ends_on, purpose, contract_years,
    contract_reference, source, decision_id, recorded_by, recorded_at
ON alliance_allocations
BEGIN
    SELECT RAISE(ABORT, 'allocations are never edited: withdraw it and record it again');
END;
CREATE TRIGGER alliance_allocations_are_never_deleted BEFORE DELETE ON alliance_allocations
BEGIN
    SELECT RAISE(ABORT, 'allocations are never deleted: withdraw it instead');
END;
