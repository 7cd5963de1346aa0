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
        typealias F = MeetingForm.MeetingField
        isNew = meeting == nil
        title = (meeting == nil ? "Plan a meeting: " : "Change the meeting: ") + group.name
        groupName = group.name
        day = Field(F.day, label: "Date", form: form, type: "date", errors: errors)
        startTime = Field(
            F.startTime, label: "Start time", form: form, type: "time", hint: "UK time, like 14:00",
            errors: errors)
        endTime = Field(
            F.endTime, label: "End time", form: form, type: "time", hint: "UK time, like 16:00",
            errors: errors)
        purpose = Field(
            F.purpose, label: "Purpose", form: form, type: "textarea",
            hint: "What the meeting is for, in a sentence or two.", errors: errors)
        kind = ChoiceField(
            radios: F.kind, legend: "Meeting or workshop",
            options: MeetingKind.allCases.map { ($0.rawValue, $0.label) },
            form: form, errors: errors)
        format = ChoiceField(
            radios: F.format, legend: "How people take part",
            options: MeetingFormat.allCases.map { ($0.rawValue, $0.label) },
            form: form, errors: errors)
        address = Field(
            F.address, label: "Address (in person or hybrid)", form: form, type: "textarea", errors: errors)
        joiningDetails = Field(
            F.joiningDetails, label: "How to join by video (video or hybrid)", form: form,
            type: "textarea",
            hint: "A link, or how it will be sent. Never shown on the public page or in the public calendar.",
            errors: errors)
        access = ChoiceField(
            checkboxes: F.access, legend: "Access arrangements", hint: "Select all that will be in place.",
            options: AccessArrangement.allCases.map { ($0.rawValue, $0.label) }, form: form,
            errors: errors)
        accessNotes = Field(
            F.accessNotes, label: "Other access information (optional)", form: form, type: "textarea",
            errors: errors)
        papers = Field(
            F.papers, label: "Papers (optional)", form: form, type: "textarea",
            hint: "Text, or links to papers, one per line.", errors: errors)
        visibility = ChoiceField(
            radios: F.visibility, legend: "Who can see it",
            options: Visibility.allCases.map { ($0.rawValue, $0.label) },
            form: form, errors: errors)
        status =
            meeting == nil
            ? nil
            : ChoiceField(
                radios: F.status, legend: "Status", options: MeetingStatus.allCases.map { ($0.rawValue, $0.label) },
                form: form, errors: errors)
        repeatField =
            meeting == nil
            ? SelectField(
                F.repeats, label: "Does it repeat?",
                hint: "Plan the road map of meetings at once: each has the same details.",
                options: [("", "No, just this meeting")] + MeetingRepeat.allCases.map { ($0.rawValue, $0.label) },
                form: form, errors: errors) : nil
        count =
            meeting == nil
            ? Field(
                F.count, label: "How many meetings in the series (if it repeats)", form: form,
                hint: "From 2 to \(MeetingForm.maximumSeries), counting the first.", errors: errors) : nil
        self.errors = errors
        action = meeting.map { Href.meeting(group.id, $0.id) } ?? Href.meetings(group.id)
        cancelHref = meeting.map { Href.meeting(group.id, $0.id) } ?? Href.meetings(group.id)
    }
}
