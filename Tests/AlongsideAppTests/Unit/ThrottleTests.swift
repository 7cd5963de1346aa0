import XCTest
@testable import AlongsideApp

final class ThrottleTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    func minutes(_ m: Double) -> Date { start.addingTimeInterval(m * 60) }

    func testFourFailuresDoNotLock() {
        let failures = (0..<4).map { minutes(Double($0)) }
        XCTAssertNil(ThrottleRule.perEmail.lockedUntil(failures: failures, now: minutes(4)))
    }

    func testFiveFailuresInFifteenMinutesLockForFifteenMinutes() {
        let failures = (0..<5).map { minutes(Double($0) * 3) }  // 0, 3, 6, 9, 12
        XCTAssertEqual(ThrottleRule.perEmail.lockedUntil(failures: failures, now: minutes(13)), minutes(27))
        XCTAssertNil(ThrottleRule.perEmail.lockedUntil(failures: failures, now: minutes(27)))
    }

    func testFailuresSpreadOverMoreThanTheWindowDoNotLock() {
        let failures = (0..<5).map { minutes(Double($0) * 4) }  // 0 … 16
        XCTAssertNil(ThrottleRule.perEmail.lockedUntil(failures: failures, now: minutes(17)))
    }

    func testLockIsPerEmailCaseInsensitiveAndSuccessClearsIt() async {
        let throttle = SignInThrottle()
        for index in 0..<5 {
            await throttle.recordFailure(email: "Sam@Example.org", address: "10.0.0.\(index)", now: minutes(Double(index)))
        }
        let lockedSam = await throttle.isLocked(email: "sam@example.org", address: "10.0.0.9", now: minutes(5))
        let otherPerson = await throttle.isLocked(email: "kit@example.org", address: "10.0.0.9", now: minutes(5))
        XCTAssertTrue(lockedSam)
        XCTAssertFalse(otherPerson)
        let later = await throttle.isLocked(email: "sam@example.org", address: "10.0.0.9", now: minutes(20))
        XCTAssertFalse(later, "the lock lasts 15 minutes, not for ever")
    }

    func testPerAddressLimitCoversManyEmails() async {
        let throttle = SignInThrottle(perEmail: .perEmail, perAddress: ThrottleRule(maxFailures: 3, window: 900, lockout: 900))
        for index in 0..<3 {
            await throttle.recordFailure(email: "guess\(index)@example.org", address: "192.0.2.1", now: minutes(0))
        }
        let sameAddress = await throttle.isLocked(email: "new@example.org", address: "192.0.2.1", now: minutes(1))
        let otherAddress = await throttle.isLocked(email: "new@example.org", address: "192.0.2.2", now: minutes(1))
        XCTAssertTrue(sameAddress)
        XCTAssertFalse(otherAddress)
    }
}
