import Foundation

/// Actions across every group the person can see, filterable by person, group and status; overdue ones marked.
struct ActionsPage: PageModel {
    static let template = "meetings/actions/index"
    let title = "Actions"
    let person: SelectField
    let group: SelectField
    let status: SelectField
    let rows: [Row]
    let hasRows: Bool
    let overdueCount: Int
    let summary: String
    let myActionsHref: String
    let filterAction = Href.actions()

    struct Row: Encodable, Sendable {
        let what: String
        /// Nil when the person may read the action but not update it.
        let href: String?
        let group: String
        let owner: String
        let due: String
        let status: String
        let overdue: Bool
        let notes: String?
    }

    init(
        actions: [ActionItem], query: FormData, people: [(Int64, String)], groups: [Group], today: String, me: Int64,
        canUpdate: (ActionItem) -> Bool
    ) {
        typealias F = MeetingItemForms.ActionFilterField
        let noErrors = FormErrors()
        person = SelectField(
            F.person, label: "Person", options: [("", "Anyone")] + people.map { (String($0.0), $0.1) },
            form: query, errors: noErrors)
        group = SelectField(
            F.group, label: "Group", options: [("", "All groups")] + groups.map { (String($0.id), $0.name) },
            form: query, errors: noErrors)
        status = SelectField(
            F.status, label: "Status",
            options: [("", "Still to do"), ("any", "Any status")]
                + ActionStatus.allCases.map { ($0.rawValue, $0.label) },
            form: query, errors: noErrors)
        rows = actions.map {
            Row(
                what: $0.what, href: canUpdate($0) ? Href.action($0.groupID, $0.id) : nil, group: $0.groupName,
                owner: $0.ownerName, due: LondonTime.day($0.dueOn),
                status: $0.status.label, overdue: $0.isOverdue(today: today), notes: $0.notes.isEmpty ? nil : $0.notes)
        }
        hasRows = !rows.isEmpty
        overdueCount = rows.filter(\.overdue).count
        summary =
            "\(rows.count) action\(rows.count == 1 ? "" : "s")" + (overdueCount > 0 ? ", \(overdueCount) overdue" : "")
        myActionsHref = Href.actions(query: ["person": me])
    }
}

/// Updating an action: its status, due date and notes.
struct ActionFormPage: PageModel {
    static let template = "meetings/actions/edit"
    static let hasForm = true
    let title: String
    let details: [LabelledLine]
    let status: ChoiceField
    let dueOn: Field
    let notes: Field
    /// The roadmap deliverables the action affects (issue 19).
    let deliverables: GroupedChoices
    let errors: FormErrors
    let action: String
    let meetingHref: String?
    let actionsHref: String

    init(action item: ActionItem, deliverables: [Deliverable], form: FormData, errors: FormErrors, today: String) {
        typealias F = MeetingItemForms.ActionUpdateField
        title = "Action: \(item.what)"
        var details = [
            LabelledLine(label: "Group", value: item.groupName),
            LabelledLine(label: "Who", value: item.ownerName),
            LabelledLine(
                label: "Due", value: LondonTime.day(item.dueOn) + (item.isOverdue(today: today) ? " (overdue)" : "")),
            LabelledLine(label: "Status", value: item.status.label),
        ]
        if !item.notes.isEmpty { details.append(LabelledLine(label: "Notes", value: item.notes)) }
        self.details = details
        status = ChoiceField(
            radios: F.status, legend: "Status", options: ActionStatus.allCases.map { ($0.rawValue, $0.label) },
            form: form, errors: errors)
        dueOn = Field(F.dueOn, label: "Due date", form: form, type: "date", errors: errors)
        notes = Field(
            F.notes, label: "Notes (optional)", form: form, type: "textarea",
            hint: "What has happened so far.", errors: errors)
        self.deliverables = GroupedChoices.deliverables(
            F.deliverables, deliverables, form: form, errors: errors,
            hint:
                "Select the deliverables this action moves on, grouped by workstream. Each one's page will list this action."
        )
        self.errors = errors
        action = Href.action(item.groupID, item.id)
        meetingHref = item.meetingID.map { Href.meeting(item.groupID, $0) }
        actionsHref = Href.actions()
    }

    static func formData(for item: ActionItem, deliverableIDs: [Int64]) -> FormData {
        typealias F = MeetingItemForms.ActionUpdateField
        return FormData(
            [(F.status, item.status.rawValue), (F.dueOn, item.dueOn), (F.notes, item.notes)]
                + deliverableIDs.map { (F.deliverables, String($0)) })
    }
}

/// A person's private calendar address.
struct CalendarPage: PageModel {
    static let template = "account/calendar"
    static let hasForm = true
    let title = "Your meetings calendar"
    let accountHref = Href.account()
    let hasFeed: Bool
    /// Shown once, straight after it is made.
    let newAddress: String?
    /// One address per group the person belongs to, shown with the new address.
    let groupAddresses: [GroupAddress]
    let hasGroupAddresses: Bool
    let action: String

    struct GroupAddress: Encodable, Sendable {
        let id: String
        let name: String
        let address: String
    }

    /// `newFeed` is the site's address and the token just made, when there is one to show.
    init(hasFeed: Bool, newFeed: (baseURL: String, token: String)? = nil, groups: [Group] = [], action: String) {
        self.hasFeed = hasFeed
        newAddress = newFeed.map { $0.baseURL + Href.personalCalendar($0.token) }
        groupAddresses =
            newFeed.map { feed in
                groups.map {
                    GroupAddress(
                        id: "calendar-group-\($0.id)", name: $0.name,
                        address: feed.baseURL + Href.groupCalendar(feed.token, $0.id))
                }
            } ?? []
        hasGroupAddresses = !groupAddresses.isEmpty
        self.action = action
    }
}
