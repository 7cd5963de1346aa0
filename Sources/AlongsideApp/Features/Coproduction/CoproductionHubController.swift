import Foundation
import Hummingbird

/// The co-production hub and the list of workshops (issue 7; 003 step 2.5: workshops to share insights).
struct CoproductionHubController: Controller {
    let services: AppServices

    var stores: CoproductionStores { CoproductionStores(services: services) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.coproduction, .signedIn, hub)
        routes.get(.workshops, .signedIn, workshops)
    }

    @Sendable func hub(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = CoproductionHubPage(items: try await stores.plan.all(), insights: try await stores.insights.all())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func workshops(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let scope = try await stores.scope(for: signedIn.user)
        let counts = try await WorkshopOutputs.counts(pool: services.pool)
        let page = WorkshopsPage(
            workshops: scope.workshops, insightCounts: counts.insights, planCounts: counts.planItems)
        return try await services.pages.render(page, request: request, context: context)
    }
}
