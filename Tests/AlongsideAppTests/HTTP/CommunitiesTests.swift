import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// The workspace's list of communities (issue 6): everyone signed in reads it; alliance leads, programme managers
/// and administrators add, edit, retire and bring back.
final class CommunitiesTests: XCTestCase {
    func testSignedOutPeopleSignInMembersReadButCannotChangeAndUnknownIdsAre404() async throws {
        try await withApp { app in
            // setup
            let carers = try await AllianceFixtures.community(app, named: "Carers")
            let (member, _) = try await app.signedIn(as: .member)
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            // act and check
            let signedOut = try await app.browser().get("/communities")
            XCTAssertTrue(signedOut.location?.hasPrefix("/sign-in?next=") ?? false)
            let signedOutEdit = try await app.browser().get("/communities/\(carers)")
            XCTAssertTrue(signedOutEdit.location?.hasPrefix("/sign-in?next=") ?? false)
            let read = try await member.get("/communities")
            XCTAssertEqual(read.status, .ok)
            XCTAssertTrue(read.contains("Carers"))
            XCTAssertFalse(read.contains("Add a community"), "members are not offered the form")
            XCTAssertFalse(read.contains(#"href="/communities/\#(carers)""#), "nor the edit link")
            let refusedEdit = try await member.get("/communities/\(carers)")
            XCTAssertEqual(refusedEdit.status, .forbidden)
            let posts: [(String, [(String, String)])] = [
                ("/communities", [("name", "Fishing communities")]),
                ("/communities/\(carers)", [("name", "Unpaid carers")]),
                ("/communities/\(carers)/retire", []), ("/communities/\(carers)/restore", []),
            ]
            _ = try await lead.get("/communities")
            for (path, fields) in posts {
                let refused = try await member.post(path, fields)
                XCTAssertEqual(refused.status, .forbidden, path)
                let noToken = try await lead.post(path, fields, csrf: "")
                XCTAssertEqual(noToken.status, .forbidden, "\(path) without a CSRF token")
            }
            let unchanged = try await app.services.pool.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT name, retired_at IS NULL AS current FROM communities WHERE id = ?",
                    arguments: [carers]
                )
                .map { "\($0["name"] as String) \($0["current"] as Bool)" }
            }
            XCTAssertEqual(unchanged, "Carers true")
            let added = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM communities WHERE name = 'Fishing communities'")
            }
            XCTAssertEqual(added, 0)
            for path in ["/communities/999", "/communities/abc"] {
                let missing = try await lead.get(path)
                XCTAssertEqual(missing.status, .notFound, path)
            }
            _ = try await lead.get("/communities")
            let missingPost = try await lead.post("/communities/999/retire")
            XCTAssertEqual(missingPost.status, .notFound)
        }
    }

    func testALeadAddsACommunityAndTheListCountsWhoReachesIt() async throws {
        try await withApp { app in
            // setup
            let carers = try await AllianceFixtures.community(app, named: "Carers")
            _ = try await AllianceFixtures.organisation(app, name: "Meadowbank Carers", communities: [carers])
            _ = try await AllianceFixtures.organisation(app, name: "Harbour Lights", communities: [carers])
            let (lead, _) = try await app.signedIn(as: .allianceLead, name: "Alex Lead")
            let list = try await lead.get("/communities")
            XCTAssertTrue(
                list.contains(
                    #"<a href="/communities/\#(carers)">Carers</a></th><td>No</td><td></td><td class="numeric">2</td>"#)
            )
            // act
            let added = try await lead.post(
                "/communities",
                [("name", "Fishing communities"), ("description", "Harbour towns"), ("under_served", "yes")])
            // check
            XCTAssertEqual(added.status, .seeOther)
            XCTAssertEqual(added.location, "/communities")
            let after = try await lead.get("/communities")
            XCTAssertTrue(after.contains("Added &quot;Fishing communities&quot; to the list of communities."))
            XCTAssertTrue(
                after.contains(
                    #"Fishing communities</a></th><td>Yes</td><td>Harbour towns</td><td class="numeric">0</td>"#))
            let audit = try await app.services.pool.read { db in
                try String.fetchOne(
                    db, sql: "SELECT summary FROM audit_events WHERE record_kind = 'community' AND action = 'created'")
            }
            XCTAssertEqual(audit, "Added the community \"Fishing communities\"")
            let form = try await lead.get("/organisations/new")
            XCTAssertTrue(
                form.contains("Fishing communities (under-served)"),
                "the new community is offered on the organisation form")
        }
    }

    func testANameAlreadyListedIsRefusedWhateverItsCase() async throws {
        try await withApp { app in
            let carers = try await AllianceFixtures.community(app, named: "Carers")
            let veterans = try await AllianceFixtures.community(app, named: "Armed forces veterans")
            let (lead, _) = try await app.signedIn(as: .programmeManager)
            _ = try await lead.get("/communities")
            // act
            let taken = try await lead.post("/communities", [("name", "  CARERS "), ("description", "Kept as typed")])
            // check
            XCTAssertEqual(taken.status, .unprocessableContent)
            XCTAssertEqual(taken.errorSummary, ["There is already a community called \"Carers\""])
            XCTAssertEqual(taken.inputValue("name"), "  CARERS ")
            XCTAssertTrue(taken.contains(">Kept as typed</textarea>"))
            let empty = try await lead.post("/communities", [("name", "")])
            XCTAssertEqual(empty.errorSummary, ["Enter the community's name"])
            // renaming onto another's name is refused too
            _ = try await lead.get("/communities/\(veterans)")
            let rename = try await lead.post("/communities/\(veterans)", [("name", "carers")])
            XCTAssertEqual(rename.status, .unprocessableContent)
            XCTAssertEqual(rename.inputValue("name"), "carers")
            // a retired one is named as retired
            _ = try await lead.post("/communities/\(carers)/retire")
            _ = try await lead.get("/communities")
            let retiredName = try await lead.post("/communities", [("name", "Carers")])
            XCTAssertEqual(
                retiredName.errorSummary,
                ["There is already a retired community called \"Carers\": bring it back from its page instead"])
            let count = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM communities WHERE name LIKE 'carers'")
            }
            XCTAssertEqual(count, 1)
        }
    }

    func testEditingRetiringAndBringingBackAreSavedAndAudited() async throws {
        try await withApp { app in
            // setup
            let carers = try await AllianceFixtures.community(app, named: "Carers")
            let id = try await AllianceFixtures.organisation(app, name: "Meadowbank Carers", communities: [carers])
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let page = try await lead.get("/communities/\(carers)")
            XCTAssertEqual(page.h1, "Community: Carers")
            XCTAssertTrue(page.contains("1 organisation in the register reaches this community."))
            XCTAssertEqual(page.inputValue("name"), "Carers")
            // act: edit
            let edited = try await lead.post(
                "/communities/\(carers)",
                [("name", "Unpaid carers"), ("description", "Looking after family"), ("under_served", "yes")])
            XCTAssertEqual(edited.status, .seeOther)
            // act: retire
            _ = try await lead.get("/communities/\(carers)")
            let retired = try await lead.post("/communities/\(carers)/retire")
            XCTAssertEqual(retired.location, "/communities/\(carers)")
            let retiredPage = try await lead.get("/communities/\(carers)")
            // check
            XCTAssertTrue(retiredPage.contains("is retired. It is no longer offered on forms"))
            XCTAssertTrue(retiredPage.contains("Bring the community back"))
            let list = try await lead.get("/communities")
            XCTAssertTrue(list.contains("<h2>Retired communities</h2>"))
            let form = try await lead.get("/organisations/new")
            XCTAssertFalse(form.contains("Unpaid carers"), "a retired community is not offered")
            let organisation = try await lead.get("/organisations/\(id)")
            XCTAssertTrue(organisation.contains("Unpaid carers"), "the organisation keeps it")
            let again = try await lead.post("/communities/\(carers)/retire")
            XCTAssertEqual(again.status, .seeOther)
            // act: bring back
            _ = try await lead.get("/communities/\(carers)")
            let restored = try await lead.post("/communities/\(carers)/restore")
            XCTAssertEqual(restored.status, .seeOther)
            let back = try await lead.get("/organisations/new")
            XCTAssertTrue(back.contains("Unpaid carers (under-served)"))
            let audits = try await app.services.pool.read { db in
                try String.fetchAll(
                    db, sql: "SELECT action FROM audit_events WHERE record_kind = 'community' ORDER BY id")
            }
            XCTAssertEqual(
                audits, ["updated", "retired", "restored"], "retiring twice changes nothing and writes nothing")
            let stored = try await app.services.pool.read { db in
                try Row.fetchOne(
                    db,
                    sql:
                        "SELECT name, description, under_served, retired_at IS NULL AS current FROM communities WHERE id = ?",
                    arguments: [carers]
                )
                .map {
                    "\($0["name"] as String)|\($0["description"] as String)|\($0["under_served"] as Bool)|\($0["current"] as Bool)"
                }
            }
            XCTAssertEqual(stored, "Unpaid carers|Looking after family|true|true")
        }
    }
}
