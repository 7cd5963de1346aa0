import Foundation
import XCTest
@testable import AlongsideApp

/// Claim amounts, earnings periods (Europe/London, tax years, the change of clocks) and the earnings limit check.
final class PaymentRulesTests: XCTestCase {
    static let policy = PaymentPolicy(
        id: 1, effectiveFrom: "2000-01-01", halfDayPence: 5000, wholeDayPence: 10000, halfDayMinutes: 240,
        wholeDayMinutes: 450, mileagePencePerMile: 45, travelLimitPence: nil, careLimitPence: nil,
        subsistenceLimitPence: 1500, otherLimitPence: nil, note: "")

    // MARK: Amounts

    func testEachPaymentChoiceSplitsTheMoneyAndTheTotalIsTheSumOfItsParts() {
        let expenses = [1250, 473]
        let cases: [(PaymentChoice, Int?, toPerson: Int, vouchers: Int, donation: Int, earnings: Int)] = [
            (.full, nil, 10000, 0, 0, 10000),
            (.lower, 2500, 2500, 0, 0, 2500),
            (.vouchers, nil, 0, 10000, 0, 10000),
            (.charity, nil, 0, 0, 10000, 0),
            (.none, nil, 0, 0, 0, 0),
        ]
        for (choice, lower, toPerson, vouchers, donation, earnings) in cases {
            let amounts = ClaimAmounts(rate: 10000, choice: choice, lowerPence: lower, expenses: expenses)
            XCTAssertEqual(amounts.toPerson, toPerson, "\(choice)")
            XCTAssertEqual(amounts.vouchers, vouchers, "\(choice)")
            XCTAssertEqual(amounts.donation, donation, "\(choice)")
            XCTAssertEqual(amounts.earnings, earnings, "\(choice): expenses never count as earnings")
            XCTAssertEqual(amounts.expenses, 1723)
            XCTAssertEqual(amounts.total, toPerson + vouchers + donation + 1723, "\(choice)")
        }
    }

    func testALowerAmountCannotExceedTheRate() {
        XCTAssertEqual(ClaimAmounts(rate: 5000, choice: .lower, lowerPence: 9000, expenses: []).toPerson, 5000)
    }

    func testTotalsOverManyClaimsAreSumsOfWholePence() {
        // 3 × 10.5 miles at 45p: each rounds 472.5 → 473, so the total is 3 × 473, never a rounded sum of fractions
        let each = Money.mileage(tenthsOfAMile: 105, pencePerMile: 45)
        XCTAssertEqual(each, 473)
        let amounts = ClaimAmounts(rate: 0, choice: .none, lowerPence: nil, expenses: [each, each, each])
        XCTAssertEqual(amounts.total, 1419)
    }

    // MARK: Periods

    func testWeeksRunMondayToSundayAcrossTheChangeOfClocks() {
        // Clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
        XCTAssertEqual(EarningsPeriods.weekStart("2026-03-29"), "2026-03-23")
        XCTAssertEqual(EarningsPeriods.weekStart("2026-03-30"), "2026-03-30")
        XCTAssertEqual(EarningsPeriods.weekEnd(weekStart: "2026-03-23"), "2026-03-29")
        XCTAssertEqual(EarningsPeriods.weekStart("2026-10-25"), "2026-10-19")
        XCTAssertEqual(EarningsPeriods.weekStart("2026-10-26"), "2026-10-26")
        XCTAssertEqual(EarningsPeriods.weekStart("2027-01-03"), "2026-12-28", "a week can span the new year")
        XCTAssertNil(EarningsPeriods.weekStart("2026-02-30"))
    }

    func testTaxYearsStartOnSixthApril() {
        XCTAssertEqual(EarningsPeriods.taxYear("2026-04-05"), 2025)
        XCTAssertEqual(EarningsPeriods.taxYear("2026-04-06"), 2026)
        XCTAssertEqual(EarningsPeriods.taxYear("2027-01-15"), 2026)
        XCTAssertEqual(EarningsPeriods.taxYearName(2026), "2026 to 2027")
        XCTAssertTrue(EarningsPeriods.taxYearRange(2026) == ("2026-04-06", "2027-04-05"))
        let months = EarningsPeriods.months(ofTaxYear: 2026)
        XCTAssertEqual(months.first, "2026-04")
        XCTAssertEqual(months.last, "2027-04")
        XCTAssertEqual(months.count, 13)
        XCTAssertEqual(EarningsPeriods.monthName("2027-04", inTaxYear: 2026), "April 2027 (1 to 5 April)")
    }

