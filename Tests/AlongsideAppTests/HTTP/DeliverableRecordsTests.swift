import Foundation
import XCTest
@testable import AlongsideApp

/// Decisions, action-plan items and meeting actions name the roadmap deliverables they affect; each deliverable's
/// page lists them newest first, and a status change can cite the decision that made it (issue 19).
final class DeliverableRecordsTests: XCTestCase {
    typealias F = CoproductionFixtures

    func testADecisionNamesDeliverablesAndAStatusChangeCitesIt() async throws {
        try await withApp { app in
            let deliverables = try await RoadmapFixtures.load(app)
            let governance = try XCTUnwrap(deliverables["joint-governance"])
            let governanceID = String(DecisionFixtures.id(governance))
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            let decision = try await DecisionFixtures.record(manager, group: group, title: "Set up the leaders group")

            let before = try await manager.get(decision)
            XCTAssertTrue(before.contains("It names no roadmap deliverables."))
            XCTAssertTrue(before.contains(#"href="\#(decision)/deliverables">Change the deliverables it affects"#))
            let form = try await manager.get(decision + "/deliverables")
            XCTAssertEqual(form.status, .ok)
            XCTAssertEqual(form.h1, "Deliverables this decision affects")
            XCTAssertTrue(form.contains(#"type="checkbox" value="\#(governanceID)""#))

            // A deliverable not offered is refused, with the ticks kept and nothing saved.
            let refused = try await manager.post(
                decision + "/deliverables", [("deliverables", governanceID), ("deliverables", "999999")])
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertEqual(refused.errorSummary, ["Select deliverables from the list"])
            XCTAssertTrue(refused.contains(#"value="\#(governanceID)" checked"#), "what was ticked is kept")
            let stillNone = try await manager.get(governance)
            XCTAssertTrue(stillNone.contains("No decision, action-plan item or meeting action you can see names"))

            let saved = try await manager.post(decision + "/deliverables", [("deliverables", governanceID)])
            XCTAssertEqual(saved.status, .seeOther)
            XCTAssertEqual(saved.location, decision + "#deliverables")
            let after = try await manager.get(decision)
            XCTAssertTrue(after.contains("Saved: the decision names 1 roadmap deliverable."))
            XCTAssertTrue(after.contains(#"<li><a href="\#(governance)">Joint governance</a></li>"#))

            // The deliverable lists the decision, and its status form offers it to cite.
            let page = try await manager.get(governance)
            XCTAssertTrue(page.contains(#"Decision: <a href="\#(decision)">Set up the leaders group</a>"#))
            let chainID = String(DecisionFixtures.id(decision))
            XCTAssertTrue(page.contains(#"<option value="\#(chainID)""#), "the status form offers the decision")

            // Citing a decision that does not name the deliverable is refused; what was typed stays.
            let wrong = try await manager.post(
                governance + "/status", [("status", "in_progress"), ("note", "Terms agreed"), ("decision", "424242")])
            XCTAssertEqual(wrong.status, .unprocessableContent)
            XCTAssertEqual(wrong.errorSummary, ["Select a decision from the list, or none"])
            XCTAssertTrue(wrong.contains(">Terms agreed</textarea>"))

            let cited = try await manager.post(
                governance + "/status", [("status", "in_progress"), ("note", "Terms agreed"), ("decision", chainID)])
            XCTAssertEqual(cited.status, .seeOther)
            let history = try await manager.get(governance)
            XCTAssertTrue(
                history.contains(#"Cites the decision: <a href="\#(decision)">Set up the leaders group</a>"#),
                "the history links the decision")
            let stored = try await RoadmapStore(pool: app.services.pool, clock: app.services.clock)
                .history(deliverableID: DecisionFixtures.id(governance))
            XCTAssertEqual(stored.first?.decisionID, DecisionFixtures.id(decision))

            // Untick it: the decision names nothing, and the deliverable no longer lists it.
            let cleared = try await manager.post(decision + "/deliverables", [])
            XCTAssertEqual(cleared.status, .seeOther)
            let none = try await manager.get(governance)
            XCTAssertFalse(none.contains(#"Decision: <a href="\#(decision)">"#))
        }
    }

    func testOnlyThoseWhoRecordDecisionsNameDeliverablesAndPrivateDecisionsStayPrivate() async throws {
        try await withApp { app in
            let deliverables = try await RoadmapFixtures.load(app)
            let governance = try XCTUnwrap(deliverables["joint-governance"])
            let governanceID = String(DecisionFixtures.id(governance))
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            let decision = try await DecisionFixtures.record(manager, group: group, title: "A private matter")
            _ = try await manager.get(decision + "/deliverables")
            let noToken = try await manager.post(
                decision + "/deliverables", [("deliverables", governanceID)], csrf: "")
            XCTAssertEqual(noToken.status, .forbidden, "a form without its token is refused")
            _ = try await manager.post(decision + "/deliverables", [("deliverables", governanceID)])
            let chainID = String(DecisionFixtures.id(decision))
            _ = try await manager.post(
                governance + "/status", [("status", "planning"), ("note", "Started"), ("decision", chainID)])

            // Someone outside the group: no form, and the private decision is neither listed nor linked.
            let (outsider, _) = try await app.signedIn(as: .expertByExperience, email: "outsider@example.org")
            for path in [decision + "/deliverables"] {
                let page = try await outsider.get(path)
                XCTAssertEqual(page.status, .notFound, "\(path): a private group is not shown to outsiders")
            }
            let page = try await outsider.get(governance)
            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.contains("A private matter"))
            XCTAssertTrue(page.contains("Cites the decision: a decision you cannot read here"))
            XCTAssertFalse(page.contains(decision), "no link to it either")
        }
    }

    func testAMemberWhoDoesNotRecordDecisionsIsRefused() async throws {
        try await withApp { app in
            let deliverables = try await RoadmapFixtures.load(app)
            let governanceID = String(DecisionFixtures.id(try XCTUnwrap(deliverables["joint-governance"])))
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            let decision = try await DecisionFixtures.record(manager, group: group)
            let (member, memberUser) = try await app.signedIn(as: .member, name: "Mo Member")
            try await DecisionFixtures.addMember(manager, group: group, user: memberUser)
            let page = try await member.get(decision)
            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.contains("Change the deliverables it affects"))
            let form = try await member.get(decision + "/deliverables")
            XCTAssertEqual(form.status, .forbidden)
            let post = try await member.post(decision + "/deliverables", [("deliverables", governanceID)])
            XCTAssertEqual(post.status, .forbidden)
            let named = try await DecisionStore(pool: app.services.pool, clock: app.services.clock)
                .deliverableIDs(chainID: DecisionFixtures.id(decision))
            XCTAssertEqual(named, [], "nothing was saved")
        }
    }

    func testMeetingActionsAndPlanItemsAreListedNewestFirst() async throws {
        try await withApp { app in
            let deliverables = try await RoadmapFixtures.load(app)
            let workforce = try XCTUnwrap(deliverables["peer-workforce"])
            let workforceID = String(DecisionFixtures.id(workforce))
            let (manager, managerUser) = try await app.signedIn(as: .programmeManager)

            // An action-plan item names the deliverable through its own form (as it did before).
            _ = try await manager.get("/coproduction/plan/new")
            let item = try await manager.post(
                "/coproduction/plan/new",
                F.planFields(["what": "Recruit peer support workers"], extra: [("deliverables", workforceID)]))
            XCTAssertEqual(item.status, .seeOther)
            app.clock.advance(by: 60)

            // A meeting action names it from the action's page.
            let group = try await GroupsTests.createGroup(manager)
            let meeting = try await MeetingsTests.planMeeting(manager, group: group)
            _ = try await manager.post(
                meeting + "/actions",
                [
                    ("action_what", "Draft the peer worker job description"), ("action_owner", String(managerUser.id!)),
                    ("action_due", "2026-12-20"),
                ])
            let meetingPage = try await manager.get(meeting)
            let action = try XCTUnwrap(
                meetingPage.firstMatch(#"<a href="(/groups/\d+/actions/\d+)">Draft the peer worker"#))
            let actionForm = try await manager.get(action)
            XCTAssertTrue(actionForm.contains(#"type="checkbox" value="\#(workforceID)""#))
            let bad = try await manager.post(
                action,
                [("status", "in_progress"), ("due_on", "2026-12-20"), ("notes", "Half done"), ("deliverables", "x")])
            XCTAssertEqual(bad.errorSummary, ["Select deliverables from the list"])
            XCTAssertTrue(bad.contains(">Half done</textarea>"))
            let saved = try await manager.post(
                action,
                [
                    ("status", "in_progress"), ("due_on", "2026-12-20"), ("notes", "Half done"),
                    ("deliverables", workforceID),
                ])
            XCTAssertEqual(saved.status, .seeOther)
            let again = try await manager.get(action)
            XCTAssertTrue(again.contains(#"value="\#(workforceID)" checked"#), "the action names it now")

            let page = try await manager.get(workforce)
            let kinds = page.allMatches(#"<th scope="row">([^:]+): <a"#)
            XCTAssertEqual(kinds, ["Meeting action", "Action-plan item"], "newest first")
            XCTAssertTrue(page.contains("Draft the peer worker job description"))
            XCTAssertTrue(page.contains("In progress, due 20 December 2026"))
            XCTAssertTrue(page.contains("Recruit peer support workers"))
            XCTAssertFalse(page.contains("The decision that made this change"), "no decision names it: no choice")

            // A member outside the group sees the plan item but not the group's action.
            let (outsider, _) = try await app.signedIn(as: .member, email: "outsider@example.org")
            let theirs = try await outsider.get(workforce)
            XCTAssertEqual(theirs.allMatches(#"<th scope="row">([^:]+): <a"#), ["Action-plan item"])
        }
    }
}
