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
        let insights = try Insight.fetchAll(
            db,
            sql: """
                SELECT i.*, COALESCE(u.name, '') AS recorder_name FROM insights i LEFT JOIN users u ON u.id = i.recorded_by
                """ + (condition.map { " WHERE \($0.sql)" } ?? "") + " ORDER BY i.heard_on DESC, i.id DESC",
            arguments: condition?.arguments ?? StatementArguments())
        guard !insights.isEmpty else { return [] }
        let ids = insights.map(\.id)
        let marks = databaseQuestionMarks(count: ids.count)
        func links<Value: Decodable & Sendable>(_ table: String, _ column: String, of _: Value.Type) throws -> [Int64:
            [Value]]
        {
            try KeyedValue<Value>.grouped(
                db,
                sql:
                    "SELECT insight_id AS key, \(column) AS value FROM \(table) WHERE insight_id IN (\(marks)) ORDER BY \(column)",
                arguments: StatementArguments(ids))
        }
        let communities = try links("insight_communities", "community_id", of: Int64.self)
        let deliverables = try links("insight_deliverables", "deliverable_id", of: Int64.self)
        let decisions = try links("insight_decisions", "decision_id", of: Int64.self)
        let planItems = try links("insight_plan_items", "item_id", of: Int64.self)
        let themes = try links("insight_themes", "theme", of: String.self)
        let responses = try KeyedRecord<InsightResponse>.keyed(
            db, sql: "SELECT *, insight_id AS key FROM insight_responses WHERE insight_id IN (\(marks))",
            arguments: StatementArguments(ids))
        return insights.map { insight in
            var insight = insight
            let id = insight.id
            insight.input.communityIDs = communities[id] ?? []
            insight.input.themes = themes[id] ?? []
            insight.input.deliverableIDs = deliverables[id] ?? []
            insight.input.decisionIDs = decisions[id] ?? []
            insight.input.planItemIDs = planItems[id] ?? []
            insight.response = responses[id]
            return insight
        }
    }
}
