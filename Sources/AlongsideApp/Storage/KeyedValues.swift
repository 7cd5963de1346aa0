import Foundation
import GRDB

/// One value read beside the id it belongs to, as the columns `key` and `value`: a link table's rows
/// (`SELECT insight_id AS key, theme AS value FROM insight_themes …`), a count per record
/// (`SELECT meeting_id AS key, COUNT(*) AS value … GROUP BY meeting_id`) or a name by id
/// (`SELECT id AS key, name AS value FROM groups …`). A record whose lists live in their own tables (an item's
/// deliverables, an asset's needs) reads every owner's list in one query and attaches it after decoding its own row.
struct KeyedValue<Value: Decodable & Sendable>: Sendable, FetchableRecord, Decodable {
    var key: Int64
    var value: Value

    /// Each key's values, in the order the query returns them; a key with none is absent.
    static func grouped(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws
        -> [Int64: [Value]]
    {
        try fetchAll(db, sql: sql, arguments: arguments).reduce(into: [:]) { found, row in
            found[row.key, default: []].append(row.value)
        }
    }

    /// Each key's value (the last the query returns, should a key come twice).
    static func keyed(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws
        -> [Int64: Value]
    {
        try fetchAll(db, sql: sql, arguments: arguments).reduce(into: [:]) { found, row in found[row.key] = row.value }
    }
}

/// A record read beside the id it belongs to, as the column `key` next to the record's own columns
/// (`SELECT *, claim_id AS key FROM claim_expenses …`): a claim's expenses, an insight's answer.
struct KeyedRecord<Record: Decodable & Sendable>: Sendable, FetchableRecord, Decodable {
    var key: Int64
    var record: Record

    enum CodingKeys: String, CodingKey {
        case key
    }

    init(from decoder: any Decoder) throws {
        key = try decoder.container(keyedBy: CodingKeys.self).decode(Int64.self, forKey: .key)
        record = try Record(from: decoder)
    }

    /// Each key's records, in the order the query returns them; a key with none is absent.
    static func grouped(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws
        -> [Int64: [Record]]
    {
        try fetchAll(db, sql: sql, arguments: arguments).reduce(into: [:]) { found, row in
            found[row.key, default: []].append(row.record)
        }
    }

    /// Each key's record (the last the query returns, should a key come twice).
    static func keyed(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws
        -> [Int64: Record]
    {
        try fetchAll(db, sql: sql, arguments: arguments).reduce(into: [:]) { found, row in found[row.key] = row.record }
    }
}
