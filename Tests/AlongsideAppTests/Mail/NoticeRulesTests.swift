import Foundation
import XCTest
@testable import AlongsideApp

/// The rules under email notices (issue 20): quiet hours and the once-a-day digest in Europe/London, and the signed
/// unsubscribe token.
final class NoticeRulesTests: XCTestCase {
    func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    func testQuietHoursAreNinePmToEightAmLondonTimeInSummerAndWinter() {
        // Summer (BST, UTC+1)
        XCTAssertFalse(DigestSchedule.isQuiet(date("2026-07-01T19:59:00Z")), "8:59pm BST")
        XCTAssertTrue(DigestSchedule.isQuiet(date("2026-07-01T20:00:00Z")), "9pm BST")
        XCTAssertTrue(DigestSchedule.isQuiet(date("2026-07-02T06:59:00Z")), "7:59am BST")
        XCTAssertFalse(DigestSchedule.isQuiet(date("2026-07-02T07:00:00Z")), "8am BST")
        // Winter (GMT)
        XCTAssertFalse(DigestSchedule.isQuiet(date("2026-12-01T20:59:00Z")), "8:59pm GMT")
        XCTAssertTrue(DigestSchedule.isQuiet(date("2026-12-01T21:00:00Z")), "9pm GMT")
        XCTAssertTrue(DigestSchedule.isQuiet(date("2026-12-02T07:59:00Z")), "7:59am GMT")
        XCTAssertFalse(DigestSchedule.isQuiet(date("2026-12-02T08:00:00Z")), "8am GMT")
    }

    func testQuietHoursAreSaidAsPeopleSayThem() {
        XCTAssertEqual(DigestSchedule.quietHoursText, "9pm and 8am")
    }

    func testADigestIsDueOnceADayOnlyWhenSomethingWaits() {
        let morning = date("2026-12-02T08:30:00Z")
        XCTAssertTrue(DigestSchedule.isDue(now: morning, lastDay: nil, waiting: 2))
        XCTAssertTrue(DigestSchedule.isDue(now: morning, lastDay: "2026-12-01", waiting: 1))
        XCTAssertFalse(DigestSchedule.isDue(now: morning, lastDay: "2026-12-02", waiting: 3), "already sent today")
        XCTAssertFalse(DigestSchedule.isDue(now: morning, lastDay: nil, waiting: 0), "nothing to say")
        XCTAssertFalse(DigestSchedule.isDue(now: date("2026-12-02T22:00:00Z"), lastDay: nil, waiting: 1), "quiet")
        // Just after midnight in London in summer is still the previous UTC day: the London day counts.
        XCTAssertFalse(
            DigestSchedule.isDue(now: date("2026-07-01T23:30:00Z"), lastDay: "2026-07-01", waiting: 1),
            "00:30 BST on 2 July is quiet hours")
        XCTAssertTrue(DigestSchedule.isDue(now: date("2026-07-02T07:00:00Z"), lastDay: "2026-07-01", waiting: 1))
    }

    func testUnsubscribeTokensNameOnePersonAndKindAndCannotBeForged() {
        let tokens = UnsubscribeToken(key: Data(repeating: 7, count: 32))
        let token = tokens.make(userID: 42, kind: .claims)
        XCTAssertEqual(tokens.read(token)?.userID, 42)
        XCTAssertEqual(tokens.read(token)?.kind, .claims)
        let parts = token.split(separator: ".").map(String.init)
        XCTAssertNil(tokens.read("43.claims.\(parts[2])"), "another person")
        XCTAssertNil(tokens.read("42.meetings.\(parts[2])"), "another kind")
        XCTAssertNil(tokens.read("42.claims.\(parts[2].dropLast())A"), "a changed signature")
        XCTAssertNil(tokens.read("42.nonsense.\(parts[2])"))
        XCTAssertNil(tokens.read(""))
        XCTAssertNil(tokens.read(String(repeating: "9", count: 500)))
        let other = UnsubscribeToken(key: Data(repeating: 8, count: 32))
        XCTAssertNil(other.read(token), "another server's key")
    }
}
