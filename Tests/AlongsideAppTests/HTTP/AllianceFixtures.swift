import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// Alliances, organisations, members and decisions written straight into the database, so each alliance
/// test can start from the state it needs. The forms themselves are tested through the router.
enum AllianceFixtures {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// A VCSE alliance group; returns its id.
    static func alliance(
        _ app: TestContext, name: String = "Brightwater VCSE Alliance", visibility: Visibility = .private
    ) async throws -> Int64 {
        try await app.services.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO groups (name, kind, purpose, status, visibility, required_seats, created_at, updated_at)
                    VALUES (?, 'vcse_alliance', 'Voluntary organisations working together', 'active', ?, '[]', ?, ?)
                    """, arguments: [name, visibility.rawValue, now, now])
            return db.lastInsertedRowID
        }
    }

    /// A group of another kind, for refusals.
    static func otherGroup(_ app: TestContext) async throws -> Int64 {
        try await app.services.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO groups (name, kind, purpose, status, visibility, required_seats, created_at, updated_at)
                    VALUES ('Leaders group', 'leaders_group', 'Signs off decisions', 'active', 'private', '[]', ?, ?)
                    """, arguments: [now, now])
            return db.lastInsertedRowID
        }
    }

    /// An organisation; VCSE ones get a size.
    static func organisation(
        _ app: TestContext, name: String, sector: OrganisationSector = .vcse, size: VCSESize? = .small,
        communities: [Int64] = []
    ) async throws -> Int64 {
        try await app.services.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO organisations (name, sector, vcse_size, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [name, sector.rawValue, sector == .vcse ? size?.rawValue : nil, now, now])
            let id = db.lastInsertedRowID
            for community in communities {
                try db.execute(
                    sql: "INSERT INTO organisation_communities (organisation_id, community_id) VALUES (?, ?)",
                    arguments: [id, community])
            }
            return id
        }
    }

    /// An organisation's place in an alliance, with one history entry.
    static func member(
        _ app: TestContext, alliance: Int64, organisation: Int64, status: MembershipStatus = .member,
        since: String = "2026-04-01"
    ) async throws -> Int64 {
        try await app.services.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO alliance_members (group_id, organisation_id, status, status_since, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [alliance, organisation, status.rawValue, since, now, now])
            let id = db.lastInsertedRowID
            try db.execute(
                sql: "INSERT INTO alliance_member_history (member_id, status, on_day, recorded_at) VALUES (?, ?, ?, ?)",
                arguments: [id, status.rawValue, since, now])
            return id
        }
    }

    /// A decision in the alliance's log, recorded by `user`; returns its id.
    static func decision(
        _ app: TestContext, alliance: Int64, by user: User, title: String = "Elect the accountable body",
        outcome: DecisionOutcome = .agreed
    ) async throws -> Int64 {
        try await app.services.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO decisions (group_id, title, question, method, members_total, members_present, lived_experience_present,
                                           quorum_met, outcome, rationale, is_valid, recorded_by, recorded_at)
                    VALUES (?, ?, 'Do we agree?', 'consensus', 8, 6, 1, 1, ?, 'Agreed at the meeting', 1, ?, ?)
                    """, arguments: [alliance, title, outcome.rawValue, user.id!, now])
            return db.lastInsertedRowID
        }
    }

    /// The id of a community in the seeded list.
    static func community(_ app: TestContext, named name: String) async throws -> Int64 {
        try await app.services.pool.read { db in
            try XCTUnwrap(Int64.fetchOne(db, sql: "SELECT id FROM communities WHERE name = ?", arguments: [name]))
        }
    }
}
