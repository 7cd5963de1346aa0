-- Open Referral UK 3.0 (issue 18): every published entry has a UUID that never changes. Assets and register
-- organisations are their own records, so each keeps a random version 4 UUID, made by the database when the row is
-- inserted (whichever way it is inserted: the form, an import, the demo) and made here for the rows already kept.
-- Ids of what an entry holds (its location, address, contacts, schedules, taxonomy links) are derived from it
-- (name-based, version 5) by Features/OpenReferral/OpenReferralIDs.swift, so they never change either.
--
-- A version 4 UUID from 16 random bytes: the version nibble set to 4, the variant's two top bits set to 10.

ALTER TABLE assets ADD COLUMN open_referral_id TEXT;
UPDATE assets SET open_referral_id = lower(
    hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
    || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX assets_open_referral_id ON assets(open_referral_id);

CREATE TRIGGER assets_open_referral_id_on_insert AFTER INSERT ON assets WHEN NEW.open_referral_id IS NULL BEGIN
    UPDATE assets SET open_referral_id = lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
        || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
    WHERE id = NEW.id;
END;

CREATE TRIGGER assets_open_referral_id_never_changes BEFORE UPDATE OF open_referral_id ON assets
WHEN OLD.open_referral_id IS NOT NULL AND NEW.open_referral_id IS NOT OLD.open_referral_id BEGIN
    SELECT RAISE(ABORT, 'an asset''s Open Referral id never changes');
END;

ALTER TABLE organisations ADD COLUMN open_referral_id TEXT;
UPDATE organisations SET open_referral_id = lower(
    hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
    || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX organisations_open_referral_id ON organisations(open_referral_id);

CREATE TRIGGER organisations_open_referral_id_on_insert AFTER INSERT ON organisations
WHEN NEW.open_referral_id IS NULL BEGIN
    UPDATE organisations SET open_referral_id = lower(
        hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
        || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
    WHERE id = NEW.id;
END;

CREATE TRIGGER organisations_open_referral_id_never_changes BEFORE UPDATE OF open_referral_id ON organisations
WHEN OLD.open_referral_id IS NOT NULL AND NEW.open_referral_id IS NOT OLD.open_referral_id BEGIN
    SELECT RAISE(ABORT, 'an organisation''s Open Referral id never changes');
END;
