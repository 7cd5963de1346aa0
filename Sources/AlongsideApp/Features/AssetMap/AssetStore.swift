import Foundation
import GRDB

/// The community asset map: assets with their domains and needs, and the review setting. Every change is written
/// with its audit row in one transaction (see AssetStore+Changes.swift).
public struct AssetStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public init(pool: DatabasePool, clock: AppClock) {
        self.pool = pool
        self.clock = clock
    }

    public func asset(id: Int64) async throws -> Asset? {
        try await pool.read { db in try Self.asset(id: id, in: db) }
    }

    static func asset(id: Int64, in db: Database) throws -> Asset? {
        try Self.assets(where: "WHERE id = ?", arguments: [id], in: db).first
    }

    /// Every asset, by name.
    public func all() async throws -> [Asset] {
        try await pool.read { db in try Self.assets(where: "", arguments: [], in: db) }
    }

    static func assets(where clause: String, arguments: StatementArguments, in db: Database) throws -> [Asset] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM assets \(clause) ORDER BY name COLLATE NOCASE, id", arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = rows.map { $0["id"] }
        // Two reads for every asset's links rather than two per asset.
        let marks = databaseQuestionMarks(count: ids.count)
        var domains: [Int64: [AssetDomain]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT asset_id, domain FROM asset_domains WHERE asset_id IN (\(marks))",
            arguments: StatementArguments(ids))
        {
            if let domain = AssetDomain(rawValue: row["domain"]) {
                domains[row["asset_id"], default: []].append(domain)
            }
        }
        var needs: [Int64: [Int64]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT asset_id, need_id FROM asset_needs WHERE asset_id IN (\(marks))",
            arguments: StatementArguments(ids))
        {
            needs[row["asset_id"], default: []].append(row["need_id"])
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            return Asset(row: row, domains: domains[id] ?? [], needIDs: needs[id] ?? [])
        }
    }

    /// After how many months without a check an entry is listed for review.
    public func staleAfterMonths() async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT stale_after_months FROM asset_map_settings WHERE id = 1") ?? 12
        }
    }

    /// The organisations an asset may be linked to: the register's, by name (id and name only).
    public func organisationChoices() async throws -> [OrganisationChoice] {
        try await OrganisationStore(pool: pool, clock: clock).all().map { OrganisationChoice(id: $0.id, name: $0.name) }
    }

    /// Register organisations by id, with what the Open Referral export uses.
    public func organisations() async throws -> [Int64: Organisation] {
        let all = try await OrganisationStore(pool: pool, clock: clock).all()
        return Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
    }
}

/// An organisation in the register as a choice on the asset form.
public struct OrganisationChoice: Sendable, Equatable {
    public var id: Int64
    public var name: String
}
