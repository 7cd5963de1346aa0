import Foundation
import GRDB

/// Online backup with SQLite's backup API: safe while the server is writing. The copy is checked with
/// `PRAGMA integrity_check` before it is reported as good.
public enum DatabaseBackup {
    public struct Failed: Error, CustomStringConvertible {
        public let description: String
    }

    /// The database's path without ".sqlite", for the copies kept beside it ("NAME.before-…", "NAME.replaced-…").
    static func stem(of databasePath: String) -> String {
        databasePath.hasSuffix(".sqlite") ? String(databasePath.dropLast(7)) : databasePath
    }

    /// Copies the database and returns the copy's integrity check result ("ok").
    @discardableResult
    public static func copy(from source: String, to destination: String) throws -> String {
        let pool = try AppDatabase.open(path: source)
        try FilePrivacy.makeFolder(URL(fileURLWithPath: destination).deletingLastPathComponent().path)
        let copy = try DatabaseQueue(path: destination)
        try FilePrivacy.restrict(database: destination)
        try pool.backup(to: copy)
        let check = try copy.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } ?? "no answer"
        try copy.close()
        guard check == "ok" else {
            throw Failed(description: "The copy at \(destination) failed its integrity check: \(check).")
        }
        return check
    }
}

/// The copy taken before migrations change a database that already holds data (issue 21), kept beside it as
/// `NAME.before-NNNN-YYYYMMDD-HHMMSS.sqlite` (NNNN the first migration to be applied), so an upgrade that goes wrong
/// can be undone with `alongside restore`.
public enum MigrationBackup {
    /// Copies the database when migrations are pending and it has been migrated before; returns the copy's path, or
    /// nil when there was nothing to keep.
    public static func beforeMigrating(
        databasePath: String, pool: DatabasePool, migrator: Migrator, now: Date
    ) throws -> String? {
        let used = try pool.read { db in
            try db.tableExists("schema_migrations")
                && (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM schema_migrations") ?? 0) > 0
        }
        guard used, let first = try migrator.pending(pool).first else { return nil }
        let stem = DatabaseBackup.stem(of: databasePath)
        let destination =
            stem + ".before-" + String(format: "%04d", first) + "-" + BackupRetention.stamp(now) + ".sqlite"
        try DatabaseBackup.copy(from: databasePath, to: destination)
        return destination
    }

    /// How every command that opens the database brings it up to date: the copy first (when there is something to
    /// keep), then the migrations, with the dates migration 0017 repaired.
    public static func migrate(databasePath: String, pool: DatabasePool, migrator: Migrator, now: Date) async throws
        -> (copy: String?, applied: [Int], repairs: [DateRepair])
    {
        let copy = try beforeMigrating(databasePath: databasePath, pool: pool, migrator: migrator, now: now)
        let (applied, repairs) = try await DateRepairs.migrate(pool, with: migrator)
        return (copy, applied, repairs)
    }
}
