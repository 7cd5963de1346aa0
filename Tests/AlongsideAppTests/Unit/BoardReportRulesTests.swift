import Foundation
import XCTest
@testable import AlongsideApp

/// The board report's plain rules (issue 19): the period, and the sums behind each table.
final class BoardReportRulesTests: XCTestCase {
    // MARK: The period

    func testTheDefaultIsTheLastFullQuarter() {
        XCTAssertEqual(
            BoardReportPeriod.lastFullQuarter(today: "2026-12-07"),
            BoardReportPeriod(startsOn: "2026-07-01", endsOn: "2026-09-30"))
        XCTAssertEqual(
            BoardReportPeriod.lastFullQuarter(today: "2026-10-01"),
            BoardReportPeriod(startsOn: "2026-07-01", endsOn: "2026-09-30"), "the quarter ended yesterday")
        XCTAssertEqual(
            BoardReportPeriod.lastFullQuarter(today: "2026-09-30"),
            BoardReportPeriod(startsOn: "2026-04-01", endsOn: "2026-06-30"), "the quarter is not over on its last day")
        XCTAssertEqual(
            BoardReportPeriod.lastFullQuarter(today: "2027-02-14"),
            BoardReportPeriod(startsOn: "2026-10-01", endsOn: "2026-12-31"), "across the new year")
        XCTAssertEqual(
            BoardReportPeriod.lastFullQuarter(today: "2028-05-01"),
            BoardReportPeriod(startsOn: "2028-01-01", endsOn: "2028-03-31"))
    }

    func testTheFinancialYearToDateStartsOnTheFirstOfApril() {
        XCTAssertEqual(
            BoardReportPeriod.financialYearToDate(today: "2026-12-07"),
            BoardReportPeriod(startsOn: "2026-04-01", endsOn: "2026-12-07"))
        XCTAssertEqual(
            BoardReportPeriod.financialYearToDate(today: "2027-03-31"),
            BoardReportPeriod(startsOn: "2026-04-01", endsOn: "2027-03-31"))
        XCTAssertEqual(
            BoardReportPeriod.financialYearToDate(today: "2027-04-01"),
            BoardReportPeriod(startsOn: "2027-04-01", endsOn: "2027-04-01"))
    }

    func testAPeriodIsTwoRealDaysInOrderUpToTodayAndAtMostThreeYears() {
        let today = "2026-12-07"
        func problems(_ start: String, _ end: String) -> [String] {
            switch BoardReportPeriod.check(start: start, end: end, today: today) {
            case .success: return []
            case .failure(let list): return list.problems.map { "\($0.field): \($0.message)" }
            }
        }
        XCTAssertEqual(problems("2026-07-01", "2026-09-30"), [])
        XCTAssertEqual(problems(" 2026-07-01 ", "2026-12-07"), [], "spaces around are ignored; today may end it")
        XCTAssertEqual(problems("2026-07-01", "2026-07-01"), [], "one day is a period")
        XCTAssertEqual(
            problems("", ""), ["start: Enter the first day of the period", "end: Enter the last day of the period"])
        XCTAssertEqual(
            problems("1/7/2026", "2026-02-30"),
            [
                "start: Enter the first day as a date like 2026-07-01",
                "end: Enter the last day as a date like 2026-09-30",
            ])
        XCTAssertEqual(
            problems("2026-09-30", "2026-07-01"), ["end: The last day must be the same as or after the first day"])
        XCTAssertEqual(
            problems("2026-07-01", "2026-12-08"),
            ["end: The last day cannot be after today (7 December 2026): a report covers what has happened"])
        XCTAssertEqual(problems("2023-12-08", "2026-12-07"), [], "three years, 1,096 days, is allowed")
        XCTAssertEqual(
            problems("1900-01-01", "2026-12-07"),
            ["start: A report covers at most 3 years: this period is 46362 days. Choose a shorter period"])
        XCTAssertEqual(
            problems("0001-01-01", "2026-12-07"), ["start: Enter the first day as a date like 2026-07-01"],
            "years before 1000 are not dates we accept")
        XCTAssertEqual(
            BoardReportPeriod.days(from: "2026-03-01", to: "2026-03-31"), 31, "across the clocks going forward")
        XCTAssertEqual(BoardReportPeriod.days(from: "2026-10-01", to: "2026-10-31"), 31, "across the clocks going back")
    }

    func testThePeriodRunsFromLondonMidnightToTheNextAfterItsLastDay() throws {
        let period = BoardReportPeriod(startsOn: "2026-07-01", endsOn: "2026-09-30")
        let (start, end) = try XCTUnwrap(period.instants)
        XCTAssertEqual(start, LondonTime.startOfDay("2026-07-01"))
        XCTAssertEqual(end, LondonTime.startOfDay("2026-10-01"))
        XCTAssertEqual(period.label, "1 July 2026 to 30 September 2026")
    }

    // MARK: Roadmap

