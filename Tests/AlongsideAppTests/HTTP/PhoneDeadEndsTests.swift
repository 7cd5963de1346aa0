import Foundation
import XCTest
@testable import AlongsideApp

/// Dead ends found on a phone (issue 18, "Pages that fit a phone"): registering an organisation from "add to
/// alliance" leads back to adding it; the duplicate warning's tick box sits with the warning; the terms of reference
/// show the adopted text; first steps is on the home page.
final class PhoneDeadEndsTests: XCTestCase {
    // MARK: Registering from "add to alliance"

    static let names = [
        "Alderney Walking Club", "Birchwood Tenants Forum", "Cobbler Lane Choir", "Driftwood Art Space",
        "Elmstead Food Share", "Foxglove Carers Circle", "Gullhaven Youth Boxing", "Heronsgate Men's Shed",
        "Ivybridge Sign Language Café", "Juniper Refugee Welcome", "Kestrel Allotment Society",
    ]

    func testRegisteringFromAddToAllianceLeadsBackWithTheNewOrganisationChosen() async throws {
        try await withApp { app in
            // setup
            let (lead, _) = try await app.signedIn(as: .allianceLead, name: "Lee Lead")
            let alliance = try await AllianceFixtures.alliance(app)
            let back = "/groups/\(alliance)/alliance/members/new"
            // act
            let form = try await lead.get("/organisations/new?then=\(back)")
            // check: the form carries the way back, and Cancel goes there
            XCTAssertEqual(form.status, .ok)
            XCTAssertEqual(form.inputValue("then"), back)
            XCTAssertTrue(form.contains("<a class=\"back-link\" href=\"\(back)\">"))
            // act
            let created = try await lead.post(
                "/organisations/new", OrganisationsTests.fields(["name": "Quayside Listening Café"]) + [("then", back)])
            // check
            XCTAssertEqual(created.status, .seeOther)
            let location = try XCTUnwrap(created.location)
            let id = try await app.services.pool.read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM organisations WHERE name = 'Quayside Listening Café'")
            }
            XCTAssertEqual(location, "\(back)?organisation=\(try XCTUnwrap(id))")
            let adding = try await lead.get(location)
            XCTAssertEqual(adding.h1, "Add an organisation to the alliance")
            XCTAssertTrue(adding.contains("Quayside Listening Café is in the register. It is chosen below"))
            XCTAssertTrue(adding.contains("<option value=\"\(id!)\" selected>Quayside Listening Café"))
        }
    }

    func testTheWayBackMustBeAnAllowedLocalPageOrItIsIgnored() async throws {
        try await withApp { app in
            // setup
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let hostile = [
                "https://evil.example/groups/1/alliance/members/new", "//evil.example/groups/1/alliance/members/new",
                "/groups/1/alliance/members/new?x=1", "/groups/1/alliance/members/new/",
                "/groups/-1/alliance/members/new",
                "/groups/1/alliance", "/sign-out", "/groups/abc/alliance/members/new", "javascript:alert(1)",
                "/groups/%2e%2e/alliance/members/new", "/groups/99999999999999999999/alliance/members/new",
            ]
            for (index, value) in hostile.enumerated() {
                // act
                let form = try await lead.get("/organisations/new?then=\(TestBrowser.encode(value))")
                // check: shown as usual, with no way back carried
                XCTAssertEqual(form.status, .ok, value)
                XCTAssertNil(form.inputValue("then"), value)
                // act: posted directly
                let created = try await lead.post(
                    "/organisations/new",
                    OrganisationsTests.fields(["name": Self.names[index], "charity_number": ""])
                        + [("then", value)])
                // check: saved, and the register's own page follows
                XCTAssertEqual(created.status, .seeOther, value)
                XCTAssertTrue(
                    created.location?.hasPrefix("/organisations/") ?? false, "\(value) led to \(created.location ?? "")"
                )
            }
        }
    }

    func testTheWayBackIsKeptWhenTheFormIsShownAgain() async throws {
        try await withApp { app in
            // setup
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            let back = "/groups/\(alliance)/alliance/members/new"
            _ = try await lead.get("/organisations/new")
            // act
            let refused = try await lead.post(
                "/organisations/new", OrganisationsTests.fields(["name": ""]) + [("then", back)])
            // check
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertEqual(refused.inputValue("then"), back)
        }
    }

    func testTheWayBackIsReadOnlyForTheAllowListedRoute() {
        XCTAssertEqual(OrganisationThen("/groups/12/alliance/members/new"), .addToAlliance(groupID: 12))
        for text in [
            "", "/", "https://example.org", "//example.org", "/groups/0/alliance/members/new",
            "/groups/12/alliance/members/new#x", "/groups/ 12/alliance/members/new", "/groups/１２/alliance/members/new",
            String(repeating: "/", count: 300),
        ] {
            XCTAssertNil(OrganisationThen(text), text)
        }
        XCTAssertEqual(
            OrganisationThen.addToAlliance(groupID: 3).after(registering: 9),
            "/groups/3/alliance/members/new?organisation=9")
        // The names in the links are the forms' own field names.
        XCTAssertEqual(OrganisationThen.queryName, OrganisationForms.OrganisationField.then.rawValue)
        XCTAssertEqual(OrganisationThen.organisationQueryName, AllianceForms.NewMemberField.organisation.rawValue)
    }

    // MARK: Stacked tables

    func testAStackedTableLabelsEveryCellWithItsColumn() async throws {
        try await withApp { app in
            // setup
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            _ = try await AllianceFixtures.organisation(app, name: "Harbour Lights")
            // act
            let register = try await lead.get("/organisations")
            // check
            XCTAssertTrue(register.rawHTML.contains(#"<table class="table table-stack">"#))
            XCTAssertTrue(register.rawHTML.contains(#"<th data-label="Name" scope="row"><a href="/organisations/"#))
            XCTAssertFalse(register.html.contains("data-label"), "tests read cells without the labels")
        }
    }

    // MARK: The duplicate warning

    func testTheDuplicateTickBoxSitsInsideTheWarning() async throws {
        try await withApp { app in
            // setup
            _ = try await AllianceFixtures.organisation(app, name: "Brightwater Peer Network")
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            _ = try await lead.get("/organisations/new")
            // act
            let warned = try await lead.post("/organisations/new", OrganisationsTests.fields())
            // check: the tick box comes after the warning's heading and before the first field
            let html = warned.html
            let heading = try XCTUnwrap(html.range(of: "This may already be in the register"))
            let box = try XCTUnwrap(html.range(of: "name=\"confirm_not_duplicate\""))
            let name = try XCTUnwrap(html.range(of: "id=\"field-name\""))
            XCTAssertLessThan(heading.lowerBound, box.lowerBound)
            XCTAssertLessThan(box.lowerBound, name.lowerBound)
        }
    }

    // MARK: First steps

    func testEveryoneSignedInFindsFirstStepsOnTheHomePage() async throws {
        try await withApp { app in
            for role in Role.allCases {
                let (person, _) = try await app.signedIn(as: role, email: "\(role.rawValue)@example.org")
                let home = try await person.get("/")
                XCTAssertTrue(home.contains("<a href=\"/first-steps\">First steps</a>"), "\(role)")
                let steps = try await person.get("/first-steps")
                XCTAssertEqual(steps.status, .ok, "\(role)")
            }
        }
    }
}
