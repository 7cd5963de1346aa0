import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// Groups and workshops written straight into the database, and the co-production forms as fields, so each
/// co-production test starts from the state it needs. The forms themselves are tested through the router.
enum CoproductionFixtures {
    static let now = AllianceFixtures.now

    /// A co-production working group; returns its id.
    static func workingGroup(
        _ app: TestContext, name: String = "Co-production Working Group", visibility: Visibility = .private
    ) async throws -> Int64 {
        try await app.services.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO groups (name, kind, purpose, status, visibility, required_seats, created_at, updated_at)
                    VALUES (?, 'coproduction_working_group', 'Co-produces the new model', 'active', ?, '[]', ?, ?)
                    """, arguments: [name, visibility.rawValue, now, now])
            return db.lastInsertedRowID
        }
    }

    /// A workshop (a meeting of kind 'workshop') in the group, on 2026-09-10 at 2pm UK time; returns its id.
    static func workshop(
        _ app: TestContext, groupID: Int64, purpose: String = "Listening workshop", visibility: Visibility = .private
    ) async throws -> Int64 {
        try await app.services.pool.write { db in
            let starts = ISO8601DateFormatter().date(from: "2026-09-10T13:00:00Z")!
            try db.execute(
                sql: """
                    INSERT INTO meetings (group_id, starts_at, ends_at, purpose, kind, format, status, visibility, calendar_uid, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'workshop', 'in_person', 'held', ?, ?, ?, ?)
                    """,
                arguments: [
                    groupID, starts, starts.addingTimeInterval(7200), purpose, visibility.rawValue, UUID().uuidString,
                    now, now,
                ])
            return db.lastInsertedRowID
        }
    }

    static func insightFields(
        _ changes: [String: String] = [:], communities: [Int64] = [], extra: [(String, String)] = []
    ) -> [(String, String)] {
        var values = [
            "heard": "Evening groups would help people who work in the day", "source_kind": "community_group",
            "source_detail": "The Tuesday carers' circle", "place": "Brightwater library", "heard_on": "2026-09-01",
            "themes": "Evenings, peer support", "quote": "", "group": "", "workshop": "",
        ]
        values.merge(changes) { $1 }
        return values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            + communities.map { ("communities", String($0)) } + extra
    }

    static func planFields(_ changes: [String: String] = [:], extra: [(String, String)] = []) -> [(String, String)] {
        var values = [
            "what": "Visit three community groups", "how": "Go to groups that already meet",
            "who": "The co-production working group",
            "due_on": "2026-12-01", "status": "not_started", "group": "", "workshop": "", "notes": "",
        ]
        values.merge(changes) { $1 }
        return values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + extra
    }

    /// Records an insight through the form; returns its page's path.
    static func recordInsight(_ browser: TestBrowser, _ fields: [(String, String)]) async throws -> String {
        _ = try await browser.get("/coproduction/insights/new")
        let created = try await browser.post("/coproduction/insights/new", fields)
        XCTAssertEqual(created.status, .seeOther, created.errorSummary.joined(separator: "; "))
        return try XCTUnwrap(created.location)
    }

    /// Adds a plan item through the form; returns its page's path.
    static func addPlanItem(_ browser: TestBrowser, _ fields: [(String, String)]) async throws -> String {
        _ = try await browser.get("/coproduction/plan/new")
        let created = try await browser.post("/coproduction/plan/new", fields)
        XCTAssertEqual(created.status, .seeOther, created.errorSummary.joined(separator: "; "))
        return try XCTUnwrap(created.location)
    }

    /// Answers an insight through the form.
    static func answer(_ browser: TestBrowser, _ insight: String, outcome: String = "changed", text: String)
        async throws
    {
        let form = try await browser.get(insight + "/response")
        // Changing an answer carries the version the form was filled from.
        let version = form.inputValue("version").map { [("version", $0)] } ?? []
        let saved = try await browser.post(insight + "/response", [("outcome", outcome), ("answer", text)] + version)
        XCTAssertEqual(saved.status, .seeOther, saved.errorSummary.joined(separator: "; "))
    }

    static func audit(_ app: TestContext, kind: String) async throws -> [String] {
        try await app.services.pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT summary FROM audit_events WHERE record_kind = ? ORDER BY id", arguments: [kind])
        }
    }
}
