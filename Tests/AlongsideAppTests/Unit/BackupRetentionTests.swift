import Foundation
import XCTest
@testable import AlongsideApp

/// Which dated backups the timer's `alongside backup --into` keeps (issue 21).
final class BackupRetentionTests: XCTestCase {
    func testKeepsTheNewestOfEachRecentDayAndMonthAndNothingElse() {
        let names = [
            "alongside-20261207-020000.sqlite", "alongside-20261207-140000.sqlite",  // two on the same day
            "alongside-20261206-020000.sqlite", "alongside-20261205-020000.sqlite",
            "alongside-20261130-020000.sqlite", "alongside-20261101-020000.sqlite",  // November
            "alongside-20261015-020000.sqlite", "alongside-20261001-020000.sqlite",  // October
            "alongside-20260915-020000.sqlite",  // September
            "notes.txt", "alongside.before-0027-20261201-000000.sqlite", "alongside-2026-12-01.sqlite",
        ]
        let removed = BackupRetention.toRemove(names, daily: 3, monthly: 2)
        // Days kept: 7th (the 14:00 one), 6th, 5th. Months kept: December (7th 14:00), November (30th).
        XCTAssertEqual(
            removed,
            [
                "alongside-20260915-020000.sqlite", "alongside-20261001-020000.sqlite",
                "alongside-20261015-020000.sqlite", "alongside-20261101-020000.sqlite",
                "alongside-20261207-020000.sqlite",
            ])
        XCTAssertFalse(removed.contains("notes.txt"), "files it did not make are never touched")
        XCTAssertEqual(BackupRetention.toRemove(names, daily: 100, monthly: 100), ["alongside-20261207-020000.sqlite"])
        XCTAssertEqual(BackupRetention.toRemove([], daily: 7, monthly: 12), [])
    }

    func testNamesItMakesAreTheNamesItReads() {
        let name = BackupRetention.fileName(at: Date(timeIntervalSince1970: 1_790_000_000))
        XCTAssertEqual(name, "alongside-20260921-141320.sqlite")
        XCTAssertEqual(BackupRetention.stamp(ofFileNamed: name), "20260921-141320")
        XCTAssertNil(BackupRetention.stamp(ofFileNamed: "alongside-2026092a-141320.sqlite"))
    }
}
