import Foundation
import GRDB

/// Reading and recording decisions. The log is append-only: a correction is a new revision, and every
/// change writes its audit row in the same transaction.
public struct DecisionStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public enum Refusal: Error, Equatable {
        /// Someone corrected this revision first; the log never forks, so correct the latest one.
        case alreadyCorrected(latestID: Int64)
    }

    /// Each of the group's decisions once, as it now stands (its latest revision), newest decision first.
    public func decisions(groupID: Int64) async throws -> [Decision] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: Decision.selectSQL
                    + " WHERE d.group_id = ? AND \(Decision.isLatest) ORDER BY COALESCE(d.original_decision_id, d.id) DESC",
                arguments: [groupID]
            ).map(Decision.init)
        }
    }

    /// One revision, with its declarations.
    public func decision(id: Int64, groupID: Int64) async throws -> Decision? {
        try await pool.read { db in try Self.decision(id: id, groupID: groupID, in: db) }
    }

    static func decision(id: Int64, groupID: Int64, in db: Database) throws -> Decision? {
        guard
            var decision = try Row.fetchOne(
                db, sql: Decision.selectSQL + " WHERE d.id = ? AND d.group_id = ?", arguments: [id, groupID]
            ).map(Decision.init)
        else { return nil }
        decision.declarationList = try declarations(decisionID: decision.id, in: db)
        return decision
    }

    /// Every revision of the decision `chainID` belongs to, oldest first, with their declarations.
    public func revisions(chainID: Int64, groupID: Int64) async throws -> [Decision] {
        try await pool.read { db in try Self.revisions(chainID: chainID, groupID: groupID, in: db) }
    }

    static func revisions(chainID: Int64, groupID: Int64, in db: Database) throws -> [Decision] {
        var revisions = try Row.fetchAll(
            db,
            sql: Decision.selectSQL
                + " WHERE (d.id = ? OR d.original_decision_id = ?) AND d.group_id = ? ORDER BY d.id",
            arguments: [chainID, chainID, groupID]
        ).map(Decision.init)
        for index in revisions.indices {
            revisions[index].declarationList = try declarations(decisionID: revisions[index].id, in: db)
        }
        return revisions
    }

    static func declarations(decisionID: Int64, in db: Database) throws -> [DecisionDeclaration] {
        try DecisionDeclaration.fetchAll(
            db,
            sql:
                "SELECT user_id, person_name, interest, took_part FROM decision_declarations WHERE decision_id = ? ORDER BY position",
            arguments: [decisionID])
    }

    /// The group's meetings, newest first, as "12 March 2027: Quarterly review" (a cancelled one says so, and is
    /// still listed so a decision linked to it keeps its label).
    public func meetings(groupID: Int64) async throws -> [DecisionMeetingChoice] {
        try await MeetingStore(pool: pool, clock: clock).meetings(groupID: groupID).reversed().map { meeting in
            let cancelled = meeting.status == .cancelled ? " (cancelled)" : ""
            return DecisionMeetingChoice(
                id: meeting.id, label: "\(LondonTime.date(meeting.startsAt)): \(meeting.purpose)\(cancelled)",
                startsAt: meeting.startsAt, isCancelled: meeting.status == .cancelled)
        }
    }

    /// Records a decision against the terms in force (`termsVersion`), or a correction of `correcting` (which must be
    /// the latest revision). An agreed, valid new decision that adopts a proposed version of the terms adopts it and
    /// supersedes the one before, in the same transaction.
    public func record(
        _ input: DecisionInput, groupID: Int64, termsVersion: Int?, quorumMet: Bool, correcting: Decision? = nil,
        by user: SessionUser, requestID: String?
    ) async throws -> Decision {
        let now = clock.now()
        let actor = AuditActor(userID: user.id, label: user.name)
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            if let correcting {
                let corrected = try Int64.fetchOne(
                    db, sql: "SELECT id FROM decisions WHERE corrects_decision_id = ?", arguments: [correcting.id])
                if corrected != nil {
                    let latest =
                        try Self.revisions(chainID: correcting.chainID, groupID: groupID, in: db).last?.id
                        ?? correcting.id
                    throw Refusal.alreadyCorrected(latestID: latest)
                }
            }
            let decision = try Self.insert(
                input, groupID: groupID, termsVersion: termsVersion, quorumMet: quorumMet, correcting: correcting,
                recordedBy: user.id, at: now, in: db)
            try Self.audit(decision, correcting: correcting, in: audit)
            if correcting == nil, let adopted = input.adoptsTermsVersion, decision.outcome == .agreed, decision.isValid
            {
                try TermsStore.adopt(version: adopted, groupID: groupID, byDecision: decision.id, in: db, audit: audit)
            }
            return decision
        }
    }

    /// Writes one revision and its declarations. Shared with online proposals, which record their outcome as a decision.
    static func insert(
        _ input: DecisionInput, groupID: Int64, termsVersion: Int?, quorumMet: Bool, correcting: Decision?,
        recordedBy: Int64, at now: Date, in db: Database
    ) throws -> Decision {
        try db.execute(
            sql: """
                INSERT INTO decisions (group_id, title, question, method, terms_version, members_total, members_present, lived_experience_present,
                    quorum_met, votes_for, votes_against, votes_abstaining, objections, consensus_record, outcome, rationale, declarations,
                    review_on, is_valid, invalid_reason, adopts_terms_version, recorded_by, recorded_at, meeting_id, between_meetings,
                    corrects_decision_id, original_decision_id, correction_reason, visibility)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                groupID, input.title, input.question, input.method.rawValue, termsVersion, input.membersTotal,
                input.membersPresent,
                input.livedExperiencePresent, quorumMet, input.votesFor, input.votesAgainst, input.votesAbstaining,
                input.objections,
                input.consensusRecord, input.outcome.rawValue, input.rationale, input.declarations, input.reviewOn,
                input.invalidReason == nil, input.invalidReason, input.adoptsTermsVersion, recordedBy, now,
                input.meetingID, input.meetingID == nil,
                correcting?.id, correcting?.chainID, correcting == nil ? nil : input.correctionReason,
                // A correction stays as public or private as the revision it corrects.
                (correcting?.visibility ?? .private).rawValue,
            ])
        let id = db.lastInsertedRowID
        for (position, declaration) in input.declarationList.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO decision_declarations (decision_id, position, user_id, person_name, interest, took_part) VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, position + 1, declaration.userID, declaration.personName, declaration.interest,
                    declaration.tookPart,
                ])
        }
        return try decision(id: id, groupID: groupID, in: db)!
    }

    static func audit(_ decision: Decision, correcting: Decision?, in trail: AuditTrail) throws {
        let after = [
            "title": decision.title, "outcome": decision.outcome.label, "method": decision.method.label,
            "valid": decision.isValid ? "yes" : "no",
        ]
        let change: AuditChange<[String: String]>
        if let correcting {
            change = AuditChange(
                action: "corrected", recordKind: "decision", recordID: String(decision.id),
                summary:
                    "Corrected the decision \"\(decision.title)\" (revision #\(decision.id) corrects #\(correcting.id)): \(decision.correctionReason ?? "")",
                before: [
                    "title": correcting.title, "outcome": correcting.outcome.label, "method": correcting.method.label,
                    "valid": correcting.isValid ? "yes" : "no",
                ],
                after: after
            )
        } else {
            change = AuditChange(
                action: "recorded", recordKind: "decision", recordID: String(decision.id),
                summary:
                    "Recorded the decision \"\(decision.title)\": \(decision.outcome.label.lowercased())\(decision.isValid ? "" : " (not valid under the terms of reference)")",
                before: nil, after: after
            )
        }
        try trail.record(change)
    }
}
