import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

final class DecisionLogTests: XCTestCase {
    /// Two groups: the member sits only on the first. Returns the group paths and the member's browser.
    static func twoGroups(_ app: TestContext) async throws -> (
        manager: TestBrowser, first: String, second: String, member: TestBrowser
    ) {
        let (manager, _) = try await app.signedIn(as: .programmeManager)
        let first = try await GroupsTests.createGroup(manager)
        let second = try await GroupsTests.createGroup(
            manager, name: "Co-production Group", kind: .coproductionWorkingGroup)
        let (member, memberUser) = try await app.signedIn(as: .member, email: "member@example.org")
        try await DecisionFixtures.addMember(manager, group: first, user: memberUser)
        return (manager, first, second, member)
    }

    func testSearchFiltersByWordsDatesGroupAndOutcomeWithinVisibleGroups() async throws {
        try await withApp { app in
            // setup
            let (manager, first, second, member) = try await Self.twoGroups(app)
            _ = try await DecisionFixtures.record(
                manager, group: first, title: "Fund the 50% pilot", extra: [("rationale", "Peer support works.")])
            _ = try await DecisionFixtures.record(
                manager, group: first, title: "Move meetings online", extra: [("objections", "2")])
            _ = try await DecisionFixtures.record(manager, group: second, title: "Co-produce the survey")
            // act and check
            let all = try await manager.get("/decisions")
            XCTAssertEqual(all.status, .ok)
            XCTAssertEqual(all.h1, "Search the decision log")
            XCTAssertTrue(all.contains("<h2>3 decisions</h2>"))
            let words = try await manager.get("/decisions?q=PEER")
            XCTAssertTrue(
                words.contains("<h2>1 decision</h2>") && words.contains("Fund the 50% pilot"),
                "words match the reasons, in any case")
            let spaced = try await manager.get("/decisions?q=peer+SUPPORT")
            XCTAssertTrue(spaced.contains("<h2>1 decision</h2>"), "a form's + is a space")
            XCTAssertEqual(spaced.inputValue("q"), "peer SUPPORT")
            let percent = try await manager.get("/decisions?q=%25")
            XCTAssertTrue(percent.contains("<h2>1 decision</h2>"), "% is matched literally")
            let underscore = try await manager.get("/decisions?q=_")
            XCTAssertTrue(underscore.contains("No decisions match these filters."), "_ is matched literally")
            let outcome = try await manager.get("/decisions?outcome=not_agreed")
            XCTAssertTrue(outcome.contains("Move meetings online") && !outcome.contains("Fund the 50% pilot"))
            let group = try await manager.get("/decisions?group=\(DecisionFixtures.id(second))")
            XCTAssertTrue(group.contains("<h2>1 decision</h2>") && group.contains("Co-produce the survey"))
            let today = try await manager.get("/decisions?from=2026-09-21&to=2026-09-21")
            XCTAssertTrue(today.contains("<h2>3 decisions</h2>"), "the recorded day counts in London time")
            let later = try await manager.get("/decisions?from=2026-09-22")
            XCTAssertTrue(later.contains("<h2>0 decisions</h2>"))
            // a bad date is explained and the other filters are kept and still applied
            let bad = try await manager.get("/decisions?q=peer&from=2026-02-30&outcome=agreed")
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertEqual(bad.errorSummary, ["Enter the start date as a real date, like 2026-03-03"])
            XCTAssertEqual(bad.inputValue("q"), "peer")
            XCTAssertEqual(bad.inputValue("from"), "2026-02-30")
            XCTAssertTrue(bad.contains(#"<option value="agreed" selected>"#))
            XCTAssertTrue(bad.contains("<h2>1 decision</h2>"))
            XCTAssertFalse(bad.contains("/decisions.csv"), "no export of filters that are wrong")
            let good = try await manager.get("/decisions?q=peer&from=2026-09-01&outcome=agreed")
            XCTAssertTrue(
                good.contains(#"href="/decisions.csv?q=peer&amp;from=2026-09-01&amp;outcome=agreed""#),
                "exports carry the filters")
            XCTAssertTrue(good.contains(#"href="/decisions.json?q=peer&amp;from=2026-09-01&amp;outcome=agreed""#))
            // a member sees only their group's decisions, and cannot ask for another group's
            let mine = try await member.get("/decisions")
            XCTAssertTrue(mine.contains("<h2>2 decisions</h2>") && !mine.contains("Co-produce the survey"))
            XCTAssertFalse(mine.contains("Co-production Group"), "the group list holds only groups they can see")
            let other = try await member.get("/decisions?group=\(DecisionFixtures.id(second))")
            XCTAssertEqual(other.errorSummary, ["Select a group from the list"])
            XCTAssertFalse(other.contains("Co-produce the survey"))
            let signedOut = try await app.browser().get("/decisions?q=x")
            XCTAssertEqual(signedOut.status, .seeOther)
            XCTAssertTrue(signedOut.location?.hasPrefix("/sign-in?next=") ?? false)
        }
    }

    func testCSVAndJSONExportsCarryTheFiltersAndDefuseFormulas() async throws {
        try await withApp { app in
            // setup
            let (manager, first, second, member) = try await Self.twoGroups(app)
            let path = try await DecisionFixtures.record(
                manager, group: first, title: "=HYPERLINK(\"http://example.org\",\"Click\")",
                extra: [("rationale", "Because, \"we\" said so\nand more")])
            _ = try await DecisionFixtures.record(manager, group: second, title: "Co-produce the survey")
            // act
            let csv = try await manager.get("/decisions.csv")
            let json = try await manager.get("/decisions.json?group=\(DecisionFixtures.id(first))")
            // check
            XCTAssertEqual(csv.status, .ok)
            XCTAssertEqual(csv.headers[.contentType], "text/csv; charset=utf-8")
            XCTAssertEqual(csv.headers[.contentDisposition], "attachment; filename=\"decisions-2026-09-21.csv\"")
            let lines = csv.html.components(separatedBy: "\r\n")
            XCTAssertTrue(lines[0].hasPrefix("id,group_id,group_name,title,question,method,outcome,is_valid,"))
            XCTAssertTrue(
                csv.html.contains(#","'=HYPERLINK(""http://example.org"",""Click"")","#),
                "a formula is quoted and made text")
            XCTAssertTrue(csv.html.contains("\"Because, \"\"we\"\" said so\nand more\""))
            XCTAssertTrue(csv.html.contains("Co-produce the survey"))
            XCTAssertEqual(json.status, .ok)
            XCTAssertEqual(json.headers[.contentType], "application/json; charset=utf-8")
            XCTAssertTrue(json.headers[.contentDisposition]?.hasPrefix("attachment;") ?? false)
            let objects = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.html.utf8)) as? [[String: Any]])
            XCTAssertEqual(objects.count, 1, "the group filter applies")
            let object = objects[0]
            XCTAssertEqual(
                object["title"] as? String, "=HYPERLINK(\"http://example.org\",\"Click\")",
                "JSON keeps the text as it is")
            XCTAssertEqual(object["outcome"] as? String, "agreed")
            XCTAssertEqual(object["method"] as? String, "consent")
            XCTAssertEqual(object["recorded_at"] as? String, "2026-09-21T14:13:20Z")
            XCTAssertEqual(object["review_on"] as? String, "2027-06-30")
            XCTAssertEqual(object["path"] as? String, path)
            XCTAssertTrue(object["votes_for"] is NSNull, "every key is present, null when empty")
            XCTAssertEqual(Set(object.keys), Set(DecisionExportRow.CodingKeys.allCases.map(\.rawValue)))
            // a member's export holds only their groups; bad filters refuse the export plainly
            let memberCSV = try await member.get("/decisions.csv")
            XCTAssertFalse(memberCSV.html.contains("Co-produce the survey"))
            let bad = try await manager.get("/decisions.json?to=31/12/2026")
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertEqual(bad.html, "The export was not made: Enter the end date as a real date, like 2026-03-31.\n")
            let signedOut = try await app.browser().get("/decisions.csv")
            XCTAssertEqual(signedOut.status, .seeOther)
        }
    }

    func testReviewsDueListsLatestRevisionsOfTheirGroupsSoonestFirst() async throws {
        try await withApp { app in
            // setup
            let (manager, first, second, member) = try await Self.twoGroups(app)
            _ = try await DecisionFixtures.record(
                manager, group: first, title: "Due today", extra: [("review_on", "2026-09-21")])
            let overdue = try await DecisionFixtures.record(
                manager, group: first, title: "Overdue", extra: [("review_on", "2026-09-01")])
            _ = try await DecisionFixtures.record(
                manager, group: first, title: "Not yet", extra: [("review_on", "2027-01-01")])
            _ = try await DecisionFixtures.record(
                manager, group: second, title: "Other group's review", extra: [("review_on", "2026-08-01")])
            // act
            let managerPage = try await manager.get("/decisions/reviews-due")
            let memberPage = try await member.get("/decisions/reviews-due")
            // check
            XCTAssertEqual(managerPage.h1, "Decisions due for review")
            XCTAssertEqual(
                managerPage.allMatches(#"<th scope="row"><a href="[^"]+">([^<]+)</a></th>"#),
                ["Other group's review", "Overdue", "Due today"])
            XCTAssertTrue(managerPage.contains("<td>1 September 2026</td>"))
            XCTAssertEqual(
                memberPage.allMatches(#"<th scope="row"><a href="[^"]+">([^<]+)</a></th>"#), ["Overdue", "Due today"])
            // a correction that moves the review date takes the decision off the list
            var fields = DecisionsTests.consentDecision().filter { $0.0 != "title" && $0.0 != "review_on" }
            fields += [
                ("title", "Overdue"), ("review_on", "2027-09-01"), ("correction_reason", "Review moved by the group."),
            ]
            _ = try await manager.get(overdue + "/correct")
            _ = try await manager.post(overdue + "/correct", fields)
            let after = try await member.get("/decisions/reviews-due")
            XCTAssertEqual(after.allMatches(#"<th scope="row"><a href="[^"]+">([^<]+)</a></th>"#), ["Due today"])
            // linked from the group's decision log
            let log = try await member.get(first + "/decisions")
            XCTAssertTrue(log.contains(#"href="/decisions/reviews-due""#))
            XCTAssertTrue(log.contains(#"href="\#(first)/proposals""#))
            let signedOut = try await app.browser().get("/decisions/reviews-due")
            XCTAssertEqual(signedOut.status, .seeOther)
        }
    }

    func testPublishingMakesTheLatestRevisionPublicAndUnpublishingHidesIt() async throws {
        try await withApp { app in
            // setup
            let (manager, first, _, member) = try await Self.twoGroups(app)
            let decision = try await DecisionFixtures.record(
                manager, group: first, title: "Fund the pilot", extra: [("rationale", "Secret reasoning")])
            let id = DecisionFixtures.id(decision)
            let publicPath = "/published\(first)/decisions/\(id)"
            let visitor = app.browser()
            let hidden = try await visitor.get(publicPath)
            XCTAssertEqual(hidden.status, .notFound)
            XCTAssertFalse(hidden.contains("Secret reasoning"))
            // refusals
            _ = try await member.get(decision)
            let byMember = try await member.post(decision + "/visibility", [("visibility", "published")])
            XCTAssertEqual(byMember.status, .forbidden)
            let noToken = try await manager.post(decision + "/visibility", [("visibility", "published")], csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            // act
            _ = try await manager.get(decision)
            let published = try await manager.post(decision + "/visibility", [("visibility", "published")])
            // check
            XCTAssertEqual(published.location, decision)
            let page = try await manager.get(decision)
            XCTAssertTrue(page.contains("Published: anyone can read it"))
            XCTAssertTrue(page.contains("Unpublish this decision"))
            let open = try await visitor.get(publicPath)
            XCTAssertEqual(open.status, .ok)
            XCTAssertEqual(open.h1, "Fund the pilot")
            XCTAssertTrue(open.contains("Secret reasoning"))
            let listed = try await DecisionStore(pool: app.services.pool, clock: app.services.clock).publishedDecisions(
                groupID: DecisionFixtures.id(first))
            XCTAssertEqual(listed.map(\.title), ["Fund the pilot"])
            // a correction stays published and the stable address shows it
            var fields = DecisionsTests.consentDecision().filter { $0.0 != "title" }
            fields += [("title", "Fund the peer support pilot"), ("correction_reason", "Wrong name.")]
            _ = try await manager.get(decision + "/correct")
            let corrected = try await manager.post(decision + "/correct", fields)
            let latest = try XCTUnwrap(corrected.location)
            let afterCorrection = try await visitor.get(publicPath)
            XCTAssertEqual(afterCorrection.h1, "Fund the peer support pilot")
            XCTAssertTrue(afterCorrection.contains("Corrected on 21 September 2026: Wrong name."))
            // unpublish
            _ = try await manager.get(latest)
            _ = try await manager.post(latest + "/visibility", [("visibility", "private")])
            let gone = try await visitor.get(publicPath)
            XCTAssertEqual(gone.status, .notFound)
            XCTAssertFalse(gone.contains("Fund the peer support pilot"))
            let audit = try await app.services.pool.read { db in
                try String.fetchAll(
                    db, sql: "SELECT action FROM audit_events WHERE record_kind = 'decision' ORDER BY id")
            }
            XCTAssertEqual(audit, ["recorded", "published", "corrected", "unpublished"])
            // only visibility may change in the log
            do {
                try await app.services.pool.write { db in try db.execute(sql: "UPDATE decisions SET title = 'x'") }
                XCTFail("edits are refused")
            } catch {}
            try await app.services.pool.write { db in try db.execute(sql: "UPDATE decisions SET visibility = 'private'")
            }
        }
    }
}
