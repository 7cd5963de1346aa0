import Hummingbird

/// `/first-steps`: how far the partnership has come, from the records (003's check box).
struct FirstStepsController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.firstSteps, .signedIn, index)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let facts = try await FirstStepsStore(pool: services.pool, clock: services.clock).facts()
        let categories = Self.categories
        let page = FirstStepsPage(assessments: FirstStepsRules.assess(facts, categories: categories))
        return try await services.pages.render(page, request: request, context: context)
    }

    // TEMPORARY until the asset map lands: its category type replaces this list.
    static let categories: [(key: String, label: String)] = [
        ("hubs_and_spaces", "Locality hubs, buildings and spaces"), ("statutory_organisations", "Statutory organisations"),
        ("vcse_organisations", "VCSE organisations"), ("groups_and_networks", "Associations, groups, forums and networks"),
        ("individual_volunteers", "Individuals: volunteers"), ("individual_professionals", "Individuals: professionals"),
        ("social_prescribing", "Social prescribing"), ("primary_care_networks", "Primary care networks"),
        ("local_economy", "Local economy and private sector"),
    ]
}
