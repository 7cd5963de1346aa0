import Foundation
import GRDB

/// The register of organisations. Every change is written with its audit row in one transaction.
public struct OrganisationStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public init(pool: DatabasePool, clock: AppClock) {
        self.pool = pool
        self.clock = clock
    }

    public func organisation(id: Int64) async throws -> Organisation? {
        try await pool.read { db in try Self.organisation(id: id, in: db) }
    }

    static func organisation(id: Int64, in db: Database) throws -> Organisation? {
        guard
            var organisation = try Organisation.fetchOne(
                db, sql: "SELECT * FROM organisations WHERE id = ?", arguments: [id])
        else { return nil }
        organisation.details.communityIDs = try Int64.fetchAll(
            db,
            sql: "SELECT community_id FROM organisation_communities WHERE organisation_id = ? ORDER BY community_id",
            arguments: [id])
        return organisation
    }

    /// Every organisation, by name, with the communities each reaches (two reads, however many there are).
    public func all() async throws -> [Organisation] {
        try await pool.read { db in try Self.all(in: db) }
    }

    public func organisations(ids: [Int64]) async throws -> [Organisation] {
        try await pool.read { db in try Self.organisations(ids: ids, in: db) }
    }

    /// The organisations named, with the communities each reaches: what a page about some of them needs, however
    /// long the register grows.
    static func organisations(ids: [Int64], in db: Database) throws -> [Organisation] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [] }
        return try fetch(in: db, only: unique)
    }

    static func all(in db: Database) throws -> [Organisation] {
        try fetch(in: db, only: nil)
    }

    /// Organisations by name with the communities each reaches, in two reads: every one, or only those in `ids`.
    private static func fetch(in db: Database, only ids: [Int64]?) throws -> [Organisation] {
        let filter = ids.map { "IN (\(databaseQuestionMarks(count: $0.count)))" }
        let arguments = ids.map { StatementArguments($0) } ?? StatementArguments()
        let communities = try KeyedValue<Int64>.grouped(
            db,
            sql: "SELECT organisation_id AS key, community_id AS value FROM organisation_communities"
                + (filter.map { " WHERE organisation_id \($0)" } ?? "") + " ORDER BY community_id", arguments: arguments
        )
        return try Organisation.fetchAll(
            db,
            sql: "SELECT * FROM organisations" + (filter.map { " WHERE id \($0)" } ?? "")
                + " ORDER BY name COLLATE NOCASE, id",
            arguments: arguments
        )
        .map { organisation in
            var organisation = organisation
            organisation.details.communityIDs = communities[organisation.id] ?? []
            return organisation
        }
    }
}

/// The workspace's list of communities, kept like every `KeptList` (see CommunityStore+Changes.swift).
public struct CommunityStore: Sendable {
    let list: KeptList<Community>

    public init(pool: DatabasePool, clock: AppClock) {
        list = KeptList(pool: pool, clock: clock)
    }

    /// Every community, retired ones included, by name.
    public func all() async throws -> [Community] {
        try await list.all()
    }

    static func all(in db: Database) throws -> [Community] {
        try KeptList<Community>.all(in: db)
    }
}
