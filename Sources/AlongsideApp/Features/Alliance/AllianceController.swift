import Foundation
import Hummingbird

/// The VCSE alliance (issue 6; 003 step 4): the hub, each alliance's overview, its principles and publication,
/// the members download and the published membership. Members are in `MembershipController`, the accountable
/// body in `AccountableBodyController`.
struct AllianceController: Controller {
    let services: AppServices

    var store: AllianceStore { AllianceStore(pool: services.pool, clock: services.clock) }
    var scope: AllianceScope { AllianceScope(services: services) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.alliances, .signedIn, hub)
        routes.get(.alliance, .seeGroup, in: scope.context, show)
        routes.get(.allianceSettings, .manageAlliance, in: scope.context, editSettings)
        routes.post(.allianceSettings, .manageAlliance, in: scope.context, updateSettings)
        routes.get(.allianceMembersCSV, .seeGroup, in: scope.context, membersCSV)
        routes.get(.publishedAlliance, showPublished)
    }

    @Sendable func hub(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let groups = try await scope.groups.visibleGroups(for: signedIn.user, today: scope.today).map(\.group).filter {
            $0.kind == .vcseAlliance
        }
        var alliances: [(group: Group, roster: AllianceRoster)] = []
        for group in groups { alliances.append((group, try await store.roster(groupID: group.id))) }
        let page = AllianceHubPage(
            alliances: alliances, canCreateGroups: Policy.allows(signedIn.user.role, .createGroups))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let funding = try await FundingStore(pool: services.pool, clock: services.clock).summary(groupID: view.group.id)
        let page = AlliancePage(
            group: view.group, roster: try await store.roster(groupID: view.group.id), funding: funding,
            canManage: view.canManage)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func editSettings(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let group = view.group
        let form = AllianceSettingsPage.formData(try await store.settings(groupID: group.id))
        return try await services.pages.render(
            AllianceSettingsPage(group: group, form: form, errors: FormErrors()), request: request, context: context)
    }

    @Sendable func updateSettings(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let signedIn = view.person
        let group = view.group
        var errors = FormErrors()
        guard let input = AllianceForms.settings(context.form, errors: &errors) else {
            return try await services.pages.render(
                AllianceSettingsPage(group: group, form: context.form, errors: errors), request: request,
                context: context)
        }
        let saved = try await store.saveSettings(
            groupID: group.id, principles: input.principles, published: input.published,
            by: signedIn.actor, requestID: context.requestID)
        let message =
            saved.membershipPublished
            ? "Saved. The membership is published for anyone to read." : "Saved. The membership is not published."
        try await services.sessions.setFlash(Flash(message: message), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.alliance(group.id))
    }

    @Sendable func membersCSV(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let roster = try await store.roster(groupID: view.group.id)
        return .download(
            AllianceMembersCSV.document(roster), contentType: "text/csv; charset=utf-8",
            fileName: AllianceMembersCSV.fileName(view.group))
    }

    /// Open to everyone, but only once the alliance has chosen to publish its membership.
    @Sendable func showPublished(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self), let group = try await scope.groups.find(id: id),
            group.kind == .vcseAlliance
        else { throw AppError.notFound }
        let roster = try await store.roster(groupID: group.id)
        guard roster.settings.membershipPublished else { throw AppError.notFound }
        return try await services.pages.render(
            PublishedAlliancePage(group: group, roster: roster), request: request, context: context)
    }
}
