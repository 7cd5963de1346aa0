import Foundation

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
            text.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }.map(Paper.init)
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

    init(
        _ c: Context, canRun: Bool, canSeeActions: Bool, isPublicView: Bool = false, form: FormData = FormData(),
        errors: FormErrors = FormErrors()
    ) {
        let meeting = c.meeting, group = c.group
        title = "\(meeting.kind.label): \(LondonTime.date(meeting.startsAt))"
        groupName = group.name
        backHref =
            isPublicView
            ? (group.visibility == .published ? Href.publishedGroup(group.id) : nil) : Href.meetings(group.id)
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
            details.append(
                LabelledLine(
                    label: "Joining by video",
                    value: isPublicView ? "Details are sent to the people taking part." : meeting.joiningDetails))
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
            return Item(
                number: index + 1, title: item.title, description: item.description.isEmpty ? nil : item.description,
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
                summary =
                    "\(q.counted) of \(q.memberCount) members counted towards quorum; \(terms) in force on the day needs \(needed)"
                    + (q.livedExperiencePresent ? ", and an expert by experience or carer was present." : ".")
            } else {
                summary =
                    "\(q.counted) of \(q.memberCount) members were present. The group had no adopted terms of reference on the day."
            }
            let verdict = q.needed == nil ? "No quorum to check." : (q.met ? "Quorate." : "Not quorate.")
            quorum = QuorumBox(verdict: verdict, met: q.met, summary: summary, shortfalls: q.shortfalls)
        } else {
            quorum = nil
        }
        attendance = c.expected.compactMap { member in
            guard let entry = c.attendance[member.userID] else { return nil }
            let value =
                entry.status == .deputy
                ? "Sent their deputy, \(entry.deputyName ?? "named deputy")" : entry.status.label
            return LabelledLine(label: member.name, value: value)
        }
        hasAttendance = !attendance.isEmpty
        let row: (ActionItem) -> ActionRow = { action in
            ActionRow(
                what: action.what, owner: action.ownerName, due: LondonTime.day(action.dueOn),
                status: action.status.label,
                overdue: action.isOverdue(today: c.today),
                href: !isPublicView && (canRun || action.ownerUserID == c.viewerID)
                    ? Href.action(group.id, action.id) : nil)
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
                // A decision can be taken at a meeting once it has started: the form opens with this meeting chosen.
                recordDecisionHref: canRun && meeting.status != .cancelled && meeting.day <= c.today
                    ? Href.newDecision(group.id, query: ["meeting": meeting.id]) : nil
            )
        }
        guard canRun, !isPublicView else {
            forms = nil
            return
        }
        let items = c.agenda.enumerated().map { (String($0.element.id), "\($0.offset + 1). \($0.element.title)") }
        let people = c.people.map { (String($0.id), $0.name) }
        let declarers =
            (c.expected.map { (String($0.userID), $0.name) }
                + c.expected.compactMap { m in m.deputyUserID.map { (String($0), "\(m.deputyName ?? "") (deputy)") } })
        typealias Agenda = MeetingItemForms.AgendaItemField
        typealias Declaration = MeetingItemForms.DeclarationField
        typealias Action = MeetingItemForms.ActionField
        forms = Forms(
            agendaAction: Href.agendaItems(group.id, meeting.id),
            agendaTitle: Field(Agenda.title, label: "Title", form: form, errors: errors),
            agendaDescription: Field(
                Agenda.description, label: "What it is about (optional)", form: form,
                type: "textarea", errors: errors),
            agendaPaper: Field(
                Agenda.paper, label: "Paper (optional)", form: form, type: "textarea",
                hint: "Text, or a link to the paper.", errors: errors),
            declarationAction: items.isEmpty ? nil : Href.declarations(group.id, meeting.id),
            declarationItem: items.isEmpty
                ? nil
                : SelectField(
                    Declaration.item, label: "Agenda item", options: [("", "Select an item")] + items,
                    form: form, errors: errors),
            declarationPerson: items.isEmpty
                ? nil
                : SelectField(
                    Declaration.person, label: "Who declared it", options: [("", "Select a person")] + declarers,
                    form: form, errors: errors),
            declarationInterest: items.isEmpty
                ? nil
                : Field(
                    Declaration.interest, label: "The interest", form: form,
                    type: "textarea", errors: errors),
            declarationTookPart: items.isEmpty
                ? nil
                : ChoiceField(
                    radios: Declaration.tookPart, legend: "Did they take part in the item?",
                    options: [("yes", "Yes"), ("no", "No, they stepped out")], form: form,
                    errors: errors),
            actionAction: Href.meetingActions(group.id, meeting.id),
            actionWhat: Field(
                Action.what, label: "What needs to be done", form: form, type: "textarea",
                errors: errors),
            actionOwner: SelectField(
                Action.owner, label: "Who will do it", options: [("", "Select a person")] + people,
                form: form, errors: errors),
            actionDue: Field(Action.due, label: "Due date", form: form, type: "date", errors: errors),
            actionItem: items.isEmpty
                ? nil
                : SelectField(
                    Action.item, label: "Agenda item (optional)", options: [("", "None")] + items,
                    form: form, errors: errors)
        )
    }
}
