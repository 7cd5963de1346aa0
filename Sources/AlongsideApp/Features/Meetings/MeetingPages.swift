import Foundation

/// A group's road map of meetings: what is coming and what has been held.
struct MeetingsPage: PageModel {
    static let template = "meetings/index"
    let title: String
    let groupName: String
    let groupHref: String
    let newHref: String?
    let upcoming: [Row]
    let past: [Row]
    let hasUpcoming: Bool
    let hasPast: Bool
    let calendarHref: String?
    let calendarSettingsHref = Href.calendarSettings()

    struct Row: Encodable, Sendable {
        let when: String
        let href: String
        let purpose: String
        let kind: String
        let format: String
        let status: String
        let isCancelled: Bool
    }

    init(group: Group, meetings: [Meeting], now: Date, canRun: Bool) {
        title = "Meetings: \(group.name)"
        groupName = group.name
        groupHref = Href.group(group.id)
        newHref = canRun ? Href.newMeeting(group.id) : nil
        let rows = meetings.map {
            Row(
                when: $0.when, href: Href.meeting(group.id, $0.id), purpose: $0.purpose, kind: $0.kind.label,
                format: $0.format.label, status: $0.status.label, isCancelled: $0.status == .cancelled)
        }
        let split = meetings.map { $0.endsAt >= now }
        upcoming = zip(rows, split).filter(\.1).map(\.0)
        past = zip(rows, split).filter { !$0.1 }.map(\.0).reversed()
        hasUpcoming = !upcoming.isEmpty
        hasPast = !past.isEmpty
        calendarHref = group.visibility == .published ? Href.publishedGroupCalendar(group.id) : nil
    }
}

/// Planning a meeting (or a series), or changing one.
struct MeetingFormPage: PageModel {
    static let template = "meetings/form"
    static let hasForm = true
    let title: String
    let groupName: String
    let isNew: Bool
    let day: Field
    let startTime: Field
    let endTime: Field
    let purpose: Field
    let kind: ChoiceField
    let format: ChoiceField
    let address: Field
    let joiningDetails: Field
    let access: ChoiceField
    let accessNotes: Field
    let papers: Field
    let visibility: ChoiceField
    let status: ChoiceField?
    let repeatField: SelectField?
    let count: Field?
    let errors: FormErrors
    let action: String
    let cancelHref: String

    init(group: Group, meeting: Meeting?, form: FormData, errors: FormErrors) {
        isNew = meeting == nil
        title = (meeting == nil ? "Plan a meeting: " : "Change the meeting: ") + group.name
        groupName = group.name
        day = Field("day", label: "Date", value: form["day"], type: "date", errors: errors)
        startTime = Field(
            "start_time", label: "Start time", value: form["start_time"], type: "time", hint: "UK time, like 14:00",
            errors: errors)
        endTime = Field(
            "end_time", label: "End time", value: form["end_time"], type: "time", hint: "UK time, like 16:00",
            errors: errors)
        purpose = Field(
            "purpose", label: "Purpose", value: form["purpose"], type: "textarea",
            hint: "What the meeting is for, in a sentence or two.", errors: errors)
        kind = ChoiceField(
            "kind", legend: "Meeting or workshop", options: MeetingKind.allCases.map { ($0.rawValue, $0.label) },
            selected: form["kind"], errors: errors)
        format = ChoiceField(
            "format", legend: "How people take part", options: MeetingFormat.allCases.map { ($0.rawValue, $0.label) },
            selected: form["format"], errors: errors)
        address = Field(
            "address", label: "Address (in person or hybrid)", value: form["address"], type: "textarea", errors: errors)
        joiningDetails = Field(
            "joining_details", label: "How to join by video (video or hybrid)", value: form["joining_details"],
            type: "textarea",
            hint: "A link, or how it will be sent. Never shown on the public page or in the public calendar.",
            errors: errors)
        access = ChoiceField(
            "access", legend: "Access arrangements", hint: "Select all that will be in place.",
            options: AccessArrangement.allCases.map { ($0.rawValue, $0.label) }, selected: Set(form.all("access")),
            errors: errors)
        accessNotes = Field(
            "access_notes", label: "Other access information (optional)", value: form["access_notes"], type: "textarea",
            errors: errors)
        papers = Field(
            "papers", label: "Papers (optional)", value: form["papers"], type: "textarea",
            hint: "Text, or links to papers, one per line.", errors: errors)
        visibility = ChoiceField(
            "visibility", legend: "Who can see it", options: Visibility.allCases.map { ($0.rawValue, $0.label) },
            selected: form["visibility"], errors: errors)
        status =
            meeting == nil
            ? nil
            : ChoiceField(
                "status", legend: "Status", options: MeetingStatus.allCases.map { ($0.rawValue, $0.label) },
                selected: form["status"], errors: errors)
        repeatField =
            meeting == nil
            ? SelectField(
                "repeat", label: "Does it repeat?",
                hint: "Plan the road map of meetings at once: each has the same details.",
                options: [("", "No, just this meeting")] + MeetingRepeat.allCases.map { ($0.rawValue, $0.label) },
                selected: form["repeat"], errors: errors) : nil
        count =
            meeting == nil
            ? Field(
                "count", label: "How many meetings in the series (if it repeats)", value: form["count"],
                hint: "From 2 to \(MeetingForm.maximumSeries), counting the first.", errors: errors) : nil
        self.errors = errors
        action = meeting.map { Href.meeting(group.id, $0.id) } ?? Href.meetings(group.id)
        cancelHref = meeting.map { Href.meeting(group.id, $0.id) } ?? Href.meetings(group.id)
    }
}
