-- The public directory's word search (issue 16): a trigram index of each asset's own words, so a search reads the
-- assets that hold the words instead of every asset. Trigrams find a word inside another ("port" in "support"), as
-- the directory's rule does (AssetSearch); the store still checks each asset the index gives with that rule, so the
-- index only narrows. Kept in step by triggers, so every writer of `assets` (the store, imports, scripts) keeps it.
CREATE VIRTUAL TABLE asset_search USING fts5(
    name, description, languages, content = 'assets', content_rowid = 'id', tokenize = 'trigram'
);

INSERT INTO asset_search (asset_search) VALUES ('rebuild');

CREATE TRIGGER asset_search_after_insert AFTER INSERT ON assets BEGIN
    INSERT INTO asset_search (rowid, name, description, languages) VALUES (new.id, new.name, new.description, new.languages);
END;

CREATE TRIGGER asset_search_after_delete AFTER DELETE ON assets BEGIN
    INSERT INTO asset_search (asset_search, rowid, name, description, languages)
    VALUES ('delete', old.id, old.name, old.description, old.languages);
END;

CREATE TRIGGER asset_search_after_update AFTER UPDATE OF name, description, languages ON assets BEGIN
    INSERT INTO asset_search (asset_search, rowid, name, description, languages)
    VALUES ('delete', old.id, old.name, old.description, old.languages);
    INSERT INTO asset_search (rowid, name, description, languages) VALUES (new.id, new.name, new.description, new.languages);
END;
