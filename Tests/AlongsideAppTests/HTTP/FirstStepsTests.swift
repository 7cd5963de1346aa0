import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// `/first-steps`: the six outcomes judged from the records, never ticked by hand (issue 7; 003's check box).
final class FirstStepsTests: XCTestCase {
    /// Step text for the summary table row: "Not started", "Partly in place" or "In place".
    static func state(_ page: Page, step: Int) -> String? {
        page.firstMatch(##"<a href="#step-\##(step)">[^<]*</a></th><td><strong class="[^"]*">([^<]+)</strong>"##)
    }

    func testSignedOutPeopleAreSentToSignIn() async throws {
        try await withApp { app in
            let page = try await app.browser().get("/first-steps")
            XCTAssertEqual(page.status, .seeOther)
            XCTAssertTrue(page.location?.hasPrefix("/sign-in?next=") ?? false)
        }
    }

    func testAnEmptyWorkspaceShowsEveryStepNotStartedWithWhatIsMissing() async throws {
        try await withApp { app in
            // setup
            let (member, _) = try await app.signedIn(as: .member)
            // act
            let page = try await member.get("/first-steps")
            // check
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.h1, "First steps")
            XCTAssertTrue(page.contains("0 of the 6 first steps are in place."))
            XCTAssertEqual((1...6).map { Self.state(page, step: $0) }, Array(repeating: "Not started", count: 6))
            XCTAssertTrue(page.contains("Create a leaders group and add its members."))
            XCTAssertTrue(page.contains("There is no VCSE alliance yet."))
        }
    }

    func testTheRecordsMoveTheAssetMapAndCoproductionSteps() async throws {
        try await withApp { app in
            // setup: one active, recently checked asset in every category that meets every need; one insight from an
            // under-served community
            let (member, _) = try await app.signedIn(as: .member)
            let today = LondonTime.isoDay(app.clock.now)
            try await app.services.pool.write { db in
                let needs = try Int64.fetchAll(db, sql: "SELECT id FROM needs")
                for key in AssetCategory.allCases.map(\.rawValue) {
                    try db.execute(
                        sql: """
                            INSERT INTO assets (name, category, last_checked_on, created_at, updated_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                            """, arguments: ["Asset in \(key)", key, today])
                    let asset = db.lastInsertedRowID
                    for need in needs {
                        try db.execute(
                            sql: "INSERT INTO asset_needs (asset_id, need_id) VALUES (?, ?)", arguments: [asset, need])
                    }
                }
                try db.execute(
                    sql: """
                        INSERT INTO insights (heard, source_kind, heard_on, created_at, updated_at)
                        VALUES ('Evening drop-ins would help', 'community_group', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                        """, arguments: [today])
                let insight = db.lastInsertedRowID
                let underServed = try Int64.fetchOne(
                    db, sql: "SELECT id FROM communities WHERE under_served = 1 ORDER BY id LIMIT 1")!
                try db.execute(
                    sql: "INSERT INTO insight_communities (insight_id, community_id) VALUES (?, ?)",
                    arguments: [insight, underServed])
            }
            // act
            let page = try await member.get("/first-steps")
            // check
            XCTAssertEqual(Self.state(page, step: 3), "In place")
            XCTAssertTrue(page.contains("9 active assets are on the map, in 9 of the 9 categories."))
            XCTAssertEqual(Self.state(page, step: 2), "Partly in place")
            XCTAssertTrue(page.contains("1 insight recorded from 1 community, 1 of them under-served."))
            XCTAssertTrue(page.contains("1 of the 6 first steps is in place."))
            XCTAssertEqual(Self.state(page, step: 1), "Not started")
        }
    }

    func testAnEntryNotCheckedForLongerThanTheSettingKeepsTheMapUnderWay() async throws {
        try await withApp { app in
            // setup: an asset last checked 13 months ago, with the setting at 12 months
            let (member, _) = try await app.signedIn(as: .member)
            let old = LondonTime.addingMonths(-13, to: LondonTime.isoDay(app.clock.now))!
            try await app.services.pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO assets (name, category, last_checked_on, created_at, updated_at)
                        VALUES ('Old café', 'hubs_and_spaces', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                        """, arguments: [old])
            }
            // act
            let page = try await member.get("/first-steps")
            // check
            XCTAssertEqual(Self.state(page, step: 3), "Partly in place")
            XCTAssertTrue(page.contains("1 entry has not been checked for 12 months or more."))
            XCTAssertTrue(page.contains("Check the 1 entry due for review."))
        }
    }
}
