import Foundation
import GRDB

/// Opens the SQLite file the app keeps everything in, with the durability settings the design asks for.
///
/// WAL mode lets readers run beside the single writer; `synchronous=FULL` makes a committed write survive
/// the process (or the machine) stopping. GRDB's pool sets `synchronous=NORMAL` when it switches to WAL, so
/// FULL is set again after opening and then checked, and start-up fails if any setting did not take.
public enum AppDatabase {
    public struct SettingsError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func open(path: String) throws -> DatabasePool {
        let url = URL(fileURLWithPath: path)
        try FilePrivacy.makeFolder(url.deletingLastPathComponent().path)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.maximumReaderCount = 4
        // Every statement's run time goes to `/metrics` (a duration only: never its SQL or values).
        configuration.prepareDatabase { db in
            db.trace(options: .profile) { event in
                if case .profile(_, let duration) = event { AppMetrics.shared.statement(seconds: duration) }
            }
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        try checkSettings(pool)
        try FilePrivacy.restrict(database: path)
        return pool
    }

    /// The settings a running server depends on; a mismatch stops start-up with a message naming it.
    public static func checkSettings(_ pool: DatabasePool) throws {
        let (journal, synchronous, foreignKeys) = try pool.writeWithoutTransaction { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "",
                try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1,
                try Int.fetchOne(db, sql: "PRAGMA foreign_keys") ?? -1
            )
        }
        guard journal.lowercased() == "wal" else {
            throw SettingsError(description: "The database is not in WAL mode (journal_mode is \(journal)).")
        }
        guard synchronous == 2 else {
            throw SettingsError(description: "The database's synchronous setting is \(synchronous), not FULL (2).")
        }
        guard foreignKeys == 1 else {
            throw SettingsError(description: "Foreign keys are not switched on in the database.")
        }
        let readerForeignKeys = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") ?? -1 }
        guard readerForeignKeys == 1 else {
            throw SettingsError(description: "Foreign keys are not switched on for database readers.")
        }
    }
}
