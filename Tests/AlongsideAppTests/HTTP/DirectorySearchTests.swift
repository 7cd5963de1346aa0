import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// The directory asks SQLite for its candidates (cheap filters in SQL, words through the trigram index of migration
/// 0019); it must find exactly what checking every asset with the word rule finds, in the same order.
final class DirectorySearchTests: XCTestCase {
    func testTheIndexFindsWhatTheWordRuleFinds() async throws {
        try await withApp { app in
            // setup
            let north = try await AssetFixtures.locality(app, "North Shore")
            let debt = try await AssetFixtures.need(app, "Debt and money")
            let store = AssetStore(pool: app.services.pool, clock: app.services.clock)
            let names = AssetNames(
                localities: try await LocalityStore(pool: app.services.pool, clock: app.services.clock).all(),
                needs: try await NeedStore(pool: app.services.pool, clock: app.services.clock).all())
            for (name, description, languages) in [
                ("Peer Support Circle", "A friendly group", "English"),
                ("Harbour Lights Café", "Coffee and a chat", "English, Polish"),
                ("Cafe Corner", "Tea", "English"), ("ZEBRA crossing club", "Line dancing\nevery week", "Welsh"),
                ("Łódź friends", "Polish speakers", "Polski"), ("Straße Walkers", "Walking in the hills", "Deutsch"),
                ("Quote \"club\"", "Says \"hello\"", ""), ("Naïve art", "Painting", "English"),
                ("Money matters", "Advice", "English"),
            ] {
                var details = AssetDetails(
                    name: name, category: .groupsAndNetworks, description: description, languages: languages,
                    lastCheckedOn: AssetFixtures.today(app))
                if name.hasPrefix("Money") { details.needIDs = [debt] }
                if name.hasPrefix("Cafe") { details.localityID = north; details.referralNeeded = true }
                if name.hasPrefix("ZEBRA") { details.category = .localEconomy }
                if name.hasPrefix("Naïve") { details.listedPublicly = false }
                _ = try await store.create(details, by: .commandLine, requestID: nil)
            }
            let searches = [
                "support", "SUPPORT", "port", "cafe", "CAFÉ", "café corner", "coffee chat", "polish", "polski", "łódź",
                "lodz", "odz",
                "strasse", "straße", "walk", "dancing every", "zebra", "economy", "debt", "money", "\"club\"", "club",
                "\"", "a", "ca",
                "naive", "nothing-like-this", "friend", "ENGLISH", "e", "forums",
            ]
            for words in searches {
                for (locality, noReferral, need) in [
                    (Int64?.none, false, Int64?.none), (north, false, nil), (nil, true, nil), (nil, false, debt),
                ] {
                    let search = AssetSearch(
                        words: words, localityID: locality, needID: need, noReferralNeeded: noReferral)
                    // act
                    let found = try await store.directoryCandidates(search, needNames: names.needNames)
                        .filter { DirectoryRules.isShown($0) && search.matches($0, needNames: names.needNames) }
                    // check
                    let expected = try await store.all().filter {
                        DirectoryRules.isShown($0) && search.matches($0, needNames: names.needNames)
                    }
                    XCTAssertEqual(found.map(\.id), expected.map(\.id), "words \(words.debugDescription), \(search)")
                }
            }
        }
    }

    func testTheIndexNarrowsAndFollowsEdits() async throws {
        try await withApp { app in
            // setup
            let walking = try await AssetFixtures.asset(app, "Walking group")
            _ = try await AssetFixtures.asset(app, "Debt advice")
            let store = AssetStore(pool: app.services.pool, clock: app.services.clock)
            let search = AssetSearch(words: "walk")
            // act
            let before = try await store.directoryCandidates(search, needNames: [:])
            let stored = try await store.asset(id: walking)
            var details = try XCTUnwrap(stored).details
            details.name = "Rambling group"
            details.description = "Out on Sundays"
            _ = try await store.update(walking, details, expectedVersion: 1, by: .commandLine, requestID: nil)
            let after = try await store.directoryCandidates(search, needNames: [:])
            let renamed = try await store.directoryCandidates(AssetSearch(words: "rambling"), needNames: [:])
            // check
            XCTAssertEqual(before.map(\.id), [walking], "only the asset holding the word is read")
            XCTAssertEqual(after.map(\.id), [])
            XCTAssertEqual(renamed.map(\.id), [walking])
        }
    }
}
