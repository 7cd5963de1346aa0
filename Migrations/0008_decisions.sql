-- The decision log: append-only. A correction will be a new row that points at the one it corrects.
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    title TEXT NOT NULL,
    question TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('majority_vote', 'consensus', 'consent', 'by_leads')),
    terms_version INTEGER,
    members_total INTEGER NOT NULL,
    members_present INTEGER NOT NULL,
    lived_experience_present INTEGER NOT NULL CHECK (lived_experience_present IN (0, 1)),
    quorum_met INTEGER NOT NULL CHECK (quorum_met IN (0, 1)),
    votes_for INTEGER,
    votes_against INTEGER,
    votes_abstaining INTEGER,
    objections INTEGER,
    consensus_record TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('agreed', 'not_agreed', 'deferred')),
    rationale TEXT NOT NULL,
    declarations TEXT,
    review_on TEXT,
    is_valid INTEGER NOT NULL CHECK (is_valid IN (0, 1)),
    invalid_reason TEXT,
    adopts_terms_version INTEGER,
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    CHECK (is_valid = 1 OR invalid_reason IS NOT NULL)
);
CREATE INDEX decisions_by_group ON decisions(group_id, recorded_at);
CREATE TRIGGER decisions_are_never_edited BEFORE UPDATE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'the decision log is append-only: record a correction instead');
END;
CREATE TRIGGER decisions_are_never_deleted BEFORE DELETE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'the decision log is append-only');
END;
