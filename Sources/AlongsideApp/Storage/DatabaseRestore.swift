import Foundation
import GRDB

/// Putting a backup back (issue 21): refused while a server uses the database; the backup must pass
/// `PRAGMA integrity_check` and be at a migration level this version knows, with no migration changed since; the
/// current database (with its -wal and -shm files) is kept aside, never deleted.
public enum DatabaseRestore {
    public struct Report: Sendable, Equatable {
        /// Where the database that was replaced now is; nil when there was none.
        public let keptAside: String?
        /// The last migration the backup had applied.
        public let backupVersion: Int
        /// Migrations the server will apply to it when it next starts (the backup is older than this version).
        public let pending: [Int]
    }

    public static func restore(from backup: String, to databasePath: String, migrator: Migrator, now: Date) throws
        -> Report
    {
        let lock = try ServerLock.acquire(databasePath: databasePath)
        defer { withExtendedLifetime(lock) {} }
        let files = FileManager.default
        guard files.fileExists(atPath: backup) else { throw failed("There is no backup at \(backup).") }
        var readOnly = Configuration()
        readOnly.readonly = true
        let copy = try DatabaseQueue(path: backup, configuration: readOnly)
        let (check, versions): (String, [Int]) = try copy.read { db in
            let check = try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer"
            guard try db.tableExists("schema_migrations") else { return (check, []) }
            return (check, try Int.fetchAll(db, sql: "SELECT version FROM schema_migrations ORDER BY version"))
        }
        guard check == "ok" else { throw failed("The backup \(backup) failed its integrity check: \(check).") }
        guard let level = versions.last else {
            throw failed("\(backup) is not an Alongside database: it has no record of migrations.")
        }
        let unknown = Set(versions).subtracting(migrator.migrations.map(\.version)).sorted()
        guard unknown.isEmpty else {
            throw failed(
                "The backup was made by a newer version of Alongside (it has migrations "
                    + unknown.map(String.init).joined(separator: ", ") + "). Restore it with that version.")
        }
        let states = try migrator.status(copy)
        if let changed = states.first(where: { if case .changed = $0.state { true } else { false } }) {
            throw Migrator.MigrationError.changedAfterApplied(version: changed.version, name: changed.name)
        }
        try copy.close()
        var keptAside: String?
        if files.fileExists(atPath: databasePath) {
            let aside = DatabaseBackup.stem(of: databasePath) + ".replaced-" + BackupRetention.stamp(now) + ".sqlite"
            for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: databasePath + suffix) {
                try files.moveItem(atPath: databasePath + suffix, toPath: aside + suffix)
            }
            keptAside = aside
        }
        try DatabaseBackup.copy(from: backup, to: databasePath)
        return Report(
            keptAside: keptAside, backupVersion: level,
            pending: states.filter { $0.state == .pending }.map(\.version))
    }

    static func failed(_ message: String) -> DatabaseBackup.Failed {
        DatabaseBackup.Failed(description: message)
    }
}
