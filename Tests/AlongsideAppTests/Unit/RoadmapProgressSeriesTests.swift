import XCTest
@testable import AlongsideApp

final class RoadmapProgressSeriesTests: XCTestCase {
    /// Day `n` of the series, at noon.
    func day(_ n: Double) -> Date { Date(timeIntervalSince1970: 1_767_268_800 + n * 86_400) }

    func testEachMonthEndCountsTheStatusEachLiveDeliverableHadThen() {
        // setup: month ends on days 30, 60 and 90
        let monthEnds = [day(30), day(60), day(90)]
        let histories = [
            // planning before the first month end, in progress before the second, in place after the third
            ProgressSeries.History(
                createdAt: day(1),
                changes: [
                    (at: day(95), status: .inPlace), (at: day(10), status: .planning),
                    (at: day(45), status: .inProgress),
                ]),
            // created after the first month end, never changed
            ProgressSeries.History(createdAt: day(40), changes: [ProgressSeries.Change]()),
            // at risk, then retired before the third month end
            ProgressSeries.History(createdAt: day(2), retiredAt: day(70), changes: [(at: day(20), status: .atRisk)]),
            // created after every month end
            ProgressSeries.History(createdAt: day(100), changes: [(at: day(101), status: .inPlace)]),
        ]
        // act
        let counts = ProgressSeries.counts(histories: histories, monthEnds: monthEnds)
        // check
        XCTAssertEqual(counts.count, 3)
        XCTAssertEqual(counts[0], [.notStarted: 0, .planning: 1, .inProgress: 0, .atRisk: 1, .inPlace: 0])
        XCTAssertEqual(counts[1], [.notStarted: 1, .planning: 0, .inProgress: 1, .atRisk: 1, .inPlace: 0])
        XCTAssertEqual(counts[2], [.notStarted: 1, .planning: 0, .inProgress: 1, .atRisk: 0, .inPlace: 0])
    }

    func testBoundariesAreInclusiveForChangesAndCreationAndExclusiveForRetirement() {
        let end = day(30)
        let histories = [
            ProgressSeries.History(createdAt: day(1), changes: [(at: end, status: .inPlace)]),
            ProgressSeries.History(createdAt: end, changes: [ProgressSeries.Change]()),
            ProgressSeries.History(createdAt: day(1), retiredAt: end, changes: [ProgressSeries.Change]()),
        ]
        let counts = ProgressSeries.counts(histories: histories, monthEnds: [end])
        XCTAssertEqual(counts, [[.notStarted: 1, .planning: 0, .inProgress: 0, .atRisk: 0, .inPlace: 1]])
    }

    func testMonthEndsInAnyOrderAndChangesBeforeCreationOrAtTheSameMoment() {
        let histories = [
            // a change recorded before creation counts from creation; of two at one moment the later listed wins
            ProgressSeries.History(
                createdAt: day(10),
                changes: [
                    (at: day(5), status: .planning), (at: day(20), status: .atRisk), (at: day(20), status: .inProgress),
                ])
        ]
        let counts = ProgressSeries.counts(histories: histories, monthEnds: [day(25), day(15), day(8)])
        XCTAssertEqual(counts.map { $0.filter { $0.value > 0 } }, [[.inProgress: 1], [.planning: 1], [:]])
    }

    func testNoHistoriesOrNoMonthEnds() {
        XCTAssertEqual(ProgressSeries.counts(histories: [], monthEnds: [day(1)]).first?.values.reduce(0, +), 0)
        XCTAssertEqual(
            ProgressSeries.counts(
                histories: [.init(createdAt: day(1), changes: [ProgressSeries.Change]())], monthEnds: []), [])
    }
}
