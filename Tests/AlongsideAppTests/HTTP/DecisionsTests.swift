import GRDB
import XCTest
@testable import AlongsideApp

final class DecisionsTests: XCTestCase {
    static func consentDecision(present: String = "6", lived: String = "yes", adopts: String = "", reason: String = "")
        -> [(String, String)]
    {
        [
            ("title", "Adopt the terms of reference"), ("question", "Do we adopt version 1?"), ("method", "consent"),
            ("members_total", "10"), ("members_present", present), ("lived_experience_present", lived),
            ("objections", "0"),
            ("rationale", "Everyone can work with it."), ("declarations", ""), ("review_on", "2027-06-30"),
            ("adopts_terms", adopts),
            ("invalid_reason", reason), ("step", "confirm"),
        ]
    }

    /// A group with version 1 of its terms adopted (consent, quorum 50% with lived experience) and version 2 proposed.
    static func groupWithTerms(_ app: TestContext, _ manager: TestBrowser) async throws -> String {
        let group = try await GroupsTests.createGroup(manager)
        _ = try await manager.post(group + "/terms")
        _ = try await manager.post(group + "/terms/1", TermsOfReferenceTests.termsForm(revision: "1"))
        _ = try await manager.post(group + "/terms/1/propose")
        return group
    }

    func testRecordingADecisionAdoptsProposedTerms() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await Self.groupWithTerms(app, manager)
            let form = try await manager.get(group + "/decisions/new")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.contains("no adopted terms of reference yet"))
            let recorded = try await manager.post(group + "/decisions", Self.consentDecision(adopts: "1"))
            XCTAssertEqual(recorded.status, .seeOther)
            let page = try await manager.get(try XCTUnwrap(recorded.location))
            XCTAssertEqual(page.h1, "Adopt the terms of reference")
            XCTAssertTrue(page.contains("<dd>Agreed</dd>"))
            let response1 = try await manager.get(group + "/terms/1")
            XCTAssertTrue(response1.contains(#"<span class="tag">Adopted</span>"#))
            // the next decision is checked against version 1, whose method is consent
            let next = try await manager.get(group + "/decisions/new")
            XCTAssertTrue(next.contains("Checked against version 1 of the terms of reference"))
            XCTAssertTrue(next.contains(#"value="consent" checked"#), "method defaults from the terms in force")
        }
    }

    func testDecisionsThatFallShortAreRecordedOnlyAsNotValidWithAReason() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await Self.groupWithTerms(app, manager)
            _ = try await manager.post(group + "/decisions", Self.consentDecision(adopts: "1"))
            _ = try await manager.get(group + "/decisions/new")
            let short = try await manager.post(group + "/decisions", Self.consentDecision(present: "3", lived: "no"))
            XCTAssertEqual(short.status, .unprocessableContent)
            XCTAssertTrue(short.contains("3 of 10 members were present; the terms of reference need 5."))
            XCTAssertTrue(
                short.contains("The terms of reference need an expert by experience or carer present, and none was."))
            XCTAssertEqual(short.inputValue("title"), "Adopt the terms of reference", "what was typed is kept")
            let recorded = try await manager.post(
                group + "/decisions",
                Self.consentDecision(present: "3", lived: "no", reason: "Urgent: funding deadline."))
            XCTAssertEqual(recorded.status, .seeOther)
            let page = try await manager.get(try XCTUnwrap(recorded.location))
            XCTAssertTrue(page.contains("Not valid under the terms of reference."))
            XCTAssertTrue(page.contains("Urgent: funding deadline."))
            XCTAssertTrue(page.contains("<dd>Not met</dd>"))
        }
    }

    func testMajorityVoteTieIsNotAgreedAndBadInputIsKept() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            _ = try await manager.get(group + "/decisions/new")
            let empty = try await manager.post(group + "/decisions", [("title", "Half typed")])
            XCTAssertEqual(empty.status, .unprocessableContent)
            XCTAssertTrue(empty.errorSummary.contains("Enter the question the group decided"))
            XCTAssertEqual(empty.inputValue("title"), "Half typed")
            let tie = try await manager.post(
                group + "/decisions",
                [
                    ("title", "Move meetings online"), ("question", "Should we?"), ("method", "majority_vote"),
                    ("members_total", "8"),
                    ("members_present", "8"), ("lived_experience_present", "yes"), ("votes_for", "4"),
                    ("votes_against", "4"),
                    ("votes_abstaining", "0"), ("rationale", "Split view."), ("step", "confirm"),
                ])
            let page = try await manager.get(try XCTUnwrap(tie.location))
            XCTAssertTrue(page.contains("<dd>Not agreed</dd>"))
            XCTAssertTrue(page.contains("4 for, 4 against, 0 abstaining"))
        }
    }

    func testWhoMayRecordAndSeeDecisions() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            let (chair, chairUser) = try await app.signedIn(as: .expertByExperience, email: "chair@example.org")
            let (member, memberUser) = try await app.signedIn(as: .member, email: "member@example.org")
            let (outsider, _) = try await app.signedIn(as: .member, email: "outsider@example.org")
            _ = try await manager.get(group + "/members/new")
            _ = try await manager.post(
                group + "/members",
                [
                    ("person", String(chairUser.id!)), ("seat", "chair"), ("sector", "expert_by_experience"),
                    ("starts_on", "2026-01-01"),
                ])
            _ = try await manager.post(
                group + "/members",
                [
                    ("person", String(memberUser.id!)), ("seat", "member"), ("sector", "carer"),
                    ("starts_on", "2026-01-01"),
                ])
            let chairForm = try await chair.get(group + "/decisions/new")
            XCTAssertEqual(chairForm.status, .ok, "a chair records decisions")
            let response2 = try await member.get(group + "/decisions")
            XCTAssertEqual(response2.status, .ok, "members read the log")
            let response3 = try await member.get(group + "/decisions/new")
            XCTAssertEqual(response3.status, .forbidden)
            _ = try await member.get(group + "/decisions")
            let response4 = try await member.post(group + "/decisions", Self.consentDecision())
            XCTAssertEqual(response4.status, .forbidden)
            let response5 = try await outsider.get(group + "/decisions")
            XCTAssertEqual(response5.status, .notFound)
            let response6 = try await manager.get(group + "/decisions/999")
            XCTAssertEqual(response6.status, .notFound)
            let response7 = try await manager.post(group + "/decisions", Self.consentDecision(), csrf: "")
            XCTAssertEqual(response7.status, .forbidden)
        }
    }

    func testTheDecisionLogIsAppendOnly() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            _ = try await manager.get(group + "/decisions/new")
            _ = try await manager.post(group + "/decisions", Self.consentDecision())
            do {
                try await app.services.pool.write { db in
                    try db.execute(sql: "UPDATE decisions SET outcome = 'not_agreed'")
                }
                XCTFail("edits are refused")
            } catch {}
            do {
                try await app.services.pool.write { db in try db.execute(sql: "DELETE FROM decisions") }
                XCTFail("deletes are refused")
            } catch {}
        }
    }
}
