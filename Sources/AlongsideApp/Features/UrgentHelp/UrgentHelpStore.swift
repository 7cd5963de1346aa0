import Foundation
import GRDB

/// The partnership's crisis line: one row, empty until an administrator sets it.
struct UrgentHelpStore: CrisisLineSource {
    let pool: DatabasePool
    let clock: AppClock

    private struct Stored: FetchableRecord, Decodable {
        let name: String
        let phone: String
        let hours: String

        enum CodingKeys: String, CodingKey {
            case name = "line_name", phone = "line_phone", hours = "line_hours"
        }
    }

    /// The line, or nil when none is set.
    func crisisLine() async throws -> CrisisLine? {
        try await pool.read { db in try Self.line(in: db) }
    }

    private static func line(in db: Database) throws -> CrisisLine? {
        guard
            let stored = try Stored.fetchOne(
                db, sql: "SELECT line_name, line_phone, line_hours FROM urgent_help_settings WHERE id = 1"),
            !stored.phone.isEmpty
        else { return nil }
        return CrisisLine(name: stored.name, phone: stored.phone, hours: stored.hours)
    }

    /// Sets the line, or clears it with nil, with its audit row.
    func setCrisisLine(_ line: CrisisLine?, by actor: AuditActor, requestID: String?) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            let before = try Self.line(in: db)
            try db.execute(
                sql: """
                    UPDATE urgent_help_settings SET line_name = ?, line_phone = ?, line_hours = ?, updated_at = ?
                    WHERE id = 1
                    """,
                arguments: [line?.name ?? "", line?.phone ?? "", line?.hours ?? "", now])
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "urgent_help_settings", recordID: "1",
                    summary: line.map { "Set the local crisis line to \($0.name), \($0.phone)" }
                        ?? "Removed the local crisis line",
                    before: before.map(Self.snapshot), after: line.map(Self.snapshot)))
        }
    }

    private static func snapshot(_ line: CrisisLine) -> [String: String] {
        ["name": line.name, "phone": line.phone, "hours": line.hours]
    }
}
