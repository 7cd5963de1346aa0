import Foundation
import GRDB

/// One stored date that migration 0017 found written loosely ("2026-1-5", " 2026-03-03 "): repaired into `YYYY-MM-DD`,
/// or left as it was for a person to check (issue 15). Kept in `date_repairs` so an administrator can see what changed.
public struct DateRepair: Sendable, Equatable, Decodable, FetchableRecord {
    public let id: Int64
    public let tableName: String
    public let columnName: String
    public let rowID: Int64
    public let storedValue: String
    /// Nil when the value could not be repaired (not recognisably a date, or in an append-only record).
    public let repairedValue: String?

    enum CodingKeys: String, CodingKey {
        case id, tableName = "table_name", columnName = "column_name", rowID = "row_id", storedValue = "stored_value"
        case repairedValue = "repaired_value"
    }

    /// One line for the command line's report.
    public var line: String {
        let place = "\(tableName).\(columnName) row \(rowID)"
        if let repairedValue { return "Repaired a date in \(place): \"\(storedValue)\" is now \(repairedValue)." }
        return "Could not repair a date in \(place): \"\(storedValue)\" is left as it was. Check it by hand."
    }
}

/// Reading `date_repairs`, so `alongside migrate` and start-up can report the rows a run recorded.
public enum DateRepairs {
    /// Applies any new migrations, and returns them with the dates they repaired or could not repair.
    public static func migrate(
        _ pool: DatabasePool, with migrator: Migrator
    ) async throws -> (applied: [Int], repairs: [DateRepair]) {
        let before = try await pool.read { db in try lastID(in: db) }
        let applied = try migrator.migrate(pool)
        return (applied, try await pool.read { db in try recorded(after: before, in: db) })
    }

    /// The id of the last row recorded so far: 0 when there is none, or no table yet.
    public static func lastID(in db: Database) throws -> Int64 {
        guard try db.tableExists("date_repairs") else { return 0 }
        return try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM date_repairs") ?? 0
    }

    /// The rows recorded after `id`, in the order recorded.
    public static func recorded(after id: Int64, in db: Database) throws -> [DateRepair] {
        guard try db.tableExists("date_repairs") else { return [] }
        return try DateRepair.fetchAll(
            db,
            sql: """
                SELECT id, table_name, column_name, row_id, stored_value, repaired_value FROM date_repairs WHERE id > ? ORDER BY id
                """, arguments: [id])
    }
}
