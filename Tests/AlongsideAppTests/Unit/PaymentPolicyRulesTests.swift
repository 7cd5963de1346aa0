import Foundation
import XCTest
@testable import AlongsideApp

final class PaymentPolicyRulesTests: XCTestCase {
    // MARK: Money

    func testMoneyIsShownInPoundsWithThousandsSeparated() {
        XCTAssertEqual(Money.format(0), "£0.00")
        XCTAssertEqual(Money.format(5), "£0.05")
        XCTAssertEqual(Money.format(5000), "£50.00")
        XCTAssertEqual(Money.format(123_450), "£1,234.50")
        XCTAssertEqual(Money.format(-350), "-£3.50")
        XCTAssertEqual(Money.format(123_456_789), "£1,234,567.89")
        XCTAssertEqual(Money.format(99_999_999_999), "£999,999,999.99")
        XCTAssertEqual(Money.plain(123_450), "1234.50", "spreadsheets read it as a number")
    }

    func testMoneyIsReadAsPeopleTypeItAndRefusedWhenItIsNotAnAmount() {
        XCTAssertEqual(Money.parse("£1,234.50"), .success(123_450))
        XCTAssertEqual(Money.parse("12.5"), .success(1250), "one number after the point is tens of pence")
        XCTAssertEqual(Money.parse("12"), .success(1200))
        XCTAssertEqual(Money.parse(" 50.00 "), .success(5000))
        XCTAssertEqual(Money.parse("0"), .success(0))
        XCTAssertEqual(Money.parse("-3"), .failure(.negative))
        XCTAssertEqual(Money.parse("1.234"), .failure(.tooManyPence))
        XCTAssertEqual(Money.parse("abc"), .failure(.notAnAmount))
        XCTAssertEqual(Money.parse("12."), .failure(.notAnAmount))
        XCTAssertEqual(Money.parse("1.2.3"), .failure(.notAnAmount))
        XCTAssertEqual(Money.parse(""), .failure(.empty))
        XCTAssertEqual(Money.parse("   "), .failure(.empty))
        // Big numbers: nine digits of pounds are read; more are refused rather than overflowing.
        XCTAssertEqual(Money.parse("999,999,999.99"), .success(99_999_999_999))
        XCTAssertEqual(Money.parse("1234567890"), .failure(.notAnAmount))
        XCTAssertEqual(Money.parse("99999999999999999999999"), .failure(.notAnAmount))
    }

    func testMileageRoundsToTheNearestPennyWithAHalfPennyRoundingUp() {
        XCTAssertEqual(Money.mileage(tenthsOfAMile: 10, pencePerMile: 45), 45)
        XCTAssertEqual(Money.mileage(tenthsOfAMile: 1, pencePerMile: 45), 5, "4.5p rounds up to 5p")
        XCTAssertEqual(Money.mileage(tenthsOfAMile: 3, pencePerMile: 45), 14, "13.5p rounds up to 14p")
        XCTAssertEqual(Money.mileage(tenthsOfAMile: 1, pencePerMile: 44), 4, "4.4p rounds down to 4p")
        XCTAssertEqual(Money.mileage(tenthsOfAMile: 1, pencePerMile: 46), 5, "4.6p rounds up to 5p")
        XCTAssertEqual(Money.mileage(tenthsOfAMile: 123, pencePerMile: 45), 554, "12.3 miles at 45p is 553.5p")
        XCTAssertEqual(Money.mileage(tenthsOfAMile: 0, pencePerMile: 45), 0)
        XCTAssertEqual(Money.mileage(tenthsOfAMile: 57, pencePerMile: 0), 0)
    }

    // MARK: Effective dates

    struct Version: Equatable {
        let from: String
        let name: String
    }

    func testTheVersionInForceIsTheLatestToHaveStartedOnOrBeforeTheDay() {
        let versions = [
            Version(from: "2026-04-06", name: "second"), Version(from: "2025-04-06", name: "first"),
            Version(from: "2027-04-06", name: "future"),
        ]
        func inForce(_ day: String) -> String? { EffectiveDated.inForce(versions, on: day, from: \.from)?.name }
        XCTAssertNil(inForce("2025-04-05"), "nothing before the first version")
        XCTAssertEqual(inForce("2025-04-06"), "first", "a version is in force on the day it starts")
        XCTAssertEqual(inForce("2025-12-25"), "first")
        XCTAssertEqual(inForce("2026-04-05"), "first", "the day before the next version starts")
        XCTAssertEqual(inForce("2026-04-06"), "second")
        XCTAssertEqual(inForce("2026-09-21"), "second", "a future version is ignored until it starts")
        XCTAssertEqual(inForce("2027-04-06"), "future")
        XCTAssertNil(EffectiveDated.inForce([Version](), on: "2026-09-21", from: \.from))
    }

