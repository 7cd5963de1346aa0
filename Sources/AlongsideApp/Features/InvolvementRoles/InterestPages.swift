import Foundation

/// Expressions of interest across roles, filterable by role and status. Personal data: managers only.
struct InterestListPage: PageModel {
    static let template = "involvement-roles/interest"
    let title = "Expressions of interest"
    let role: SelectField
    let status: SelectField
    let rows: [Row]
    let hasRows: Bool
    let summary: String
    let rolesHref: String
    let filterAction: String

    struct Row: Encodable, Sendable {
        let name: String
        let href: String
        let roleTitle: String
        let roleHref: String
        let received: String
        let status: String
        let tagClass: String
    }

    init(interests: [Interest], roles: [(id: Int64, title: String)], query: FormData) {
        typealias F = InvolvementForms.InterestFilterField
        let none = FormErrors()
        role = SelectField(
            F.role, label: "Role", options: [("", "All roles")] + roles.map { (String($0.id), $0.title) },
            form: query, errors: none)
        status = SelectField(
            F.status, label: "Status",
            options: [("", "Any status")] + InterestStatus.allCases.map { ($0.rawValue, $0.label) },
            form: query, errors: none)
        rows = interests.map {
            Row(
                name: $0.name, href: Href.interestReceived($0.id), roleTitle: $0.roleTitle,
                roleHref: Href.involvementRole($0.roleID),
                received: LondonTime.date($0.receivedAt), status: $0.status.label, tagClass: $0.status.tagClass)
        }
        hasRows = !rows.isEmpty
        summary = "\(rows.count) expression\(rows.count == 1 ? "" : "s") of interest"
        rolesHref = Href.involvementRoles()
        filterAction = Href.involvementInterest()
    }
}

/// One expression of interest: what they sent, where it has got to, and moving it on.
struct InterestPage: PageModel {
    static let template = "involvement-roles/interest-show"
    static let hasForm = true
    let title: String
    let details: [RoleDescriptionView.Line]
    let accessNeeds: String?
    let about: String
    let currentStatus: String
    let tagClass: String
    let history: [HistoryRow]
    let action: String
    let status: ChoiceField
    let note: Field
    let appointHref: String?
    let roleHref: String
    let listHref: String
    let errors: FormErrors

    struct HistoryRow: Encodable, Sendable {
        let when: String
        let status: String
        let who: String
        let note: String
    }

    init(interest: Interest, history entries: [InterestHistoryEntry], form: FormData, errors: FormErrors) {
        typealias F = InvolvementForms.InterestStatusField
        title = "Interest from \(interest.name)"
        var details: [RoleDescriptionView.Line] = [
            .init(label: "Role", value: interest.roleTitle),
            .init(label: "Received", value: LondonTime.dateTime(interest.receivedAt)),
        ]
        if !interest.email.isEmpty { details.append(.init(label: "Email", value: interest.email)) }
        if !interest.phone.isEmpty { details.append(.init(label: "Phone", value: interest.phone)) }
        details.append(.init(label: "Preferred contact", value: interest.preferredContact.label))
        self.details = details
        accessNeeds = interest.accessNeeds.isEmpty ? nil : interest.accessNeeds
        about = interest.about
        currentStatus = interest.status.label
        tagClass = interest.status.tagClass
        history = entries.map {
            HistoryRow(
                when: LondonTime.dateTime($0.at), status: $0.status.label, who: $0.byName ?? "Sent from the advert",
                note: $0.note)
        }
        action = Href.interestReceived(interest.id)
        status = ChoiceField(
            radios: F.status, legend: "Move it to",
            options: InvolvementForms.settableStatuses.map { ($0.rawValue, $0.label) },
            form: form, errors: errors)
        note = Field(
            F.note, label: "Note (optional)", form: form, type: "textarea",
            hint: "For example, when you talked and what you agreed.", errors: errors)
        appointHref =
            interest.status == .appointed
            ? nil : Href.roleAppointments(interest.roleID, query: ["interest": interest.id])
        roleHref = Href.involvementRole(interest.roleID)
        listHref = Href.involvementInterest()
        self.errors = errors
    }
}
