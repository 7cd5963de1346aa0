import Foundation
import GRDB

/// Answers the deliverable page's question "which decisions, action-plan items and meeting actions name this?"
/// (`DeliverableRecordsSource`, issue 19). It lives in `App/`, which may know every feature, so that the roadmap does
/// not depend on Decisions, Co-production or Meetings, which all build on it. Each record is listed only to someone
/// who may read it where it lives: a group's decisions and actions as the group's pages allow, the action plan to
/// everyone signed in.
struct DeliverableRecordsFromFeatures: DeliverableRecordsSource {
    let pool: DatabasePool
    let clock: AppClock

    func records(naming deliverableID: Int64, for user: SessionUser) async throws -> [DeliverableRecord] {
        let today = LondonTime.isoDay(clock.now())
        let groups = try await GroupStore(pool: pool, clock: clock).visibleGroups(for: user, today: today)
        let visible = Dictionary(groups.map { ($0.group.id, $0) }, uniquingKeysWith: { first, _ in first })
        let business = { (groupID: Int64) -> Bool in
            guard let entry = visible[groupID] else { return false }
            return Policy.allows(.seeGroupBusiness, entry.group.standing(role: user.role, isMember: entry.isMember))
        }
        let decisions = try await DecisionStore(pool: pool, clock: clock).decisions(namingDeliverable: deliverableID)
            .filter { visible[$0.groupID] != nil && (business($0.groupID) || $0.visibility == .published) }
            .map { decision in
                DeliverableRecord(
                    kind: .decision, id: decision.chainID, title: decision.title,
                    context: visible[decision.groupID]?.group.name ?? "", at: decision.recordedAt,
                    state: decision.outcome.label
                        + (decision.isValid ? "" : " (not valid under the terms of reference)"),
                    href: Href.decision(decision.groupID, decision.id))
            }
        let actions = try await ActionStore(pool: pool, clock: clock).actions(namingDeliverable: deliverableID)
            .filter { business($0.groupID) }
            .map { action in
                DeliverableRecord(
                    kind: .action, id: action.id, title: action.what, context: action.groupName, at: action.createdAt,
                    state: "\(action.status.label), due \(LondonTime.day(action.dueOn))",
                    href: Href.action(action.groupID, action.id))
            }
        let items = try await ActionPlanStore(pool: pool, clock: clock).items(namingDeliverable: deliverableID)
            .map { item in
                DeliverableRecord(
                    kind: .planItem, id: item.id, title: item.what, context: "Co-production action plan",
                    at: item.createdAt, state: item.status.label, href: Href.planItem(item.id))
            }
        return (decisions + actions + items).sorted { ($0.at, $0.id) > ($1.at, $1.id) }
    }
}
