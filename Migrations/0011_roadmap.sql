-- The roadmap (issue 4): deliverables by workstream, their text, success markers, local status, owner,
-- target date and involvement of experts by experience, the "relies upon" links between them, and every
-- change kept so the page can show a deliverable's history and "what changed since" a date.

CREATE TABLE roadmap_workstreams (
    key TEXT PRIMARY KEY CHECK (key <> ''),
    name TEXT NOT NULL CHECK (name <> ''),
    position INTEGER NOT NULL
);

CREATE TABLE deliverables (
    id INTEGER PRIMARY KEY,
    -- The key in the national roadmap data for deliverables loaded from it; NULL for local ones.
    national_key TEXT UNIQUE,
    title TEXT NOT NULL CHECK (title <> ''),
    workstream TEXT NOT NULL REFERENCES roadmap_workstreams(key),
    summary TEXT NOT NULL DEFAULT '',
    -- False for a deliverable that relies-upon lines name but the national grid does not show.
    in_grid INTEGER NOT NULL DEFAULT 1 CHECK (in_grid IN (0, 1)),
    status TEXT NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started', 'planning', 'in_progress', 'at_risk', 'in_place')),
    owner_user_id INTEGER REFERENCES users(id),
    owner_group_id INTEGER REFERENCES groups(id),
    target_on TEXT,
    -- The ladder of co-production; NULL when nobody has said.
    involvement TEXT CHECK (involvement IN ('inform', 'consult', 'co_design', 'co_produce')),
    retired_at TEXT,
    -- Rises with every edit, so two people editing at once cannot overwrite each other.
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (owner_user_id IS NULL OR owner_group_id IS NULL)
);
CREATE INDEX deliverables_by_workstream ON deliverables(workstream, id);

-- Getting-started steps, success markers, resources and service-user voice, each with the slide it came from.
-- Success markers carry their own status and evidence.
CREATE TABLE deliverable_items (
    id INTEGER PRIMARY KEY,
    deliverable_id INTEGER NOT NULL REFERENCES deliverables(id),
    kind TEXT NOT NULL CHECK (kind IN ('getting_started', 'success_marker', 'resource', 'service_user_voice')),
    position INTEGER NOT NULL,
    text TEXT NOT NULL CHECK (text <> ''),
    source TEXT NOT NULL DEFAULT '',
    marker_status TEXT CHECK (marker_status IN ('not_met', 'partly_met', 'met')),
    evidence TEXT NOT NULL DEFAULT '',
    CHECK ((kind = 'success_marker') = (marker_status IS NOT NULL))
);
CREATE INDEX deliverable_items_by_deliverable ON deliverable_items(deliverable_id, kind, position);

-- deliverable_id relies upon relies_on_id. A removed link keeps its row (removed_at set), so loading the
-- national roadmap again never brings back a link someone removed on purpose.
CREATE TABLE deliverable_links (
    deliverable_id INTEGER NOT NULL REFERENCES deliverables(id),
    relies_on_id INTEGER NOT NULL REFERENCES deliverables(id),
    created_at TEXT NOT NULL,
    removed_at TEXT,
    PRIMARY KEY (deliverable_id, relies_on_id),
    CHECK (deliverable_id <> relies_on_id)
);
CREATE INDEX deliverable_links_by_target ON deliverable_links(relies_on_id);

-- Every change to a deliverable, with who, when and a note: its history, "what changed since", and the
-- progress chart (status at the end of each month).
CREATE TABLE roadmap_changes (
    id INTEGER PRIMARY KEY,
    deliverable_id INTEGER NOT NULL REFERENCES deliverables(id),
    kind TEXT NOT NULL CHECK (kind IN ('added', 'edited', 'status', 'owner', 'target', 'involvement', 'marker',
                                       'link_added', 'link_removed', 'retired', 'restored')),
    from_value TEXT NOT NULL DEFAULT '',
    to_value TEXT NOT NULL DEFAULT '',
    -- For link changes, the other deliverable.
    other_deliverable_id INTEGER REFERENCES deliverables(id),
    note TEXT NOT NULL DEFAULT '',
    user_id INTEGER REFERENCES users(id),
    at TEXT NOT NULL
);
CREATE INDEX roadmap_changes_by_deliverable ON roadmap_changes(deliverable_id, at);
CREATE INDEX roadmap_changes_by_time ON roadmap_changes(at);

-- Whether roadmap progress is readable without signing in.
CREATE TABLE roadmap_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    updated_at TEXT
);
INSERT INTO roadmap_settings (id, published) VALUES (1, 0);
