import Foundation
import GRDB

/// Changing the asset map. Every change and its audit row are written in one transaction.
extension AssetStore {
    public enum EditOutcome: Sendable, Equatable {
        case saved(Asset)
        /// Someone else saved the asset since this person opened it: nothing was written.
        case conflict(current: Asset)
    }

    public func create(_ details: AssetDetails, by actor: AuditActor, requestID: String?) async throws -> Asset {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try Self.insert(details, in: db, audit: audit)
        }
    }

    static func insert(_ details: AssetDetails, summary: String? = nil, in db: Database, audit: AuditTrail) throws
        -> Asset
    {
        try db.execute(
            sql: """
                INSERT INTO assets (name, category, description, locality_id, address, postcode, opening_times, contact_phone, contact_email,
                                    website, contact_notes, referral_needed, access_information, languages, cost, last_checked_on, status,
                                    listed_publicly, organisation_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: arguments(details) + [audit.now, audit.now])
        let id = db.lastInsertedRowID
        try setLinks(details, assetID: id, keepingRetiredNeeds: false, in: db)
        let asset = try Self.asset(id: id, in: db)!
        try audit.record(
            AuditChange(
                action: "created", recordKind: "asset", recordID: String(id),
                summary: summary ?? "Added the asset \"\(asset.name)\" to the map", before: nil, after: asset.snapshot))
        return asset
    }

    public func update(
        _ id: Int64, _ details: AssetDetails, expectedVersion: Int, by actor: AuditActor, requestID: String?
    ) async throws -> EditOutcome {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.asset(id: id, in: db) else { throw AppError.notFound }
            guard before.version == expectedVersion else { return .conflict(current: before) }
            return .saved(try Self.change(before, to: details, in: db, audit: audit))
        }
    }

    static func change(
        _ before: Asset, to details: AssetDetails, summary: String? = nil, in db: Database, audit: AuditTrail
    ) throws -> Asset {
        try db.execute(
            sql: """
                UPDATE assets SET name = ?, category = ?, description = ?, locality_id = ?, address = ?, postcode = ?, opening_times = ?,
                       contact_phone = ?, contact_email = ?, website = ?, contact_notes = ?, referral_needed = ?, access_information = ?,
                       languages = ?, cost = ?, last_checked_on = ?, status = ?, listed_publicly = ?, organisation_id = ?,
                       version = version + 1, updated_at = ?
                 WHERE id = ?
                """, arguments: arguments(details) + [audit.now, before.id])
        try setLinks(details, assetID: before.id, keepingRetiredNeeds: true, in: db)
        let after = try Self.asset(id: before.id, in: db)!
        try audit.record(
            AuditChange(
                action: "updated", recordKind: "asset", recordID: String(before.id),
                summary: summary ?? "Edited the asset \"\(after.name)\"", before: before.snapshot, after: after.snapshot
            ))
        return after
    }

    /// Records that someone checked the entry today and it is still right. Returns the asset as saved.
    public func markChecked(_ id: Int64, today: String, by actor: AuditActor, requestID: String?) async throws -> Asset
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.asset(id: id, in: db) else { throw AppError.notFound }
            try db.execute(
                sql: "UPDATE assets SET last_checked_on = ?, version = version + 1, updated_at = ? WHERE id = ?",
                arguments: [today, now, id])
            let after = try Self.asset(id: id, in: db)!
            try audit.record(
                AuditChange(
                    action: "checked", recordKind: "asset", recordID: String(id),
                    summary: "Checked the asset \"\(after.name)\": still correct", before: before.snapshot,
                    after: after.snapshot))
            return after
        }
    }

    public func setStaleAfterMonths(_ months: Int, by actor: AuditActor, requestID: String?) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            let before =
                try Int.fetchOne(db, sql: "SELECT stale_after_months FROM asset_map_settings WHERE id = 1") ?? 12
            try db.execute(
                sql: "UPDATE asset_map_settings SET stale_after_months = ?, updated_at = ? WHERE id = 1",
                arguments: [months, now])
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "asset_map_settings", recordID: "1",
                    summary: "Set entries to be reviewed after \(months) months without a check",
                    before: ["stale_after_months": String(before)], after: ["stale_after_months": String(months)]))
        }
    }

    /// Saves every checked row of an import in one transaction, with one audit row for the import and one per asset.
    /// An `id` that has gone since the check fails the whole import, so nothing is half done.
    func importAssets(_ drafts: [AssetImport.Draft], by actor: AuditActor, requestID: String?) async throws -> (
        added: Int, updated: Int
    ) {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            var added = 0, updated = 0
            for draft in drafts {
                if let id = draft.existingID {
                    guard let before = try Self.asset(id: id, in: db) else { throw AppError.notFound }
                    _ = try Self.change(
                        before, to: draft.details,
                        summary: "Updated the asset \"\(draft.details.name)\" from an import (row \(draft.row))",
                        in: db, audit: audit)
                    updated += 1
                } else {
                    _ = try Self.insert(
                        draft.details,
                        summary: "Added the asset \"\(draft.details.name)\" from an import (row \(draft.row))", in: db,
                        audit: audit)
                    added += 1
                }
            }
            try audit.record(
                AuditChange(
                    action: "imported", recordKind: "asset_import", recordID: nil,
                    summary: "Imported \(drafts.count) assets from a spreadsheet: \(added) added, \(updated) updated",
                    before: nil as [String: String]?, after: ["added": String(added), "updated": String(updated)]))
            return (added, updated)
        }
    }

    static func arguments(_ details: AssetDetails) -> StatementArguments {
        [
            details.name, details.category.rawValue, details.description, details.localityID, details.address,
            details.postcode,
            details.openingTimes, details.phone, details.email, details.website, details.contactNotes,
            details.referralNeeded,
            details.accessInformation, details.languages, details.cost, details.lastCheckedOn, details.status.rawValue,
            details.listedPublicly, details.organisationID,
        ]
    }

    /// Domains and needs become exactly those given; on an edit, links to retired needs (which the form no longer
    /// offers) are kept so the asset's history stays true.
    static func setLinks(_ details: AssetDetails, assetID: Int64, keepingRetiredNeeds: Bool, in db: Database) throws {
        try db.execute(sql: "DELETE FROM asset_domains WHERE asset_id = ?", arguments: [assetID])
        for domain in details.domains {
            try db.execute(
                sql: "INSERT INTO asset_domains (asset_id, domain) VALUES (?, ?)",
                arguments: [assetID, domain.rawValue])
        }
        var needIDs = Set(details.needIDs)
        if keepingRetiredNeeds {
            needIDs.formUnion(
                try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT an.need_id FROM asset_needs an JOIN needs n ON n.id = an.need_id WHERE an.asset_id = ? AND n.retired_at IS NOT NULL
                        """, arguments: [assetID]))
        }
        try db.execute(sql: "DELETE FROM asset_needs WHERE asset_id = ?", arguments: [assetID])
        for need in needIDs.sorted() {
            try db.execute(
                sql: "INSERT INTO asset_needs (asset_id, need_id) VALUES (?, ?)", arguments: [assetID, need])
        }
    }
}

extension Asset {
    /// What the audit log keeps: flat and short.
    var snapshot: [String: String] {
        let d = details
        return [
            "name": d.name, "category": d.category.rawValue,
            "domains": d.domains.map(\.rawValue).joined(separator: ", "),
            "description": d.description, "locality_id": d.localityID.map(String.init) ?? "", "address": d.address,
            "postcode": d.postcode,
            "opening_times": d.openingTimes, "contact_phone": d.phone, "contact_email": d.email, "website": d.website,
            "contact_notes": d.contactNotes, "referral_needed": d.referralNeeded ? "yes" : "no",
            "access_information": d.accessInformation,
            "languages": d.languages, "cost": d.cost, "needs": d.needIDs.map(String.init).joined(separator: ", "),
            "last_checked_on": d.lastCheckedOn, "status": d.status.rawValue,
            "listed_publicly": d.listedPublicly ? "yes" : "no",
            "organisation_id": d.organisationID.map(String.init) ?? "", "version": String(version),
        ]
    }
}
