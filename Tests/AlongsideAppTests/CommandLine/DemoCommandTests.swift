import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

final class DemoCommandTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: CommandRunner.executable),
            "build the executable first (swift build)")
    }

    func testDemoLoadsIntoAnEmptyDatabaseOnlyAndPrintsThePasswordOnce() throws {
        let database = try temporaryFolder(self) + "/demo.sqlite"
        let loaded = try CommandRunner.run(["demo", "--database", database])
        XCTAssertEqual(loaded.status, 0, loaded.errors)
        XCTAssertTrue(loaded.output.contains("Loaded demo data: 3 groups"), loaded.output)
        XCTAssertTrue(loaded.output.contains("blake@example.org  Blake Example, Programme manager"), loaded.output)
        let password = try XCTUnwrap(
            loaded.output.components(separatedBy: "with the password: ").last?.components(separatedBy: "\n").first)
        XCTAssertEqual(password.split(separator: "-").count, 5)

        let again = try CommandRunner.run(["demo", "--database", database])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.errors.contains("already holds data"), again.errors)
        let pool = try AppDatabase.open(path: database)
        let counts = try pool.read { db in
            try [
                Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users"),
                Int.fetchOne(db, sql: "SELECT COUNT(*) FROM groups"),
            ]
        }
        XCTAssertEqual(counts, [11, 3], "the refused second run changed nothing")
    }
}

/// Issue 21's commands on the demo data: the export archive of a demo person, and the retention rules.
final class DemoPersonalDataTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: CommandRunner.executable),
            "build the executable first (swift build)")
    }

    func testADemoPersonsArchiveHoldsTheirClaimsMembershipsAndAppointmentAndNoOneElse() throws {
        // setup
        let database = try temporaryFolder(self) + "/demo.sqlite"
        XCTAssertEqual(try CommandRunner.run(["demo", "--database", database]).status, 0)
        let pool = try AppDatabase.open(path: database)
        let casey = try XCTUnwrap(
            try pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE email = 'casey@example.org'")
            })
        // act
        let found = try XCTUnwrap(try pool.read { db in try PersonalDataReader.read(userID: casey, in: db) })
        let archive = try PersonalDataArchive.make(person: found.0, sections: found.1, at: Date())
        // check
        let files = try PersonalDataTests.entries(archive)
        let readme = try XCTUnwrap(files["README.txt"])
        XCTAssertTrue(readme.contains("Everything Alongside holds about Casey Example <casey@example.org>"))
        let counts = Dictionary(uniqueKeysWithValues: found.1.map { ($0.name, $0.rows.count) })
        XCTAssertEqual(counts["claims (user_id)"], 2, "the demo's paid claim and draft: \(counts)")
        XCTAssertEqual(counts["involvement_appointments (user_id)"], 1, "\(counts)")
        XCTAssertGreaterThanOrEqual(counts["memberships (user_id)"] ?? 0, 1, "\(counts)")
        XCTAssertGreaterThanOrEqual(counts["attendance (user_id)"] ?? 0, 1, "\(counts)")
        let json = try XCTUnwrap(files["data.json"])
        XCTAssertFalse(json.contains("finley@example.org"), "nothing of another demo person's account")
        XCTAssertFalse(json.contains("password_hash"))
        XCTAssertEqual(files.keys.filter { $0.hasPrefix("csv/") }.count, found.1.count, "a CSV for each part")
    }

    func testApplyRetentionSaysWhatEachRuleDeleted() throws {
        let database = try temporaryFolder(self) + "/demo.sqlite"
        XCTAssertEqual(try CommandRunner.run(["demo", "--database", database]).status, 0)
        let run = try CommandRunner.run(["apply-retention", "--database", database])
        XCTAssertEqual(run.status, 0, run.errors)
        for rule in RetentionRule.all {
            XCTAssertTrue(run.output.contains("\(rule.id): deleted "), run.output)
        }
        let missing = try CommandRunner.run(["apply-retention", "--database", database + ".nothing"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.errors.contains("There is no database"), missing.errors)
    }
}

