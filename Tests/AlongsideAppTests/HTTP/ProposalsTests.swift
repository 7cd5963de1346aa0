import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

final class ProposalsTests: XCTestCase {
    struct People {
        let manager: TestBrowser
        let chair: TestBrowser
        let first: TestBrowser
        let second: TestBrowser
        let observer: TestBrowser
        let outsider: TestBrowser
    }

    /// A group chaired by an expert by experience, with two members and an observer; `terms` adopts terms first.
    static func group(_ app: TestContext, terms: [(String, String)]? = nil) async throws -> (String, People) {
        let (manager, _) = try await app.signedIn(as: .programmeManager)
        let group = try await GroupsTests.createGroup(manager)
        if let terms {
            _ = try await manager.post(group + "/terms")
            _ = try await manager.post(group + "/terms/1", terms)
            _ = try await manager.post(group + "/terms/1/propose")
            let method = terms.first { $0.0 == "decision_method" }?.1 ?? "consent"
            _ = try await manager.get(group + "/decisions/new")
            let adopted = try await manager.post(
                group + "/decisions",
                DecisionsTests.consentDecision(adopts: "1").filter { $0.0 != "method" }
                    + [("method", method), ("consensus_record", "The leads agreed."), ("outcome", "agreed")])
            XCTAssertEqual(adopted.status, .seeOther, "terms adopted")
        }
        let (chair, chairUser) = try await app.signedIn(
            as: .expertByExperience, email: "chair@example.org", name: "Chris Chair")
        let (first, firstUser) = try await app.signedIn(as: .member, email: "first@example.org", name: "Fay First")
        let (second, secondUser) = try await app.signedIn(as: .member, email: "second@example.org", name: "Sol Second")
        let (observer, observerUser) = try await app.signedIn(
            as: .member, email: "observer@example.org", name: "Oli Observer")
        let (outsider, _) = try await app.signedIn(as: .member, email: "outsider@example.org")
        try await DecisionFixtures.addMember(
            manager, group: group, user: chairUser, seat: "chair", sector: "expert_by_experience")
        try await DecisionFixtures.addMember(manager, group: group, user: firstUser)
        try await DecisionFixtures.addMember(manager, group: group, user: secondUser)
        try await DecisionFixtures.addMember(manager, group: group, user: observerUser, seat: "observer")
        return (
            group,
            People(manager: manager, chair: chair, first: first, second: second, observer: observer, outsider: outsider)
        )
    }

    static func open(
        _ chair: TestBrowser, group: String, method: String? = "majority_vote", closesAt: String = "17:00",
        closesOn: String = "2026-09-28"
    ) async throws -> String {
        _ = try await chair.get(group + "/proposals/new")
        var fields = [
            ("title", "Pay for a second peer worker"), ("question", "Should the pilot fund a second peer worker?"),
            ("closes_on", closesOn), ("closes_at_time", closesAt),
        ]
        if let method { fields.append(("method", method)) }
        let opened = try await chair.post(group + "/proposals", fields)
        XCTAssertEqual(opened.status, .seeOther, "proposal opened")
        return try XCTUnwrap(opened.location)
    }

