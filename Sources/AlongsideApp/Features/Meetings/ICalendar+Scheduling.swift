import Foundation

/// Meetings sent by email as iTIP messages (RFC 5546, carried by email as RFC 6047 describes): one person's copy of an
/// invitation or a change (METHOD:REQUEST) or a cancellation (METHOD:CANCEL). Every message about a meeting carries
/// its UID; each change carries a higher SEQUENCE, so a calendar replaces the meeting it holds instead of adding one.
extension ICalendar {
    /// What a message asks of the calendar it reaches.
    public enum Method: String, Sendable {
        /// Add the meeting, or update it when the calendar already holds this UID at a lower SEQUENCE.
        case request = "REQUEST"
        /// Remove the meeting (RFC 5546 3.2.5: STATUS:CANCELLED cancels the whole event).
        case cancel = "CANCEL"
    }

    /// A person a message names: ORGANIZER or ATTENDEE.
    public struct Person: Sendable, Equatable {
        public var name: String
        public var email: String

        public init(name: String, email: String) {
            (self.name, self.email) = (name, email)
        }
    }

    /// One person's copy of a meeting: the event with its organizer and this attendee (RFC 5546 3.2.2 and 3.2.5 list
    /// what each method must carry: UID, SEQUENCE, DTSTAMP, ORGANIZER, ATTENDEE; DTSTART and SUMMARY for a REQUEST).
    /// Replies are not read (the organizer is a no-reply address), so attendees are not asked for one.
    public static func message(_ method: Method, event: Event, organizer: Person, attendee: Person) -> String {
        var event = event
        if method == .cancel { event.cancelled = true }
        var attendeeParameters = ["CN=\(parameter(attendee.name))", "CUTYPE=INDIVIDUAL", "ROLE=REQ-PARTICIPANT"]
        if method == .request { attendeeParameters += ["PARTSTAT=NEEDS-ACTION", "RSVP=FALSE"] }
        let people = [
            "ORGANIZER;CN=\(parameter(organizer.name)):\(mailto(organizer.email))",
            "ATTENDEE;" + attendeeParameters.joined(separator: ";") + ":\(mailto(attendee.email))",
        ]
        let lines =
            [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Alongside//Meetings//EN", "CALSCALE:GREGORIAN",
                "METHOD:\(method.rawValue)",
            ] + eventLines(event, people: people) + ["END:VCALENDAR"]
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The MIME type of a message's attachment: a calendar that reads mail looks for the method here too (RFC 6047).
    public static func contentType(_ method: Method) -> String {
        "text/calendar; method=\(method.rawValue); charset=UTF-8"
    }

    /// A parameter value (RFC 5545 3.2): always quoted, which allows commas, colons and semicolons; a quoted value
    /// cannot hold a double quote or a control character, so those are left out.
    static func parameter(_ text: String) -> String {
        let safe = text.unicodeScalars.filter { $0 != "\"" && !CharacterSet.controlCharacters.contains($0) }
        return "\"" + String(String.UnicodeScalarView(safe)) + "\""
    }

    /// "mailto:someone@example.org", with anything that cannot be part of an address left out.
    static func mailto(_ email: String) -> String {
        let safe = email.unicodeScalars.filter {
            $0 != "\"" && !CharacterSet.controlCharacters.contains($0) && !CharacterSet.whitespaces.contains($0)
        }
        return "mailto:" + String(String.UnicodeScalarView(safe))
    }
}
