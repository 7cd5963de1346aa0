import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// What each first step used and what it lacks, on the page and in `/first-steps.json` (issue 17).
final class FirstStepsEvidenceTests: XCTestCase {
    /// `/first-steps.json` parsed.
    static func document(_ browser: TestBrowser) async throws -> [String: Any] {
        let response = try await browser.get("/first-steps.json")
        XCTAssertEqual(response.status, .ok)
        XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(response.html.utf8)) as? [String: Any])
    }

    static func step(_ document: [String: Any], _ number: Int) throws -> [String: Any] {
        let steps = try XCTUnwrap(document["steps"] as? [[String: Any]])
        return try XCTUnwrap(steps.first { $0["number"] as? Int == number })
    }

    static func texts(_ step: [String: Any], _ key: String) -> [String] {
        ((step[key] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
    }

    func testTheJSONGivesEveryStepWithItsStatusEvidenceAndWhatIsMissing() async throws {
        try await withApp { app in
            // setup
            let (member, _) = try await app.signedIn(as: .member)
            // act
            let document = try await Self.document(member)
            // check
            let steps = try XCTUnwrap(document["steps"] as? [[String: Any]])
            XCTAssertEqual(steps.compactMap { $0["number"] as? Int }, [1, 2, 3, 4, 5, 6])
            XCTAssertEqual(steps.compactMap { $0["status"] as? String }, Array(repeating: "not_started", count: 6))
            for step in steps {
                XCTAssertEqual(Set(step.keys), ["number", "outcome", "status", "evidence", "missing"])
                XCTAssertFalse(Self.texts(step, "evidence").isEmpty)
                XCTAssertFalse(Self.texts(step, "missing").isEmpty)
            }
            let first = try Self.step(document, 1)
            XCTAssertEqual(Self.texts(first, "missing"), ["Create a leaders group and add its members."])
            XCTAssertEqual((first["missing"] as? [[String: Any]])?.first?["href"] as? String, "/groups")
            XCTAssertEqual(document["summary"] as? String, "0 of the 6 first steps are in place.")
        }
    }

    func testTheJSONNeedsSigningIn() async throws {
        try await withApp { app in
            let response = try await app.browser().get("/first-steps.json")
            XCTAssertEqual(response.status, .seeOther)
            XCTAssertTrue(response.location?.hasPrefix("/sign-in?next=") ?? false)
        }
    }

    /// 003 step 1 and issue 17: first steps and the group page agree about which seats are missing, and an expert by
    /// experience from an under-served community fills both seats in both.
    func testStepOneListsTheSeatsTheGroupPageListsAsMissing() async throws {
        try await withApp { app in
            // setup: a leaders group with an expert-by-experience co-chair from an under-served community and an ICB chair
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let eb = try await app.createUser(
                name: "Amara Example", email: "amara@example.org", role: .expertByExperience)
            let ola = try await app.createUser(name: "Ola Placeholder", email: "ola@example.org", role: .member)
            let path = try await GroupsTests.createGroup(manager)
            _ = try await manager.get(path + "/members/new")
            for (person, seat, sector, community) in [
                (eb, "co_chair", "expert_by_experience", "Riverside Somali community"), (ola, "chair", "icb", ""),
            ] {
                let added = try await manager.post(
                    path + "/members",
                    [
                        ("person", String(person.id!)), ("seat", seat), ("sector", sector), ("community", community),
                        ("organisation", ""), ("deputy", ""), ("starts_on", "2026-01-01"), ("ends_on", ""),
                    ])
                XCTAssertEqual(added.status, .seeOther)
            }
            // act
            let group = try await manager.get(path)
            let page = try await manager.get("/first-steps")
            let document = try await Self.document(manager)
            // check
            let missingOnGroupPage = group.allMatches(
                #"<th scope="row">([^<]+)</th>\s*<td><span class="tag tag-missing">Missing</span>"#)
            XCTAssertEqual(missingOnGroupPage.count, 6, "9 seats; the ICB, lived experience and under-served filled")
            XCTAssertFalse(missingOnGroupPage.contains("People from under-served communities"))
            let step = try Self.step(document, 1)
            XCTAssertEqual(step["status"] as? String, "partly")
            let seatLines = Self.texts(step, "missing").filter { $0.hasPrefix("No one sits for: ") }
            XCTAssertEqual(seatLines, missingOnGroupPage.map { "No one sits for: \(Page.unescape($0))." })
            XCTAssertTrue(Self.texts(step, "evidence").contains("3 of the 9 seats the group must have are filled."))
            XCTAssertTrue(
                Self.texts(step, "evidence").contains("An expert by experience or carer is chair or co-chair."))
            XCTAssertTrue(
                Self.texts(step, "missing").contains("Adopt terms of reference that say how the group makes decisions.")
            )
            XCTAssertEqual(FirstStepsTests.state(page, step: 1), "Partly in place")
            XCTAssertTrue(page.contains(#"<a href="\#(path)">No one sits for: Employment services.</a>"#))
        }
    }

    /// 003 step 2, 5: a workshop only scheduled is not one carried out; a held one needs outputs.
    func testStepTwoCountsOnlyWorkshopsThatHappenedAndTheirOutputs() async throws {
        try await withApp { app in
            // setup: a planned workshop whose time has passed, and a held workshop with nothing recorded from it
            let (member, _) = try await app.signedIn(as: .member)
            let groupID = try await CoproductionFixtures.workingGroup(app)
            let held = try await CoproductionFixtures.workshop(app, groupID: groupID)
            let planned = try await CoproductionFixtures.workshop(app, groupID: groupID, purpose: "Not marked held")
            try await app.services.pool.write { db in
                try db.execute(sql: "UPDATE meetings SET status = 'planned' WHERE id = ?", arguments: [planned])
            }
            // act
            let before = try Self.step(try await Self.document(member), 2)
            try await app.services.pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO insights (heard, source_kind, heard_on, meeting_id, created_at, updated_at)
                        VALUES ('Peer workers want a say in rotas', 'peer_support_workers', '2026-09-10', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                        """, arguments: [held])
            }
            let after = try Self.step(try await Self.document(member), 2)
            // check
            XCTAssertEqual(before["status"] as? String, "partly")
            XCTAssertTrue(
                Self.texts(before, "evidence").contains(
                    "1 workshop has been held, 0 with outputs recorded; 1 is planned and not marked held yet."))
            XCTAssertTrue(
                Self.texts(before, "missing").contains(
                    "Record what came out of the workshops held: insights heard there, action-plan items or minutes."))
            XCTAssertTrue(
                Self.texts(after, "evidence").contains(
                    "1 workshop has been held, 1 with outputs recorded; 1 is planned and not marked held yet."))
            XCTAssertTrue(
                Self.texts(after, "evidence").contains(
                    "0 insights were heard from community groups or people in communities; 1 insight was heard from staff or peer support workers."
                ))
            XCTAssertTrue(
                Self.texts(after, "missing").contains(
                    "Record insights heard from community groups or people in communities."))
            let workshopLink = (after["evidence"] as? [[String: Any]])?.compactMap { $0["href"] as? String }
            XCTAssertTrue(workshopLink?.contains("/groups/\(groupID)/meetings/\(held)") ?? false)
        }
    }

    /// 001's model development and workforce deliverables behind steps 5 and 6.
    func testStepsFiveAndSixReadTheirDeliverablesAndNotTheEndStateOrAnAdvert() async throws {
        try await withApp { app in
            // setup: the national roadmap with the model design in progress, its partnerships planning, the end
            // state not started, and recruitment planning
            let (member, _) = try await app.signedIn(as: .member)
            _ = try await RoadmapLoader(pool: app.services.pool, clock: app.services.clock).load(
                try NationalRoadmap.bundled(), by: .commandLine)
            try await app.services.pool.write { db in
                for (key, status) in [
                    ("coproduced-model-design", "in_progress"), ("primary-care-integration", "planning"),
                    ("vcse-partnership", "planning"), ("local-authority-integration", "planning"),
                    ("workforce-recruitment", "planning"), ("mental-health-practitioner-roles", "planning"),
                ] {
                    try db.execute(
                        sql: "UPDATE deliverables SET status = ? WHERE national_key = ?", arguments: [status, key])
                }
            }
            // act
            let document = try await Self.document(member)
            // check
            let five = try Self.step(document, 5)
            XCTAssertEqual(five["status"] as? String, "in_place", "not waiting on every ICB's new model")
            XCTAssertTrue(
                Self.texts(five, "evidence").contains(
                    "Not counted: \"Every ICB to have a new model fully in place\" is the national end state, an outcome rather than a first step."
                ))
            let six = try Self.step(document, 6)
            XCTAssertEqual(six["status"] as? String, "partly")
            XCTAssertEqual(
                Self.texts(six, "missing"),
                [
                    "Start recruiting staff and publish the role adverts: Recruitment in line with indicative 23/24 MH workforce profile is still being planned."
                ])
            let deliverableID = try await app.services.pool.read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM deliverables WHERE national_key = 'workforce-recruitment'")
            }
            XCTAssertEqual(
                (six["missing"] as? [[String: Any]])?.first?["href"] as? String,
                "/roadmap/deliverables/\(deliverableID!)")
        }
    }
}
