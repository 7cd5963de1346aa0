import Foundation
import XCTest
@testable import AlongsideApp

/// A second claim for the same meeting, or the same day, by the same person (issue 17): the claimant is warned on the
/// check page and whoever approves or pays sees the other claim on the claim's page, with a link where they may open it.
final class DuplicateClaimsHTTPTests: XCTestCase {
    func testASecondClaimForAPaidMeetingIsFlaggedToTheClaimantAndTheApprover() async throws {
        try await withApp { app in
            // setup: Casey is a member of a group that met on Monday 14 September; the first claim is paid
            let (manager, _) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            let (admin, _) = try await app.signedIn(as: .administrator, email: "admin@example.org")
            let (casey, caseyUser) = try await app.signedIn(
                as: .expertByExperience, email: "casey@example.org", name: "Casey Example")
            let group = try await GroupsTests.createGroup(manager, name: "Steering Group", kind: .taskAndFinishGroup)
            try await DecisionFixtures.addMember(manager, group: group, user: caseyUser)
            let meeting = try await DecisionFixtures.insertMeeting(
                app, group: group, startsAt: "2026-09-14T10:00:00Z", purpose: "Steering meeting")
            let forMeeting = [("meeting", String(meeting)), ("group", String(DecisionFixtures.id(group)))]
            let first = try await ClaimFixtures.send(
                casey, ClaimFixtures.fields(activity: "Steering meeting", on: "2026-09-14", forMeeting))
            let firstCheckBefore = try await casey.get(Href.claim(first))
            XCTAssertFalse(firstCheckBefore.contains("duplicate-claims-heading"), "one claim is no duplicate")
            _ = try await manager.post(
                Href.approveClaim(first), [("version", try await ClaimFixtures.version(manager, first))])
            let paid = try await admin.post(
                Href.payClaim(first),
                [
                    ("version", try await ClaimFixtures.version(admin, first)), ("paid_on", ClaimFixtures.today),
                    ("reference", "BACS-0042"),
                ])
            XCTAssertEqual(paid.status, .seeOther)
            // act: a second claim for the same meeting, with another day typed
            let second = try await ClaimFixtures.draft(
                casey, ClaimFixtures.fields(activity: "Steering group", on: "2026-09-15", forMeeting))
            let check = try await casey.get(Href.checkClaim(second))
            // check: the claimant is warned, with a link to the paid claim
            XCTAssertEqual(check.status, .ok)
            XCTAssertTrue(check.contains("You may have claimed for this already"))
            XCTAssertTrue(check.contains(#"<a href="\#(Href.claim(first))">Claim: Steering meeting</a>"#))
            XCTAssertTrue(check.contains("same meeting; paid; £100.00"))
            XCTAssertTrue(check.contains("do not send this claim"))
            // act: Casey sends it anyway
            let sent = try await casey.post(Href.checkClaim(second), [("version", check.inputValue("version") ?? "")])
            XCTAssertEqual(sent.status, .seeOther)
            // check: the approver sees the other claim, linked, and can open it
            let approverView = try await manager.get(Href.claim(second))
            XCTAssertTrue(approverView.contains("Casey Example has another claim that may be for the same activity"))
            XCTAssertTrue(approverView.contains(#"<a href="\#(Href.claim(first))">Claim: Steering meeting</a>"#))
            XCTAssertTrue(approverView.contains("Check they are for different activities before approving"))
            let opened = try await manager.get(Href.claim(first))
            XCTAssertEqual(opened.status, .ok)
            // and the paid claim's page points back to the new one
            let firstView = try await admin.get(Href.claim(first))
            XCTAssertTrue(firstView.contains(#"<a href="\#(Href.claim(second))">Claim: Steering group</a>"#))
        }
    }

    func testASecondClaimForTheSameDayIsFlaggedEvenWhenTheFirstIsADraft() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            let (casey, _) = try await app.signedIn(
                as: .expertByExperience, email: "casey@example.org", name: "Casey Example")
            let (robin, _) = try await app.signedIn(
                as: .expertByExperience, email: "robin@example.org", name: "Robin Example")
            let draft = try await ClaimFixtures.draft(
                casey, ClaimFixtures.fields(activity: "Listening event", on: "2026-09-10"))
            // act: a half day on the same day, and a claim on another day
            let sameDay = try await ClaimFixtures.draft(
                casey, ClaimFixtures.fields(activity: "Community visit", on: "2026-09-10", length: "half"))
            let otherDay = try await ClaimFixtures.draft(
                casey, ClaimFixtures.fields(activity: "Workshop", on: "2026-09-11"))
            let robinsDay = try await ClaimFixtures.draft(
                robin, ClaimFixtures.fields(activity: "Listening event", on: "2026-09-10"))
            // check: the claimant sees the draft, linked; other days and other people are not flagged
            let check = try await casey.get(Href.checkClaim(sameDay))
            XCTAssertTrue(check.contains("You may have claimed for this already"))
            XCTAssertTrue(check.contains(#"<a href="\#(Href.claim(draft))">Claim: Listening event</a>"#))
            XCTAssertTrue(check.contains("same day, 10 September 2026; not sent yet; £100.00"))
            XCTAssertTrue(check.contains("such as a morning and an afternoon session, you can send it"))
            let otherCheck = try await casey.get(Href.checkClaim(otherDay))
            let robinsCheck = try await robin.get(Href.checkClaim(robinsDay))
            XCTAssertFalse(otherCheck.contains("duplicate-claims-heading"))
            XCTAssertFalse(robinsCheck.contains("duplicate-claims-heading"))
            // act: Casey sends the half day
            let sent = try await casey.post(Href.checkClaim(sameDay), [("version", check.inputValue("version") ?? "")])
            XCTAssertEqual(sent.status, .seeOther)
            // check: the approver is told of the draft without a link, since approvers cannot open drafts
            let approverView = try await manager.get(Href.claim(sameDay))
            XCTAssertTrue(approverView.contains("Casey Example has another claim that may be for the same activity"))
            XCTAssertTrue(approverView.contains("Claim: Listening event: same day, 10 September 2026; not sent yet"))
            XCTAssertTrue(approverView.contains("(you cannot open a claim that has not been sent)"))
            XCTAssertFalse(approverView.contains(Href.claim(draft) + "\""))
            let hidden = try await manager.get(Href.claim(draft))
            XCTAssertEqual(hidden.status, .notFound)
        }
    }
}
