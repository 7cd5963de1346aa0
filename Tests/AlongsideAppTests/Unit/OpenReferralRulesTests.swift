import Foundation
import XCTest

@testable import AlongsideApp

/// How the asset map is said in Open Referral UK 3.0 (issue 18), checked against the standard's own wording in
/// `../shared/standards/open-referral-uk/` (schema-service.json and openapi.json).
final class OpenReferralRulesTests: XCTestCase {
    /// Lower-case hex in 8-4-4-4-12 groups, with the RFC 9562 variant.
    static func isUUIDText(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12]
            && groups.allSatisfy { $0.allSatisfy { "0123456789abcdef".contains($0) } }
            && "89ab".contains(groups[3].first!)
    }

    /// RFC 9562 section 5.5: SHA-1 over the namespace and the name; the value Python's `uuid.uuid5` gives for
    /// "python.org" in the DNS namespace.
    func testDerivedIdsAreVersion5UUIDsAndAlwaysTheSame() {
        let dns = UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!
        XCTAssertEqual(
            OpenReferralIDs.text(OpenReferralIDs.derived(dns, "python.org")), "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        let parent = UUID()
        let first = OpenReferralIDs.text(OpenReferralIDs.derived(parent, "location"))
        XCTAssertEqual(first, OpenReferralIDs.text(OpenReferralIDs.derived(parent, "location")))
        XCTAssertNotEqual(first, OpenReferralIDs.text(OpenReferralIDs.derived(parent, "organization")))
        XCTAssertNotEqual(first, OpenReferralIDs.text(OpenReferralIDs.derived(UUID(), "location")))
        XCTAssertTrue(Self.isUUIDText(first))
        XCTAssertEqual(Array(first)[14], "5", "version 5")
        // The taxonomies' ids are fixed for good.
        XCTAssertEqual(OpenReferralIDs.text(OpenReferralTaxonomies.category.id), "78e3c839-09c7-5a18-bff8-197396b55d4d")
        XCTAssertEqual(Set(OpenReferralTaxonomies.all.map(\.id)).count, 4)
    }

    func testStoredIdsAreReadOnlyWhenTheyAreUUIDs() {
        XCTAssertNil(OpenReferralIDs.parse(nil))
        XCTAssertNil(OpenReferralIDs.parse("asset-12"))
        XCTAssertNil(OpenReferralIDs.parse(""))
        XCTAssertNotNil(OpenReferralIDs.parse("022e99ed-b4a3-42b5-9bb7-8fc2f09c3f63"))
    }

    /// schema-service.json, `status`: "active, inactive, defunct, or temporarily closed".
    func testStatusesAreTheStandardsWords() {
        XCTAssertEqual(OpenReferralRules.status(.active), "active")
        XCTAssertEqual(OpenReferralRules.status(.paused), "temporarily closed")
        XCTAssertEqual(OpenReferralRules.status(.closed), "defunct")
    }

    /// schema-service.json: `url` and `website` have `format: uri`, `email` has `format: email`; what does not fit is
    /// left out, never sent as "".
    func testOnlyRealURIsAndEmailAddressesArePublished() {
        XCTAssertEqual(OpenReferralRules.uri("https://example.org/a?b=c#d"), "https://example.org/a?b=c#d")
        XCTAssertEqual(OpenReferralRules.uri("http://example.org/caf%C3%A9"), "http://example.org/caf%C3%A9")
        for bad in [
            "", "example.org", "ftp://example.org", "https://exämple.org", "https://example.org/a b", "https://",
            "https://example.org/%zz", "javascript:alert(1)",
        ] {
            XCTAssertNil(OpenReferralRules.uri(bad), bad)
        }
        XCTAssertEqual(OpenReferralRules.email("hello@example.org"), "hello@example.org")
        XCTAssertNil(OpenReferralRules.email(""))
        XCTAssertNil(OpenReferralRules.email("hello at example"))
    }

    /// schema-service.json, `last_modified`: "date-time … Should have millisecond accuracy".
    func testLastModifiedIsADateTimeWithMilliseconds() {
        XCTAssertEqual(
            OpenReferralRules.dateTime(Date(timeIntervalSince1970: 1_700_000_000.25)), "2023-11-14T22:13:20.250Z")
    }

    func testLanguagesAreSplitOnceEach() {
        XCTAssertEqual(OpenReferralRules.languages("English, Polish; BSL\npolish, "), ["English", "Polish", "BSL"])
        XCTAssertEqual(OpenReferralRules.languages(""), [])
    }

    /// schema-service.json, location `addresses`: address_1 ("the first line(s) of the address"), city and
    /// postal_code, each required.
    func testAddressesAreSplitIntoTheStandardsFields() {
        typealias A = OpenReferralAddress
        XCTAssertEqual(
            A.split(address: "1 Quay Street\nExeter", postcode: "ex2 2bb"),
            A.Parts(address1: "1 Quay Street", city: "Exeter", postalCode: "EX2 2BB"))
        XCTAssertEqual(
            A.split(address: "Unit 4, Mill Yard, 2 High Street, Exeter EX1 1AA", postcode: ""),
            A.Parts(address1: "Unit 4, Mill Yard, 2 High Street", city: "Exeter", postalCode: "EX1 1AA"))
        XCTAssertEqual(
            A.split(address: "2 High Street, Exeter, EX11AA", postcode: "EX1 1AA"),
            A.Parts(address1: "2 High Street", city: "Exeter", postalCode: "EX1 1AA"))
        XCTAssertEqual(
            A.split(address: "The Old Library", postcode: ""),
            A.Parts(address1: "The Old Library", city: "", postalCode: ""))
        XCTAssertEqual(
            A.split(address: "", postcode: "sw1a 1aa"), A.Parts(address1: "", city: "", postalCode: "SW1A 1AA"))
        XCTAssertEqual(A.normalisedPostcode("Not a postcode "), "Not a postcode")
        XCTAssertEqual(A.normalisedPostcode("m11ae"), "M1 1AE")
    }

    /// openapi.json, `page` and `per_page`, and the `Page` wrapper; pages count from 1.
    func testPagingIsBoundedAndShapedAsTheStandardSays() {
        XCTAssertEqual(
            try OpenReferralPaging.parse(page: "", perPage: "").get(), OpenReferralPaging(page: 1, perPage: 50))
        XCTAssertEqual(
            try OpenReferralPaging.parse(page: "3", perPage: "10").get(), OpenReferralPaging(page: 3, perPage: 10))
        for (page, perPage) in [
            ("0", ""), ("-1", ""), ("x", ""), ("100001", ""), ("", "0"), ("", "501"),
            ("", "9" + String(repeating: "9", count: 30)),
        ] {
            XCTAssertThrowsError(try OpenReferralPaging.parse(page: page, perPage: perPage).get(), "\(page) \(perPage)")
        }
        let items = Array(1...5)
        let second = OpenReferralPaging(page: 2, perPage: 2).page(of: items)
        XCTAssertEqual(second.contents, [3, 4])
        XCTAssertEqual([second.totalItems, second.totalPages, second.pageNumber, second.size], [5, 3, 2, 2])
        XCTAssertEqual([second.firstPage, second.lastPage, second.empty], [false, false, false])
        let last = OpenReferralPaging(page: 3, perPage: 2).page(of: items)
        XCTAssertEqual(last.contents, [5])
        XCTAssertTrue(last.lastPage)
        let none = OpenReferralPaging().page(of: [Int]())
        XCTAssertEqual([none.totalItems, none.totalPages, none.size], [0, 1, 0])
        XCTAssertTrue(none.empty && none.firstPage && none.lastPage)
    }

    /// An asset without a linked organisation is its own organisation; one linked to the register is a service of
    /// that organisation, published without the register's contact email.
    func testAServiceTakesItsIdsFromItsStoredUUID() {
        let id = "022e99ed-b4a3-42b5-9bb7-8fc2f09c3f63"
        let details = AssetDetails(
            name: "Walking Group", category: .groupsAndNetworks, address: "Park Gates", postcode: "EX4 4AA",
            email: "", website: "not a website", lastCheckedOn: "2026-03-03", status: .paused)
        let mapping = OpenReferralMapping(localities: [:], needs: [:], organisations: [:])
        XCTAssertNil(mapping.service(Asset(id: 1, details: details)), "no stored UUID, nothing published")
        let service = mapping.service(Asset(id: 1, details: details, openReferralID: id))!
        XCTAssertEqual(service.summary.id, id)
        XCTAssertEqual(service.summary.status, "temporarily closed")
        XCTAssertNil(service.summary.url)
        XCTAssertNil(service.summary.email)
        XCTAssertEqual(service.summary.organization.name, "Walking Group")
        XCTAssertEqual(
            service.summary.organizationId,
            OpenReferralIDs.text(OpenReferralIDs.derived(UUID(uuidString: id)!, "organization")))
        XCTAssertEqual(service.serviceAtLocations.first?.location.addresses?.first?.postalCode, "EX4 4AA")
        XCTAssertEqual(service.serviceAreas.first?.name, "The whole area")
        XCTAssertEqual(
            service.attributes.map(\.taxonomyTerm.name),
            ["Associations, groups, forums and networks", "No referral needed"])
        let again = mapping.service(Asset(id: 1, details: details, openReferralID: id))!
        XCTAssertEqual(again.serviceAtLocations.first?.id, service.serviceAtLocations.first?.id)
        XCTAssertEqual(again.attributes.map(\.id), service.attributes.map(\.id))
        let everyID =
            [service.summary.organizationId] + service.serviceAreas.map(\.id) + service.attributes.map(\.id)
            + service.serviceAtLocations.flatMap { [$0.id, $0.locationId] + ($0.location.addresses ?? []).map(\.id) }
        XCTAssertEqual(Set(everyID).count, everyID.count, "ids are unique")
        for text in everyID { XCTAssertTrue(Self.isUUIDText(text), text) }
    }
}
