import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// The co-production hub, the action plan and workshops (issue 7): everyone signed in reads them; administrators,
/// programme managers and experts by experience change the plan.
final class CoproductionPlanTests: XCTestCase {
    typealias F = CoproductionFixtures

    // MARK: Refusals

    func testSignedOutPeopleSignInMembersReadButCannotChangeAndUnknownIdsAre404() async throws {
        try await withApp { app in
            // setup
            let (ebe, _) = try await app.signedIn(as: .expertByExperience)
            let item = try await F.addPlanItem(ebe, F.planFields())
            let (member, _) = try await app.signedIn(as: .member)
            // act and check: reading
            for path in [
                "/coproduction", "/coproduction/plan", "/coproduction/plan.csv", item, "/coproduction/workshops",
            ] {
                let signedOut = try await app.browser().get(path)
                XCTAssertEqual(signedOut.status, .seeOther, path)
                XCTAssertTrue(signedOut.location?.hasPrefix("/sign-in?next=") ?? false, path)
                let read = try await member.get(path)
                XCTAssertEqual(read.status, .ok, path)
            }
            let plan = try await member.get("/coproduction/plan")
            XCTAssertFalse(plan.contains("Add an action-plan item"), "members are not offered the form")
            let shown = try await member.get(item)
            XCTAssertFalse(shown.contains(item + "/edit"), "members are not offered the edit link")
            // changing
            for path in ["/coproduction/plan/new", item + "/edit"] {
                let signedOut = try await app.browser().get(path)
                XCTAssertTrue(signedOut.location?.hasPrefix("/sign-in?next=") ?? false, path)
                let refused = try await member.get(path)
                XCTAssertEqual(refused.status, .forbidden, path)
                let posted = try await member.post(path, F.planFields(["what": "Sneaky"]) + [("version", "1")])
                XCTAssertEqual(posted.status, .forbidden, path)
                _ = try await ebe.get(path)
                let noToken = try await ebe.post(
                    path, F.planFields(["what": "No token"]) + [("version", "1")], csrf: "")
                XCTAssertEqual(noToken.status, .forbidden, "\(path) without a CSRF token")
            }
            let whats = try await app.services.pool.read { db in
                try String.fetchAll(db, sql: "SELECT what FROM action_plan_items")
            }
            XCTAssertEqual(whats, ["Visit three community groups"], "nothing refused was saved")
            // unknown ids
            for path in ["/coproduction/plan/999", "/coproduction/plan/999/edit", "/coproduction/plan/abc"] {
                let missing = try await ebe.get(path)
                XCTAssertEqual(missing.status, .notFound, path)
            }
            let missingPost = try await ebe.post("/coproduction/plan/999/edit", F.planFields() + [("version", "1")])
            XCTAssertEqual(missingPost.status, .notFound)
        }
    }

    // MARK: The plan

