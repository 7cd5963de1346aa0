-- Co-production work (issue 7; 003 step 2): the co-production action plan (what, how, who, when), insights
-- gathered from communities and staff, "you said, we did" answers to them, and the communities whose answers
-- are published. Workshops are meetings of kind 'workshop' (0009); their outputs point back to them.
-- Days are ISO text ("2026-03-03") in Europe/London; instants are UTC.

CREATE TABLE action_plan_items (
    id INTEGER PRIMARY KEY,
    what TEXT NOT NULL CHECK (what <> ''),
    how TEXT NOT NULL DEFAULT '',
    -- Who is doing it: people, a group or an organisation, in words.
    who TEXT NOT NULL DEFAULT '',
    -- When: the day it is due, if there is one.
    due_on TEXT,
    status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'done', 'stopped')),
    group_id INTEGER REFERENCES groups(id),
    -- The workshop it came out of, if any.
    meeting_id INTEGER REFERENCES meetings(id),
    notes TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users(id),
    -- Rises with every save, so a save made from an older version is refused rather than lost.
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX action_plan_items_by_status ON action_plan_items(status, due_on);
CREATE INDEX action_plan_items_by_meeting ON action_plan_items(meeting_id);

CREATE TABLE action_plan_deliverables (
    item_id INTEGER NOT NULL REFERENCES action_plan_items(id) ON DELETE CASCADE,
    deliverable_id INTEGER NOT NULL REFERENCES deliverables(id),
    PRIMARY KEY (item_id, deliverable_id)
);

-- What was heard. Never a person's name: source_detail says which group, team or setting.
CREATE TABLE insights (
    id INTEGER PRIMARY KEY,
    -- What was heard, in the recorder's words.
    heard TEXT NOT NULL CHECK (heard <> ''),
    -- Someone's own words, kept only inside the workspace unless quote_consent is 1.
    quote TEXT NOT NULL DEFAULT '',
    quote_consent INTEGER NOT NULL DEFAULT 0 CHECK (quote_consent IN (0, 1)),
    source_kind TEXT NOT NULL CHECK (source_kind IN ('community_group', 'staff', 'peer_support_workers', 'individual')),
    source_detail TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    heard_on TEXT NOT NULL,
    group_id INTEGER REFERENCES groups(id),
    -- The workshop it was heard at, if any.
    meeting_id INTEGER REFERENCES meetings(id),
    recorded_by INTEGER REFERENCES users(id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (quote_consent = 0 OR quote <> '')
);
CREATE INDEX insights_by_day ON insights(heard_on, id);
CREATE INDEX insights_by_meeting ON insights(meeting_id);

CREATE TABLE insight_communities (
    insight_id INTEGER NOT NULL REFERENCES insights(id) ON DELETE CASCADE,
    community_id INTEGER NOT NULL REFERENCES communities(id),
    PRIMARY KEY (insight_id, community_id)
);
CREATE INDEX insight_communities_by_community ON insight_communities(community_id);

-- Themes are tags: lower case, trimmed, unique per insight.
CREATE TABLE insight_themes (
    insight_id INTEGER NOT NULL REFERENCES insights(id) ON DELETE CASCADE,
    theme TEXT NOT NULL CHECK (theme <> ''),
    PRIMARY KEY (insight_id, theme)
);
CREATE INDEX insight_themes_by_theme ON insight_themes(theme);

-- What an insight informed.
CREATE TABLE insight_deliverables (
    insight_id INTEGER NOT NULL REFERENCES insights(id) ON DELETE CASCADE,
    deliverable_id INTEGER NOT NULL REFERENCES deliverables(id),
    PRIMARY KEY (insight_id, deliverable_id)
);
CREATE TABLE insight_decisions (
    insight_id INTEGER NOT NULL REFERENCES insights(id) ON DELETE CASCADE,
    decision_id INTEGER NOT NULL REFERENCES decisions(id),
    PRIMARY KEY (insight_id, decision_id)
);
CREATE TABLE insight_plan_items (
    insight_id INTEGER NOT NULL REFERENCES insights(id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES action_plan_items(id),
    PRIMARY KEY (insight_id, item_id)
);
CREATE INDEX insight_plan_items_by_item ON insight_plan_items(item_id);

-- "You said, we did": the answer to an insight, in plain language, for the communities it came from.
CREATE TABLE insight_responses (
    insight_id INTEGER PRIMARY KEY REFERENCES insights(id) ON DELETE CASCADE,
    outcome TEXT NOT NULL CHECK (outcome IN ('changed', 'changing', 'not_changed')),
    -- What changed, or why not.
    answer TEXT NOT NULL CHECK (answer <> ''),
    responded_by INTEGER REFERENCES users(id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- A community's "you said, we did" page is readable without signing in while a row is here.
CREATE TABLE community_feedback_pages (
    community_id INTEGER PRIMARY KEY REFERENCES communities(id),
    published_at TEXT NOT NULL,
    published_by INTEGER REFERENCES users(id)
);
