import Foundation

/// Appointing someone to a role: from an expression of interest, an account, or by name.
struct AppointmentFormPage: PageModel {
    static let template = "involvement-roles/appoint"
    static let hasForm = true
    let title: String
    let roleTitle: String
    let action: String
    let cancelHref: String
    let interest: SelectField
    let personName: Field
    let account: SelectField
    let startsOn: Field
    let endsOn: Field
    let errors: FormErrors

    init(role: InvolvementRole, interests: [Interest], accounts: [User], form: FormData, errors: FormErrors) {
        title = "Appoint someone: \(role.title)"
        roleTitle = role.title
        action = Href.roleAppointments(role.id)
        cancelHref = Href.involvementRole(role.id)
        interest = SelectField(
            "interest", label: "Their expression of interest (optional)",
            hint: "Appointing them moves it to appointed.",
            options: [("", "Not from an expression of interest")]
                + interests.map { (String($0.id), "\($0.name) (\($0.status.label.lowercased()))") },
            selected: form["interest"], errors: errors)
        personName = Field(
            "person_name", label: "Name (optional if you chose their expression of interest or account)",
            value: form["person_name"], hint: "How their name is shown in the list of people in this role.",
            errors: errors)
        account = SelectField(
            "account", label: "Their Alongside account (optional)", hint: "Link an account if they already have one.",
            options: [("", "No account")]
                + accounts.compactMap { user in user.id.map { (String($0), "\(user.name) (\(user.email))") } },
            selected: form["account"], errors: errors)
        startsOn = Field("starts_on", label: "Start date", value: form["starts_on"], type: "date", errors: errors)
        endsOn = Field(
            "ends_on", label: "End date (optional)", value: form["ends_on"], type: "date",
            hint: "Their last day in the role, if it is fixed. It must be after the start date.", errors: errors)
        self.errors = errors
    }
}

/// Ending an appointment: the person's last day in the role.
struct EndAppointmentPage: PageModel {
    static let template = "involvement-roles/end-appointment"
    static let hasForm = true
    let title: String
    let details: [RoleDescriptionView.Line]
    let action: String
    let cancelHref: String
    let endsOn: Field
    let errors: FormErrors

    init(role: InvolvementRole, appointment: Appointment, form: FormData, errors: FormErrors) {
        title = "End \(appointment.personName)'s appointment"
        details = [
            .init(label: "Role", value: role.title),
            .init(label: "Started", value: LondonTime.day(appointment.startsOn)),
            .init(label: "Ends", value: appointment.endsOn.map(LondonTime.day) ?? "No end date"),
        ]
        action = Href.endRoleAppointment(role.id, appointment.id)
        cancelHref = Href.involvementRole(role.id)
        endsOn = Field(
            "ends_on", label: "Last day in the role", value: form["ends_on"], type: "date",
            hint: "It must be after the start date.", errors: errors)
        self.errors = errors
    }
}
