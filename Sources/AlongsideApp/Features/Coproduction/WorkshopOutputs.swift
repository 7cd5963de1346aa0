import Foundation
import GRDB

/// What came out of a workshop: the insights heard there and the action-plan items it produced, as the meeting
/// page shows them (003 step 2.5). Only for people signed in: insights never appear on a public meeting page.
struct WorkshopOutputs: Encodable, Sendable {
    let insights: [LinkLine]
    let hasInsights: Bool
    let planItems: [LinkLine]
    let hasPlanItems: Bool
    let recordInsightHref: String
    let addPlanItemHref: String?

    init(meetingID: Int64, insights: [Insight], planItems: [PlanItem], canManage: Bool) {
        self.insights = insights.map { LinkLine(text: $0.heard, href: Route.insight.href($0.id)) }
        hasInsights = !self.insights.isEmpty
        self.planItems = planItems.map { LinkLine(text: "\($0.what) (\($0.status.label.lowercased()))", href: Route.planItem.href($0.id)) }
        hasPlanItems = !self.planItems.isEmpty
        recordInsightHref = Route.newInsight.href + "?meeting=\(meetingID)"
        addPlanItemHref = canManage ? Route.newPlanItem.href + "?meeting=\(meetingID)" : nil
    }

    /// The outputs of one workshop, read for the person looking.
    static func load(meetingID: Int64, services: AppServices, role: Role) async throws -> WorkshopOutputs {
        let stores = CoproductionStores(services: services)
        return WorkshopOutputs(meetingID: meetingID, insights: try await stores.insights.insights(meetingID: meetingID),
                               planItems: try await stores.plan.items(meetingID: meetingID),
                               canManage: Permissions.allows(role, .manageCoproduction))
    }

    /// How many insights and plan items came from each workshop, by meeting id.
    static func counts(pool: DatabasePool) async throws -> (insights: [Int64: Int], planItems: [Int64: Int]) {
        try await pool.read { db in
            func count(_ table: String) throws -> [Int64: Int] {
                var found: [Int64: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT meeting_id, COUNT(*) AS n FROM \(table) WHERE meeting_id IS NOT NULL GROUP BY meeting_id") {
                    found[row["meeting_id"]] = row["n"]
                }
                return found
            }
            return (try count("insights"), try count("action_plan_items"))
        }
    }
}
