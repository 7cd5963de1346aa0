import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// Email about meetings and actions (issue 20): invitations with a calendar file, changes and cancellations with the
/// same UID and a higher SEQUENCE, papers added, and actions given to someone, each written to the outbox in the same
/// transaction as the change.
final class MeetingMailTests: XCTestCase {
    /// A group run by its chair, Cleo, with three other members: Ada and Ben get meeting emails at once, Olly turned
    /// them off. The programme manager who set it up is not a member.
    struct Fixture {
        let group: String
        let groupID: Int64
        let chair: TestBrowser
        let ada: User
        let ben: User
        let olly: User
    }

    static func fixture(_ app: TestContext) async throws -> Fixture {
        let (manager, _) = try await app.signedIn(as: .programmeManager, email: "pam@example.org", name: "Pam Manager")
        let (chair, cleo) = try await app.signedIn(as: .member, email: "cleo@example.org", name: "Cleo Chair")
        let ada = try await app.createUser(name: "Ada Lived", email: "ada@example.org", role: .expertByExperience)
        let ben = try await app.createUser(name: "Ben Board", email: "ben@example.org")
        let olly = try await app.createUser(name: "Olly Quiet", email: "olly@example.org")
        let group = try await GroupsTests.createGroup(manager)
        try await MeetingsTests.addMember(manager, group: group, cleo, seat: "chair", sector: "icb")
        try await MeetingsTests.addMember(manager, group: group, ada, seat: "co_chair", sector: "expert_by_experience")
        try await MeetingsTests.addMember(manager, group: group, ben, seat: "member", sector: "la_social_care")
        try await MeetingsTests.addMember(manager, group: group, olly, seat: "member", sector: "vcse")
        let now = app.services.clock.now()
        try await app.services.pool.write { db in
            try EmailPreferences.set(.off, userID: olly.id!, kind: .meetings, now: now, in: db)
        }
        let groupID = try XCTUnwrap(Int64(group.split(separator: "/").last.map(String.init) ?? ""))
        return Fixture(group: group, groupID: groupID, chair: chair, ada: ada, ben: ben, olly: olly)
    }

    static func outbox(_ app: TestContext, kind: String? = nil) async throws -> [OutboxMessage] {
        let all = try await OutboxStore(pool: app.services.pool, clock: app.services.clock).messages()
        return all.filter { kind == nil || $0.kind == kind }.sorted { $0.toAddress < $1.toAddress }
    }

    /// The meeting form with a start and end time and a status, for changing a planned meeting.
    static func changeForm(start: String = "14:00", end: String = "16:00", status: String = "planned") -> [(
        String, String
    )] {
        MeetingsTests.meetingForm().map { field in
            switch field.0 {
            case "start_time": ("start_time", start)
            case "end_time": ("end_time", end)
            default: field
            }
        } + [("status", status)]
    }

