import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// Groups with members, meetings and decisions, for the decision log and proposal tests.
enum DecisionFixtures {
    static func id(_ path: String) -> Int64 { Int64(path.split(separator: "/").last.map(String.init) ?? "") ?? 0 }

    /// Adds a member through the form, as the manager.
    static func addMember(
        _ manager: TestBrowser, group: String, user: User, seat: String = "member", sector: String = "vcse"
    ) async throws {
        _ = try await manager.get(group + "/members/new")
        let added = try await manager.post(
            group + "/members",
            [
                ("person", String(user.id!)), ("seat", seat), ("sector", sector), ("starts_on", "2026-01-01"),
            ])
        XCTAssertEqual(added.status, .seeOther, "member added")
    }

    /// A meeting of the group, written directly (the Meetings feature is built on another branch).
    static func insertMeeting(_ app: TestContext, group: String, startsAt: String, purpose: String) async throws
        -> Int64
    {
        let groupID = id(group)
        return try await app.services.pool.write { db in
            let starts = ISO8601DateFormatter().date(from: startsAt)!
            try db.execute(
                sql: """
                    INSERT INTO meetings (group_id, starts_at, ends_at, purpose, format, status, visibility, calendar_uid, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'video', 'held', 'private', ?, ?, ?)
                    """,
                arguments: [
                    groupID, starts, starts.addingTimeInterval(3600), purpose, UUID().uuidString, starts, starts,
                ])
            return db.lastInsertedRowID
        }
    }

    /// Attendance at a meeting, written directly: `entries` pairs a member's id with "present", "apologies"...
    static func insertAttendance(_ app: TestContext, meeting: Int64, _ entries: [(Int64, String)]) async throws {
        try await app.services.pool.write { db in
            for (userID, status) in entries {
                try db.execute(
                    sql: "INSERT INTO attendance (meeting_id, user_id, status, recorded_at) VALUES (?, ?, ?, ?)",
                    arguments: [meeting, userID, status, Date()])
            }
        }
    }

    /// A consent decision with no terms to check against; returns its path.
    static func record(
        _ browser: TestBrowser, group: String, title: String = "Fund the peer support pilot",
        extra: [(String, String)] = []
    ) async throws -> String {
        _ = try await browser.get(group + "/decisions/new")
        var fields = DecisionsTests.consentDecision().filter { $0.0 != "title" && !extra.map(\.0).contains($0.0) }
        fields += [("title", title)] + extra
        let recorded = try await browser.post(group + "/decisions", fields)
        XCTAssertEqual(recorded.status, .seeOther, "decision recorded")
        return try XCTUnwrap(recorded.location)
    }
}
