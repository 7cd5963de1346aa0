import Foundation
import GRDB

/// The two lists the group keeps for the map: localities (or primary care networks) and needs. Names are unique
/// whatever their case; a retired entry is no longer offered or analysed, but assets keep it.
public enum AssetListOutcome<Entry: Sendable & Equatable>: Sendable, Equatable {
    case saved(Entry)
    /// Another entry already has this name (perhaps a retired one).
    case nameTaken(Entry)
}

/// What a person writes about a locality or a need (`kind` is for localities, `description` for needs).
public struct AssetListInput: Sendable, Equatable {
    public var name: String
    public var description: String = ""
    public var kind: LocalityKind = .locality

    public init(name: String, description: String = "", kind: LocalityKind = .locality) {
        self.name = name
        self.description = description
        self.kind = kind
    }
}

/// An entry in one of the lists the map is analysed by: a name unique whatever its case, retired rather than deleted.
public protocol KeptListEntry: Sendable, Equatable {
    /// The table the list lives in.
    static var table: String { get }
    /// What one entry is called in the audit log: "locality", "need".
    static var noun: String { get }
    /// The columns a save writes besides the name, from what the person typed.
    static func columns(_ input: AssetListInput) -> [(name: String, value: any DatabaseValueConvertible)]
    init(row: Row)
    var id: Int64 { get }
    var name: String { get }
    var isRetired: Bool { get }
    var snapshot: [String: String] { get }
}

/// The localities and the needs are kept the same way, so one store serves both; every change is written with its
/// audit row in one transaction.
public struct KeptListStore<Entry: KeptListEntry>: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public func all() async throws -> [Entry] {
        try await pool.read { db in try Self.all(in: db) }
    }

    static func all(in db: Database) throws -> [Entry] {
        try Row.fetchAll(db, sql: "SELECT * FROM \(Entry.table) ORDER BY name COLLATE NOCASE, id").map(Entry.init)
    }

    static func entry(id: Int64, in db: Database) throws -> Entry? {
        try Row.fetchOne(db, sql: "SELECT * FROM \(Entry.table) WHERE id = ?", arguments: [id]).map(Entry.init)
    }

    /// Adds an entry (`id` nil) or changes one, unless another entry, perhaps a retired one, has the name already.
    public func save(_ id: Int64?, _ input: AssetListInput, by actor: AuditActor, requestID: String?) async throws -> AssetListOutcome<Entry> {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            if let taken = try Row.fetchOne(db, sql: "SELECT * FROM \(Entry.table) WHERE name = ? COLLATE NOCASE AND id IS NOT ?",
                                            arguments: [input.name, id]).map(Entry.init) {
                return .nameTaken(taken)
            }
            let before = try id.flatMap { try Self.entry(id: $0, in: db) }
            let columns = [(name: "name", value: input.name as any DatabaseValueConvertible)] + Entry.columns(input)
            if let id {
                guard before != nil else { throw AppError.notFound }
                try db.execute(sql: "UPDATE \(Entry.table) SET " + columns.map { "\($0.name) = ?, " }.joined() + "updated_at = ? WHERE id = ?",
                               arguments: StatementArguments(columns.map(\.value) + [now, id]))
            } else {
                try db.execute(sql: "INSERT INTO \(Entry.table) (" + columns.map(\.name).joined(separator: ", ") + ", created_at, updated_at) VALUES ("
                                   + databaseQuestionMarks(count: columns.count + 2) + ")",
                               arguments: StatementArguments(columns.map(\.value) + [now, now]))
            }
            let after = try Self.entry(id: id ?? db.lastInsertedRowID, in: db)!
            try audit.record(AuditChange(action: id == nil ? "created" : "updated", recordKind: Entry.noun, recordID: String(after.id),
                                         summary: (id == nil ? "Added the " : "Edited the ") + "\(Entry.noun) \"\(after.name)\"",
                                         before: before?.snapshot, after: after.snapshot))
            return .saved(after)
        }
    }

    /// Retires the entry (`retired` true) or brings it back. Returns false when it was already so.
    public func setRetired(_ id: Int64, _ retired: Bool, by actor: AuditActor, requestID: String?) async throws -> Bool {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.entry(id: id, in: db) else { throw AppError.notFound }
            guard before.isRetired != retired else { return false }
            try db.execute(sql: "UPDATE \(Entry.table) SET retired_at = ?, updated_at = ? WHERE id = ?", arguments: [retired ? now : nil, now, id])
            let after = try Self.entry(id: id, in: db)!
            try audit.record(AuditChange(action: retired ? "retired" : "restored", recordKind: Entry.noun, recordID: String(id),
                                         summary: (retired ? "Retired the " : "Brought back the ") + "\(Entry.noun) \"\(after.name)\"",
                                         before: before.snapshot, after: after.snapshot))
            return true
        }
    }
}

public typealias LocalityStore = KeptListStore<Locality>
public typealias NeedStore = KeptListStore<Need>

extension Locality: KeptListEntry {
    public static let table = "localities"
    public static let noun = "locality"

    public static func columns(_ input: AssetListInput) -> [(name: String, value: any DatabaseValueConvertible)] {
        [("kind", input.kind.rawValue)]
    }

    public var snapshot: [String: String] { ["name": name, "kind": kind.rawValue, "retired": isRetired ? "yes" : "no"] }
}

extension Need: KeptListEntry {
    public static let table = "needs"
    public static let noun = "need"

    public static func columns(_ input: AssetListInput) -> [(name: String, value: any DatabaseValueConvertible)] {
        [("description", input.description)]
    }

    public var snapshot: [String: String] { ["name": name, "description": description, "retired": isRetired ? "yes" : "no"] }
}
