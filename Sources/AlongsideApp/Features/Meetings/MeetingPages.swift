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
            Row(when: $0.when, href: Href.meeting(group.id, $0.id), purpose: $0.purpose, kind: $0.kind.label,
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
        startTime = Field("start_time", label: "Start time", value: form["start_time"], type: "time", hint: "UK time, like 14:00", errors: errors)
        endTime = Field("end_time", label: "End time", value: form["end_time"], type: "time", hint: "UK time, like 16:00", errors: errors)
        purpose = Field("purpose", label: "Purpose", value: form["purpose"], type: "textarea", hint: "What the meeting is for, in a sentence or two.", errors: errors)
        kind = ChoiceField("kind", legend: "Meeting or workshop", options: MeetingKind.allCases.map { ($0.rawValue, $0.label) }, selected: form["kind"], errors: errors)
        format = ChoiceField("format", legend: "How people take part", options: MeetingFormat.allCases.map { ($0.rawValue, $0.label) }, selected: form["format"], errors: errors)
        address = Field("address", label: "Address (in person or hybrid)", value: form["address"], type: "textarea", errors: errors)
        joiningDetails = Field("joining_details", label: "How to join by video (video or hybrid)", value: form["joining_details"], type: "textarea",
                               hint: "A link, or how it will be sent. Never shown on the public page or in the public calendar.", errors: errors)
        access = ChoiceField("access", legend: "Access arrangements", hint: "Select all that will be in place.",
                                 options: AccessArrangement.allCases.map { ($0.rawValue, $0.label) }, selected: Set(form.all("access")), errors: errors)
        accessNotes = Field("access_notes", label: "Other access information (optional)", value: form["access_notes"], type: "textarea", errors: errors)
        papers = Field("papers", label: "Papers (optional)", value: form["papers"], type: "textarea", hint: "Text, or links to papers, one per line.", errors: errors)
        visibility = ChoiceField("visibility", legend: "Who can see it", options: Visibility.allCases.map { ($0.rawValue, $0.label) }, selected: form["visibility"], errors: errors)
        status = meeting == nil ? nil : ChoiceField("status", legend: "Status", options: MeetingStatus.allCases.map { ($0.rawValue, $0.label) }, selected: form["status"], errors: errors)
        repeatField = meeting == nil ? SelectField("repeat", label: "Does it repeat?", hint: "Plan the road map of meetings at once: each has the same details.",
                                                   options: [("", "No, just this meeting")] + MeetingRepeat.allCases.map { ($0.rawValue, $0.label) },
                                                   selected: form["repeat"], errors: errors) : nil
        count = meeting == nil ? Field("count", label: "How many meetings in the series (if it repeats)", value: form["count"], hint: "From 2 to \(MeetingForm.maximumSeries), counting the first.", errors: errors) : nil
        self.errors = errors
        action = meeting.map { Href.meeting(group.id, $0.id) } ?? Href.meetings(group.id)
        cancelHref = meeting.map { Href.meeting(group.id, $0.id) } ?? Href.meetings(group.id)
    }
}

/// One meeting: details, agenda with papers, minutes and declarations, attendance and quorum, actions.
struct MeetingPage: PageModel {
    static let template = "meetings/show"
    static let hasForm = true
    let title: String
    let groupName: String
    let backHref: String?
    let backLabel: String
    let details: [LabelledLine]
    let access: [String]
    let hasAccess: Bool
    let papers: [Paper]
    let hasPapers: Bool
    let agenda: [Item]
    let hasAgenda: Bool
    let quorum: QuorumBox?
    let attendance: [LabelledLine]
    let hasAttendance: Bool
    let actions: [ActionRow]
    let hasActions: Bool
    let carriedOver: [ActionRow]
    let hasCarriedOver: Bool
    let isPublicView: Bool
    let canRun: Bool
    let links: Links?
    let forms: Forms?
    /// A workshop's insights and action-plan items (co-production, issue 7); never on the public page.
    let workshopOutputs: WorkshopOutputsView?
    let errors: FormErrors

    /// A paper: a link when it is one, text otherwise.
    struct Paper: Encodable, Sendable {
        let text: String
        let href: String?

        init(_ text: String) {
            self.text = text
            let lower = text.lowercased()
            href = (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !text.contains(" ") ? text : nil
        }

        static func lines(_ text: String) -> [Paper] {
            text.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(Paper.init)
        }
    }

    /// Text as a sentence: a full stop added only when it does not already end in one (or ! or ?).
    static func sentence(_ text: String) -> String {
        guard let last = text.last, !".!?".contains(last) else { return text }
        return text + "."
    }

    struct Item: Encodable, Sendable {
        let number: Int
        let title: String
        let description: String?
        let papers: [Paper]
        let hasPapers: Bool
        let minutes: String?
        let declarations: [String]
        let hasDeclarations: Bool
    }

    struct QuorumBox: Encodable, Sendable {
        /// "Quorate.", "Not quorate." or, with no terms in force, "No quorum to check."
        let verdict: String
        let met: Bool
        let summary: String
        let shortfalls: [String]
    }

