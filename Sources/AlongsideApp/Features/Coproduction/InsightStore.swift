import Foundation
import GRDB

/// Insights heard from communities and staff, with what they informed and their "you said, we did" answers.
/// Every change is written with its audit row in one transaction.
public struct InsightStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public init(pool: DatabasePool, clock: AppClock) {
        self.pool = pool
        self.clock = clock
    }

    public enum EditOutcome: Sendable, Equatable {
        case saved(Insight)
        /// Someone else saved first; their version is returned so both can be shown.
        case conflict(current: Insight)
    }

    /// Every insight, newest heard first.
    public func all() async throws -> [Insight] {
        try await pool.read { db in try Self.fetch(in: db, where: nil) }
    }

    public func insight(id: Int64) async throws -> Insight? {
        try await pool.read { db in try Self.insight(id: id, in: db) }
    }

    /// The insights heard at one workshop.
    public func insights(meetingID: Int64) async throws -> [Insight] {
        try await pool.read { db in try Self.fetch(in: db, where: ("i.meeting_id = ?", [meetingID])) }
    }

    /// The insights that informed an action-plan item.
    public func insights(informingPlanItem itemID: Int64) async throws -> [Insight] {
        try await pool.read { db in
            try Self.fetch(
                in: db, where: ("i.id IN (SELECT insight_id FROM insight_plan_items WHERE item_id = ?)", [itemID]))
        }
    }

    /// The insights that came from one community.
    public func insights(communityID: Int64) async throws -> [Insight] {
        try await pool.read { db in
            try Self.fetch(
                in: db,
                where: ("i.id IN (SELECT insight_id FROM insight_communities WHERE community_id = ?)", [communityID]))
        }
    }

    static func insight(id: Int64, in db: Database) throws -> Insight? {
        try fetch(in: db, where: ("i.id = ?", [id])).first
    }

    /// Insights with their communities, themes, links and answers: a fixed number of reads however many there are.
    static func fetch(in db: Database, where condition: (sql: String, arguments: StatementArguments)?) throws
        -> [Insight]
    {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT i.*, COALESCE(u.name, '') AS recorder_name FROM insights i LEFT JOIN users u ON u.id = i.recorded_by
                """ + (condition.map { " WHERE \($0.sql)" } ?? "") + " ORDER BY i.heard_on DESC, i.id DESC",
            arguments: condition?.arguments ?? StatementArguments())
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = rows.map { $0["id"] }
        let marks = databaseQuestionMarks(count: ids.count)
        func links(_ table: String, _ column: String) throws -> [Int64: [Int64]] {
            var found: [Int64: [Int64]] = [:]
            for row in try Row.fetchAll(
                db,
                sql:
                    "SELECT insight_id, \(column) AS linked FROM \(table) WHERE insight_id IN (\(marks)) ORDER BY \(column)",
                arguments: StatementArguments(ids))
            {
                found[row["insight_id"], default: []].append(row["linked"])
            }
            return found
        }
        let communities = try links("insight_communities", "community_id")
        let deliverables = try links("insight_deliverables", "deliverable_id")
        let decisions = try links("insight_decisions", "decision_id")
        let planItems = try links("insight_plan_items", "item_id")
        var themes: [Int64: [String]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT insight_id, theme FROM insight_themes WHERE insight_id IN (\(marks)) ORDER BY theme",
            arguments: StatementArguments(ids))
        {
            themes[row["insight_id"], default: []].append(row["theme"])
        }
        var responses: [Int64: InsightResponse] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT * FROM insight_responses WHERE insight_id IN (\(marks))",
            arguments: StatementArguments(ids))
        {
            responses[row["insight_id"]] = InsightResponse(
                outcome: ResponseOutcome(rawValue: row["outcome"]) ?? .changing, answer: row["answer"],
                version: row["version"], createdAt: row["created_at"], updatedAt: row["updated_at"])
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            let input = InsightInput(
                heard: row["heard"], sourceKind: SourceKind(rawValue: row["source_kind"]) ?? .communityGroup,
                sourceDetail: row["source_detail"],
                place: row["place"], heardOn: row["heard_on"], communityIDs: communities[id] ?? [],
                themes: themes[id] ?? [],
                quote: row["quote"], quoteConsent: row["quote_consent"], groupID: row["group_id"],
                meetingID: row["meeting_id"],
                deliverableIDs: deliverables[id] ?? [], decisionIDs: decisions[id] ?? [],
                planItemIDs: planItems[id] ?? []
            )
            return Insight(
                id: id, input: input, recordedBy: row["recorded_by"], recorderName: row["recorder_name"],
                version: row["version"],
                createdAt: row["created_at"], updatedAt: row["updated_at"], response: responses[id])
        }
    }
}
