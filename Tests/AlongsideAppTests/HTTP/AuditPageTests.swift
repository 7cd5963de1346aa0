import GRDB
import XCTest
@testable import AlongsideApp

final class AuditPageTests: XCTestCase {
    /// Writes `count` audit rows for a fictional record kind, a minute apart from `start`.
    static func seed(_ app: TestContext, count: Int, kind: String, start: Date, actor: AuditActor = .commandLine)
        async throws
    {
        try await app.services.pool.write { db in
            for index in 0..<count {
                let change = AuditChange<[String: String]>(
                    action: "created", recordKind: kind, recordID: String(index), summary: "\(kind) \(index)",
                    before: nil, after: ["n": String(index)])
                try AuditLog.record(
                    change, by: actor, at: start.addingTimeInterval(Double(index) * 60), requestID: nil, in: db)
            }
        }
    }

    func testShowsFiftyNewestFirstAndPages() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator)
            try await Self.seed(app, count: 60, kind: "meeting", start: Date(timeIntervalSince1970: 1_780_000_000))
            let first = try await admin.get("/admin/audit?kind=meeting")
            XCTAssertEqual(first.status, .ok)
            XCTAssertEqual(first.allMatches("<td>(meeting \\d+)</td>"), (10..<60).reversed().map { "meeting \($0)" })
            XCTAssertTrue(first.contains("<caption>"))
            let older = try XCTUnwrap(first.firstMatch(#"href="([^"]+)" rel="next""#)).replacingOccurrences(
                of: "&amp;", with: "&")
            let second = try await admin.get(older)
            XCTAssertEqual(second.allMatches("<td>(meeting \\d+)</td>").count, 10)
        }
    }

    func testFiltersByPersonKindAndLondonDates() async throws {
        try await withApp { app in
            let (admin, me) = try await app.signedIn(as: .administrator, name: "Ada Example")
            // 2026-07-01 00:30 London (BST) is 2026-06-30 23:30 UTC
            let justAfterMidnight = Date(timeIntervalSince1970: 1_782_862_200)
            try await Self.seed(
                app, count: 1, kind: "meeting", start: justAfterMidnight,
                actor: AuditActor(userID: me.id, label: "Ada Example"))
            try await Self.seed(app, count: 1, kind: "decision", start: justAfterMidnight.addingTimeInterval(-7200))
            let july = try await admin.get("/admin/audit?from=2026-07-01&to=2026-07-01")
            XCTAssertEqual(july.allMatches("<td>((?:meeting|decision) \\d+)</td>"), ["meeting 0"])
            let byKind = try await admin.get("/admin/audit?kind=decision")
            XCTAssertEqual(byKind.allMatches("<td>((?:meeting|decision) \\d+)</td>"), ["decision 0"])
            let byPerson = try await admin.get("/admin/audit?person=\(me.id!)&kind=meeting")
            XCTAssertEqual(byPerson.allMatches("<td>((?:meeting|decision) \\d+)</td>"), ["meeting 0"])
            XCTAssertTrue(byPerson.contains(#"<option value="\#(me.id!)" selected>Ada Example</option>"#))
        }
    }

    func testBadDatesAreExplainedAndKept() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator)
            let page = try await admin.get("/admin/audit?from=2026-02-30&to=2026-01-01")
            XCTAssertEqual(page.status, .unprocessableContent)
            XCTAssertEqual(page.errorSummary, ["Enter the start date as a real date, like 2026-03-03"])
            XCTAssertEqual(page.inputValue("from"), "2026-02-30")
            let backwards = try await admin.get("/admin/audit?from=2026-03-01&to=2026-02-01")
            XCTAssertEqual(backwards.errorSummary, ["The end date must be the same as or after the start date"])
        }
    }
}

final class AuditEscapingTests: XCTestCase {
    func testCachedRowsAreStillEscaped() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator)
            try await app.createUser(name: "<script>alert(1)</script>", email: "odd@example.org")
            for _ in 0..<2 {
                let page = try await admin.get("/admin/audit")
                XCTAssertFalse(page.html.contains("<script>alert(1)</script>"))
                XCTAssertTrue(page.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
    }
}