    struct ActionRow: Encodable, Sendable {
        let what: String
        let owner: String
        let due: String
        let status: String
        let overdue: Bool
        let href: String?
    }

    struct Links: Encodable, Sendable {
        let editHref: String?
        let attendanceHref: String?
        let minutesHref: String?
        let calendarHref: String
        let publishedHref: String?
        let recordDecisionHref: String?
    }

    struct Forms: Encodable, Sendable {
        let agendaAction: String
        let agendaTitle: Field
        let agendaDescription: Field
        let agendaPaper: Field
        let declarationAction: String?
        let declarationItem: SelectField?
        let declarationPerson: SelectField?
        let declarationInterest: Field?
        let declarationTookPart: ChoiceField?
        let actionAction: String
        let actionWhat: Field
        let actionOwner: SelectField
        let actionDue: Field
        let actionItem: SelectField?
    }

    struct Context {
        var group: Group
        var meeting: Meeting
        var agenda: [AgendaItem]
        var declarations: [AgendaDeclaration]
        var expected: [MeetingRules.Expected]
        var attendance: [Int64: AttendanceEntry]
        var quorum: MeetingRules.Quorum
        var termsNumber: Int?
        var actions: [ActionItem]
        var carriedOver: [ActionItem]
        var people: [(id: Int64, name: String)]
        var today: String
        /// Who is looking: they may update their own actions.
        var viewerID: Int64?
        /// What came out of the meeting when it is a workshop, for people signed in.
        var workshop: WorkshopOutputsView? = nil
    }

