import Foundation
import Hummingbird

/// Appointing people to a role and ending appointments.
extension RolesController {
    /// The expressions of interest someone could be appointed from: this role's, not yet appointed.
    func appointable(roleID: Int64) async throws -> [Interest] {
        try await interest.interests(.init(roleID: roleID)).filter { $0.status != .appointed }
    }

    func activeAccounts() async throws -> [User] {
        try await services.accounts.all().filter(\.isActive)
    }

    @Sendable func appointForm(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let role = try await role(context)
        typealias F = InvolvementForms.AppointmentField
        let form = FormData([(F.interest, request.queryForm[F.interest]), (F.startsOn, today)])
        let page = AppointmentFormPage(
            role: role, interests: try await appointable(roleID: role.id), accounts: try await activeAccounts(),
            form: form, errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func appoint(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let role = try await role(context)
        let interests = try await appointable(roleID: role.id)
        let accounts = try await activeAccounts()
        var errors = FormErrors()
        guard
            let input = InvolvementForms.appointment(
                context.form, interests: interests, accounts: accounts, errors: &errors)
        else {
            let page = AppointmentFormPage(
                role: role, interests: interests, accounts: accounts, form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        let appointment = try await interest.appoint(
            input, roleID: role.id, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(
                message:
                    "\(appointment.personName) is appointed as \(role.title) from \(LondonTime.day(appointment.startsOn))."
            ),
            tokenHash: signedIn.session.tokenHash
        )
        return .seeOther(Href.involvementRole(role.id) + "#people")
    }

    /// The appointment named in the route, if it belongs to the role and has not already ended.
    func openAppointment(_ context: AppRequestContext, role: InvolvementRole) async throws -> Appointment {
        guard let id = context.parameters.get("appointmentID", as: Int64.self),
            let appointment = try await interest.appointment(id: id, roleID: role.id),
            appointment.standing(today: today) != .ended
        else { throw AppError.notFound }
        return appointment
    }

    @Sendable func endForm(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let role = try await role(context)
        let appointment = try await openAppointment(context, role: role)
        let page = EndAppointmentPage(
            role: role, appointment: appointment,
            form: FormData([(InvolvementForms.EndAppointmentField.endsOn, max(today, appointment.endsOn ?? today))]),
            errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func end(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let role = try await role(context)
        let appointment = try await openAppointment(context, role: role)
        var errors = FormErrors()
        guard let endsOn = InvolvementForms.endDate(context.form, appointment: appointment, errors: &errors) else {
            let page = EndAppointmentPage(role: role, appointment: appointment, form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        let ended = try await interest.endAppointment(
            appointment.id, roleID: role.id, on: endsOn, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "\(ended.personName)'s last day as \(role.title) is \(LondonTime.day(endsOn))."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.involvementRole(role.id) + "#people")
    }
}
