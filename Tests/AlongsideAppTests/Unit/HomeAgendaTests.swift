import XCTest
@testable import AlongsideApp

/// The order of a person's to-do list: overdue first, then what is due within two days or sent back, then what
/// waits; within each, the order people act in (issue 20).
final class HomeAgendaTests: XCTestCase {
    let links = HomeAgenda.Links(
        actions: "/actions", claims: "/claims", approvals: "/approvals", finance: "/finance", reviewsDue: "/reviews",
        interest: "/interest", assetReview: "/review", roadmap: "/roadmap")
    let today = "2026-09-21"

    func named(_ text: String, day: String? = nil) -> HomeFacts.Named { .init(text: text, href: "/\(text)", day: day) }

    func testNothingToDoIsAnEmptyList() {
        XCTAssertEqual(HomeAgenda.tasks(HomeFacts(), today: today, links: links), [])
        var facts = HomeFacts()
        facts.claimsToApprove = 0
        facts.newInterest = 0
        XCTAssertEqual(HomeAgenda.tasks(facts, today: today, links: links), [], "a zero count is not a task")
    }

    func testOverdueComesFirstThenSoonThenWaiting() {
        var facts = HomeFacts()
        facts.proposals = [named("Pay for a peer worker", day: "2026-09-28")]
        facts.actions = [named("Write to the trust", day: "2026-09-20"), named("Book a room", day: "2026-10-01")]
        facts.returnedClaims = [named("Leaders group")]
        facts.claimsToApprove = 3
        facts.reviewsDue = [named("Review the pilot", day: "2026-09-21")]
        let tasks = HomeAgenda.tasks(facts, today: today, links: links)
        XCTAssertEqual(tasks.map(\.kind), [.actions, .returnedClaims, .reviewsDue, .proposals, .claimsToApprove])
        XCTAssertEqual(tasks.map(\.urgency), [0, 1, 1, 2, 2])
        XCTAssertEqual(tasks[0].text, "2 actions to do, 1 overdue")
        XCTAssertEqual(tasks[0].detail, "The oldest was due on 20 September 2026")
        XCTAssertEqual(tasks[0].href, "/actions")
        XCTAssertEqual(tasks[1].href, "/Leaders group", "one returned claim leads straight to it")
        XCTAssertEqual(tasks[3].href, "/Pay for a peer worker", "the proposal closing soonest")
        XCTAssertEqual(tasks[4].text, "3 claims wait for approval")
    }

    func testAProposalClosingWithinTwoDaysIsSoonAndItemsAreCappedAtThree() {
        var facts = HomeFacts()
        facts.proposals = (1...5).map { named("Proposal \($0)", day: "2026-09-23") }
        let task = HomeAgenda.tasks(facts, today: today, links: links)[0]
        XCTAssertEqual(task.urgency, 1)
        XCTAssertEqual(task.count, 5)
        XCTAssertEqual(task.text, "5 proposals wait for your response")
        XCTAssertEqual(task.items.map(\.text), ["Proposal 1", "Proposal 2", "Proposal 3"])
    }
}