    func testOpenRespondAndCloseRecordsTheComputedDecision() async throws {
        try await withApp { app in
            // setup
            let (group, people) = try await Self.group(app)
            let form = try await people.chair.get(group + "/proposals/new")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.contains(#"value="majority_vote""#), "without terms the chair chooses the method")
            XCTAssertFalse(form.contains(#"value="by_leads""#))
            let bad = try await people.chair.post(
                group + "/proposals",
                [
                    ("title", ""), ("question", "Kept question"), ("method", "majority_vote"),
                    ("closes_on", "2026-09-20"), ("closes_at_time", "17:00"),
                ])
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertEqual(
                bad.errorSummary, ["Enter a short title for the proposal", "The closing time must be in the future"])
            XCTAssertTrue(bad.contains(">Kept question</textarea>"))
            let proposal = try await Self.open(people.chair, group: group)
            // act: members respond; one changes their mind
            let page = try await people.first.get(proposal)
            XCTAssertTrue(page.contains("Your response"))
            XCTAssertTrue(page.contains("3 members have not responded yet."), "observers are not counted")
            XCTAssertTrue(page.contains("28 September 2026 at 5:00pm"))
            let none = try await people.first.post(proposal + "/response", [("reason", "typed")])
            XCTAssertEqual(none.status, .unprocessableContent)
            XCTAssertEqual(none.errorSummary, ["Select your response"])
            XCTAssertTrue(none.contains(">typed</textarea>"))
            _ = try await people.first.post(proposal + "/response", [("response", "against")])
            let changed = try await people.first.post(
                proposal + "/response", [("response", "for"), ("reason", "Caseloads are too high.")])
            XCTAssertEqual(changed.location, proposal)
            _ = try await people.second.get(proposal)
            _ = try await people.second.post(proposal + "/response", [("response", "for")])
            _ = try await people.chair.get(proposal)
            _ = try await people.chair.post(
                proposal + "/response", [("response", "against"), ("reason", "Not in this year's budget.")])
            // refusals
            _ = try await people.observer.get(proposal)
            let observer = try await people.observer.post(proposal + "/response", [("response", "for")])
            XCTAssertEqual(observer.status, .forbidden, "observers do not respond")
            _ = try await people.manager.get(proposal)
            let manager = try await people.manager.post(proposal + "/response", [("response", "for")])
            XCTAssertEqual(manager.status, .forbidden, "only members respond")
            let outsider = try await people.outsider.get(proposal)
            XCTAssertEqual(outsider.status, .notFound)
            let memberCloses = try await people.first.post(proposal + "/close", [("close_early", "yes")])
            XCTAssertEqual(memberCloses.status, .forbidden)
            let noToken = try await people.chair.post(proposal + "/close", [("close_early", "yes")], csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            // who has responded
            let seen = try await people.second.get(proposal)
            XCTAssertEqual(
                seen.allMatches(#"<tr><th scope="row">([^<]+)</th><td>"#), ["Chris Chair", "Fay First", "Sol Second"])
            XCTAssertTrue(seen.contains("<td>Caseloads are too high.</td>"))
            XCTAssertTrue(seen.contains("Every member has responded."))
            // the chair closes it early, after confirming
            let unconfirmed = try await people.chair.post(proposal + "/close")
            XCTAssertEqual(unconfirmed.status, .unprocessableContent)
            XCTAssertEqual(
                unconfirmed.errorSummary,
                ["The closing time has not come yet. To close it now, confirm that you want to close it early"])
            let closed = try await people.chair.post(proposal + "/close", [("close_early", "yes")])
            XCTAssertEqual(closed.location, proposal)
            // check: the outcome by majority vote, recorded as a decision between meetings, linked both ways
            let after = try await people.first.get(proposal)
            XCTAssertTrue(after.contains(#"<span class="tag tag-grey">Closed</span>"#))
            XCTAssertTrue(after.contains("<dd>Agreed.</dd>"))
            XCTAssertFalse(after.contains("Send my response"))
            let decisionPath = try XCTUnwrap(
                after.firstMatch(#"<a href="([^"]+)">Read the decision recorded from this proposal</a>"#))
            let decision = try await people.first.get(decisionPath)
            XCTAssertEqual(decision.h1, "Pay for a second peer worker")
            XCTAssertTrue(decision.contains("<dd>2 for, 1 against, 0 abstaining</dd>"))
            XCTAssertTrue(decision.contains("<dd>3 of 3 members, including an expert by experience or carer</dd>"))
            XCTAssertTrue(decision.contains("<dd>Between meetings</dd>"))
            XCTAssertTrue(decision.contains("Fay First (For): Caseloads are too high."))
            XCTAssertTrue(decision.contains(#"<a href="\#(proposal)">The online proposal it came from</a>"#))
            let late = try await people.second.post(proposal + "/response", [("response", "against")])
            XCTAssertEqual(late.location, proposal, "no change once closed")
            let audit = try await app.services.pool.read { db in
                try String.fetchAll(
                    db, sql: "SELECT action FROM audit_events WHERE record_kind = 'proposal' ORDER BY id")
            }
            XCTAssertEqual(audit, ["opened", "responded", "changed response", "responded", "responded", "closed"])
        }
    }

    func testAProposalPastItsClosingTimeClosesWhenViewedAgainstTheTerms() async throws {
        let clock = ManualClock()
        try await withApp(clock: clock) { app in
            // setup: terms of reference in force say consent, a quorum of half, with lived experience
            let (group, people) = try await Self.group(app, terms: TermsOfReferenceTests.termsForm(revision: "1"))
            let form = try await people.chair.get(group + "/proposals/new")
            XCTAssertTrue(
                form.contains(
                    "Consent: no one has a reasoned objection — how members decide under version 1 of the terms of reference."
                ))
            XCTAssertFalse(form.contains(#"name="method""#))
            // (the test clock starts at 3:13pm London time on 21 September 2026)
            let proposal = try await Self.open(
                people.chair, group: group, method: nil, closesAt: "15:30", closesOn: "2026-09-21")
            _ = try await people.first.get(proposal)
            let noReason = try await people.first.post(proposal + "/response", [("response", "object")])
            XCTAssertEqual(noReason.errorSummary, ["Give the reason for your objection"])
            _ = try await people.first.post(
                proposal + "/response", [("response", "object"), ("reason", "We have not asked the community.")])
            // act: the closing time passes (within the idle sign-out time), and someone looks at the list
            clock.advance(by: 20 * 60)
            let list = try await people.second.get(group + "/proposals")
            // check
            XCTAssertTrue(list.contains(#"<span class="tag tag-grey">Closed</span>"#))
            let page = try await people.second.get(proposal)
            XCTAssertTrue(
                page.contains(
                    "Not agreed. Not valid under the terms of reference: The online proposal closed without meeting the terms of reference: "
                        + "1 of 3 members were present; the terms of reference need 2. The terms of reference need an expert by experience or carer present, and none was."
                ))
            let stored = try await app.services.pool.read { db in
                try Row.fetchOne(
                    db,
                    sql:
                        "SELECT d.outcome, d.is_valid, d.objections, d.between_meetings, p.status FROM proposals p JOIN decisions d ON d.id = p.decision_id"
                )
                .map {
                    "\($0["outcome"] as String) valid=\($0["is_valid"] as Bool) objections=\($0["objections"] as Int) between=\($0["between_meetings"] as Bool) \($0["status"] as String)"
                }
            }
            XCTAssertEqual(stored, "not_agreed valid=false objections=1 between=true closed")
            let actor = try await app.services.pool.read { db in
                try String.fetchOne(
                    db, sql: "SELECT actor_label FROM audit_events WHERE record_kind = 'proposal' AND action = 'closed'"
                )
            }
            XCTAssertEqual(actor, "Closed at its closing time")
            let late = try await people.second.post(proposal + "/response", [("response", "consent")])
            XCTAssertEqual(late.location, proposal)
            let responses = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM proposal_responses")
            }
            XCTAssertEqual(responses, 1, "no response after the close")
        }
    }

    func testDecisionsByLeadsAreNotPutToMembersAndWithdrawingRecordsNothing() async throws {
        try await withApp { app in
            // setup
            var terms = TermsOfReferenceTests.termsForm(revision: "1").filter { $0.0 != "decision_method" }
            terms.append(("decision_method", "by_leads"))
            let (group, people) = try await Self.group(app, terms: terms)
            // act and check: by leads is refused with a plain message
            let form = try await people.chair.get(group + "/proposals/new")
            XCTAssertTrue(form.contains("Decisions by leads are not put to members"))
            XCTAssertFalse(form.contains("Open the proposal</button>"))
            let refused = try await people.chair.post(
                group + "/proposals",
                [("title", "T"), ("question", "Q"), ("closes_on", "2026-09-28"), ("closes_at_time", "17:00")])
            XCTAssertEqual(refused.status, .unprocessableContent)
            let count = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM proposals")
            }
            XCTAssertEqual(count, 0)
            let signedOut = try await app.browser().get(group + "/proposals")
            XCTAssertEqual(signedOut.status, .seeOther)
            let memberForm = try await people.first.get(group + "/proposals/new")
            XCTAssertEqual(memberForm.status, .forbidden)
        }
    }

    func testWithdrawingAProposalRecordsNoDecision() async throws {
        try await withApp { app in
            // setup
            let (group, people) = try await Self.group(app)
            let proposal = try await Self.open(people.chair, group: group, method: "consensus")
            let page = try await people.first.get(proposal)
            XCTAssertTrue(page.contains("I cannot agree"))
            let noReason = try await people.first.post(proposal + "/response", [("response", "cannot_agree")])
            XCTAssertEqual(noReason.errorSummary, ["Give the reason you cannot agree"])
            let byMember = try await people.first.post(proposal + "/withdraw")
            XCTAssertEqual(byMember.status, .forbidden)
            // act
            _ = try await people.chair.get(proposal)
            let unconfirmed = try await people.chair.post(proposal + "/withdraw")
            XCTAssertEqual(unconfirmed.errorSummary, ["To withdraw the proposal, confirm that you want to withdraw it"])
            let withdrawn = try await people.chair.post(proposal + "/withdraw", [("confirm_withdraw", "yes")])
            // check
            XCTAssertEqual(withdrawn.location, proposal)
            let after = try await people.chair.get(proposal)
            XCTAssertTrue(after.contains(#"<span class="tag tag-grey">Withdrawn</span>"#))
            let decisions = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM decisions")
            }
            XCTAssertEqual(decisions, 0)
        }
    }
}
