import Foundation

/// Words for an advert's state, shared by the list and the role page.
enum AdvertWording {
    static func state(_ advert: Advert?, today: String) -> (text: String, isOpen: Bool) {
        guard let advert else { return ("Not advertised", false) }
        if advert.isOpen(today: today) { return ("Open: closes on \(LondonTime.day(advert.closesOn))", true) }
        if let closedAt = advert.closedAt { return ("Closed early on \(LondonTime.date(closedAt))", false) }
        return ("Closed on \(LondonTime.day(advert.closesOn))", false)
    }
}

/// Every involvement role, for the people who manage them.
struct RolesPage: PageModel {
    static let template = "involvement-roles/index"
    let title = "Involvement roles"
    let rows: [Row]
    let hasRows: Bool
    let newHref: String
    let interestHref: String
    let opportunitiesHref: String

    struct Row: Encodable, Sendable {
        let title: String
        let href: String
        let kinds: String
        let advert: String
        let advertOpen: Bool
        let interest: String
        let people: Int
    }

    init(summaries: [RoleSummary], today: String) {
        rows = summaries.map { summary in
            let advert = AdvertWording.state(summary.advert, today: today)
            return Row(
                title: summary.role.title, href: Href.involvementRole(summary.role.id),
                kinds: summary.role.content.kinds.map(\.label).joined(separator: ", "),
                advert: advert.text, advertOpen: advert.isOpen,
                interest: "\(summary.interestCount)"
                    + (summary.newInterestCount > 0 ? " (\(summary.newInterestCount) new)" : ""),
                people: summary.currentAppointments
            )
        }
        hasRows = !rows.isEmpty
        newHref = Href.newInvolvementRole()
        interestHref = Href.involvementInterest()
        opportunitiesHref = Href.opportunities()
    }
}

/// The first step of a new role: start from the Appendix 1 template or from blank.
struct RoleStartPage: PageModel {
    static let template = "involvement-roles/start"
    let title = "Write a role description"
    let action: String
    let start: ChoiceField
    let cancelHref: String
    let errors: FormErrors

    init(errors: FormErrors = FormErrors()) {
        action = Href.newInvolvementRole()
        start = ChoiceField(
            InvolvementForms.RoleStartField.start, legend: "How do you want to start?",
            options: [
                ("template", "From our expert by experience leader template, to change as you need"),
                ("blank", "From a blank description"),
            ], selected: ["template"], errors: errors)
        cancelHref = Href.involvementRoles()
        self.errors = errors
    }
}

/// Writing or editing a role description. On an edit refused because someone else saved first, their
/// version is shown above what this person typed.
struct RoleFormPage: PageModel {
    static let template = "involvement-roles/form"
    static let hasForm = true
    let title: String
    let action: String
    let cancelHref: String
    let version: String?
    let fromTemplate: Bool
    let titleField: Field
    let location: Field
    let payment: Field
    let about: Field
    let purpose: Field
    let tasks: Field
    let kinds: ChoiceField
    let responsibilities: Field
    let support: Field
    let essential: Field
    let desirable: Field
    let howToApply: Field
    let theirs: RoleDescriptionView?
    let errors: FormErrors

    init(
        editing: InvolvementRole?, form: FormData, errors: FormErrors, fromTemplate: Bool = false,
        conflict: InvolvementRole? = nil
    ) {
        title = editing.map { "Edit role description: \($0.title)" } ?? "Write a role description"
        typealias F = InvolvementForms.RoleField
        action = editing.map { Href.editInvolvementRole($0.id) } ?? Href.newInvolvementRole()
        cancelHref = editing.map { Href.involvementRole($0.id) } ?? Href.involvementRoles()
        version = editing == nil ? nil : form[EditField.version]
        self.fromTemplate = fromTemplate
        let onePerLine = "One per line."
        titleField = Field(F.title, label: "Role title", form: form, errors: errors)
        location = Field(
            F.location, label: "Location (optional)", form: form,
            hint: "Where the role is based, and whether people can take part online.", errors: errors)
        payment = Field(
            F.payment, label: "Payment and expenses", form: form,
            hint: "What the payment policy offers for this role, in words people can check their claims against.",
            errors: errors)
        about = Field(
            F.about, label: "About the role", form: form, type: "textarea",
            hint: "A short introduction. Each line becomes a paragraph.", errors: errors)
        purpose = Field(
            F.purpose, label: "What is the role for?", form: form, type: "textarea", hint: onePerLine,
            errors: errors)
        tasks = Field(
            F.tasks, label: "What tasks are involved?", form: form, type: "textarea", hint: onePerLine,
            errors: errors)
        kinds = ChoiceField(
            checkboxes: F.kinds, legend: "Kinds of involvement",
            hint: "Select all the ways someone in this role can take part.",
            options: InvolvementKind.options, form: form, errors: errors)
        responsibilities = Field(
            F.responsibilities, label: "What are the responsibilities? (optional)", form: form,
            type: "textarea", hint: onePerLine, errors: errors)
        support = Field(
            F.support, label: "What support and training is there? (optional)", form: form,
            type: "textarea", hint: onePerLine, errors: errors)
        essential = Field(
            F.essential, label: "Essential skills and experience (optional)", form: form,
            type: "textarea", hint: onePerLine, errors: errors)
        desirable = Field(
            F.desirable, label: "Desirable skills and experience (optional)", form: form,
            type: "textarea", hint: onePerLine, errors: errors)
        howToApply = Field(
            F.howToApply, label: "How to find out more or apply", form: form, type: "textarea",
            hint: "People can also send an expression of interest from the advert. Each line becomes a paragraph.",
            errors: errors)
        theirs = conflict.map { RoleDescriptionView($0.content, idPrefix: "theirs", level: 3) }
        self.errors = errors
    }
}

