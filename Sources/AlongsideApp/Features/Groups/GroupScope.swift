import Hummingbird

/// Loads the group named in a route's `{id}`, scoped to the person asking. Shared by every feature that
/// hangs off a group (members, terms of reference, and later meetings and decisions).
struct GroupScope: Sendable {
    let store: GroupStore
    let today: String

    /// The group if the person may see it; otherwise 404, as if it did not exist.
    func visible(_ context: AppRequestContext, for user: SessionUser) async throws -> GroupView {
        guard let id = context.parameters.get("id", as: Int64.self), let group = try await store.find(id: id) else { throw AppError.notFound }
        let isMember = try await store.isCurrentMember(userID: user.id, groupID: id, today: today)
        guard GroupAccess.canView(group.kind, visibility: group.visibility, role: user.role, isMember: isMember) else { throw AppError.notFound }
        return GroupView(group: group, canManage: GroupAccess.canManage(group.kind, role: user.role), isMember: isMember)
    }

    /// The group if the person may manage it: 404 if they cannot see it, 403 if they can but not manage it.
    func managed(_ context: AppRequestContext, for user: SessionUser) async throws -> Group {
        let view = try await visible(context, for: user)
        guard view.canManage else { throw AppError.forbidden }
        return view.group
    }
}

/// A group as one person may see it.
struct GroupView: Sendable {
    let group: Group
    let canManage: Bool
    let isMember: Bool

    /// A published group's page is open to everyone, but its private meetings, terms and decisions are for
    /// its members and the staff who manage it; everyone else reads only what is published.
    var seesPrivate: Bool { canManage || isMember }

    func mayRead(_ visibility: Visibility) -> Bool { seesPrivate || visibility == .published }
}
