import Foundation
import GRDB

/// Changing the workspace's list of communities. Names are unique whatever their case; a retired community
/// is hidden from choice lists but kept, with the organisations that reached it.
extension CommunityStore {
    public enum SaveOutcome: Sendable, Equatable {
        case saved(Community)
        /// Another community already has this name (perhaps a retired one).
        case nameTaken(Community)
    }

    public func community(id: Int64) async throws -> Community? {
        try await pool.read { db in try Self.community(id: id, in: db) }
    }

    static func community(id: Int64, in db: Database) throws -> Community? {
        try Row.fetchOne(db, sql: "SELECT * FROM communities WHERE id = ?", arguments: [id]).map(Community.init)
    }

    /// The communities a form offers: not retired, by name.
    public func choices() async throws -> [Community] {
        try await all().filter { !$0.isRetired }
    }

    /// How many organisations reach each community, by community id (communities nobody reaches are absent).
    public func reachCounts() async throws -> [Int64: Int] {
        try await pool.read { db in
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT community_id, COUNT(*) AS n FROM organisation_communities GROUP BY community_id") {
                counts[row["community_id"]] = row["n"]
            }
            return counts
        }
    }

    static func named(_ name: String, except id: Int64?, in db: Database) throws -> Community? {
        try Row.fetchOne(db, sql: "SELECT * FROM communities WHERE name = ? COLLATE NOCASE AND id IS NOT ?", arguments: [name, id])
            .map(Community.init)
    }

    public func create(_ input: CommunityInput, by actor: AuditActor, requestID: String?) async throws -> SaveOutcome {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            if let taken = try Self.named(input.name, except: nil, in: db) { return .nameTaken(taken) }
            try db.execute(sql: """
                INSERT INTO communities (name, under_served, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [input.name, input.underServed, input.description, now, now])
            let community = try Self.community(id: db.lastInsertedRowID, in: db)!
            try audit.record(AuditChange(action: "created", recordKind: "community", recordID: String(community.id),
                                         summary: "Added the community \"\(community.name)\"", before: nil, after: community.snapshot))
            return .saved(community)
        }
    }

    public func update(_ id: Int64, _ input: CommunityInput, by actor: AuditActor, requestID: String?) async throws -> SaveOutcome {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.community(id: id, in: db) else { throw AppError.notFound }
            if let taken = try Self.named(input.name, except: id, in: db) { return .nameTaken(taken) }
            try db.execute(sql: "UPDATE communities SET name = ?, under_served = ?, description = ?, updated_at = ? WHERE id = ?",
                           arguments: [input.name, input.underServed, input.description, now, id])
            let after = try Self.community(id: id, in: db)!
            try audit.record(AuditChange(action: "updated", recordKind: "community", recordID: String(id),
                                         summary: "Edited the community \"\(after.name)\"", before: before.snapshot, after: after.snapshot))
            return .saved(after)
        }
    }

    /// Retires the community (`retired` true) or brings it back. Returns false when it was already so.
    public func setRetired(_ id: Int64, _ retired: Bool, by actor: AuditActor, requestID: String?) async throws -> Bool {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.community(id: id, in: db) else { throw AppError.notFound }
            guard before.isRetired != retired else { return false }
            try db.execute(sql: "UPDATE communities SET retired_at = ?, updated_at = ? WHERE id = ?", arguments: [retired ? now : nil, now, id])
            let after = try Self.community(id: id, in: db)!
            let summary = retired ? "Retired the community \"\(after.name)\"" : "Brought back the community \"\(after.name)\""
            try audit.record(AuditChange(action: retired ? "retired" : "restored", recordKind: "community", recordID: String(id),
                                         summary: summary, before: before.snapshot, after: after.snapshot))
            return true
        }
    }
}

extension Community {
    var snapshot: [String: String] {
        ["name": name, "under_served": underServed ? "yes" : "no", "description": description, "retired": isRetired ? "yes" : "no"]
    }
}
