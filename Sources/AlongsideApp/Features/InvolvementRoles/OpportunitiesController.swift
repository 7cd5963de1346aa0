import Foundation
import Hummingbird

/// Open adverts for involvement roles, and sending an expression of interest, for anyone without signing in.
/// An advert that is closed, or whose closing day has passed (Europe/London), is not found.
struct OpportunitiesController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var roles: RoleStore { RoleStore(pool: services.pool, clock: services.clock) }
    var interest: InterestStore {
        InterestStore(pool: services.pool, clock: services.clock, notifier: services.notifier)
    }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.opportunities, index)
        routes.get(.opportunity, show)
        routes.post(.opportunityInterest, send)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let page = OpportunitiesPage(adverts: try await roles.openAdverts(today: today))
        return try await services.pages.render(page, request: request, context: context)
    }

    func openAdvert(_ context: AppRequestContext) async throws -> (advert: Advert, role: InvolvementRole) {
        guard let id = context.parameters.get("id", as: Int64.self),
            let found = try await roles.openAdvert(id: id, today: today)
        else { throw AppError.notFound }
        return found
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (advert, role) = try await openAdvert(context)
        let page = OpportunityPage(advert: advert, role: role, form: FormData(), errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    /// On success the thanks page is shown straight away (no redirect), so nothing they sent needs keeping in the session.
    @Sendable func send(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (advert, role) = try await openAdvert(context)
        var errors = FormErrors()
        guard let input = InvolvementForms.interest(context.form, errors: &errors) else {
            let page = OpportunityPage(advert: advert, role: role, form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        guard try await interest.receive(input, advertID: advert.id, requestID: context.requestID) != nil else {
            throw AppError.notFound
        }
        let page = InterestThanksPage(
            firstName: ContactRules.firstName(input.name), roleTitle: role.title, contactBy: input.preferredContact)
        return try await services.pages.render(page, request: request, context: context)
    }
}
