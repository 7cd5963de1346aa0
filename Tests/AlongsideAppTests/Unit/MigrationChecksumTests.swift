import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// Upgrades that cannot damage data (issue 21): each applied migration's checksum is kept and a changed one refused;
/// the status of every migration; a copy taken before migrating a database that holds data; and the repair of the two
/// migrations that were edited after release.
final class MigrationChecksumTests: XCTestCase {
    let first = Migrator.Migration(version: 1, name: "0001_a", sql: "CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT)")
    let second = Migrator.Migration(version: 2, name: "0002_b", sql: "CREATE TABLE b (id INTEGER PRIMARY KEY)")

    func testAReleasedMigrationThatChangedIsRefusedAndChangesNothing() throws {
        let pool = try AppDatabase.open(path: try temporaryFolder(self) + "/db.sqlite")
        try Migrator(migrations: [first]).migrate(pool)
        let edited = Migrator.Migration(
            version: 1, name: "0001_a", sql: "CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT, w TEXT)")
        XCTAssertThrowsError(try Migrator(migrations: [edited, second]).migrate(pool)) { error in
            XCTAssertEqual(error as? Migrator.MigrationError, .changedAfterApplied(version: 1, name: "0001_a"))
            XCTAssertTrue("\(error)".contains("Never edit a released migration"), "\(error)")
        }
        let secondApplied = try pool.read { db in try db.tableExists("b") }
        XCTAssertFalse(secondApplied, "nothing after the refusal")
        let states = try Migrator(migrations: [edited, second]).status(pool).map(\.state)
        guard case .changed = states[0] else { return XCTFail("\(states)") }
        XCTAssertEqual(states[1], .pending)
        XCTAssertEqual(try Migrator(migrations: [first, second]).migrate(pool), [2], "the file put back: it goes on")
    }

    func testADatabaseFromBeforeChecksumsRecordsThemAndIsThenHeldToThem() throws {
        let pool = try AppDatabase.open(path: try temporaryFolder(self) + "/db.sqlite")
        try pool.write { db in
            try db.execute(
                sql:
                    "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            try db.execute(sql: first.sql)
            try db.execute(sql: "INSERT INTO schema_migrations VALUES (1, '0001_a', '2026-01-01T00:00:00Z')")
        }
        XCTAssertEqual(try Migrator(migrations: [first, second]).migrate(pool), [2])
        let stored = try pool.read { db in
            try String.fetchAll(db, sql: "SELECT checksum FROM schema_migrations ORDER BY version")
        }
        XCTAssertEqual(stored, [first.checksum, second.checksum])
        XCTAssertEqual(first.checksum.count, 64)
        let edited = Migrator.Migration(version: 2, name: "0002_b", sql: second.sql + ";")
        XCTAssertThrowsError(try Migrator(migrations: [first, edited]).migrate(pool))
    }

    func testStatusListsAppliedAndPendingInOrder() throws {
        let pool = try AppDatabase.open(path: try temporaryFolder(self) + "/db.sqlite")
        let migrator = Migrator(migrations: [second, first])
        XCTAssertEqual(try migrator.status(pool).map(\.state), [.pending, .pending])
        try Migrator(migrations: [first]).migrate(pool)
        let states = try migrator.status(pool)
        guard case .applied = states[0].state else { return XCTFail("\(states)") }
        XCTAssertEqual(states[1].state, .pending)
        XCTAssertTrue(states[0].line.hasPrefix("applied  0001 a ("), states[0].line)
        XCTAssertEqual(states[1].line, "pending  0002 b")
        XCTAssertEqual(try migrator.pending(pool), [2])
    }

    func testACopyIsKeptBeforeMigratingADatabaseThatHoldsData() throws {
        let folder = try temporaryFolder(self)
        let path = folder + "/alongside.sqlite"
        let pool = try AppDatabase.open(path: path)
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let both = Migrator(migrations: [first, second])
        XCTAssertNil(
            try MigrationBackup.beforeMigrating(databasePath: path, pool: pool, migrator: both, now: now),
            "a new database has nothing to keep")
        try Migrator(migrations: [first]).migrate(pool)
        try pool.write { db in try db.execute(sql: "INSERT INTO a (v) VALUES ('kept')") }
        let kept = try XCTUnwrap(
            try MigrationBackup.beforeMigrating(databasePath: path, pool: pool, migrator: both, now: now))
        XCTAssertEqual(kept, folder + "/alongside.before-0002-20260921-141320.sqlite")
        let copy = try DatabaseQueue(path: kept)
        let value = try copy.read { db in try String.fetchOne(db, sql: "SELECT v FROM a") }
        XCTAssertEqual(value, "kept")
        let copiedTables = try copy.read { db in try db.tableExists("b") }
        XCTAssertFalse(copiedTables, "the copy is from before the migration")
        try both.migrate(pool)
        XCTAssertNil(
            try MigrationBackup.beforeMigrating(databasePath: path, pool: pool, migrator: both, now: now),
            "nothing pending: no copy")
    }

    func testTheRepairBringsADatabaseThatRanTheOldTextsInLine() throws {
        let all = try Migrator(directory: repositoryRoot + "/Migrations")
        let repair = try XCTUnwrap(all.migrations.first { $0.name == "0028_repair_edited_migrations" })
        let pool = try AppDatabase.open(path: try temporaryFolder(self) + "/db.sqlite")
        try Migrator(migrations: all.migrations.filter { $0.version < repair.version }).migrate(pool)
        // As a database that ran 0002 and 0013 before they were edited: sessions WITHOUT ROWID with no last_seen
        // index, claims without sent_with_warning.
        try pool.writeWithoutTransaction { db in
            try db.execute(
                sql: """
                    DROP TABLE sessions;
                    CREATE TABLE sessions (
                        token_hash BLOB PRIMARY KEY, user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
                        csrf_token TEXT NOT NULL, created_at TEXT NOT NULL, last_seen_at TEXT NOT NULL, flash TEXT
                    ) WITHOUT ROWID;
                    CREATE INDEX sessions_by_user ON sessions(user_id);
                    INSERT INTO sessions VALUES (x'01', NULL, 'token', '2026-09-01', '2026-09-02', NULL);
                    ALTER TABLE claims DROP COLUMN sent_with_warning;
                    """)
        }
        let before = try pool.read { db in try db.columns(in: "claims").map(\.name) }
        XCTAssertFalse(before.contains("sent_with_warning"))
        // act
        XCTAssertEqual(try all.migrate(pool).first, repair.version)
        // check
        try pool.read { db in
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'sessions'") ?? ""
            XCTAssertFalse(sql.uppercased().contains("WITHOUT ROWID"), sql)
            XCTAssertTrue(try db.indexes(on: "sessions").contains { $0.name == "sessions_by_last_seen" })
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT csrf_token FROM sessions"), "token", "rows kept")
            XCTAssertTrue(try db.columns(in: "claims").contains { $0.name == "sent_with_warning" })
        }
        // A database that ran the new texts goes through the repair unchanged.
        let fresh = try AppDatabase.open(path: try temporaryFolder(self) + "/fresh.sqlite")
        XCTAssertEqual(try all.migrate(fresh), all.migrations.map(\.version))
    }
}
