import Foundation
import GRDB

/// Reading the outbox, and recording what each delivery attempt did.
public struct OutboxStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public init(pool: DatabasePool, clock: AppClock) {
        self.pool = pool
        self.clock = clock
    }

    static let selectSQL = "SELECT * FROM outbox"

    /// The newest messages first, optionally only those with `status`.
    public func messages(status: OutboxMessage.Status? = nil, limit: Int = 200) async throws -> [OutboxMessage] {
        try await pool.read { db in
            try OutboxMessage.fetchAll(
                db,
                sql: Self.selectSQL + (status == nil ? "" : " WHERE status = ?") + " ORDER BY id DESC LIMIT ?",
                arguments: status.map { [$0.rawValue, limit] } ?? [limit])
        }
    }

    public func message(id: Int64) async throws -> OutboxMessage? {
        try await pool.read { db in
            try OutboxMessage.fetchOne(db, sql: Self.selectSQL + " WHERE id = ?", arguments: [id])
        }
    }

    /// How many messages are in each state.
    public func counts() async throws -> [OutboxMessage.Status: Int] {
        try await pool.read { db in
            var counts: [OutboxMessage.Status: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM outbox GROUP BY status") {
                if let status = OutboxMessage.Status(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            return counts
        }
    }

    /// Waiting messages due by `now`, oldest first.
    public func due(now: Date, limit: Int) async throws -> [OutboxMessage] {
        try await pool.read { db in
            try OutboxMessage.fetchAll(
                db,
                sql: Self.selectSQL
                    + " WHERE status = 'waiting' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
                arguments: [now, limit])
        }
    }

    /// The message went to the relay.
    public func markSent(_ id: Int64) async throws {
        let now = clock.now()
        try await pool.write { db in
            try db.execute(
                sql:
                    "UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = '' WHERE id = ? AND status = 'waiting'",
                arguments: [now, id])
        }
    }

    /// An attempt failed: try again later if the failure was temporary and there are attempts left, else give up.
    /// `reason` is what administrators read; it never holds a password.
    public func markFailed(_ id: Int64, reason: String, permanent: Bool) async throws {
        let now = clock.now()
        try await pool.write { db in
            guard
                let attempts = try Int.fetchOne(
                    db, sql: "SELECT attempts FROM outbox WHERE id = ? AND status = 'waiting'", arguments: [id])
            else { return }
            let made = attempts + 1
            let reason = String(reason.prefix(500))
            if !permanent, let delay = OutboxBackoff.delay(afterAttempt: made) {
                try db.execute(
                    sql: "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                    arguments: [made, now.addingTimeInterval(delay), reason, id])
            } else {
                try db.execute(
                    sql: "UPDATE outbox SET status = 'failed', attempts = ?, last_error = ? WHERE id = ?",
                    arguments: [made, reason, id])
            }
        }
    }
}
