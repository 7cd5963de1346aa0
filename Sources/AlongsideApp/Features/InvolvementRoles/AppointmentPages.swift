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
        typealias F = InvolvementForms.AppointmentField
        roleTitle = role.title
        action = Href.roleAppointments(role.id)
        cancelHref = Href.involvementRole(role.id)
        interest = SelectField(
            F.interest, label: "Their expression of interest (optional)",
            hint: "Appointing them moves it to appointed.",
            options: [("", "Not from an expression of interest")]
                + interests.map { (String($0.id), "\($0.name) (\($0.status.label.lowercased()))") },
            form: form, errors: errors)
        personName = Field(
            F.personName, label: "Name (optional if you chose their expression of interest or account)",
            form: form, hint: "How their name is shown in the list of people in this role.",
            errors: errors)
        account = SelectField(
            F.account, label: "Their Alongside account (optional)", hint: "Link an account if they already have one.",
            options: [("", "No account")]
                + accounts.compactMap { user in user.id.map { (String($0), "\(user.name) (\(user.email))") } },
            form: form, errors: errors)
        startsOn = Field(F.startsOn, label: "Start date", form: form, type: "date", errors: errors)
        endsOn = Field(
            F.endsOn, label: "End date (optional)", form: form, type: "date",
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
        typealias F = InvolvementForms.EndAppointmentField
        details = [
            .init(label: "Role", value: role.title),
            .init(label: "Started", value: LondonTime.day(appointment.startsOn)),
            .init(label: "Ends", value: appointment.endsOn.map(LondonTime.day) ?? "No end date"),
        ]
        action = Href.endRoleAppointment(role.id, appointment.id)
        cancelHref = Href.involvementRole(role.id)
        endsOn = Field(
            F.endsOn, label: "Last day in the role", form: form, type: "date",
            hint: "It must be after the start date.", errors: errors)
        self.errors = errors
    }
}
