import Foundation
import GRDB

/// What other features read of groups, inside their own transactions, instead of joining the groups and memberships
/// tables (issue 16: a feature reads another's tables only through the owner's store).
extension GroupStore {
    /// The groups' names, by id, for pages that show which group a record belongs to.
    static func names(ids: some Sequence<Int64>, in db: Database) throws -> [Int64: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return try KeyedValue<String>.keyed(
            db,
            sql:
                "SELECT id AS key, name AS value FROM groups WHERE id IN (\(databaseQuestionMarks(count: unique.count)))",
            arguments: StatementArguments(unique))
    }

    /// Each group's place when groups are listed by name (`name COLLATE NOCASE`; groups whose names differ only in
    /// case share a place), for a feature that orders its records by their group's name.
    static func nameOrder(ids: some Sequence<Int64>, in db: Database) throws -> [Int64: Int] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return try KeyedValue<Int>.keyed(
            db,
            sql: """
                SELECT id AS key, DENSE_RANK() OVER (ORDER BY name COLLATE NOCASE) AS value FROM groups
                 WHERE id IN (\(databaseQuestionMarks(count: unique.count)))
                """, arguments: StatementArguments(unique))
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

    /// The group's members with a say on `day`: memberships running then, observers aside, by name, each with the
    /// deputy named for them (the members a meeting that day expects).
    static func membersWithASay(groupID: Int64, on day: String, in db: Database) throws -> [Membership] {
        try Membership.fetchAll(
            db,
            sql: Membership.selectSQL + """
                 WHERE m.group_id = ? AND m.seat <> 'observer' AND m.starts_on <= ? AND (m.ends_on IS NULL OR m.ends_on > ?)
                 ORDER BY u.name COLLATE NOCASE
                """, arguments: [groupID, day, day])
    }

    /// The composition check of a group on `day`, over the same members and by the same rule as the group's page, so
    /// First steps and the group page cannot disagree about which seats are missing (issue 17).
    static func composition(of group: Group, on day: String, in db: Database) throws -> CompositionCheck.Report {
        CompositionCheck.check(
            requirements: group.requirements,
            members: try membersWithASay(groupID: group.id, on: day, in: db).map(\.compositionMember), on: day)
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
