import GRDB
import XCTest

@testable import AlongsideApp

/// Migration 0021 (issue 18): every asset and register organisation already kept gets its own random version 4 UUID,
/// every one added later gets one as it is inserted, and none ever changes.
final class OpenReferralMigrationTests: XCTestCase {
    static func isVersion4(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        return groups.map(\.count) == [8, 4, 4, 4, 12]
            && groups.allSatisfy { $0.allSatisfy { "0123456789abcdef".contains($0) } }
            && groups[2].hasPrefix("4") && "89ab".contains(groups[3].first!)
    }

    func testExistingAndNewRowsGetTheirOwnVersion4UUIDThatNeverChanges() throws {
        // setup: a database as it was before 0021, with assets and organisations in it
        let migrator = try Migrator(directory: repositoryRoot + "/Migrations")
        let pool = try AppDatabase.open(path: try temporaryFolder(self) + "/db.sqlite")
        try Migrator(migrations: migrator.migrations.filter { $0.version <= 20 }).migrate(pool)
        try pool.write { db in
            for name in ["One", "Two", "Three"] {
                try db.execute(
                    sql: """
                        INSERT INTO assets (name, category, last_checked_on, created_at, updated_at)
                        VALUES (?, 'hubs_and_spaces', '2026-03-03', 't', 't')
                        """, arguments: [name])
                try db.execute(
                    sql:
                        "INSERT INTO organisations (name, sector, created_at, updated_at) VALUES (?, 'other', 't', 't')",
                    arguments: [name])
            }
        }
        // act
        XCTAssertTrue(try migrator.migrate(pool).contains(21))
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO assets (name, category, last_checked_on, created_at, updated_at)
                    VALUES ('Four', 'hubs_and_spaces', '2026-03-03', 't', 't')
                    """)
            try db.execute(
                sql:
                    "INSERT INTO organisations (name, sector, created_at, updated_at) VALUES ('Four', 'other', 't', 't')"
            )
        }
        // check
        for table in ["assets", "organisations"] {
            let ids = try pool.read { db in
                try String?.fetchAll(db, sql: "SELECT open_referral_id FROM \(table) ORDER BY id")
            }
            XCTAssertEqual(ids.count, 4, table)
            XCTAssertEqual(Set(ids.compactMap { $0 }).count, 4, "\(table): each row has its own")
            for id in ids { XCTAssertTrue(Self.isVersion4(id ?? ""), "\(table): \(id ?? "nil")") }
            let before = ids
            try pool.write { db in try db.execute(sql: "UPDATE \(table) SET name = name || '!'") }
            XCTAssertEqual(
                try pool.read { db in
                    try String?.fetchAll(db, sql: "SELECT open_referral_id FROM \(table) ORDER BY id")
                }, before, "\(table): an edit keeps the id")
            XCTAssertThrowsError(
                try pool.write { db in
                    try db.execute(
                        sql: "UPDATE \(table) SET open_referral_id = lower(hex(randomblob(16))) WHERE id = 1")
                }, "\(table): the id never changes")
            XCTAssertThrowsError(
                try pool.write { db in
                    try db.execute(sql: "UPDATE \(table) SET open_referral_id = NULL WHERE id = 1")
                }, "\(table): the id is never taken away")
        }
    }
}
