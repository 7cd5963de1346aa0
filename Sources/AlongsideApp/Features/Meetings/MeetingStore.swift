import Foundation
import GRDB

/// Reading and changing meetings, their agenda, attendance, declarations and minutes.
/// Every change writes its audit row in the same transaction.
public struct MeetingStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock
    /// Tells members of invitations, changes, cancellations and papers (issue 20); nil sends nothing (the demo).
    var notifier: Notifier? = nil

    /// The fields a person fills in for a meeting (or every meeting of a series).
    public struct MeetingInput: Sendable, Equatable {
        public var startsAt: Date
        public var endsAt: Date
        public var purpose: String
        public var kind: MeetingKind
        public var format: MeetingFormat
        public var address: String
        public var joiningDetails: String
        public var access: [AccessArrangement]
        public var accessNotes: String
        public var papers: String
        public var status: MeetingStatus
        public var visibility: Visibility
    }

    public func meetings(groupID: Int64) async throws -> [Meeting] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Meeting.columns) FROM meetings WHERE group_id = ? ORDER BY starts_at, id",
                arguments: [groupID]
            ).map(Meeting.init)
        }
    }

    /// Every group's workshops, latest first.
    public func workshops() async throws -> [Meeting] {
        try await pool.read { db in
            try Meeting.fetchAll(
                db, sql: "SELECT \(Meeting.columns) FROM meetings WHERE kind = 'workshop' ORDER BY starts_at DESC, id")
        }
    }

    /// The latest meetings of these groups that started before `date` and were not cancelled, latest first.
    public func latest(groupIDs: [Int64], before date: Date, limit: Int) async throws -> [Meeting] {
        guard !groupIDs.isEmpty else { return [] }
        return try await pool.read { db in
            try Meeting.fetchAll(
                db,
                sql: """
                    SELECT \(Meeting.columns) FROM meetings
                     WHERE status <> 'cancelled' AND starts_at < ? AND group_id IN (\(databaseQuestionMarks(count: groupIDs.count)))
                     ORDER BY starts_at DESC LIMIT \(limit)
                    """, arguments: StatementArguments([date]) + StatementArguments(groupIDs))
        }
    }

    public func meeting(id: Int64, groupID: Int64) async throws -> Meeting? {
        try await pool.read { db in try Self.meeting(id: id, groupID: groupID, in: db) }
    }

    static func meeting(id: Int64, groupID: Int64, in db: Database) throws -> Meeting? {
        try Row.fetchOne(
            db, sql: "SELECT \(Meeting.columns) FROM meetings WHERE id = ? AND group_id = ?", arguments: [id, groupID]
        ).map(Meeting.init)
    }

    /// Plans one meeting, or a series: the same details on each of `starts` (each lasting as long as the first).
    public func plan(_ input: MeetingInput, starts: [Date], groupID: Int64, by actor: AuditActor, requestID: String?)
        async throws -> [Meeting]
    {
        let now = clock.now()
        let length = input.endsAt.timeIntervalSince(input.startsAt)
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            var planned: [Meeting] = []
            for start in starts {
                try db.execute(
                    sql: """
                        INSERT INTO meetings (group_id, starts_at, ends_at, purpose, kind, format, address, joining_details, access_arrangements,
                            access_notes, papers, status, visibility, calendar_uid, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        groupID, start, start.addingTimeInterval(length), input.purpose, input.kind.rawValue,
                        input.format.rawValue,
                        input.address, input.joiningDetails, Meeting.encodeAccess(input.access), input.accessNotes,
                        input.papers,
                        input.status.rawValue, input.visibility.rawValue, "\(UUID().uuidString.lowercased())@alongside",
                        now, now,
                    ])
                planned.append(try Self.meeting(id: db.lastInsertedRowID, groupID: groupID, in: db)!)
            }
            let change = AuditChange<[String: String]>(
                action: "planned", recordKind: "group", recordID: String(groupID),
                summary: planned.count == 1
                    ? "Planned a meeting on \(planned[0].when): \(input.purpose)"
                    : "Planned a series of \(planned.count) meetings from \(planned[0].when): \(input.purpose)",
                before: nil,
                after: planned[0].snapshot.merging(["meetings": planned.map(\.when).joined(separator: "; ")]) { $1 }
            )
            try audit.record(change)
            if let notifier {
                let mail = MeetingMail(notifier: notifier, now: now, actorID: actor.userID)
                for meeting in planned { try mail.scheduling(.invited, meeting, in: db) }
            }
            return planned
        }
    }

    /// Changes a meeting's details. Calendars see the change because its sequence number rises: members are sent the
    /// meeting again (with the same UID) when its time, place, joining details or access change, or it is cancelled or
    /// back on, and told of papers added.
    public func update(_ id: Int64, groupID: Int64, with input: MeetingInput, by actor: AuditActor, requestID: String?)
        async throws -> Meeting
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.meeting(id: id, groupID: groupID, in: db) else { throw AppError.notFound }
            try db.execute(
                sql: """
                    UPDATE meetings SET starts_at = ?, ends_at = ?, purpose = ?, kind = ?, format = ?, address = ?, joining_details = ?,
                        access_arrangements = ?, access_notes = ?, papers = ?, status = ?, visibility = ?,
                        calendar_sequence = calendar_sequence + 1, updated_at = ?
                    WHERE id = ?
                    """,
                arguments: [
                    input.startsAt, input.endsAt, input.purpose, input.kind.rawValue, input.format.rawValue,
                    input.address,
                    input.joiningDetails, Meeting.encodeAccess(input.access), input.accessNotes, input.papers,
                    input.status.rawValue, input.visibility.rawValue, now, id,
                ])
            let after = try Self.meeting(id: id, groupID: groupID, in: db)!
            let change = AuditChange(
                action: "updated", recordKind: "meeting", recordID: String(id),
                summary: "Changed the meeting on \(after.when)", before: before.snapshot, after: after.snapshot
            )
            try audit.record(change)
            if let notifier {
                let mail = MeetingMail(notifier: notifier, now: now, actorID: actor.userID)
                if let change = MeetingNotices.change(from: before, to: after) {
                    try mail.scheduling(change, after, in: db)
                }
                try mail.papers(
                    MeetingNotices.addedPapers(before: before.papers, after: after.papers), after, item: nil, in: db)
            }
            return after
        }
    }

    // MARK: Attendance and declarations

    /// Members expected on a day: memberships running then, observers aside.
    public func expected(groupID: Int64, on day: String) async throws -> [MeetingRules.Expected] {
        try await pool.read { db in
            try GroupStore.membersWithASay(groupID: groupID, on: day, in: db).map {
                MeetingRules.Expected(
                    userID: $0.userID, name: $0.personName, sector: $0.sector, deputyUserID: $0.deputyUserID,
                    deputyName: $0.deputyName)
            }
        }
    }

    public func attendance(meetingID: Int64) async throws -> [Int64: AttendanceEntry] {
        try await pool.read { db in
            try AttendanceEntry.fetchAll(
                db,
                sql: """
                    SELECT a.user_id, a.status, a.deputy_user_id, d.name AS deputy_name FROM attendance a LEFT JOIN users d ON d.id = a.deputy_user_id
                    WHERE a.meeting_id = ?
                    """, arguments: [meetingID]
            )
            .reduce(into: [Int64: AttendanceEntry]()) { entries, entry in entries[entry.userID] = entry }
        }
    }

    /// Replaces the attendance record for a meeting.
    public func recordAttendance(
        meetingID: Int64, _ entries: [AttendanceEntry], names: [Int64: String], by actor: AuditActor, requestID: String?
    ) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(sql: "DELETE FROM attendance WHERE meeting_id = ?", arguments: [meetingID])
            for entry in entries {
                try db.execute(
                    sql:
                        "INSERT INTO attendance (meeting_id, user_id, status, deputy_user_id, recorded_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [meetingID, entry.userID, entry.status.rawValue, entry.deputyUserID, now])
            }
            let after = Dictionary(
                entries.map {
                    (names[$0.userID] ?? String($0.userID), $0.status.label + ($0.deputyName.map { ": \($0)" } ?? ""))
                }
            ) { $1 }
            let change = AuditChange<[String: String]>(
                action: "attendance recorded", recordKind: "meeting", recordID: String(meetingID),
                summary: "Recorded attendance for \(entries.count) member\(entries.count == 1 ? "" : "s")", before: nil,
                after: after
            )
            try audit.record(change)
        }
    }

    public func declarations(meetingID: Int64) async throws -> [AgendaDeclaration] {
        try await pool.read { db in
            try AgendaDeclaration.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.agenda_item_id, u.name AS person_name, d.interest, d.took_part FROM agenda_declarations d
                    JOIN agenda_items i ON i.id = d.agenda_item_id JOIN users u ON u.id = d.user_id
                    WHERE i.meeting_id = ? ORDER BY i.position, d.id
                    """, arguments: [meetingID])
        }
    }

    public func declare(
        agendaItemID: Int64, userID: Int64, interest: String, tookPart: Bool, meetingID: Int64, by actor: AuditActor,
        requestID: String?
    ) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql:
                    "INSERT INTO agenda_declarations (agenda_item_id, user_id, interest, took_part, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [agendaItemID, userID, interest, tookPart, now])
            let name = try String.fetchOne(db, sql: "SELECT name FROM users WHERE id = ?", arguments: [userID]) ?? ""
            let item =
                try String.fetchOne(db, sql: "SELECT title FROM agenda_items WHERE id = ?", arguments: [agendaItemID])
                ?? ""
            let change = AuditChange<[String: String]>(
                action: "interest declared", recordKind: "meeting", recordID: String(meetingID),
                summary: "Recorded \(name)'s declaration of interest on \"\(item)\"", before: nil,
                after: ["person": name, "agendaItem": item, "interest": interest, "tookPart": tookPart ? "yes" : "no"]
            )
            try audit.record(change)
        }
    }
}
