import Foundation

/// What came out of a workshop meeting, as its page shows it: insights heard there and action-plan items it produced,
/// with links to record more. Only for people signed in: insights never appear on a public meeting page.
struct WorkshopOutputsView: Encodable, Sendable {
    let insights: [LinkLine]
    let hasInsights: Bool
    let planItems: [LinkLine]
    let hasPlanItems: Bool
    let recordInsightHref: String
    let addPlanItemHref: String?

    init(meetingID: Int64, insights: [LinkLine], planItems: [LinkLine], canAdd: Bool) {
        self.insights = insights
        hasInsights = !insights.isEmpty
        self.planItems = planItems
        hasPlanItems = !planItems.isEmpty
        recordInsightHref = Href.newInsight(query: ["meeting": meetingID])
        addPlanItemHref = canAdd ? Href.newPlanItem(query: ["meeting": meetingID]) : nil
    }
}

/// Where a workshop's outputs come from. Co-production answers (wired in `AppServices`), so meetings do not depend on
/// co-production, which builds on meetings (issue 16).
protocol WorkshopOutputsSource: Sendable {
    func outputs(meetingID: Int64, role: Role) async throws -> WorkshopOutputsView
}
