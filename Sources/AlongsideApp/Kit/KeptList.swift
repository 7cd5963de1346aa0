import Foundation
import GRDB

/// An entry in a list the workspace keeps (communities, localities, needs): a name unique whatever its case,
/// retired rather than deleted, so records that name it keep it.
public protocol KeptListEntry: Sendable, Equatable, FetchableRecord {
    /// What a person writes about an entry.
    associatedtype Input: Sendable
    /// The table the list lives in; it has `id`, `name`, `retired_at`, `created_at` and `updated_at` columns.
    static var table: String { get }
    /// What one entry is called in the audit log and its summaries: "community", "locality", "need".
    static var noun: String { get }
    /// The name the person typed.
    static func name(_ input: Input) -> String
    /// The columns a save writes besides the name, from what the person typed.
    static func columns(_ input: Input) -> [(name: String, value: any DatabaseValueConvertible)]
    var id: Int64 { get }
    var name: String { get }
    var isRetired: Bool { get }
    /// What the audit log keeps of an entry.
    var snapshot: [String: String] { get }
}

/// What saving an entry came to.
public enum KeptListOutcome<Entry: Sendable & Equatable>: Sendable, Equatable {
    case saved(Entry)
    /// Another entry already has this name (perhaps a retired one).
    case nameTaken(Entry)
}

/// Keeps one list: reading it by name, adding, editing, retiring and bringing back entries. Every change is written
/// with its audit row in one transaction.
public struct KeptList<Entry: KeptListEntry>: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public init(pool: DatabasePool, clock: AppClock) {
        self.pool = pool
        self.clock = clock
    }

    /// Every entry, retired ones included, by name.
    public func all() async throws -> [Entry] {
        try await pool.read { db in try Self.all(in: db) }
    }

    public func entry(id: Int64) async throws -> Entry? {
        try await pool.read { db in try Self.entry(id: id, in: db) }
    }

    public static func all(in db: Database) throws -> [Entry] {
        try Entry.fetchAll(db, sql: "SELECT * FROM \(Entry.table) ORDER BY name COLLATE NOCASE, id")
    }

    static func entry(id: Int64, in db: Database) throws -> Entry? {
        try Entry.fetchOne(db, sql: "SELECT * FROM \(Entry.table) WHERE id = ?", arguments: [id])
    }

    static func named(_ name: String, except id: Int64?, in db: Database) throws -> Entry? {
        try Entry.fetchOne(
            db, sql: "SELECT * FROM \(Entry.table) WHERE name = ? COLLATE NOCASE AND id IS NOT ?",
            arguments: [name, id])
    }

    /// Adds an entry (`id` nil) or changes one, unless another entry, perhaps a retired one, has the name already.
    public func save(_ id: Int64?, _ input: Entry.Input, by actor: AuditActor, requestID: String?) async throws
        -> KeptListOutcome<Entry>
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            let before = try id.flatMap { try Self.entry(id: $0, in: db) }
            if id != nil, before == nil { throw AppError.notFound }
            if let taken = try Self.named(Entry.name(input), except: id, in: db) { return .nameTaken(taken) }
            let columns =
                [(name: "name", value: Entry.name(input) as any DatabaseValueConvertible)] + Entry.columns(input)
            if let id {
                try db.execute(
                    sql: "UPDATE \(Entry.table) SET " + columns.map { "\($0.name) = ?, " }.joined()
                        + "updated_at = ? WHERE id = ?",
                    arguments: StatementArguments(columns.map(\.value) + [now, id]))
            } else {
                try db.execute(
                    sql: "INSERT INTO \(Entry.table) (" + columns.map(\.name).joined(separator: ", ")
                        + ", created_at, updated_at) VALUES ("
                        + databaseQuestionMarks(count: columns.count + 2) + ")",
                    arguments: StatementArguments(columns.map(\.value) + [now, now]))
            }
            let after = try Self.entry(id: id ?? db.lastInsertedRowID, in: db)!
            try audit.record(
                AuditChange(
                    action: id == nil ? "created" : "updated", recordKind: Entry.noun, recordID: String(after.id),
                    summary: (id == nil ? "Added the " : "Edited the ") + "\(Entry.noun) \"\(after.name)\"",
                    before: before?.snapshot, after: after.snapshot))
            return .saved(after)
        }
    }

    /// Retires the entry (`retired` true) or brings it back. Returns false when it was already so.
    public func setRetired(_ id: Int64, _ retired: Bool, by actor: AuditActor, requestID: String?) async throws -> Bool
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.entry(id: id, in: db) else { throw AppError.notFound }
            guard before.isRetired != retired else { return false }
            try db.execute(
                sql: "UPDATE \(Entry.table) SET retired_at = ?, updated_at = ? WHERE id = ?",
                arguments: [retired ? now : nil, now, id])
            let after = try Self.entry(id: id, in: db)!
            try audit.record(
                AuditChange(
                    action: retired ? "retired" : "restored", recordKind: Entry.noun, recordID: String(id),
                    summary: (retired ? "Retired the " : "Brought back the ") + "\(Entry.noun) \"\(after.name)\"",
                    before: before.snapshot, after: after.snapshot))
            return true
        }
    }
}
