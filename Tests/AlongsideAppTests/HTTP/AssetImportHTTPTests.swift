import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// Importing assets from a spreadsheet through the page: nothing changes if any row is bad.
final class AssetImportHTTPTests: XCTestCase {
    static let header = AssetCSV.header.joined(separator: ",")

    static func row(id: String = "", name: String, locality: String = "Northfield", checked: String) -> String {
        "\(id),\(name),\"Associations, groups, forums and networks\",Personal interests,Walks,\(locality),,,,,,,,no,,English,Free,Housing; Peer support,\(checked),Active,yes,"
    }

    func testABadRowChangesNothingAndIsReportedThenTheFixedFileImports() async throws {
        try await withApp { app in
            // setup
            _ = try await AssetFixtures.locality(app, "Northfield")
            let existing = try await AssetFixtures.asset(app, "Old Name")
            let (keeper, _) = try await app.signedIn(as: .expertByExperience, name: "Finley Keeper")
            let form = try await keeper.get("/assets/import")
            XCTAssertTrue(form.contains(#"enctype="multipart/form-data""#))
            XCTAssertTrue(form.contains(#"href="/assets.csv""#))
            let today = AssetFixtures.today(app)
            let bad = [
                Self.header, Self.row(name: "Riverside Walks", checked: today),
                Self.row(name: "Moor Walks", locality: "Atlantis", checked: today),
                Self.row(id: String(existing), name: "New Name", checked: today),
            ].joined(separator: "\r\n")
            // act
            let refused = try await keeper.post("/assets/import", [("csv", bad)])
            // check
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertEqual(refused.errorSummary, ["The file has a problem: nothing was imported. It is listed below"])
            XCTAssertTrue(
                refused.contains(
                    #"<tr><th scope="row">Row 3</th><td>locality</td><td>&quot;Atlantis&quot; is not a locality"#))
            XCTAssertTrue(refused.contains("Moor Walks"), "the pasted text stays in the box")
            let count = try await AssetFixtures.count(app)
            XCTAssertEqual(count, 1)
            let name = try await app.services.pool.read { db in
                try String.fetchOne(db, sql: "SELECT name FROM assets WHERE id = ?", arguments: [existing])
            }
            XCTAssertEqual(name, "Old Name", "the good update was not applied either")
            // act: fixed and sent as a file
            let fixed = bad.replacingOccurrences(of: "Atlantis", with: "northfield")
            let imported = try await keeper.postMultipart(
                "/assets/import", [("csv", "")], file: ("file", "\u{FEFF}" + fixed))
            // check
            XCTAssertEqual(imported.status, .seeOther)
            XCTAssertEqual(imported.location, "/assets")
            let list = try await keeper.get("/assets")
            XCTAssertTrue(list.contains("Imported 3 assets: 2 added, 1 updated."))
            let after = try await AssetFixtures.count(app)
            XCTAssertEqual(after, 3)
            let needs = try await AssetFixtures.count(app, "SELECT COUNT(*) FROM asset_needs")
            XCTAssertEqual(needs, 6)
            let audits = try await app.services.pool.read { db in
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT summary FROM audit_events WHERE actor_label = 'Finley Keeper' AND record_kind IN ('asset', 'asset_import') ORDER BY id"
                )
            }
            XCTAssertEqual(
                audits,
                [
                    "Added the asset \"Riverside Walks\" from an import (row 2)",
                    "Added the asset \"Moor Walks\" from an import (row 3)",
                    "Updated the asset \"New Name\" from an import (row 4)",
                    "Imported 3 assets from a spreadsheet: 2 added, 1 updated",
                ])
        }
    }

    func testAFileUploadIsCheckedAndAMultipartPostStillNeedsItsToken() async throws {
        try await withApp { app in
            let (keeper, _) = try await app.signedIn(as: .programmeManager)
            _ = try await keeper.get("/assets/import")
            let noToken = try await keeper.postMultipart("/assets/import", file: ("file", "id,name\n"), csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            let headerOnly = try await keeper.postMultipart("/assets/import", file: ("file", "id,name\n,Somewhere\n"))
            XCTAssertEqual(headerOnly.status, .unprocessableContent)
            XCTAssertTrue(headerOnly.contains("is missing from the header"))
            let empty = try await keeper.postMultipart("/assets/import", [("csv", "")])
            XCTAssertTrue(empty.contains("The file is empty"))
            let (member, _) = try await app.signedIn(as: .member, email: "member@example.org")
            _ = try await member.get("/assets")
            let refused = try await member.postMultipart("/assets/import", file: ("file", "id,name\n"))
            XCTAssertEqual(refused.status, .forbidden)
        }
    }
}
