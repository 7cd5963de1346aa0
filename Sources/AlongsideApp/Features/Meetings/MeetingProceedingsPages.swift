import Foundation

/// Recording who came.
struct AttendancePage: PageModel {
    static let template = "meetings/attendance"
    static let hasForm = true
    let title: String
    let groupName: String
    let when: String
    let members: [ChoiceField]
    let hasMembers: Bool
    let deputiesNote: String
    let errors: FormErrors
    let action: String
    let cancelHref: String
    let membersHref: String

    init(
        group: Group, meeting: Meeting, expected: [MeetingRules.Expected], form: FormData, errors: FormErrors,
        deputiesAllowed: Bool
    ) {
        title = "Attendance: \(group.name), \(LondonTime.date(meeting.startsAt))"
        groupName = group.name
        when = meeting.when
        members = expected.map { member in
            var options = AttendanceStatus.allCases.filter { $0 != .deputy }.map { ($0.rawValue, $0.label) }
            // Where the terms do not allow deputies, "sent their deputy" is not offered: a deputy would not count.
            if deputiesAllowed, let deputy = member.deputyName {
                options.insert((AttendanceStatus.deputy.rawValue, "Sent their deputy, \(deputy)"), at: 1)
            }
            return ChoiceField(
                radios: MeetingItemForms.ProceedingsField(.attendance, member.userID), legend: member.name,
                options: options, form: form, errors: errors)
        }
        hasMembers = !members.isEmpty
        deputiesNote =
            deputiesAllowed
            ? "The terms of reference allow deputies: a deputy counts towards quorum."
            : "The terms of reference do not allow deputies, so sending a deputy is not offered: a deputy does not count towards quorum."
        self.errors = errors
        action = Href.attendance(group.id, meeting.id)
        cancelHref = Href.meeting(group.id, meeting.id)
        membersHref = Href.group(group.id)
    }
}

/// Minutes against each agenda item.
struct MinutesPage: PageModel {
    static let template = "meetings/minutes"
    static let hasForm = true
    let title: String
    let when: String
    let items: [Field]
    let errors: FormErrors
    let action: String
    let cancelHref: String

    init(group: Group, meeting: Meeting, agenda: [AgendaItem], form: FormData?, errors: FormErrors) {
        title = "Minutes: \(group.name), \(LondonTime.date(meeting.startsAt))"
        when = meeting.when
        items = agenda.enumerated().map { index, item in
            let field = MeetingItemForms.ProceedingsField(.minutes, item.id)
            return Field(
                field, label: "\(index + 1). \(item.title)", value: form?[field] ?? item.minutes, type: "textarea",
                errors: errors)
        }
        self.errors = errors
        action = Href.minutes(group.id, meeting.id)
        cancelHref = Href.meeting(group.id, meeting.id)
    }
}
