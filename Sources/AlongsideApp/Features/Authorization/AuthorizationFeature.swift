/// The authorization table for administrators: every rule of the policy, who holds it, and the routes that use it,
/// printed from the same values the policy answers from (issue 16). Like First steps it reads widely, on purpose: the
/// rules every feature declares (`AppFeatures.rules`) and every route registered (`SiteRoutes.book`).
enum AuthorizationFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [AuthorizationController(services: services, rules: AppFeatures.rules)]
    }

    static let templates: [String] = [AuthorizationPage.template]
}
