-- Meetings: the planned series per group (the "road map of meetings"), their agenda, papers, attendance,
-- declarations of interest per agenda item, minutes and actions. Times are stored in UTC and shown in
-- Europe/London.
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose <> ''),
    kind TEXT NOT NULL DEFAULT 'meeting' CHECK (kind IN ('meeting', 'workshop')),
    format TEXT NOT NULL CHECK (format IN ('in_person', 'video', 'hybrid')),
    address TEXT NOT NULL DEFAULT '',
    joining_details TEXT NOT NULL DEFAULT '',
    -- JSON array of access arrangements: step_free, hearing_loop, interpreter, easy_read, large_print.
    access_arrangements TEXT NOT NULL DEFAULT '[]',
    access_notes TEXT NOT NULL DEFAULT '',
    papers TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
    visibility TEXT NOT NULL CHECK (visibility IN ('private', 'published')),
    -- iCalendar: a stable UID and a SEQUENCE that rises with each change, so calendars update in place.
    calendar_uid TEXT NOT NULL UNIQUE,
    calendar_sequence INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX meetings_by_group ON meetings(group_id, starts_at);

CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL CHECK (title <> ''),
    description TEXT NOT NULL DEFAULT '',
    -- A paper as text, or a link to one.
    paper TEXT NOT NULL DEFAULT '',
    minutes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX agenda_items_by_meeting ON agenda_items(meeting_id, position);

-- Who was there. A deputy attends for someone (deputy_user_id is the person who came in their place).
CREATE TABLE attendance (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    status TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'deputy', 'absent')),
    deputy_user_id INTEGER REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, user_id),
    CHECK ((status = 'deputy') = (deputy_user_id IS NOT NULL))
);

-- Declarations of interest, made per agenda item at the meeting.
CREATE TABLE agenda_declarations (
    id INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    interest TEXT NOT NULL CHECK (interest <> ''),
    took_part INTEGER NOT NULL CHECK (took_part IN (0, 1)),
    created_at TEXT NOT NULL
);
CREATE INDEX agenda_declarations_by_item ON agenda_declarations(agenda_item_id);

-- Actions carry over from meeting to meeting until they are done (or dropped).
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    meeting_id INTEGER REFERENCES meetings(id),
    agenda_item_id INTEGER REFERENCES agenda_items(id),
    what TEXT NOT NULL CHECK (what <> ''),
    owner_user_id INTEGER NOT NULL REFERENCES users(id),
    due_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX actions_by_group ON actions(group_id, status, due_on);
CREATE INDEX actions_by_owner ON actions(owner_user_id, status, due_on);

-- A person's private calendar feed: calendar apps cannot sign in, so the feed URL carries a secret.
-- Only its SHA-256 is kept; making a new one stops the old address working.
CREATE TABLE calendar_feeds (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    token_hash BLOB NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

-- Terms of reference versions can be published on their own (readable without signing in).
ALTER TABLE terms_of_reference ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'published'));
