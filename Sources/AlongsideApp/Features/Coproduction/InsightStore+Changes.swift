import Foundation
import GRDB

/// Recording and editing insights and answering them.
extension InsightStore {
    public func create(_ input: InsightInput, by actor: AuditActor, requestID: String?) async throws -> Insight {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql: """
                    INSERT INTO insights (heard, quote, quote_consent, source_kind, source_detail, place, heard_on, group_id, meeting_id,
                                          recorded_by, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: Self.arguments(input) + [actor.userID, now, now])
            let id = db.lastInsertedRowID
            try Self.setLinks(input, insightID: id, keeping: [:], in: db)
            let insight = try Self.insight(id: id, in: db)!
            try audit.record(
                AuditChange(
                    action: "created", recordKind: "insight", recordID: String(id),
                    summary: "Recorded an insight heard on \(LondonTime.day(input.heardOn))", before: nil,
                    after: insight.snapshot))
            return insight
        }
    }

    /// Saves an edit made from `expectedVersion`; refuses it when someone else has saved since. Links the form no
    /// longer offers (a retired community or deliverable, a decision in a group the editor cannot see) are kept.
    public func update(
        _ id: Int64, _ input: InsightInput, expectedVersion: Int, keeping: [String: [Int64]], by actor: AuditActor,
        requestID: String?
    ) async throws -> EditOutcome {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.insight(id: id, in: db) else { throw AppError.notFound }
            guard before.version == expectedVersion else { return .conflict(current: before) }
            try db.execute(
                sql: """
                    UPDATE insights SET heard = ?, quote = ?, quote_consent = ?, source_kind = ?, source_detail = ?, place = ?, heard_on = ?,
                           group_id = ?, meeting_id = ?, version = version + 1, updated_at = ?
                     WHERE id = ?
                    """, arguments: Self.arguments(input) + [now, id])
            try Self.setLinks(input, insightID: id, keeping: keeping, in: db)
            let after = try Self.insight(id: id, in: db)!
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "insight", recordID: String(id),
                    summary: "Edited the insight heard on \(LondonTime.day(after.input.heardOn))",
                    before: before.snapshot, after: after.snapshot))
            return .saved(after)
        }
    }

    static func arguments(_ input: InsightInput) -> StatementArguments {
        // A quote without consent is kept for the workspace; consent without a quote means nothing, so it is not stored.
        [
            input.heard, input.quote, input.quoteConsent && !input.quote.isEmpty, input.sourceKind.rawValue,
            input.sourceDetail, input.place,
            input.heardOn, input.groupID, input.meetingID,
        ]
    }

    /// Replaces the insight's links with the input's, plus `keeping` (by table) that the form could not offer.
    static func setLinks(_ input: InsightInput, insightID: Int64, keeping: [String: [Int64]], in db: Database) throws {
        let tables: [(table: String, column: String, ids: [Int64])] = [
            ("insight_communities", "community_id", input.communityIDs),
            ("insight_deliverables", "deliverable_id", input.deliverableIDs),
            ("insight_decisions", "decision_id", input.decisionIDs),
            ("insight_plan_items", "item_id", input.planItemIDs),
        ]
        for (table, column, ids) in tables {
            try db.execute(sql: "DELETE FROM \(table) WHERE insight_id = ?", arguments: [insightID])
            for id in Set(ids + (keeping[table] ?? [])).sorted() {
                try db.execute(
                    sql: "INSERT INTO \(table) (insight_id, \(column)) VALUES (?, ?)", arguments: [insightID, id])
            }
        }
        try db.execute(sql: "DELETE FROM insight_themes WHERE insight_id = ?", arguments: [insightID])
        for theme in Set(input.themes).sorted() {
            try db.execute(
                sql: "INSERT INTO insight_themes (insight_id, theme) VALUES (?, ?)", arguments: [insightID, theme])
        }
    }

    public enum AnswerOutcome: Sendable, Equatable {
        case saved(InsightResponse)
        /// Someone else answered or changed the answer first.
        case conflict(current: InsightResponse?)
    }

    /// Answers the insight, or changes its answer. `expectedVersion` is nil for a first answer (refused if someone
    /// answered meanwhile) and the answer's version for a change.
    public func respond(
        _ insightID: Int64, outcome: ResponseOutcome, answer: String, expectedVersion: Int?, by actor: AuditActor,
        requestID: String?
    ) async throws -> AnswerOutcome {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let insight = try Self.insight(id: insightID, in: db) else { throw AppError.notFound }
            let before = insight.response
            guard before?.version == expectedVersion else { return .conflict(current: before) }
            if before == nil {
                try db.execute(
                    sql: """
                        INSERT INTO insight_responses (insight_id, outcome, answer, responded_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [insightID, outcome.rawValue, answer, actor.userID, now, now])
            } else {
                try db.execute(
                    sql: """
                        UPDATE insight_responses SET outcome = ?, answer = ?, responded_by = ?, version = version + 1, updated_at = ? WHERE insight_id = ?
                        """, arguments: [outcome.rawValue, answer, actor.userID, now, insightID])
            }
            let after = try Self.insight(id: insightID, in: db)!.response!
            try audit.record(
                AuditChange(
                    action: before == nil ? "answered" : "answer changed", recordKind: "insight",
                    recordID: String(insightID),
                    summary: (before == nil ? "Answered" : "Changed the answer to")
                        + " the insight heard on \(LondonTime.day(insight.input.heardOn))",
                    before: before?.snapshot, after: after.snapshot))
            return .saved(after)
        }
    }
}
