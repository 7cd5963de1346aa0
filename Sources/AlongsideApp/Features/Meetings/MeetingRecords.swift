import Foundation
import GRDB

/// A meeting as stored.
public struct Meeting: Sendable, Equatable {
    public var id: Int64
    public var groupID: Int64
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
    public var calendarUID: String
    public var calendarSequence: Int
    public var updatedAt: Date

    static let columns = """
        id, group_id, starts_at, ends_at, purpose, kind, format, address, joining_details, access_arrangements, access_notes,
        papers, status, visibility, calendar_uid, calendar_sequence, updated_at
        """

    init(row: Row) {
        id = row["id"]
        groupID = row["group_id"]
        startsAt = row["starts_at"]
        endsAt = row["ends_at"]
        purpose = row["purpose"]
        kind = MeetingKind(rawValue: row["kind"]) ?? .meeting
        format = MeetingFormat(rawValue: row["format"]) ?? .inPerson
        address = row["address"]
        joiningDetails = row["joining_details"]
        access = Self.decodeAccess(row["access_arrangements"])
        accessNotes = row["access_notes"]
        papers = row["papers"]
        status = MeetingStatus(rawValue: row["status"]) ?? .planned
        visibility = Visibility(rawValue: row["visibility"]) ?? .private
        calendarUID = row["calendar_uid"]
        calendarSequence = row["calendar_sequence"]
        updatedAt = row["updated_at"]
    }

    /// The London day the meeting is on, "2027-03-04".
    public var day: String { LondonTime.isoDay(startsAt) }

    /// "4 March 2027, 2:00pm to 4:00pm"
    public var when: String { "\(LondonTime.date(startsAt)), \(LondonTime.time(startsAt)) to \(LondonTime.time(endsAt))" }

    static func encodeAccess(_ access: [AccessArrangement]) -> String {
        String(decoding: (try? JSONEncoder().encode(access.map(\.rawValue))) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func decodeAccess(_ text: String) -> [AccessArrangement] {
        ((try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []).compactMap(AccessArrangement.init)
    }

    /// What the audit log keeps of a meeting.
    var snapshot: [String: String] {
        [
            "when": when, "purpose": purpose, "kind": kind.label, "format": format.label, "address": address,
            "joiningDetails": joiningDetails, "access": access.map(\.label).joined(separator: "; "), "accessNotes": accessNotes,
            "papers": papers, "status": status.label, "visibility": visibility.rawValue,
        ]
    }
}

/// One item on a meeting's agenda, with its paper and the minutes recorded against it.
public struct AgendaItem: Sendable, Equatable {
    public var id: Int64
    public var meetingID: Int64
    public var position: Int
    public var title: String
    public var description: String
    public var paper: String
    public var minutes: String

    static let columns = "id, meeting_id, position, title, description, paper, minutes"

    init(row: Row) {
        id = row["id"]
        meetingID = row["meeting_id"]
        position = row["position"]
        title = row["title"]
        description = row["description"]
        paper = row["paper"]
        minutes = row["minutes"]
    }
}

/// A member's attendance at one meeting.
public struct AttendanceEntry: Sendable, Equatable {
    public var userID: Int64
    public var status: AttendanceStatus
    public var deputyUserID: Int64?
    public var deputyName: String?
}

/// A declaration of interest made at a meeting against one agenda item.
public struct AgendaDeclaration: Sendable, Equatable {
    public var id: Int64
    public var agendaItemID: Int64
    public var personName: String
    public var interest: String
    public var tookPart: Bool
}

/// An action: what, who, by when. Open actions carry over from meeting to meeting until done.
public struct ActionItem: Sendable, Equatable {
    public var id: Int64
    public var groupID: Int64
    public var groupName: String
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
        SELECT a.id, a.group_id, g.name AS group_name, a.meeting_id, a.agenda_item_id, a.what, a.owner_user_id,
               u.name AS owner_name, a.due_on, a.status, a.notes, a.created_at
        FROM actions a JOIN groups g ON g.id = a.group_id JOIN users u ON u.id = a.owner_user_id
        """

    init(row: Row) {
        id = row["id"]
        groupID = row["group_id"]
        groupName = row["group_name"]
        meetingID = row["meeting_id"]
        agendaItemID = row["agenda_item_id"]
        what = row["what"]
        ownerUserID = row["owner_user_id"]
        ownerName = row["owner_name"]
        dueOn = row["due_on"]
        status = ActionStatus(rawValue: row["status"]) ?? .open
        notes = row["notes"]
        createdAt = row["created_at"]
    }

    /// Overdue: still to do and its due date has passed.
    public func isOverdue(today: String) -> Bool { MeetingRules.isOverdue(status: status, dueOn: dueOn, today: today) }

    var snapshot: [String: String] {
        ["what": what, "owner": ownerName, "due": dueOn, "status": status.label, "notes": notes]
    }
}
