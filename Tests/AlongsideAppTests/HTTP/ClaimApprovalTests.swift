import Foundation
import XCTest
@testable import AlongsideApp

/// Approving, returning and paying claims: who may, what they see, and what happens when two act at once.
final class ClaimApprovalTests: XCTestCase {
    func testAManagerApprovesAndFinanceRecordsThePayment() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(
                as: .expertByExperience, email: "casey@example.org", name: "Casey Example")
            let (manager, _) = try await app.signedIn(
                as: .programmeManager, email: "pm@example.org", name: "Blake Example")
            let (admin, _) = try await app.signedIn(as: .administrator, email: "admin@example.org", name: "Ada Example")
            let id = try await ClaimFixtures.send(
                casey, ClaimFixtures.fields([("expense_kind_1", "travel"), ("expense_amount_1", "8.40")]))
            // act: approve
            let waiting = try await manager.get(Href.claimApprovals())
            XCTAssertTrue(waiting.contains("Casey Example"))
            XCTAssertTrue(waiting.contains("1 claim is waiting."))
            let approved = try await manager.post(
                Href.approveClaim(id), [("version", try await ClaimFixtures.version(manager, id))])
            XCTAssertEqual(approved.location, Href.claimApprovals())
            // check: frozen for the owner
            let ownerView = try await casey.get(Href.claim(id))
            XCTAssertTrue(ownerView.contains("Approved, waiting to be paid"))
            XCTAssertTrue(ownerView.contains("Approved by Blake Example"))
            XCTAssertFalse(ownerView.contains(Href.editClaim(id)))
            let edit = try await casey.get(Href.editClaim(id))
            XCTAssertEqual(edit.status, .forbidden)
            // act: finance exports and records the payment, after a refused first try
            let csv = try await admin.get(Href.financeCSV())
            XCTAssertEqual(csv.headers[.contentType], "text/csv; charset=utf-8")
            XCTAssertTrue(csv.html.contains("Casey Example"))
            XCTAssertTrue(csv.html.contains(",100.00,0.00,0.00,,8.40,108.40,"))
            XCTAssertTrue(csv.html.contains("Total,1 claims,,,,,100.00,0.00,0.00,,8.40,108.40,"))
            let finance = try await admin.get(Href.financeClaims())
            XCTAssertTrue(finance.contains("£108.40"))
            let version = try await ClaimFixtures.version(admin, id)
            let bad = try await admin.post(
                Href.payClaim(id), [("version", version), ("paid_on", "2026-09-30"), ("reference", "")])
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertEqual(
                bad.errorSummary,
                ["The date paid must be today or in the past", "Enter the payment reference from the finance system"])
            XCTAssertEqual(bad.inputValue("paid_on"), "2026-09-30")
            let paid = try await admin.post(
                Href.payClaim(id), [("version", version), ("paid_on", ClaimFixtures.today), ("reference", "BACS-0042")])
            XCTAssertEqual(paid.location, Href.financeClaims())
            let final = try await casey.get(Href.claim(id))
            XCTAssertTrue(final.contains("Paid on 21 September 2026, reference BACS-0042."))
            let audit = try await app.services.pool.read { db in
                try String.fetchAll(db, sql: "SELECT action FROM audit_events WHERE record_kind = 'claim' ORDER BY id")
            }
            XCTAssertEqual(audit, ["claim.created", "claim.submitted", "claim.approved", "claim.paid"])
        }
    }

    func testTwoApproversActingAtOnceCannotBothApprove() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(as: .expertByExperience, email: "casey@example.org")
            let (first, _) = try await app.signedIn(as: .programmeManager, email: "first@example.org")
            let (second, _) = try await app.signedIn(as: .administrator, email: "second@example.org")
            let id = try await ClaimFixtures.send(casey, ClaimFixtures.fields())
            let firstVersion = try await ClaimFixtures.version(first, id)
            let secondVersion = try await ClaimFixtures.version(second, id)
            // act
            let one = try await first.post(Href.approveClaim(id), [("version", firstVersion)])
            let two = try await second.post(
                Href.returnClaim(id), [("version", secondVersion), ("reason", "Wrong date")])
            let three = try await second.post(Href.approveClaim(id), [("version", secondVersion)])
            // check
            XCTAssertEqual(one.status, .seeOther)
            XCTAssertEqual(two.status, .conflict)
            XCTAssertTrue(
                two.contains(
                    "Someone else dealt with this claim first: it is now approved, waiting to be paid. Nothing was changed."
                ))
            XCTAssertEqual(three.status, .conflict)
            let approvals = try await app.services.pool.read { db in
                try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(*) FROM claim_events WHERE claim_id = ? AND kind IN ('approved', 'returned')",
                    arguments: [id])
            }
            XCTAssertEqual(approvals, 1)
        }
    }

    func testAReturnedClaimCarriesTheReasonAndCanBeSentAgain() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(as: .expertByExperience, email: "casey@example.org")
            let (manager, _) = try await app.signedIn(
                as: .programmeManager, email: "pm@example.org", name: "Blake Example")
            let id = try await ClaimFixtures.send(casey, ClaimFixtures.fields())
            let version = try await ClaimFixtures.version(manager, id)
            // act: no reason, then a reason
            let missing = try await manager.post(Href.returnClaim(id), [("version", version), ("reason", "  ")])
            XCTAssertEqual(missing.status, .unprocessableContent)
            XCTAssertEqual(
                missing.errorSummary, ["Say why you are returning the claim, so Sam Fictional knows what to change"])
            let returned = try await manager.post(
                Href.returnClaim(id), [("version", version), ("reason", "It was a half day, not a whole day.")])
            XCTAssertEqual(returned.status, .seeOther)
            // check: the person reads the reason, changes the claim and sends it again
            let page = try await casey.get(Href.claim(id))
            XCTAssertTrue(page.contains("Returned to you"))
            XCTAssertTrue(page.contains("It was a half day, not a whole day."))
            let edit = try await casey.get(Href.editClaim(id))
            _ = try await casey.post(
                Href.editClaim(id),
                ClaimFixtures.fields(length: "half", [("version", edit.inputValue("version") ?? "")]))
            let check = try await casey.get(Href.checkClaim(id))
            XCTAssertTrue(check.contains("Send the claim again"))
            _ = try await casey.post(Href.checkClaim(id), [("version", check.inputValue("version") ?? "")])
            let again = try await casey.get(Href.claim(id))
            XCTAssertTrue(again.contains("Waiting for approval"))
            XCTAssertTrue(again.contains("Returned by Blake Example: It was a half day, not a whole day."))
        }
    }

    func testWhoMayApproveAndPay() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(as: .expertByExperience, email: "casey@example.org")
            let (robin, robinUser) = try await app.signedIn(
                as: .expertByExperience, email: "robin@example.org", name: "Robin Example")
            let (manager, _) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            let (lead, _) = try await app.signedIn(as: .allianceLead, email: "lead@example.org")
            let id = try await ClaimFixtures.send(casey, ClaimFixtures.fields())
            let mine = try await ClaimFixtures.send(manager, ClaimFixtures.fields(activity: "Manager's own claim"))
            // check: experts by experience and alliance leads are refused the approver and finance pages
            for browser in [robin, lead] {
                for path in [Href.claimApprovals(), Href.financeClaims(), Href.financeCSV(), Href.financeSummary()] {
                    let page = try await browser.get(path)
                    XCTAssertEqual(page.status, .forbidden, path)
                }
                _ = try await browser.get(Href.claims())
                let approve = try await browser.post(Href.approveClaim(id), [("version", "2")])
                XCTAssertEqual(approve.status, .forbidden)
            }
            // a manager cannot approve their own claim, nor record payments
            let own = try await manager.post(Href.approveClaim(mine), [("version", "2")])
            XCTAssertEqual(own.status, .forbidden)
            let financePage = try await manager.get(Href.financeClaims())
            XCTAssertEqual(financePage.status, .forbidden)
            // an administrator names Robin as an approver: now Robin may approve Casey's claim
            try await PaymentPolicyStore(pool: app.services.pool, clock: app.services.clock)
                .grant(.approve, to: robinUser.id!, name: "Robin Example", by: .commandLine, requestID: nil)
            let now = try await robin.get(Href.claimApprovals())
            XCTAssertEqual(now.status, .ok)
            let approved = try await robin.post(
                Href.approveClaim(id), [("version", try await ClaimFixtures.version(robin, id))])
            XCTAssertEqual(approved.status, .seeOther)
            // missing CSRF token
            let noToken = try await manager.post(Href.approveClaim(mine), [("version", "2")], csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
        }
    }

    func testTheMonthlySummaryAddsUpSpendAndHoursByGroup() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(as: .expertByExperience, email: "casey@example.org")
            let (admin, _) = try await app.signedIn(as: .administrator, email: "admin@example.org")
            let first = try await ClaimFixtures.send(
                casey,
                ClaimFixtures.fields(length: "half", [("expense_kind_1", "travel"), ("expense_amount_1", "3.20")]))
            let second = try await ClaimFixtures.send(
                casey, ClaimFixtures.fields(activity: "Workshop", on: "2026-09-14", choice: "vouchers"))
            let store = ClaimStore(pool: app.services.pool, clock: app.services.clock)
            for id in [first, second] { _ = try await store.approve(id, version: 2, by: .commandLine, requestID: nil) }
            // act
            let page = try await admin.get(Href.financeSummary() + "?month=2026-09")
            // check: 4 hours + 7 hours 30 minutes; £50 + £100 vouchers; £3.20 expenses
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("Involvement spend for September 2026"))
            XCTAssertTrue(page.contains("Not for a group"))
            XCTAssertTrue(page.contains("11 hours 30 minutes"))
            XCTAssertTrue(page.contains("£150.00"))
            XCTAssertTrue(page.contains("£153.20"))
        }
    }
}