    func testMembersAreInvitedAndToldOfChangesAndTheCancellationWithTheSameUID() async throws {
        try await withApp { app in
            // setup
            let f = try await Self.fixture(app)
            // act: the chair plans a meeting
            let meeting = try await MeetingsTests.planMeeting(f.chair, group: f.group, day: "2026-10-01")
            let meetingID = try XCTUnwrap(Int64(meeting.split(separator: "/").last.map(String.init) ?? ""))
            let uid = try await app.services.pool.read { db in
                try String.fetchOne(db, sql: "SELECT calendar_uid FROM meetings WHERE id = ?", arguments: [meetingID])
            }
            // check: one invitation each for Ada and Ben; none for the chair, who planned it, nor Olly, who chose none
            let invitations = try await Self.outbox(app, kind: "meeting_invitation")
            XCTAssertEqual(invitations.map(\.toAddress), ["ada@example.org", "ben@example.org"])
            let everything = try await Self.outbox(app).count
            XCTAssertEqual(everything, 2, "nothing else was sent")
            let ada = try XCTUnwrap(invitations.first)
            XCTAssertEqual(ada.subject, "Invitation: Leaders Group meeting, 1 October 2026")
            XCTAssertEqual(ada.attachmentName, "invite.ics")
            XCTAssertEqual(ada.attachmentType, "text/calendar; method=REQUEST; charset=UTF-8")
            for expected in [
                "Hello Ada Lived,",
                "You are invited to a meeting of Leaders Group on 1 October 2026, 2:00pm to 4:00pm.",
                "Where: Room 2, Example Community Centre", "How to join: Video link sent the day before",
                "Access arrangements: Step-free access, Papers in easy read.", "https://example.org/paper-1",
                Href.meeting(f.groupID, meetingID), "Stop emails about meetings:",
            ] {
                XCTAssertTrue(ada.textBody.contains(expected), expected)
            }
            let invite = try ParsedCalendar(XCTUnwrap(ada.attachmentBody))
            XCTAssertEqual(invite.value("METHOD"), "REQUEST")
            XCTAssertEqual(invite.value("UID"), uid)
            XCTAssertEqual(invite.value("SEQUENCE"), "0")
            XCTAssertEqual(invite.value("DTSTART"), "20261001T130000Z", "2pm in British Summer Time")
            XCTAssertEqual(invite.value("DTEND"), "20261001T150000Z")
            XCTAssertEqual(invite.value("STATUS"), "CONFIRMED")
            XCTAssertEqual(invite.value("ORGANIZER"), "mailto:noreply@127.0.0.1")
            XCTAssertEqual(invite.value("ATTENDEE"), "mailto:ada@example.org")
            XCTAssertEqual(invite.parameters("ATTENDEE")["CN"], "\"Ada Lived\"")
            XCTAssertEqual(invite.parameters("ATTENDEE")["RSVP"], "FALSE")
            let benInvite = try ParsedCalendar(XCTUnwrap(invitations.last?.attachmentBody))
            XCTAssertEqual(benInvite.value("ATTENDEE"), "mailto:ben@example.org", "each person's own copy")

            // act: a change that fails validation sends nothing
            _ = try await f.chair.get(meeting + "/edit")
            let refused = try await f.chair.post(meeting, Self.changeForm(start: "17:00", end: "16:00"))
            XCTAssertEqual(refused.status, .unprocessableContent)
            let afterRefusal = try await Self.outbox(app).count
            XCTAssertEqual(afterRefusal, 2)

            // act: the time changes
            let moved = try await f.chair.post(meeting, Self.changeForm(start: "15:00", end: "17:00"))
            XCTAssertEqual(moved.status, .seeOther)
            // check: an update, same UID, higher sequence
            let updates = try await Self.outbox(app, kind: "meeting_updated")
            XCTAssertEqual(updates.map(\.toAddress), ["ada@example.org", "ben@example.org"])
            let update = try XCTUnwrap(updates.first)
            XCTAssertEqual(update.subject, "Changed: Leaders Group meeting, 1 October 2026")
            XCTAssertTrue(
                update.textBody.contains("has changed: the time. It is now on 1 October 2026, 3:00pm to 5:00pm."))
            let updated = try ParsedCalendar(XCTUnwrap(update.attachmentBody))
            XCTAssertEqual(updated.value("METHOD"), "REQUEST")
            XCTAssertEqual(updated.value("UID"), uid)
            XCTAssertGreaterThan(Int(updated.value("SEQUENCE") ?? "") ?? -1, 0)
            XCTAssertEqual(updated.value("DTSTART"), "20261001T140000Z")

            // act: a change calendars need not hear of (the purpose) sends nothing, though the sequence rises
            _ = try await f.chair.get(meeting + "/edit")
            let reworded = Self.changeForm(start: "15:00", end: "17:00").map {
                $0.0 == "purpose" ? ("purpose", "Agree the priorities, and who leads each.") : $0
            }
            _ = try await f.chair.post(meeting, reworded)
            let afterRewording = try await Self.outbox(app).count
            XCTAssertEqual(afterRewording, 4)

            // act: the meeting is cancelled
            _ = try await f.chair.get(meeting + "/edit")
            let cancelled = try await f.chair.post(
                meeting, Self.changeForm(start: "15:00", end: "17:00", status: "cancelled"))
            XCTAssertEqual(cancelled.status, .seeOther)
            // check
            let cancellations = try await Self.outbox(app, kind: "meeting_cancelled")
            XCTAssertEqual(cancellations.map(\.toAddress), ["ada@example.org", "ben@example.org"])
            let cancellation = try XCTUnwrap(cancellations.first)
            XCTAssertEqual(cancellation.attachmentType, "text/calendar; method=CANCEL; charset=UTF-8")
            XCTAssertTrue(
                cancellation.textBody.contains(
                    "The meeting of Leaders Group on 1 October 2026, 3:00pm to 5:00pm has been cancelled."))
            let cancel = try ParsedCalendar(XCTUnwrap(cancellation.attachmentBody))
            XCTAssertEqual(cancel.value("METHOD"), "CANCEL")
            XCTAssertEqual(cancel.value("STATUS"), "CANCELLED")
            XCTAssertEqual(cancel.value("UID"), uid)
            XCTAssertGreaterThan(
                Int(cancel.value("SEQUENCE") ?? "") ?? -1, Int(updated.value("SEQUENCE") ?? "") ?? Int.max)
            let toOlly = try await Self.outbox(app).filter { $0.toAddress == "olly@example.org" }.count
            XCTAssertEqual(toOlly, 0)
            let toChair = try await Self.outbox(app).filter { $0.toAddress == "cleo@example.org" }.count
            XCTAssertEqual(toChair, 0)
        }
    }

