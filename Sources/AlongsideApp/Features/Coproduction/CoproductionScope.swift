import Foundation
import GRDB

/// A workshop (a meeting of kind 'workshop') as the co-production pages name it.
struct WorkshopRef: Sendable, Equatable {
    let id: Int64
    let groupID: Int64
    let groupName: String
    let startsAt: Date
    let purpose: String

    var label: String { "\(LondonTime.date(startsAt)): \(purpose) (\(groupName))" }
    var href: String { Href.meeting(groupID, id) }
}

/// A decision (its latest revision) as a link on an insight.
struct DecisionRef: Sendable, Equatable {
    let id: Int64
    let groupID: Int64
    let groupName: String
    let title: String

    var href: String { Href.decision(groupID, id) }
}

/// What one person may see of the groups, workshops and decisions that co-production work links to. The
/// rules are the groups' own (`Rule.seeGroupBusiness`, `GroupView.mayRead`): nothing here widens them.
struct CoproductionScope: Sendable {
    /// Groups the person may see, with whether they see the group's private meetings and decisions.
    let groups: [(group: Group, seesPrivate: Bool)]
    let workshops: [WorkshopRef]
    let decisions: [DecisionRef]

    var groupIDs: Set<Int64> { Set(groups.map(\.group.id)) }
    var workshopIDs: Set<Int64> { Set(workshops.map(\.id)) }
    var decisionIDs: Set<Int64> { Set(decisions.map(\.id)) }

    func groupName(_ id: Int64?) -> String? { id.flatMap { id in groups.first { $0.group.id == id }?.group.name } }
    func workshop(_ id: Int64?) -> WorkshopRef? { id.flatMap { id in workshops.first { $0.id == id } } }

    /// The choice to save: what was chosen, unless nothing was and the old link was one the person was never offered.
    static func kept(_ chosen: Int64?, was old: Int64?, offered: Set<Int64>) -> Int64? {
        if chosen == nil, let old, !offered.contains(old) { return old }
        return chosen
    }

    static func load(for user: SessionUser, pool: DatabasePool, clock: AppClock) async throws -> CoproductionScope {
        let today = LondonTime.isoDay(clock.now())
        let visible = try await GroupStore(pool: pool, clock: clock).visibleGroups(for: user, today: today)
            .map {
                (
                    group: $0.group,
                    seesPrivate: Policy.allows(
                        .seeGroupBusiness, $0.group.standing(role: user.role, isMember: $0.isMember))
                )
            }
        let access = Dictionary(uniqueKeysWithValues: visible.map { ($0.group.id, $0) })
        let workshops = try await MeetingStore(pool: pool, clock: clock).workshops().compactMap {
            meeting -> WorkshopRef? in
            guard let group = access[meeting.groupID], group.seesPrivate || meeting.visibility == .published else {
                return nil
            }
            return WorkshopRef(
                id: meeting.id, groupID: group.group.id, groupName: group.group.name, startsAt: meeting.startsAt,
                purpose: meeting.purpose)
        }
        let decisions = try await DecisionStore(pool: pool, clock: clock).currentDecisions().compactMap {
            decision -> DecisionRef? in
            guard let group = access[decision.groupID], group.seesPrivate || decision.visibility == .published else {
                return nil
            }
            return DecisionRef(
                id: decision.id, groupID: group.group.id, groupName: group.group.name, title: decision.title)
        }
        return CoproductionScope(groups: visible, workshops: workshops, decisions: decisions)
    }
}
