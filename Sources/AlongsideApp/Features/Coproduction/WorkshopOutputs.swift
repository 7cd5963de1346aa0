import Foundation
import GRDB

/// Co-production's answer to the meeting page's question "what came out of this workshop?": the insights heard there
/// and the action-plan items it produced (003 step 2.5). Meetings ask through `WorkshopOutputsSource` (wired in
/// `AppServices`), so they do not depend on co-production, which builds on them (issue 16).
struct CoproductionWorkshopOutputs: WorkshopOutputsSource {
    let pool: DatabasePool
    let clock: AppClock

    func outputs(meetingID: Int64, role: Role) async throws -> WorkshopOutputsView {
        let insights = try await InsightStore(pool: pool, clock: clock).insights(meetingID: meetingID)
        let planItems = try await ActionPlanStore(pool: pool, clock: clock).items(meetingID: meetingID)
        return WorkshopOutputsView(
            meetingID: meetingID,
            insights: insights.map { LinkLine(text: $0.heard, href: Href.insight($0.id)) },
            planItems: planItems.map {
                LinkLine(text: "\($0.what) (\($0.status.label.lowercased()))", href: Href.planItem($0.id))
            },
            canAdd: Policy.allows(role, .manageCoproduction)
        )
    }
}

/// Counts of what came out of each workshop, for the co-production hub.
enum WorkshopOutputs {
    /// How many insights and plan items came from each workshop, by meeting id.
    static func counts(pool: DatabasePool) async throws -> (insights: [Int64: Int], planItems: [Int64: Int]) {
        try await pool.read { db in
            func count(_ table: String) throws -> [Int64: Int] {
                try KeyedValue<Int>.keyed(
                    db,
                    sql:
                        "SELECT meeting_id AS key, COUNT(*) AS value FROM \(table) WHERE meeting_id IS NOT NULL GROUP BY meeting_id"
                )
            }
            return (try count("insights"), try count("action_plan_items"))
        }
    }
}
