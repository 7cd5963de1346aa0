import Foundation

/// What a group's members are told by email about its meetings, and an action's owner about their action (issue 20):
/// plain English, the details people need to take part, and a link to the page.
enum MeetingNotices {
    /// What happened to a meeting that its members' calendars must hear of.
    enum Change: Equatable {
        case invited
        /// What changed, as words ("the time", "the place"…); `reinstated` when it was cancelled and is back on.
        case updated([String], reinstated: Bool = false)
        case cancelled

        var event: String {
            switch self {
            case .invited: "meeting_invitation"
            case .updated: "meeting_updated"
            case .cancelled: "meeting_cancelled"
            }
        }

        var method: ICalendar.Method { self == .cancelled ? .cancel : .request }
    }

    /// What a change to a meeting means for its members' calendars, or nil when it means nothing to them: a held
    /// meeting's record corrected, or a change to its purpose, papers or visibility (papers have their own message).
    static func change(from before: Meeting, to after: Meeting) -> Change? {
        switch after.status {
        case .cancelled: return before.status == .cancelled ? nil : .cancelled
        case .held: return nil
        case .planned: break
        }
        var changed: [String] = []
        if before.startsAt != after.startsAt || before.endsAt != after.endsAt { changed.append("the time") }
        if before.format != after.format || before.address != after.address { changed.append("the place") }
        if before.joiningDetails != after.joiningDetails { changed.append("how to join") }
        if before.access != after.access || before.accessNotes != after.accessNotes {
            changed.append("the access arrangements")
        }
        if before.status == .cancelled { return .updated(changed, reinstated: true) }
        return changed.isEmpty ? nil : .updated(changed)
    }

    /// One person's message about a meeting, with their own copy of it as a calendar file.
    static func scheduling(
        _ change: Change, _ meeting: Meeting, groupName: String, calendar: String
    ) -> Notice {
        let what = meeting.kind == .workshop ? "workshop" : "meeting"
        let day = LondonTime.date(meeting.startsAt)
        let subject: String
        var paragraphs: [String]
        switch change {
        case .invited:
            subject = "Invitation: \(subjectText(groupName)) \(what), \(day)"
            paragraphs = ["You are invited to a \(what) of \(groupName) on \(meeting.when)."]
        case .updated(let changed, reinstated: true):
            subject = "Going ahead after all: \(subjectText(groupName)) \(what), \(day)"
            paragraphs = [
                "The \(what) of \(groupName) is no longer cancelled. It is on \(meeting.when)."
                    + (changed.isEmpty ? "" : " These have changed: \(list(changed)).")
            ]
        case .updated(let changed, reinstated: false):
            subject = "Changed: \(subjectText(groupName)) \(what), \(day)"
            paragraphs = [
                "The \(what) of \(groupName) has changed: \(list(changed)). It is now on \(meeting.when)."
            ]
        case .cancelled:
            subject = "Cancelled: \(subjectText(groupName)) \(what), \(day)"
            paragraphs = ["The \(what) of \(groupName) on \(meeting.when) has been cancelled."]
        }
        if change != .cancelled {
            paragraphs.append("What it is for: \(MeetingPage.sentence(meeting.purpose))")
            paragraphs += place(meeting)
            paragraphs += access(meeting)
            let papers = MeetingPage.Paper.lines(meeting.papers).map(\.text)
            if !papers.isEmpty { paragraphs.append("Papers: " + papers.joined(separator: "; ")) }
        }
        paragraphs.append(
            change == .cancelled
                ? "The calendar file attached (invite.ics) takes the \(what) out of your calendar."
                : "Open the calendar file attached (invite.ics) to put the \(what) in your calendar, or bring it up "
                    + "to date.")
        return Notice(
            kind: .meetings, event: change.event, subject: subject, paragraphs: paragraphs,
            link: ("Open the \(what)'s page", Href.meeting(meeting.groupID, meeting.id)),
            attachment: ("invite.ics", ICalendar.contentType(change.method), calendar))
    }

    /// Where to go, or how to join.
    static func place(_ meeting: Meeting) -> [String] {
        switch meeting.format {
        case .inPerson: ["Where: \(meeting.address)"]
        case .video: ["It is a video call. How to join: \(meeting.joiningDetails)"]
        case .hybrid: ["Where: \(meeting.address)", "Or join by video. How to join: \(meeting.joiningDetails)"]
        }
    }

    /// The access arrangements, when the meeting has any, and the notes on access.
    static func access(_ meeting: Meeting) -> [String] {
        var lines: [String] = []
        if !meeting.access.isEmpty {
            lines.append("Access arrangements: " + meeting.access.map(\.label).joined(separator: ", ") + ".")
        }
        if !meeting.accessNotes.isEmpty { lines.append("About access: \(MeetingPage.sentence(meeting.accessNotes))") }
        return lines
    }

    /// Papers added to a meeting: in its details (`item` nil) or with an agenda item.
    static func papers(_ papers: [String], _ meeting: Meeting, groupName: String, item: String?) -> Notice {
        let what = meeting.kind == .workshop ? "workshop" : "meeting"
        let intro =
            papers.count == 1
            ? "A paper has been added for the \(what) of \(groupName) on \(meeting.when)"
            : "Papers have been added for the \(what) of \(groupName) on \(meeting.when)"
        return Notice(
            kind: .meetings, event: "meeting_papers",
            subject: "Papers: \(subjectText(groupName)) \(what), \(LondonTime.date(meeting.startsAt))",
            paragraphs: [intro + (item.map { ", for the agenda item \"\($0)\":" } ?? ":")] + papers,
            link: ("Read the papers on the \(what)'s page", Href.meeting(meeting.groupID, meeting.id)))
    }

    /// The lines of `after` that `before` did not have: the papers just added.
    static func addedPapers(before: String, after: String) -> [String] {
        let had = Set(MeetingPage.Paper.lines(before).map(\.text))
        return MeetingPage.Paper.lines(after).map(\.text).filter { !had.contains($0) }
    }

    /// An action given to someone, told to them.
    static func assigned(_ action: ActionItem, meeting: Meeting?) -> Notice {
        let agreed = meeting.map { " It was agreed at the meeting on \(LondonTime.date($0.startsAt))." } ?? ""
        return Notice(
            kind: .actions, event: "action_assigned", subject: "An action for you: \(subjectText(action.what))",
            paragraphs: [
                "You have been given an action in \(action.groupName): \"\(action.what)\".\(agreed)",
                "It is due on \(LondonTime.day(action.dueOn)).",
                "When you make progress, or if you cannot do it, say so on its page.",
            ],
            link: ("Open the action", Href.action(action.groupID, action.id)))
    }

    /// Text from a form as part of a subject: one line (a subject with a line break cannot be sent), and short enough
    /// to read in a list of messages.
    static func subjectText(_ text: String, limit: Int = 80) -> String {
        let visible = text.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? " " : $0 }
        let line = String(String.UnicodeScalarView(visible)).split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
        return line.count <= limit ? line : String(line.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// "a, b and c"
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
