import Foundation
import GRDB

/// A recorded decision.
public struct Decision: Sendable, Equatable {
    public let id: Int64
    public let groupID: Int64
    public let title: String
    public let question: String
    public let method: DecisionMethod
    public let termsVersion: Int?
    public let membersTotal: Int
    public let membersPresent: Int
    public let livedExperiencePresent: Bool
    public let quorumMet: Bool
    public let votesFor: Int?
    public let votesAgainst: Int?
    public let votesAbstaining: Int?
    public let objections: Int?
    public let consensusRecord: String?
    public let outcome: DecisionOutcome
    public let rationale: String
    public let declarations: String?
    public let reviewOn: String?
    public let isValid: Bool
    public let invalidReason: String?
    public let adoptsTermsVersion: Int?
    public let recordedByName: String
    public let recordedAt: Date

    static let selectSQL = """
        SELECT d.*, u.name AS recorded_by_name FROM decisions d JOIN users u ON u.id = d.recorded_by
        """

    init(row: Row) {
        id = row["id"]
        groupID = row["group_id"]
        title = row["title"]
        question = row["question"]
        method = DecisionMethod(rawValue: row["method"]) ?? .consensus
        termsVersion = row["terms_version"]
        membersTotal = row["members_total"]
        membersPresent = row["members_present"]
        livedExperiencePresent = row["lived_experience_present"]
        quorumMet = row["quorum_met"]
        votesFor = row["votes_for"]
        votesAgainst = row["votes_against"]
        votesAbstaining = row["votes_abstaining"]
        objections = row["objections"]
        consensusRecord = row["consensus_record"]
        outcome = DecisionOutcome(rawValue: row["outcome"]) ?? .deferred
        rationale = row["rationale"]
        declarations = row["declarations"]
        reviewOn = row["review_on"]
        isValid = row["is_valid"]
        invalidReason = row["invalid_reason"]
        adoptsTermsVersion = row["adopts_terms_version"]
        recordedByName = row["recorded_by_name"]
        recordedAt = row["recorded_at"]
    }
}

/// What a person records.
public struct DecisionInput: Sendable, Equatable {
    public var title: String
    public var question: String
    public var method: DecisionMethod
    public var membersTotal: Int
    public var membersPresent: Int
    public var livedExperiencePresent: Bool
    public var votesFor: Int?
    public var votesAgainst: Int?
    public var votesAbstaining: Int?
    public var objections: Int?
    public var consensusRecord: String?
    public var outcome: DecisionOutcome
    public var rationale: String
    public var declarations: String?
    public var reviewOn: String?
    public var invalidReason: String?
    public var adoptsTermsVersion: Int?
}

public struct DecisionStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public func decisions(groupID: Int64) async throws -> [Decision] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: Decision.selectSQL + " WHERE d.group_id = ? ORDER BY d.recorded_at DESC, d.id DESC", arguments: [groupID]).map(Decision.init)
        }
    }

    public func decision(id: Int64, groupID: Int64) async throws -> Decision? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: Decision.selectSQL + " WHERE d.id = ? AND d.group_id = ?", arguments: [id, groupID]).map(Decision.init)
        }
    }

    /// Records a decision against the terms in force (`termsVersion`). An agreed, valid decision that adopts a
    /// proposed version of the terms adopts it and supersedes the one before, in the same transaction.
    public func record(
        _ input: DecisionInput, groupID: Int64, termsVersion: Int?, quorumMet: Bool, by user: SessionUser, requestID: String?
    ) async throws -> Decision {
        let now = clock.now()
        return try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO decisions (group_id, title, question, method, terms_version, members_total, members_present, lived_experience_present,
                    quorum_met, votes_for, votes_against, votes_abstaining, objections, consensus_record, outcome, rationale, declarations,
                    review_on, is_valid, invalid_reason, adopts_terms_version, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    groupID, input.title, input.question, input.method.rawValue, termsVersion, input.membersTotal, input.membersPresent,
                    input.livedExperiencePresent, quorumMet, input.votesFor, input.votesAgainst, input.votesAbstaining, input.objections,
                    input.consensusRecord, input.outcome.rawValue, input.rationale, input.declarations, input.reviewOn,
                    input.invalidReason == nil, input.invalidReason, input.adoptsTermsVersion, user.id, now,
                ])
            let decision = try Row.fetchOne(db, sql: Decision.selectSQL + " WHERE d.id = ?", arguments: [db.lastInsertedRowID]).map(Decision.init)!
            let actor = AuditActor(userID: user.id, label: user.name)
            let change = AuditChange<[String: String]>(
                action: "recorded", recordKind: "decision", recordID: String(decision.id),
                summary: "Recorded the decision \"\(decision.title)\": \(decision.outcome.label.lowercased())\(decision.isValid ? "" : " (not valid under the terms of reference)")",
                before: nil, after: ["title": decision.title, "outcome": decision.outcome.label, "method": decision.method.label, "valid": decision.isValid ? "yes" : "no"]
            )
            try AuditLog.record(change, by: actor, at: now, requestID: requestID, in: db)
            if let adopted = input.adoptsTermsVersion, decision.outcome == .agreed, decision.isValid {
                try db.execute(sql: "UPDATE terms_of_reference SET status = 'superseded', updated_at = ? WHERE group_id = ? AND status = 'adopted'", arguments: [now, groupID])
                try db.execute(sql: "UPDATE terms_of_reference SET status = 'adopted', updated_at = ? WHERE group_id = ? AND version_number = ? AND status = 'proposed'",
                               arguments: [now, groupID, adopted])
                let adoption = AuditChange<[String: String]>(
                    action: "adopted", recordKind: "terms_of_reference", recordID: "\(groupID)/\(adopted)",
                    summary: "Adopted version \(adopted) of the terms of reference by decision #\(decision.id)",
                    before: ["status": "Proposed"], after: ["status": "Adopted"]
                )
                try AuditLog.record(adoption, by: actor, at: now, requestID: requestID, in: db)
            }
            return decision
        }
    }
}
