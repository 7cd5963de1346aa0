-- Dedicated focus areas (issue 19). 001, footnote 6: "Systems should have commenced work on 2 of 3 dedicated focus
-- areas". A partnership says which focus workstreams it has started; one not started is left out of the roadmap's
-- counts and analysis until it is. Every workstream counts as started until someone says otherwise.
ALTER TABLE roadmap_workstreams ADD COLUMN started INTEGER NOT NULL DEFAULT 1 CHECK (started IN (0, 1));
