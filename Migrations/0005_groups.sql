-- Groups: the leaders group, the co-production working group, the VCSE alliance, advisory and task groups.
-- required_seats is a JSON array of the representation the group must have (the composition check).
CREATE TABLE groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('leaders_group', 'coproduction_working_group', 'vcse_alliance', 'ebe_advisory_group', 'task_and_finish_group')),
    purpose TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('forming', 'active', 'closed')),
    visibility TEXT NOT NULL CHECK (visibility IN ('private', 'published')),
    required_seats TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
