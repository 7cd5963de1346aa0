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
    var href: String { Route.meeting.href(groupID, id) }
}

/// A decision (its latest revision) as a link on an insight.
struct DecisionRef: Sendable, Equatable {
    let id: Int64
    let groupID: Int64
    let groupName: String
    let title: String

    var href: String { Route.decision.href(groupID, id) }
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
            .map { (group: $0.group, seesPrivate: Policy.allows(.seeGroupBusiness, $0.group.standing(role: user.role, isMember: $0.isMember))) }
        let access = Dictionary(uniqueKeysWithValues: visible.map { ($0.group.id, $0) })
        let (workshops, decisions) = try await pool.read { db -> ([WorkshopRef], [DecisionRef]) in
            let workshops = try Row.fetchAll(db, sql: """
                SELECT m.id, m.group_id, m.starts_at, m.purpose, m.visibility FROM meetings m WHERE m.kind = 'workshop' ORDER BY m.starts_at DESC, m.id
                """).compactMap { row -> WorkshopRef? in
                guard let group = access[row["group_id"]], group.seesPrivate || (row["visibility"] as String) == Visibility.published.rawValue else { return nil }
                return WorkshopRef(id: row["id"], groupID: group.group.id, groupName: group.group.name, startsAt: row["starts_at"], purpose: row["purpose"])
            }
            let decisions = try Row.fetchAll(db, sql: """
                SELECT d.id, d.group_id, d.title, d.visibility FROM decisions d WHERE \(Decision.isLatest) ORDER BY d.recorded_at DESC, d.id DESC
                """).compactMap { row -> DecisionRef? in
                guard let group = access[row["group_id"]], group.seesPrivate || (row["visibility"] as String) == Visibility.published.rawValue else { return nil }
                return DecisionRef(id: row["id"], groupID: group.group.id, groupName: group.group.name, title: row["title"])
            }
            return (workshops, decisions)
        }
        return CoproductionScope(groups: visible, workshops: workshops, decisions: decisions)
    }
}
