import Foundation
import GRDB

/// What other features read of meetings, inside their own transactions, instead of querying the meetings table
/// (issue 16: a feature reads another's tables only through the owner's store).
extension MeetingStore {
    /// The meetings named, by id (a claim names the meeting it was for).
    static func meetings(ids: some Sequence<Int64>, in db: Database) throws -> [Int64: Meeting] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let meetings = try Row.fetchAll(
            db,
            sql: "SELECT \(Meeting.columns) FROM meetings WHERE id IN (\(databaseQuestionMarks(count: unique.count)))",
            arguments: StatementArguments(unique)
        ).map(Meeting.init)
        return Dictionary(uniqueKeysWithValues: meetings.map { ($0.id, $0) })
    }

    /// The groups' meetings starting between `first` and `last` (both included) that are not cancelled, latest first.
    static func uncancelledMeetings(groupIDs: [Int64], from first: Date, to last: Date, in db: Database) throws
        -> [Meeting]
    {
        guard !groupIDs.isEmpty else { return [] }
        var arguments = StatementArguments(groupIDs)
        arguments += [first, last]
        return try Row.fetchAll(
            db,
            sql: """
                SELECT \(Meeting.columns) FROM meetings
                 WHERE group_id IN (\(databaseQuestionMarks(count: groupIDs.count))) AND status <> 'cancelled' AND starts_at BETWEEN ? AND ?
                 ORDER BY starts_at DESC
                """, arguments: arguments
        ).map(Meeting.init)
    }
}
