/// Each group's append-only decision log, its search and exports, and decisions due for review.
enum DecisionsFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [DecisionsController(services: services), DecisionLogController(services: services)]
    }

    static let templates: [String] = [
        DecisionsPage.template, DecisionFormPage.template, DecisionPage.template, PublishedDecisionPage.template,
        DecisionSearchPage.template, ReviewsDuePage.template,
    ]
}
