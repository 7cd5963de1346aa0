import Foundation
import GRDB

/// A meeting as stored.
public struct Meeting: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var groupID: Int64
    public var startsAt: Date
    public var endsAt: Date
    public var purpose: String
    public var kind: MeetingKind
    public var format: MeetingFormat
    public var address: String
    public var joiningDetails: String
    /// Stored as a JSON array of raw values.
    public var access: [AccessArrangement]
    public var accessNotes: String
    public var papers: String
    public var status: MeetingStatus
    public var visibility: Visibility
    public var calendarUID: String
    public var calendarSequence: Int
    public var updatedAt: Date

    static let columns = """
        id, group_id, starts_at, ends_at, purpose, kind, format, address, joining_details, access_arrangements, access_notes,
        papers, status, visibility, calendar_uid, calendar_sequence, updated_at
        """

    enum CodingKeys: String, CodingKey {
        case id, groupID = "group_id", startsAt = "starts_at", endsAt = "ends_at", purpose, kind, format, address
        case joiningDetails = "joining_details", access = "access_arrangements", accessNotes = "access_notes", papers
        case status, visibility, calendarUID = "calendar_uid", calendarSequence = "calendar_sequence"
        case updatedAt = "updated_at"
    }

    /// The London day the meeting is on, "2027-03-04".
    public var day: String { LondonTime.isoDay(startsAt) }

    /// "4 March 2027, 2:00pm to 4:00pm"
    public var when: String {
        "\(LondonTime.date(startsAt)), \(LondonTime.time(startsAt)) to \(LondonTime.time(endsAt))"
    }

    static func encodeAccess(_ access: [AccessArrangement]) -> String {
        String(decoding: (try? JSONEncoder().encode(access.map(\.rawValue))) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// What the audit log keeps of a meeting.
    var snapshot: [String: String] {
        [
            "when": when, "purpose": purpose, "kind": kind.label, "format": format.label, "address": address,
            "joiningDetails": joiningDetails, "access": access.map(\.label).joined(separator: "; "),
            "accessNotes": accessNotes,
            "papers": papers, "status": status.label, "visibility": visibility.rawValue,
        ]
    }
}

/// One item on a meeting's agenda, with its paper and the minutes recorded against it.
public struct AgendaItem: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var meetingID: Int64
    public var position: Int
    public var title: String
    public var description: String
    public var paper: String
    public var minutes: String

    static let columns = "id, meeting_id, position, title, description, paper, minutes"

    enum CodingKeys: String, CodingKey {
        case id, meetingID = "meeting_id", position, title, description, paper, minutes
    }
}

/// A member's attendance at one meeting.
public struct AttendanceEntry: Sendable, Equatable, FetchableRecord, Decodable {
    public var userID: Int64
    public var status: AttendanceStatus
    public var deputyUserID: Int64?
    public var deputyName: String?

    enum CodingKeys: String, CodingKey {
        case userID = "user_id", status, deputyUserID = "deputy_user_id", deputyName = "deputy_name"
    }
}

/// A declaration of interest made at a meeting against one agenda item.
public struct AgendaDeclaration: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var agendaItemID: Int64
    public var personName: String
    public var interest: String
    public var tookPart: Bool

    enum CodingKeys: String, CodingKey {
        case id, agendaItemID = "agenda_item_id", personName = "person_name", interest, tookPart = "took_part"
    }
}

/// An action: what, who, by when. Open actions carry over from meeting to meeting until done.
public struct ActionItem: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var groupID: Int64
    /// Filled in from the groups' store after the read (`ActionStore.withGroupNames`).
    public var groupName: String = ""
    public var meetingID: Int64?
    public var agendaItemID: Int64?
    public var what: String
    public var ownerUserID: Int64
    public var ownerName: String
    public var dueOn: String
    public var status: ActionStatus
    public var notes: String
    public var createdAt: Date

    static let selectSQL = """
        SELECT a.id, a.group_id, a.meeting_id, a.agenda_item_id, a.what, a.owner_user_id,
               u.name AS owner_name, a.due_on, a.status, a.notes, a.created_at
        FROM actions a JOIN users u ON u.id = a.owner_user_id
        """

    enum CodingKeys: String, CodingKey {
        case id, groupID = "group_id", meetingID = "meeting_id"
        case agendaItemID = "agenda_item_id", what, ownerUserID = "owner_user_id", ownerName = "owner_name"
        case dueOn = "due_on", status, notes, createdAt = "created_at"
    }

    /// Overdue: still to do and its due date has passed.
    public func isOverdue(today: String) -> Bool { MeetingRules.isOverdue(status: status, dueOn: dueOn, today: today) }

    var snapshot: [String: String] {
        ["what": what, "owner": ownerName, "due": dueOn, "status": status.label, "notes": notes]
    }
}
