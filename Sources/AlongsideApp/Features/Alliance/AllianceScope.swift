import Foundation
import GRDB
import Hummingbird

/// What the alliance's pages share: the group-scoped context for its routes (a group of kind VCSE alliance, scoped to
/// the person asking as `GroupScope` scopes any group; any other kind answers 404), and its authorising decisions.
struct AllianceScope: Sendable {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var groups: GroupStore { GroupStore(pool: services.pool, clock: services.clock) }
    /// The alliance's routes load the group as any group's do, and answer 404 for any other kind of group.
    var context: GroupScope { GroupScope(store: groups, kind: .vcseAlliance) }

    /// The alliance's decisions that can authorise an election or an allocation, for a form's choices.
    func authorisingDecisions(groupID: Int64) async throws -> [DecisionReference] {
        try await services.pool.read { db in try AllianceDecisions.authorising(groupID: groupID, in: db) }
    }

    /// The decisions a page names, by id, with whether each still stands.
    func decisionReferences(_ ids: [Int64], groupID: Int64) async throws -> [Int64: DecisionReference] {
        try await services.pool.read { db in try AllianceDecisions.references(ids: ids, groupID: groupID, in: db) }
    }
}

/// A recorded alliance decision, as an allocation or an election names it.
public struct DecisionReference: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var recordedAt: Date
    /// False when the decision has since been corrected to something other than a valid "agreed".
    public var stillStands: Bool

    public var label: String { "\(title) (recorded \(LondonTime.date(recordedAt)))" }
    func href(groupID: Int64) -> String { Href.decision(groupID, id) }
}

/// The alliance decisions that can authorise an election or an allocation: the latest revision of each,
/// agreed and valid.
enum AllianceDecisions {
    static let standsSQL = "d.outcome = 'agreed' AND d.is_valid = 1"

    /// Choices for a form, newest first.
    static func authorising(groupID: Int64, in db: Database) throws -> [DecisionReference] {
        try Row.fetchAll(db, sql: """
            SELECT d.id, d.title, d.recorded_at FROM decisions d
             WHERE d.group_id = ? AND \(Decision.isLatest) AND \(standsSQL)
             ORDER BY d.recorded_at DESC, d.id DESC
            """, arguments: [groupID]).map { DecisionReference(id: $0["id"], title: $0["title"], recordedAt: $0["recorded_at"], stillStands: true) }
    }

    /// The decision `id` if it belongs to the alliance, is the latest revision and still stands: what a form accepts.
    static func authorising(id: Int64, groupID: Int64, in db: Database) throws -> DecisionReference? {
        try authorising(groupID: groupID, in: db).first { $0.id == id }
    }

    /// Decisions a page names, by id, with whether each still stands (the latest revision of its chain is agreed and valid).
    static func references(ids: [Int64], groupID: Int64, in db: Database) throws -> [Int64: DecisionReference] {
        let ids = Array(Set(ids))
        guard !ids.isEmpty else { return [:] }
        var arguments = StatementArguments(ids)
        arguments += [groupID]
        let rows = try Row.fetchAll(db, sql: """
            SELECT x.id, x.title, x.recorded_at,
                   (SELECT CASE WHEN \(standsSQL) THEN 1 ELSE 0 END FROM decisions d
                     WHERE (d.id = COALESCE(x.original_decision_id, x.id) OR d.original_decision_id = COALESCE(x.original_decision_id, x.id))
                       AND \(Decision.isLatest)) AS stands
              FROM decisions x
             WHERE x.id IN (\(databaseQuestionMarks(count: ids.count))) AND x.group_id = ?
            """, arguments: arguments)
        return Dictionary(uniqueKeysWithValues: rows.map { row in
            let id: Int64 = row["id"]
            return (id, DecisionReference(id: id, title: row["title"], recordedAt: row["recorded_at"], stillStands: (row["stands"] as Int?) == 1))
        })
    }
}
