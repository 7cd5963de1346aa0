-- Issue 18: the public front door. The partnership's name and purpose, shown signed out at "/", set by an
-- administrator; one row, empty until then.
CREATE TABLE front_door_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    partnership_name TEXT NOT NULL DEFAULT '' CHECK (length(partnership_name) <= 200),
    purpose TEXT NOT NULL DEFAULT '' CHECK (length(purpose) <= 2000),
    updated_at TEXT NOT NULL
);
INSERT INTO front_door_settings (id, updated_at) VALUES (1, CURRENT_TIMESTAMP);

-- A member agrees to be named publicly with their lived-experience seat ("Expert by experience", "Carer") on the
-- group's public page. Off by default; only the member sets it.
ALTER TABLE memberships ADD COLUMN named_publicly INTEGER NOT NULL DEFAULT 0 CHECK (named_publicly IN (0, 1));
