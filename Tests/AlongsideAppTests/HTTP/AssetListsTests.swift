import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// The needs and localities lists the group keeps for the map.
final class AssetListsTests: XCTestCase {
    func testAKeeperAddsRenamesRetiresAndBringsBackALocality() async throws {
        try await withApp { app in
            let (keeper, _) = try await app.signedIn(as: .allianceLead)
            let empty = try await keeper.get("/assets/localities")
            XCTAssertTrue(empty.contains("Nothing listed yet."))
            // act: a mistake, then added
            let noKind = try await keeper.post("/assets/localities", [("name", "Northfield")])
            XCTAssertEqual(noKind.status, .unprocessableContent)
            XCTAssertEqual(noKind.errorSummary, ["Select whether it is a locality or a primary care network"])
            XCTAssertEqual(noKind.inputValue("name"), "Northfield")
            let added = try await keeper.post("/assets/localities", [("name", "Northfield"), ("kind", "pcn")])
            XCTAssertEqual(added.location, "/assets/localities")
            let list = try await keeper.get("/assets/localities")
            XCTAssertTrue(list.contains("Added &quot;Northfield&quot; to the list."))
            XCTAssertTrue(list.contains("Northfield</a></th><td>Primary care network</td><td class=\"numeric\">0</td>"))
            let id = try await AssetFixtures.count(app, "SELECT id FROM localities WHERE name = 'Northfield'")
            let taken = try await keeper.post("/assets/localities", [("name", "NORTHFIELD"), ("kind", "locality")])
            XCTAssertEqual(taken.errorSummary, ["There is already a locality called \"Northfield\""])
            // rename
            let page = try await keeper.get("/assets/localities/\(id)")
            XCTAssertEqual(page.h1, "Locality: Northfield")
            XCTAssertTrue(page.contains(#"value="pcn" checked"#), "its kind is chosen")
            let renamed = try await keeper.post(
                "/assets/localities/\(id)", [("name", "Northfield and Moor"), ("kind", "pcn")])
            XCTAssertEqual(renamed.status, .seeOther)
            let blank = try await keeper.post("/assets/localities/\(id)", [("name", " "), ("kind", "pcn")])
            XCTAssertEqual(blank.errorSummary, ["Enter the locality's name"])
            // retire: no longer offered on the asset form
            let retired = try await keeper.post("/assets/localities/\(id)/retire")
            XCTAssertEqual(retired.location, "/assets/localities/\(id)")
            let retiredPage = try await keeper.get("/assets/localities/\(id)")
            XCTAssertTrue(retiredPage.contains("is retired. It is no longer offered on forms or in the gap analysis"))
            let form = try await keeper.get("/assets/new")
            XCTAssertFalse(form.contains("Northfield and Moor"))
            let retiredName = try await keeper.post(
                "/assets/localities", [("name", "northfield and moor"), ("kind", "pcn")])
            XCTAssertEqual(
                retiredName.errorSummary,
                [
                    "There is already a retired locality called \"Northfield and Moor\": bring it back from its page instead"
                ])
            _ = try await keeper.get("/assets/localities/\(id)")
            let restored = try await keeper.post("/assets/localities/\(id)/restore")
            XCTAssertEqual(restored.status, .seeOther)
            let back = try await keeper.get("/assets/new")
            XCTAssertTrue(back.contains("Northfield and Moor (primary care network)"))
            let audits = try await app.services.pool.read { db in
                try String.fetchAll(
                    db, sql: "SELECT action FROM audit_events WHERE record_kind = 'locality' ORDER BY id")
            }
            XCTAssertEqual(audits, ["created", "updated", "retired", "restored"])
        }
    }

    func testTheSeededNeedsCanBeEditedAndRetiredAndTheGapAnalysisFollows() async throws {
        try await withApp { app in
            _ = try await AssetFixtures.locality(app, "Northfield")
            let carers = try await AssetFixtures.need(app, "Carers")
            let (keeper, _) = try await app.signedIn(as: .programmeManager)
            let list = try await keeper.get("/assets/needs")
            XCTAssertTrue(list.contains("Housing"))
            XCTAssertTrue(list.contains("A safe, settled home, and help to keep it."))
            let added = try await keeper.post(
                "/assets/needs", [("name", "Gardening"), ("description", "Growing things together")])
            XCTAssertEqual(added.status, .seeOther)
            let duplicate = try await keeper.post("/assets/needs", [("name", "housing")])
            XCTAssertEqual(duplicate.errorSummary, ["There is already a need called \"Housing\""])
            let edited = try await keeper.post(
                "/assets/needs/\(carers)",
                [("name", "Unpaid carers"), ("description", "Families and friends who care")])
            XCTAssertEqual(edited.status, .seeOther)
            _ = try await keeper.get("/assets/needs/\(carers)")
            _ = try await keeper.post("/assets/needs/\(carers)/retire")
            _ = try await keeper.get("/assets/needs/\(carers)")
            let gaps = try await keeper.get("/assets/gaps")
            XCTAssertTrue(gaps.contains("<li>Gardening</li>"))
            XCTAssertFalse(gaps.contains("Unpaid carers"), "a retired need is not analysed")
            let again = try await keeper.post("/assets/needs/\(carers)/retire")
            XCTAssertEqual(again.status, .seeOther)
            let audits = try await AssetFixtures.count(
                app, "SELECT COUNT(*) FROM audit_events WHERE record_kind = 'need'")
            XCTAssertEqual(audits, 3, "retiring twice writes nothing the second time")
        }
    }
}
