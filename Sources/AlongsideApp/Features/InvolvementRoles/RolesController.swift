import Foundation
import Hummingbird

/// Involvement role descriptions and their adverts, for the people who manage them (003 Appendix 1; issue 5).
/// Appointing people to roles lives in `RolesController+Appointments`.
struct RolesController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var roles: RoleStore { RoleStore(pool: services.pool, clock: services.clock) }
    var interest: InterestStore { InterestStore(pool: services.pool, clock: services.clock) }

    static let access = Access.capability(.manageInvolvementRoles)

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.involvementRoles, Self.access, index)
        routes.get(.newInvolvementRole, Self.access, new)
        routes.post(.newInvolvementRole, Self.access, create)
        routes.get(.involvementRole, Self.access, show)
        routes.get(.editInvolvementRole, Self.access, edit)
        routes.post(.editInvolvementRole, Self.access, update)
        routes.post(.roleAdvert, Self.access, publish)
        routes.post(.closeRoleAdvert, Self.access, closeAdvert)
        routes.get(.roleAppointments, Self.access, appointForm)
        routes.post(.roleAppointments, Self.access, appoint)
        routes.get(.endRoleAppointment, Self.access, endForm)
        routes.post(.endRoleAppointment, Self.access, end)
    }

    func role(_ context: AppRequestContext) async throws -> InvolvementRole {
        guard let id = context.parameters.get("id", as: Int64.self), let role = try await roles.role(id: id) else {
            throw AppError.notFound
        }
        return role
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = RolesPage(summaries: try await roles.summaries(today: today), today: today)
        return try await services.pages.render(page, request: request, context: context)
    }

    /// Without a choice, asks where to start; with one, shows the form filled from the template or blank.
    @Sendable func new(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        switch request.queryForm[InvolvementForms.RoleStartField.start] {
        case "template":
            let page = RoleFormPage(
                editing: nil, form: InvolvementForms.formData(RoleTemplate.expertByExperienceLeader),
                errors: FormErrors(), fromTemplate: true)
            return try await services.pages.render(page, request: request, context: context)
        case "blank":
            let page = RoleFormPage(
                editing: nil, form: InvolvementForms.formData(RoleTemplate.blank), errors: FormErrors())
            return try await services.pages.render(page, request: request, context: context)
        default:
            return try await services.pages.render(RoleStartPage(), request: request, context: context)
        }
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        var errors = FormErrors()
        guard let content = InvolvementForms.role(context.form, errors: &errors) else {
            let page = RoleFormPage(editing: nil, form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        let role = try await roles.create(content, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "The role description \"\(role.title)\" is saved. Publish an advert when it is ready."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.involvementRole(role.id))
    }

    func rolePage(_ role: InvolvementRole, form: FormData = FormData(), errors: FormErrors = FormErrors()) async throws
        -> RolePage
    {
        RolePage(
            role: role, advert: try await roles.latestAdvert(roleID: role.id),
            interests: try await interest.interests(.init(roleID: role.id)),
            appointments: try await interest.appointments(roleID: role.id), today: today, form: form, errors: errors)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = try await rolePage(try await role(context))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let role = try await role(context)
        let page = RoleFormPage(
            editing: role, form: InvolvementForms.formData(role.content, version: role.version), errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let role = try await role(context)
        let version = context.form.expectedVersion
        var errors = FormErrors()
        guard let content = InvolvementForms.role(context.form, errors: &errors) else {
            let page = RoleFormPage(editing: role, form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        switch try await roles.update(
            role.id, content, expectedVersion: version, by: signedIn.actor, requestID: context.requestID)
        {
        case .saved(let saved):
            try await services.sessions.setFlash(
                Flash(message: "Saved the role description \"\(saved.title)\"."), tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.involvementRole(saved.id))
        case .conflict(let current):
            errors.add(
                InvolvementForms.RoleField.title,
                "Someone else saved this role description while you were editing it. Their version is shown first; yours is kept in the form. Save again to replace theirs with yours"
            )
            // The form keeps what this person typed, and now carries the current version so saving again replaces it.
            let page = RoleFormPage(
                editing: current, form: context.form.replacing(EditField.version, with: String(current.version)),
                errors: errors, conflict: current)
            return try await services.pages.render(page, request: request, context: context, status: .conflict)
        }
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let role = try await role(context)
        var errors = FormErrors()
        let closesOn = InvolvementForms.closingDate(context.form, today: today, errors: &errors)
        if let problem = AdvertRules.placeholderProblem(in: role.content.texts) {
            errors.add(InvolvementForms.AdvertField.closesOn, problem)
        }
        guard let closesOn, errors.isEmpty else {
            let page = try await rolePage(role, form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        let advert = try await roles.publish(
            roleID: role.id, closesOn: closesOn, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(
                message:
                    "The advert for \"\(role.title)\" is open to anyone until the end of \(LondonTime.day(advert.closesOn))."
            ),
            tokenHash: signedIn.session.tokenHash
        )
        return .seeOther(Href.involvementRole(role.id) + "#advert")
    }

    @Sendable func closeAdvert(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let role = try await role(context)
        let closed = try await roles.closeAdvert(roleID: role.id, by: signedIn.actor, requestID: context.requestID)
        let message =
            closed
            ? "The advert for \"\(role.title)\" is closed. People can no longer send interest."
            : "The advert was not open, so nothing changed."
        try await services.sessions.setFlash(Flash(message: message), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.involvementRole(role.id) + "#advert")
    }
}
