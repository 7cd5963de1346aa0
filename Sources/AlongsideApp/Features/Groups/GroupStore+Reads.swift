import Foundation
import GRDB

/// What other features read of groups, inside their own transactions, instead of joining the groups and memberships
/// tables (issue 16: a feature reads another's tables only through the owner's store).
extension GroupStore {
    /// The groups' names, by id, for pages that show which group a record belongs to.
    static func names(ids: some Sequence<Int64>, in db: Database) throws -> [Int64: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT id, name FROM groups WHERE id IN (\(databaseQuestionMarks(count: unique.count)))",
            arguments: StatementArguments(unique))
        {
            names[row["id"]] = row["name"]
        }
        return names
    }

    /// Each group's place when groups are listed by name (`name COLLATE NOCASE`; groups whose names differ only in
    /// case share a place), for a feature that orders its records by their group's name.
    static func nameOrder(ids: some Sequence<Int64>, in db: Database) throws -> [Int64: Int] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        var order: [Int64: Int] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT id, DENSE_RANK() OVER (ORDER BY name COLLATE NOCASE) AS place FROM groups
                 WHERE id IN (\(databaseQuestionMarks(count: unique.count)))
                """, arguments: StatementArguments(unique))
        {
            order[row["id"]] = row["place"]
        }
        return order
    }

    /// The groups named, by name (`name COLLATE NOCASE`, then id).
    static func groups(ids: some Sequence<Int64>, in db: Database) throws -> [Group] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [] }
        return try Row.fetchAll(
            db,
            sql: """
                SELECT \(Group.columns) FROM groups WHERE id IN (\(databaseQuestionMarks(count: unique.count))) ORDER BY name COLLATE NOCASE, id
                """, arguments: StatementArguments(unique)
        ).map(Group.init)
    }

    /// The groups a person belongs to on `today` (a membership running then, any seat).
    static func currentGroupIDs(userID: Int64, today: String, in db: Database) throws -> Set<Int64> {
        Set(
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT group_id FROM memberships WHERE user_id = ? AND starts_on <= ? AND (ends_on IS NULL OR ends_on > ?)
                    """, arguments: [userID, today, today]))
    }
}
