import Foundation
import GRDB

/// Who is writing, when, and for which request, inside one write transaction: each change recorded through it becomes
/// an audit row in that same transaction, so the change and its row are saved together or not at all.
///
/// Made only by `writeAudited`; helpers that change records inside a transaction take one instead of
/// an actor, a date and a request id.
public struct AuditTrail {
    public let actor: AuditActor
    /// The moment of the change, the same for every row written in the transaction.
    public let now: Date
    public let requestID: String?
    let db: Database

    /// Adds the audit row for one change.
    public func record<Snapshot>(_ change: AuditChange<Snapshot>) throws {
        try AuditLog.record(change, by: actor, at: now, requestID: requestID, in: db)
    }

    /// Adds the audit row for a change made by someone other than the transaction's actor (an account recording
    /// its own creation, whose id is known only once it is saved).
    public func record<Snapshot>(_ change: AuditChange<Snapshot>, by actor: AuditActor) throws {
        try AuditLog.record(change, by: actor, at: now, requestID: requestID, in: db)
    }
}

extension DatabaseWriter {
    /// Runs `updates` in one write transaction with an `AuditTrail` for its audit rows: every change and its audit
    /// row are written together, or (on a throw) neither is.
    public func writeAudited<T: Sendable>(
        by actor: AuditActor, at now: Date, requestID: String?, _ updates: @Sendable (Database, AuditTrail) throws -> T
    ) async throws -> T {
        try await write { db in
            try updates(db, AuditTrail(actor: actor, now: now, requestID: requestID, db: db))
        }
    }

    /// The blocking form, for the command line and start-up.
    public func writeAudited<T>(
        by actor: AuditActor, at now: Date, requestID: String?, _ updates: (Database, AuditTrail) throws -> T
    ) throws -> T {
        try write { db in
            try updates(db, AuditTrail(actor: actor, now: now, requestID: requestID, db: db))
        }
    }
}
