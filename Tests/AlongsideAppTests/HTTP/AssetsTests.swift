import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// The community asset map (issue 7): everyone signed in reads it; people who keep the map change it.
final class AssetsTests: XCTestCase {
    func testSignedOutPeopleSignInMembersReadButCannotChangeAndUnknownIdsAre404() async throws {
        try await withApp { app in
            // setup
            let north = try await AssetFixtures.locality(app, "Northfield")
            let housing = try await AssetFixtures.need(app, "Housing")
            let hub = try await AssetFixtures.asset(app, "Northfield Hub", locality: north, needs: [housing])
            let (member, _) = try await app.signedIn(as: .member)
            let (keeper, _) = try await app.signedIn(as: .expertByExperience)
            let reads = [
                "/assets", "/assets/\(hub)", "/assets/review", "/assets/gaps", "/assets/needs", "/assets/localities",
                "/assets.csv",
            ]
            let managed = [
                "/assets/new", "/assets/\(hub)/edit", "/assets/settings", "/assets/import", "/assets/needs/\(housing)",
                "/assets/localities/\(north)",
            ]
            // act and check: signed out
            for path in reads + managed {
                let signedOut = try await app.browser().get(path)
                XCTAssertEqual(signedOut.status, .seeOther, path)
                XCTAssertTrue(signedOut.location?.hasPrefix("/sign-in?next=") ?? false, path)
            }
            // members read, but are refused the rest
            for path in reads {
                let read = try await member.get(path)
                XCTAssertEqual(read.status, .ok, path)
            }
            let list = try await member.get("/assets")
            XCTAssertFalse(list.contains("Add an asset"), "members are not offered the form")
            XCTAssertFalse(list.contains("Import assets"))
            let page = try await member.get("/assets/\(hub)")
            XCTAssertFalse(page.contains("Edit the asset"))
            XCTAssertFalse(page.contains("mark as checked today"))
            for path in managed {
                let refused = try await member.get(path)
                XCTAssertEqual(refused.status, .forbidden, path)
            }
            let posts: [(String, [(String, String)])] = [
                ("/assets/new", AssetFixtures.form(app)), ("/assets/\(hub)/edit", AssetFixtures.form(app)),
                ("/assets/\(hub)/checked", []),
                ("/assets/settings", [("stale_after_months", "6")]), ("/assets/import", [("csv", "id,name")]),
                ("/assets/needs", [("name", "Gardening")]), ("/assets/needs/\(housing)", [("name", "Homes")]),
                ("/assets/needs/\(housing)/retire", []), ("/assets/needs/\(housing)/restore", []),
                ("/assets/localities", [("name", "Southgate"), ("kind", "locality")]),
                ("/assets/localities/\(north)", [("name", "North"), ("kind", "pcn")]),
                ("/assets/localities/\(north)/retire", []), ("/assets/localities/\(north)/restore", []),
            ]
            _ = try await keeper.get("/assets")
            _ = try await member.get("/assets")
            for (path, fields) in posts {
                let refused = try await member.post(path, fields)
                XCTAssertEqual(refused.status, .forbidden, path)
                let noToken = try await keeper.post(path, fields, csrf: "")
                XCTAssertEqual(noToken.status, .forbidden, "\(path) without a CSRF token")
            }
            let unchanged = try await AssetFixtures.count(
                app,
                "SELECT COUNT(*) FROM audit_events WHERE actor_id IS NOT NULL AND record_kind IN ('asset', 'need', 'locality', 'asset_map_settings', 'asset_import')"
            )
            XCTAssertEqual(unchanged, 0, "nothing refused changed anything")
            // unknown ids
            for path in [
                "/assets/999", "/assets/abc", "/assets/999/edit", "/assets/needs/999", "/assets/localities/999",
            ] {
                let missing = try await keeper.get(path)
                XCTAssertEqual(missing.status, .notFound, path)
            }
            _ = try await keeper.get("/assets")
            for path in [
                "/assets/999/checked", "/assets/999/edit", "/assets/needs/999/retire", "/assets/localities/999/restore",
            ] {
                let missing = try await keeper.post(path, AssetFixtures.form(app))
                XCTAssertEqual(missing.status, .notFound, path)
            }
        }
    }

