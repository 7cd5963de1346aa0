import Foundation
import XCTest
@testable import AlongsideApp

/// Each person's home page leads to the work that needs them, most urgent first, and to nothing they cannot act on
/// (issue 20). The test clock's today is Monday 21 September 2026.
final class HomeTests: XCTestCase {
    /// The to-do lines' texts, in order.
    static func tasks(_ page: Page) -> [String] {
        page.allMatches(#"<p class="task-title"><a href="[^"]*">([^<]*)</a>"#)
    }

    func testAnExpertByExperienceSeesTheProposalWaitingForHerHerReturnedClaimAndHerNextMeeting() async throws {
        try await withApp { app in
            let (group, people) = try await ProposalsTests.group(app)
            let meeting = try await MeetingsTests.planMeeting(people.manager, group: group, day: "2026-09-22")
            let proposal = try await ProposalsTests.open(people.chair, group: group, closesOn: "2026-09-28")
            // Chris, who chairs the group as an expert by experience, sends a claim; the manager returns it.
            let claim = try await ClaimFixtures.send(people.chair, ClaimFixtures.fields(activity: "Leaders group"))
            let version = try await ClaimFixtures.version(people.manager, claim)
            let returned = try await people.manager.post(
                Href.returnClaim(claim), [("version", version), ("reason", "It was a half day.")])
            XCTAssertEqual(returned.status, .seeOther)

            let home = try await people.chair.get("/")
            XCTAssertEqual(home.status, .ok)
            XCTAssertEqual(
                Self.tasks(home), ["1 claim was sent back to you", "1 proposal waits for your response"],
                "the returned claim first (sent back), then the proposal closing in a week")
            XCTAssertTrue(home.contains(#"<a href="\#(Href.claim(claim))">1 claim was sent back to you</a>"#))
            XCTAssertTrue(home.contains(#"<a href="\#(proposal)">1 proposal waits for your response</a>"#))
            XCTAssertTrue(home.contains("The first closes on 28 September 2026"))
            // Her next meeting, with what she needs to take part and a calendar file.
            XCTAssertTrue(
                home.contains(#"<a href="\#(meeting)">22 September 2026, 2:00pm to 4:00pm: Leaders Group</a>"#))
            XCTAssertTrue(home.contains("Room 2, Example Community Centre"))
            XCTAssertTrue(home.contains("Video link sent the day before"))
            XCTAssertTrue(home.contains("Step-free access"), "access arrangements are shown")
            XCTAssertTrue(home.contains(#"href="\#(meeting)/calendar">Add to your calendar"#))
            XCTAssertFalse(home.contains("claims wait for approval"), "nothing she cannot act on")

            XCTAssertTrue(home.contains("Your involvement"), "an expert by experience sees their involvement")
            // Once she responds, the proposal leaves her list; a member who has not still sees it.
            _ = try await people.chair.get(proposal)
            let responded = try await people.chair.post(proposal + "/response", [("response", "for")])
            XCTAssertEqual(responded.status, .seeOther)
            let after = try await people.chair.get("/")
            XCTAssertEqual(Self.tasks(after), ["1 claim was sent back to you"])
            let member = try await people.first.get("/")
            XCTAssertEqual(Self.tasks(member), ["1 proposal waits for your response"])
            // An observer may not respond, so it is not on their list; someone outside the group sees nothing.
            let observer = try await people.observer.get("/")
            XCTAssertFalse(Self.tasks(observer).contains("1 proposal waits for your response"))
            let outsider = try await people.outsider.get("/")
            XCTAssertEqual(Self.tasks(outsider), [])
            XCTAssertTrue(outsider.contains("Nothing needs you right now"), "an honest empty state")
        }
    }

    func testAProgrammeManagerSeesClaimsToApproveReviewsDueAndDeliverablesAtRisk() async throws {
        try await withApp { app in
            let pages = try await RoadmapFixtures.load(app)
            let (manager, managerUser) = try await app.signedIn(as: .programmeManager, name: "Blake Example")
            let (casey, _) = try await app.signedIn(as: .expertByExperience, email: "casey@example.org")
            _ = try await ClaimFixtures.send(casey, ClaimFixtures.fields())
            // A decision of the manager's group whose review date has passed.
            let group = try await GroupsTests.createGroup(manager)
            _ = try await DecisionFixtures.record(
                manager, group: group, title: "Review the pilot", extra: [("review_on", "2026-09-01")])
            // A deliverable the manager owns, now at risk.
            let governance = try XCTUnwrap(pages["joint-governance"])
            let store = RoadmapStore(pool: app.services.pool, clock: app.services.clock)
            let id = DecisionFixtures.id(governance)
            let deliverable = try await XCTUnwrapAsync(try await store.deliverable(id: id))
            _ = try await store.update(
                id,
                .init(
                    title: deliverable.title, workstream: deliverable.workstream, summary: deliverable.summary,
                    owner: .person(managerUser.id!), targetOn: "2027-03-31", involvement: nil),
                expectedVersion: deliverable.version, by: .commandLine, requestID: nil)
            _ = try await store.setStatus(
                id, to: .atRisk, note: "Waiting on the board", by: .commandLine, requestID: nil)

            let home = try await manager.get("/")
            XCTAssertEqual(
                Self.tasks(home),
                [
                    "1 decision is due for review",
                    "1 deliverable you own needs attention: at risk or past its target date",
                    "1 claim waits for approval",
                ], "overdue first, then what needs attention soon, then what waits")
            XCTAssertTrue(home.contains(#"<span class="tag tag-missing">Overdue</span>"#))
            XCTAssertTrue(home.contains("Review the pilot (Leaders Group, review due 1 September 2026)"))
            XCTAssertTrue(home.contains(#"<a href="\#(Href.claimApprovals())">1 claim waits for approval</a>"#))
            XCTAssertTrue(home.contains(#"<a href="\#(governance)">1 deliverable you own needs attention"#))
            XCTAssertTrue(home.contains("first steps in place"), "managers see how far the first steps have come")
            // Casey cannot approve claims, and her own claim is not "to approve" for her.
            let caseyHome = try await casey.get("/")
            XCTAssertFalse(caseyHome.contains("waits for approval"))
            XCTAssertFalse(caseyHome.contains("first steps in place"))
            XCTAssertTrue(caseyHome.contains("Your involvement"), "an expert by experience sees their involvement")
            XCTAssertTrue(caseyHome.contains(#"href="\#(Href.earnings())">Your earnings this tax year"#))
        }
    }
}

extension HomeTests {
    func testAPersonReadsTheDescriptionOfARoleTheyHoldAndNobodyElseDoes() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let (casey, caseyUser) = try await app.signedIn(
                as: .expertByExperience, email: "casey@example.org", name: "Casey Example")
            let (other, _) = try await app.signedIn(as: .expertByExperience, email: "other@example.org")
            let role = try await InvolvementRolesTests.createRole(manager, title: "Lived experience adviser")
            let roleID = DecisionFixtures.id(role)
            _ = try await manager.get(role + "/appointments")
            let appointed = try await manager.post(
                role + "/appointments", [("account", String(caseyUser.id!)), ("starts_on", "2026-09-01")])
            XCTAssertEqual(appointed.status, .seeOther)

            let home = try await casey.get("/")
            let held = Href.heldRole(roleID)
            XCTAssertTrue(home.contains(#"<a href="\#(held)">Lived experience adviser, since 1 September 2026</a>"#))
            let hub = try await casey.get(Href.involvement())
            XCTAssertTrue(hub.contains(#"<a href="\#(held)">Lived experience adviser</a>, since 1 September 2026"#))
            let page = try await casey.get(held)
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.h1, "Lived experience adviser")
            XCTAssertTrue(page.contains("You have held this role since 1 September 2026."))
            XCTAssertTrue(page.contains("What is the role for?"), "the whole description")
            // Someone who does not hold it, an unknown role and someone signed out are not shown it.
            let refused = try await other.get(held)
            XCTAssertEqual(refused.status, .notFound)
            let unknown = try await casey.get(Href.heldRole(999_999))
            XCTAssertEqual(unknown.status, .notFound)
            let signedOut = try await app.browser().get(held)
            XCTAssertEqual(signedOut.status, .seeOther, "signed out: to sign in")
        }
    }
}

/// `XCTUnwrap` for a value read with `await`.
func XCTUnwrapAsync<T>(_ value: T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
    try XCTUnwrap(value, file: file, line: line)
}