    init(_ c: Context, canRun: Bool, canSeeActions: Bool, isPublicView: Bool = false, form: FormData = FormData(), errors: FormErrors = FormErrors()) {
        let meeting = c.meeting, group = c.group
        title = "\(meeting.kind.label): \(LondonTime.date(meeting.startsAt))"
        groupName = group.name
        backHref = isPublicView ? (group.visibility == .published ? Href.publishedGroup(group.id) : nil) : Href.meetings(group.id)
        backLabel = isPublicView ? group.name : "All meetings of \(group.name)"
        var details = [
            LabelledLine(label: "Group", value: group.name),
            LabelledLine(label: "When", value: meeting.when),
            LabelledLine(label: "Purpose", value: meeting.purpose),
            LabelledLine(label: "Status", value: meeting.status.label),
            LabelledLine(label: "How people take part", value: meeting.format.label),
        ]
        if !meeting.address.isEmpty { details.append(LabelledLine(label: "Address", value: meeting.address)) }
        if !meeting.joiningDetails.isEmpty {
            details.append(LabelledLine(label: "Joining by video", value: isPublicView ? "Details are sent to the people taking part." : meeting.joiningDetails))
        }
        if !isPublicView { details.append(LabelledLine(label: "Who can see it", value: meeting.visibility.label)) }
        self.details = details
        access = meeting.access.map(\.label) + (meeting.accessNotes.isEmpty ? [] : [meeting.accessNotes])
        hasAccess = !access.isEmpty
        papers = Paper.lines(meeting.papers)
        hasPapers = !papers.isEmpty
        agenda = c.agenda.enumerated().map { index, item in
            let declared = c.declarations.filter { $0.agendaItemID == item.id }.map {
                "\($0.personName): \(Self.sentence($0.interest)) \($0.tookPart ? "Took part in this item." : "Did not take part in this item.")"
            }
            let papers = Paper.lines(item.paper)
            return Item(number: index + 1, title: item.title, description: item.description.isEmpty ? nil : item.description,
                        papers: papers, hasPapers: !papers.isEmpty, minutes: item.minutes.isEmpty ? nil : item.minutes,
                        declarations: declared, hasDeclarations: !declared.isEmpty)
        }
        hasAgenda = !agenda.isEmpty
        let hasAttendanceRecord = !c.attendance.isEmpty
        if hasAttendanceRecord {
            let q = c.quorum
            let terms = c.termsNumber.map { "version \($0) of the terms of reference" }
            let summary: String
            if let needed = q.needed, let terms {
                summary = "\(q.counted) of \(q.memberCount) members counted towards quorum; \(terms) in force on the day needs \(needed)"
                    + (q.livedExperiencePresent ? ", and an expert by experience or carer was present." : ".")
            } else {
                summary = "\(q.counted) of \(q.memberCount) members were present. The group had no adopted terms of reference on the day."
            }
            let verdict = q.needed == nil ? "No quorum to check." : (q.met ? "Quorate." : "Not quorate.")
            quorum = QuorumBox(verdict: verdict, met: q.met, summary: summary, shortfalls: q.shortfalls)
        } else {
            quorum = nil
        }
        attendance = c.expected.compactMap { member in
            guard let entry = c.attendance[member.userID] else { return nil }
            let value = entry.status == .deputy ? "Sent their deputy, \(entry.deputyName ?? "named deputy")" : entry.status.label
            return LabelledLine(label: member.name, value: value)
        }
        hasAttendance = !attendance.isEmpty
        let row: (ActionItem) -> ActionRow = { action in
            ActionRow(what: action.what, owner: action.ownerName, due: LondonTime.day(action.dueOn), status: action.status.label,
                      overdue: action.isOverdue(today: c.today),
                      href: !isPublicView && (canRun || action.ownerUserID == c.viewerID) ? Href.action(group.id, action.id) : nil)
        }
        actions = canSeeActions ? c.actions.map(row) : []
        hasActions = !actions.isEmpty
        carriedOver = canSeeActions ? c.carriedOver.map(row) : []
        hasCarriedOver = !carriedOver.isEmpty
        self.isPublicView = isPublicView
        workshopOutputs = isPublicView ? nil : c.workshop
        self.canRun = canRun && !isPublicView
        self.errors = errors
        if isPublicView {
            links = nil
        } else {
            links = Links(
                editHref: canRun ? Href.editMeeting(group.id, meeting.id) : nil,
                attendanceHref: canRun ? Href.attendance(group.id, meeting.id) : nil,
                minutesHref: canRun && !c.agenda.isEmpty ? Href.minutes(group.id, meeting.id) : nil,
                calendarHref: Href.meetingCalendar(group.id, meeting.id),
                publishedHref: meeting.visibility == .published ? Href.publishedMeeting(group.id, meeting.id) : nil,
                recordDecisionHref: canRun ? Href.newDecision(group.id) : nil
            )
        }
        guard canRun, !isPublicView else {
            forms = nil
            return
        }
        let items = c.agenda.enumerated().map { (String($0.element.id), "\($0.offset + 1). \($0.element.title)") }
        let people = c.people.map { (String($0.id), $0.name) }
        let declarers = (c.expected.map { (String($0.userID), $0.name) } + c.expected.compactMap { m in m.deputyUserID.map { (String($0), "\(m.deputyName ?? "") (deputy)") } })
        forms = Forms(
            agendaAction: Href.agendaItems(group.id, meeting.id),
            agendaTitle: Field("agenda_title", label: "Title", value: form["agenda_title"], errors: errors),
            agendaDescription: Field("agenda_description", label: "What it is about (optional)", value: form["agenda_description"], type: "textarea", errors: errors),
            agendaPaper: Field("agenda_paper", label: "Paper (optional)", value: form["agenda_paper"], type: "textarea", hint: "Text, or a link to the paper.", errors: errors),
            declarationAction: items.isEmpty ? nil : Href.declarations(group.id, meeting.id),
            declarationItem: items.isEmpty ? nil : SelectField("declaration_item", label: "Agenda item", options: [("", "Select an item")] + items, selected: form["declaration_item"], errors: errors),
            declarationPerson: items.isEmpty ? nil : SelectField("declaration_person", label: "Who declared it", options: [("", "Select a person")] + declarers, selected: form["declaration_person"], errors: errors),
            declarationInterest: items.isEmpty ? nil : Field("declaration_interest", label: "The interest", value: form["declaration_interest"], type: "textarea", errors: errors),
            declarationTookPart: items.isEmpty ? nil : ChoiceField("declaration_took_part", legend: "Did they take part in the item?", options: [("yes", "Yes"), ("no", "No, they stepped out")], selected: form["declaration_took_part"], errors: errors),
            actionAction: Href.meetingActions(group.id, meeting.id),
            actionWhat: Field("action_what", label: "What needs to be done", value: form["action_what"], type: "textarea", errors: errors),
            actionOwner: SelectField("action_owner", label: "Who will do it", options: [("", "Select a person")] + people, selected: form["action_owner"], errors: errors),
            actionDue: Field("action_due", label: "Due date", value: form["action_due"], type: "date", errors: errors),
            actionItem: items.isEmpty ? nil : SelectField("action_item", label: "Agenda item (optional)", options: [("", "None")] + items, selected: form["action_item"], errors: errors)
        )
    }
}

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

    init(group: Group, meeting: Meeting, expected: [MeetingRules.Expected], form: FormData, errors: FormErrors, deputiesAllowed: Bool) {
        title = "Attendance: \(group.name), \(LondonTime.date(meeting.startsAt))"
        groupName = group.name
        when = meeting.when
        members = expected.map { member in
            var options = AttendanceStatus.allCases.filter { $0 != .deputy }.map { ($0.rawValue, $0.label) }
            if let deputy = member.deputyName { options.insert((AttendanceStatus.deputy.rawValue, "Sent their deputy, \(deputy)"), at: 1) }
            return ChoiceField("attendance_\(member.userID)", legend: member.name, options: options, selected: form["attendance_\(member.userID)"], errors: errors)
        }
        hasMembers = !members.isEmpty
        deputiesNote = deputiesAllowed ? "The terms of reference allow deputies: a deputy counts towards quorum." : "The terms of reference do not allow deputies: a deputy does not count towards quorum."
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
            Field("minutes_\(item.id)", label: "\(index + 1). \(item.title)", value: form?["minutes_\(item.id)"] ?? item.minutes, type: "textarea", errors: errors)
        }
        self.errors = errors
        action = Href.minutes(group.id, meeting.id)
        cancelHref = Href.meeting(group.id, meeting.id)
    }
}
