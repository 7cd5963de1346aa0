import Foundation
import GRDB

/// Tells people by email about meetings and actions (issue 20), inside the store's own write transaction, so a
/// message exists exactly when the change it tells of was saved, and none for a change that was refused. A meeting's
/// messages go to the group's members on the day of the change (any seat), never to the person who made it; each
/// person chooses whether they come at once, in a digest, or not at all (`Notifier`).
struct MeetingMail {
    let notifier: Notifier
    let now: Date
    /// The person making the change, who is not told of it.
    let actorID: Int64?

    /// An invitation, change or cancellation: one message per member, each carrying their own copy of the meeting as
    /// a calendar file that names them as the attendee. A meeting already over sends nothing: no calendar needs it.
    func scheduling(_ change: MeetingNotices.Change, _ meeting: Meeting, in db: Database) throws {
        guard meeting.endsAt > now else { return }
        let members = try members(groupID: meeting.groupID, in: db)
        guard !members.isEmpty else { return }
        let groupName = try groupName(meeting, in: db)
        let agenda = try String.fetchAll(
            db, sql: "SELECT title FROM agenda_items WHERE meeting_id = ? ORDER BY position, id",
            arguments: [meeting.id])
        let event = ICalendar.event(
            for: meeting, groupName: groupName, agenda: agenda, includeJoiningDetails: true,
            url: notifier.baseURL + Href.meeting(meeting.groupID, meeting.id))
        // The configured From address is the relay's business; replies to a calendar go nowhere.
        let organizer = ICalendar.Person(name: "Alongside", email: "noreply@\(notifier.host)")
        for member in members {
            let calendar = ICalendar.message(change.method, event: event, organizer: organizer, attendee: member.person)
            let notice = MeetingNotices.scheduling(change, meeting, groupName: groupName, calendar: calendar)
            try notifier.send(notice, to: member.id, now: now, in: db)
        }
    }

    /// Papers just added to a meeting (in its details, or with the agenda item `item`). A cancelled meeting's papers
    /// are not sent.
    func papers(_ papers: [String], _ meeting: Meeting, item: String?, in db: Database) throws {
        guard !papers.isEmpty, meeting.status != .cancelled else { return }
        let members = try members(groupID: meeting.groupID, in: db)
        guard !members.isEmpty else { return }
        let notice = MeetingNotices.papers(papers, meeting, groupName: try groupName(meeting, in: db), item: item)
        try notifier.send(notice, to: members.map(\.id), now: now, in: db)
    }

    /// An action given to someone other than the person giving it.
    func assigned(_ action: ActionItem, in db: Database) throws {
        guard action.ownerUserID != actorID else { return }
        let meeting = try action.meetingID.flatMap { try MeetingStore.meetings(ids: [$0], in: db)[$0] }
        try notifier.send(MeetingNotices.assigned(action, meeting: meeting), to: action.ownerUserID, now: now, in: db)
    }

    private func groupName(_ meeting: Meeting, in db: Database) throws -> String {
        try GroupStore.names(ids: [meeting.groupID], in: db)[meeting.groupID] ?? ""
    }

    /// The group's members today, but not the person making the change, with the name and address their calendar
    /// file names (accounts switched off are left out: nothing goes to them).
    private func members(groupID: Int64, in db: Database) throws -> [(id: Int64, person: ICalendar.Person)] {
        var ids = Set(
            try GroupStore.currentSeats(groupID: groupID, today: LondonTime.isoDay(now), in: db).map(\.userID))
        if let actorID { ids.remove(actorID) }
        guard !ids.isEmpty else { return [] }
        return try Row.fetchAll(
            db,
            sql: """
                SELECT id, name, email FROM users WHERE is_active = 1 AND id IN (\(databaseQuestionMarks(count: ids.count)))
                 ORDER BY id
                """, arguments: StatementArguments(ids.sorted())
        ).map { row in (id: row["id"], person: ICalendar.Person(name: row["name"], email: row["email"])) }
    }
}
