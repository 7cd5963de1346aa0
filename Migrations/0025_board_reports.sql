-- The board report (issue 19): what the leaders group reports to the ICB board for a period. Issuing a report keeps its
-- figures exactly as they were worked out then (`data_json`, the report's own JSON), so later changes to the records
-- never alter an issued report. Only publishing changes a row afterwards; reports are never deleted.
CREATE TABLE board_reports (
    id INTEGER PRIMARY KEY,
    period_starts_on TEXT NOT NULL CHECK (period_starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    period_ends_on TEXT NOT NULL CHECK (period_ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    data_json TEXT NOT NULL CHECK (json_valid(data_json)),
    issued_at TEXT NOT NULL,
    issued_by INTEGER NOT NULL REFERENCES users(id),
    published_at TEXT,
    published_by INTEGER REFERENCES users(id),
    CHECK (period_ends_on >= period_starts_on)
);

CREATE INDEX board_reports_by_issue ON board_reports (issued_at DESC, id DESC);

CREATE TRIGGER board_reports_are_frozen BEFORE UPDATE OF
    id, period_starts_on, period_ends_on, data_json, issued_at, issued_by
ON board_reports
BEGIN
    SELECT RAISE(ABORT, 'an issued board report is frozen');
END;

CREATE TRIGGER board_reports_are_never_deleted BEFORE DELETE ON board_reports
BEGIN
    SELECT RAISE(ABORT, 'issued board reports are never deleted');
END;
