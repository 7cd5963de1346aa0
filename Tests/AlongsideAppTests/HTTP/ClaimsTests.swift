import Foundation
import XCTest
@testable import AlongsideApp

/// An expert by experience claims for agreed activity and expenses, checks their answers and sends the claim;
/// bad input is refused with what was typed kept.
final class ClaimsTests: XCTestCase {
    func testAWholeDayWithTravelAndMileageIsCheckedThenSent() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(as: .expertByExperience, name: "Casey Example")
            // act
            let id = try await ClaimFixtures.draft(
                casey,
                ClaimFixtures.fields(
                    choice: "full",
                    [
                        ("expense_kind_1", "travel"), ("expense_amount_1", "£12.50"), ("expense_receipt_1", "yes"),
                        ("expense_kind_2", "mileage"), ("expense_miles_2", "10.5"),
                    ]))
            let check = try await casey.get(Href.checkClaim(id))
            // check: the policy's £100 for a whole day, £12.50 travel, 10.5 miles at 45p is £4.725, rounded up to £4.73
            XCTAssertEqual(check.status, .ok)
            XCTAssertEqual(check.h1, "Check your claim before sending it")
            XCTAssertTrue(check.contains("£100.00"))
            XCTAssertTrue(check.contains("Travel: fares, taxis or parking") || check.contains("Travel"))
            XCTAssertTrue(check.contains("£12.50"))
            XCTAssertTrue(check.contains("Mileage: 10.5 miles"))
            XCTAssertTrue(check.contains("£4.73"))
            XCTAssertTrue(check.contains("£117.23"), "the total is the sum of its parts")
            XCTAssertTrue(check.contains(Href.editClaim(id) + "#field-activity"), "each answer has a Change link")
            XCTAssertFalse(check.contains("earnings-warning-heading"), "no limit applies to Casey")

