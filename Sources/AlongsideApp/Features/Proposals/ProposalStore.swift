import Foundation
import GRDB

/// Online proposals and their responses. Every change writes its audit row in the same transaction.
public struct ProposalStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock
    /// Tells members when a proposal opens for their answer and when it closes (issue 20); nil sends nothing.
    var notifier: Notifier? = nil

    public enum Refusal: Error, Equatable {
        /// Closed or withdrawn: nothing more can change.
        case notOpen
    }

    public func proposals(groupID: Int64) async throws -> [Proposal] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: Proposal.selectSQL
                    + " WHERE p.group_id = ? ORDER BY p.status <> 'open', p.closes_at DESC, p.id DESC",
                arguments: [groupID]
            )
            .map(Proposal.init)
        }
    }

    public func proposal(id: Int64, groupID: Int64) async throws -> Proposal? {
        try await pool.read { db in try Self.proposal(id: id, groupID: groupID, in: db) }
    }

    static func proposal(id: Int64, groupID: Int64, in db: Database) throws -> Proposal? {
        try Row.fetchOne(db, sql: Proposal.selectSQL + " WHERE p.id = ? AND p.group_id = ?", arguments: [id, groupID])
            .map(Proposal.init)
    }

    /// The proposal whose outcome became one of these decision revisions, if any.
    public func proposalID(decidedBy decisionIDs: [Int64]) async throws -> Int64? {
        guard !decisionIDs.isEmpty else { return nil }
        return try await pool.read { db in
            try Int64.fetchOne(
                db,
                sql:
                    "SELECT id FROM proposals WHERE decision_id IN (\(decisionIDs.map { _ in "?" }.joined(separator: ", ")))",
                arguments: StatementArguments(decisionIDs))
        }
    }

    public func responses(proposalID: Int64) async throws -> [ProposalResponse] {
        try await pool.read { db in try Self.responses(proposalID: proposalID, in: db) }
    }

    static func responses(proposalID: Int64, in db: Database) throws -> [ProposalResponse] {
        try ProposalResponse.fetchAll(
            db,
            sql: """
                SELECT r.user_id, u.name, r.response, r.reason, r.responded_at FROM proposal_responses r JOIN users u ON u.id = r.user_id
                WHERE r.proposal_id = ? ORDER BY u.name COLLATE NOCASE
                """, arguments: [proposalID])
    }

    public func open(
        _ input: ProposalInput, groupID: Int64, termsVersion: Int?, by actor: AuditActor, userID: Int64,
        requestID: String?
    ) async throws -> Proposal {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql: """
                    INSERT INTO proposals (group_id, title, question, method, terms_version, closes_at, opened_by, opened_at, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')
                    """,
                arguments: [
                    groupID, input.title, input.question, input.method.rawValue, termsVersion, input.closesAt, userID,
                    now,
                ])
            let proposal = try Self.proposal(id: db.lastInsertedRowID, groupID: groupID, in: db)!
            let change = AuditChange<[String: String]>(
                action: "opened", recordKind: "proposal", recordID: String(proposal.id),
                summary: "Opened the online proposal \"\(proposal.title)\"", before: nil, after: proposal.snapshot
            )
            try audit.record(change)
            if let notifier {
                let groupName = try GroupStore.names(ids: [groupID], in: db)[groupID] ?? ""
                let members = try Self.currentMembers(groupID: groupID, today: LondonTime.isoDay(now), in: db)
                try notifier.send(
                    ProposalNotices.opened(proposal, groupName: groupName), to: members.map(\.userID), except: userID,
                    now: now, in: db)
            }
            return proposal
        }
    }

    /// Records or replaces a member's answer while the proposal is open.
    public func respond(
        proposal: Proposal, answer: ProposalAnswer, reason: String, by actor: AuditActor, userID: Int64,
        requestID: String?
    ) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let current = try Self.proposal(id: proposal.id, groupID: proposal.groupID, in: db),
                current.status == .open, current.closesAt > now
            else { throw Refusal.notOpen }
            let before = try StoredAnswer.fetchOne(
                db, sql: "SELECT response, reason FROM proposal_responses WHERE proposal_id = ? AND user_id = ?",
                arguments: [proposal.id, userID]
            )
            .map { ["response": $0.response, "reason": $0.reason] }
            try db.execute(
                sql: """
                    INSERT INTO proposal_responses (proposal_id, user_id, response, reason, responded_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (proposal_id, user_id) DO UPDATE SET response = excluded.response, reason = excluded.reason, responded_at = excluded.responded_at
                    """, arguments: [proposal.id, userID, answer.rawValue, reason, now])
            let change = AuditChange<[String: String]>(
                action: before == nil ? "responded" : "changed response", recordKind: "proposal",
                recordID: String(proposal.id),
                summary: "\(actor.label) answered \"\(answer.label)\" to the online proposal \"\(proposal.title)\"",
                before: before, after: ["response": answer.rawValue, "reason": reason]
            )
            try audit.record(change)
        }
    }

    public func withdraw(proposal: Proposal, by actor: AuditActor, requestID: String?) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql: "UPDATE proposals SET status = 'withdrawn', ended_at = ? WHERE id = ? AND status = 'open'",
                arguments: [now, proposal.id])
            guard db.changesCount == 1 else { throw Refusal.notOpen }
            let change = AuditChange<[String: String]>(
                action: "withdrawn", recordKind: "proposal", recordID: String(proposal.id),
                summary: "Withdrew the online proposal \"\(proposal.title)\"", before: ["status": "Open"],
                after: ["status": "Withdrawn"]
            )
            try audit.record(change)
        }
    }
}

/// The proposal store answers the decision log's question: which proposal decided this?
extension ProposalStore: DecisionProposalSource {}

/// A member's answer as stored, for the audit row of a changed answer.
private struct StoredAnswer: FetchableRecord, Decodable {
    var response: String
    var reason: String
}
