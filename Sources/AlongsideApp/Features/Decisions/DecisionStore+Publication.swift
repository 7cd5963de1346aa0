import Foundation
import GRDB

/// Publishing decisions: the only change the log allows to a revision once written is its visibility.
extension DecisionStore {
    /// Publishes or unpublishes the latest revision of a decision.
    public func setVisibility(_ visibility: Visibility, of decision: Decision, by actor: AuditActor, requestID: String?)
        async throws
    {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql: "UPDATE decisions SET visibility = ? WHERE id = ? AND group_id = ?",
                arguments: [visibility.rawValue, decision.id, decision.groupID])
            let change = AuditChange<[String: String]>(
                action: visibility == .published ? "published" : "unpublished", recordKind: "decision",
                recordID: String(decision.id),
                summary: (visibility == .published ? "Published" : "Unpublished")
                    + " the decision \"\(decision.title)\"",
                before: ["visibility": decision.visibility.rawValue], after: ["visibility": visibility.rawValue]
            )
            try audit.record(change)
        }
    }

    /// The group's published decisions as they now stand (latest revisions that are published), newest first.
    /// For the public group page.
    public func publishedDecisions(groupID: Int64) async throws -> [Decision] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: Decision.selectSQL + """
                     WHERE d.group_id = ? AND d.visibility = 'published' AND \(Decision.isLatest)
                     ORDER BY COALESCE(d.original_decision_id, d.id) DESC
                    """, arguments: [groupID]
            ).map(Decision.init)
        }
    }

    /// The latest revision of the decision `id` belongs to (any of its revisions' ids), only if it is published.
    public func publishedDecision(id: Int64, groupID: Int64) async throws -> Decision? {
        try await pool.read { db in
            guard
                let chainID = try Int64.fetchOne(
                    db, sql: "SELECT COALESCE(original_decision_id, id) FROM decisions WHERE id = ? AND group_id = ?",
                    arguments: [id, groupID]),
                let latest = try Self.revisions(chainID: chainID, groupID: groupID, in: db).last,
                latest.visibility == .published
            else { return nil }
            return latest
        }
    }
}