    func testAMemberWhoChoseADigestGetsTheInvitationInIt() async throws {
        try await withApp { app in
            // setup
            let f = try await Self.fixture(app)
            let now = app.services.clock.now()
            try await app.services.pool.write { db in
                try EmailPreferences.set(.digest, userID: f.ben.id!, kind: .meetings, now: now, in: db)
            }
            // act
            _ = try await MeetingsTests.planMeeting(f.chair, group: f.group, day: "2026-10-01")
            // check
            let sentAtOnce = try await Self.outbox(app).map(\.toAddress)
            XCTAssertEqual(sentAtOnce, ["ada@example.org"])
            let waiting = try await app.services.pool.read { db in
                try String.fetchAll(
                    db, sql: "SELECT subject FROM email_digest_items WHERE user_id = ?", arguments: [f.ben.id!])
            }
            XCTAssertEqual(waiting, ["Invitation: Leaders Group meeting, 1 October 2026"])
        }
    }

    func testAMeetingAlreadyOverSendsNoInvitation() async throws {
        try await withApp { app in
            let f = try await Self.fixture(app)
            _ = try await MeetingsTests.planMeeting(f.chair, group: f.group, day: "2026-09-01")
            let pastMeeting = try await Self.outbox(app).count
            XCTAssertEqual(pastMeeting, 0, "recording a past meeting invites nobody")
        }
    }