/// A role: its description, its advert, the interest it has had and the people in it.
struct RolePage: PageModel {
    static let template = "involvement-roles/show"
    static let hasForm = true
    let title: String
    let description: RoleDescriptionView
    let editHref: String
    let rolesHref: String
    let advertState: String
    let advertOpen: Bool
    let publicHref: String?
    let publishAction: String
    let publishLabel: String
    let closesOn: Field
    let closeAction: String?
    let interest: [InterestRow]
    let hasInterest: Bool
    let interestHref: String
    let appointHref: String
    let current: [AppointmentRow]
    let hasCurrent: Bool
    let past: [AppointmentRow]
    let hasPast: Bool
    let errors: FormErrors

    struct InterestRow: Encodable, Sendable {
        let name: String
        let href: String
        let received: String
        let status: String
        let tagClass: String
    }

    struct AppointmentRow: Encodable, Sendable {
        let name: String
        let account: String
        let from: String
        let to: String
        let standing: String
        let endHref: String?
    }

    init(
        role: InvolvementRole, advert: Advert?, interests: [Interest], appointments: [Appointment], today: String,
        form: FormData = FormData(), errors: FormErrors = FormErrors()
    ) {
        title = role.title
        description = RoleDescriptionView(role.content, level: 3)
        editHref = Href.editInvolvementRole(role.id)
        rolesHref = Href.involvementRoles()
        let state = AdvertWording.state(advert, today: today)
        typealias F = InvolvementForms.AdvertField
        advertState = state.text
        advertOpen = state.isOpen
        publicHref = state.isOpen ? advert.map { Href.opportunity($0.id) } : nil
        publishAction = Href.roleAdvert(role.id)
        publishLabel = state.isOpen ? "Change the closing date" : "Publish the advert"
        let closing = form[F.closesOn].isEmpty && state.isOpen ? (advert?.closesOn ?? "") : form[F.closesOn]
        closesOn = Field(
            F.closesOn, label: "Closing date", value: closing, type: "date",
            hint: "The advert stays open all of this day. It must be today or later.", errors: errors)
        closeAction = state.isOpen ? Href.closeRoleAdvert(role.id) : nil
        interest = interests.map {
            InterestRow(
                name: $0.name, href: Href.interestReceived($0.id), received: LondonTime.date($0.receivedAt),
                status: $0.status.label, tagClass: $0.status.tagClass)
        }
        hasInterest = !interest.isEmpty
        interestHref = Href.involvementInterest(query: ["role": role.id])
        appointHref = Href.roleAppointments(role.id)
        func row(_ appointment: Appointment) -> AppointmentRow {
            let standing = appointment.standing(today: today)
            let label: String
            switch standing {
            case .upcoming: label = "Starts on \(LondonTime.day(appointment.startsOn))"
            case .current: label = "Current"
            case .ended: label = "Ended"
            }
            return AppointmentRow(
                name: appointment.personName, account: appointment.accountName ?? "No account",
                from: LondonTime.day(appointment.startsOn), to: appointment.endsOn.map(LondonTime.day) ?? "No end date",
                standing: label, endHref: standing == .ended ? nil : Href.endRoleAppointment(role.id, appointment.id)
            )
        }
        current = appointments.filter { $0.standing(today: today) != .ended }.map(row)
        hasCurrent = !current.isEmpty
        past = appointments.filter { $0.standing(today: today) == .ended }.map(row)
        hasPast = !past.isEmpty
        self.errors = errors
    }
}
