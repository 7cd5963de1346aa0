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

    /// Meetings of every group that started at or after `start` and before `end` and were not cancelled, oldest first,
    /// each with whether its attendance was recorded and whether an expert by experience or carer member was there (in
    /// person, or through the deputy they sent: a deputy keeps the seat's lived experience in the room, as
    /// `MeetingRules.quorum` counts it when deputies count). For the board report.
    public func presence(from start: Date, before end: Date) async throws -> [MeetingPresence] {
        try await pool.read { db in
            let meetings = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Meeting.columns) FROM meetings
                     WHERE status <> 'cancelled' AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, id
                    """, arguments: [start, end]
            ).map(Meeting.init)
            return try meetings.map { meeting in
                let attendance = try KeyedValue<String>.keyed(
                    db, sql: "SELECT user_id AS key, status AS value FROM attendance WHERE meeting_id = ?",
                    arguments: [meeting.id]
                ).compactMapValues(AttendanceStatus.init(rawValue:))
                let expected = try GroupStore.membersWithASay(
                    groupID: meeting.groupID, on: LondonTime.isoDay(meeting.startsAt), in: db
                ).map {
                    MeetingRules.Expected(
                        userID: $0.userID, name: $0.personName, sector: $0.sector, deputyUserID: $0.deputyUserID,
                        deputyName: $0.deputyName)
                }
                let quorum = MeetingRules.quorum(terms: nil, expected: expected, attendance: attendance)
                return MeetingPresence(
                    meetingID: meeting.id, groupID: meeting.groupID, startsAt: meeting.startsAt,
                    attendanceRecorded: !attendance.isEmpty,
                    livedExperiencePresent: !attendance.isEmpty && quorum.livedExperiencePresent)
            }
        }
    }
}

/// A meeting as the board report counts it: whether attendance was recorded, and whether lived experience was present.
public struct MeetingPresence: Sendable, Equatable {
    public let meetingID: Int64
    public let groupID: Int64
    public let startsAt: Date
    public let attendanceRecorded: Bool
    public let livedExperiencePresent: Bool
}
