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

public struct LocalityStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public func all() async throws -> [Locality] {
        try await pool.read { db in try Self.all(in: db) }
    }

    static func all(in db: Database) throws -> [Locality] {
        try Row.fetchAll(db, sql: "SELECT * FROM localities ORDER BY name COLLATE NOCASE, id").map(Locality.init)
    }

    public func locality(id: Int64) async throws -> Locality? {
        try await pool.read { db in try Self.locality(id: id, in: db) }
    }

    static func locality(id: Int64, in db: Database) throws -> Locality? {
        try Row.fetchOne(db, sql: "SELECT * FROM localities WHERE id = ?", arguments: [id]).map(Locality.init)
    }

    public func save(_ id: Int64?, _ input: AssetListInput, by actor: AuditActor, requestID: String?) async throws -> AssetListOutcome<Locality> {
        let now = clock.now()
        return try await pool.write { db in
            if let taken = try Row.fetchOne(db, sql: "SELECT * FROM localities WHERE name = ? COLLATE NOCASE AND id IS NOT ?",
                                            arguments: [input.name, id]).map(Locality.init) {
                return .nameTaken(taken)
            }
            let before = try id.flatMap { try Self.locality(id: $0, in: db) }
            if let id {
                guard before != nil else { throw AppError.notFound }
                try db.execute(sql: "UPDATE localities SET name = ?, kind = ?, updated_at = ? WHERE id = ?",
                               arguments: [input.name, input.kind.rawValue, now, id])
            } else {
                try db.execute(sql: "INSERT INTO localities (name, kind, created_at, updated_at) VALUES (?, ?, ?, ?)",
                               arguments: [input.name, input.kind.rawValue, now, now])
            }
            let after = try Self.locality(id: id ?? db.lastInsertedRowID, in: db)!
            try AuditLog.record(AuditChange(action: id == nil ? "created" : "updated", recordKind: "locality", recordID: String(after.id),
                                            summary: id == nil ? "Added the locality \"\(after.name)\"" : "Edited the locality \"\(after.name)\"",
                                            before: before?.snapshot, after: after.snapshot),
                                by: actor, at: now, requestID: requestID, in: db)
            return .saved(after)
        }
    }

    /// Retires the locality (`retired` true) or brings it back. Returns false when it was already so.
    public func setRetired(_ id: Int64, _ retired: Bool, by actor: AuditActor, requestID: String?) async throws -> Bool {
        let now = clock.now()
        return try await pool.write { db in
            guard let before = try Self.locality(id: id, in: db) else { throw AppError.notFound }
            guard before.isRetired != retired else { return false }
            try db.execute(sql: "UPDATE localities SET retired_at = ?, updated_at = ? WHERE id = ?", arguments: [retired ? now : nil, now, id])
            let after = try Self.locality(id: id, in: db)!
            try AuditLog.record(AuditChange(action: retired ? "retired" : "restored", recordKind: "locality", recordID: String(id),
                                            summary: (retired ? "Retired the locality" : "Brought back the locality") + " \"\(after.name)\"",
                                            before: before.snapshot, after: after.snapshot),
                                by: actor, at: now, requestID: requestID, in: db)
            return true
        }
    }
}

public struct NeedStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public func all() async throws -> [Need] {
        try await pool.read { db in try Self.all(in: db) }
    }

    static func all(in db: Database) throws -> [Need] {
        try Row.fetchAll(db, sql: "SELECT * FROM needs ORDER BY name COLLATE NOCASE, id").map(Need.init)
    }

    public func need(id: Int64) async throws -> Need? {
        try await pool.read { db in try Self.need(id: id, in: db) }
    }

    static func need(id: Int64, in db: Database) throws -> Need? {
        try Row.fetchOne(db, sql: "SELECT * FROM needs WHERE id = ?", arguments: [id]).map(Need.init)
    }

    public func save(_ id: Int64?, _ input: AssetListInput, by actor: AuditActor, requestID: String?) async throws -> AssetListOutcome<Need> {
        let now = clock.now()
        return try await pool.write { db in
            if let taken = try Row.fetchOne(db, sql: "SELECT * FROM needs WHERE name = ? COLLATE NOCASE AND id IS NOT ?",
                                            arguments: [input.name, id]).map(Need.init) {
                return .nameTaken(taken)
            }
            let before = try id.flatMap { try Self.need(id: $0, in: db) }
            if let id {
                guard before != nil else { throw AppError.notFound }
                try db.execute(sql: "UPDATE needs SET name = ?, description = ?, updated_at = ? WHERE id = ?",
                               arguments: [input.name, input.description, now, id])
            } else {
                try db.execute(sql: "INSERT INTO needs (name, description, created_at, updated_at) VALUES (?, ?, ?, ?)",
                               arguments: [input.name, input.description, now, now])
            }
            let after = try Self.need(id: id ?? db.lastInsertedRowID, in: db)!
            try AuditLog.record(AuditChange(action: id == nil ? "created" : "updated", recordKind: "need", recordID: String(after.id),
                                            summary: id == nil ? "Added the need \"\(after.name)\"" : "Edited the need \"\(after.name)\"",
                                            before: before?.snapshot, after: after.snapshot),
                                by: actor, at: now, requestID: requestID, in: db)
            return .saved(after)
        }
    }

    public func setRetired(_ id: Int64, _ retired: Bool, by actor: AuditActor, requestID: String?) async throws -> Bool {
        let now = clock.now()
        return try await pool.write { db in
            guard let before = try Self.need(id: id, in: db) else { throw AppError.notFound }
            guard before.isRetired != retired else { return false }
            try db.execute(sql: "UPDATE needs SET retired_at = ?, updated_at = ? WHERE id = ?", arguments: [retired ? now : nil, now, id])
            let after = try Self.need(id: id, in: db)!
            try AuditLog.record(AuditChange(action: retired ? "retired" : "restored", recordKind: "need", recordID: String(id),
                                            summary: (retired ? "Retired the need" : "Brought back the need") + " \"\(after.name)\"",
                                            before: before.snapshot, after: after.snapshot),
                                by: actor, at: now, requestID: requestID, in: db)
            return true
        }
    }
}

extension Locality {
    var snapshot: [String: String] { ["name": name, "kind": kind.rawValue, "retired": isRetired ? "yes" : "no"] }
}

extension Need {
    var snapshot: [String: String] { ["name": name, "description": description, "retired": isRetired ? "yes" : "no"] }
}
