-- Stored dates in one form (issue 15). Every date column holds a London day as exactly YYYY-MM-DD, so string
-- comparisons (BETWEEN, <, ORDER BY) order days correctly. Before input was read strictly, loose forms such as
-- "2026-1-5", "2026-+12-31" or " 2026-03-03 " could be stored. This repairs each one that is recognisably a date
-- into its canonical form and records every value it finds in date_repairs, repaired or not, so an administrator
-- can see what changed and what still needs a person (`alongside migrate` prints what a run recorded).
--
-- Append-only records are never rewritten, even here: loose dates in the decision log (decisions) and the funding
-- records (alliance_funding_received, alliance_allocations), whose triggers refuse such updates, are recorded with
-- no repaired value. So is a value whose repair would break a unique rule or an end-after-start check.

CREATE TABLE date_repairs (
    id INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    column_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    stored_value TEXT NOT NULL,
    -- NULL when the value could not be repaired and is left as it was.
    repaired_value TEXT,
    found_at TEXT NOT NULL
);

-- Every stored value not already a real date written exactly YYYY-MM-DD (year 1000 to 9999; see "+0 days" below), with the pieces of a
-- repair: the value trimmed, then split at its first two hyphens.
CREATE TEMP TABLE loose_dates (
    table_name TEXT NOT NULL,
    column_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    stored_value TEXT NOT NULL,
    trimmed TEXT,
    year_part TEXT,
    rest TEXT,
    month_part TEXT,
    day_part TEXT,
    repaired_value TEXT
);

INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'memberships', 'starts_on', rowid, starts_on FROM memberships
    WHERE starts_on IS NOT NULL AND NOT (starts_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(starts_on, '+0 days') IS starts_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'memberships', 'ends_on', rowid, ends_on FROM memberships
    WHERE ends_on IS NOT NULL AND NOT (ends_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(ends_on, '+0 days') IS ends_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'terms_of_reference', 'review_on', rowid, review_on FROM terms_of_reference
    WHERE review_on IS NOT NULL AND NOT (review_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(review_on, '+0 days') IS review_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'decisions', 'review_on', rowid, review_on FROM decisions
    WHERE review_on IS NOT NULL AND NOT (review_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(review_on, '+0 days') IS review_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'actions', 'due_on', rowid, due_on FROM actions
    WHERE due_on IS NOT NULL AND NOT (due_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(due_on, '+0 days') IS due_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'deliverables', 'target_on', rowid, target_on FROM deliverables
    WHERE target_on IS NOT NULL AND NOT (target_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(target_on, '+0 days') IS target_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'involvement_adverts', 'closes_on', rowid, closes_on FROM involvement_adverts
    WHERE closes_on IS NOT NULL AND NOT (closes_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(closes_on, '+0 days') IS closes_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'involvement_appointments', 'starts_on', rowid, starts_on FROM involvement_appointments
    WHERE starts_on IS NOT NULL AND NOT (starts_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(starts_on, '+0 days') IS starts_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'involvement_appointments', 'ends_on', rowid, ends_on FROM involvement_appointments
    WHERE ends_on IS NOT NULL AND NOT (ends_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(ends_on, '+0 days') IS ends_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'payment_policies', 'effective_from', rowid, effective_from FROM payment_policies
    WHERE effective_from IS NOT NULL AND NOT (effective_from GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(effective_from, '+0 days') IS effective_from);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'earnings_limits', 'effective_from', rowid, effective_from FROM earnings_limits
    WHERE effective_from IS NOT NULL AND NOT (effective_from GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(effective_from, '+0 days') IS effective_from);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'claims', 'activity_on', rowid, activity_on FROM claims
    WHERE activity_on IS NOT NULL AND NOT (activity_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(activity_on, '+0 days') IS activity_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'claims', 'paid_on', rowid, paid_on FROM claims
    WHERE paid_on IS NOT NULL AND NOT (paid_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(paid_on, '+0 days') IS paid_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'alliance_members', 'status_since', rowid, status_since FROM alliance_members
    WHERE status_since IS NOT NULL AND NOT (status_since GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(status_since, '+0 days') IS status_since);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'alliance_members', 'principles_agreed_on', rowid, principles_agreed_on FROM alliance_members
    WHERE principles_agreed_on IS NOT NULL AND NOT (principles_agreed_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(principles_agreed_on, '+0 days') IS principles_agreed_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'alliance_members', 'terms_agreed_on', rowid, terms_agreed_on FROM alliance_members
    WHERE terms_agreed_on IS NOT NULL AND NOT (terms_agreed_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(terms_agreed_on, '+0 days') IS terms_agreed_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'alliance_member_history', 'on_day', rowid, on_day FROM alliance_member_history
    WHERE on_day IS NOT NULL AND NOT (on_day GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(on_day, '+0 days') IS on_day);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'alliance_accountable_bodies', 'starts_on', rowid, starts_on FROM alliance_accountable_bodies
    WHERE starts_on IS NOT NULL AND NOT (starts_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(starts_on, '+0 days') IS starts_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'alliance_accountable_bodies', 'ends_on', rowid, ends_on FROM alliance_accountable_bodies
    WHERE ends_on IS NOT NULL AND NOT (ends_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(ends_on, '+0 days') IS ends_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'alliance_funding_received', 'period_starts_on', rowid, period_starts_on FROM alliance_funding_received
    WHERE period_starts_on IS NOT NULL AND NOT (period_starts_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(period_starts_on, '+0 days') IS period_starts_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'alliance_funding_received', 'period_ends_on', rowid, period_ends_on FROM alliance_funding_received
    WHERE period_ends_on IS NOT NULL AND NOT (period_ends_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(period_ends_on, '+0 days') IS period_ends_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'alliance_allocations', 'period_starts_on', rowid, period_starts_on FROM alliance_allocations
    WHERE period_starts_on IS NOT NULL AND NOT (period_starts_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(period_starts_on, '+0 days') IS period_starts_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'alliance_allocations', 'period_ends_on', rowid, period_ends_on FROM alliance_allocations
    WHERE period_ends_on IS NOT NULL AND NOT (period_ends_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(period_ends_on, '+0 days') IS period_ends_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'action_plan_items', 'due_on', rowid, due_on FROM action_plan_items
    WHERE due_on IS NOT NULL AND NOT (due_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(due_on, '+0 days') IS due_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'insights', 'heard_on', rowid, heard_on FROM insights
    WHERE heard_on IS NOT NULL AND NOT (heard_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(heard_on, '+0 days') IS heard_on);
INSERT INTO loose_dates (table_name, column_name, row_id, stored_value)
    SELECT 'assets', 'last_checked_on', rowid, last_checked_on FROM assets
    WHERE last_checked_on IS NOT NULL AND NOT (last_checked_on GLOB '[1-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(last_checked_on, '+0 days') IS last_checked_on);

UPDATE loose_dates SET trimmed = trim(stored_value, ' ' || char(9, 10, 13));
UPDATE loose_dates SET year_part = substr(trimmed, 1, instr(trimmed, '-') - 1), rest = substr(trimmed, instr(trimmed, '-') + 1)
    WHERE instr(trimmed, '-') > 1;
UPDATE loose_dates SET month_part = substr(rest, 1, instr(rest, '-') - 1), day_part = substr(rest, instr(rest, '-') + 1)
    WHERE instr(rest, '-') > 1;
-- Each piece: one to four digits, perhaps after a single "+"; the year from 1000 to 9999. Then the candidate is kept only
-- when SQLite reads it back as the same day. "+0 days" makes SQLite work the day out: date('2026-02-30') alone gives the
-- text back unchanged, while date('2026-02-30', '+0 days') gives 2026-03-02, so an impossible day is never kept.
UPDATE loose_dates SET repaired_value = printf('%04d-%02d-%02d',
        CAST(ltrim(year_part, '+') AS INTEGER), CAST(ltrim(month_part, '+') AS INTEGER), CAST(ltrim(day_part, '+') AS INTEGER))
    WHERE day_part IS NOT NULL
        AND length(ltrim(year_part, '+')) BETWEEN 1 AND 4 AND ltrim(year_part, '+') NOT GLOB '*[^0-9]*'
        AND length(year_part) - length(ltrim(year_part, '+')) <= 1
        AND length(ltrim(month_part, '+')) BETWEEN 1 AND 4 AND ltrim(month_part, '+') NOT GLOB '*[^0-9]*'
        AND length(month_part) - length(ltrim(month_part, '+')) <= 1
        AND length(ltrim(day_part, '+')) BETWEEN 1 AND 4 AND ltrim(day_part, '+') NOT GLOB '*[^0-9]*'
        AND length(day_part) - length(ltrim(day_part, '+')) <= 1
        AND CAST(ltrim(year_part, '+') AS INTEGER) BETWEEN 1000 AND 9999;
UPDATE loose_dates SET repaired_value = NULL WHERE repaired_value IS NOT NULL AND date(repaired_value, '+0 days') IS NOT repaired_value;

-- Append-only records: recorded, never rewritten.
UPDATE loose_dates SET repaired_value = NULL WHERE table_name IN ('decisions', 'alliance_funding_received', 'alliance_allocations');

-- A repair that would give two policies, or two limits of the same period, the same start is left for a person.
UPDATE loose_dates SET repaired_value = NULL
    WHERE table_name = 'payment_policies' AND repaired_value IS NOT NULL
      AND (EXISTS (SELECT 1 FROM payment_policies p WHERE p.effective_from = loose_dates.repaired_value)
           OR EXISTS (SELECT 1 FROM loose_dates o WHERE o.table_name = 'payment_policies' AND o.repaired_value = loose_dates.repaired_value
                      AND o.row_id < loose_dates.row_id));
UPDATE loose_dates SET repaired_value = NULL
    WHERE table_name = 'earnings_limits' AND repaired_value IS NOT NULL
      AND (EXISTS (SELECT 1 FROM earnings_limits l JOIN earnings_limits self ON self.rowid = loose_dates.row_id
                   WHERE l.period = self.period AND l.effective_from = loose_dates.repaired_value)
           OR EXISTS (SELECT 1 FROM loose_dates o JOIN earnings_limits a ON a.rowid = o.row_id JOIN earnings_limits b ON b.rowid = loose_dates.row_id
                      WHERE o.table_name = 'earnings_limits' AND o.repaired_value = loose_dates.repaired_value AND a.period = b.period
                      AND o.row_id < loose_dates.row_id));

-- Where an end must follow a start, a row whose repaired days would break that keeps both days as they were.
UPDATE loose_dates SET repaired_value = NULL
    WHERE table_name = 'memberships' AND row_id IN (
        SELECT rowid FROM memberships WHERE ends_on IS NOT NULL AND NOT (coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'memberships' AND d.column_name = 'ends_on' AND d.row_id = memberships.rowid), ends_on) >= coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'memberships' AND d.column_name = 'starts_on' AND d.row_id = memberships.rowid), starts_on)));
UPDATE loose_dates SET repaired_value = NULL
    WHERE table_name = 'involvement_appointments' AND row_id IN (
        SELECT rowid FROM involvement_appointments WHERE ends_on IS NOT NULL AND NOT (coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'involvement_appointments' AND d.column_name = 'ends_on' AND d.row_id = involvement_appointments.rowid), ends_on) > coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'involvement_appointments' AND d.column_name = 'starts_on' AND d.row_id = involvement_appointments.rowid), starts_on)));
UPDATE loose_dates SET repaired_value = NULL
    WHERE table_name = 'alliance_accountable_bodies' AND row_id IN (
        SELECT rowid FROM alliance_accountable_bodies WHERE ends_on IS NOT NULL AND NOT (coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'alliance_accountable_bodies' AND d.column_name = 'ends_on' AND d.row_id = alliance_accountable_bodies.rowid), ends_on) >= coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'alliance_accountable_bodies' AND d.column_name = 'starts_on' AND d.row_id = alliance_accountable_bodies.rowid), starts_on)));

-- The repairs, one statement per table so a row's days change together.
UPDATE memberships SET
    starts_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'memberships' AND d.column_name = 'starts_on' AND d.row_id = memberships.rowid), starts_on),
    ends_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'memberships' AND d.column_name = 'ends_on' AND d.row_id = memberships.rowid), ends_on)
    WHERE rowid IN (SELECT row_id FROM loose_dates WHERE table_name = 'memberships' AND repaired_value IS NOT NULL);
UPDATE terms_of_reference SET
    review_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'terms_of_reference' AND d.column_name = 'review_on' AND d.row_id = terms_of_reference.rowid), review_on)
    WHERE rowid IN (SELECT row_id FROM loose_dates WHERE table_name = 'terms_of_reference' AND repaired_value IS NOT NULL);
UPDATE actions SET
    due_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'actions' AND d.column_name = 'due_on' AND d.row_id = actions.rowid), due_on)
    WHERE rowid IN (SELECT row_id FROM loose_dates WHERE table_name = 'actions' AND repaired_value IS NOT NULL);
UPDATE deliverables SET
    target_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'deliverables' AND d.column_name = 'target_on' AND d.row_id = deliverables.rowid), target_on)
    WHERE rowid IN (SELECT row_id FROM loose_dates WHERE table_name = 'deliverables' AND repaired_value IS NOT NULL);