    func testMembersAreToldOfPapersAdded() async throws {
        try await withApp { app in
            // setup
            let f = try await Self.fixture(app)
            let meeting = try await MeetingsTests.planMeeting(f.chair, group: f.group, day: "2026-10-01")
            let before = try await Self.outbox(app).count
            // act: a paper added to the meeting's details
            _ = try await f.chair.get(meeting + "/edit")
            let papers = Self.changeForm().map {
                $0.0 == "papers"
                    ? ("papers", "https://example.org/paper-1\nBudget summary\nhttps://example.org/peer-support.pdf")
                    : $0
            }
            let saved = try await f.chair.post(meeting, papers)
            XCTAssertEqual(saved.status, .seeOther)
            // check: papers only (nothing calendars need), to the members who get meeting emails
            let sent = try await Self.outbox(app, kind: "meeting_papers")
            XCTAssertEqual(sent.map(\.toAddress), ["ada@example.org", "ben@example.org"])
            let total = try await Self.outbox(app).count
            XCTAssertEqual(total, before + 2)
            let message = try XCTUnwrap(sent.first)
            XCTAssertEqual(message.subject, "Papers: Leaders Group meeting, 1 October 2026")
            XCTAssertTrue(message.textBody.contains("A paper has been added for the meeting of Leaders Group"))
            XCTAssertTrue(message.textBody.contains("https://example.org/peer-support.pdf"))
            XCTAssertFalse(message.textBody.contains("Budget summary"), "only the papers just added")
            XCTAssertNil(message.attachmentName)

            // act: an agenda item with a paper, then one without
            _ = try await f.chair.get(meeting)
            _ = try await f.chair.post(
                meeting + "/agenda",
                [
                    ("agenda_title", "Peer support funding"), ("agenda_description", ""),
                    ("agenda_paper", "https://example.org/funding-options"),
                ])
            _ = try await f.chair.post(
                meeting + "/agenda", [("agenda_title", "Any other business"), ("agenda_description", "")])
            // check
            let all = try await Self.outbox(app, kind: "meeting_papers")
            XCTAssertEqual(all.count, 4)
            let item = try XCTUnwrap(all.first { $0.textBody.contains("funding-options") })
            XCTAssertTrue(item.textBody.contains("for the agenda item \"Peer support funding\":"))
        }
    }

