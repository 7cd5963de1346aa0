import Foundation
import GRDB
@testable import AlongsideApp

/// Finds stored dates that are not a real `YYYY-MM-DD` day, in every table of the database.
///
/// A date column is one named like a date (`…_on`, `…_from`, `…_since`, `…_until`, `…date`, `…_day`) or one that
/// held only `YYYY-MM-DD` values before fuzzing. Free-text columns are not judged: a title may well be "2026-1-5".
enum StoredDateCheck {
    static let datelikeName = try! NSRegularExpression(pattern: #"(_on|_from|_since|_until|date|_day|^on_day)$"#)

    struct Column: Sendable, Hashable {
        let table: String
        let name: String
    }

    /// Columns whose every non-empty value is a strict date (and that have one): dates by their content.
    static func columnsHoldingDates(_ pool: DatabasePool) async throws -> Set<Column> {
        try await pool.read { db in
            var result = Set<Column>()
            for column in try textColumns(db) {
                let values = try String.fetchAll(
                    db,
                    sql:
                        "SELECT CAST(\(quoted(column.name)) AS TEXT) FROM \(quoted(column.table)) WHERE \(quoted(column.name)) IS NOT NULL AND \(quoted(column.name)) <> '' LIMIT 500"
                )
                if !values.isEmpty, values.allSatisfy(isDay) { result.insert(column) }
            }
            return result
        }
    }

    /// "table.column = value" for each stored value in a date column that is not a real `YYYY-MM-DD` day.
    static func badDates(_ pool: DatabasePool, alsoChecking known: Set<Column>) async throws -> (
        columns: [String], bad: [String]
    ) {
        try await pool.read { db in
            var bad: [String] = []
            var checked: [String] = []
            for column in try textColumns(db) {
                let range = NSRange(column.name.startIndex..., in: column.name)
                guard known.contains(column) || datelikeName.firstMatch(in: column.name, range: range) != nil else {
                    continue
                }
                checked.append("\(column.table).\(column.name)")
                let values = try String.fetchAll(
                    db,
                    sql:
                        "SELECT CAST(\(quoted(column.name)) AS TEXT) FROM \(quoted(column.table)) WHERE \(quoted(column.name)) IS NOT NULL"
                )
                for value in values where !isDay(value) {
                    bad.append("\(column.table).\(column.name) = \(value.debugDescription.prefix(60))")
                }
            }
            return (checked, bad)
        }
    }

    /// "table.column: n values" for text holding NUL, ESC or a right-to-left override: not a failure (free text
    /// may keep what was typed), but worth a look, as they can hide or reorder what a page shows.
    static func controlCharacters(_ pool: DatabasePool) async throws -> [String] {
        try await pool.read { db in
            var found: [String] = []
            for column in try textColumns(db) {
                let name = quoted(column.name)
                let count =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM \(quoted(column.table)) WHERE typeof(\(name)) = 'text' AND (instr(CAST(\(name) AS BLOB), x'00') > 0
                            OR instr(CAST(\(name) AS BLOB), x'1b') > 0 OR instr(CAST(\(name) AS BLOB), x'e280ae') > 0)
                            """) ?? 0
                if count > 0 { found.append("\(column.table).\(column.name): \(count)") }
            }
            return found
        }
    }

    /// True for a real calendar day written exactly `YYYY-MM-DD`.
    static func isDay(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
            bytes.enumerated().allSatisfy({
                $0.offset == 4 || $0.offset == 7 || ($0.element >= 0x30 && $0.element <= 0x39)
            }),
            let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)), let day = Int(text.suffix(2)),
            (1...12).contains(month), year >= 1
        else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month)
        guard let first = calendar.date(from: components), let days = calendar.range(of: .day, in: .month, for: first)
        else { return false }
        return days.contains(day)
    }

    private static func textColumns(_ db: Database) throws -> [Column] {
        let tables = try String.fetchAll(
            db,
            sql:
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name"
        )
        var columns: [Column] = []
        for table in tables {
            for row in try Row.fetchAll(db, sql: "PRAGMA table_info(\(quoted(table)))") {
                let type: String = row["type"] ?? ""
                let name: String = row["name"] ?? ""
                if type.uppercased().contains("TEXT") || type.isEmpty {
                    columns.append(Column(table: table, name: name))
                }
            }
        }
        return columns
    }

    private static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
