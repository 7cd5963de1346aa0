-- The rest of the decision log (issue 3): the meeting a decision was taken at, structured declarations of
-- interest, corrections as new revisions, publication, and online proposals between meetings.

-- Where the decision was taken: a meeting, or between meetings. Both are NULL for decisions recorded
-- before this was asked, so the page can say "not recorded" rather than guess.
ALTER TABLE decisions ADD COLUMN meeting_id INTEGER REFERENCES meetings(id);
ALTER TABLE decisions ADD COLUMN between_meetings INTEGER CHECK (between_meetings IN (0, 1));

-- A correction is a new row: it names the revision it corrects, the first revision of the decision (so a
-- decision's revisions are found in one query) and why it was made. The original stays as it was.
ALTER TABLE decisions ADD COLUMN corrects_decision_id INTEGER REFERENCES decisions(id);
ALTER TABLE decisions ADD COLUMN original_decision_id INTEGER REFERENCES decisions(id);
ALTER TABLE decisions ADD COLUMN correction_reason TEXT;

-- Private (members and staff) or published (anyone, without signing in). The only column that may change.
ALTER TABLE decisions ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'published'));

-- A revision is corrected at most once, so two people correcting the same revision cannot fork the log.
CREATE UNIQUE INDEX decisions_corrected_once ON decisions(corrects_decision_id) WHERE corrects_decision_id IS NOT NULL;
CREATE INDEX decisions_by_original ON decisions(original_decision_id) WHERE original_decision_id IS NOT NULL;
CREATE INDEX decisions_by_review ON decisions(review_on) WHERE review_on IS NOT NULL;

-- Still append-only: every column but visibility is refused.
DROP TRIGGER decisions_are_never_edited;
CREATE TRIGGER decisions_are_never_edited BEFORE UPDATE OF
    id, group_id, title, question, method, terms_version, members_total, members_present, lived_experience_present,
    quorum_met, votes_for, votes_against, votes_abstaining, objections, consensus_record, outcome, rationale, declarations,
    review_on, is_valid, invalid_reason, adopts_terms_version, recorded_by, recorded_at, meeting_id, between_meetings,
    corrects_decision_id, original_decision_id, correction_reason
ON decisions
BEGIN
    SELECT RAISE(ABORT, 'the decision log is append-only: record a correction instead');
END;

-- Declarations of interest made for a decision: a person from the group, or a name typed.
CREATE TABLE decision_declarations (
    id INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decisions(id),
    position INTEGER NOT NULL,
    user_id INTEGER REFERENCES users(id),
    person_name TEXT NOT NULL CHECK (person_name <> ''),
    interest TEXT NOT NULL CHECK (interest <> ''),
    took_part INTEGER NOT NULL CHECK (took_part IN (0, 1))
);
CREATE INDEX decision_declarations_by_decision ON decision_declarations(decision_id, position);
CREATE TRIGGER decision_declarations_are_never_edited BEFORE UPDATE ON decision_declarations
BEGIN
    SELECT RAISE(ABORT, 'the decision log is append-only: record a correction instead');
END;
CREATE TRIGGER decision_declarations_are_never_deleted BEFORE DELETE ON decision_declarations
BEGIN
    SELECT RAISE(ABORT, 'the decision log is append-only');
END;

-- Online proposals between meetings: opened by a chair with a closing time; at close the outcome is
-- computed by the group's method and quorum and recorded as a decision.
CREATE TABLE proposals (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    title TEXT NOT NULL CHECK (title <> ''),
    question TEXT NOT NULL CHECK (question <> ''),
    method TEXT NOT NULL CHECK (method IN ('majority_vote', 'consensus', 'consent')),
    terms_version INTEGER,
    closes_at TEXT NOT NULL,
    opened_by INTEGER NOT NULL REFERENCES users(id),
    opened_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'withdrawn')),
    ended_at TEXT,
    decision_id INTEGER REFERENCES decisions(id),
    CHECK ((status = 'closed') = (decision_id IS NOT NULL)),
    CHECK ((status = 'open') = (ended_at IS NULL))
);
CREATE INDEX proposals_by_group ON proposals(group_id, status, closes_at);

-- One response per person; they may change it until the proposal closes.
CREATE TABLE proposal_responses (
    proposal_id INTEGER NOT NULL REFERENCES proposals(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    response TEXT NOT NULL CHECK (response IN ('for', 'against', 'abstain', 'consent', 'object', 'agree', 'cannot_agree')),
    reason TEXT NOT NULL DEFAULT '',
    responded_at TEXT NOT NULL,
    PRIMARY KEY (proposal_id, user_id)
);
