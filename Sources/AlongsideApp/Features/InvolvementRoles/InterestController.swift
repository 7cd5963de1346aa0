import Foundation
import Hummingbird

/// Expressions of interest received, across roles, and moving each one on. Personal data: only people who
/// manage involvement roles reach these routes.
struct InterestController: Controller {
    let services: AppServices

    var roles: RoleStore { RoleStore(pool: services.pool, clock: services.clock) }
    var store: InterestStore { InterestStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.involvementInterest, RolesController.access, index)
        routes.get(.interestReceived, RolesController.access, show)
        routes.post(.interestReceived, RolesController.access, update)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let query = request.queryForm
        typealias F = InvolvementForms.InterestFilterField
        let filter = InterestStore.Filter(roleID: query.id(F.role), status: InterestStatus(rawValue: query[F.status]))
        let page = InterestListPage(
            interests: try await store.interests(filter), roles: try await roles.titles(), query: query)
        return try await services.pages.render(page, request: request, context: context)
    }

    func interest(_ context: AppRequestContext) async throws -> Interest {
        guard let id = context.parameters.get("id", as: Int64.self), let interest = try await store.interest(id: id)
        else { throw AppError.notFound }
        return interest
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let interest = try await interest(context)
        // The current status starts ticked, unless it is "appointed", which is not offered (it comes from appointing).
        let form = FormData([
            (InvolvementForms.InterestStatusField.status, interest.status == .appointed ? "" : interest.status.rawValue)
        ])
        let page = InterestPage(
            interest: interest, history: try await store.history(interestID: interest.id), form: form,
            errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let interest = try await interest(context)
        var errors = FormErrors()
        guard let (status, note) = InvolvementForms.status(context.form, errors: &errors) else {
            let page = InterestPage(
                interest: interest, history: try await store.history(interestID: interest.id), form: context.form,
                errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        let saved = try await store.setStatus(
            interest.id, to: status, note: note, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "\(saved.name)'s interest is now: \(saved.status.label.lowercased())."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.interestReceived(interest.id))
    }
}