final class DemoDataTests: XCTestCase {
    func testTheDemoShowsGroupsMeetingsAndDecisionsToItsPeople() async throws {
        try await withApp { app in
            let hash = try await app.services.hasher.hash(goodPassword)
            let summary = try await DemoData.load(into: app.services, passwordHash: hash)
            XCTAssertEqual(summary.groups, 3)
            let refusedAgain = await { () async -> Bool in
                do { _ = try await DemoData.load(into: app.services, passwordHash: hash); return false } catch {
                    return error as? DemoData.Refusal == .notEmpty
                }
            }()
            XCTAssertTrue(refusedAgain)

            let blake = app.browser()
            let signedIn = try await blake.signIn(email: "blake@example.org", password: goodPassword)
            XCTAssertEqual(signedIn.status, .seeOther)
            let groups = try await blake.get("/groups")
            XCTAssertTrue(groups.contains("Example Place Leaders Group"))
            XCTAssertTrue(groups.contains("Example Place VCSE Alliance"))
            let leaders = try XCTUnwrap(groups.firstMatch(#"<a href="(/groups/\d+)">Example Place Leaders Group</a>"#))
            let meetings = try await blake.get(leaders + "/meetings")
            let held = try XCTUnwrap(meetings.firstMatch(#"<h2>Held</h2>.*?<a href="(/groups/\d+/meetings/\d+)">"#))
            let meeting = try await blake.get(held)
            XCTAssertTrue(
                meeting.contains("<strong>Quorate.</strong>"), "the held meeting's attendance meets the adopted terms")
            XCTAssertTrue(meeting.contains("Overdue"))
            let decisions = try await blake.get(leaders + "/decisions")
            XCTAssertTrue(decisions.contains("Adopt our terms of reference"))
            XCTAssertTrue(decisions.contains("Fund two peer support workers"))
            let groupID = try XCTUnwrap(leaders.split(separator: "/").last)
            let published = try await app.browser().get("/published/groups/\(groupID)")
            XCTAssertTrue(published.contains("Version 1 (adopted)"))
            XCTAssertTrue(published.contains("Fund two peer support workers"), "the published decision is listed")
            let decisionPath = try XCTUnwrap(
                decisions.firstMatch(#"<a href="(/groups/\d+/decisions/\d+)">Fund two peer support workers"#))
            let decision = try await blake.get(decisionPath)
            XCTAssertTrue(decision.contains(held), "the decision links the meeting it was taken at")

            // involvement: a claim waiting for Blake, an open advert anyone can read, Casey's role and paid claim
            let approvals = try await blake.get(Href.claimApprovals())
            XCTAssertTrue(approvals.contains("Finley Example"))
            let opportunities = try await app.browser().get(Href.opportunities())
            XCTAssertTrue(opportunities.contains("Expert by experience leader"))
            let casey = app.browser()
            _ = try await casey.signIn(email: "casey@example.org", password: goodPassword)
            let hub = try await casey.get(Href.involvement())
            XCTAssertTrue(hub.contains("Expert by experience leader</a>, since"), "her role, linked to its description")
            let earnings = try await casey.get(Href.earnings())
            XCTAssertTrue(earnings.contains("£106.40 in 1 claim"))

            // the alliance: members, the elected accountable body, money in and out, and its published membership
            let alliance = try XCTUnwrap(
                groups.firstMatch(#"<a href="/groups/(\d+)">Example Place VCSE Alliance</a>"#).flatMap { Int64($0) })
            let overview = try await blake.get(Href.alliance(alliance))
            XCTAssertEqual(overview.status, .ok)
            XCTAssertTrue(overview.contains("<strong>Example Voluntary Action</strong> since"))
            XCTAssertTrue(overview.contains("<dt>Received</dt><dd>£250,000.00</dd>"))
            XCTAssertTrue(overview.contains("<dt>Allocated to members</dt><dd>£190,000.00</dd>"))
            XCTAssertTrue(overview.contains("2 of 3 contracts run for three years or longer."))
            XCTAssertTrue(
                overview.contains("Gypsy, Roma and Traveller communities"), "an under-served community not yet reached")
            let register = try await blake.get(Href.organisations())
            XCTAssertTrue(
                register.contains("Meadow Lane Men&#39;s Shed") || register.contains("Meadow Lane Men&#x27;s Shed")
                    || register.contains("Meadow Lane Men's Shed"))
            let publicPage = try await app.browser().get(Href.publishedAlliance(alliance))
            XCTAssertEqual(publicPage.status, .ok)
            XCTAssertTrue(publicPage.contains("Northgate Refugee Welcome"), "joining members are published")
            XCTAssertFalse(publicPage.contains("Meadow Lane"), "an interested organisation is not")
        }
    }

    /// Issue 17: the demo shows first steps honestly partly in place, with what is missing.
    func testTheDemoShowsFirstStepsPartlyInPlaceWithWhatIsMissing() async throws {
        try await withApp { app in
            // setup
            let hash = try await app.services.hasher.hash(goodPassword)
            _ = try await DemoData.load(into: app.services, passwordHash: hash)
            let blake = app.browser()
            _ = try await blake.signIn(email: "blake@example.org", password: goodPassword)
            // act
            let page = try await blake.get(Href.firstSteps())
            let json = try await blake.get(Href.firstStepsJSON())
            // check
            XCTAssertEqual(FirstStepsTests.state(page, step: 1), "Partly in place")
            XCTAssertTrue(page.contains("No one sits for: Employment services."))
            XCTAssertFalse(page.contains("No one sits for: People from under-served communities."), "Casey fills it")
            XCTAssertEqual(FirstStepsTests.state(page, step: 2), "Partly in place")
            XCTAssertTrue(page.contains("Hold a workshop to share insights and develop the local model"))
            let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.html.utf8)) as? [String: Any])
            let steps = try XCTUnwrap(document["steps"] as? [[String: Any]])
            XCTAssertEqual(steps.first?["status"] as? String, "partly")
            XCTAssertFalse(steps.allSatisfy { $0["status"] as? String == "in_place" })
        }
    }
}