    func testMonthsIncludingALeapFebruary() {
        XCTAssertTrue(EarningsPeriods.monthRange("2028-02")! == ("2028-02-01", "2028-02-29"))
        XCTAssertTrue(EarningsPeriods.monthRange("2026-02")! == ("2026-02-01", "2026-02-28"))
        XCTAssertEqual(EarningsPeriods.monthName("2026-10"), "October 2026")
    }

    func testTodayIsTheLondonDateNotTheServersUTCDate() throws {
        // 23:30 UTC on 30 June 2026 is already 1 July in London (summer time).
        let lateEvening = Date(timeIntervalSince1970: 1_782_862_200)
        XCTAssertEqual(LondonTime.isoDay(lateEvening), "2026-07-01")
        var errors = FormErrors()
        let input = try ClaimForm.parse(
            FormData([
                ("activity", "Evening event"), ("activity_on", "2026-07-01"), ("length", "half"), ("choice", "full"),
            ]),
            policies: [Self.policy], today: LondonTime.isoDay(lateEvening), options: .init(groupIDs: [], meetings: [:]),
            errors: &errors)
        XCTAssertNotNil(input, "\(errors.summary)")
    }

    // MARK: The earnings check

    static let weekly2025 = EarningsLimit(
        id: 1, period: .week, effectiveFrom: "2025-04-06", name: "Weekly limit", amountPence: 19550,
        hoursLimitMinutes: 960, note: "")
    static let weekly2026 = EarningsLimit(
        id: 2, period: .week, effectiveFrom: "2026-04-06", name: "Weekly limit", amountPence: 20000,
        hoursLimitMinutes: 960, note: "")
    static let monthly = EarningsLimit(
        id: 3, period: .month, effectiveFrom: "2025-04-06", name: "Monthly limit", amountPence: 41100,
        hoursLimitMinutes: nil, note: "")
    static let limits = [weekly2025, weekly2026, monthly]

    func warning(
        _ period: LimitPeriod?, on day: String, earnings: Int = 10000, minutes: Int = 450, others: [EarningsEntry]
    ) -> EarningsWarning? {
        EarningsCheck.warning(
            period: period, limits: Self.limits, activityOn: day, claimEarnings: earnings, claimMinutes: minutes,
            others: others)
    }

    func testOnlyTheSameWeekCounts() {
        let sunday = EarningsEntry(activityOn: "2026-09-20", earnings: 10000, minutes: 450)
        let monday = EarningsEntry(activityOn: "2026-09-21", earnings: 10000, minutes: 450)
        // The limit in force from 6 April 2026 is £200.00
        XCTAssertNil(
            warning(.week, on: "2026-09-27", earnings: 10050, others: [sunday]),
            "Sunday 20 September is the week before")
        let over = warning(.week, on: "2026-09-27", earnings: 10050, others: [sunday, monday])
        XCTAssertEqual(over?.earlierEarnings, 10000)
        XCTAssertEqual(over?.totalEarnings, 20050)
        XCTAssertEqual(over?.excess, 50)
        XCTAssertNil(
            warning(.week, on: "2026-09-27", earnings: 10000, others: [monday]), "exactly at the limit is not over it")
        XCTAssertEqual(over?.first, "2026-09-21")
        XCTAssertEqual(over?.last, "2026-09-27")
    }

    func testTheLimitInForceOnTheActivitysDateApplies() {
        let earlier = [EarningsEntry(activityOn: "2026-03-30", earnings: 10000, minutes: 450)]
        // 5 April 2026 is a Sunday in the week of 30 March: £200 is over 2025's £195.50
        XCTAssertEqual(warning(.week, on: "2026-04-05", others: earlier)?.limit.amountPence, 19550)
        // From 6 April 2026 the limit is £200, so the same £200 is within it
        let later = [EarningsEntry(activityOn: "2026-04-06", earnings: 10000, minutes: 450)]
        XCTAssertNil(warning(.week, on: "2026-04-07", others: later))
    }

