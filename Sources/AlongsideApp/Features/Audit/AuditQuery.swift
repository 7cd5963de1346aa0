import Foundation
import GRDB

/// Filters on the audit log page. Dates are London days, inclusive.
public struct AuditFilter: Sendable, Equatable {
    public var person: Int64?
    public var kind: String?
    public var from: Date?
    public var toExclusive: Date?
    public var page = 1

    public init(person: Int64? = nil, kind: String? = nil, from: Date? = nil, toExclusive: Date? = nil, page: Int = 1) {
        self.person = person
        self.kind = kind
        self.from = from
        self.toExclusive = toExclusive
        self.page = page
    }
}

/// One audit row as the page shows it.
public struct AuditEvent: Sendable, Equatable, FetchableRecord, Decodable {
    public let id: Int64
    public let at: Date
    public let actorLabel: String
    public let action: String
    public let recordKind: String
    public let recordID: String?
    public let summary: String
    public let beforeJSON: String?
    public let afterJSON: String?

    enum CodingKeys: String, CodingKey {
        case id, at, actorLabel = "actor_label", action, recordKind = "record_kind", recordID = "record_id", summary
        case beforeJSON = "before_json", afterJSON = "after_json"
    }
}

public enum AuditQuery {
    public static let pageSize = 50

    /// A page of events, newest first, and whether there are older ones.
    public static func events(_ filter: AuditFilter, in db: Database) throws -> (events: [AuditEvent], hasMore: Bool) {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let person = filter.person { conditions.append("actor_id = ?"); arguments.append(person) }
        if let kind = filter.kind { conditions.append("record_kind = ?"); arguments.append(kind) }
        if let from = filter.from { conditions.append("at >= ?"); arguments.append(from) }
        if let to = filter.toExclusive { conditions.append("at < ?"); arguments.append(to) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let offset = (max(filter.page, 1) - 1) * pageSize
        let events = try AuditEvent.fetchAll(
            db,
            sql: """
                SELECT id, at, actor_label, action, record_kind, record_id, summary, before_json, after_json
                FROM audit_events \(whereClause) ORDER BY at DESC, id DESC LIMIT \(pageSize + 1) OFFSET \(offset)
                """,
            arguments: StatementArguments(arguments)
        )
        return (Array(events.prefix(pageSize)), events.count > pageSize)
    }

    /// The kinds of record that appear in the log, for the filter.
    public static func kinds(in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT record_kind FROM audit_events ORDER BY record_kind")
    }

    /// People who have made changes, for the filter (one index probe a person, not a scan of the log).
    public static func people(in db: Database) throws -> [(id: Int64, name: String)] {
        try Person.fetchAll(
            db,
            sql: """
                SELECT id, name FROM users u
                WHERE EXISTS (SELECT 1 FROM audit_events a WHERE a.actor_id = u.id)
                ORDER BY name COLLATE NOCASE
                """
        ).map { (id: $0.id, name: $0.name) }
    }
}

/// A person who has made changes: id and name, for the filter.
private struct Person: FetchableRecord, Decodable {
    var id: Int64
    var name: String
}