    func testTheRouterPicksTheNamedPagesBeforeAnAssetId() async throws {
        try await withApp { app in
            let (keeper, _) = try await app.signedIn(as: .programmeManager)
            let expected = [
                "/assets/new": "Add an asset to the map", "/assets/review": "Entries due for a check",
                "/assets/gaps": "Gaps in the asset map",
                "/assets/needs": "Needs", "/assets/localities": "Localities and primary care networks",
                "/assets/settings": "Asset map settings", "/assets/import": "Import assets from a spreadsheet",
            ]
            for (path, h1) in expected {
                let page = try await keeper.get(path)
                XCTAssertEqual(page.status, .ok, path)
                XCTAssertEqual(page.h1, h1, path)
            }
            // The old JSON export, shaped after an older Open Referral UK, now leads to the standard's API (issue 18).
            let json = try await keeper.get("/assets/open-referral.json")
            XCTAssertEqual(json.status, .permanentRedirect)
            XCTAssertEqual(json.location, "/openreferral/services")
            let signedOut = try await app.browser().get("/assets/open-referral.json")
            XCTAssertEqual(signedOut.status, .seeOther, "still for people signed in")
        }
    }

    func testAKeeperAddsAnAssetAfterFixingMistakesAndItIsAudited() async throws {
        try await withApp { app in
            // setup
            let north = try await AssetFixtures.locality(app, "Northfield")
            let debt = try await AssetFixtures.need(app, "Debt and money")
            let (keeper, _) = try await app.signedIn(as: .expertByExperience, name: "Casey Keeper")
            let blank = try await keeper.get("/assets/new")
            XCTAssertEqual(blank.inputValue("last_checked"), AssetFixtures.today(app), "checked today unless changed")
            XCTAssertTrue(blank.contains("Individuals may not want to be listed"))
            // act: a submit with mistakes
            let tomorrow = LondonTime.addingDays(1, to: AssetFixtures.today(app))!
            let bad = try await keeper.post(
                "/assets/new",
                AssetFixtures.form(
                    app, name: "",
                    changes: [
                        ("email", "hello at example"), ("website", "not a website"), ("last_checked", tomorrow),
                        ("address", "Kept as typed"),
                    ]))
            // check
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.title?.hasPrefix("Error: ") ?? false)
            XCTAssertEqual(
                bad.errorSummary,
                [
                    "Enter the asset's name", "Enter an email address in the right format, like name@example.org",
                    "Enter the website's address, like https://www.example.org",
                    "The date last checked must be today or in the past",
                ])
            XCTAssertEqual(bad.inputValue("address"), "Kept as typed")
            XCTAssertEqual(bad.inputValue("email"), "hello at example")
            let none = try await AssetFixtures.count(app)
            XCTAssertEqual(none, 0)
            // act: fixed
            let saved = try await keeper.post(
                "/assets/new",
                AssetFixtures.form(
                    app,
                    changes: [
                        ("locality", String(north)), ("needs", String(debt)),
                        ("domains", AssetDomain.personalInterests.rawValue),
                    ]))
            XCTAssertEqual(saved.status, .seeOther)
            let id = try await AssetFixtures.count(app, "SELECT MAX(id) FROM assets")
            XCTAssertEqual(saved.location, "/assets/\(id)")
            let page = try await keeper.get("/assets/\(id)")
            XCTAssertTrue(page.contains("Harbour Lights Café is on the map."))
            XCTAssertTrue(page.contains("<dt>Locality</dt><dd>Northfield</dd>"))
            XCTAssertTrue(page.contains("<dt>Needs it helps with</dt><dd>Debt and money</dd>"))
            XCTAssertTrue(page.contains(#"<a href="https://harbour.example.org">"#))
            XCTAssertTrue(page.contains("<dt>Domains</dt><dd>Personal interests</dd>"))
            let audit = try await app.services.pool.read { db in
                try String.fetchOne(
                    db, sql: "SELECT actor_label || ': ' || summary FROM audit_events WHERE record_kind = 'asset'")
            }
            XCTAssertEqual(audit, "Casey Keeper: Added the asset \"Harbour Lights Café\" to the map")
        }
    }

    func testASecondEditorIsShownBothVersionsAndKeepsWhatTheyTyped() async throws {
        try await withApp { app in
            // setup
            let id = try await AssetFixtures.asset(app, "Riverside Walks")
            let (first, _) = try await app.signedIn(as: .programmeManager, email: "one@example.org")
            let (second, _) = try await app.signedIn(as: .allianceLead, email: "two@example.org")
            let firstForm = try await first.get("/assets/\(id)/edit")
            XCTAssertEqual(firstForm.inputValue("version"), "1")
            _ = try await second.get("/assets/\(id)/edit")
            let saved = try await first.post(
                "/assets/\(id)/edit",
                AssetFixtures.form(app, name: "Riverside Walks (Saturdays)", changes: [("version", "1")]))
            XCTAssertEqual(saved.status, .seeOther)
            // act
            let stale = try await second.post(
                "/assets/\(id)/edit",
                AssetFixtures.form(app, name: "Riverside Walking Club", changes: [("version", "1")]))
            // check
            XCTAssertEqual(stale.status, .conflict)
            XCTAssertTrue(stale.contains("The version saved by someone else"))
            XCTAssertTrue(stale.contains("<dd>Riverside Walks (Saturdays)</dd>"))
            XCTAssertEqual(stale.inputValue("name"), "Riverside Walking Club")
            XCTAssertEqual(stale.inputValue("version"), "2")
            let name = try await app.services.pool.read { db in
                try String.fetchOne(db, sql: "SELECT name FROM assets WHERE id = ?", arguments: [id])
            }
            XCTAssertEqual(name, "Riverside Walks (Saturdays)")
            // saving again replaces theirs
            let again = try await second.post(
                "/assets/\(id)/edit",
                AssetFixtures.form(app, name: "Riverside Walking Club", changes: [("version", "2")]))
            XCTAssertEqual(again.status, .seeOther)
            let bad = try await second.post(
                "/assets/\(id)/edit", AssetFixtures.form(app, name: "", changes: [("version", "3")]))
            XCTAssertEqual(bad.status, .unprocessableContent)
        }
    }

    func testTheListFiltersAndMarksEntriesDueForACheckInWords() async throws {
        try await withApp { app in
            let north = try await AssetFixtures.locality(app, "Northfield")
            let south = try await AssetFixtures.locality(app, "Southgate")
            let housing = try await AssetFixtures.need(app, "Housing")
            let old = LondonTime.addingMonths(-13, to: AssetFixtures.today(app))!
            _ = try await AssetFixtures.asset(
                app, "Northfield Housing Advice", locality: north, needs: [housing], checked: old)
            _ = try await AssetFixtures.asset(app, "Southgate Choir", category: .groupsAndNetworks, locality: south)
            _ = try await AssetFixtures.asset(app, "Area Helpline", category: .statutoryOrganisations, status: .paused)
            let (member, _) = try await app.signedIn(as: .member)
            let all = try await member.get("/assets")
            XCTAssertTrue(all.contains("<h2 id=\"count\">3 assets</h2>"))
            XCTAssertTrue(all.contains("Due for a check"))
            // One tag for the one entry due: an entry that is not due shows none (nor the page's filter, by mistake).
            XCTAssertEqual(all.html.components(separatedBy: "tag tag-yellow").count - 1, 1)
            let inNorth = try await member.get("/assets?locality=\(north)")
            XCTAssertTrue(
                inNorth.contains("2 assets of 3 match the filters"), "the whole-area helpline serves Northfield too")
            let stale = try await member.get("/assets?stale=yes")
            XCTAssertTrue(stale.contains("1 asset of 3 match the filters"))
            XCTAssertTrue(stale.contains("Northfield Housing Advice"))
            let words = try await member.get("/assets?words=choir&category=groups_and_networks&status=active")
            XCTAssertTrue(words.contains("Southgate Choir"))
            XCTAssertFalse(words.contains("Area Helpline"))
            let byNeed = try await member.get("/assets?need=\(housing)")
            XCTAssertTrue(byNeed.contains("1 asset of 3"))
            let links = [
                "/assets/needs", "/assets/localities", "/assets/review", "/assets/gaps", "/assets.csv",
                "/openreferral/services", "/directory",
            ]
            for link in links { XCTAssertTrue(all.contains(#"href="\#(link)""#), link) }
        }
    }
}
