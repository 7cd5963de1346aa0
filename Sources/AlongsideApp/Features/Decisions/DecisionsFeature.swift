/// Each group's append-only decision log, its search and exports, and decisions due for review.
enum DecisionsFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [DecisionsController(services: services), DecisionLogController(services: services)]
    }

    static let templates: [String] = [
        DecisionsPage.template, DecisionFormPage.template, DecisionPage.template, PublishedDecisionPage.template,
        DecisionSearchPage.template, ReviewsDuePage.template, DecisionCountsPage.template,
        DecisionDeliverablesPage.template,
    ]

    static let rules: [Rule] = [.recordDecisions, .reviewDecisionCounts]
}

extension Rule {
    /// Managers, and the group's chair, co-chair and secretary, record its decisions.
    static let recordDecisions = Rule(
        "recordDecisions", permits: "Record, correct and publish a group's decisions",
        holders: .groupOfficers, record: "the group")
    /// Administrators see every group's decisions whose counts cannot be, to correct them (issue 17).
    static let reviewDecisionCounts = Rule(
        "reviewDecisionCounts", permits: "List recorded decisions whose counts cannot be, to correct them",
        holders: Holders(roles: [.administrator]))
}
