import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// The earnings limit warning (the person first, then the approver), the person's own earnings page and download,
/// and keeping their limit private.
final class EarningsTests: XCTestCase {
    func testAClaimOverTheWeeklyLimitWarnsThePersonThenTheApprover() async throws {
        try await withApp { app in
            // setup: Casey says the weekly limit (£195.50, 16 hours) applies; a whole day this week is already sent
            let (casey, _) = try await app.signedIn(
                as: .expertByExperience, email: "casey@example.org", name: "Casey Example")
            let (manager, _) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            _ = try await casey.get(Href.paymentPreferences())
            let saved = try await casey.post(Href.paymentPreferences(), [("limit", "week"), ("choice", "full")])
            XCTAssertEqual(saved.location, Href.involvement())
            try await ClaimFixtures.send(casey, ClaimFixtures.fields(activity: "Monday workshop", on: "2026-09-21"))
            let firstSent = try await casey.get(Href.claims())
            XCTAssertTrue(firstSent.contains("Monday workshop"))
            // act: a second whole day in the same week (Monday 21 to Sunday 27 September)
            let id = try await ClaimFixtures.draft(
                casey, ClaimFixtures.fields(activity: "Monday meeting", on: "2026-09-21"))
            let check = try await casey.get(Href.checkClaim(id))
            // check: the person is told first, with the figures and the choices
            XCTAssertTrue(check.contains("This claim would take you over the weekly limit you told us applies to you"))
            XCTAssertTrue(check.contains("the week from Monday 21 September 2026 to Sunday 27 September 2026"))
            XCTAssertTrue(check.contains("This claim adds £100.00, making £200.00."))
            XCTAssertTrue(check.contains("That is £4.50 over the Permitted work earnings limit of £195.50."))
            XCTAssertTrue(check.contains("Take less"))
            XCTAssertTrue(check.contains("Go ahead: send the claim as it is."))
            XCTAssertTrue(check.contains("https://www.citizensadvice.org.uk/benefits/"))
            // nothing is blocked: the person goes ahead, and the approver sees the same figures
            _ = try await casey.post(Href.checkClaim(id), [("version", check.inputValue("version") ?? "")])
            let list = try await manager.get(Href.claimApprovals())
            XCTAssertTrue(list.contains("Over their limit"))
            let approverView = try await manager.get(Href.claim(id))
            XCTAssertTrue(
                approverView.contains(
                    "With their other claims, this claim takes Casey Example over the weekly limit Casey Example told us applies to them"
                ))
            XCTAssertTrue(approverView.contains("That is £4.50 over the Permitted work earnings limit of £195.50."))
            XCTAssertTrue(
                approverView.contains(
                    "Casey Example was shown this warning when sending the claim, and chose to send it as it is."))
            XCTAssertTrue(
                approverView.contains(
                    "Sent for approval by Casey Example, after being shown that it goes over their earnings limit."))
            XCTAssertTrue(
                approverView.contains(
                    "Casey Example has sent this claim. It is waiting for someone who approves claims."))
            // the first claim was sent before the limit was passed: the approver is not told Casey saw a warning
            let firstID = try XCTUnwrap(
                list.allMatches(#"<a href="/involvement/claims/(\d+)">Monday workshop</a>"#).first.flatMap { Int64($0) }
            )
            let first = try await manager.get(Href.claim(firstID))
            XCTAssertTrue(first.contains("Casey Example was not shown a warning when sending this claim"))
        }
    }

    func testVouchersCountAsEarningsButCharityAndExpensesDoNot() async throws {
        try await withApp { app in
            let (casey, _) = try await app.signedIn(as: .expertByExperience)
            _ = try await casey.get(Href.paymentPreferences())
            _ = try await casey.post(Href.paymentPreferences(), [("limit", "week"), ("choice", "full")])
            try await ClaimFixtures.send(
                casey,
                ClaimFixtures.fields(
                    on: "2026-09-21", choice: "charity",
                    [
                        ("charity", "Example Mind"),
                        ("expense_kind_1", "care"), ("expense_amount_1", "150.00"),
                    ]))
            let donated = try await ClaimFixtures.draft(
                casey, ClaimFixtures.fields(on: "2026-09-21", choice: "vouchers"))
            let check = try await casey.get(Href.checkClaim(donated))
            XCTAssertFalse(
                check.contains("earnings-warning-heading"),
                "£100 of vouchers alone is within £195.50; the charity day and expenses do not count")
            try await ClaimFixtures.send(casey, ClaimFixtures.fields(on: "2026-09-20", choice: "vouchers"))
            let nextWeek = try await casey.get(Href.checkClaim(donated))
            XCTAssertFalse(nextWeek.contains("earnings-warning-heading"), "Sunday 20 September is in the week before")
            try await ClaimFixtures.send(
                casey, ClaimFixtures.fields(on: "2026-09-21", length: "half", choice: "vouchers"))
            let within = try await casey.get(Href.checkClaim(donated))
            XCTAssertFalse(within.contains("earnings-warning-heading"), "£50 + £100 of vouchers is within £195.50")
            try await ClaimFixtures.send(casey, ClaimFixtures.fields(on: "2026-09-21", choice: "full"))
            let over = try await casey.get(Href.checkClaim(donated))
            XCTAssertTrue(
                over.contains(
                    "Earnings already claimed for the week from Monday 21 September 2026 to Sunday 27 September 2026: £150.00."
                ))
            XCTAssertTrue(over.contains("This claim adds £100.00, making £250.00."))
        }
    }

    func testAMonthlyLimitAddsUpTheCalendarMonth() async throws {
        try await withApp { app in
            let (casey, _) = try await app.signedIn(as: .expertByExperience)
            _ = try await casey.get(Href.paymentPreferences())
            _ = try await casey.post(Href.paymentPreferences(), [("limit", "month"), ("choice", "full")])
            for day in ["2026-09-01", "2026-09-02", "2026-09-08", "2026-09-15", "2026-08-31"] {
                try await ClaimFixtures.send(casey, ClaimFixtures.fields(on: day))
            }
            let id = try await ClaimFixtures.draft(casey, ClaimFixtures.fields(on: "2026-09-21", length: "half"))
            let check = try await casey.get(Href.checkClaim(id))
            XCTAssertTrue(
                check.contains("Earnings already claimed for September 2026: £400.00."), "31 August is in another month"
            )
            XCTAssertTrue(check.contains("This claim adds £50.00, making £450.00."))
            XCTAssertTrue(check.contains("That is £39.00 over the Universal Credit work allowance (lower) of £411.00."))
        }
    }

    func testThePersonsOwnPageAndDownloadByTaxYear() async throws {
        try await withApp { app in
            // setup: claims either side of 6 April and one paid
            let (casey, _) = try await app.signedIn(as: .expertByExperience, email: "casey@example.org")
            let (admin, _) = try await app.signedIn(as: .administrator, email: "admin@example.org")
            let april5 = try await ClaimFixtures.send(
                casey, ClaimFixtures.fields(activity: "Last of the old year", on: "2026-04-05"))
            try await ClaimFixtures.send(
                casey,
                ClaimFixtures.fields(
                    activity: "First of the new year", on: "2026-04-06", length: "half",
                    [("expense_kind_1", "travel"), ("expense_amount_1", "2.50")]))
            let store = ClaimStore(pool: app.services.pool, clock: app.services.clock)
            _ = try await store.approve(april5, version: 2, by: .commandLine, requestID: nil)
            _ = try await store.markPaid(
                april5, version: 3, on: "2026-05-01", reference: "REF-1", by: .commandLine, requestID: nil)
            _ = try await ClaimFixtures.draft(casey, ClaimFixtures.fields(activity: "A draft", on: "2026-09-01"))
            // act
            let page = try await casey.get(Href.earnings())
            let previous = try await casey.get(Href.earnings() + "?year=2025")
            let csv = try await casey.get(Href.earningsCSV() + "?year=2026")
            // check
            XCTAssertTrue(page.contains("Tax year 2026 to 2027"))
            XCTAssertTrue(page.contains("April 2026 (from 6 April)"))
            XCTAssertTrue(page.contains("£50.00"))
            XCTAssertTrue(page.contains("6 April 2026 to 12 April 2026"), "the week is Monday to Sunday")
            XCTAssertFalse(page.contains("£100.00"), "5 April belongs to the tax year before")
            XCTAssertTrue(previous.contains("Tax year 2025 to 2026"))
            XCTAssertTrue(previous.contains("April 2026 (1 to 5 April)"))
            XCTAssertTrue(previous.contains("£100.00 in 1 claim"))
            XCTAssertEqual(csv.headers[.contentDisposition], "attachment; filename=\"claims-2026-to-2027.csv\"")
            XCTAssertTrue(csv.html.contains("2026-04-06,2026-04-06,2026-04,First of the new year"))
            XCTAssertFalse(csv.html.contains("A draft"), "drafts are not claims yet")
            XCTAssertFalse(csv.html.contains("Last of the old year"))
            XCTAssertTrue(csv.html.contains("Total,,,1 claims,,,,50.00,0.00,0.00,50.00,2.50,52.50,,"))
            // nobody else's claims appear, even for an administrator
            let adminPage = try await admin.get(Href.earnings())
            XCTAssertFalse(adminPage.contains("£50.00"))
        }
    }

    func testWhichLimitAppliesStaysPrivate() async throws {
        try await withApp { app in
            let (casey, _) = try await app.signedIn(as: .expertByExperience)
            _ = try await casey.get(Href.paymentPreferences())
            let bad = try await casey.post(
                Href.paymentPreferences(), [("limit", "fortnight"), ("choice", "lower"), ("lower_amount", "")])
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertEqual(
                bad.errorSummary, ["Choose whether an earnings limit applies to you", "Enter your usual lower amount"])
            _ = try await casey.post(Href.paymentPreferences(), [("limit", "week"), ("choice", "full")])
            let page = try await casey.get(Href.paymentPreferences())
            XCTAssertTrue(page.contains(#"value="week" checked"#))
            let audit = try await app.services.pool.read { db in
                try Row.fetchAll(
                    db,
                    sql:
                        "SELECT summary, before_json, after_json FROM audit_events WHERE action = 'payment_preferences.changed'"
                )
                .map {
                    [
                        $0["summary"] as String, ($0["before_json"] as String?) ?? "",
                        ($0["after_json"] as String?) ?? "",
                    ]
                }
            }
            XCTAssertEqual(audit, [["Changed their own payment preferences (kept private)", "", ""]])
        }
    }

    func testAPolicyChangeNeverChangesAnApprovedClaim() async throws {
        try await withApp { app in
            // setup: a claim approved at £100, then a new policy from today paying £120
            let (casey, _) = try await app.signedIn(as: .expertByExperience)
            let approvedID = try await ClaimFixtures.send(casey, ClaimFixtures.fields(on: "2026-09-20"))
            let store = ClaimStore(pool: app.services.pool, clock: app.services.clock)
            _ = try await store.approve(approvedID, version: 2, by: .commandLine, requestID: nil)
            let policies = PaymentPolicyStore(pool: app.services.pool, clock: app.services.clock)
            _ = try await policies.addPolicy(
                .init(
                    effectiveFrom: "2026-09-21", halfDayPence: 6000, wholeDayPence: 12000, halfDayMinutes: 240,
                    wholeDayMinutes: 450, mileagePencePerMile: 45, limits: [:], note: "Uprated"),
                by: .commandLine, requestID: nil)
            // act
            let before = try await ClaimFixtures.draft(
                casey, ClaimFixtures.fields(activity: "Day before", on: "2026-09-20"))
            let after = try await ClaimFixtures.draft(
                casey, ClaimFixtures.fields(activity: "On the day", on: "2026-09-21"))
            // check
            let approved = try await store.claim(id: approvedID)
            XCTAssertEqual(approved?.amounts.total, 10_000)
            let old = try await store.claim(id: before), new = try await store.claim(id: after)
            XCTAssertEqual(old?.ratePence, 10_000)
            XCTAssertEqual(new?.ratePence, 12_000)
        }
    }
}
