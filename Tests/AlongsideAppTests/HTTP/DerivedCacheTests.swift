import Foundation
import GRDB
import XCTest

@testable import AlongsideApp

/// Issue 16: the roadmap's graph and tables and the directory's results are kept until the data changes
/// (`DataVersion`, `DerivedCache`). Kept must never mean stale: any committed change is seen by the very next page.
final class DerivedCacheTests: XCTestCase {
    func testTheDataVersionMovesOnACommittedChangeToDataButNotOnSessionsOrARollback() async throws {
        let services = try await makeServices()
        let version = services.derived.version
        // setup
        let start = version.current
        // act: bookkeeping only
        try await services.pool.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE last_seen_at < '1970-01-02'")
        }
        _ = try await services.sessions.start(userID: nil)
        // check
        XCTAssertEqual(version.current, start, "sessions are bookkeeping")
        // act: a change that rolls back
        struct Abandon: Error {}
        do {
            try await services.pool.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO localities (name, created_at, updated_at) VALUES ('Gone', '2026-01-01', '2026-01-01')"
                )
                throw Abandon()
            }
        } catch is Abandon {}
        XCTAssertEqual(version.current, start, "nothing was committed")
        // act: a committed change to data
        try await services.pool.write { db in
            try db.execute(
                sql: "INSERT INTO localities (name, created_at, updated_at) VALUES ('Kept', '2026-01-01', '2026-01-01')"
            )
        }
        XCTAssertGreaterThan(version.current, start)
    }

    func testAKeptValueIsMadeOnceUntilTheDataChangesOrItGrowsOld() async throws {
        let clock = ManualClock()
        let services = try await makeServices(clock: clock)
        let cache = services.derived
        let made = MadeCounter()
        func value(_ variant: String = "") -> String {
            cache.value(for: cache.key("test", variant: variant)) {
                made.increment()
                return "made \(made.count)"
            }
        }
        // act + check
        XCTAssertEqual(value(), "made 1")
        XCTAssertEqual(value(), "made 1", "kept")
        XCTAssertEqual(value("other"), "made 2", "each variant on its own")
        try await services.pool.write { db in
            try db.execute(
                sql: "INSERT INTO localities (name, created_at, updated_at) VALUES ('New', '2026-01-01', '2026-01-01')")
        }
        XCTAssertEqual(value(), "made 3", "a committed change makes it again")
        XCTAssertEqual(value(), "made 3")
        clock.advance(by: DerivedCache.timeToLive)
        XCTAssertEqual(value(), "made 4", "nothing is kept for longer than the time to live")
    }

    func testTheRoadmapAndTheDirectoryShowAChangeOnTheVeryNextPage() async throws {
        try await withApp { app in
            // setup
            let pages = try await RoadmapFixtures.load(app)
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let standards = pages["data-standards"]!
            let before = try await manager.get("/roadmap")
            XCTAssertEqual(before.status, .ok)
            XCTAssertFalse(before.contains(#"<span class="tag tag-missing">At risk</span>"#))
            let visitor = app.browser()
            let empty = try await visitor.get("/directory?words=allotment")
            XCTAssertTrue(empty.contains("Nothing matches your search."))
            // act
            let saved = try await manager.post(
                standards + "/status", [("status", "at_risk"), ("note", "The supplier pulled out.")])
            XCTAssertEqual(saved.status, .seeOther)
            _ = try await AssetFixtures.asset(app, "Greenway Allotment")
            // check
            let after = try await manager.get("/roadmap")
            XCTAssertTrue(after.contains(#"<span class="tag tag-missing">At risk</span>"#), "the overview's tables")
            let analysis = try await manager.get(standards)
            XCTAssertTrue(analysis.contains(#"<span class="tag tag-missing">At risk</span>"#), "the graph")
            let found = try await visitor.get("/directory?words=allotment")
            XCTAssertTrue(found.contains("Greenway Allotment"))
        }
    }
}

/// A count that closures in a test can bump.
private final class MadeCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var count: Int { lock.withLock { value } }
    func increment() { lock.withLock { value += 1 } }
}
