import GRDB
import XCTest
@testable import AlongsideApp

/// Issue 15: no request can crash, stall or mislead Alongside. Numbers that would overflow are refused with a 422 page,
/// an edit without its version is a conflict, free text has limits, and a search of any length answers.
final class HostileInputTests: XCTestCase {
    typealias F = CoproductionFixtures

    /// Reads one text from the database.
    static func text(_ app: TestContext, _ sql: String) async throws -> String? {
        try await app.services.pool.read { db in try String.fetchOne(db, sql: sql) }
    }

    func testAnEditWithoutItsVersionIsAConflictAndChangesNothing() async throws {
        try await withApp { app in
            // setup: one of each record, made through its form
            try await RoadmapFixtures.load(app)
            let (manager, _) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            let (casey, _) = try await app.signedIn(as: .expertByExperience, email: "casey@example.org")
            let plan = try await F.addPlanItem(manager, F.planFields())
            let insight = try await F.recordInsight(manager, F.insightFields())
            _ = try await manager.get("/roadmap/new")
            let added = try await manager.post(
                "/roadmap/new", [("title", "Local peer network"), ("workstream", "workforce")])
            let deliverable = try XCTUnwrap(added.location)
            let organisation = try await OrganisationsTests.register(manager, OrganisationsTests.fields())
            let asset = try await AssetFixtures.asset(app, "Riverside Walks")
            let role = try await InvolvementRolesTests.createRole(manager)
            let claim = try await ClaimFixtures.draft(casey, ClaimFixtures.fields())
            let before = [
                try await Self.text(app, "SELECT what FROM action_plan_items"),
                try await Self.text(app, "SELECT heard FROM insights"),
                try await Self.text(app, "SELECT title FROM deliverables WHERE title = 'Local peer network'"),
                try await Self.text(app, "SELECT area_served FROM organisations"),
                try await Self.text(app, "SELECT name FROM assets"),
                try await Self.text(app, "SELECT title FROM involvement_roles"),
                try await Self.text(app, "SELECT activity FROM claims"),
            ]
            // act: each edit form sent back changed, but with no version
            let edits: [(TestBrowser, String, [(String, String)])] = [
                (manager, plan + "/edit", F.planFields(["what": "Changed without a version"])),
                (manager, insight + "/edit", F.insightFields(["heard": "Changed without a version"])),
                (
                    manager, deliverable + "/edit",
                    [("title", "Changed without a version"), ("workstream", "workforce")]
                ),
                (
                    manager, organisation + "/edit",
                    OrganisationsTests.fields(["area_served": "Changed without a version"])
                ),
                (manager, "/assets/\(asset)/edit", AssetFixtures.form(app, name: "Changed without a version")),
                (manager, role + "/edit", InvolvementRolesTests.roleFields(["title": "Changed without a version"])),
                (casey, Href.editClaim(claim), ClaimFixtures.fields(activity: "Changed without a version")),
            ]
            for (browser, path, fields) in edits {
                let form = try await browser.get(path)
                XCTAssertNotNil(form.inputValue("version"), "\(path) sends its version")
                let refused = try await browser.post(path, fields)
                // check: refused as out of date, what was typed kept
                XCTAssertEqual(refused.status, .conflict, path)
                XCTAssertTrue(refused.contains("Changed without a version"), "\(path) keeps what was typed")
            }
            let after = [
                try await Self.text(app, "SELECT what FROM action_plan_items"),
                try await Self.text(app, "SELECT heard FROM insights"),
                try await Self.text(app, "SELECT title FROM deliverables WHERE title = 'Local peer network'"),
                try await Self.text(app, "SELECT area_served FROM organisations"),
                try await Self.text(app, "SELECT name FROM assets"),
                try await Self.text(app, "SELECT title FROM involvement_roles"),
                try await Self.text(app, "SELECT activity FROM claims"),
            ]
            XCTAssertEqual(after, before, "nothing changed")
            XCTAssertFalse(after.contains(nil))
        }
    }

