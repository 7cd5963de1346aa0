import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// The register of organisations (issue 6): everyone signed in reads it; alliance leads, programme managers and
/// administrators keep it.
final class OrganisationsTests: XCTestCase {
    /// A complete VCSE organisation, with changes.
    static func fields(
        _ changes: [String: String] = [:], communities: [Int64] = [], kinds: [String] = ["charity", "user_led"]
    ) -> [(String, String)] {
        var values = [
            "name": "Brightwater Peer Network", "sector": "vcse", "vcse_size": "small", "charity_number": "1123456",
            "company_number": "", "area_served": "Somerset coast", "contact_name": "Sam Fictional",
            "contact_email": "sam@example.org",
            "contact_phone": "01632 960 001", "website": "brightwater.example.org", "status": "active",
        ]
        values.merge(changes) { $1 }
        var pairs = values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        pairs += kinds.map { ("vcse_kinds", $0) }
        pairs += communities.map { ("communities", String($0)) }
        return pairs
    }

    /// Registers an organisation through the form; returns its page's path.
    static func register(_ browser: TestBrowser, _ fields: [(String, String)]) async throws -> String {
        _ = try await browser.get("/organisations/new")
        let created = try await browser.post("/organisations/new", fields)
        XCTAssertEqual(created.status, .seeOther)
        let location = try XCTUnwrap(created.location)
        XCTAssertTrue(location.hasPrefix("/organisations/"))
        return location
    }

    static func count(_ app: TestContext) async throws -> Int {
        try await app.services.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM organisations") ?? -1 }
    }

    // MARK: Refusals

