import Foundation
import Hummingbird

/// Groups and their members. Records are loaded scoped to what the person may see: 404 for the rest,
/// 403 when they can see a group but not manage it.
struct GroupsController: Controller {
    let services: AppServices

    var store: GroupStore { GroupStore(pool: services.pool, clock: services.clock) }
    var today: String { LondonTime.isoDay(services.clock.now()) }
    var scope: GroupScope { GroupScope(store: store) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.groups, .signedIn, index)
        routes.get(.newGroup, .capability(.createGroups)) { request, context, signedIn in
            let page = GroupFormPage(
                form: FormData(), errors: FormErrors(), kinds: Group.creatableKinds(for: signedIn.user.role),
                existing: nil)
            return try await services.pages.render(page, request: request, context: context)
        }
        routes.post(.groups, .capability(.createGroups), create)
        routes.get(.group, .seeGroup, in: scope, show)
        routes.get(.editGroup, .manageGroup, in: scope, edit)
        routes.post(.group, .manageGroup, in: scope, update)
        routes.get(.newMembership, .manageGroup, in: scope, newMembership)
        routes.post(.memberships, .manageGroup, in: scope, addMembership)
        routes.post(.endMembership, .manageGroup, in: scope, endMembership)
        // Only the member may make their own naming choice, so the rule is checked once the membership is found.
        routes.post(.namedPublicly, .nameOwnSeatPublicly, in: scope, checked: .byHandler, setNamedPublicly)
        routes.get(.publishedGroups, publishedIndex)
        routes.get(.publishedGroup, showPublished)
    }

    @Sendable func publishedIndex(_ request: Request, context: AppRequestContext) async throws -> Response {
        let page = PublishedGroupsPage(groups: try await store.publishedGroups())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func setNamedPublicly(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let (group, signedIn) = (view.group, view.person)
        guard let membershipID = context.parameters.get("membershipID", as: Int64.self),
            let membership = try await store.membership(membershipID, groupID: group.id)
        else { throw AppError.notFound }
        var standing = view.standing
        standing.isOwner = membership.userID == signedIn.user.id
        try Policy.require(.nameOwnSeatPublicly, standing)
        var errors = FormErrors()
        guard let agreed = PublicNaming.parse(context.form, errors: &errors) else {
            let members = try await store.memberships(groupID: group.id)
            let page = GroupPage(
                group: group, members: members, today: today, canManage: view.canManage, viewerID: signedIn.user.id,
                errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        try await store.setNamedPublicly(
            agreed, membershipID: membership.id, groupID: group.id, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(
                message: agreed
                    ? "The group's public page now says you are \(PublicNaming.seatPhrase(membership.sector))."
                    : "The group's public page no longer says you are \(PublicNaming.seatPhrase(membership.sector))."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.group(group.id))
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let groups = try await store.visibleGroups(for: signedIn.user, today: today)
        let page = GroupsPage(groups: groups, canCreate: Policy.allows(signedIn.user.role, .createGroups))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let kinds = Group.creatableKinds(for: signedIn.user.role)
        var errors = FormErrors()
        guard let input = GroupForm.parse(context.form, kinds: kinds, existing: nil, errors: &errors) else {
            let page = GroupFormPage(form: context.form, errors: errors, kinds: kinds, existing: nil)
            return try await services.pages.render(page, request: request, context: context)
        }
        let group = try await store.create(input, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "\(group.name) has been created. Add its members next."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.group(group.id))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let members = try await store.memberships(groupID: view.group.id)
        let page = GroupPage(
            group: view.group, members: members, today: today, canManage: view.canManage,
            viewerID: view.person.user.id)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func showPublished(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self), let group = try await store.find(id: id),
            group.visibility == .published
        else { throw AppError.notFound }
        let members = try await store.memberships(groupID: group.id)
        let published = try await services.groupRecords.publishedRecords(groupID: group.id)
        let page = GroupPage(group: group, members: members, today: today, canManage: false, published: published)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let group = view.group
        let page = GroupFormPage(
            form: GroupFormPage.formData(for: group), errors: FormErrors(), kinds: [group.kind], existing: group)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let (group, signedIn) = (view.group, view.person)
        var errors = FormErrors()
        guard let input = GroupForm.parse(context.form, kinds: [group.kind], existing: group, errors: &errors) else {
            let page = GroupFormPage(form: context.form, errors: errors, kinds: [group.kind], existing: group)
            return try await services.pages.render(page, request: request, context: context)
        }
        _ = try await store.update(group.id, with: input, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "The group's details have been saved."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.group(group.id))
    }

    @Sendable func newMembership(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let group = view.group
        typealias F = MembershipForm.MembershipField
        let form = FormData([(F.startsOn, today), (F.seat, Seat.member.rawValue)])
        let page = MembershipFormPage(
            group: group, people: try await services.accounts.all(), form: form, errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func addMembership(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let (group, signedIn) = (view.group, view.person)
        let people = try await services.accounts.all()
        var errors = FormErrors()
        let deputiesAllowed = try await services.groupRecords.deputiesAllowed(groupID: group.id)
        guard
            let input = MembershipForm.parse(
                context.form, people: people, deputiesAllowed: deputiesAllowed, errors: &errors)
        else {
            let page = MembershipFormPage(group: group, people: people, form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        let membership = try await store.addMember(
            input, groupID: group.id, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "\(membership.personName) has been added to \(group.name)."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.group(group.id))
    }

    @Sendable func endMembership(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let (group, signedIn) = (view.group, view.person)
        guard let membershipID = context.parameters.get("membershipID", as: Int64.self) else { throw AppError.notFound }
        try await store.endMembership(
            membershipID, groupID: group.id, on: today, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "The membership has ended today. It stays in the group's history."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.group(group.id))
    }
}
