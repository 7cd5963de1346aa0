import Foundation
import XCTest
@testable import AlongsideApp

/// Checking a CSV import before anything is saved: every problem named by row and column, nothing half done.
final class AssetImportTests: XCTestCase {
    let header = AssetCSV.header.joined(separator: ",")

    var known: AssetImport.Known {
        AssetImport.Known(
            assets: [
                7: AssetDetails(
                    name: "Old hub", category: .hubsAndSpaces, localityID: 3, needIDs: [9], lastCheckedOn: "2025-01-01")
            ],
            localities: [
                Locality(id: 1, name: "Northfield"), Locality(id: 2, name: "Southgate PCN", kind: .pcn),
                Locality(id: 3, name: "Old Town", retiredAt: Date(timeIntervalSince1970: 0)),
            ],
            needs: [
                Need(id: 4, name: "Housing"), Need(id: 5, name: "Debt and money"),
                Need(id: 9, name: "Old need", retiredAt: Date(timeIntervalSince1970: 0)),
            ],
            organisations: [OrganisationChoice(id: 11, name: "Example Voluntary Action")], today: "2026-09-20"
        )
    }

    /// A row with every column, changed where given.
    func row(_ changes: [String: String] = [:]) -> String {
        let base: [String: String] = [
            "id": "", "name": "Riverside Walking Group", "category": "Associations, groups, forums and networks",
            "domains": "Personal interests; Local facilities and services", "description": "Walks for all",
            "locality": "northfield",
            "address": "Riverside Park", "postcode": "EX1 1AA", "opening_times": "Saturdays 10am",
            "phone": "'+44 1632 960000",
            "email": "walks@example.org", "website": "walks.example.org", "other_contact": "", "referral_needed": "no",
            "access_information": "Flat paths", "languages": "English", "cost": "Free",
            "needs": "housing; DEBT AND MONEY",
            "last_checked": "2026-09-01", "status": "Active", "listed_publicly": "yes", "organisation": "",
        ]
        let merged = base.merging(changes) { $1 }
        return AssetCSV.header.map { CSVFormat.cell(merged[$0]!) }.joined(separator: ",")
    }

    func problems(_ text: String) -> [AssetImport.Problem] {
        if case .failure(let problems) = AssetImport.check(text, known: known) { return problems.list }
        return []
    }

    func testAGoodFileGivesOneDraftPerRowWithNamesMatchedIgnoringCase() throws {
        // act
        let result = AssetImport.check(
            [header, row(), row(["id": "7", "name": "Old hub", "locality": "Old Town", "needs": "Old need"])]
                .joined(separator: "\r\n") + "\r\n", known: known)
        // check
        let drafts = try result.get()
        XCTAssertEqual(drafts.map(\.row), [2, 3])
        XCTAssertEqual(drafts[0].existingID, nil)
        let first = drafts[0].details
        XCTAssertEqual(first.category, .groupsAndNetworks)
        XCTAssertEqual(first.domains, [.localFacilities, .personalInterests])
        XCTAssertEqual(first.localityID, 1)
        XCTAssertEqual(first.needIDs, [4, 5])
        XCTAssertEqual(first.phone, "+44 1632 960000", "the quote the export adds against formulas is taken off")
        XCTAssertEqual(first.website, "https://walks.example.org")
        XCTAssertFalse(first.referralNeeded)
        XCTAssertTrue(first.listedPublicly)
        XCTAssertEqual(drafts[1].existingID, 7)
        XCTAssertEqual(drafts[1].details.localityID, 3, "an update may keep the retired locality it already has")
    }

    func testEachKindOfBadCellIsReportedByRowAndColumn() {
        // act
        let found = problems(
            [
                header, row(),
                row([
                    "id": "999", "name": "", "category": "Cafés", "domains": "Hobbies", "locality": "Atlantis",
                    "email": "not-an-email",
                    "website": "ftp://example.org", "referral_needed": "maybe", "needs": "Housing; Flying",
                    "last_checked": "2026-02-30",
                    "status": "Open", "listed_publicly": "perhaps", "organisation": "Nobody Ltd",
                ]),
            ].joined(separator: "\n"))
        // check
        XCTAssertEqual(found.map(\.row), Array(repeating: 3, count: 13))
        XCTAssertEqual(
            found.map(\.column),
            [
                "id", "name", "category", "domains", "locality", "needs", "email", "website", "last_checked",
                "status", "organisation", "referral_needed", "listed_publicly",
            ])
        XCTAssertTrue(found[0].message.contains("There is no asset with id \"999\""))
        XCTAssertTrue(found[5].message.contains("\"Flying\" is not a need"))
    }