    func testSignedOutPeopleSignInMembersReadButCannotChangeAndUnknownIdsAre404() async throws {
        try await withApp { app in
            // setup
            let id = try await AllianceFixtures.organisation(app, name: "Harbour Lights")
            let (member, _) = try await app.signedIn(as: .member)
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            // act and check: reading
            for path in ["/organisations", "/organisations/\(id)", "/organisations.csv"] {
                let signedOut = try await app.browser().get(path)
                XCTAssertEqual(signedOut.status, .seeOther, path)
                XCTAssertTrue(signedOut.location?.hasPrefix("/sign-in?next=") ?? false, path)
                let read = try await member.get(path)
                XCTAssertEqual(read.status, .ok, path)
            }
            let register = try await member.get("/organisations")
            XCTAssertFalse(register.contains("Register an organisation"), "members are not offered the form")
            let shown = try await member.get("/organisations/\(id)")
            XCTAssertFalse(shown.contains("/organisations/\(id)/edit"), "members are not offered the edit link")
            // changing
            for path in ["/organisations/new", "/organisations/\(id)/edit"] {
                let signedOut = try await app.browser().get(path)
                XCTAssertTrue(signedOut.location?.hasPrefix("/sign-in?next=") ?? false, path)
                let refused = try await member.get(path)
                XCTAssertEqual(refused.status, .forbidden, path)
                let posted = try await member.post(path, Self.fields(["name": "Sneaky Ltd"]) + [("version", "1")])
                XCTAssertEqual(posted.status, .forbidden, path)
                _ = try await lead.get(path)
                let noToken = try await lead.post(
                    path, Self.fields(["name": "No Token Group"]) + [("version", "1")], csrf: "")
                XCTAssertEqual(noToken.status, .forbidden, "\(path) without a CSRF token")
            }
            let signedOutPost = try await app.browser().post("/organisations/new", Self.fields(), csrf: "")
            XCTAssertEqual(signedOutPost.status, .forbidden)
            let organisationCount = try await Self.count(app)
            XCTAssertEqual(organisationCount, 1, "nothing refused was saved")
            let names = try await app.services.pool.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM organisations")
            }
            XCTAssertEqual(names, ["Harbour Lights"])
            // unknown ids
            for path in ["/organisations/999", "/organisations/999/edit", "/organisations/abc"] {
                let missing = try await lead.get(path)
                XCTAssertEqual(missing.status, .notFound, path)
            }
            let missingPost = try await lead.post("/organisations/999/edit", Self.fields() + [("version", "1")])
            XCTAssertEqual(missingPost.status, .notFound)
        }
    }

    // MARK: Registering

    func testAnAllianceLeadRegistersAnOrganisationAndItIsAudited() async throws {
        try await withApp { app in
            // setup
            let carers = try await AllianceFixtures.community(app, named: "Carers")
            let refugees = try await AllianceFixtures.community(app, named: "Refugees and people seeking asylum")
            let (lead, _) = try await app.signedIn(as: .allianceLead, name: "Alex Lead")
            let form = try await lead.get("/organisations/new")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.contains("Refugees and people seeking asylum (under-served)"))
            XCTAssertTrue(form.contains("For VCSE organisations only."))
            XCTAssertTrue(form.contains("Micro: annual income under £10,000"))
            // act
            let path = try await Self.register(
                lead,
                Self.fields(
                    ["charity_number": "sc 012 345", "company_number": "sc123456"],
                    communities: [carers, refugees]))
            let shown = try await lead.get(path)
            // check
            XCTAssertEqual(shown.h1, "Brightwater Peer Network")
            XCTAssertTrue(shown.contains("Brightwater Peer Network is in the register."))
            XCTAssertTrue(shown.contains("<dd>SC012345</dd>"), "the charity number is stored as normalised")
            XCTAssertTrue(shown.contains("<dd>SC123456</dd>"))
            XCTAssertTrue(
                shown.contains(#"<a href="https://brightwater.example.org">https://brightwater.example.org</a>"#))
            XCTAssertTrue(shown.contains(#"<a href="mailto:sam@example.org">sam@example.org</a>"#))
            XCTAssertTrue(shown.contains("Small: annual income £10,000 to £99,999"))
            XCTAssertTrue(shown.contains("User-led organisation, Registered charity"))
            XCTAssertTrue(
                shown.contains(
                    #"<li>Refugees and people seeking asylum <span class="tag tag-blue">Under-served</span></li>"#))
            XCTAssertTrue(shown.contains("<li>Carers</li>"))
            XCTAssertTrue(shown.contains(#"href="\#(path)/edit""#))
            let audit = try await app.services.pool.read { db in
                try Row.fetchOne(
                    db,
                    sql: "SELECT summary, actor_label, after_json FROM audit_events WHERE record_kind = 'organisation'"
                )
                .map { [$0["summary"] as String, $0["actor_label"] as String, $0["after_json"] as String] }
            }
            XCTAssertEqual(audit?[0], "Registered the organisation \"Brightwater Peer Network\"")
            XCTAssertEqual(audit?[1], "Alex Lead")
            XCTAssertTrue(audit?[2].contains(#""charity_number":"SC012345""#) ?? false)
            let linked = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM organisation_communities")
            }
            XCTAssertEqual(linked, 2)
            // the register lists it
            let register = try await lead.get("/organisations")
            XCTAssertTrue(register.contains(#"<a href="\#(path)">Brightwater Peer Network</a>"#))
            XCTAssertTrue(register.contains("<h2 id=\"count\">1 organisation</h2>"))
            XCTAssertTrue(
                register.contains(#"<a class="button" href="/organisations/new">Register an organisation</a>"#))
        }
    }

    func testABadCharityNumberIsExplainedAndEverythingTypedIsKept() async throws {
        try await withApp { app in
            let carers = try await AllianceFixtures.community(app, named: "Carers")
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            _ = try await lead.get("/organisations/new")
            // act
            let bad = try await lead.post(
                "/organisations/new",
                Self.fields(
                    [
                        "charity_number": "12345", "company_number": "1234567",
                        "website": "ftp://example.org", "contact_email": "sam@",
                    ],
                    communities: [carers]))
            // check
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertEqual(bad.title, "Error: Register an organisation – Alongside")
            XCTAssertEqual(bad.errorSummary.count, 4)
            XCTAssertTrue(bad.errorSummary[0].hasPrefix("Enter a charity number in the right format: 6 or 7 digits"))
            XCTAssertEqual(
                bad.errorSummary[1], "A company number has 8 characters: include any zeros at the start, like 01234567")
            XCTAssertTrue(bad.contains(#"aria-describedby="field-charity_number-hint field-charity_number-error""#))
            XCTAssertEqual(bad.inputValue("charity_number"), "12345")
            XCTAssertEqual(bad.inputValue("name"), "Brightwater Peer Network")
            XCTAssertEqual(bad.inputValue("area_served"), "Somerset coast")
            XCTAssertEqual(bad.inputValue("contact_email"), "sam@")
            XCTAssertEqual(bad.inputValue("website"), "ftp://example.org")
            XCTAssertTrue(bad.contains(#"type="radio" value="small" checked"#))
            XCTAssertTrue(bad.contains(#"type="checkbox" value="user_led" checked"#))
            XCTAssertTrue(bad.contains(#"type="checkbox" value="\#(carers)" checked"#))
            let organisationCount = try await Self.count(app)
            XCTAssertEqual(organisationCount, 0)
        }
    }

    func testAVCSEOrganisationNeedsASizeAndOtherSectorsLoseTheirs() async throws {
        try await withApp { app in
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            _ = try await lead.get("/organisations/new")
            // act
            let noSize = try await lead.post("/organisations/new", Self.fields(["vcse_size": ""]))
            // check
            XCTAssertEqual(noSize.status, .unprocessableContent)
            XCTAssertEqual(noSize.errorSummary, ["Select the size of the VCSE organisation, by its annual income"])
            XCTAssertTrue(noSize.contains(##"href="#field-vcse_size""##))
            XCTAssertTrue(noSize.contains(#"type="radio" value="vcse" checked"#))
            // a trust keeps no size or kinds, even when they were ticked
            let path = try await Self.register(
                lead,
                Self.fields([
                    "name": "Riverside NHS Foundation Trust", "sector": "nhs_trust", "vcse_size": "large",
                    "charity_number": "",
                ]))
            let stored = try await app.services.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT vcse_size, vcse_kinds FROM organisations").map {
                    [($0["vcse_size"] as String?) ?? "NULL", $0["vcse_kinds"] as String]
                }
            }
            XCTAssertEqual(stored, ["NULL", "[]"])
            let shown = try await lead.get(path)
            XCTAssertFalse(shown.contains("<dt>Size</dt>"), "no size row for a trust")
            XCTAssertTrue(shown.contains("<dt>Sector</dt><dd>NHS trust</dd>"))
        }
    }

    func testAPossibleDuplicateIsShownAndSavedOnlyWhenConfirmed() async throws {
        try await withApp { app in
            // setup
            let existing = try await AllianceFixtures.organisation(app, name: "The Brightwater Peer Network Ltd")
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            _ = try await lead.get("/organisations/new")
            // act: first try
            let warned = try await lead.post("/organisations/new", Self.fields())
            // check
            XCTAssertEqual(warned.status, .ok)
            XCTAssertTrue(warned.contains("This may already be in the register"))
            XCTAssertTrue(
                warned.contains(
                    #"<a href="/organisations/\#(existing)">The Brightwater Peer Network Ltd</a> has the same name."#))
            XCTAssertTrue(warned.contains("This is a different organisation: save it anyway"))
            XCTAssertEqual(warned.inputValue("seen_duplicates"), String(existing))
            XCTAssertEqual(warned.inputValue("contact_name"), "Sam Fictional", "everything typed is kept")
            var organisationCount = try await Self.count(app)
            XCTAssertEqual(organisationCount, 1)
            // sending again without ticking the box still warns
            let again = try await lead.post(
                "/organisations/new", Self.fields() + [("seen_duplicates", String(existing))])
            XCTAssertEqual(again.status, .ok)
            XCTAssertTrue(again.contains("This may already be in the register"))
            // ticking the box for a match not shown warns again
            let unseen = try await lead.post(
                "/organisations/new", Self.fields() + [("confirm_not_duplicate", "yes"), ("seen_duplicates", "")])
            XCTAssertTrue(unseen.contains("This may already be in the register"))
            organisationCount = try await Self.count(app)
            XCTAssertEqual(organisationCount, 1)
            // act: confirmed
            let saved = try await lead.post(
                "/organisations/new",
                Self.fields() + [("confirm_not_duplicate", "yes"), ("seen_duplicates", String(existing))])
            // check
            XCTAssertEqual(saved.status, .seeOther)
            organisationCount = try await Self.count(app)
            XCTAssertEqual(organisationCount, 2)
        }
    }

    func testADuplicateCharityNumberIsWarnedAboutOnEditButNotTheOrganisationItself() async throws {
        try await withApp { app in
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let first = try await Self.register(lead, Self.fields())
            let second = try await Self.register(
                lead, Self.fields(["name": "Meadowbank Carers", "charity_number": "1000001"]))
            // act: saving the first unchanged is no duplicate of itself
            let form = try await lead.get(first + "/edit")
            let version = try XCTUnwrap(form.inputValue("version"))
            let unchanged = try await lead.post(first + "/edit", Self.fields() + [("version", version)])
            XCTAssertEqual(unchanged.status, .seeOther)
            // act: giving the second the first's charity number
            _ = try await lead.get(second + "/edit")
            let warned = try await lead.post(
                second + "/edit", Self.fields(["name": "Meadowbank Carers"]) + [("version", "1")])
            // check
            XCTAssertEqual(warned.status, .ok)
            XCTAssertTrue(
                warned.contains(#"<a href="\#(first)">Brightwater Peer Network</a> has the same charity number."#))
            let stored = try await app.services.pool.read { db in
                try String.fetchOne(
                    db, sql: "SELECT charity_number FROM organisations WHERE name = 'Meadowbank Carers'")
            }
            XCTAssertEqual(stored, "1000001")
        }
    }

    // MARK: Editing

    func testEditingSavesAndAStaleSaveIs409ShowingBothVersions() async throws {
        try await withApp { app in
            // setup
            let (lead, _) = try await app.signedIn(as: .allianceLead, email: "lead@example.org")
            let (manager, _) = try await app.signedIn(as: .programmeManager, email: "manager@example.org")
            let path = try await Self.register(lead, Self.fields())
            let leadForm = try await lead.get(path + "/edit")
            let managerForm = try await manager.get(path + "/edit")
            XCTAssertEqual(leadForm.inputValue("charity_number"), "1123456")
            XCTAssertEqual(leadForm.inputValue("website"), "https://brightwater.example.org")
            let version = try XCTUnwrap(leadForm.inputValue("version"))
            XCTAssertEqual(managerForm.inputValue("version"), version)
            // act
            let saved = try await lead.post(
                path + "/edit", Self.fields(["area_served": "West Somerset"]) + [("version", version)])
            let stale = try await manager.post(
                path + "/edit", Self.fields(["area_served": "Taunton Deane"]) + [("version", version)])
            // check
            XCTAssertEqual(saved.status, .seeOther)
            XCTAssertEqual(stale.status, .conflict)
            XCTAssertTrue(stale.contains("The version saved by someone else"))
            XCTAssertTrue(stale.contains("<dd>West Somerset</dd>"), "theirs is shown")
            XCTAssertEqual(stale.inputValue("area_served"), "Taunton Deane", "what this person typed is kept")
            XCTAssertEqual(stale.inputValue("version"), String(Int(version)! + 1), "saving again replaces theirs")
            XCTAssertTrue(stale.errorSummary.first?.hasPrefix("Someone else saved this organisation") ?? false)
            let area = try await app.services.pool.read { db in
                try String.fetchOne(db, sql: "SELECT area_served FROM organisations")
            }
            XCTAssertEqual(area, "West Somerset")
            let audits = try await app.services.pool.read { db in
                try String.fetchAll(
                    db, sql: "SELECT action FROM audit_events WHERE record_kind = 'organisation' ORDER BY id")
            }
            XCTAssertEqual(audits, ["created", "updated"])
            let again = try await manager.post(
                path + "/edit",
                Self.fields(["area_served": "Taunton Deane"]) + [("version", stale.inputValue("version")!)])
            XCTAssertEqual(again.status, .seeOther)
        }
    }

    func testBadEditsAre422AndCommunitiesRetiredSinceAreKept() async throws {
        try await withApp { app in
            let carers = try await AllianceFixtures.community(app, named: "Carers")
            let veterans = try await AllianceFixtures.community(app, named: "Armed forces veterans")
            let id = try await AllianceFixtures.organisation(
                app, name: "Harbour Lights", communities: [carers, veterans])
            try await app.services.pool.write { db in
                try db.execute(
                    sql: "UPDATE communities SET retired_at = ? WHERE id = ?", arguments: [Date(), veterans])
            }
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let form = try await lead.get("/organisations/\(id)/edit")
            XCTAssertFalse(form.contains("Armed forces veterans"), "retired communities are not offered")
            // act
            let bad = try await lead.post("/organisations/\(id)/edit", Self.fields(["name": ""]) + [("version", "1")])
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertEqual(bad.errorSummary, ["Enter the organisation's name"])
            XCTAssertEqual(bad.inputValue("version"), "1")
            let saved = try await lead.post(
                "/organisations/\(id)/edit",
                Self.fields(["name": "Harbour Lights"], communities: [carers]) + [("version", "1")])
            XCTAssertEqual(saved.status, .seeOther)
            // check
            let linked = try await app.services.pool.read { db in
                try Int64.fetchAll(
                    db,
                    sql:
                        "SELECT community_id FROM organisation_communities WHERE organisation_id = ? ORDER BY community_id",
                    arguments: [id])
            }
            XCTAssertEqual(Set(linked), [carers, veterans])
            let shown = try await lead.get("/organisations/\(id)")
            XCTAssertTrue(
                shown.contains(#"Armed forces veterans <span class="tag tag-grey">Retired from the list</span>"#))
        }
    }

    // MARK: The register and its download

    func testTheRegisterFiltersBySectorSizeAndWords() async throws {
        try await withApp { app in
            _ = try await AllianceFixtures.organisation(app, name: "Brightwater Peer Network", size: .small)
            _ = try await AllianceFixtures.organisation(app, name: "Meadowbank Carers", size: .micro)
            _ = try await AllianceFixtures.organisation(app, name: "Riverside NHS Foundation Trust", sector: .nhsTrust)
            let (member, _) = try await app.signedIn(as: .member)
            // act
            let all = try await member.get("/organisations")
            let vcse = try await member.get("/organisations?sector=vcse")
            let micro = try await member.get("/organisations?size=micro")
            let words = try await member.get("/organisations?words=riverside+trust")
            let none = try await member.get("/organisations?words=nowhere&sector=bogus")
            // check
            XCTAssertTrue(all.contains("<h2 id=\"count\">3 organisations</h2>"))
            XCTAssertTrue(vcse.contains("2 organisations of 3 match the filters"))
            XCTAssertTrue(vcse.contains(#"<option value="vcse" selected>"#))
            XCTAssertFalse(vcse.contains("Riverside"))
            XCTAssertTrue(micro.contains("1 organisation of 3 match the filters"))
            XCTAssertTrue(micro.contains("Meadowbank Carers"))
            XCTAssertFalse(micro.contains("Brightwater"))
            XCTAssertTrue(words.contains("Riverside NHS Foundation Trust"))
            XCTAssertFalse(words.contains("Meadowbank"))
            XCTAssertEqual(words.inputValue("words"), "riverside trust")
            XCTAssertTrue(none.contains("No organisations match."))
        }
    }

    func testTheRegisterDownloadsAsCSVWithEveryField() async throws {
        try await withApp { app in
            let carers = try await AllianceFixtures.community(app, named: "Carers")
            let refugees = try await AllianceFixtures.community(app, named: "Refugees and people seeking asylum")
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            _ = try await Self.register(
                lead, Self.fields(["name": "=Brightwater, Peer Network"], communities: [refugees, carers]))
            _ = try await AllianceFixtures.organisation(app, name: "Riverside NHS Foundation Trust", sector: .nhsTrust)
            let (member, _) = try await app.signedIn(as: .member)
            // act
            let csv = try await member.get("/organisations.csv")
            // check
            XCTAssertEqual(csv.status, .ok)
            XCTAssertEqual(csv.headers[.contentType], "text/csv; charset=utf-8")
            XCTAssertEqual(csv.headers[.contentDisposition], "attachment; filename=\"organisations-2026-09-21.csv\"")
            let lines = csv.html.components(separatedBy: "\r\n")
            XCTAssertEqual(
                lines[0],
                "id,name,sector,vcse_size,vcse_kinds,charity_number,company_number,area_served,communities,contact_name,contact_email,contact_phone,website,status,created_on,updated_on"
            )
            XCTAssertEqual(lines.count, 4, "a header, two rows and the final line ending")
            XCTAssertTrue(
                lines[1].hasPrefix(
                    #"1,"'=Brightwater, Peer Network","Voluntary, community and social enterprise (VCSE)",Small,"#),
                "formula-like text is defused and commas quoted: \(lines[1])")
            XCTAssertTrue(
                lines[1].contains(
                    ",Small,User-led organisation; Registered charity,1123456,,Somerset coast,Carers; Refugees and people seeking asylum,Sam Fictional,sam@example.org,01632 960 001,https://brightwater.example.org,Active,2026-09-21,2026-09-21"
                ), lines[1])
            XCTAssertTrue(lines[2].hasPrefix("2,Riverside NHS Foundation Trust,NHS trust,,,"))
        }
    }

    // MARK: Alliance memberships on the organisation page

    func testTheOrganisationPageListsOnlyTheAlliancesThePersonCanSee() async throws {
        try await withApp { app in
            // setup
            let open = try await AllianceFixtures.alliance(
                app, name: "Brightwater VCSE Alliance", visibility: .published)
            let closed = try await AllianceFixtures.alliance(app, name: "Hidden Valley Alliance", visibility: .private)
            let id = try await AllianceFixtures.organisation(app, name: "Harbour Lights")
            _ = try await AllianceFixtures.member(
                app, alliance: open, organisation: id, status: .member, since: "2026-04-01")
            _ = try await AllianceFixtures.member(
                app, alliance: closed, organisation: id, status: .joining, since: "2026-05-01")
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let (member, _) = try await app.signedIn(as: .member)
            // act
            let asLead = try await lead.get("/organisations/\(id)")
            let asMember = try await member.get("/organisations/\(id)")
            // check
            XCTAssertTrue(asLead.contains(#"<a href="/groups/\#(open)/alliance">Brightwater VCSE Alliance</a>"#))
            XCTAssertTrue(asLead.contains(#"<a href="/groups/\#(closed)/alliance">Hidden Valley Alliance</a>"#))
            XCTAssertTrue(asLead.contains(#"<span class="tag tag-yellow">Joining</span></td><td>1 May 2026</td>"#))
            XCTAssertTrue(asMember.contains("Brightwater VCSE Alliance"))
            XCTAssertFalse(
                asMember.contains("Hidden Valley Alliance"), "a private alliance the person is not in stays hidden")
        }
    }
}
