import Foundation
import GRDB

/// Who made a change: a signed-in person, or the command line.
public struct AuditActor: Sendable, Equatable {
    public let userID: Int64?
    public let label: String

    public init(userID: Int64?, label: String) {
        self.userID = userID
        self.label = label
    }

    public static let commandLine = AuditActor(userID: nil, label: "Command line")
}

/// One change to record. `before` and `after` are snapshots of the record (never secrets such as password hashes).
public struct AuditChange<Snapshot: Encodable>: Sendable where Snapshot: Sendable {
    public var action: String
    public var recordKind: String
    public var recordID: String?
    public var summary: String
    public var before: Snapshot?
    public var after: Snapshot?

    public init(
        action: String, recordKind: String, recordID: String?, summary: String, before: Snapshot?, after: Snapshot?
    ) {
        self.action = action
        self.recordKind = recordKind
        self.recordID = recordID
        self.summary = summary
        self.before = before
        self.after = after
    }
}

/// The append-only audit log. Writes go in the same transaction as the change they describe,
/// so a change and its audit row are saved together or not at all.
public enum AuditLog {
    public static func record<Snapshot>(
        _ change: AuditChange<Snapshot>, by actor: AuditActor, at date: Date, requestID: String?, in db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO audit_events
                    (at, actor_id, actor_label, action, record_kind, record_id, summary, before_json, after_json, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                date, actor.userID, actor.label, change.action, change.recordKind, change.recordID, change.summary,
                try json(change.before), try json(change.after), requestID,
            ]
        )
    }

    static func json(_ value: (some Encodable)?) throws -> String? {
        guard let value else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
