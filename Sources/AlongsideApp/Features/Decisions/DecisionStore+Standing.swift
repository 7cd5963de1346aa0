import Foundation
import GRDB

/// A decision another feature's record names (an alliance's election or allocation), with whether it still stands.
public struct DecisionStanding: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var title: String
    public var recordedAt: Date
    /// False when the decision has since been corrected to something other than a valid "agreed".
    public var stillStands: Bool

    enum CodingKeys: String, CodingKey {
        case id, title, recordedAt = "recorded_at", stillStands = "stands"
    }
}

/// What other features read of the decision log, inside their own transactions, instead of querying the decisions
/// table (issue 16: a feature reads another's tables only through the owner's store).
extension DecisionStore {
    private static let standsSQL = "d.outcome = 'agreed' AND d.is_valid = 1"

    /// The group's decisions as they now stand (the latest revision of each) that are agreed and valid, newest first.
    static func standingAgreed(groupID: Int64, in db: Database) throws -> [DecisionStanding] {
        try DecisionStanding.fetchAll(
            db,
            sql: """
                SELECT d.id, d.title, d.recorded_at, 1 AS stands FROM decisions d
                 WHERE d.group_id = ? AND \(Decision.isLatest) AND \(standsSQL)
                 ORDER BY d.recorded_at DESC, d.id DESC
                """, arguments: [groupID])
    }

    /// The group's decisions named, by id, with whether each still stands (the latest revision of its chain is agreed
    /// and valid). Ids of other groups' decisions are left out.
    static func standings(ids: [Int64], groupID: Int64, in db: Database) throws -> [Int64: DecisionStanding] {
        let ids = Array(Set(ids))
        guard !ids.isEmpty else { return [:] }
        var arguments = StatementArguments(ids)
        arguments += [groupID]
        // A chain with no latest revision found reads as not standing (0), as a missing answer always has.
        let standings = try DecisionStanding.fetchAll(
            db,
            sql: """
                SELECT x.id, x.title, x.recorded_at,
                       COALESCE((SELECT CASE WHEN \(standsSQL) THEN 1 ELSE 0 END FROM decisions d
                         WHERE (d.id = COALESCE(x.original_decision_id, x.id) OR d.original_decision_id = COALESCE(x.original_decision_id, x.id))
                           AND \(Decision.isLatest)), 0) AS stands
                  FROM decisions x
                 WHERE x.id IN (\(databaseQuestionMarks(count: ids.count))) AND x.group_id = ?
                """, arguments: arguments)
        return Dictionary(uniqueKeysWithValues: standings.map { ($0.id, $0) })
    }
}
