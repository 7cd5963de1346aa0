import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// The route fuzz's own tools, so a quiet fuzz run means a quiet app, not a blind fuzzer.
final class FuzzToolsTests: XCTestCase {
    func testTheFormScannerSendsWhatABrowserWould() {
        // setup
        let html = """
            <form method="post" action="/groups/3/edit?x=1&amp;y=2" novalidate>
              <input type="hidden" name="csrf_token" value="t"><input type="hidden" name="version" value="4">
              <input name="title" value="Tea &amp; talk" id="title"><input type="file" name="upload">
              <input type="radio" name="kind" value="a"><input type="radio" name="kind" value="b" checked>
              <input type="checkbox" name="needs" value="1"><input type="checkbox" name="needs" value="2" checked>
              <input type="checkbox" name="needs" value="3" checked><input type="checkbox" name="consent" value="yes">
              <select name="group"><option value="">Choose</option><option value="7">Seven</option></select>
              <textarea name="notes" rows="3">Line &lt;one&gt;</textarea>
              <button type="submit" name="add_expense" value="1" formaction="/other">Add</button><button type="submit">Save</button>
            </form>
            <form method="get" action="/decisions"><input name="q" value=""></form>
            """
        // act
        let forms = FuzzHTML.forms(in: html)
        // check
        XCTAssertEqual(forms.count, 2)
        let form = forms[0]
        XCTAssertEqual(form.method, "post")
        XCTAssertEqual(form.action, "/groups/3/edit?x=1&y=2")
        XCTAssertEqual(
            form.fields.map { "\($0.0)=\($0.1)" },
            ["version=4", "title=Tea & talk", "kind=b", "group=7", "notes=Line <one>", "needs=2", "needs=3"])
        XCTAssertEqual(form.buttons.map(\.name), ["add_expense"])
        XCTAssertEqual(form.buttons.first?.action, "/other")
        XCTAssertTrue(form.hasFile)
        XCTAssertEqual(form.choiceFields, ["kind", "needs", "group", "consent"])
        XCTAssertEqual(form.unsent, ["consent"], "an unticked box is not sent, but is fuzzed")
        XCTAssertEqual(forms[1].method, "get")
    }

    func testStrictDaysOnly() {
        for day in ["2026-03-01", "2024-02-29", "0001-01-01"] { XCTAssertTrue(StoredDateCheck.isDay(day), day) }
        for text in [
            "2026-1-5", "2026-+12-31", "0000-00-00", "9999-99-99", "2026-02-30", "2025-02-29", " 2026-01-05 ",
            "2026-01-05T10:00", "",
        ] {
            XCTAssertFalse(StoredDateCheck.isDay(text), text)
        }
    }

    func testTheStoredDateCheckFindsALooseDateInADateColumn() async throws {
        try await withApp { app in
            // setup
            let known = try await RouteFuzzTests.loadDemo(app)
            let before = try await StoredDateCheck.badDates(app.services.pool, alsoChecking: known)
            XCTAssertEqual(before.bad, [], "the demo's dates are all YYYY-MM-DD")
            // act
            try await app.services.pool.write { db in
                try db.execute(
                    sql: "UPDATE insights SET heard_on = '2026-1-5' WHERE id = (SELECT MIN(id) FROM insights)")
                try db.execute(sql: "UPDATE groups SET name = '2026-1-5' WHERE id = (SELECT MIN(id) FROM groups)")
            }
            let after = try await StoredDateCheck.badDates(app.services.pool, alsoChecking: known)
            // check
            XCTAssertEqual(
                after.bad, ["insights.heard_on = \"2026-1-5\""], "a free-text column may hold what looks like a date")
            XCTAssertTrue(after.columns.contains("claims.activity_on"))
        }
    }

    func testPathsMatchTheirRoutesPreferringConstants() async throws {
        let services = try await makeServices()
        let table = FuzzRouteTable(services: services)
        XCTAssertEqual(table.match("GET", "/groups/new")?.route, .newGroup)
        XCTAssertEqual(table.match("GET", "/groups/12?tab=x#top")?.route, .group)
        XCTAssertEqual(table.match("GET", "/groups/12/terms/3/edit")?.route, .editTerms)
        XCTAssertEqual(table.match("GET", "/groups/12/terms/compare")?.route, .compareTerms)
        XCTAssertNil(table.match("GET", "/no/such/page"))
    }
}
