import XCTest
@testable import AlongsideApp

/// Choosing the dedicated focus areas started (issue 19; 001 footnote 6): the third stays out of the counts and the
/// analysis until it is started.
final class RoadmapFocusAreasTests: XCTestCase {
    func testAFocusAreaNotStartedIsLeftOutOfCountsAndAnalysis() async throws {
        try await withApp { app in
            _ = try await RoadmapLoader(pool: app.services.pool, clock: app.services.clock).load(
                try NationalRoadmap.bundled(), by: .commandLine)
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let (member, _) = try await app.signedIn(as: .member)
            let before = try await manager.get("/roadmap")
            XCTAssertTrue(before.contains("45 deliverables, 0 of 45 in place (0%)"))
            XCTAssertTrue(before.contains(#"href="/roadmap/focus-areas""#))
            let form = try await manager.get("/roadmap/focus-areas")
            XCTAssertEqual(form.status, .ok)
            XCTAssertEqual(form.allMatches(#"(name="started" type="checkbox" value="[a-z-]+" checked)"#).count, 3)
            // Refusals: a member, no token, fewer than two.
            let memberRead = try await member.get("/roadmap/focus-areas")
            XCTAssertEqual(memberRead.status, .forbidden)
            let memberPost = try await member.post("/roadmap/focus-areas", [("started", "eating-disorders")])
            XCTAssertEqual(memberPost.status, .forbidden)
            let noToken = try await manager.post(
                "/roadmap/focus-areas", [("started", "eating-disorders"), ("started", "community-rehabilitation")],
                csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            let one = try await manager.post("/roadmap/focus-areas", [("started", "eating-disorders")])
            XCTAssertEqual(one.status, .unprocessableContent)
            XCTAssertTrue(one.contains("Select at least 2 focus areas"))
            XCTAssertTrue(one.contains(#"value="eating-disorders" checked"#), "the choice made is kept")
            XCTAssertFalse(one.contains(#"value="community-rehabilitation" checked"#))
            // Complex emotional needs and community rehabilitation started; eating disorders (8) not yet.
            let saved = try await manager.post(
                "/roadmap/focus-areas",
                [
                    ("started", "complex-emotional-needs"), ("started", "community-rehabilitation"),
                    ("started", "hacked"),
                ])
            XCTAssertEqual(saved.status, .seeOther)
            let after = try await manager.get("/roadmap")
            XCTAssertTrue(
                after.contains("Eating disorders is left out of the counts and analysis until it is started."))
            XCTAssertTrue(after.contains("37 deliverables, 0 of 37 in place (0%)"))
            XCTAssertTrue(after.contains("left out of the counts and analysis: Eating disorders."))
            XCTAssertFalse(after.contains(#"id="workstream-eating-disorders""#))
            let analysis = try await member.get("/roadmap/analysis.json")
            let parsed = try JSONSerialization.jsonObject(with: Data(analysis.html.utf8)) as? [String: Any]
            XCTAssertEqual((parsed?["suggested_order"] as? [Int])?.count, 37)
            let audit = try await app.services.pool.read { db in
                try String.fetchOne(
                    db,
                    sql: "SELECT summary FROM audit_events WHERE record_kind = 'roadmap_workstreams' ORDER BY id DESC")
            }
            XCTAssertEqual(audit, "Focus areas started: Community rehabilitation, Complex emotional needs")
            // Starting the third brings it back.
            _ = try await manager.get("/roadmap/focus-areas")
            _ = try await manager.post(
                "/roadmap/focus-areas",
                [
                    ("started", "complex-emotional-needs"), ("started", "community-rehabilitation"),
                    ("started", "eating-disorders"),
                ])
            let all = try await manager.get("/roadmap")
            XCTAssertTrue(all.contains("45 deliverables, 0 of 45 in place (0%)"))
        }
    }
}
