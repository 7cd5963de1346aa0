import Foundation
import XCTest

@testable import AlongsideApp

/// Issue 16: London dates and times are worked out by arithmetic on the zone's offset rather than by `Calendar`,
/// which every page paid for. They must agree with `Calendar` everywhere, the clock changes above all.
final class WallClockTests: XCTestCase {
    func testTheWallClockAgreesWithTheCalendarAcrossYearsOfInstants() {
        // setup: every 97 minutes and 13 seconds from 1969 to 2040 (so every hour of the day and every day of the
        // year comes round), plus a minute either side of each clock change from 2020 to 2030.
        var instants: [Date] = []
        var seconds = -86_400.0 * 400
        while seconds < 2_208_988_800 {
            instants.append(Date(timeIntervalSince1970: seconds))
            seconds += 97 * 60 + 13
        }
        var change = Date(timeIntervalSince1970: 1_577_836_800)
        while let next = LondonTime.timeZone.nextDaylightSavingTimeTransition(after: change),
            next.timeIntervalSince1970 < 1_893_456_000
        {
            instants += [-60.5, -1, 0, 0.25, 60].map { next.addingTimeInterval($0) }
            change = next
        }
        XCTAssertGreaterThan(instants.count, 300_000)
        for instant in instants {
            // act
            let clock = WallClock(instant)
            // check
            let parts = LondonTime.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
            let expected = WallClock(
                year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!)
            if clock != expected {
                XCTFail("\(instant.timeIntervalSince1970): \(clock) is not \(expected)")
                return
            }
        }
    }

    func testPagesShowLondonDatesAndTimesEitherSideOfTheClockChanges() {
        // 2026-03-29 01:00 UTC the clocks go forward; 2026-10-25 01:00 UTC they go back.
        let beforeSpring = Date(timeIntervalSince1970: 1_774_745_940)  // 00:59 UTC, 00:59 GMT
        let afterSpring = Date(timeIntervalSince1970: 1_774_746_000)  // 01:00 UTC, 02:00 BST
        XCTAssertEqual(LondonTime.time(beforeSpring), "12:59am")
        XCTAssertEqual(LondonTime.time(afterSpring), "2:00am")
        XCTAssertEqual(LondonTime.clockTime(afterSpring), "02:00")
        let lateOctober = Date(timeIntervalSince1970: 1_792_882_800)  // 2026-10-24 23:00 UTC, 00:00 BST on the 25th
        XCTAssertEqual(LondonTime.isoDay(lateOctober), "2026-10-25")
        XCTAssertEqual(LondonTime.date(lateOctober), "25 October 2026")
        XCTAssertEqual(LondonTime.isoDay(Date(timeIntervalSince1970: -1)), "1970-01-01")
    }
}
