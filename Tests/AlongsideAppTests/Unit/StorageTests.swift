import GRDB
import XCTest
@testable import AlongsideApp

final class StorageTests: XCTestCase {
    func testDatabaseRunsInWALWithFullSyncAndForeignKeys() throws {
        let pool = try AppDatabase.open(path: try temporaryFolder(self) + "/db.sqlite")
        let settings = try pool.writeWithoutTransaction { db in
            [
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try String.fetchOne(db, sql: "PRAGMA synchronous"),
                try String.fetchOne(db, sql: "PRAGMA foreign_keys"),
            ]
        }
        XCTAssertEqual(settings, ["wal", "2", "1"])
    }

    func testMigrationsApplyOnceInOrder() throws {
        let pool = try AppDatabase.open(path: try temporaryFolder(self) + "/db.sqlite")
        let migrator = Migrator(migrations: [
            .init(version: 2, name: "0002_b", sql: "ALTER TABLE a ADD COLUMN b TEXT"),
            .init(version: 1, name: "0001_a", sql: "CREATE TABLE a (id INTEGER PRIMARY KEY)"),
        ])
        XCTAssertEqual(try migrator.migrate(pool), [1, 2])
        XCTAssertEqual(try migrator.migrate(pool), [])
        let columns = try pool.read { db in try db.columns(in: "a").map(\.name) }
        XCTAssertEqual(columns, ["id", "b"])
    }

    func testAFailedMigrationLeavesNothingHalfDone() throws {
        let pool = try AppDatabase.open(path: try temporaryFolder(self) + "/db.sqlite")
        let migrator = Migrator(migrations: [
            .init(version: 1, name: "0001_bad", sql: "CREATE TABLE x (id INTEGER); CREATE TABLE broken (")
        ])
        XCTAssertThrowsError(try migrator.migrate(pool))
        let tables = try pool.read { db in try db.tableExists("x") }
        XCTAssertFalse(tables)
    }

    func testRefusesADatabaseNewerThanTheCode() throws {
        let pool = try AppDatabase.open(path: try temporaryFolder(self) + "/db.sqlite")
        try Migrator(migrations: [
            .init(version: 1, name: "0001_a", sql: "CREATE TABLE a (id INTEGER)"),
            .init(version: 9, name: "0009_z", sql: "SELECT 1"),
        ]).migrate(pool)
        let older = Migrator(migrations: [.init(version: 1, name: "0001_a", sql: "CREATE TABLE a (id INTEGER)")])
        XCTAssertThrowsError(try older.migrate(pool)) { error in
            XCTAssertEqual(error as? Migrator.MigrationError, .databaseIsNewer(versions: [9]))
            XCTAssertTrue("\(error)".contains("newer version"))
        }
    }

    func testMigrationFileNamesMustBeNumbered() {
        XCTAssertEqual(try Migrator.version(ofFileNamed: "0003_sessions.sql"), 3)
        XCTAssertThrowsError(try Migrator.version(ofFileNamed: "sessions.sql"))
        XCTAssertThrowsError(try Migrator.version(ofFileNamed: "3_sessions.sql"))
    }

    func testTheRepositoryMigrationsApplyCleanly() throws {
        let migrator = try Migrator(directory: repositoryRoot + "/Migrations")
        XCTAssertGreaterThanOrEqual(migrator.migrations.count, 4)
        let pool = try AppDatabase.open(path: try temporaryFolder(self) + "/db.sqlite")
        XCTAssertEqual(try migrator.migrate(pool), migrator.migrations.map(\.version))
    }

    func testTheAuditLogCannotBeEditedOrDeleted() async throws {
        let services = try await makeServices()
        try await services.pool.write { db in
            let change = AuditChange<[String: String]>(
                action: "created", recordKind: "test", recordID: "1", summary: "A test", before: nil, after: ["a": "b"])
            try AuditLog.record(change, by: .commandLine, at: Date(), requestID: nil, in: db)
        }
        do {
            try await services.pool.write { db in try db.execute(sql: "UPDATE audit_events SET summary = 'changed'") }
            XCTFail("update should be refused")
        } catch {}
        do {
            try await services.pool.write { db in try db.execute(sql: "DELETE FROM audit_events") }
            XCTFail("delete should be refused")
        } catch {}
        let count = try await services.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_events")
        }
        XCTAssertEqual(count, 1)
    }

    func testOnlineBackupPassesIntegrityCheck() async throws {
        let services = try await makeServices()
        _ = try await services.accounts.create(
            name: "Sam Fictional", email: "sam@example.org", role: .member, passwordHash: nil, by: .commandLine,
            requestID: nil)
        let copy = try temporaryFolder(self) + "/copy.sqlite"
        XCTAssertEqual(try DatabaseBackup.copy(from: services.configuration.databasePath, to: copy), "ok")
        let names = try await DatabaseQueue(path: copy).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM users")
        }
        XCTAssertEqual(names, ["Sam Fictional"])
    }
}

/// Issue 15: the database, its WAL and backups are readable by the server's own account only.
final class FilePrivacyTests: XCTestCase {
    func testTheDatabaseItsCompanionsAndBackupsArePrivate() throws {
        // setup: a folder that does not exist yet, and a umask that would make files readable by everyone
        let root = try temporaryFolder(self)
        let previous = umask(0o022)
        defer { umask(previous) }
        let path = root + "/data/alongside.sqlite"
        // act
        let pool = try AppDatabase.open(path: path)
        try pool.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        try DatabaseBackup.copy(from: path, to: root + "/backups/copy.sqlite")
        // check
        func mode(_ file: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        XCTAssertEqual(try mode(root + "/data"), 0o700)
        XCTAssertEqual(try mode(path), 0o600)
        XCTAssertEqual(try mode(path + "-wal"), 0o600)
        XCTAssertEqual(try mode(root + "/backups"), 0o700)
        XCTAssertEqual(try mode(root + "/backups/copy.sqlite"), 0o600)
    }
}
