-- Issue 18: the partnership's own crisis line, shown beside the national lines on every public page. One row;
-- empty until an administrator sets it.
CREATE TABLE urgent_help_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    line_name TEXT NOT NULL DEFAULT '' CHECK (length(line_name) <= 200),
    line_phone TEXT NOT NULL DEFAULT '' CHECK (length(line_phone) <= 40),
    line_hours TEXT NOT NULL DEFAULT '' CHECK (length(line_hours) <= 200),
    updated_at TEXT NOT NULL
);
INSERT INTO urgent_help_settings (id, updated_at) VALUES (1, CURRENT_TIMESTAMP);
