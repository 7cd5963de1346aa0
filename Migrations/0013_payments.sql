-- Paying experts by experience (issue 5; 003 tips and Appendix 1): the effective-dated payment policy, the
-- earnings limits the workspace keeps, each person's private payment preferences, who approves claims and who
-- records payments, and claims with their expenses and every step they went through.
-- Money is whole pence. No bank details are stored: the finance system holds them.

CREATE TABLE payment_policies (
    id INTEGER PRIMARY KEY,
    effective_from TEXT NOT NULL UNIQUE,
    half_day_pence INTEGER NOT NULL CHECK (half_day_pence >= 0),
    whole_day_pence INTEGER NOT NULL CHECK (whole_day_pence >= 0),
    half_day_minutes INTEGER NOT NULL CHECK (half_day_minutes > 0),
    whole_day_minutes INTEGER NOT NULL CHECK (whole_day_minutes > 0),
    mileage_pence_per_mile INTEGER NOT NULL CHECK (mileage_pence_per_mile >= 0),
    travel_limit_pence INTEGER CHECK (travel_limit_pence > 0),
    care_limit_pence INTEGER CHECK (care_limit_pence > 0),
    subsistence_limit_pence INTEGER CHECK (subsistence_limit_pence > 0),
    other_limit_pence INTEGER CHECK (other_limit_pence > 0),
    note TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
);

-- The rates 003 Appendix 1 suggests: £50 for up to half a day and £100 for a whole day of agreed activity.
INSERT INTO payment_policies
    (effective_from, half_day_pence, whole_day_pence, half_day_minutes, whole_day_minutes, mileage_pence_per_mile,
     travel_limit_pence, care_limit_pence, subsistence_limit_pence, other_limit_pence, note, created_at)
VALUES ('2000-01-01', 5000, 10000, 240, 450, 45, NULL, NULL, 1500, NULL,
        'The starting policy: the rates suggested in the Thinking differently guide.', CURRENT_TIMESTAMP);

CREATE TABLE earnings_limits (
    id INTEGER PRIMARY KEY,
    period TEXT NOT NULL CHECK (period IN ('week', 'month')),
    effective_from TEXT NOT NULL,
    name TEXT NOT NULL CHECK (name <> ''),
    amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
    hours_limit_minutes INTEGER CHECK (hours_limit_minutes > 0),
    note TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    UNIQUE (period, effective_from),
    CHECK (period = 'week' OR hours_limit_minutes IS NULL)
);

-- Figures for the 2025 to 2026 tax year; an administrator adds each April's figures.
INSERT INTO earnings_limits (period, effective_from, name, amount_pence, hours_limit_minutes, note, created_at)
VALUES ('week', '2025-04-06', 'Permitted work earnings limit', 19550, 960,
        'Some people on disability benefits may earn up to this a week, working under 16 hours.', CURRENT_TIMESTAMP),
       ('month', '2025-04-06', 'Universal Credit work allowance (lower)', 41100, NULL,
        'Earnings above this in an assessment period reduce Universal Credit for people who get help with housing costs.',
        CURRENT_TIMESTAMP);

-- Private to the person: which limit, if any, applies to them, and how they usually want to be paid.
CREATE TABLE payment_preferences (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    limit_period TEXT CHECK (limit_period IN ('week', 'month')),
    default_choice TEXT NOT NULL DEFAULT 'full' CHECK (default_choice IN ('full', 'lower', 'charity', 'vouchers', 'none')),
    default_lower_pence INTEGER CHECK (default_lower_pence > 0),
    default_charity TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

-- Named people who approve claims (besides programme managers) or record payments (besides administrators).
CREATE TABLE claim_duties (
    user_id INTEGER NOT NULL REFERENCES users(id),
    duty TEXT NOT NULL CHECK (duty IN ('approve', 'pay')),
    granted_by INTEGER REFERENCES users(id),
    granted_at TEXT NOT NULL,
    PRIMARY KEY (user_id, duty)
);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'paid')),
    activity TEXT NOT NULL CHECK (activity <> ''),
    group_id INTEGER REFERENCES groups(id),
    meeting_id INTEGER REFERENCES meetings(id),
    activity_on TEXT NOT NULL,
    length TEXT NOT NULL CHECK (length IN ('half', 'whole')),
    -- The policy in force on the activity's date and what it paid, fixed when the claim was last saved, so a
    -- later policy never changes a claim.
    policy_id INTEGER NOT NULL REFERENCES payment_policies(id),
    rate_pence INTEGER NOT NULL CHECK (rate_pence >= 0),
    minutes INTEGER NOT NULL CHECK (minutes > 0),
    choice TEXT NOT NULL CHECK (choice IN ('full', 'lower', 'charity', 'vouchers', 'none')),
    lower_pence INTEGER CHECK (lower_pence > 0),
    charity TEXT NOT NULL DEFAULT '',
    -- Rises with every change, so two approvers acting at once cannot both approve.
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    submitted_at TEXT,
    -- Whether the person was shown the earnings limit warning when they last sent it, so an approver is told truly.
    sent_with_warning INTEGER NOT NULL DEFAULT 0 CHECK (sent_with_warning IN (0, 1)),
    decided_by INTEGER REFERENCES users(id),
    decided_at TEXT,
    return_reason TEXT NOT NULL DEFAULT '',
    paid_on TEXT,
    paid_reference TEXT NOT NULL DEFAULT '',
    paid_by INTEGER REFERENCES users(id),
    CHECK (choice <> 'lower' OR lower_pence IS NOT NULL)
);
CREATE INDEX claims_by_person ON claims(user_id, activity_on);
CREATE INDEX claims_by_status ON claims(status, activity_on);

CREATE TABLE claim_expenses (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('travel', 'mileage', 'care', 'subsistence', 'other')),
    tenths_of_a_mile INTEGER CHECK (tenths_of_a_mile > 0),
    amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
    note TEXT NOT NULL DEFAULT '',
    receipt INTEGER NOT NULL DEFAULT 0 CHECK (receipt IN (0, 1)),
    CHECK (kind <> 'mileage' OR tenths_of_a_mile IS NOT NULL)
);
CREATE INDEX claim_expenses_by_claim ON claim_expenses(claim_id, position);

-- Every step a claim went through, in plain words for the person.
CREATE TABLE claim_events (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('created', 'changed', 'submitted', 'returned', 'approved', 'paid')),
    user_id INTEGER REFERENCES users(id),
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX claim_events_by_claim ON claim_events(claim_id, id);