    func testNumbersThatWouldOverflowAreRefusedWithA422Page() async throws {
        try await withApp { app in
            // setup
            let (admin, _) = try await app.signedIn(as: .administrator, email: "admin@example.org")
            let (casey, _) = try await app.signedIn(as: .expertByExperience, email: "casey@example.org")
            _ = try await casey.get(Href.newClaim())
            // act
            let rows = try await casey.post(
                Href.newClaim(), [("expense_rows", "9223372036854775807"), ("add_expense", "1")])
            let audit = try await admin.get(Href.auditLog() + "?page=9223372036854775807")
            let directory = try await app.browser().get(Href.directory() + "?page=9223372036854775807")
            let year = try await casey.get(Href.earnings() + "?year=99999999999999999999")
            // check: a page that says what was wrong, and the server still answers
            XCTAssertEqual(rows.status, .unprocessableContent)
            XCTAssertTrue(rows.contains("must be a whole number from 0 to 11"), rows.html)
            XCTAssertEqual(audit.status, .unprocessableContent)
            XCTAssertEqual(directory.status, .unprocessableContent)
            XCTAssertEqual(year.status, .unprocessableContent)
            let nextPage = try await admin.get(Href.auditLog() + "?page=2")
            XCTAssertEqual(nextPage.status, .ok)
            let newClaim = try await casey.get(Href.newClaim())
            XCTAssertEqual(newClaim.status, .ok)
        }
    }

    func testASearchOfAThousandWordsAnswersAndSaysOnlyTheFirstWereSearched() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let words = (1...1_000).map { "word\($0)" }.joined(separator: "+")
            // act and check: every search answers
            let decisions = try await manager.get(Href.decisionSearch() + "?q=" + words)
            XCTAssertEqual(decisions.status, .ok)
            XCTAssertTrue(decisions.contains("Only the first 20 words"), "the page says words were ignored")
            for path in [Href.insights(), Href.assets(), Href.organisations()] {
                let found = try await manager.get(path + "?words=" + words)
                XCTAssertEqual(found.status, .ok, path)
            }
            let directory = try await app.browser().get(Href.directory() + "?words=" + words)
            XCTAssertEqual(directory.status, .ok)
            let long = try await manager.get(Href.decisionSearch() + "?q=" + String(repeating: "a", count: 5_000))
            XCTAssertEqual(long.status, .ok)
        }
    }

    func testATooLongDecisionTitleIsRefusedKeepingWhatWasTypedAndNothingIsStored() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            _ = try await manager.get(group + "/decisions/new")
            let title = String(repeating: "t", count: TextLimit.line + 1)
            let rationale = String(repeating: "r", count: TextLimit.paragraph + 1)
            let fields =
                DecisionsTests.consentDecision().filter { $0.0 != "title" && $0.0 != "rationale" } + [
                    ("title", title), ("rationale", rationale),
                ]
            // act
            let refused = try await manager.post(group + "/decisions", fields)
            // check
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertEqual(
                refused.errorSummary,
                [
                    "The title must be 200 characters or fewer (you entered 201)",
                    "The reasons for the decision must be 10,000 characters or fewer (you entered 10,001)",
                ])
            XCTAssertEqual(refused.inputValue("title"), title, "what was typed is kept")
            let stored = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM decisions")
            }
            XCTAssertEqual(stored, 0)
        }
    }

    func testTooLongMinutesAndTermsAreRefused() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            _ = try await manager.post(group + "/terms")
            // act
            let terms = try await manager.post(
                group + "/terms/1",
                TermsOfReferenceTests.termsForm(
                    scope: String(repeating: "s", count: TextLimit.document + 1), revision: "1"))
            let noRevision = try await manager.post(
                group + "/terms/1", TermsOfReferenceTests.termsForm(revision: "1").filter { $0.0 != "revision" })
            // check
            XCTAssertEqual(terms.status, .unprocessableContent)
            XCTAssertEqual(
                terms.errorSummary, ["The scope and approach must be 50,000 characters or fewer (you entered 50,001)"])
            XCTAssertEqual(noRevision.status, .conflict, "a save without its revision is out of date, not a pass")
            let revision = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT revision FROM terms_of_reference")
            }
            XCTAssertEqual(revision, 1, "nothing saved")
        }
    }
}
