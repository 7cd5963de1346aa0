import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// What each change sends, and to whom (issue 20): claims returned, approved and paid; proposals opened, closing
/// tomorrow and closed; interest expressed and acknowledged; actions overdue and decisions due for review. Read from
/// the outbox, where every message waits when no relay is set up.
final class NoticesSentTests: XCTestCase {
    static func outbox(_ app: TestContext, _ kind: String) async throws -> [OutboxMessage] {
        try await EmailPreferencesTests.outbox(app).filter { $0.kind == kind }
    }

    func testTheClaimantHearsWhenTheirClaimIsReturnedApprovedAndPaid() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(
                as: .expertByExperience, email: "casey@example.org", name: "Casey Example")
            let (manager, _) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            let (admin, _) = try await app.signedIn(as: .administrator, email: "admin@example.org")
            let id = try await ClaimFixtures.send(casey, ClaimFixtures.fields(activity: "Leaders group meeting"))
            let sending = try await EmailPreferencesTests.outbox(app)
            XCTAssertTrue(sending.isEmpty, "sending a claim emails nobody: approvers see it on their home page")
            // act: returned, sent again, approved, paid
            let refused = try await manager.post(
                Href.returnClaim(id), [("version", try await ClaimFixtures.version(manager, id)), ("reason", " ")])
            XCTAssertEqual(refused.status, .unprocessableContent)
            let none = try await EmailPreferencesTests.outbox(app)
            XCTAssertTrue(none.isEmpty, "a refused change sends nothing")
            _ = try await manager.post(
                Href.returnClaim(id),
                [("version", try await ClaimFixtures.version(manager, id)), ("reason", "It was a half day.")])
            let check = try await casey.get(Href.checkClaim(id))
            _ = try await casey.post(Href.checkClaim(id), [("version", check.inputValue("version") ?? "")])
            _ = try await manager.post(
                Href.approveClaim(id), [("version", try await ClaimFixtures.version(manager, id))])
            _ = try await admin.post(
                Href.payClaim(id),
                [
                    ("version", try await ClaimFixtures.version(admin, id)), ("paid_on", ClaimFixtures.today),
                    ("reference", "BACS-0042"),
                ])
            // check
            let all = try await EmailPreferencesTests.outbox(app)
            XCTAssertEqual(all.map(\.kind), ["claim_returned", "claim_approved", "claim_paid"])
            XCTAssertEqual(Set(all.map(\.toAddress)), ["casey@example.org"])
            XCTAssertEqual(all[0].subject, "Your claim was returned: Leaders group meeting")
            XCTAssertTrue(all[0].textBody.contains("The reason given: It was a half day."))
            XCTAssertTrue(all[0].textBody.contains(app.services.configuration.baseURL + Href.claim(id)))
            XCTAssertTrue(all[2].textBody.contains("The payment reference is BACS-0042."))
            XCTAssertTrue(all[2].textBody.contains("paid on 21 September 2026"))
            XCTAssertTrue(all.allSatisfy { $0.unsubscribeURL != nil })
        }
    }

    func testMembersHearOfAProposalOpeningClosingTomorrowAndItsOutcome() async throws {
        try await withApp { app in
            // setup: chaired by Chris, with Fay and Sol as members and Oli observing
            let (group, people) = try await ProposalsTests.group(app)
            // act: opened, closing at 10am tomorrow
            let proposal = try await ProposalsTests.open(
                people.chair, group: group, closesAt: "10:00", closesOn: "2026-09-22")
            // check: the members who may answer, not the chair who opened it, not the observer
            let opened = try await Self.outbox(app, "proposal_opened")
            XCTAssertEqual(Set(opened.map(\.toAddress)), ["first@example.org", "second@example.org"])
            XCTAssertEqual(opened.first?.subject, "Your answer is asked for: Pay for a second peer worker")
            XCTAssertTrue(opened.first?.textBody.contains("Should the pilot fund a second peer worker?") ?? false)
            XCTAssertTrue(opened.first?.textBody.contains("22 September 2026 at 10:00am") ?? false)
            // act: Fay answers; the sweep reminds those who have not, once
            _ = try await people.first.get(proposal)
            _ = try await people.first.post(proposal + "/response", [("response", "for")])
            let sweep = app.services.noticeSweep()
            let reminded = try await sweep.sendReminders()
            XCTAssertEqual(reminded, 2)
            let closing = try await Self.outbox(app, "proposal_closing")
            XCTAssertEqual(Set(closing.map(\.toAddress)), ["chair@example.org", "second@example.org"])
            let again = try await sweep.sendReminders()
            XCTAssertEqual(again, 0, "each reminder goes once")
            // act: its time passes and the sweep closes it, with nobody opening its page
            app.clock.advance(by: 20 * 3600)
            try await sweep.runOnce()
            // check
            let closed = try await Self.outbox(app, "proposal_closed")
            XCTAssertEqual(
                Set(closed.map(\.toAddress)), ["chair@example.org", "first@example.org", "second@example.org"])
            XCTAssertTrue(closed.first?.subject.hasSuffix(": Pay for a second peer worker") ?? false)
            XCTAssertTrue(
                closed.first?.textBody.contains("1 of 3 members answered.") ?? false, closed.first?.textBody ?? "")
            let status = try await app.services.pool.read { db in
                try String.fetchOne(db, sql: "SELECT status FROM proposals")
            }
            XCTAssertEqual(status, "closed")
        }
    }

    func testInterestIsToldToManagersAndAcknowledgedOncePerAddress() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            _ = try await app.signedIn(as: .member, email: "member@example.org")
            let role = try await InvolvementRolesTests.createRole(manager)
            let advert = try await InvolvementRolesTests.publish(manager, role: role, closesOn: "2026-10-01")
            // act: the same address twice
            let visitor = app.browser()
            _ = try await visitor.get(advert)
            _ = try await visitor.post(advert + "/interest", InvolvementRolesTests.goodInterest)
            _ = try await visitor.post(advert + "/interest", InvolvementRolesTests.goodInterest)
            // check
            let received = try await Self.outbox(app, "interest_received")
            XCTAssertEqual(received.map(\.toAddress), ["pm@example.org", "pm@example.org"], "managers only")
            XCTAssertEqual(received.first?.subject, "New interest in \"Expert by experience leader\"")
            XCTAssertFalse(received.first?.textBody.contains("Ari Example") ?? true, "the details stay behind sign-in")
            XCTAssertFalse(received.first?.textBody.contains("Step-free") ?? true)
            let thanks = try await Self.outbox(app, "interest_acknowledged")
            XCTAssertEqual(thanks.map(\.toAddress), ["ari@example.org"], "once per address per advert")
            XCTAssertFalse(thanks.first?.textBody.contains("Ari Example") ?? true, "nothing the form was given")
            XCTAssertNil(thanks.first?.unsubscribeURL)
        }
    }

    func testOverdueActionsAndDecisionsDueForReviewAreRemindedOnce() async throws {
        try await withApp { app in
            // setup: an action due yesterday for a member, and a decision whose review day is today
            let (manager, managerUser) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            let (_, member) = try await app.signedIn(as: .member, email: "member@example.org", name: "Mo Member")
            let (_, outsider) = try await app.signedIn(as: .member, email: "outsider@example.org")
            let group = try await GroupsTests.createGroup(manager)
            try await DecisionFixtures.addMember(manager, group: group, user: member)
            let meeting = try await MeetingsTests.planMeeting(manager, group: group)
            let action = try await manager.post(
                meeting + "/actions",
                [
                    ("action_what", "Write to the trust about peer support"), ("action_owner", String(member.id!)),
                    ("action_due", "2026-09-20"),
                ])
            XCTAssertEqual(action.status, .seeOther, action.errorSummary.joined())
            _ = try await manager.get(group + "/decisions/new")
            let recorded = try await manager.post(
                group + "/decisions",
                DecisionsTests.consentDecision().filter { $0.0 != "review_on" } + [("review_on", "2026-09-21")])
            XCTAssertEqual(recorded.status, .seeOther, recorded.errorSummary.joined())
            // act
            let sweep = app.services.noticeSweep()
            try await sweep.runOnce()
            try await sweep.runOnce()
            // check
            let overdue = try await Self.outbox(app, "action_overdue")
            XCTAssertEqual(overdue.map(\.toAddress), ["member@example.org"])
            XCTAssertEqual(overdue.first?.subject, "Overdue: Write to the trust about peer support")
            XCTAssertTrue(overdue.first?.textBody.contains("was due on 20 September 2026") ?? false)
            let reviews = try await Self.outbox(app, "decision_review_due")
            XCTAssertEqual(
                reviews.count, 1, "to the group's manager, not its plain member: \(reviews.map(\.toAddress))")
            XCTAssertEqual(reviews.first?.userID, managerUser.id)
            XCTAssertFalse(reviews.contains { $0.userID == outsider.id })
            XCTAssertEqual(reviews.first?.subject, "Review due: Adopt the terms of reference")
        }
    }
}
