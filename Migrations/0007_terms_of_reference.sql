-- Terms of reference, versioned per group (003 step 1: scope and approach, attendance and deputies,
-- how decisions are made, trust and transparency, commitment to co-production).
-- A draft is edited in place, guarded by `revision` so a second person's save cannot overwrite the first's.
CREATE TABLE terms_of_reference (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    version_number INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'proposed', 'adopted', 'superseded')),
    scope TEXT NOT NULL,
    attendance TEXT NOT NULL,
    deputies_allowed INTEGER NOT NULL CHECK (deputies_allowed IN (0, 1)),
    decision_method TEXT NOT NULL CHECK (decision_method IN ('majority_vote', 'consensus', 'consent', 'by_leads')),
    quorum_kind TEXT NOT NULL CHECK (quorum_kind IN ('count', 'share')),
    quorum_value INTEGER NOT NULL CHECK (quorum_value > 0),
    quorum_needs_lived_experience INTEGER NOT NULL CHECK (quorum_needs_lived_experience IN (0, 1)),
    ways_of_working TEXT NOT NULL,
    review_on TEXT,
    revision INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (group_id, version_number)
);