    // MARK: The policy form

    static let today = "2026-09-21"

    static func policyForm(_ changes: [String: String] = [:]) -> FormData {
        var values: [String: String] = [
            "effective_from": "2027-04-06", "half_day": "55", "half_day_hours": "4 hours", "whole_day": "110.00",
            "whole_day_hours": "7:30", "mileage": "45", "travel_limit": "", "care_limit": "40",
            "subsistence_limit": "15.00",
            "other_limit": "", "note": "  New rates from April.  ",
        ]
        for (name, value) in changes { values[name] = value }
        return FormData(values.map { ($0.key, $0.value) })
    }

    func policy(_ changes: [String: String] = [:], existing: Set<String> = ["2000-01-01"]) -> (
        PaymentPolicyStore.PolicyInput?, FormErrors
    ) {
        var errors = FormErrors()
        let input = PaymentPolicyForms.policy(
            Self.policyForm(changes), today: Self.today, existingDates: existing, errors: &errors)
        return (input, errors)
    }

    func testAValidPolicyIsReadInPenceAndMinutes() {
        let (input, errors) = policy()
        XCTAssertTrue(errors.isEmpty, "\(errors.summary)")
        XCTAssertEqual(
            input,
            PaymentPolicyStore.PolicyInput(
                effectiveFrom: "2027-04-06", halfDayPence: 5500, wholeDayPence: 11000, halfDayMinutes: 240,
                wholeDayMinutes: 450,
                mileagePencePerMile: 45, limits: [.care: 4000, .subsistence: 1500], note: "New rates from April."))
        XCTAssertEqual(policy(["effective_from": Self.today]).0?.effectiveFrom, Self.today, "today is allowed")
    }

    func testAWholeDayPaidLessThanHalfADayIsRefused() {
        let (input, errors) = policy(["half_day": "60", "whole_day": "59.99"])
        XCTAssertNil(input)
        XCTAssertEqual(
            errors["whole_day"], "The rate for a whole day must be at least the rate for half a day (£60.00)")
        XCTAssertNotNil(policy(["half_day": "60", "whole_day": "60"]).0, "the same rate for both is allowed")
    }

    func testAPolicyStartingInThePastOrOnAnExistingVersionsDateIsRefused() {
        XCTAssertEqual(
            policy(["effective_from": "2026-09-20"]).1["effective_from"],
            "The date the policy starts must be today or later")
        XCTAssertEqual(
            policy(["effective_from": "2027-04-06"], existing: ["2000-01-01", "2027-04-06"]).1["effective_from"],
            "A version of the policy already starts on 6 April 2027. Choose a different date")
        XCTAssertEqual(
            policy(["effective_from": "2027-02-30"]).1["effective_from"],
            "Enter the date the policy starts as a real date, like 2027-04-06")
        XCTAssertEqual(policy(["effective_from": ""]).1["effective_from"], "Enter the date the new policy starts")
    }

    func testRatesHoursMileageAndLimitsAreCheckedAgainstTheirBounds() {
        XCTAssertEqual(policy(["half_day": "0"]).1["half_day"], "Enter the rate for up to half a day as more than £0")
        XCTAssertEqual(
            policy(["whole_day": "1000.01"]).1["whole_day"], "Enter the rate for a whole day as £1,000.00 or less")
        XCTAssertNotNil(policy(["whole_day": "£1,000"]).0, "£1,000 itself is allowed")
        XCTAssertEqual(policy(["half_day": "-3"]).1["half_day"], "Enter the rate for up to half a day as more than £0")
        XCTAssertEqual(
            policy(["half_day": "fifty"]).1["half_day"],
            "Enter the rate for up to half a day as an amount in pounds, like 50 or 50.00")
        XCTAssertEqual(policy(["half_day_hours": ""]).1["half_day_hours"], "Enter the hours half a day counts as")
        XCTAssertEqual(
            policy(["half_day_hours": "0"]).1["half_day_hours"], "The hours half a day counts as must be more than 0")
        XCTAssertEqual(
            policy(["whole_day_hours": "24:30"]).1["whole_day_hours"],
            "The hours a whole day counts as must be 24 hours or fewer")
        XCTAssertEqual(
            policy(["half_day_hours": "5", "whole_day_hours": "4"]).1["whole_day_hours"],
            "The hours counted for a whole day must be at least those for half a day (5 hours)")
        XCTAssertEqual(policy(["mileage": "201"]).1["mileage"], "The mileage rate must be 200p a mile or less")
        XCTAssertEqual(
            policy(["mileage": "45.5"]).1["mileage"], "Enter the mileage rate in whole pence a mile, like 45")
        XCTAssertEqual(policy(["mileage": "0"]).0?.mileagePencePerMile, 0, "no mileage paid is allowed")
        XCTAssertEqual(policy(["mileage": "40p"]).0?.mileagePencePerMile, 40)
        XCTAssertEqual(
            policy(["travel_limit": "0"]).1["travel_limit"],
            "Enter a limit for travel of more than £0, or leave it empty for no limit")
        XCTAssertEqual(
            policy(["other_limit": "1.234"]).1["other_limit"],
            "Enter the limit for other in pounds and pence, with no more than 2 numbers after the point")
    }

