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
        let assets = try Asset.fetchAll(
            db, sql: "SELECT * FROM assets \(clause) ORDER BY name COLLATE NOCASE, id", arguments: arguments)
        guard !assets.isEmpty else { return [] }
        let ids = assets.map(\.id)
        // Two reads for every asset's links rather than two per asset.
        let marks = databaseQuestionMarks(count: ids.count)
        let domains = try KeyedValue<AssetDomain>.grouped(
            db, sql: "SELECT asset_id AS key, domain AS value FROM asset_domains WHERE asset_id IN (\(marks))",
            arguments: StatementArguments(ids))
        let needs = try KeyedValue<Int64>.grouped(
            db, sql: "SELECT asset_id AS key, need_id AS value FROM asset_needs WHERE asset_id IN (\(marks))",
            arguments: StatementArguments(ids))
        return assets.map { asset in
            var asset = asset
            // In the list's order, and each need once by id, as `AssetDetails.init` keeps them.
            asset.details.domains = AssetDomain.allCases.filter((domains[asset.id] ?? []).contains)
            asset.details.needIDs = Array(Set(needs[asset.id] ?? [])).sorted()
            return asset
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

    /// Register organisations by id, with what the Open Referral UK API publishes of them (issue 18).
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
