import Foundation
import GRDB
import XCTest

@testable import AlongsideApp

/// The Open Referral UK 3.0 API (issue 18, "Open Referral UK 3.0, for real"): public, read-only, holding exactly what
/// the public directory shows, paged with `page` and `per_page` as the standard's `openapi.json` says, refusing bad
/// values with JSON and never a 5xx.
final class OpenReferralTests: XCTestCase {
    static func json(_ page: Page) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(page.html.utf8)) as? [String: Any], page.html)
    }

    static func contents(_ page: Page) throws -> [[String: Any]] {
        try XCTUnwrap(try Self.json(page)["contents"] as? [[String: Any]])
    }

    /// An asset with everything the directory may show about it.
    static func fullAsset(_ app: TestContext, locality: Int64?, needs: [Int64], organisation: Int64? = nil) async throws
        -> Asset
    {
        let store = AssetStore(pool: app.services.pool, clock: app.services.clock)
        let details = AssetDetails(
            name: "Harbour Lights Café", category: .hubsAndSpaces, domains: [.localFacilities, .personalRelationships],
            description: "Tea and company", localityID: locality, address: "1 Quay Street\nExeter", postcode: "ex2 2bb",
            openingTimes: "Daily, 9am to 5pm", phone: "01632 960001", email: "hello@example.org",
            website: "https://harbour.example.org", contactNotes: "Ask for Sam", referralNeeded: false,
            accessInformation: "Step-free", languages: "English, Polish", cost: "Free", needIDs: needs,
            lastCheckedOn: AssetFixtures.today(app), organisationID: organisation)
        return try await store.create(details, by: .commandLine, requestID: nil)
    }

    static func storedID(_ app: TestContext, _ asset: Int64) async throws -> String {
        try await app.services.pool.read { db in
            try XCTUnwrap(
                String.fetchOne(db, sql: "SELECT open_referral_id FROM assets WHERE id = ?", arguments: [asset]))
        }
    }

    func testTheRootSaysWhichVersionOfTheStandardItFollows() async throws {
        try await withApp { app in
            for path in ["/openreferral/", "/openreferral"] {
                let page = try await app.browser().get(path)
                XCTAssertEqual(page.status, .ok, path)
                XCTAssertEqual(page.headers[.contentType], "application/json", path)
                let about = try Self.json(page)
                XCTAssertEqual(about["version"] as? String, "3.0")
                XCTAssertTrue((about["openapi_url"] as? String)?.hasSuffix("/openapi.json") ?? false)
                XCTAssertNotNil(about["profile"] as? String)
            }
        }
    }

    func testServicesHoldExactlyWhatThePublicDirectoryShows() async throws {
        try await withApp { app in
            // setup
            let shown = try await AssetFixtures.asset(app, "Southgate Choir")
            let paused = try await AssetFixtures.asset(app, "Paused Pantry", status: .paused)
            let closed = try await AssetFixtures.asset(app, "Closed Club", status: .closed)
            let unlisted = try await AssetFixtures.asset(
                app, "Private Person", category: .individualVolunteers, listed: false)
            // act
            let page = try await app.browser().get("/openreferral/services")
            // check
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.headers[.contentType], "application/json")
            let document = try Self.json(page)
            XCTAssertEqual(document["total_items"] as? Int, 2)
            let services = try Self.contents(page)
            XCTAssertEqual(services.compactMap { $0["name"] as? String }, ["Paused Pantry", "Southgate Choir"])
            XCTAssertEqual(services.compactMap { $0["status"] as? String }, ["temporarily closed", "active"])
            let shownID = try await Self.storedID(app, shown)
            let pausedID = try await Self.storedID(app, paused)
            XCTAssertEqual(services.last?["id"] as? String, shownID)
            XCTAssertEqual(services.first?["id"] as? String, pausedID)
            for service in services {
                // No empty strings where the schema wants a URI or an email: the fixtures have neither.
                XCTAssertNil(service["url"])
                XCTAssertNil(service["email"])
                XCTAssertNotNil(service["organization"] as? [String: Any])
                XCTAssertNil(service["schedules"], "a list holds one-to-one fields only")
            }
            for hidden in [closed, unlisted] {
                let id = try await Self.storedID(app, hidden)
                XCTAssertFalse(page.html.contains(id))
                let refused = try await app.browser().get("/openreferral/services/\(id)")
                XCTAssertEqual(refused.status, .notFound)
                XCTAssertEqual(refused.headers[.contentType], "application/json")
                XCTAssertEqual(
                    try Self.json(refused)["message"] as? String, "There is no published service with this id.")
            }
        }
    }

    func testPagesAreNumberedFromOneWithTheStandardsWrapper() async throws {
        try await withApp { app in
            for name in ["Alpha Group", "Beta Group", "Gamma Group"] { _ = try await AssetFixtures.asset(app, name) }
            let first = try Self.json(try await app.browser().get("/openreferral/services?per_page=2"))
            XCTAssertEqual(first["total_items"] as? Int, 3)
            XCTAssertEqual(first["total_pages"] as? Int, 2)
            XCTAssertEqual(first["page_number"] as? Int, 1)
            XCTAssertEqual(first["size"] as? Int, 2)
            XCTAssertEqual(first["first_page"] as? Bool, true)
            XCTAssertEqual(first["last_page"] as? Bool, false)
            XCTAssertEqual(first["empty"] as? Bool, false)
            let second = try await app.browser().get("/openreferral/services?page=2&per_page=2")
            XCTAssertEqual(try Self.json(second)["size"] as? Int, 1)
            XCTAssertEqual(try Self.json(second)["last_page"] as? Bool, true)
            XCTAssertEqual(try Self.contents(second).first?["name"] as? String, "Gamma Group")
            let beyond = try Self.json(try await app.browser().get("/openreferral/services?page=9&per_page=2"))
            XCTAssertEqual(beyond["empty"] as? Bool, true)
            XCTAssertEqual(beyond["page_number"] as? Int, 9)
            XCTAssertEqual((beyond["contents"] as? [Any])?.count, 0)
            let defaults = try Self.json(try await app.browser().get("/openreferral/services"))
            XCTAssertEqual(defaults["size"] as? Int, 3, "50 to a page unless asked")
            XCTAssertEqual(defaults["total_pages"] as? Int, 1)
        }
    }

    func testHostilePageValuesAreRefusedInJSONAndNothingFails() async throws {
        try await withApp { app in
            _ = try await AssetFixtures.asset(app, "Alpha Group")
            let refused = [
                "page=0", "page=-1", "page=abc", "page=1.5", "page=99999999999999999999999", "page=100001",
                "per_page=0", "per_page=501", "per_page=-5", "per_page=1e3",
            ]
            for query in refused {
                for path in ["/openreferral/services", "/openreferral/service_at_locations"] {
                    let page = try await app.browser().get("\(path)?\(query)")
                    XCTAssertEqual(page.status, .unprocessableContent, "\(path)?\(query)")
                    XCTAssertEqual(page.headers[.contentType], "application/json")
                    XCTAssertTrue((try Self.json(page)["message"] as? String)?.contains("whole number") ?? false, query)
                }
            }
            let odd = [
                "search=" + String(repeating: "a%20", count: 2_000), "search=%22%27%3B--", "search=%F0%9F%98%80",
                "page=&per_page=", "page=1&page=2", "per_page=%00", "search=*", "search=%E2%80%AE", "taxonomy_id=x",
                "taxonomy_term_id=" + String(repeating: "%FF", count: 3_000),
            ]
            for query in odd {
                let page = try await app.browser().get("/openreferral/services?\(query)")
                XCTAssertEqual(page.status, .ok, query)
            }
            for id in ["123", "not-a-uuid", UUID().uuidString, "%00", String(repeating: "f", count: 5_000)] {
                let page = try await app.browser().get("/openreferral/services/\(id)")
                XCTAssertLessThan(page.status.code, 500, id)
                XCTAssertNotEqual(page.status, .ok, id)
            }
            let unknown = try await app.browser().get("/openreferral/services/\(UUID().uuidString)")
            XCTAssertEqual(unknown.status, .notFound)
        }
    }

    func testSearchUsesTheStandardsParameterAndTheDirectorysWords() async throws {
        try await withApp { app in
            let debt = try await AssetFixtures.need(app, "Debt and money")
            _ = try await AssetFixtures.asset(app, "Southgate Choir")
            _ = try await AssetFixtures.asset(app, "Advice Desk", needs: [debt])
            let choir = try await app.browser().get("/openreferral/services?search=choir")
            XCTAssertEqual(try Self.contents(choir).compactMap { $0["name"] as? String }, ["Southgate Choir"])
            let byNeed = try await app.browser().get("/openreferral/services?search=DEBT")
            XCTAssertEqual(try Self.contents(byNeed).compactMap { $0["name"] as? String }, ["Advice Desk"])
            // The standard's taxonomy filters: a term, or any term of a taxonomy.
            let needsTaxonomy = OpenReferralTaxonomies.need.id
            let needs = try await app.browser().get("/openreferral/services?taxonomy_id=\(needsTaxonomy.uuidString)")
            XCTAssertEqual(try Self.contents(needs).compactMap { $0["name"] as? String }, ["Advice Desk"])
            let choirTerm = OpenReferralTaxonomies.term(AssetCategory.groupsAndNetworks).id
            let groups = try await app.browser().get(
                "/openreferral/services?taxonomy_term_id=\(choirTerm)&search=choir")
            XCTAssertEqual(try Self.contents(groups).compactMap { $0["name"] as? String }, ["Southgate Choir"])
            let unknownTerm = try Self.json(try await app.browser().get("/openreferral/services?taxonomy_term_id=x"))
            XCTAssertEqual(unknownTerm["total_items"] as? Int, 0)
            let none = try Self.json(try await app.browser().get("/openreferral/services?search=zebra"))
            XCTAssertEqual(none["total_items"] as? Int, 0)
            XCTAssertEqual(none["empty"] as? Bool, true)
        }
    }

    func testAServiceInFullWithIdsThatNeverChange() async throws {
        try await withApp { app in
            // setup
            let north = try await AssetFixtures.locality(app, "Northfield")
            let housing = try await AssetFixtures.need(app, "Housing")
            let organisation = try await AllianceFixtures.organisation(app, name: "Example Voluntary Action")
            let asset = try await Self.fullAsset(app, locality: north, needs: [housing], organisation: organisation)
            let id = try XCTUnwrap(asset.openReferralID)
            // act
            let page = try await app.browser().get("/openreferral/services/\(id.uppercased())")
            // check
            XCTAssertEqual(page.status, .ok)
            let service = try Self.json(page)
            XCTAssertEqual(service["id"] as? String, id)
            XCTAssertEqual(service["url"] as? String, "https://harbour.example.org")
            XCTAssertEqual(service["email"] as? String, "hello@example.org")
            XCTAssertEqual(service["status"] as? String, "active")
            XCTAssertEqual(service["fees"] as? String, "Free")
            XCTAssertEqual(service["assured_date"] as? String, AssetFixtures.today(app))
            let organization = try XCTUnwrap(service["organization"] as? [String: Any])
            XCTAssertEqual(organization["name"] as? String, "Example Voluntary Action")
            XCTAssertNil(organization["email"], "the register's contact email is not public")
            XCTAssertEqual(service["organization_id"] as? String, organization["id"] as? String)
            let links = try XCTUnwrap(service["service_at_locations"] as? [[String: Any]])
            let location = try XCTUnwrap(links.first?["location"] as? [String: Any])
            XCTAssertEqual(location["location_type"] as? String, "physical")
            let address = try XCTUnwrap((location["addresses"] as? [[String: Any]])?.first)
            XCTAssertEqual(address["address_1"] as? String, "1 Quay Street")
            XCTAssertEqual(address["city"] as? String, "Exeter")
            XCTAssertEqual(address["postal_code"] as? String, "EX2 2BB")
            XCTAssertEqual(address["country"] as? String, "GB")
            XCTAssertEqual(
                (location["accessibility"] as? [[String: Any]])?.first?["description"] as? String, "Step-free")
            XCTAssertEqual((service["service_areas"] as? [[String: Any]])?.first?["name"] as? String, "Northfield")
            XCTAssertEqual(
                (service["schedules"] as? [[String: Any]])?.first?["description"] as? String, "Daily, 9am to 5pm")
            XCTAssertEqual(
                (service["languages"] as? [[String: Any]])?.compactMap { $0["name"] as? String }, ["English", "Polish"])
            let phone = ((service["contacts"] as? [[String: Any]])?.first?["phones"] as? [[String: Any]])?.first
            XCTAssertEqual(phone?["number"] as? String, "01632 960001")
            let terms = (service["attributes"] as? [[String: Any]])?.compactMap {
                $0["taxonomy_term"] as? [String: Any]
            }
            XCTAssertEqual(
                terms?.compactMap { $0["name"] as? String },
                [
                    "Local hubs, buildings and spaces", "Local facilities and services", "Personal relationships",
                    "Housing", "No referral needed",
                ])
            // Stable: the same ids after an edit, and the database refuses to change the stored one.
            let store = AssetStore(pool: app.services.pool, clock: app.services.clock)
            var changed = asset.details
            changed.name = "Harbour Lights"
            _ = try await store.update(
                asset.id, changed, expectedVersion: asset.version, by: .commandLine, requestID: nil)
            let again = try Self.json(try await app.browser().get("/openreferral/services/\(id)"))
            XCTAssertEqual(again["name"] as? String, "Harbour Lights")
            XCTAssertEqual(Self.ids(in: again), Self.ids(in: service))
            do {
                try await app.services.pool.write { db in
                    try db.execute(
                        sql: "UPDATE assets SET open_referral_id = ? WHERE id = ?",
                        arguments: [UUID().uuidString.lowercased(), asset.id])
                }
                XCTFail("the stored id was changed")
            } catch let error as DatabaseError {
                XCTAssertTrue(error.message?.contains("never changes") ?? false)
            }
        }
    }

    func testServiceAtLocationsListsEachPublishedServiceWithAPlace() async throws {
        try await withApp { app in
            let asset = try await Self.fullAsset(app, locality: nil, needs: [])
            _ = try await AssetFixtures.asset(app, "Southgate Choir")  // no address: no location
            let page = try await app.browser().get("/openreferral/service_at_locations?per_page=10")
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(try Self.json(page)["total_items"] as? Int, 1)
            let item = try XCTUnwrap(try Self.contents(page).first)
            XCTAssertEqual(item["service_id"] as? String, asset.openReferralID)
            XCTAssertEqual((item["service"] as? [String: Any])?["name"] as? String, "Harbour Lights Café")
            let location = try XCTUnwrap(item["location"] as? [String: Any])
            XCTAssertEqual(location["id"] as? String, item["location_id"] as? String)
            XCTAssertNil(location["addresses"], "a list holds one-to-one fields only")
        }
    }

    func testThePublicDirectoryLinksToItsOpenData() async throws {
        try await withApp { app in
            let page = try await app.browser().get("/directory")
            XCTAssertTrue(
                page.contains(#"<a href="/openreferral/services">this directory in the Open Referral UK standard</a>"#))
        }
    }

    /// Every id in a document, in order.
    static func ids(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            return object.keys.sorted().flatMap { key -> [String] in
                let inner = object[key]!
                if key.hasSuffix("id"), let text = inner as? String { return [key + "=" + text] }
                return ids(in: inner)
            }
        }
        if let array = value as? [Any] { return array.flatMap(ids(in:)) }
        return []
    }
}
