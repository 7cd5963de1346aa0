import Foundation
import XCTest
@testable import AlongsideApp

/// The asset map's rules as plain functions: the stale rule, the gap analysis and searching.
final class AssetRulesTests: XCTestCase {
    // MARK: the stale rule

    func testAnEntryIsStaleOnlyWhenCheckedBeforeTheCutoff() {
        XCTAssertEqual(StaleRule.cutoff(today: "2026-09-15", months: 12), "2025-09-15")
        XCTAssertFalse(
            StaleRule.isStale(lastCheckedOn: "2025-09-15", today: "2026-09-15", months: 12),
            "exactly twelve months is still recent")
        XCTAssertTrue(StaleRule.isStale(lastCheckedOn: "2025-09-14", today: "2026-09-15", months: 12))
        XCTAssertFalse(StaleRule.isStale(lastCheckedOn: "2026-09-15", today: "2026-09-15", months: 1))
    }

    func testMonthEndsBecomeTheLastDayOfTheShorterMonth() {
        XCTAssertEqual(StaleRule.cutoff(today: "2026-03-31", months: 1), "2026-02-28")
        XCTAssertEqual(StaleRule.cutoff(today: "2028-03-31", months: 1), "2028-02-29", "a leap year")
        XCTAssertEqual(StaleRule.cutoff(today: "2026-05-31", months: 3), "2026-02-28")
        XCTAssertEqual(StaleRule.cutoff(today: "2027-02-28", months: 12), "2026-02-28")
        XCTAssertTrue(StaleRule.isStale(lastCheckedOn: "2026-02-27", today: "2026-03-31", months: 1))
        XCTAssertFalse(StaleRule.isStale(lastCheckedOn: "2026-02-28", today: "2026-03-31", months: 1))
        XCTAssertEqual(StaleRule.cutoff(today: "2026-01-15", months: 60), "2021-01-15")
    }

    func testTodayIsTheLondonDayNotTheUTCDay() {
        // 23:30 UTC on 30 June 2026 is already 1 July in London (British Summer Time).
        let lateEvening = ISO8601DateFormatter().date(from: "2026-06-30T23:30:00Z")!
        let today = LondonTime.isoDay(lateEvening)
        XCTAssertEqual(today, "2026-07-01")
        XCTAssertEqual(StaleRule.cutoff(today: today, months: 1), "2026-06-01")
        XCTAssertTrue(StaleRule.isStale(lastCheckedOn: "2026-05-31", today: today, months: 1))
    }

    // MARK: gap analysis

    func testCountsAssetsPerNeedAndLocalityWithWholeAreaAssetsEverywhere() {
        // setup: needs 1 housing, 2 debt, 3 peer support; localities 10 and 20
        let assets = [
            GapAnalysis.Entry(status: .active, localityID: 10, needIDs: [1, 2]),
            GapAnalysis.Entry(status: .active, localityID: nil, needIDs: [2]),
            GapAnalysis.Entry(status: .active, localityID: 20, needIDs: [1]),
            GapAnalysis.Entry(status: .paused, localityID: 20, needIDs: [3]),
            GapAnalysis.Entry(status: .closed, localityID: nil, needIDs: [3]),
        ]
        // act
        let result = GapAnalysis.analyse(needs: [1, 2, 3], localities: [10, 20], assets: assets)
        // check
        XCTAssertEqual(result.counts[1], [10: 1, 20: 1])
        XCTAssertEqual(result.counts[2], [10: 2, 20: 1], "the whole-area asset counts in both")
        XCTAssertEqual(result.counts[3], [10: 0, 20: 0], "paused and closed assets do not count")
        XCTAssertEqual(result.gaps.map { [$0.needID, $0.localityID] }, [[3, 10], [3, 20]])
        XCTAssertEqual(result.unmetEverywhere, [3])
    }