    func testRoadmapCountsByWorkstreamAndStatusWithRisksAndBlocks() {
        let figures = BoardReportFigures.roadmap(
            deliverables: [
                .init(title: "Shared records", workstream: "Enablers", status: .inPlace),
                .init(
                    title: "Peer support", workstream: "Model", status: .atRisk, waitingOn: ["Shared records"],
                    statusNote: "Funding not yet agreed"),
                .init(title: "Crisis line", workstream: "Model", status: .planning, waitingOn: ["Peer support"]),
                .init(title: "Training", workstream: "Model", status: .notStarted),
                .init(title: "Local item", workstream: "Local", status: .inProgress, waitingOn: ["Training"]),
            ], workstreams: ["Model", "Enablers", "Unused"], changes: [])
        XCTAssertEqual(figures.statuses, ["Not started", "Planning", "In progress", "At risk", "In place"])
        XCTAssertEqual(
            figures.workstreams.map(\.name), ["Model", "Enablers", "Local"],
            "in the roadmap's order, then any others; none empty")
        XCTAssertEqual(figures.workstreams[0].counts, [1, 1, 0, 1, 0])
        XCTAssertEqual(figures.total.counts, [1, 1, 1, 1, 1])
        XCTAssertEqual(figures.total.total, 5)
        XCTAssertEqual(
            figures.atRisk,
            [
                .init(
                    deliverable: "Peer support", workstream: "Model", reason: "Funding not yet agreed",
                    waitingOn: ["Shared records"])
            ])
        XCTAssertEqual(figures.blocked.map(\.deliverable), ["Crisis line", "Local item"], "at risk is listed apart")
        XCTAssertEqual(figures.blocked[0].status, "Planning")
        XCTAssertEqual(
            BoardReportFigures.reportedChanges, [.status, .added, .retired, .restored], "owner changes name people")
    }

    // MARK: Payments and meetings

    func testPaymentsCountPeopleOnceAndAddUpEveryPenny() {
        let (groups, total) = BoardReportFigures.payments([
            .init(personID: 1, group: "Leaders group", minutes: 450, paymentPence: 10_000, expensesPence: 1_250),
            .init(personID: 1, group: "Leaders group", minutes: 240, paymentPence: 5_000, expensesPence: 0),
            .init(personID: 2, group: "co-production", minutes: 240, paymentPence: 5_000, expensesPence: 399),
            .init(personID: 2, group: nil, minutes: 0, paymentPence: 0, expensesPence: 700),
        ])
        XCTAssertEqual(groups.map(\.group), ["co-production", "Leaders group", "No group named"])
        XCTAssertEqual(groups[1].people, 1)
        XCTAssertEqual(groups[1].claims, 2)
        XCTAssertEqual(groups[1].minutes, 690)
        XCTAssertEqual(groups[1].totalPence, 16_250)
        XCTAssertEqual(total.people, 2, "a person paid twice is one person")
        XCTAssertEqual(total.claims, 4)
        XCTAssertEqual(total.paymentPence, 20_000)
        XCTAssertEqual(total.expensesPence, 2_349)
        XCTAssertEqual(total.totalPence, groups.reduce(0) { $0 + $1.totalPence })
        XCTAssertEqual(BoardReportFigures.hours(minutes: 690), "11.5")
        XCTAssertEqual(BoardReportFigures.hours(minutes: 20), "0.3")
        XCTAssertEqual(BoardReportFigures.hours(minutes: 0), "0.0")
    }

    func testTheShareWithLivedExperienceCountsOnlyMeetingsWithAttendanceRecorded() {
        let (groups, total) = BoardReportFigures.meetings([
            .init(group: "Leaders group", attendanceRecorded: true, livedExperiencePresent: true),
            .init(group: "Leaders group", attendanceRecorded: true, livedExperiencePresent: false),
            .init(group: "Leaders group", attendanceRecorded: false, livedExperiencePresent: false),
            .init(group: "Alliance", attendanceRecorded: true, livedExperiencePresent: true),
        ])
        XCTAssertEqual(groups.map(\.group), ["Alliance", "Leaders group"])
        XCTAssertEqual(total.held, 4)
        XCTAssertEqual(total.attendanceRecorded, 3)
        XCTAssertEqual(total.livedExperiencePresent, 2)
        XCTAssertEqual(BoardReportFigures.livedExperienceShare(total), "66.7%")
        XCTAssertEqual(BoardReportFigures.livedExperienceShare(groups[1]), "50.0%")
        XCTAssertNil(
            BoardReportFigures.livedExperienceShare(
                .init(group: "x", held: 2, attendanceRecorded: 0, livedExperiencePresent: 0)))
    }

    // MARK: Alliance and you said, we did

