import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

final class CommandLineTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: CommandRunner.executable),
            "build the executable first (swift build)")
    }

    func testBadArgumentsExplainAndFail() throws {
        let badPort = try CommandRunner.run(["serve", "--port", "70000"])
        XCTAssertNotEqual(badPort.status, 0)
        XCTAssertTrue(badPort.errors.contains("--port must be from 0 to 65535"), badPort.errors)
        let unknown = try CommandRunner.run(["frobnicate"])
        XCTAssertNotEqual(unknown.status, 0)
        let badRole = try CommandRunner.run([
            "create-user", "--email", "a@example.org", "--name", "A", "--role", "boss", "--password-stdin",
        ])
        XCTAssertNotEqual(badRole.status, 0)
        XCTAssertTrue(
            badRole.errors.contains("--role must be one of: administrator, programme_manager"), badRole.errors)
        let noStdin = try CommandRunner.run([
            "create-user", "--email", "a@example.org", "--name", "A", "--role", "member",
        ])
        XCTAssertNotEqual(noStdin.status, 0)
        XCTAssertTrue(noStdin.errors.contains("--password-stdin"), noStdin.errors)
    }

    func testMigrateCreateUserAndBackup() throws {
        // setup
        let folder = try temporaryFolder(self)
        let database = folder + "/cli.sqlite"
        // act and check: migrate twice
        let first = try CommandRunner.run(["migrate", "--database", database])
        XCTAssertEqual(first.status, 0, first.errors)
        XCTAssertTrue(first.output.contains("Applied migrations: 1, 2, 3, 4"), first.output)
        XCTAssertTrue(try CommandRunner.run(["migrate", "--database", database]).output.contains("up to date"))
        // create-user reads the password from standard input and audits the change
        let weak = try CommandRunner.run(
            [
                "create-user", "--email", "ada@example.org", "--name", "Ada Example", "--role", "administrator",
                "--password-stdin", "--database", database,
            ],
            input: "password1234\n"
        )
        XCTAssertNotEqual(weak.status, 0)
        XCTAssertTrue(weak.errors.contains("too easy to guess"), weak.errors)
        let created = try CommandRunner.run(
            [
                "create-user", "--email", "ada@example.org", "--name", "Ada Example", "--role", "administrator",
                "--password-stdin", "--database", database,
            ],
            input: goodPassword + "\n"
        )
        XCTAssertEqual(created.status, 0, created.errors)
        let duplicate = try CommandRunner.run(
            [
                "create-user", "--email", "ADA@example.org", "--name", "Ada Again", "--role", "member",
                "--password-stdin", "--database", database,
            ],
            input: goodPassword + "\n"
        )
        XCTAssertNotEqual(duplicate.status, 0)
        XCTAssertTrue(duplicate.errors.contains("already an account"), duplicate.errors)
        let audit = try DatabaseQueue(path: database).read { db in
            try String.fetchAll(db, sql: "SELECT actor_label FROM audit_events")
        }
        XCTAssertEqual(audit, ["Command line"])
        // backup
        let copy = folder + "/backup.sqlite"
        let backup = try CommandRunner.run(["backup", "--to", copy, "--database", database])
        XCTAssertEqual(backup.status, 0, backup.errors)
        XCTAssertTrue(backup.output.contains("integrity check ok"), backup.output)
        let names = try DatabaseQueue(path: copy).read { db in try String.fetchAll(db, sql: "SELECT name FROM users") }
        XCTAssertEqual(names, ["Ada Example"])
        // restoring is using the copy as the database (README, "Backups"): it opens, migrated and up to date
        let restored = try CommandRunner.run(["migrate", "--database", copy])
        XCTAssertEqual(restored.status, 0, restored.errors)
        XCTAssertTrue(restored.output.contains("up to date"), restored.output)
        let again = try CommandRunner.run(["backup", "--to", copy, "--database", database])
        XCTAssertNotEqual(again.status, 0, "never overwrites a backup")
    }

    func testMigrateReportsTheDatesItRepaired() throws {
        // setup: a database from before dates were read strictly, holding loose dates
        let (pool, _) = try DateRepairMigrationTests.databaseBeforeRepair(self)
        try DateRepairMigrationTests.insertLooseDates(pool)
        let path = pool.path
        try pool.close()
        // act
        let run = try CommandRunner.run(["migrate", "--database", path])
        // check: a line for each value recorded, then nothing more on the next run
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("Applied migrations: 17"), run.output)
        XCTAssertTrue(
            run.output.contains("Repaired a date in insights.heard_on row 1: \"2026-1-5\" is now 2026-01-05."),
            run.output)
        XCTAssertTrue(
            run.output.contains("Could not repair a date in insights.heard_on row 4: \"next week\" is left as it was."),
            run.output)
        XCTAssertEqual(run.output.components(separatedBy: "a date in ").count - 1, 9, run.output)
        let again = try CommandRunner.run(["migrate", "--database", path])
        XCTAssertFalse(again.output.contains("a date in"), again.output)
    }

    func testRefusesADatabaseFromANewerVersion() throws {
        let database = try temporaryFolder(self) + "/newer.sqlite"
        XCTAssertEqual(try CommandRunner.run(["migrate", "--database", database]).status, 0)
        try DatabaseQueue(path: database).write { db in
            try db.execute(
                sql:
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future', '2030-01-01')"
            )
        }
        let refused = try CommandRunner.run(["migrate", "--database", database])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.errors.contains("newer version"), refused.errors)
        let serve = try CommandRunner.run(["serve", "--port", "0", "--database", database])
        XCTAssertNotEqual(serve.status, 0)
        XCTAssertTrue(serve.errors.contains("newer version"), serve.errors)
    }

    func testMigrateStatusListsEachMigrationAndAChangedOneStopsTheServer() throws {
        let folder = try temporaryFolder(self)
        let database = folder + "/status.sqlite"
        let fresh = try CommandRunner.run(["migrate", "--status", "--database", database])
        XCTAssertEqual(fresh.status, 0, fresh.errors)
        XCTAssertTrue(fresh.output.contains("pending  0001 "), fresh.output)
        XCTAssertTrue(fresh.output.contains("0 applied, "), fresh.output)
        XCTAssertEqual(try CommandRunner.run(["migrate", "--database", database]).status, 0)
        let current = try CommandRunner.run(["migrate", "--status", "--database", database])
        XCTAssertTrue(current.output.contains("applied  0002 sessions ("), current.output)
        XCTAssertTrue(current.output.contains(" 0 pending."), current.output)
        // As if 0002's file had been edited since this database applied it.
        try DatabaseQueue(path: database).write { db in
            try db.execute(sql: "UPDATE schema_migrations SET checksum = 'not-what-the-file-holds' WHERE version = 2")
        }
        let changed = try CommandRunner.run(["migrate", "--status", "--database", database])
        XCTAssertNotEqual(changed.status, 0)
        XCTAssertTrue(changed.output.contains("CHANGED  0002 sessions"), changed.output)
        let serve = try CommandRunner.run(["serve", "--port", "0", "--database", database])
        XCTAssertNotEqual(serve.status, 0)
        XCTAssertTrue(
            serve.errors.contains("0002_sessions.sql has changed since this database applied it"), serve.errors)
        XCTAssertTrue(serve.errors.contains("Never edit a released migration"), serve.errors)
    }

    func testMigratingADatabaseThatHoldsDataKeepsACopyFirst() throws {
        let folder = try temporaryFolder(self)
        let database = folder + "/kept.sqlite"
        XCTAssertEqual(try CommandRunner.run(["migrate", "--database", database]).status, 0)
        // As a database from before the latest migration.
        try DatabaseQueue(path: database).write { db in
            try db.execute(
                sql: "DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)")
        }
        let last = try XCTUnwrap(try Migrator(directory: repositoryRoot + "/Migrations").migrations.last)
        try DatabaseQueue(path: database).write { db in
            // Undo what the last migration made, so applying it again works: every table it created.
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            where last.sql.contains("CREATE TABLE \(name) ") {
                try db.execute(sql: "DROP TABLE \(name)")
            }
        }
        let run = try CommandRunner.run(["migrate", "--database", database])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("Copied the database to \(folder)/kept.before-"), run.output)
        let copies = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("kept.before-") }
        XCTAssertEqual(copies.count, 1, "\(copies)")
    }

    func testRestoreDrillPutsABackupBackAndKeepsWhatWasThere() throws {
        // setup: Ada's account, a backup, then Bea's account after it
        let folder = try temporaryFolder(self)
        let database = folder + "/live.sqlite"
        XCTAssertEqual(try CommandRunner.run(["migrate", "--database", database]).status, 0)
        func create(_ email: String, _ name: String) throws {
            let run = try CommandRunner.run(
                [
                    "create-user", "--database", database, "--email", email, "--name", name, "--role", "member",
                    "--password-stdin",
                ], input: goodPassword + "\n")
            XCTAssertEqual(run.status, 0, run.errors)
        }
        func people(_ path: String) throws -> [String] {
            try DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT email FROM users ORDER BY id")
            }
        }
        try create("ada@example.org", "Ada Example")
        let backups = folder + "/backups"
        let backup = try CommandRunner.run(["backup", "--database", database, "--into", backups])
        XCTAssertEqual(backup.status, 0, backup.errors)
        let made = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: backups).first)
        try create("bea@example.org", "Bea Example")
        // refusals: a broken backup, and a server using the database
        let broken = folder + "/broken.sqlite"
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: broken))
        let refusedBroken = try CommandRunner.run(["restore", "--database", database, "--from", broken])
        XCTAssertNotEqual(refusedBroken.status, 0)
        XCTAssertEqual(try people(database), ["ada@example.org", "bea@example.org"], "nothing changed")
        do {
            // As a running server holds it; let go at the end of this block.
            let lock = try ServerLock.acquire(databasePath: database)
            let refusedRunning = try CommandRunner.run(
                ["restore", "--database", database, "--from", backups + "/" + made])
            XCTAssertNotEqual(refusedRunning.status, 0)
            XCTAssertTrue(refusedRunning.errors.contains("An Alongside server is using"), refusedRunning.errors)
            withExtendedLifetime(lock) {}
        }
        // act
        let restored = try CommandRunner.run(["restore", "--database", database, "--from", backups + "/" + made])
        // check
        XCTAssertEqual(restored.status, 0, restored.errors)
        XCTAssertTrue(restored.output.contains("integrity check ok"), restored.output)
        XCTAssertEqual(try people(database), ["ada@example.org"], "the backup is back")
        let aside = try XCTUnwrap(
            try FileManager.default.contentsOfDirectory(atPath: folder).first {
                $0.hasPrefix("live.replaced-") && $0.hasSuffix(".sqlite")
            })
        XCTAssertTrue(restored.output.contains(aside), restored.output)
        XCTAssertEqual(try people(folder + "/" + aside), ["ada@example.org", "bea@example.org"], "kept aside, whole")
        let serve = try CommandRunner.run(["migrate", "--database", database])
        XCTAssertEqual(serve.status, 0, "the restored database opens and is up to date")
    }
}
