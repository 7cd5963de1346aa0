import Hummingbird

/// The group-scoped request context: loads the group named in a route's `{id}` and the person's seats in it once,
/// answering 404 when there is no such group or the person may not see it, so `SiteRoutes` can check the route's rule
/// (403) before the handler runs and hand the handler the loaded `GroupView`. Every feature that hangs off a group
/// (members, terms of reference, meetings, decisions, proposals, the alliance) registers its routes through it.
struct GroupScope: RecordLoader {
    let store: GroupStore
    /// The kind of group the routes are about: any other answers 404 (the alliance's routes).
    var kind: GroupKind?
    /// The rule that decides whether the group exists for the person at all.
    var seeing: Rule

    init(store: GroupStore, kind: GroupKind? = nil, seeing: Rule = .seeGroup) {
        self.store = store
        self.kind = kind
        self.seeing = seeing
    }

    func load(_ context: AppRequestContext, for person: SignedIn, rule: Rule) async throws -> GroupView? {
        guard let id = context.parameters.get("id", as: Int64.self), let group = try await store.find(id: id) else {
            return nil
        }
        let today = LondonTime.isoDay(store.clock.now())
        let seats = try await store.currentSeats(userID: person.user.id, groupID: id, today: today)
        let view = GroupView(person: person, group: group, seats: Set(seats), isMember: !seats.isEmpty, rule: rule)
        guard view.may(seeing), kind.map({ $0 == group.kind }) ?? true else { return nil }
        return view
    }

    func standing(_ view: GroupView) -> Standing { view.standing }
}

/// A group as one person stands in it, loaded once per request: the group, their seats in it, and what the policy
/// lets them do there.
struct GroupView: Sendable {
    let person: SignedIn
    let group: Group
    let seats: Set<Seat>
    let isMember: Bool
    /// The rule the route declared: what `require()` checks.
    let rule: Rule

    var standing: Standing { group.standing(role: person.user.role, seats: seats, isMember: isMember) }

    func may(_ rule: Rule) -> Bool { Policy.allows(rule, standing) }

    /// Checks the route's rule, for a handler registered with `checked: .byHandler`.
    func require() throws { try Policy.require(rule, standing) }

    var canManage: Bool { may(.manageGroup) }

    /// A published group's page is open to everyone, but its private meetings, terms and decisions are for its
    /// members and the staff who manage it; everyone else reads only what is published.
    var seesPrivate: Bool { may(.seeGroupBusiness) }

    func mayRead(_ visibility: Visibility) -> Bool { seesPrivate || visibility == .published }
}

extension Group {
    /// The facts the policy decides from for this group and one person.
    func standing(role: Role, seats: Set<Seat> = [], isMember: Bool) -> Standing {
        Standing(
            role: role, seats: seats, isMember: isMember, inAlliance: kind == .vcseAlliance,
            isPublished: visibility == .published)
    }

    /// Kinds of group a role may create: those it would manage.
    static func creatableKinds(for role: Role) -> [GroupKind] {
        GroupKind.allCases.filter { Policy.allows(.manageGroup, Standing(role: role, inAlliance: $0 == .vcseAlliance)) }
    }
}
