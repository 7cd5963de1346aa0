import Foundation
import Hummingbird

/// Actions across groups, and updating one. The group's chairs, secretary and managers update any of its
/// actions; the person an action belongs to updates their own.
struct ActionsController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var groups: GroupStore { GroupStore(pool: services.pool, clock: services.clock) }
    var store: ActionStore { ActionStore(pool: services.pool, clock: services.clock, notifier: services.notifier) }
    var roadmap: RoadmapStore { RoadmapStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.actions, .signedIn, index)
        // An action's owner may update it, so the rule is checked once the action is found.
        routes.get(.action, .updateAction, in: GroupScope(store: groups), checked: .byHandler, show)
        routes.post(.action, .updateAction, in: GroupScope(store: groups), checked: .byHandler, update)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let visible = try await groups.visibleGroups(for: signedIn.user, today: today)
            .filter {
                Policy.allows(.seeGroupBusiness, $0.group.standing(role: signedIn.user.role, isMember: $0.isMember))
            }.map(\.group)
        typealias F = MeetingItemForms.ActionFilterField
        let form = request.queryForm
        var groupIDs = visible.map(\.id)
        if let chosen = form.id(F.group), groupIDs.contains(chosen) { groupIDs = [chosen] }
        let status = form[F.status]
        let filter = ActionStore.Filter(
            groupIDs: groupIDs, ownerUserID: form.id(F.person), status: ActionStatus(rawValue: status),
            onlyOutstanding: status.isEmpty
        )
        let people = try await services.accounts.all().filter(\.isActive).map { ($0.id ?? 0, $0.name) }
        let seats = try await groups.currentSeats(userID: signedIn.user.id, today: today)
        let runs = Set(
            visible.filter {
                Policy.allows(
                    .runMeetings,
                    $0.standing(role: signedIn.user.role, seats: Set(seats[$0.id] ?? []), isMember: seats[$0.id] != nil)
                )
            }.map(\.id))
        let page = ActionsPage(
            actions: try await store.actions(filter), query: form, people: people, groups: visible, today: today,
            me: signedIn.user.id, canUpdate: { runs.contains($0.groupID) || $0.ownerUserID == signedIn.user.id })
        return try await services.pages.render(page, request: request, context: context)
    }

    /// The action if the person may update it: 404 when they cannot see the group, 403 when they may only read it.
    func action(_ context: AppRequestContext, _ view: GroupView) async throws -> ActionItem {
        guard let id = context.parameters.get("actionID", as: Int64.self),
            let action = try await store.action(id: id, groupID: view.group.id)
        else { throw AppError.notFound }
        var standing = view.standing
        standing.isOwner = action.ownerUserID == view.person.user.id
        try Policy.require(.updateAction, standing)
        return action
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let action = try await action(context, view)
        let form = ActionFormPage.formData(
            for: action, deliverableIDs: try await store.deliverableIDs(actionID: action.id))
        let page = ActionFormPage(
            action: action, deliverables: try await roadmap.deliverables(), form: form, errors: FormErrors(),
            today: today)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let action = try await action(context, view)
        var errors = FormErrors()
        // One read: the live deliverables are offered; the retired ones it names stay named.
        let all = try await roadmap.deliverables(includeRetired: true)
        let live = all.filter { !$0.isRetired }
        guard let change = MeetingItemForms.actionUpdate(context.form, offered: Set(live.map(\.id)), errors: &errors)
        else {
            let page = ActionFormPage(
                action: action, deliverables: live, form: context.form, errors: errors, today: today)
            return try await services.pages.render(page, request: request, context: context)
        }
        let retired = Set(all.filter(\.isRetired).map(\.id))
        let updated = try await store.update(
            action.id, groupID: action.groupID, status: change.status, dueOn: change.dueOn, notes: change.notes,
            deliverableIDs: change.deliverableIDs, keeping: retired, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "The action is now \(updated.status.label.lowercased())."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(action.meetingID.map { Href.meeting(action.groupID, $0) + "#actions" } ?? Href.actions())
    }
}