    func testAnActionIsSentToItsOwnerOnly() async throws {
        try await withApp { app in
            // setup
            let f = try await Self.fixture(app)
            let meeting = try await MeetingsTests.planMeeting(f.chair, group: f.group, day: "2026-10-01")
            let before = try await Self.outbox(app).count
            _ = try await f.chair.get(meeting)
            // act: an action for Ada, refused first, then one the chair takes on
            let refused = try await f.chair.post(
                meeting + "/actions", [("action_what", "Write to the trust"), ("action_owner", String(f.ada.id!))])
            XCTAssertEqual(refused.status, .unprocessableContent)
            let given = try await f.chair.post(
                meeting + "/actions",
                [
                    ("action_what", "Write to the trust about peer support"), ("action_owner", String(f.ada.id!)),
                    ("action_due", "2026-10-15"), ("action_item", ""),
                ])
            XCTAssertEqual(given.status, .seeOther)
            let chairID = try await app.services.pool.read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE email = 'cleo@example.org'")
            }
            _ = try await f.chair.post(
                meeting + "/actions",
                [
                    ("action_what", "Book the room"), ("action_owner", String(try XCTUnwrap(chairID))),
                    ("action_due", "2026-09-28"), ("action_item", ""),
                ])
            // check
            let sent = try await Self.outbox(app, kind: "action_assigned")
            XCTAssertEqual(sent.map(\.toAddress), ["ada@example.org"])
            let total = try await Self.outbox(app).count
            XCTAssertEqual(total, before + 1)
            let message = try XCTUnwrap(sent.first)
            XCTAssertEqual(message.subject, "An action for you: Write to the trust about peer support")
            for expected in [
                "You have been given an action in Leaders Group: \"Write to the trust about peer support\".",
                "It was agreed at the meeting on 1 October 2026.", "It is due on 15 October 2026.",
                "Stop emails about actions:",
            ] {
                XCTAssertTrue(message.textBody.contains(expected), expected)
            }
            let actionID = try await app.services.pool.read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM actions WHERE owner_user_id = ?", arguments: [f.ada.id!])
            }
            XCTAssertTrue(message.textBody.contains("Open the action: "), "the link's words")
            XCTAssertTrue(message.textBody.contains(Href.action(f.groupID, try XCTUnwrap(actionID))))
        }
    }

    func testACalendarMessageIsWellFormedWithCRLFLinesFoldedAndQuotedParameters() throws {
        let start = LondonTime.instant(isoDay: "2027-01-15", time: "14:00")!
        let event = ICalendar.Event(
            uid: "abc@alongside", sequence: 4, startsAt: start, endsAt: start.addingTimeInterval(3600),
            summary: "Leaders group: meeting", description: String(repeating: "Purpose, agenda; and more. ", count: 8),
            location: "Room 2", url: nil, cancelled: false, updatedAt: start)
        let name = "Dr \"Quote\" Example; Long-Named Person of the Co-production Working Group, Deputy"
        let text = ICalendar.message(
            .request, event: event, organizer: ICalendar.Person(name: "Alongside", email: "noreply@example.org"),
            attendee: ICalendar.Person(name: name, email: "long.name@example.org"))
        let calendar = try ParsedCalendar(text)
        XCTAssertEqual(calendar.value("METHOD"), "REQUEST")
        XCTAssertEqual(calendar.value("SEQUENCE"), "4")
        XCTAssertEqual(calendar.value("DTSTART"), "20270115T140000Z", "GMT in winter")
        XCTAssertEqual(calendar.value("ATTENDEE"), "mailto:long.name@example.org")
        XCTAssertEqual(
            calendar.parameters("ATTENDEE")["CN"],
            "\"Dr Quote Example; Long-Named Person of the Co-production Working Group, Deputy\"",
            "a double quote cannot be inside a quoted parameter")
        XCTAssertEqual(calendar.value("DESCRIPTION")?.hasPrefix("Purpose\\, agenda\\; and more."), true)
        XCTAssertTrue(text.contains("\r\n "), "long lines are folded")
        let cancel = try ParsedCalendar(
            ICalendar.message(
                .cancel, event: event, organizer: ICalendar.Person(name: "Alongside", email: "noreply@example.org"),
                attendee: ICalendar.Person(name: "Ada", email: "ada@example.org")))
        XCTAssertEqual(cancel.value("METHOD"), "CANCEL")
        XCTAssertEqual(cancel.value("STATUS"), "CANCELLED")
        XCTAssertNil(cancel.parameters("ATTENDEE")["PARTSTAT"])
    }

    func testWhatChangeCalendarsHearOf() throws {
        let start = LondonTime.instant(isoDay: "2027-01-15", time: "14:00")!
        let meeting = Meeting(
            id: 1, groupID: 1, startsAt: start, endsAt: start.addingTimeInterval(3600), purpose: "Plan", kind: .meeting,
            format: .inPerson, address: "Room 2", joiningDetails: "", access: [], accessNotes: "", papers: "",
            status: .planned, visibility: .private, calendarUID: "a@alongside", calendarSequence: 0, updatedAt: start)
        var changed = meeting
        changed.purpose = "Plan the year"
        changed.papers = "Budget"
        XCTAssertNil(MeetingNotices.change(from: meeting, to: changed))
        changed.address = "Room 3"
        changed.access = [.hearingLoop]
        XCTAssertEqual(
            MeetingNotices.change(from: meeting, to: changed), .updated(["the place", "the access arrangements"]))
        changed.status = .cancelled
        XCTAssertEqual(MeetingNotices.change(from: meeting, to: changed), .cancelled)
        XCTAssertNil(MeetingNotices.change(from: changed, to: changed), "already cancelled")
        XCTAssertEqual(
            MeetingNotices.change(from: changed, to: meeting),
            .updated(["the place", "the access arrangements"], reinstated: true))
        var held = meeting
        held.status = .held
        held.startsAt = start.addingTimeInterval(600)
        XCTAssertNil(MeetingNotices.change(from: meeting, to: held), "a held meeting's record is corrected quietly")
        XCTAssertEqual(MeetingNotices.addedPapers(before: "A\nB", after: "B\n\nC\nA"), ["C"])
        XCTAssertEqual(
            MeetingNotices.subjectText("Write to the trust\r\nabout  peer\tsupport"),
            "Write to the trust about peer support")
        XCTAssertEqual(
            MeetingNotices.subjectText(String(repeating: "a", count: 100)), String(repeating: "a", count: 79) + "…")
    }
}

