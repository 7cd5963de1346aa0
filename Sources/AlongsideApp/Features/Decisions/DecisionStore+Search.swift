import Foundation
import GRDB

/// A decision with the name of its group, for pages that span groups.
public struct GroupDecision: Sendable, Equatable {
    public let decision: Decision
    public let groupName: String
}

/// Searching the log across groups, and the reviews that are due.
extension DecisionStore {
    /// Latest revisions matching the filter, newest first.
    func search(_ filter: DecisionFilter) async throws -> [GroupDecision] {
        guard !filter.groupIDs.isEmpty else { return [] }
        var conditions = [
            Decision.isLatest, "d.group_id IN (\(filter.groupIDs.map { _ in "?" }.joined(separator: ", ")))",
        ]
        var arguments = StatementArguments(filter.groupIDs.sorted())
        for word in filter.words {
            conditions.append(
                "(d.title LIKE ? ESCAPE '\\' OR d.question LIKE ? ESCAPE '\\' OR d.rationale LIKE ? ESCAPE '\\')")
            let pattern = DecisionFilter.likePattern(word)
            arguments += [pattern, pattern, pattern]
        }
        if let from = filter.from {
            conditions.append("d.recorded_at >= ?")
            arguments += [from]
        }
        if let to = filter.toExclusive {
            conditions.append("d.recorded_at < ?")
            arguments += [to]
        }
        if let outcome = filter.outcome {
            conditions.append("d.outcome = ?")
            arguments += [outcome.rawValue]
        }
        let sql =
            Decision.selectSQL + " WHERE " + conditions.joined(separator: " AND ")
            + " ORDER BY d.recorded_at DESC, d.id DESC"
        let finalArguments = arguments
        return try await pool.read { db in
            try Self.withGroupNames(try Decision.fetchAll(db, sql: sql, arguments: finalArguments), in: db)
        }
    }

    /// Every group's decisions as they now stand (each decision's latest revision), latest first.
    public func currentDecisions() async throws -> [Decision] {
        try await pool.read { db in
            try Decision.fetchAll(
                db, sql: Decision.selectSQL + " WHERE \(Decision.isLatest) ORDER BY d.recorded_at DESC, d.id DESC")
        }
    }

    /// Every group's decisions as they now stand, with their groups' names, latest first.
    func currentWithGroupNames() async throws -> [GroupDecision] {
        try await pool.read { db in
            try Self.withGroupNames(
                try Decision.fetchAll(
                    db, sql: Decision.selectSQL + " WHERE \(Decision.isLatest) ORDER BY d.recorded_at DESC, d.id DESC"),
                in: db)
        }
    }

    /// Every group's decisions first recorded at or after `start` and before `end`, each as it now stands (its latest
    /// revision: a correction made later does not move a decision out of the period it was taken in), with their groups'
    /// names and when each was first recorded, oldest first. For the board report.
    public func taken(from start: Date, before end: Date) async throws -> [(decision: GroupDecision, takenAt: Date)] {
        try await pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT x.*, o.recorded_at AS taken_at
                      FROM (\(Decision.selectSQL) WHERE \(Decision.isLatest)) x
                      JOIN decisions o ON o.id = COALESCE(x.original_decision_id, x.id)
                     WHERE o.recorded_at >= ? AND o.recorded_at < ?
                     ORDER BY o.recorded_at, o.id
                    """, arguments: [start, end])
            let decisions = try rows.map(Decision.init)
            let takenAt: [Date] = rows.map { $0["taken_at"] }
            return zip(try Self.withGroupNames(decisions, in: db), takenAt).map { (decision: $0, takenAt: $1) }
        }
    }

    /// Decisions as they now stand whose review date is `today` or earlier, soonest review first.
    func reviewsDue(groupIDs: Set<Int64>, today: String) async throws -> [GroupDecision] {
        guard !groupIDs.isEmpty else { return [] }
        let placeholders = groupIDs.map { _ in "?" }.joined(separator: ", ")
        var arguments = StatementArguments(groupIDs.sorted())
        arguments += [today]
        let finalArguments = arguments
        return try await pool.read { db in
            let decisions = try Decision.fetchAll(
                db,
                sql: Decision.selectSQL + """
                     WHERE \(Decision.isLatest) AND d.group_id IN (\(placeholders)) AND d.review_on IS NOT NULL AND d.review_on <= ?
                     ORDER BY d.review_on, d.id
                    """, arguments: finalArguments)
            // Soonest review first, then by group name, as the page lists them.
            let place = try GroupStore.nameOrder(ids: decisions.map(\.groupID), in: db)
            let ordered = decisions.enumerated().sorted { first, second in
                let (a, b) = (first.element, second.element)
                if a.reviewOn != b.reviewOn { return first.offset < second.offset }
                let (placeA, placeB) = (place[a.groupID] ?? 0, place[b.groupID] ?? 0)
                return placeA != placeB ? placeA < placeB : first.offset < second.offset
            }.map(\.element)
            return try Self.withGroupNames(ordered, in: db)
        }
    }

    /// The decisions with their groups' names, read from the groups' store.
    private static func withGroupNames(_ decisions: [Decision], in db: Database) throws -> [GroupDecision] {
        let names = try GroupStore.names(ids: decisions.map(\.groupID), in: db)
        return decisions.map { GroupDecision(decision: $0, groupName: names[$0.groupID] ?? "") }
    }

    /// Each decision's declarations of interest as one line of text ("Name: interest (took part); …"), for exports.
    func declarationSummaries(decisionIDs: [Int64]) async throws -> [Int64: String] {
        guard !decisionIDs.isEmpty else { return [:] }
        return try await pool.read { db in
            var summaries: [Int64: String] = [:]
            for id in decisionIDs {
                let list = try Self.declarations(decisionID: id, in: db)
                if !list.isEmpty { summaries[id] = list.map(\.summary).joined(separator: "; ") }
            }
            return summaries
        }
    }
}
