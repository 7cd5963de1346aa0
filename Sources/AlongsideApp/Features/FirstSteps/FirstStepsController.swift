import Hummingbird

/// `/first-steps`: how far the partnership has come, from the records (003's check box).
struct FirstStepsController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.firstSteps, .signedIn, index)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let facts = try await FirstStepsStore(pool: services.pool, clock: services.clock).facts()
        let categories = AssetCategory.allCases.map { (key: $0.rawValue, label: $0.label) }
        let page = FirstStepsPage(assessments: FirstStepsRules.assess(facts, categories: categories))
        return try await services.pages.render(page, request: request, context: context)
    }
}