    func testDatesMustBeRealAndNotInTheFutureAndRetiredNamesNeedAnExistingLink() {
        let found = problems(
            [
                header, row(["last_checked": "3 March 2026"]), row(["last_checked": "2026-09-21"]),
                row(["last_checked": ""]),
                row(["locality": "Old Town"]), row(["needs": "Old need"]),
            ].joined(separator: "\n"))
        XCTAssertEqual(
            found.map { "\($0.row ?? 0) \($0.column)" },
            ["2 last_checked", "3 last_checked", "4 last_checked", "5 locality", "6 needs"])
        XCTAssertTrue(found[1].message.contains("is in the future"))
        XCTAssertTrue(found[3].message.contains("is retired"))
    }

    func testRowsAreNumberedAsASpreadsheetShowsThemEvenWithLineBreaksInsideQuotedCells() {
        // setup: row 2 has a description over three lines; row 3 is blank; row 4 is bad
        let text = [header, row(["description": "Line one\nLine two\r\nLine three"]), "", row(["name": ""])].joined(
            separator: "\r\n")
        // act
        let found = problems(text)
        // check
        XCTAssertEqual(
            found, [AssetImport.Problem(row: 4, column: "name", message: "is empty: every asset needs a name")])
    }

    func testHeaderProblemsAreReportedAgainstRowOne() {
        let renamed = header.replacingOccurrences(of: "postcode", with: "post_code")
        let found = problems([renamed + ",name", row()].joined(separator: "\n"))
        XCTAssertEqual(found.map(\.row), [1, 1, 1])
        XCTAssertEqual(found.map(\.column), ["post_code", "name", "postcode"])
        XCTAssertTrue(found[2].message.contains("is missing"))
    }

    func testAnEmptyOrUnreadableFileIsReported() {
        XCTAssertEqual(problems("  \n").first?.message, "The file is empty: choose a CSV file or paste its text")
        XCTAssertEqual(problems("\(header)\n\"unclosed,cell\n").first?.row, nil)
        XCTAssertTrue(
            problems("\(header)\n\"unclosed,cell\n").first?.message.contains("could not be read as CSV") ?? false)
        XCTAssertTrue(problems(header + "\n").first?.message.contains("no assets") ?? false)
        XCTAssertEqual(
            problems([header, row() + ",extra"].joined(separator: "\n")).first?.message,
            "has more cells than the header has columns (22)")
    }

    func testTheSameAssetTwiceIsRefused() {
        let found = problems(
            [header, row(["id": "7", "locality": ""]), row(["id": "7", "locality": ""])].joined(separator: "\n"))
        XCTAssertEqual(found.map { "\($0.row ?? 0) \($0.column)" }, ["3 id"])
    }

    func testAnExportedMapImportsBackUnchanged() throws {
        // setup
        let details = AssetDetails(
            name: "Harbour \"Lights\" Café, drop-in", category: .vcseOrganisations,
            domains: [.healthAndSocialCare, .personalRelationships],
            description: "Tea, talk\nand company", localityID: 2, address: "1 Quay Street", postcode: "EX2 2BB",
            openingTimes: "Daily",
            phone: "+44 1632 960001", email: "hello@example.org", website: "https://harbour.example.org",
            contactNotes: "=Ask at the bar",
            referralNeeded: true, accessInformation: "Step-free", languages: "English, Welsh", cost: "-£2 suggested",
            needIDs: [5, 4],
            lastCheckedOn: "2026-08-01", status: .paused, listedPublicly: false, organisationID: 11
        )
        let asset = Asset(id: 7, details: details)
        let document = AssetCSV.document(
            [asset], localities: known.localities, needs: known.needs, organisations: known.organisations)
        // act
        let drafts = try AssetImport.check(document, known: known).get()
        // check
        XCTAssertEqual(drafts, [AssetImport.Draft(row: 2, existingID: 7, details: details)])
    }
}
