import Foundation
import GRDB

/// The roadmap deliverables a decision affects (issue 19). They belong to the decision, not to one revision: the rows
/// name its first revision (`chainID`), so a correction keeps them.
extension DecisionStore {
    /// The ids of the deliverables the decision `chainID` names.
    public func deliverableIDs(chainID: Int64) async throws -> [Int64] {
        try await pool.read { db in
            try Int64.fetchAll(
                db,
                sql: "SELECT deliverable_id FROM decision_deliverables WHERE decision_id = ? ORDER BY deliverable_id",
                arguments: [chainID])
        }
    }

    /// Sets the deliverables `decision` names to `ids`, keeping when each was first named; retired deliverables it
    /// named stay named (the form no longer offers them), so the record stays true.
    public func setDeliverables(
        _ ids: [Int64], of decision: Decision, keeping kept: Set<Int64>, by actor: AuditActor, requestID: String?
    ) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            let chainID = decision.chainID
            let before = Set(
                try Int64.fetchAll(
                    db, sql: "SELECT deliverable_id FROM decision_deliverables WHERE decision_id = ?",
                    arguments: [chainID]))
            let after = Set(ids).union(before.intersection(kept))
            for removed in before.subtracting(after) {
                try db.execute(
                    sql: "DELETE FROM decision_deliverables WHERE decision_id = ? AND deliverable_id = ?",
                    arguments: [chainID, removed])
            }
            for added in after.subtracting(before).sorted() {
                try db.execute(
                    sql:
                        "INSERT INTO decision_deliverables (decision_id, deliverable_id, linked_at, linked_by) VALUES (?, ?, ?, ?)",
                    arguments: [chainID, added, now, actor.userID])
            }
            guard before != after else { return }
            let list = { (ids: Set<Int64>) in ids.sorted().map(String.init).joined(separator: ", ") }
            try audit.record(
                AuditChange<[String: String]>(
                    action: "updated", recordKind: "decision", recordID: String(chainID),
                    summary: "Named the roadmap deliverables the decision \"\(decision.title)\" affects",
                    before: ["deliverables": list(before)], after: ["deliverables": list(after)]))
        }
    }

    /// The decisions naming `deliverableID`, each as it now stands (its latest revision), newest first.
    public func decisions(namingDeliverable deliverableID: Int64) async throws -> [Decision] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: Decision.selectSQL + """
                     WHERE \(Decision.isLatest) AND COALESCE(d.original_decision_id, d.id) IN
                           (SELECT decision_id FROM decision_deliverables WHERE deliverable_id = ?)
                     ORDER BY COALESCE(d.original_decision_id, d.id) DESC
                    """, arguments: [deliverableID]
            ).map(Decision.init)
        }
    }
}