    func testHoursAreReadAsHoursAndMinutesOrDecimalHours() {
        let readings: [(String, Int?)] = [
            ("4", 240), ("7.5", 450), ("7.25", 435), ("7.1", 426), ("7:30", 450), ("0:45", 45),
            ("7 hours 30 minutes", 450), ("7h 30m", 450), ("7h30m", 450), ("7 hrs and 30 mins", 450), ("4 hours", 240),
            ("45 minutes", 45), ("1 hour", 60),
            ("7.33", nil), ("7:3", nil), ("7:60", nil), ("seven", nil), ("7 hours 60 minutes", nil),
            ("30 minutes 2 hours", nil),
            ("", nil), ("-4", nil), ("4 days", nil),
        ]
        for (text, minutes) in readings {
            XCTAssertEqual(PaymentPolicyForms.minutes(fromHours: text), minutes, text)
        }
    }

    func testTheFormStartsFromThePolicyInForceAndReadsBackTheSame() throws {
        let current = PaymentPolicy(
            id: 1, effectiveFrom: "2000-01-01", halfDayPence: 5000, wholeDayPence: 10000, halfDayMinutes: 240,
            wholeDayMinutes: 450, mileagePencePerMile: 45, travelLimitPence: nil, careLimitPence: nil,
            subsistenceLimitPence: 1500, otherLimitPence: nil, note: "Old note")
        let form = PaymentPolicyForms.formData(from: current).replacing("effective_from", with: "2027-04-06")
        XCTAssertEqual(form["half_day"], "50.00")
        XCTAssertEqual(form["whole_day_hours"], "7 hours 30 minutes")
        XCTAssertEqual(form["note"], "", "the note belongs to the old version")
        var errors = FormErrors()
        let input = try XCTUnwrap(
            PaymentPolicyForms.policy(form, today: Self.today, existingDates: ["2000-01-01"], errors: &errors))
        XCTAssertEqual(input.halfDayPence, current.halfDayPence)
        XCTAssertEqual(input.wholeDayMinutes, current.wholeDayMinutes)
        XCTAssertEqual(input.limits, [.subsistence: 1500])
    }

    // MARK: The earnings limit form

    static let seededWeekly = EarningsLimit(
        id: 1, period: .week, effectiveFrom: "2025-04-06", name: "Permitted work earnings limit",
        amountPence: 19550, hoursLimitMinutes: 960, note: "")

    func limit(_ values: [(String, String)]) -> (PaymentPolicyStore.LimitInput?, FormErrors) {
        var errors = FormErrors()
        let input = PaymentPolicyForms.limit(FormData(values), existing: [Self.seededWeekly], errors: &errors)
        return (input, errors)
    }

    func testAWeeklyLimitMayHaveAnHoursLimitAndStartInThePast() {
        let (input, errors) = limit([
            ("period", "week"), ("effective_from", "2026-04-06"), ("name", " Permitted work "),
            ("amount", "203.50"), ("hours", "16"), ("note", ""),
        ])
        XCTAssertTrue(errors.isEmpty, "\(errors.summary)")
        XCTAssertEqual(
            input,
            PaymentPolicyStore.LimitInput(
                period: .week, effectiveFrom: "2026-04-06", name: "Permitted work",
                amountPence: 20350, hoursLimitMinutes: 960, note: ""))
    }

    func testHoursOnAMonthlyLimitAreRefused() {
        let (input, errors) = limit([
            ("period", "month"), ("effective_from", "2026-04-06"), ("name", "Work allowance"),
            ("amount", "411"), ("hours", "16"),
        ])
        XCTAssertNil(input)
        XCTAssertEqual(errors["hours"], "Leave the hours limit empty for a monthly limit: only weekly limits have one")
    }

