/// Co-production work (issue 7; 003 step 2): the action plan, insights, "you said, we did" and workshops.
enum CoproductionFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [
            CoproductionHubController(services: services), ActionPlanController(services: services),
            InsightsController(services: services), FeedbackController(services: services),
        ]
    }

    static let templates: [String] = [
        CoproductionHubPage.template, WorkshopsPage.template,
        ActionPlanPage.template, PlanItemPage.template, PlanItemFormPage.template,
        InsightsPage.template, InsightPage.template, InsightFormPage.template, ResponseFormPage.template,
        FeedbackCommunitiesPage.template, FeedbackCommunityPage.template, PublishedFeedbackIndexPage.template,
        PublishedFeedbackPage.template,
        "coproduction/their-version", "coproduction/feedback-entries",
    ]

    static let rules: [Rule] = [.manageCoproduction, .editInsight]
}

extension Rule {
    /// Experts by experience co-produce the plan and answer their communities as equal partners (003 step 2).
    static let manageCoproduction = Rule(
        "manageCoproduction",
        permits: "Keep the co-production action plan, answer insights (\"you said, we did\") and publish answers",
        holders: Holders(roles: [.administrator, .programmeManager, .expertByExperience]))
    /// Whoever recorded an insight may change it, as may the people who keep the co-production work.
    static let editInsight = Rule(
        "editInsight", permits: "Change an insight",
        holders: Holders(roles: [.administrator, .programmeManager, .expertByExperience], owner: true),
        record: "the insight")
}