UPDATE involvement_adverts SET
    closes_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'involvement_adverts' AND d.column_name = 'closes_on' AND d.row_id = involvement_adverts.rowid), closes_on)
    WHERE rowid IN (SELECT row_id FROM loose_dates WHERE table_name = 'involvement_adverts' AND repaired_value IS NOT NULL);
UPDATE involvement_appointments SET
    starts_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'involvement_appointments' AND d.column_name = 'starts_on' AND d.row_id = involvement_appointments.rowid), starts_on),
    ends_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'involvement_appointments' AND d.column_name = 'ends_on' AND d.row_id = involvement_appointments.rowid), ends_on)
    WHERE rowid IN (SELECT row_id FROM loose_dates WHERE table_name = 'involvement_appointments' AND repaired_value IS NOT NULL);
UPDATE payment_policies SET
    effective_from = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'payment_policies' AND d.column_name = 'effective_from' AND d.row_id = payment_policies.rowid), effective_from)
    WHERE rowid IN (SELECT row_id FROM loose_dates WHERE table_name = 'payment_policies' AND repaired_value IS NOT NULL);
UPDATE earnings_limits SET
    effective_from = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'earnings_limits' AND d.column_name = 'effective_from' AND d.row_id = earnings_limits.rowid), effective_from)
    WHERE rowid IN (SELECT row_id FROM loose_dates WHERE table_name = 'earnings_limits' AND repaired_value IS NOT NULL);
