import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

final class PaymentPolicyTests: XCTestCase {
    /// A valid new version of the policy as the form sends it; the clock starts on 21 September 2026.
    static func newPolicy(_ step: String, from: String = "2027-04-06", changes: [String: String] = [:]) -> [(
        String, String
    )] {
        var values: [(String, String)] = [
            ("effective_from", from), ("half_day", "55"), ("half_day_hours", "4 hours"), ("whole_day", "110"),
            ("whole_day_hours", "7 hours 30 minutes"), ("mileage", "45"), ("travel_limit", ""), ("care_limit", ""),
            ("subsistence_limit", "15.00"), ("other_limit", ""), ("note", "Rates rise from April."), ("step", step),
        ]
        for (name, value) in changes {
            values.removeAll { $0.0 == name }
            values.append((name, value))
        }
        return values
    }

    static func policyCount(_ app: TestContext) async throws -> Int {
        try await app.services.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM payment_policies") ?? 0
        }
    }

    static func auditActions(_ app: TestContext, kind: String) async throws -> [String] {
        try await app.services.pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT action FROM audit_events WHERE record_kind = ? ORDER BY id", arguments: [kind])
        }
    }

    func testSignedOutPeopleAreSentToSignIn() async throws {
        try await withApp { app in
            let browser = app.browser()
            for path in [
                "/involvement/policy", "/involvement/policy/new", "/involvement/limits", "/involvement/duties",
            ] {
                let page = try await browser.get(path)
                XCTAssertEqual(page.status, .seeOther, path)
                XCTAssertEqual(page.location, "/sign-in?next=" + path, path)
            }
        }
    }

    func testAnExpertByExperienceReadsThePolicyAndLimitsButChangesNothing() async throws {
        try await withApp { app in
            // setup
            let (expert, _) = try await app.signedIn(as: .expertByExperience)
            let other = try await app.createUser(
                name: "Ada Example", email: "ada@example.org", role: .expertByExperience)
            // act
            let policy = try await expert.get("/involvement/policy")
            let limits = try await expert.get("/involvement/limits")
            // check
            XCTAssertEqual(policy.status, .ok)
            XCTAssertTrue(policy.contains("£50.00 for up to half a day of agreed activity (counted as 4 hours)"))
            XCTAssertTrue(policy.contains("£100.00 for a whole day of agreed activity (counted as 7 hours 30 minutes)"))
            XCTAssertTrue(policy.contains("45p a mile in your own vehicle"))
            XCTAssertTrue(policy.contains("Up to £15.00 for each expense"), "the starting policy limits food and drink")
            XCTAssertTrue(policy.contains("No limit"))
            XCTAssertTrue(policy.contains(PaymentPolicyPage.roundingRule), "the rounding rule is stated")
            XCTAssertTrue(policy.contains("Changing the policy never changes a claim that is already approved"))
            XCTAssertTrue(policy.contains("The policy in force today, 21 September 2026"))
            XCTAssertFalse(policy.contains("Add a new version"), "only administrators change the policy")
            XCTAssertEqual(limits.status, .ok)
            XCTAssertTrue(limits.contains("Alongside gives facts, never advice."))
            XCTAssertTrue(limits.contains(#"href="https://www.citizensadvice.org.uk/benefits/""#))
            XCTAssertTrue(limits.contains(#"href="https://www.turn2us.org.uk/""#))
            XCTAssertTrue(limits.contains(#"href="/involvement/preferences""#))
            XCTAssertTrue(limits.contains("Permitted work earnings limit"))
            XCTAssertTrue(limits.contains("£195.50 a week"))
            XCTAssertTrue(
                limits.contains("It may be out of date"), "the seeded figures are from the 2025 to 2026 tax year")
            XCTAssertFalse(limits.contains(#"name="amount""#), "only administrators see the add form")

            let refusedPages = [
                try await expert.get("/involvement/policy/new"), try await expert.get("/involvement/duties"),
            ]
            XCTAssertEqual(refusedPages.map(\.status), [.forbidden, .forbidden])
            let posts: [(String, [(String, String)])] = [
                ("/involvement/policy/new", Self.newPolicy("check")),
                ("/involvement/policy/new", Self.newPolicy("confirm")),
                (
                    "/involvement/limits",
                    [
                        ("period", "week"), ("effective_from", "2026-04-06"), ("name", "Permitted work"),
                        ("amount", "203.50"),
                    ]
                ),
                ("/involvement/duties", [("person", String(other.id!)), ("duty", "approve")]),
                ("/involvement/duties/\(other.id!)/approve/remove", []),
            ]
            for (path, fields) in posts {
                let response = try await expert.post(path, fields)
                XCTAssertEqual(response.status, .forbidden, path)
            }
            let count = try await Self.policyCount(app)
            XCTAssertEqual(count, 1, "nothing was saved")
            let limitCount = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM earnings_limits")
            }
            XCTAssertEqual(limitCount, 2)
            let held = try await PaymentPolicyStore(pool: app.services.pool, clock: app.services.clock).holds(
                .approve, userID: other.id!)
            XCTAssertFalse(held)
        }
    }

    func testChangesWithoutTheCSRFTokenAreRefused() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator)
            let expert = try await app.createUser(
                name: "Ada Example", email: "ada@example.org", role: .expertByExperience)
            _ = try await admin.get("/involvement/duties")
            let posts: [(String, [(String, String)])] = [
                ("/involvement/policy/new", Self.newPolicy("confirm")),
                (
                    "/involvement/limits",
                    [
                        ("period", "week"), ("effective_from", "2026-04-06"), ("name", "Permitted work"),
                        ("amount", "203.50"),
                    ]
                ),
                ("/involvement/duties", [("person", String(expert.id!)), ("duty", "approve")]),
            ]
            for (path, fields) in posts {
                let response = try await admin.post(path, fields, csrf: "")
                XCTAssertEqual(response.status, .forbidden, path)
            }
            let count = try await Self.policyCount(app)
            XCTAssertEqual(count, 1)
            let duties = try await Self.auditActions(app, kind: "claim_duty")
            XCTAssertEqual(duties, [])
        }
    }

    func testBadPolicyInputIsShownAgainWithEverythingTypedKept() async throws {
        try await withApp { app in
            // setup
            let (admin, _) = try await app.signedIn(as: .administrator)
            let form = try await admin.get("/involvement/policy/new")
            XCTAssertEqual(form.status, .ok)
            XCTAssertEqual(form.inputValue("half_day"), "50.00", "the form starts from the policy in force")
            XCTAssertEqual(form.inputValue("whole_day_hours"), "7 hours 30 minutes")
            XCTAssertEqual(form.inputValue("subsistence_limit"), "15.00")
            // act
            let refused = try await admin.post(
                "/involvement/policy/new",
                Self.newPolicy(
                    "check", from: "2026-09-20",
                    changes: [
                        "half_day": "60", "whole_day": "59.99", "mileage": "lots", "note": "Typed <note>",
                    ]))
            // check
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertEqual(refused.title?.hasPrefix("Error: "), true)
            XCTAssertEqual(
                refused.errorSummary,
                [
                    "The date the policy starts must be today or later",
                    "The rate for a whole day must be at least the rate for half a day (£60.00)",
                    "Enter the mileage rate in whole pence a mile, like 45",
                ])
            XCTAssertEqual(refused.inputValue("effective_from"), "2026-09-20")
            XCTAssertEqual(refused.inputValue("half_day"), "60")
            XCTAssertEqual(refused.inputValue("whole_day"), "59.99")
            XCTAssertEqual(refused.inputValue("mileage"), "lots")
            XCTAssertTrue(refused.contains("Typed &lt;note&gt;</textarea>"))
            let duplicate = try await admin.post(
                "/involvement/policy/new", Self.newPolicy("confirm", from: "2000-01-01"))
            XCTAssertEqual(duplicate.status, .unprocessableContent)
            let count = try await Self.policyCount(app)
            XCTAssertEqual(count, 1)
        }
    }

    func testCheckYourAnswersSavesNothingUntilConfirmed() async throws {
        try await withApp { app in
            // setup
            let (admin, _) = try await app.signedIn(as: .administrator)
            _ = try await admin.get("/involvement/policy/new")
            // act: check
            let check = try await admin.post("/involvement/policy/new", Self.newPolicy("check"))
            // check
            XCTAssertEqual(check.status, .ok)
            XCTAssertEqual(check.h1, "Check the new payment policy")
            XCTAssertTrue(check.contains("£55.00, counted as 4 hours"))
            XCTAssertTrue(check.contains("Save the new policy"))
            XCTAssertTrue(
                check.contains(#"formaction="/involvement/policy/new#field-half_day""#), "each answer can be changed")
            XCTAssertEqual(check.inputValue("half_day"), "55", "the answers go forward as typed")
            XCTAssertEqual(check.inputValue("note"), "Rates rise from April.")
            var count = try await Self.policyCount(app)
            XCTAssertEqual(count, 1, "checking saves nothing")
            // act: change
            let change = try await admin.post("/involvement/policy/new", Self.newPolicy("change"))
            XCTAssertEqual(change.status, .ok)
            XCTAssertEqual(change.inputValue("half_day"), "55")
            XCTAssertTrue(change.contains("Rates rise from April.</textarea>"))
            count = try await Self.policyCount(app)
            XCTAssertEqual(count, 1, "changing saves nothing")
            // act: confirm
            let saved = try await admin.post("/involvement/policy/new", Self.newPolicy("confirm"))
            XCTAssertEqual(saved.status, .seeOther)
            XCTAssertEqual(saved.location, "/involvement/policy")
            count = try await Self.policyCount(app)
            XCTAssertEqual(count, 2)
            let audit = try await Self.auditActions(app, kind: "payment_policy")
            XCTAssertEqual(audit, ["payment_policy.added"])
        }
    }

    func testAVersionFromAFutureDateLeavesTodaysPolicyInForceAndShowsAsComing() async throws {
        try await withApp { app in
            // setup
            let (admin, _) = try await app.signedIn(as: .administrator)
            _ = try await admin.get("/involvement/policy/new")
            // act
            _ = try await admin.post("/involvement/policy/new", Self.newPolicy("confirm"))
            let page = try await admin.get("/involvement/policy")
            // check
            XCTAssertTrue(
                page.contains("The new version of the payment policy is saved. It applies from 6 April 2027."))
            XCTAssertTrue(page.contains("Add a new version of the policy"))
            let html = page.html
            let today = try XCTUnwrap(html.range(of: "£50.00 for up to half a day of agreed activity"))
            let coming = try XCTUnwrap(html.range(of: "From 6 April 2027</h3>"))
            let future = try XCTUnwrap(html.range(of: "£55.00 for up to half a day of agreed activity"))
            XCTAssertTrue(
                today.lowerBound < coming.lowerBound && coming.lowerBound < future.lowerBound,
                "today's policy is still in force; the new one is listed as coming")
            XCTAssertTrue(
                page.contains("From 1 January 2000 to 5 April 2027"), "the history shows when the starting policy ends")
            XCTAssertTrue(page.contains(">Coming</span>"))
            XCTAssertTrue(page.contains(">In force today</span>"))
            let policies = try await PaymentPolicyStore(pool: app.services.pool, clock: app.services.clock).policies()
            XCTAssertEqual(
                EffectiveDated.inForce(policies, on: "2026-09-21", from: \.effectiveFrom)?.halfDayPence, 5000)
            XCTAssertEqual(
                EffectiveDated.inForce(policies, on: "2027-04-06", from: \.effectiveFrom)?.halfDayPence, 5500)
        }
    }

    func testAnAdministratorAddsALimitAndMistakesAreShownAgain() async throws {
        try await withApp { app in
            // setup
            let (admin, _) = try await app.signedIn(as: .administrator)
            let before = try await admin.get("/involvement/limits")
            XCTAssertTrue(before.contains(#"name="amount""#))
            // act: a monthly limit with hours
            let refused = try await admin.post(
                "/involvement/limits",
                [
                    ("period", "month"), ("effective_from", "2026-04-06"), ("name", "Work allowance"),
                    ("amount", "420"), ("hours", "16"),
                    ("note", "Typed note"),
                ])
            // check
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertEqual(
                refused.errorSummary, ["Leave the hours limit empty for a monthly limit: only weekly limits have one"])
            XCTAssertEqual(refused.inputValue("name"), "Work allowance")
            XCTAssertEqual(refused.inputValue("amount"), "420")
            XCTAssertEqual(refused.inputValue("hours"), "16")
            XCTAssertTrue(refused.contains(#"value="month" checked"#))
            XCTAssertTrue(refused.contains("Typed note</textarea>"))
            // act: this year's weekly figure
            let saved = try await admin.post(
                "/involvement/limits",
                [
                    ("period", "week"), ("effective_from", "2026-04-06"), ("name", "Permitted work earnings limit"),
                    ("amount", "203.50"),
                    ("hours", "16"), ("note", ""),
                ])
            XCTAssertEqual(saved.status, .seeOther)
            let after = try await admin.get("/involvement/limits")
            XCTAssertTrue(after.contains("£203.50 a week"))
            XCTAssertTrue(after.contains("16 hours a week"))
            XCTAssertEqual(
                after.allMatches("(It may be out of date)").count, 1, "only the monthly figure is still last year's")
            let duplicate = try await admin.post(
                "/involvement/limits",
                [
                    ("period", "week"), ("effective_from", "2026-04-06"), ("name", "Again"), ("amount", "1"),
                ])
            XCTAssertEqual(duplicate.status, .unprocessableContent)
            XCTAssertEqual(
                duplicate.errorSummary, ["A weekly limit already starts on 6 April 2026. Choose a different date"])
            let audit = try await Self.auditActions(app, kind: "earnings_limit")
            XCTAssertEqual(audit, ["earnings_limit.added"])
        }
    }

    func testGrantingAndRemovingADutyWritesAuditRows() async throws {
        try await withApp { app in
            // setup
            let (admin, _) = try await app.signedIn(as: .administrator)
            let ada = try await app.createUser(name: "Ada Example", email: "ada@example.org", role: .expertByExperience)
            let store = PaymentPolicyStore(pool: app.services.pool, clock: app.services.clock)
            let page = try await admin.get("/involvement/duties")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("Nobody approves or pays their own claim."))
            XCTAssertTrue(page.contains("Ada Example (Expert by experience)"))
            // act
            let missing = try await admin.post("/involvement/duties", [("person", ""), ("duty", "approve")])
            let granted = try await admin.post(
                "/involvement/duties", [("person", String(ada.id!)), ("duty", "approve")])
            // check
            XCTAssertEqual(missing.status, .unprocessableContent)
            XCTAssertEqual(missing.errorSummary, ["Select the person to name"])
            XCTAssertTrue(missing.contains(#"value="approve" checked"#), "the duty chosen is kept")
            XCTAssertEqual(granted.status, .seeOther)
            var holds = try await store.holds(.approve, userID: ada.id!)
            XCTAssertTrue(holds)
            let listed = try await admin.get("/involvement/duties")
            XCTAssertTrue(listed.contains("Ada Example now approves claims."))
            XCTAssertTrue(listed.contains(#"action="/involvement/duties/\#(ada.id!)/approve/remove""#))
            let again = try await admin.post("/involvement/duties", [("person", String(ada.id!)), ("duty", "approve")])
            XCTAssertEqual(again.status, .unprocessableContent, "nobody is named twice")

            let unknownDuty = try await admin.post("/involvement/duties/\(ada.id!)/delete/remove")
            XCTAssertEqual(unknownDuty.status, .notFound)
            let notHeld = try await admin.post("/involvement/duties/\(ada.id!)/pay/remove")
            XCTAssertEqual(notHeld.status, .notFound)
            let removed = try await admin.post("/involvement/duties/\(ada.id!)/approve/remove")
            XCTAssertEqual(removed.status, .seeOther)
            holds = try await store.holds(.approve, userID: ada.id!)
            XCTAssertFalse(holds)
            let audit = try await Self.auditActions(app, kind: "claim_duty")
            XCTAssertEqual(audit, ["claim_duty.granted", "claim_duty.removed"])
        }
    }

    func testTheDatabaseRefusesASecondLimitStartingTheSameDay() async throws {
        try await withApp { app in
            // setup: two administrators pass the form's check at the same moment; the first saves
            let store = PaymentPolicyStore(pool: app.services.pool, clock: app.services.clock)
            let input = PaymentPolicyStore.LimitInput(
                period: .week, effectiveFrom: "2026-04-06", name: "Permitted work earnings limit",
                amountPence: 20_000, hoursLimitMinutes: 960, note: "")
            _ = try await store.addLimit(input, by: .commandLine, requestID: nil)
            // act
            var refused = false
            do { _ = try await store.addLimit(input, by: .commandLine, requestID: nil) } catch is PaymentPolicyStore
                .DuplicateLimit
            { refused = true }
            // check
            XCTAssertTrue(refused)
            let audit = try await Self.auditActions(app, kind: "earnings_limit")
            XCTAssertEqual(audit, ["earnings_limit.added"], "the refused one left no audit row")
        }
    }
}