            let sent = try await casey.post(Href.checkClaim(id), [("version", check.inputValue("version") ?? "")])
            XCTAssertEqual(sent.location, Href.claim(id))
            let page = try await casey.get(Href.claim(id))
            XCTAssertTrue(page.contains("Waiting for approval"))
            XCTAssertTrue(page.contains("Your claim has been sent"))
            XCTAssertTrue(page.contains("Sent for approval by Casey Example"))
            let list = try await casey.get(Href.claims())
            XCTAssertTrue(list.contains("Leaders group meeting"))
            XCTAssertTrue(list.contains("£117.23"))
        }
    }

    func testBadInputIsRefusedAndEverythingTypedIsKept() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(as: .expertByExperience)
            _ = try await casey.get(Href.newClaim())
            // act
            let page = try await casey.post(
                Href.newClaim(),
                ClaimFixtures.fields(
                    activity: "", on: "2026-09-22", choice: "lower",
                    [
                        ("lower_amount", "150"), ("expense_kind_1", "travel"), ("expense_amount_1", "-5"),
                        ("expense_note_1", "Bus to the hub"),
                        ("expense_kind_2", "subsistence"), ("expense_amount_2", "40.00"),
                    ]))
            // check
            XCTAssertEqual(page.status, .unprocessableContent)
            XCTAssertTrue(page.title?.hasPrefix("Error: ") == true)
            XCTAssertEqual(
                page.errorSummary,
                [
                    "Enter what you did",
                    "The date of the activity must be today or in the past",
                    "The amount of expense 1 must be more than £0.00",
                ])
            XCTAssertEqual(page.inputValue("activity_on"), "2026-09-22")
            XCTAssertEqual(page.inputValue("lower_amount"), "150")
            XCTAssertEqual(page.inputValue("expense_amount_1"), "-5")
            XCTAssertEqual(page.inputValue("expense_note_1"), "Bus to the hub")
            XCTAssertEqual(page.inputValue("expense_amount_2"), "40.00")
            let claims = try await ClaimStore(pool: app.services.pool, clock: app.services.clock).claims(
                in: ClaimStatus.allCases)
            XCTAssertTrue(claims.isEmpty, "nothing is saved")
        }
    }

    func testAmountsAreCheckedAgainstThePolicyInForce() async throws {
        try await withApp { app in
            let (casey, _) = try await app.signedIn(as: .expertByExperience)
            _ = try await casey.get(Href.newClaim())
            let page = try await casey.post(
                Href.newClaim(),
                ClaimFixtures.fields(
                    length: "half", choice: "lower",
                    [
                        ("lower_amount", "50.00"), ("expense_kind_1", "subsistence"), ("expense_amount_1", "40.00"),
                        ("expense_kind_2", "other"), ("expense_amount_2", "1.234"), ("expense_kind_3", "mileage"),
                        ("expense_miles_3", "12.55"),
                        ("expense_rows", "3"),
                    ]))
            XCTAssertEqual(page.status, .unprocessableContent)
            XCTAssertEqual(
                page.errorSummary,
                [
                    "The lower amount must be less than the full £50.00",
                    "The policy pays up to £15.00 for food and drink: change expense 1",
                    "Say what expense 2 was for",
                    "Enter the amount of expense 2 in pounds and pence, for example 12.50",
                    "Enter the miles for expense 3 as a number up to 1,000, to a tenth of a mile, for example 12.5",
                ])
        }
    }

    func testAddingAnExpenseRowSavesNothingAndKeepsTheForm() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(as: .expertByExperience)
            _ = try await casey.get(Href.newClaim())
            // act
            let page = try await casey.post(
                Href.newClaim(),
                ClaimFixtures.fields([("expense_kind_1", "care"), ("expense_amount_1", "30"), ("add_expense", "1")]))
            // check
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("Expense 3"))
            XCTAssertEqual(page.inputValue("expense_rows"), "3")
            XCTAssertEqual(page.inputValue("expense_amount_1"), "30")
            let claims = try await ClaimStore(pool: app.services.pool, clock: app.services.clock).claims(
                in: ClaimStatus.allCases)
            XCTAssertTrue(claims.isEmpty)
        }
    }

    func testTheNewFormStartsFromThePersonsUsualChoice() async throws {
        try await withApp { app in
            let (casey, _) = try await app.signedIn(as: .expertByExperience)
            _ = try await casey.get(Href.paymentPreferences())
            let saved = try await casey.post(
                Href.paymentPreferences(), [("limit", "none"), ("choice", "charity"), ("charity", "Example Mind")])
            XCTAssertEqual(saved.status, .seeOther)
            let form = try await casey.get(Href.newClaim())
            XCTAssertTrue(form.contains(#"value="charity" checked"#))
            XCTAssertEqual(form.inputValue("charity"), "Example Mind")
            XCTAssertEqual(form.inputValue("activity_on"), ClaimFixtures.today)
        }
    }

    func testTheOwnerChangesADraftAndDeletesOne() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(as: .expertByExperience)
            let id = try await ClaimFixtures.draft(casey, ClaimFixtures.fields(length: "half"))
            // act
            let edit = try await casey.get(Href.editClaim(id))
            XCTAssertEqual(edit.inputValue("activity"), "Leaders group meeting")
            let version = try XCTUnwrap(edit.inputValue("version"))
            let changed = try await casey.post(
                Href.editClaim(id),
                ClaimFixtures.fields(activity: "Listening event", length: "whole", [("version", version)]))
            XCTAssertEqual(changed.location, Href.checkClaim(id))
            // a second save from the old page is refused, keeping what was typed
            let stale = try await casey.post(
                Href.editClaim(id), ClaimFixtures.fields(activity: "Typed in another tab", [("version", version)]))
            XCTAssertEqual(stale.status, .conflict)
            XCTAssertEqual(stale.inputValue("activity"), "Typed in another tab")
            // check
            let check = try await casey.get(Href.checkClaim(id))
            XCTAssertTrue(check.contains("Listening event"))
            XCTAssertTrue(check.contains("£100.00"))
            let deleted = try await casey.post(
                Href.deleteClaim(id), [("version", try await ClaimFixtures.version(casey, id))])
            XCTAssertEqual(deleted.location, Href.claims())
            let gone = try await casey.get(Href.claim(id))
            XCTAssertEqual(gone.status, .notFound)
        }
    }

    func testNobodyElseSeesOrChangesSomeonesClaim() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(as: .expertByExperience, email: "casey@example.org")
            let (robin, _) = try await app.signedIn(as: .expertByExperience, email: "robin@example.org")
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let id = try await ClaimFixtures.draft(casey, ClaimFixtures.fields())
            // check: another expert by experience, and even an approver while it is a draft, get 404
            for path in [Href.claim(id), Href.editClaim(id), Href.checkClaim(id)] {
                let page = try await robin.get(path)
                XCTAssertEqual(page.status, .notFound, path)
            }
            let managerView = try await manager.get(Href.claim(id))
            XCTAssertEqual(managerView.status, .notFound, "drafts are the owner's alone")
            _ = try await robin.get(Href.claims())
            let post = try await robin.post(
                Href.editClaim(id), ClaimFixtures.fields(activity: "Not mine", [("version", "1")]))
            XCTAssertEqual(post.status, .notFound)
            let delete = try await robin.post(Href.deleteClaim(id), [("version", "1")])
            XCTAssertEqual(delete.status, .notFound)
            // no CSRF token
            let noToken = try await casey.post(Href.newClaim(), ClaimFixtures.fields(), csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            // signed out
            let signedOut = try await app.browser().get(Href.claims())
            XCTAssertEqual(signedOut.status, .seeOther)
            XCTAssertTrue(signedOut.location?.hasPrefix(Href.signIn()) == true)
        }
    }

    func testAMeetingMustBeOneOfThePersonsGroups() async throws {
        try await withApp { app in
            let (casey, _) = try await app.signedIn(as: .expertByExperience)
            _ = try await casey.get(Href.newClaim())
            let page = try await casey.post(
                Href.newClaim(), ClaimFixtures.fields([("meeting", "999"), ("group", "42")]))
            XCTAssertEqual(page.status, .unprocessableContent)
            XCTAssertEqual(page.errorSummary, ["Choose a meeting from the list", "Choose a group from the list"])
        }
    }
}