    func testHoursCountOnlyOnClaimsThatEarn() {
        let unpaid = (0..<3).map { _ in EarningsEntry(activityOn: "2026-09-21", earnings: 0, minutes: 450) }
        XCTAssertNil(warning(.week, on: "2026-09-22", earnings: 1000, others: unpaid))
        let paid = [
            EarningsEntry(activityOn: "2026-09-21", earnings: 1000, minutes: 450),
            EarningsEntry(activityOn: "2026-09-21", earnings: 1000, minutes: 450),
        ]
        let hours = warning(.week, on: "2026-09-22", earnings: 1000, others: paid)
        XCTAssertEqual(hours?.overHours, true, "three whole days are 22.5 hours, over 16")
        XCTAssertEqual(hours?.overAmount, false)
    }

    func testNoLimitNoEarningsOrNoFigureMeansNoWarning() {
        let lots = [EarningsEntry(activityOn: "2026-09-21", earnings: 100_000, minutes: 60)]
        XCTAssertNil(warning(nil, on: "2026-09-21", others: lots), "the person said no limit applies")
        XCTAssertNil(
            warning(.week, on: "2026-09-21", earnings: 0, others: lots), "a claim that earns nothing adds nothing")
        XCTAssertNil(warning(.week, on: "2024-01-01", others: lots), "no limit was kept for that date")
        XCTAssertNotNil(warning(.month, on: "2026-09-30", others: lots))
        XCTAssertNil(warning(.month, on: "2026-10-01", others: lots), "October is a new month")
    }

    // MARK: The claim form

    func testEmptyExpenseRowsAreIgnoredAndMileageIsWorkedOut() throws {
        var errors = FormErrors()
        let form = FormData([
            ("activity", "Workshop"), ("activity_on", "2026-09-01"), ("length", "whole"), ("choice", "none"),
            ("expense_rows", "3"),
            ("expense_kind_2", "mileage"), ("expense_miles_2", "20"), ("expense_note_2", "Home to the hub and back"),
        ])
        let input = try XCTUnwrap(
            try ClaimForm.parse(
                form, policies: [Self.policy], today: "2026-09-21", options: .init(groupIDs: [], meetings: [:]),
                errors: &errors))
        XCTAssertEqual(input.expenses.count, 1)
        XCTAssertEqual(input.expenses.first?.amountPence, 900)
        XCTAssertEqual(input.expenses.first?.tenthsOfAMile, 200)
        XCTAssertEqual(input.choice, .none)
    }

    func testAMeetingFromAnotherGroupIsRefused() throws {
        var errors = FormErrors()
        let form = FormData([
            ("activity", "Meeting"), ("activity_on", "2026-09-01"), ("length", "half"), ("choice", "full"),
            ("meeting", "7"), ("group", "2"),
        ])
        XCTAssertNil(
            try ClaimForm.parse(
                form, policies: [Self.policy], today: "2026-09-21", options: .init(groupIDs: [1, 2], meetings: [7: 1]),
                errors: &errors))
        XCTAssertEqual(errors["group"], "The meeting you chose belongs to another group: choose that group or none")
    }

    func testNoPolicyInForceIsExplained() throws {
        var errors = FormErrors()
        let later = PaymentPolicy(
            id: 2, effectiveFrom: "2026-01-01", halfDayPence: 5000, wholeDayPence: 10000, halfDayMinutes: 240,
            wholeDayMinutes: 450,
            mileagePencePerMile: 45, travelLimitPence: nil, careLimitPence: nil, subsistenceLimitPence: nil,
            otherLimitPence: nil, note: "")
        let form = FormData([
            ("activity", "Old event"), ("activity_on", "2025-06-01"), ("length", "half"), ("choice", "full"),
        ])
        XCTAssertNil(
            try ClaimForm.parse(
                form, policies: [later], today: "2026-09-21", options: .init(groupIDs: [], meetings: [:]),
                errors: &errors))
        XCTAssertEqual(errors["activity_on"], "No payment policy was in force on that date: ask a programme manager")
    }

    func testAnAbsurdExpenseIsRefused() throws {
        var errors = FormErrors()
        let form = FormData([
            ("activity", "Event"), ("activity_on", "2026-09-01"), ("length", "half"), ("choice", "full"),
            ("expense_kind_1", "travel"), ("expense_amount_1", "25000"),
        ])
        XCTAssertNil(
            try ClaimForm.parse(
                form, policies: [Self.policy], today: "2026-09-21", options: .init(groupIDs: [], meetings: [:]),
                errors: &errors))
        XCTAssertEqual(errors["expense_amount_1"], "Expense 1 must be £1,000.00 or less")
    }
}