    func testAProgrammeManagerAddsAnItemFromAWorkshopAndItIsAudited() async throws {
        try await withApp { app in
            // setup
            let deliverables = try await RoadmapFixtures.load(app)
            let peerID = try XCTUnwrap(deliverables["peer-workforce"]?.split(separator: "/").last.map(String.init))
            let group = try await F.workingGroup(app)
            let workshop = try await F.workshop(app, groupID: group)
            // sees the private working group
            let (ebe, _) = try await app.signedIn(as: .programmeManager, name: "Pat Manager")
            let form = try await ebe.get("/coproduction/plan/new?meeting=\(workshop)")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(
                form.contains(
                    #"<option value="\#(workshop)" selected>10 September 2026: Listening workshop (Co-production Working Group)</option>"#
                ),
                "the workshop is chosen already")
            XCTAssertTrue(form.contains(#"<option value="\#(group)" selected>Co-production Working Group</option>"#))
            XCTAssertTrue(
                form.contains("<legend class=\"label\">Workforce</legend>"), "deliverables are grouped by workstream")
            // act
            let path = try await F.addPlanItem(
                ebe,
                F.planFields(
                    ["status": "in_progress", "group": String(group), "workshop": String(workshop)],
                    extra: [("deliverables", peerID)]))
            let shown = try await ebe.get(path)
            // check
            XCTAssertEqual(shown.h1, "Visit three community groups")
            XCTAssertTrue(
                shown.contains("&quot;Visit three community groups&quot; is on the action plan.")
                    || shown.contains("is on the action plan."))
            XCTAssertTrue(shown.contains(#"<span class="tag tag-blue">In progress</span>"#))
            XCTAssertTrue(shown.contains("<dd class=\"preserve-lines\">1 December 2026</dd>"))
            XCTAssertTrue(
                shown.contains(
                    #"<a href="/groups/\#(group)/meetings/\#(workshop)">10 September 2026: Listening workshop"#))
            XCTAssertTrue(shown.contains(#"<a href="\#(deliverables["peer-workforce"]!)">Peer workforce</a>"#))
            let audit = try await F.audit(app, kind: "action plan item")
            XCTAssertEqual(audit, ["Added \"Visit three community groups\" to the co-production action plan"])
            // the workshop's page and the list of workshops show it
            let meeting = try await ebe.get("/groups/\(group)/meetings/\(workshop)")
            XCTAssertTrue(meeting.contains("What came out of this workshop"))
            XCTAssertTrue(meeting.contains(#"<a href="\#(path)">Visit three community groups (in progress)</a>"#))
            XCTAssertTrue(
                meeting.contains(
                    #"href="/coproduction/insights/new?meeting=\#(workshop)">Record an insight from this workshop</a>"#)
            )
            XCTAssertTrue(
                meeting.contains(
                    #"href="/coproduction/plan/new?meeting=\#(workshop)">Add an action-plan item from this workshop</a>"#
                ))
            let workshops = try await ebe.get("/coproduction/workshops")
            XCTAssertTrue(
                workshops.contains(#"<td class="numeric">0</td><td class="numeric">1</td>"#),
                "no insights, one plan item")
            // the plan lists it and filters by status
            let plan = try await ebe.get("/coproduction/plan?status=in_progress")
            XCTAssertTrue(plan.contains("<h2 id=\"count\">1 item of 1 match the filter</h2>"))
            let none = try await ebe.get("/coproduction/plan?status=done")
            XCTAssertTrue(none.contains("No action-plan items match."))
            let hub = try await ebe.get("/coproduction")
            XCTAssertTrue(hub.contains("In progress: <strong>1</strong>"))
            XCTAssertTrue(hub.contains(#"href="/assets""#) && hub.contains(#"href="/first-steps""#))
            // the spreadsheet
            let csv = try await ebe.get("/coproduction/plan.csv")
            XCTAssertEqual(csv.headers[.contentType], "text/csv; charset=utf-8")
            XCTAssertTrue(
                csv.html.hasPrefix("id,what,how,who,due_on,status,group,workshop,deliverables,notes,updated_on\r\n"))
            XCTAssertTrue(
                csv.html.contains(
                    "Visit three community groups,Go to groups that already meet,The co-production working group,2026-12-01,In progress,Co-production Working Group"
                ))
        }
    }

    func testBadInputIsExplainedAndEverythingTypedIsKept() async throws {
        try await withApp { app in
            let (ebe, _) = try await app.signedIn(as: .expertByExperience)
            _ = try await ebe.get("/coproduction/plan/new")
            // act
            let bad = try await ebe.post(
                "/coproduction/plan/new",
                F.planFields([
                    "what": " ", "due_on": "2026-02-30", "who": "Our peer group",
                    "group": "999", "status": "",
                ]))
            // check
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertEqual(bad.title?.hasPrefix("Error: "), true)
            XCTAssertEqual(
                bad.errorSummary,
                [
                    "Enter what will be done", "Enter the date it is due as a real date, like 2027-03-31",
                    "Select where the item has got to", "Select a group from the list",
                ])
            XCTAssertEqual(bad.inputValue("who"), "Our peer group")
            XCTAssertEqual(bad.inputValue("due_on"), "2026-02-30")
            XCTAssertTrue(bad.contains(#"aria-describedby="field-due_on-hint field-due_on-error""#))
            let count = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM action_plan_items")
            }
            XCTAssertEqual(count, 0)
        }
    }

    func testAStaleEditIsRefusedWithBothVersionsShownAndNothingLost() async throws {
        try await withApp { app in
            // setup
            let (first, _) = try await app.signedIn(as: .expertByExperience, email: "first@example.org")
            let (second, _) = try await app.signedIn(as: .programmeManager, email: "second@example.org")
            let path = try await F.addPlanItem(first, F.planFields())
            let firstForm = try await first.get(path + "/edit")
            XCTAssertEqual(firstForm.inputValue("version"), "1")
            _ = try await second.get(path + "/edit")
            let saved = try await second.post(
                path + "/edit", F.planFields(["what": "Visit five community groups"]) + [("version", "1")])
            XCTAssertEqual(saved.status, .seeOther)
            // act
            let stale = try await first.post(
                path + "/edit",
                F.planFields(["what": "Visit four community groups", "status": "done"]) + [("version", "1")])
            // check
            XCTAssertEqual(stale.status, .conflict)
            XCTAssertTrue(stale.contains("The version saved by someone else"))
            XCTAssertTrue(
                stale.contains("<dd class=\"preserve-lines\">Visit five community groups</dd>"),
                "their version is shown")
            XCTAssertEqual(stale.inputValue("what"), "Visit four community groups", "what this person typed is kept")
            XCTAssertEqual(stale.inputValue("version"), "2", "saving again replaces theirs")
            let again = try await first.post(
                path + "/edit",
                F.planFields(["what": "Visit four community groups", "status": "done"]) + [("version", "2")])
            XCTAssertEqual(again.status, .seeOther)
            let what = try await app.services.pool.read { db in
                try String.fetchOne(db, sql: "SELECT what FROM action_plan_items")
            }
            XCTAssertEqual(what, "Visit four community groups")
            let audit = try await F.audit(app, kind: "action plan item")
            XCTAssertEqual(audit.count, 3, "added, then edited twice")
        }
    }

    func testWorkshopsListOnlyThoseInGroupsThePersonCanSee() async throws {
        try await withApp { app in
            let visible = try await F.workingGroup(app, name: "Open Working Group", visibility: .published)
            let hidden = try await F.workingGroup(app, name: "Closed Working Group")
            _ = try await F.workshop(app, groupID: visible, purpose: "Open workshop", visibility: .published)
            _ = try await F.workshop(app, groupID: hidden, purpose: "Closed workshop")
            let (member, _) = try await app.signedIn(as: .member)
            let page = try await member.get("/coproduction/workshops")
            XCTAssertTrue(page.contains("Open workshop"))
            XCTAssertFalse(
                page.contains("Closed workshop"), "a private group's workshop is not listed for people outside it")
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let all = try await manager.get("/coproduction/workshops")
            XCTAssertTrue(all.contains("Closed workshop"))
        }
    }
}
