import Foundation
import XCTest
@testable import AlongsideApp

final class MeetingRulesTests: XCTestCase {
    func testSeriesDaysRepeatWeeklyFortnightlyFourWeeklyAndMonthly() {
        XCTAssertEqual(
            MeetingRules.seriesDays(firstDay: "2027-01-06", every: .weekly, count: 3),
            ["2027-01-06", "2027-01-13", "2027-01-20"])
        XCTAssertEqual(
            MeetingRules.seriesDays(firstDay: "2027-01-06", every: .fortnightly, count: 2),
            ["2027-01-06", "2027-01-20"])
        XCTAssertEqual(
            MeetingRules.seriesDays(firstDay: "2027-01-06", every: .fourWeekly, count: 2), ["2027-01-06", "2027-02-03"])
        // The 31st in a shorter month falls on that month's last day.
        XCTAssertEqual(
            MeetingRules.seriesDays(firstDay: "2027-01-31", every: .monthly, count: 3),
            ["2027-01-31", "2027-02-28", "2027-03-31"])
        XCTAssertEqual(MeetingRules.seriesDays(firstDay: "2027-01-31", every: .monthly, count: 0), [])
    }

    func testLondonWallClockTimesBecomeTheRightInstantsEitherSideOfTheClockChange() {
        let winter = LondonTime.instant(isoDay: "2027-01-15", time: "14:00")
        let summer = LondonTime.instant(isoDay: "2027-06-15", time: "14:00")
        XCTAssertEqual(winter.map(ICalendar.utc), "20270115T140000Z")
        XCTAssertEqual(summer.map(ICalendar.utc), "20270615T130000Z", "British Summer Time is an hour ahead of UTC")
        XCTAssertNil(LondonTime.instant(isoDay: "2027-02-30", time: "14:00"))
        XCTAssertNil(LondonTime.instant(isoDay: "2027-01-15", time: "25:00"))
        XCTAssertNil(LondonTime.instant(isoDay: "2027-01-15", time: "2pm"))
        XCTAssertEqual(summer.map(LondonTime.clockTime), "14:00")
    }

    static let terms = TermsContent(
        scope: "", attendance: "", deputiesAllowed: true, decisionMethod: .consent, quorumKind: .share, quorumValue: 50,
        quorumNeedsLivedExperience: true, waysOfWorking: "", reviewOn: nil
    )

    static let members = [
        MeetingRules.Expected(
            userID: 1, name: "Ada Example", sector: .expertByExperience, deputyUserID: 9, deputyName: "Dee Deputy"),
        MeetingRules.Expected(userID: 2, name: "Ben Example", sector: .icb, deputyUserID: nil, deputyName: nil),
        MeetingRules.Expected(userID: 3, name: "Cas Example", sector: .vcse, deputyUserID: nil, deputyName: nil),
        MeetingRules.Expected(userID: 4, name: "Dan Example", sector: .primaryCare, deputyUserID: nil, deputyName: nil),
    ]

    func testDeputiesCountTowardsQuorumWhenTheTermsAllowThemAndKeepTheSeatsLivedExperience() {
        let quorum = MeetingRules.quorum(
            terms: Self.terms, expected: Self.members, attendance: [1: .deputy, 2: .present, 3: .apologies])
        XCTAssertEqual(quorum.counted, 2)
        XCTAssertEqual(quorum.needed, 2)
        XCTAssertTrue(quorum.livedExperiencePresent)
        XCTAssertTrue(quorum.met)
        XCTAssertEqual(quorum.shortfalls, [])
    }

    func testDeputiesDoNotCountWhenTheTermsDoNotAllowThem() {
        var terms = Self.terms
        terms.deputiesAllowed = false
        let quorum = MeetingRules.quorum(terms: terms, expected: Self.members, attendance: [1: .deputy, 2: .present])
        XCTAssertEqual(quorum.counted, 1)
        XCTAssertFalse(quorum.met)
        XCTAssertEqual(
            quorum.shortfalls,
            [
                "The terms of reference do not allow deputies, so the deputy present does not count.",
                "1 of 4 members were present; the terms of reference need 2.",
                "The terms of reference need an expert by experience or carer present, and none was.",
            ])
    }

    func testEnoughMembersButNoLivedExperienceIsNotQuorate() {
        let quorum = MeetingRules.quorum(
            terms: Self.terms, expected: Self.members, attendance: [2: .present, 3: .present, 4: .present, 1: .absent])
        XCTAssertEqual(quorum.counted, 3)
        XCTAssertFalse(quorum.met)
        XCTAssertEqual(
            quorum.shortfalls, ["The terms of reference need an expert by experience or carer present, and none was."])
    }

    func testWithoutTermsThereIsNoQuorumToCheck() {
        let quorum = MeetingRules.quorum(terms: nil, expected: Self.members, attendance: [2: .present])
        XCTAssertNil(quorum.needed)
        XCTAssertTrue(quorum.met)
        XCTAssertEqual(quorum.counted, 1)
    }

    func testAnActionIsOverdueOnlyWhileStillToDoAndPastItsDueDate() {
        XCTAssertTrue(MeetingRules.isOverdue(status: .open, dueOn: "2027-01-01", today: "2027-01-02"))
        XCTAssertTrue(MeetingRules.isOverdue(status: .inProgress, dueOn: "2027-01-01", today: "2027-01-02"))
        XCTAssertFalse(
            MeetingRules.isOverdue(status: .open, dueOn: "2027-01-02", today: "2027-01-02"), "due today is not overdue")
        XCTAssertFalse(MeetingRules.isOverdue(status: .done, dueOn: "2027-01-01", today: "2027-01-02"))
        XCTAssertFalse(MeetingRules.isOverdue(status: .dropped, dueOn: "2027-01-01", today: "2027-01-02"))
    }
}

final class ICalendarTests: XCTestCase {
    func testTextIsEscapedAndLongLinesAreFoldedWithoutSplittingCharacters() {
        XCTAssertEqual(ICalendar.escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne")
        let long = "DESCRIPTION:" + String(repeating: "é", count: 60)
        let folded = ICalendar.fold(long)
        for line in folded.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(line.utf8.count, 75)
        }
        XCTAssertEqual(folded.replacingOccurrences(of: "\r\n ", with: ""), long)
    }

    func testADocumentHasOneEventPerMeetingWithUTCTimesAndCancelledStatus() {
        let start = LondonTime.instant(isoDay: "2027-06-15", time: "14:00")!
        let event = ICalendar.Event(
            uid: "abc@alongside", sequence: 2, startsAt: start, endsAt: start.addingTimeInterval(7200),
            summary: "Leaders group: meeting",
            description: "Purpose", location: "Town Hall, Room 1", url: "http://127.0.0.1:8080/groups/1/meetings/1",
            cancelled: true, updatedAt: start
        )
        let text = ICalendar.document(name: "Leaders group", events: [event])
        XCTAssertTrue(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertTrue(text.contains("DTSTART:20270615T130000Z\r\nDTEND:20270615T150000Z\r\n"))
        XCTAssertTrue(text.contains("SEQUENCE:2\r\n"))
        XCTAssertTrue(text.contains("LOCATION:Town Hall\\, Room 1\r\n"))
        XCTAssertTrue(text.contains("STATUS:CANCELLED\r\n"))
        XCTAssertEqual(text.components(separatedBy: "BEGIN:VEVENT").count, 2)
    }
}
