import GRDB
import XCTest
@testable import AlongsideApp

final class SessionCacheTests: XCTestCase {
    func testWritesThroughTheAppAreSeenAtOnce() async throws {
        // setup
        let clock = ManualClock()
        let services = try await makeServices(clock: clock)
        let user = try await services.accounts.create(
            name: "Kit", email: "kit@example.org", role: .member, passwordHash: nil, by: .commandLine, requestID: nil)
        let started = try await services.sessions.start(userID: user.id)
        guard case .live = try await services.sessions.load(token: started.token) else { return XCTFail("not live") }
        // act: deactivate through the app's own pool
        _ = try await services.accounts.setActive(false, userID: user.id!, by: .commandLine, requestID: nil)
        // check
        let after = try await services.sessions.load(token: started.token)
        XCTAssertEqual(after, .none)
    }

    func testReadsComeFromTheCacheUntilItsTimeToLive() async throws {
        // setup
        let clock = ManualClock()
        let services = try await makeServices(clock: clock)
        let started = try await services.sessions.start(userID: nil)
        guard case .live = try await services.sessions.load(token: started.token) else { return XCTFail("not live") }
        // act: another process deletes the row, which this process's observer cannot see
        let other = try DatabaseQueue(path: services.configuration.databasePath)
        try await other.write { db in try db.execute(sql: "DELETE FROM sessions") }
        // check: still served from memory for a moment, then the database wins
        guard case .live = try await services.sessions.load(token: started.token) else {
            return XCTFail("expected the cached session")
        }
        clock.advance(by: SessionCache.timeToLive + 1)
        let later = try await services.sessions.load(token: started.token)
        XCTAssertEqual(later, .none)
    }
}