/// An iCalendar text read strictly enough to catch mistakes (RFC 5545 3.1): every line ends CRLF, none is longer than
/// 75 octets, folded lines start with a space, each content line is NAME *(;PARAM=VALUE) : VALUE, and BEGIN and END
/// pair up. Not a full parser: enough to check what the app writes.
struct ParsedCalendar {
    struct Line {
        var name: String
        var parameters: [String: String]
        var value: String
    }

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    let lines: [Line]

    init(_ text: String) throws {
        guard text.hasSuffix("\r\n") else { throw Malformed(description: "does not end with CRLF") }
        var physical = text.components(separatedBy: "\r\n")
        physical.removeLast()
        var logical: [String] = []
        for line in physical {
            if line.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) {
                throw Malformed(description: "a bare CR or LF in \(line)")
            }
            if line.utf8.count > 75 { throw Malformed(description: "longer than 75 octets: \(line)") }
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                guard !logical.isEmpty else { throw Malformed(description: "starts with a continuation") }
                logical[logical.count - 1] += line.dropFirst()
            } else {
                logical.append(line)
            }
        }
        var parsed: [Line] = []
        var open: [String] = []
        for line in logical {
            let parts = Self.split(line)
            let head = Self.split(parts.head, on: ";")
            let name = head[0]
            guard !name.isEmpty, name.allSatisfy({ $0.isUppercase || $0 == "-" }), let value = parts.value else {
                throw Malformed(description: "not a content line: \(line)")
            }
            var parameters: [String: String] = [:]
            for parameter in head.dropFirst() {
                guard let equals = parameter.firstIndex(of: "=") else {
                    throw Malformed(description: "a parameter without a value: \(line)")
                }
                let parameterValue = String(parameter[parameter.index(after: equals)...])
                if parameterValue.hasPrefix("\""),
                    !(parameterValue.count >= 2 && parameterValue.hasSuffix("\"")
                        && !parameterValue.dropFirst().dropLast().contains("\""))
                {
                    throw Malformed(description: "a badly quoted parameter: \(line)")
                }
                parameters[String(parameter[..<equals])] = parameterValue
            }
            if name == "BEGIN" { open.append(value) }
            if name == "END" {
                guard open.popLast() == value else { throw Malformed(description: "END:\(value) does not match") }
            }
            parsed.append(Line(name: name, parameters: parameters, value: value))
        }
        guard open.isEmpty, parsed.first?.name == "BEGIN", parsed.first?.value == "VCALENDAR" else {
            throw Malformed(description: "BEGIN and END do not pair up")
        }
        lines = parsed
    }

    func value(_ name: String) -> String? { lines.first { $0.name == name }?.value }
    func parameters(_ name: String) -> [String: String] { lines.first { $0.name == name }?.parameters ?? [:] }

    /// The line's name and parameters, and its value: split at the first colon outside double quotes.
    static func split(_ line: String) -> (head: String, value: String?) {
        var quoted = false
        for index in line.indices {
            if line[index] == "\"" { quoted.toggle() }
            if line[index] == ":", !quoted {
                return (String(line[..<index]), String(line[line.index(after: index)...]))
            }
        }
        return (line, nil)
    }

    /// Splits at `separator` outside double quotes.
    static func split(_ text: String, on separator: Character) -> [String] {
        var parts = [""], quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character == separator, !quoted { parts.append("") } else { parts[parts.count - 1].append(character) }
        }
        return parts
    }
}