UPDATE claims SET
    activity_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'claims' AND d.column_name = 'activity_on' AND d.row_id = claims.rowid), activity_on),
    paid_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'claims' AND d.column_name = 'paid_on' AND d.row_id = claims.rowid), paid_on)
    WHERE rowid IN (SELECT row_id FROM loose_dates WHERE table_name = 'claims' AND repaired_value IS NOT NULL);
UPDATE alliance_members SET
    status_since = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'alliance_members' AND d.column_name = 'status_since' AND d.row_id = alliance_members.rowid), status_since),
    principles_agreed_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'alliance_members' AND d.column_name = 'principles_agreed_on' AND d.row_id = alliance_members.rowid), principles_agreed_on),
    terms_agreed_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'alliance_members' AND d.column_name = 'terms_agreed_on' AND d.row_id = alliance_members.rowid), terms_agreed_on)
    WHERE rowid IN (SELECT row_id FROM loose_dates WHERE table_name = 'alliance_members' AND repaired_value IS NOT NULL);
UPDATE alliance_member_history SET
    on_day = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'alliance_member_history' AND d.column_name = 'on_day' AND d.row_id = alliance_member_history.rowid), on_day)
    WHERE rowid IN (SELECT row_id FROM loose_dates WHERE table_name = 'alliance_member_history' AND repaired_value IS NOT NULL);
UPDATE alliance_accountable_bodies SET
    starts_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'alliance_accountable_bodies' AND d.column_name = 'starts_on' AND d.row_id = alliance_accountable_bodies.rowid), starts_on),
    ends_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'alliance_accountable_bodies' AND d.column_name = 'ends_on' AND d.row_id = alliance_accountable_bodies.rowid), ends_on)
    WHERE rowid IN (SELECT row_id FROM loose_dates WHERE table_name = 'alliance_accountable_bodies' AND repaired_value IS NOT NULL);
UPDATE action_plan_items SET
    due_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'action_plan_items' AND d.column_name = 'due_on' AND d.row_id = action_plan_items.rowid), due_on)
    WHERE rowid IN (SELECT row_id FROM loose_dates WHERE table_name = 'action_plan_items' AND repaired_value IS NOT NULL);
UPDATE insights SET
    heard_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'insights' AND d.column_name = 'heard_on' AND d.row_id = insights.rowid), heard_on)
    WHERE rowid IN (SELECT row_id FROM loose_dates WHERE table_name = 'insights' AND repaired_value IS NOT NULL);
UPDATE assets SET
    last_checked_on = coalesce((SELECT repaired_value FROM loose_dates d WHERE d.table_name = 'assets' AND d.column_name = 'last_checked_on' AND d.row_id = assets.rowid), last_checked_on)
    WHERE rowid IN (SELECT row_id FROM loose_dates WHERE table_name = 'assets' AND repaired_value IS NOT NULL);

INSERT INTO date_repairs (table_name, column_name, row_id, stored_value, repaired_value, found_at)
    SELECT table_name, column_name, row_id, stored_value, repaired_value, strftime('%Y-%m-%d %H:%M:%f', 'now')
    FROM loose_dates ORDER BY table_name, column_name, row_id;

DROP TABLE loose_dates;
