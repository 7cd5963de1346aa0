-- Decisions, action-plan items and meeting actions name the roadmap deliverables they affect, and a status change
-- can cite the decision that made it (issue 19). Action-plan items already keep theirs (action_plan_deliverables);
-- the deliverable page now reads them from the other side, so they get an index on the deliverable.

-- A decision's deliverables belong to the decision, not to one revision: decision_id is its first revision (the id
-- its corrections keep as original_decision_id), so a correction keeps what the decision affects.
CREATE TABLE decision_deliverables (
    decision_id INTEGER NOT NULL REFERENCES decisions(id),
    deliverable_id INTEGER NOT NULL REFERENCES deliverables(id),
    linked_at TEXT NOT NULL,
    linked_by INTEGER REFERENCES users(id),
    PRIMARY KEY (decision_id, deliverable_id)
);
CREATE INDEX decision_deliverables_by_deliverable ON decision_deliverables(deliverable_id);

CREATE TABLE action_deliverables (
    action_id INTEGER NOT NULL REFERENCES actions(id),
    deliverable_id INTEGER NOT NULL REFERENCES deliverables(id),
    linked_at TEXT NOT NULL,
    PRIMARY KEY (action_id, deliverable_id)
);
CREATE INDEX action_deliverables_by_deliverable ON action_deliverables(deliverable_id);

CREATE INDEX action_plan_deliverables_by_deliverable ON action_plan_deliverables(deliverable_id);

-- The decision (its first revision) a status change cites; NULL when it cites none.
ALTER TABLE roadmap_changes ADD COLUMN decision_id INTEGER REFERENCES decisions(id);
