import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// The public community directory: no sign-in, only what is listed publicly and not closed.
final class DirectoryTests: XCTestCase {
    func testAnyoneSearchesTheDirectoryWithoutSigningIn() async throws {
        try await withApp { app in
            // setup
            let north = try await AssetFixtures.locality(app, "Northfield")
            let south = try await AssetFixtures.locality(app, "Southgate")
            let debt = try await AssetFixtures.need(app, "Debt and money")
            let walks = try await AssetFixtures.asset(app, "Riverside Walking Group", locality: north)
            _ = try await AssetFixtures.asset(
                app, "Money Advice Line", category: .vcseOrganisations, needs: [debt], referral: true)
            _ = try await AssetFixtures.asset(app, "Southgate Choir", locality: south, status: .paused)
            let visitor = app.browser()
            // act
            let all = try await visitor.get("/directory")
            // check
            XCTAssertEqual(all.status, .ok)
            XCTAssertEqual(all.h1, "Community directory")
            XCTAssertTrue(all.contains("3 places and services"))
            XCTAssertTrue(all.contains(#"<ul class="card-list">"#))
            XCTAssertFalse(all.contains("<table"), "cards, not a wide table")
            XCTAssertTrue(all.contains("Paused at the moment"))
            let words = try await visitor.get("/directory?words=walking")
            XCTAssertTrue(words.contains("1 place or service found"))
            XCTAssertTrue(words.contains(#"<a href="/directory/\#(walks)">Riverside Walking Group</a>"#))
            let inNorth = try await visitor.get("/directory?locality=\(north)")
            XCTAssertTrue(
                inNorth.contains("2 places and services found"), "the whole-area advice line serves Northfield too")
            let byNeed = try await visitor.get("/directory?need=\(debt)")
            XCTAssertTrue(byNeed.contains("Money Advice Line"))
            XCTAssertFalse(byNeed.contains("Riverside Walking Group"))
            let noReferral = try await visitor.get("/directory?no_referral=yes&words=advice")
            XCTAssertTrue(noReferral.contains("Nothing matches your search."))
            XCTAssertTrue(noReferral.contains("Untick"))
            let entry = try await visitor.get("/directory/\(walks)")
            XCTAssertEqual(entry.status, .ok)
            XCTAssertEqual(entry.h1, "Riverside Walking Group")
            XCTAssertTrue(entry.contains("No referral needed: get in touch directly"))
            XCTAssertTrue(entry.contains("<dt>Where</dt><dd>Northfield</dd>"))
            XCTAssertFalse(entry.contains("In the public directory"), "not the staff view")
        }
    }

    func testHiddenAndClosedEntriesAreNotFound() async throws {
        try await withApp { app in
            let hidden = try await AssetFixtures.asset(
                app, "Jo, community champion", category: .individualVolunteers, listed: false)
            let closed = try await AssetFixtures.asset(app, "Old Café", status: .closed)
            let visitor = app.browser()
            let all = try await visitor.get("/directory")
            XCTAssertFalse(all.contains("Jo, community champion"))
            XCTAssertFalse(all.contains("Old Café"))
            XCTAssertTrue(all.contains("0 places and services"))
            for path in ["/directory/\(hidden)", "/directory/\(closed)", "/directory/999", "/directory/abc"] {
                let missing = try await visitor.get(path)
                XCTAssertEqual(missing.status, .notFound, path)
            }
            let (member, _) = try await app.signedIn(as: .member)
            let signedIn = try await member.get("/directory/\(hidden)")
            XCTAssertEqual(signedIn.status, .notFound, "signing in does not reveal it in the public directory")
            let staff = try await member.get("/assets/\(hidden)")
            XCTAssertTrue(staff.contains("It is not in the public community directory."))
        }
    }

    func testLongResultsComeTwentyToAPageAndThePagesKeepTheSearch() async throws {
        try await withApp { app in
            // setup: 25 walking groups in Northfield, names sorting as "Walk 01" to "Walk 25"
            let north = try await AssetFixtures.locality(app, "Northfield")
            for number in 1...25 {
                _ = try await AssetFixtures.asset(app, String(format: "Walk %02d", number), locality: north)
            }
            let visitor = app.browser()
            // act
            let first = try await visitor.get("/directory?words=walk&locality=\(north)")
            let second = try await visitor.get("/directory?words=walk&locality=\(north)&page=2")
            let beyond = try await visitor.get("/directory?words=walk&locality=\(north)&page=9")
            // check
            XCTAssertTrue(first.contains("25 places and services found"))
            XCTAssertTrue(first.contains("Showing 1 to 20, page 1 of 2"))
            XCTAssertEqual(first.allMatches(#"(<li class="card">)"#).count, 20)
            XCTAssertTrue(first.contains("Walk 20") && !first.contains("Walk 21"))
            XCTAssertTrue(
                first.contains(
                    #"<a href="/directory?words=walk&amp;locality=\#(north)&amp;page=2" rel="next">Next page</a>"#))
            XCTAssertFalse(first.contains("Previous page"))
            XCTAssertTrue(second.contains("Showing 21 to 25, page 2 of 2"))
            XCTAssertEqual(second.allMatches(#"(<li class="card">)"#).count, 5)
            XCTAssertTrue(
                second.contains(
                    #"<a href="/directory?words=walk&amp;locality=\#(north)&amp;page=1" rel="prev">Previous page</a>"#))
            XCTAssertFalse(second.contains("Next page"))
            XCTAssertTrue(beyond.contains("Showing 21 to 25, page 2 of 2"), "a page past the end shows the last")
        }
    }

    func testPagingSlicesTheResults() {
        XCTAssertEqual(
            DirectoryPaging(count: 0, pageSize: 20, requested: 1), DirectoryPaging(count: 0, pageSize: 20, requested: 5)
        )
        XCTAssertEqual(DirectoryPaging(count: 0, pageSize: 20, requested: 1).range, 0..<0)
        XCTAssertEqual(DirectoryPaging(count: 40, pageSize: 20, requested: 2).range, 20..<40)
        XCTAssertEqual(DirectoryPaging(count: 41, pageSize: 20, requested: 3).range, 40..<41)
        XCTAssertEqual(DirectoryPaging(count: 41, pageSize: 20, requested: -4).page, 1)
        XCTAssertEqual(DirectoryPaging(count: 41, pageSize: 20, requested: 1).pages, 3)
    }
}
