import Foundation
import GRDB

/// The partnership's name and purpose for the public front door: one row, empty until an administrator sets it.
struct FrontDoorStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    private struct Stored: FetchableRecord, Decodable {
        let name: String
        let purpose: String

        enum CodingKeys: String, CodingKey {
            case name = "partnership_name", purpose
        }
    }

    /// The settings; empty strings before an administrator sets them.
    func settings() async throws -> FrontDoorSettings {
        try await pool.read { db in try Self.settings(in: db) }
    }

    private static func settings(in db: Database) throws -> FrontDoorSettings {
        let stored = try Stored.fetchOne(
            db, sql: "SELECT partnership_name, purpose FROM front_door_settings WHERE id = 1")
        return FrontDoorSettings(name: stored?.name ?? "", purpose: stored?.purpose ?? "")
    }

    /// Sets the name and purpose, with its audit row.
    func set(_ settings: FrontDoorSettings, by actor: AuditActor, requestID: String?) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            let before = try Self.settings(in: db)
            try db.execute(
                sql: "UPDATE front_door_settings SET partnership_name = ?, purpose = ?, updated_at = ? WHERE id = 1",
                arguments: [settings.name, settings.purpose, now])
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "front_door_settings", recordID: "1",
                    summary: "Set the public front door to introduce \(settings.name)",
                    before: ["name": before.name, "purpose": before.purpose],
                    after: ["name": settings.name, "purpose": settings.purpose]))
        }
    }
}