/// The involvement hub shows each person what their role lets them do, and recording payment is refused to anyone
/// but finance.
final class InvolvementHubTests: XCTestCase {
    func testTheHubOffersEachRoleItsOwnWork() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(as: .expertByExperience, email: "casey@example.org")
            let (manager, _) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            let (admin, _) = try await app.signedIn(as: .administrator, email: "admin@example.org")
            try await ClaimFixtures.send(casey, ClaimFixtures.fields())
            // act
            let expert = try await casey.get(Href.involvement())
            let managerHub = try await manager.get(Href.involvement())
            let adminHub = try await admin.get(Href.involvement())
            // check
            XCTAssertEqual(expert.h1, "Involvement and payments")
            XCTAssertTrue(expert.contains(Href.newClaim()))
            XCTAssertFalse(expert.contains(Href.claimApprovals()))
            XCTAssertFalse(expert.contains(Href.involvementRoles()))
            XCTAssertTrue(managerHub.contains(Href.claimApprovals()))
            XCTAssertTrue(managerHub.contains("1 waiting"))
            XCTAssertTrue(managerHub.contains(Href.involvementRoles()))
            XCTAssertFalse(
                managerHub.contains("href=\"\(Href.financeClaims())\""), "programme managers approve; finance pays")
            XCTAssertTrue(adminHub.contains("href=\"\(Href.financeClaims())\""))
            XCTAssertTrue(adminHub.contains(Href.claimDuties()))
            let signedOut = try await app.browser().get(Href.involvement())
            XCTAssertEqual(signedOut.status, .seeOther)
        }
    }

    func testOnlyFinanceRecordsAPaymentAndNeverForTheirOwnClaim() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(as: .expertByExperience, email: "casey@example.org")
            let (manager, _) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            let (admin, _) = try await app.signedIn(as: .administrator, email: "admin@example.org")
            let store = ClaimStore(pool: app.services.pool, clock: app.services.clock)
            let caseys = try await ClaimFixtures.send(casey, ClaimFixtures.fields())
            let admins = try await ClaimFixtures.send(
                admin, ClaimFixtures.fields(activity: "Administrator's own claim"))
            let fields = [("version", "3"), ("paid_on", ClaimFixtures.today), ("reference", "REF")]
            // a sent claim is not paid before it is approved
            _ = try await admin.get(Href.financeClaims())
            let early = try await admin.post(
                Href.payClaim(caseys), [("version", "2"), ("paid_on", ClaimFixtures.today), ("reference", "REF")])
            XCTAssertEqual(early.status, .forbidden)
            for id in [caseys, admins] { _ = try await store.approve(id, version: 2, by: .commandLine, requestID: nil) }
            // act and check
            _ = try await manager.get(Href.claims())
            let byManager = try await manager.post(Href.payClaim(caseys), fields)
            XCTAssertEqual(byManager.status, .forbidden)
            _ = try await casey.get(Href.claims())
            let byOwner = try await casey.post(Href.payClaim(caseys), fields)
            XCTAssertEqual(byOwner.status, .forbidden)
            let ownByAdmin = try await admin.post(Href.payClaim(admins), fields)
            XCTAssertEqual(ownByAdmin.status, .forbidden)
            let noToken = try await admin.post(Href.payClaim(caseys), fields, csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            let paid = try await admin.post(Href.payClaim(caseys), fields)
            XCTAssertEqual(paid.status, .seeOther)
            let twice = try await admin.post(Href.payClaim(caseys), fields)
            XCTAssertEqual(twice.status, .conflict)
        }
    }
}