    func testAnAssetInALocalityNotAnalysedStillMeetsTheNeedSomewhere() {
        let result = GapAnalysis.analyse(
            needs: [1], localities: [10], assets: [GapAnalysis.Entry(status: .active, localityID: 99, needIDs: [1])])
        XCTAssertEqual(result.counts[1], [10: 0])
        XCTAssertEqual(result.gaps.count, 1)
        XCTAssertEqual(result.unmetEverywhere, [], "met in a retired locality, so not unmet everywhere")
    }

    func testNoLocalitiesMeansNoGapCellsButUnmetNeedsAreStillFound() {
        let result = GapAnalysis.analyse(
            needs: [1, 2], localities: [], assets: [GapAnalysis.Entry(status: .active, localityID: nil, needIDs: [2])])
        XCTAssertTrue(result.gaps.isEmpty)
        XCTAssertEqual(result.unmetEverywhere, [1])
    }

    // MARK: searching

    func asset(
        _ id: Int64, _ name: String, category: AssetCategory = .groupsAndNetworks, locality: Int64? = nil,
        needs: [Int64] = [],
        referral: Bool = false, languages: String = "", status: AssetStatus = .active, listed: Bool = true,
        checked: String = "2026-01-01"
    ) -> Asset {
        Asset(
            id: id,
            details: AssetDetails(
                name: name, category: category, description: "A friendly \(name.lowercased()) for everyone",
                localityID: locality, referralNeeded: referral, languages: languages, needIDs: needs,
                lastCheckedOn: checked, status: status, listedPublicly: listed))
    }

    func testEveryWordMustAppearInNameDescriptionLanguagesCategoryOrNeeds() {
        let walking = asset(1, "Riverside Walking Group", needs: [5], languages: "English, Polish")
        let names: [Int64: String] = [5: "Physical activity"]
        XCTAssertTrue(AssetSearch(words: "walking").matches(walking, needNames: names))
        XCTAssertTrue(
            AssetSearch(words: "FRIENDLY polish").matches(walking, needNames: names),
            "case ignored; description and languages")
        XCTAssertTrue(AssetSearch(words: "physical").matches(walking, needNames: names), "need names")
        XCTAssertTrue(AssetSearch(words: "forums").matches(walking, needNames: names), "the category in words")
        XCTAssertFalse(AssetSearch(words: "walking debt").matches(walking, needNames: names), "every word must match")
        XCTAssertTrue(AssetSearch(words: "cafe").matches(asset(2, "Café Corner"), needNames: [:]), "accents ignored")
    }

    func testLocalityNeedAndReferralFilters() {
        let north = asset(1, "North hub", locality: 10, needs: [1])
        let everywhere = asset(2, "Helpline", locality: nil, needs: [2], referral: true)
        XCTAssertTrue(AssetSearch(localityID: 10).matches(north, needNames: [:]))
        XCTAssertFalse(AssetSearch(localityID: 20).matches(north, needNames: [:]))
        XCTAssertTrue(
            AssetSearch(localityID: 20).matches(everywhere, needNames: [:]), "a whole-area asset serves every locality")
        XCTAssertTrue(AssetSearch(needID: 1).matches(north, needNames: [:]))
        XCTAssertFalse(AssetSearch(needID: 1).matches(everywhere, needNames: [:]))
        XCTAssertFalse(AssetSearch(noReferralNeeded: true).matches(everywhere, needNames: [:]))
        XCTAssertTrue(AssetSearch(noReferralNeeded: true).matches(north, needNames: [:]))
        XCTAssertTrue(AssetSearch(staleOnly: ("2027-06-01", 12)).matches(north, needNames: [:]))
        XCTAssertFalse(AssetSearch(staleOnly: ("2026-06-01", 12)).matches(north, needNames: [:]))
    }

    func testTheDirectoryShowsListedAssetsThatAreNotClosed() {
        XCTAssertTrue(DirectoryRules.isShown(asset(1, "Open")))
        XCTAssertTrue(DirectoryRules.isShown(asset(2, "Paused", status: .paused)))
        XCTAssertFalse(DirectoryRules.isShown(asset(3, "Closed", status: .closed)))
        XCTAssertFalse(DirectoryRules.isShown(asset(4, "Private", listed: false)))
    }
}
