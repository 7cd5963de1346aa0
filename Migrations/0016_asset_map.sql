-- The community asset map (issue 7; 003 step 3 and Appendix 2; 000 sections 4.5 and 5.2): assets in the nine
-- Appendix 2 categories, tagged by the four domains of 000 section 4.5, the localities (or primary care
-- networks) they serve, the needs of the co-produced model they help with, and a public directory.

-- Localities and primary care networks the map is analysed by. Retired entries stay for history.
CREATE TABLE localities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> ''),
    kind TEXT NOT NULL DEFAULT 'locality' CHECK (kind IN ('locality', 'pcn')),
    retired_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX localities_by_name ON localities(name COLLATE NOCASE);

-- The needs of the co-produced model, kept by the group; a starting list to change.
CREATE TABLE needs (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> ''),
    description TEXT NOT NULL DEFAULT '',
    retired_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX needs_by_name ON needs(name COLLATE NOCASE);

INSERT INTO needs (name, description, created_at, updated_at) VALUES
    ('Housing', 'A safe, settled home, and help to keep it.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Debt and money', 'Benefits, budgeting and debt advice.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Employment', 'Finding, keeping and returning to work or volunteering.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Peer support', 'Time with people who have been there too.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Physical activity', 'Moving more, in ways people enjoy.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Loneliness and social connection', 'Somewhere to go and people to be with.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Physical health', 'Health checks and help with long-term conditions.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Alcohol and drug use', 'Support to cut down or stop.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Crisis and out-of-hours support', 'Somewhere to turn when things get hard, at any hour.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Carers', 'Support for families and friends who care.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

CREATE TABLE assets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> ''),
    -- The nine categories of 003 Appendix 2.
    category TEXT NOT NULL CHECK (category IN ('hubs_and_spaces', 'statutory_organisations', 'vcse_organisations',
        'groups_and_networks', 'individual_volunteers', 'individual_professionals', 'social_prescribing',
        'primary_care_networks', 'local_economy')),
    description TEXT NOT NULL DEFAULT '',
    -- NULL: it serves the whole area, every locality.
    locality_id INTEGER REFERENCES localities(id),
    address TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    opening_times TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    -- Any other way to get in touch ("drop in on Tuesdays", "ask at reception").
    contact_notes TEXT NOT NULL DEFAULT '',
    referral_needed INTEGER NOT NULL DEFAULT 0 CHECK (referral_needed IN (0, 1)),
    access_information TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '',
    cost TEXT NOT NULL DEFAULT '',
    last_checked_on TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'closed')),
    -- Whether the public directory shows it (people listed as individuals may not want to be).
    listed_publicly INTEGER NOT NULL DEFAULT 1 CHECK (listed_publicly IN (0, 1)),
    organisation_id INTEGER REFERENCES organisations(id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX assets_by_name ON assets(name COLLATE NOCASE);
CREATE INDEX assets_by_checked ON assets(last_checked_on);

-- The four domains of 000 section 4.5; an asset may sit in more than one.
CREATE TABLE asset_domains (
    asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    domain TEXT NOT NULL CHECK (domain IN ('health_and_social_care', 'local_facilities', 'personal_interests', 'personal_relationships')),
    PRIMARY KEY (asset_id, domain)
);

CREATE TABLE asset_needs (
    asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    need_id INTEGER NOT NULL REFERENCES needs(id),
    PRIMARY KEY (asset_id, need_id)
);
CREATE INDEX asset_needs_by_need ON asset_needs(need_id);

-- One row: after how many months without a check an entry is listed for review.
CREATE TABLE asset_map_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    stale_after_months INTEGER NOT NULL DEFAULT 12 CHECK (stale_after_months BETWEEN 1 AND 60),
    updated_at TEXT NOT NULL
);
INSERT INTO asset_map_settings (id, stale_after_months, updated_at) VALUES (1, 12, CURRENT_TIMESTAMP);
