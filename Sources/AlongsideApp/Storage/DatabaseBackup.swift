import Foundation
import GRDB

/// Online backup with SQLite's backup API: safe while the server is writing. The copy is checked with
/// `PRAGMA integrity_check` before it is reported as good.
public enum DatabaseBackup {
    public struct Failed: Error, CustomStringConvertible {
        public let description: String
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
