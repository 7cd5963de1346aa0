import XCTest
@testable import AlongsideApp

final class ThrottleTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    func minutes(_ m: Double) -> Date { start.addingTimeInterval(m * 60) }

    func testFourFailuresDoNotLock() {
        let failures = (0..<4).map { minutes(Double($0)) }
        XCTAssertNil(ThrottleRule.perPair.lockedUntil(failures: failures, now: minutes(4)))
    }

    func testFiveFailuresInFifteenMinutesLockForFifteenMinutes() {
        let failures = (0..<5).map { minutes(Double($0) * 3) }  // 0, 3, 6, 9, 12
        XCTAssertEqual(ThrottleRule.perPair.lockedUntil(failures: failures, now: minutes(13)), minutes(27))
        XCTAssertNil(ThrottleRule.perPair.lockedUntil(failures: failures, now: minutes(27)))
    }

    func testFailuresSpreadOverMoreThanTheWindowDoNotLock() {
        let failures = (0..<5).map { minutes(Double($0) * 4) }  // 0 … 16
        XCTAssertNil(ThrottleRule.perPair.lockedUntil(failures: failures, now: minutes(17)))
    }

    func testAKnownPairIsHeldBackOnlyByItsOwnFailures() {
        // setup: the account and the address have both been hammered, but not from this pair
        let many = (0..<40).map { minutes(Double($0) / 4) }
        let evidence = ThrottlePolicy.Evidence(
            pairFailures: [], accountFailures: many, addressFailures: many, isKnownPair: false)
        // act, check
        XCTAssertNotNil(ThrottlePolicy().lockedUntil(evidence, now: minutes(11)), "a stranger's attempt is stopped")
        var known = evidence
        known.isKnownPair = true
        XCTAssertNil(
            ThrottlePolicy().lockedUntil(known, now: minutes(11)), "the person from where they usually sign in is not")
        known.pairFailures = Array(many.prefix(5))
        XCTAssertNotNil(
            ThrottlePolicy().lockedUntil(known, now: minutes(11)), "but five wrong guesses from there still stop it")
    }

    /// Five wrong guesses from one address lock that address out of the account, not the real person elsewhere.
    func testGuessingFromOneAddressDoesNotLockThePersonOutElsewhere() async throws {
        // setup
        let services = try await makeServices()
        let throttle = services.throttle
        for index in 0..<5 {
            try await throttle.recordFailure(
                email: "Sam@Example.org", address: "192.0.2.66", now: minutes(Double(index)))
        }
        // act
        let attacker = try await throttle.isLocked(email: "sam@example.org", address: "192.0.2.66", now: minutes(5))
        let person = try await throttle.isLocked(email: "sam@example.org", address: "198.51.100.7", now: minutes(5))
        let later = try await throttle.isLocked(email: "sam@example.org", address: "192.0.2.66", now: minutes(20))
        // check
        XCTAssertTrue(attacker, "the email is matched whatever its case")
        XCTAssertFalse(person)
        XCTAssertFalse(later, "the lock lasts 15 minutes, not for ever")
    }

    /// A spray of guesses across many accounts from one address stops that address for strangers only.
    func testAPasswordSprayLocksNobodyElseOut() async throws {
        // setup: Kit signed in from the shared address last week
        let services = try await makeServices()
        let throttle = services.throttle
        try await throttle.recordSuccess(email: "kit@example.org", address: "203.0.113.5", now: minutes(-7 * 24 * 60))
        for index in 0..<30 {
            try await throttle.recordFailure(
                email: "guess\(index)@example.org", address: "203.0.113.5", now: minutes(Double(index) / 10))
        }
        // act
        let sprayer = try await throttle.isLocked(email: "guess99@example.org", address: "203.0.113.5", now: minutes(4))
        let kit = try await throttle.isLocked(email: "kit@example.org", address: "203.0.113.5", now: minutes(4))
        let elsewhere = try await throttle.isLocked(
            email: "guess99@example.org", address: "203.0.113.6", now: minutes(4))
        // check
        XCTAssertTrue(sprayer)
        XCTAssertFalse(kit)
        XCTAssertFalse(elsewhere)
    }

    /// Guesses at one account from many addresses stop strangers, not the person from an address they have used.
    func testGuessingFromManyAddressesStopsStrangersOnly() async throws {
        let services = try await makeServices()
        let throttle = services.throttle
        try await throttle.recordSuccess(email: "sam@example.org", address: "198.51.100.7", now: minutes(-60))
        for index in 0..<20 {
            try await throttle.recordFailure(
                email: "sam@example.org", address: "192.0.2.\(index)", now: minutes(Double(index) / 4))
        }
        let stranger = try await throttle.isLocked(email: "sam@example.org", address: "192.0.2.200", now: minutes(6))
        let person = try await throttle.isLocked(email: "sam@example.org", address: "198.51.100.7", now: minutes(6))
        XCTAssertTrue(stranger)
        XCTAssertFalse(person)
    }

    /// The throttle's memory is in the database: a restart (a new set of services on the same file) keeps the lock.
    func testALockSurvivesARestart() async throws {
        let folder = try temporaryFolder(self)
        let first = try await makeServices { $0.databasePath = folder + "/t.sqlite" }
        for index in 0..<5 {
            try await first.throttle.recordFailure(
                email: "sam@example.org", address: "192.0.2.1", now: minutes(Double(index)))
        }
        let second = try await makeServices { $0.databasePath = folder + "/t.sqlite" }
        let locked = try await second.throttle.isLocked(email: "sam@example.org", address: "192.0.2.1", now: minutes(6))
        XCTAssertTrue(locked)
    }

    func testTheEmailTypedIsKeptOnlyAsAHash() async throws {
        let services = try await makeServices()
        try await services.throttle.recordFailure(email: "typo@example.org", address: "192.0.2.1", now: minutes(0))
        let stored = try await services.pool.read { db in
            try Data.fetchAll(db, sql: "SELECT account_key FROM sign_in_failures")
        }
        XCTAssertEqual(stored.count, 1)
        XCTAssertEqual(stored.first?.count, 32)
        XCTAssertFalse(String(decoding: stored[0], as: UTF8.self).contains("typo"))
    }
}
