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
        "coproduction/grouped-choices", "coproduction/their-version", "coproduction/feedback-entries",
    ]
}