    func testMoneyCountsWhenItsPeriodOverlapsTheReport() {
        let quarter = BoardReportPeriod(startsOn: "2026-07-01", endsOn: "2026-09-30")
        XCTAssertTrue(BoardReportFigures.overlaps("2026-04-01", "2027-03-31", quarter), "a year around it")
        XCTAssertTrue(BoardReportFigures.overlaps("2026-09-30", "2026-10-31", quarter), "touching its last day")
        XCTAssertTrue(BoardReportFigures.overlaps("2026-06-01", "2026-07-01", quarter), "touching its first day")
        XCTAssertFalse(BoardReportFigures.overlaps("2026-10-01", "2027-03-31", quarter))
        XCTAssertFalse(BoardReportFigures.overlaps("2026-04-01", "2026-06-30", quarter))
    }

    func testAnswersGivenInThePeriodByOutcomeAndCommunity() throws {
        let start = try XCTUnwrap(LondonTime.startOfDay("2026-07-01"))
        let end = try XCTUnwrap(LondonTime.startOfDay("2026-10-01"))
        let figures = BoardReportFigures.feedback(
            [
                .init(answeredAt: start, outcome: .changed, communityIDs: [1, 2]),
                .init(answeredAt: end.addingTimeInterval(-1), outcome: .notChanged, communityIDs: [2]),
                .init(answeredAt: end, outcome: .changed, communityIDs: [1]),
                .init(answeredAt: start.addingTimeInterval(-1), outcome: .changing, communityIDs: [1]),
                .init(answeredAt: start.addingTimeInterval(60), outcome: .changing, communityIDs: []),
            ], from: start, before: end, communities: [1: "Carers", 2: "armed forces veterans"], published: [1])
        XCTAssertEqual(figures.answered, 3)
        XCTAssertEqual(figures.published, 1, "only the answer on the carers' published page")
        XCTAssertEqual(figures.outcomes.map(\.count), [1, 1, 1])
        XCTAssertEqual(
            figures.communities,
            [
                .init(name: "armed forces veterans", answered: 2, pageIsPublished: false),
                .init(name: "Carers", answered: 1, pageIsPublished: true),
            ])
    }

    // MARK: Keeping a report

    func testTheKeptJSONReadsBackExactly() throws {
        let data = BoardReportRulesTests.sample()
        let json = try data.json()
        XCTAssertEqual(try BoardReportData.decode(json), data)
        XCTAssertFalse(json.contains("Sam Fictional"))
    }

    func testEachTableIsACSVWithAHeaderAndTotals() {
        let data = BoardReportRulesTests.sample()
        XCTAssertEqual(
            BoardReportTable.payments.csv(data),
            "group,claims_paid,people_paid,hours,paid_for_time,expenses,total\r\n"
                + "Leaders group,1,1,7.5,100.00,12.50,112.50\r\nAll groups,1,1,7.5,100.00,12.50,112.50\r\n")
        XCTAssertEqual(
            BoardReportTable.decisions.csv(data),
            "day,group,decision,outcome,valid,published\r\n"
                + "2026-08-04,Leaders group,\"'=Fund the pilot, for a year\",Agreed,yes,yes\r\n",
            "a formula is written as text")
        XCTAssertEqual(
            BoardReportTable.decisions.fileName(data.period), "board-report-2026-07-01-to-2026-09-30-decisions.csv")
        XCTAssertEqual(Set(BoardReportTable.allCases.map(\.rawValue)).count, 10)
    }

    /// A small report with one of everything.
    static func sample() -> BoardReportData {
        let payments = BoardReportData.Payments(
            group: "Leaders group", claims: 1, people: 1, minutes: 450, paymentPence: 10_000, expensesPence: 1_250)
        var total = payments
        total.group = "All groups"
        let meetings = BoardReportData.Meetings(
            group: "Leaders group", held: 2, attendanceRecorded: 2, livedExperiencePresent: 1)
        return BoardReportData(
            period: BoardReportPeriod(startsOn: "2026-07-01", endsOn: "2026-09-30"),
            workedOutAt: Date(timeIntervalSince1970: 1_790_000_000),
            roadmap: BoardReportFigures.roadmap(
                deliverables: [.init(title: "Peer support", workstream: "Model", status: .atRisk)],
                workstreams: ["Model"],
                changes: [
                    .init(day: "2026-08-01", deliverable: "Peer support", workstream: "Model", what: "Status changed")
                ]),
            decisions: .init(
                lines: [
                    .init(
                        day: "2026-08-04", group: "Leaders group", title: "=Fund the pilot, for a year",
                        outcome: "Agreed", isValid: true, groupID: 1, decisionID: 2, isPublished: true)
                ], agreed: 1, notValid: 0, published: 1),
            involvement: .init(
                payments: [payments], paymentsTotal: total, meetings: [meetings], meetingsTotal: meetings),
            alliances: [
                .init(
                    name: "Riverside alliance", receivedPence: 500_000, allocatedPence: 400_000,
                    smallAndMicroPence: 100_000)
            ],
            firstSteps: .init(
                summary: "1 of the 6 first steps is in place.",
                steps: [.init(number: 1, outcome: "A leaders group", state: "In place")]),
            feedback: .init(
                answered: 1, published: 1, outcomes: [.init(label: "We changed something", count: 1)],
                communities: [.init(name: "Carers", answered: 1, pageIsPublished: true)]))
    }
}