    func testALimitIsCheckedForPeriodDateAmountAndHours() {
        let (_, errors) = limit([
            ("period", "year"), ("effective_from", "2026-13-01"), ("name", ""), ("amount", "10000.01"),
            ("hours", "101"),
        ])
        XCTAssertEqual(errors["period"], "Select whether the limit is weekly or monthly")
        XCTAssertEqual(
            errors["effective_from"], "Enter the date the limit applies from as a real date, like 2026-04-06")
        XCTAssertEqual(errors["name"], "Enter the limit's name, like Permitted work earnings limit")
        XCTAssertEqual(errors["amount"], "Enter the limit as £10,000.00 or less")
        XCTAssertEqual(errors["hours"], "Enter an hours limit between 1 and 100 hours a week")
        let duplicate = limit([
            ("period", "week"), ("effective_from", "2025-04-06"), ("name", "Again"), ("amount", "1"),
        ]).1
        XCTAssertEqual(
            duplicate["effective_from"], "A weekly limit already starts on 6 April 2025. Choose a different date")
        let otherPeriod = limit([
            ("period", "month"), ("effective_from", "2025-04-06"), ("name", "Monthly"), ("amount", "1"),
        ]).1
        XCTAssertTrue(otherPeriod.isEmpty, "the same date is fine for the other period")
        XCTAssertEqual(
            limit([("period", "week"), ("effective_from", "2026-04-06"), ("name", "x"), ("amount", "0")]).1["amount"],
            "Enter the limit as more than £0")
    }

    // MARK: The earnings limits page

    func testTheLimitsPageWarnsWhenTheNewestFiguresAreFromBeforeThisTaxYear() {
        let page = EarningsLimitsPage(limits: [Self.seededWeekly], today: Self.today, canManage: false)
        let weekly = page.sections.first { $0.isWeekly }
        XCTAssertEqual(weekly?.hasWarning, true)
        XCTAssertEqual(weekly?.rows.first?.inForce, true, "an old limit is still the one in force")
        let fresh = EarningsLimitsPage(
            limits: [
                Self.seededWeekly,
                EarningsLimit(
                    id: 2, period: .week, effectiveFrom: "2026-04-06", name: "Permitted work", amountPence: 20350,
                    hoursLimitMinutes: nil, note: ""),
            ],
            today: Self.today, canManage: false)
        XCTAssertEqual(fresh.sections.first { $0.isWeekly }?.hasWarning, false)
        XCTAssertEqual(fresh.sections.first { $0.isWeekly }?.rows.map(\.status), ["In force today", "Replaced"])
        XCTAssertNil(fresh.addForm, "only administrators see the add form")
    }

    // MARK: The duties form

    func testADutyIsForAnActiveAccountThatDoesNotAlreadyHoldIt() {
        let now = Date(timeIntervalSince1970: 0)
        let people = [
            User(
                id: 1, email: "a@example.org", name: "Ada", role: .expertByExperience, passwordHash: nil,
                isActive: true, createdAt: now, updatedAt: now),
            User(
                id: 2, email: "b@example.org", name: "Ben", role: .programmeManager, passwordHash: nil, isActive: true,
                createdAt: now, updatedAt: now),
            User(
                id: 3, email: "c@example.org", name: "Cas", role: .member, passwordHash: nil, isActive: false,
                createdAt: now, updatedAt: now),
        ]
        func check(_ person: String, _ duty: String, named: [ClaimDuty] = []) -> FormErrors {
            var errors = FormErrors()
            _ = PaymentPolicyForms.duty(
                FormData([("person", person), ("duty", duty)]), people: people, named: named, errors: &errors)
            return errors
        }
        XCTAssertTrue(check("1", "approve").isEmpty)
        XCTAssertTrue(check("2", "pay").isEmpty, "a programme manager may be named to record payments")
        XCTAssertEqual(check("2", "approve")["person"], "Ben already approves claims as a programme manager")
        XCTAssertEqual(
            check("1", "pay", named: [ClaimDuty(userID: 1, duty: .pay, name: "Ada")])["person"],
            "Ada already records payments for finance")
        XCTAssertEqual(
            check("3", "approve")["person"], "Select the person to name", "deactivated accounts cannot be named")
        XCTAssertEqual(check("1", "delete")["duty"], "Select whether they approve claims or record payments")
    }
}
