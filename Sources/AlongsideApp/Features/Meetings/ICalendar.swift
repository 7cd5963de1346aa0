import Foundation

/// iCalendar (RFC 5545) documents for meetings: a feed per group or person, and a file per meeting.
public enum ICalendar {
    public struct Event: Sendable, Equatable {
        public var uid: String
        public var sequence: Int
        public var startsAt: Date
        public var endsAt: Date
        public var summary: String
        public var description: String
        public var location: String
        public var url: String?
        public var cancelled: Bool
        public var updatedAt: Date
    }

    /// A whole calendar. Times are written in UTC, which every calendar shows in its own time zone.
    public static func document(name: String, events: [Event]) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Alongside//Meetings//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escape(name))",
        ]
        for event in events { lines += eventLines(event) }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// One event, from BEGIN:VEVENT to END:VEVENT; `people` (an iTIP message's ORGANIZER and ATTENDEE) go before
    /// its status.
    static func eventLines(_ event: Event, people: [String] = []) -> [String] {
        var lines = [
            "BEGIN:VEVENT", "UID:\(escape(event.uid))", "SEQUENCE:\(event.sequence)",
            "DTSTAMP:\(utc(event.updatedAt))",
            "DTSTART:\(utc(event.startsAt))", "DTEND:\(utc(event.endsAt))", "SUMMARY:\(escape(event.summary))",
        ]
        if !event.description.isEmpty { lines.append("DESCRIPTION:\(escape(event.description))") }
        if !event.location.isEmpty { lines.append("LOCATION:\(escape(event.location))") }
        if let url = event.url { lines.append("URL:\(escape(url))") }
        lines += people
        lines.append("STATUS:\(event.cancelled ? "CANCELLED" : "CONFIRMED")")
        lines.append("END:VEVENT")
        return lines
    }

    /// "20270304T140000Z"
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
    }

    /// Text values escape backslashes, semicolons, commas and line breaks.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r\n", "\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Lines longer than 75 octets are folded: a line break then a space, never inside a UTF-8 character.
    static func fold(_ line: String) -> String {
        var result = "", width = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if width + size > 75 {
                result += "\r\n "
                width = 1
            }
            result.unicodeScalars.append(scalar)
            width += size
        }
        return result
    }

    /// A meeting as an event. Joining details go only into private calendars, never a published feed.
    static func event(
        for meeting: Meeting, groupName: String, agenda: [String], includeJoiningDetails: Bool, url: String?
    ) -> Event {
        var description = [meeting.purpose]
        if !agenda.isEmpty {
            description.append(
                "Agenda:\n" + agenda.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"))
        }
        if !meeting.access.isEmpty {
            description.append("Access: " + meeting.access.map(\.label).joined(separator: ", "))
        }
        if includeJoiningDetails, !meeting.joiningDetails.isEmpty {
            description.append("Joining: " + meeting.joiningDetails)
        }
        let location =
            meeting.format == .video
            ? "Video call" : meeting.address + (meeting.format == .hybrid ? " (or by video)" : "")
        return Event(
            uid: meeting.calendarUID, sequence: meeting.calendarSequence, startsAt: meeting.startsAt,
            endsAt: meeting.endsAt,
            summary: "\(groupName): \(meeting.kind == .workshop ? "workshop" : "meeting")",
            description: description.joined(separator: "\n\n"),
            location: location, url: url, cancelled: meeting.status == .cancelled, updatedAt: meeting.updatedAt
        )
    }
}
