import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// Keeping the map true (the review of entries due for a check, its setting) and useful (gaps and exports).
final class AssetReviewTests: XCTestCase {
    func testStaleEntriesAreListedOldestFirstAndMarkingOneCheckedTakesItOff() async throws {
        try await withApp { app in
            // setup
            let today = AssetFixtures.today(app)
            let recent = try await AssetFixtures.asset(app, "Recent Club")
            let older = try await AssetFixtures.asset(
                app, "Older Club", checked: LondonTime.addingMonths(-14, to: today)!)
            _ = try await AssetFixtures.asset(app, "Oldest Club", checked: LondonTime.addingMonths(-30, to: today)!)
            let (keeper, _) = try await app.signedIn(as: .expertByExperience)
            let review = try await keeper.get("/assets/review")
            XCTAssertFalse(review.contains("Recent Club"))
            let oldest = try XCTUnwrap(review.html.range(of: "Oldest Club")),
                olderAt = try XCTUnwrap(review.html.range(of: "Older Club"))
            XCTAssertLessThan(oldest.lowerBound, olderAt.lowerBound)
            XCTAssertTrue(review.contains("Still correct: mark as checked today"))
            // act
            let checked = try await keeper.post("/assets/\(older)/checked", [("from", "review")])
            // check
            XCTAssertEqual(checked.location, "/assets/review")
            let after = try await keeper.get("/assets/review")
            XCTAssertTrue(after.contains("Older Club is marked as checked today, \(LondonTime.day(today))."))
            XCTAssertFalse(after.contains("<a href=\"/assets/\(older)\">"))
            let stored = try await app.services.pool.read { db in
                try String.fetchOne(
                    db, sql: "SELECT last_checked_on || ' v' || version FROM assets WHERE id = ?", arguments: [older])
            }
            XCTAssertEqual(stored, "\(today) v2")
            let audit = try await AssetFixtures.count(
                app, "SELECT COUNT(*) FROM audit_events WHERE action = 'checked' AND record_kind = 'asset'")
            XCTAssertEqual(audit, 1)
            // from the asset's own page it goes back there
            let fromPage = try await keeper.post("/assets/\(recent)/checked")
            XCTAssertEqual(fromPage.location, "/assets/\(recent)")
            // a member sees the list but no buttons
            let (member, _) = try await app.signedIn(as: .member)
            let readOnly = try await member.get("/assets/review")
            XCTAssertTrue(readOnly.contains("Oldest Club"))
            XCTAssertFalse(readOnly.contains("mark as checked today"))
        }
    }

    func testTheSettingChangesWhatIsDueAndRefusesNonsense() async throws {
        try await withApp { app in
            let today = AssetFixtures.today(app)
            _ = try await AssetFixtures.asset(app, "Seven Months", checked: LondonTime.addingMonths(-7, to: today)!)
            let (keeper, _) = try await app.signedIn(as: .administrator)
            let before = try await keeper.get("/assets/review")
            XCTAssertFalse(before.contains("Seven Months"))
            let form = try await keeper.get("/assets/settings")
            XCTAssertEqual(form.inputValue("stale_after_months"), "12")
            for bad in ["0", "61", "six", ""] {
                let refused = try await keeper.post("/assets/settings", [("stale_after_months", bad)])
                XCTAssertEqual(refused.status, .unprocessableContent, bad)
                XCTAssertEqual(refused.errorSummary, ["Enter a whole number of months from 1 to 60"])
                XCTAssertEqual(refused.inputValue("stale_after_months"), bad)
            }
            let saved = try await keeper.post("/assets/settings", [("stale_after_months", "6")])
            XCTAssertEqual(saved.location, "/assets/review")
            let after = try await keeper.get("/assets/review")
            XCTAssertTrue(after.contains("Seven Months"))
            XCTAssertTrue(after.contains("more than 6 months ago"))
            let audit = try await AssetFixtures.count(
                app, "SELECT COUNT(*) FROM audit_events WHERE record_kind = 'asset_map_settings'")
            XCTAssertEqual(audit, 1)
        }
    }

    func testTheGapAnalysisSaysGapInWordsAndListsUnmetNeeds() async throws {
        try await withApp { app in
            // setup
            let north = try await AssetFixtures.locality(app, "Northfield")
            let south = try await AssetFixtures.locality(app, "Southgate", kind: .pcn)
            let housing = try await AssetFixtures.need(app, "Housing")
            let peer = try await AssetFixtures.need(app, "Peer support")
            _ = try await AssetFixtures.asset(app, "Northfield Housing", locality: north, needs: [housing])
            _ = try await AssetFixtures.asset(app, "Peer Line", needs: [peer])
            _ = try await AssetFixtures.asset(app, "Closed Housing", locality: south, needs: [housing], status: .closed)
            let (member, _) = try await app.signedIn(as: .member)
            // act
            let page = try await member.get("/assets/gaps")
            // check
            XCTAssertTrue(page.contains(#"<caption id="gaps-caption">Active assets meeting each need, by locality"#))
            XCTAssertTrue(page.contains(#"<th scope="col" class="numeric">Southgate (primary care network)</th>"#))
            XCTAssertTrue(
                page.contains(
                    #"<tr><th scope="row">Housing</th><td class="numeric">1</td><td class="numeric"><strong class="tag tag-missing">Gap</strong></td></tr>"#
                ))
            XCTAssertTrue(
                page.contains(
                    #"<tr><th scope="row">Peer support</th><td class="numeric">1</td><td class="numeric">1</td></tr>"#))
            XCTAssertTrue(page.contains("<li>Housing in Southgate (primary care network)</li>"))
            XCTAssertTrue(page.contains("<li>Employment</li>"), "a seeded need nothing meets")
            XCTAssertFalse(page.contains("<li>Housing</li>"))
        }
    }

    func testTheCSVExportHoldsEveryAsset() async throws {
        try await withApp { app in
            let north = try await AssetFixtures.locality(app, "Northfield")
            let housing = try await AssetFixtures.need(app, "Housing")
            let organisation = try await AllianceFixtures.organisation(app, name: "Example Voluntary Action")
            let linked = try await AssetFixtures.asset(
                app, "Advice Desk", category: .vcseOrganisations, locality: north, needs: [housing])
            try await app.services.pool.write { db in
                try db.execute(
                    sql:
                        "UPDATE assets SET organisation_id = ?, address = '2 High Street', postcode = 'EX3 3CC' WHERE id = ?",
                    arguments: [organisation, linked])
            }
            let own = try await AssetFixtures.asset(app, "=Sneaky Group", status: .paused)
            let (member, _) = try await app.signedIn(as: .member)
            // act
            let csv = try await member.get("/assets.csv")
            // check
            XCTAssertEqual(csv.headers[.contentType], "text/csv; charset=utf-8")
            XCTAssertTrue(csv.headers[.contentDisposition]?.contains("community-assets-") ?? false)
            XCTAssertTrue(csv.html.hasPrefix(AssetCSV.header.joined(separator: ",") + "\r\n"))
            XCTAssertTrue(
                csv.contains(
                    "\(linked),Advice Desk,\"Voluntary, community and social enterprise (VCSE) organisations\",,About Advice Desk,Northfield,2 High Street,EX3 3CC"
                ))
            XCTAssertTrue(csv.contains("\(own),'=Sneaky Group,"), "a formula-like cell is made text")
        }
    }
}
