import Foundation
import Hummingbird

/// The alliance's accountable body (003 step 4: "one elected accountable body that delivers no services"):
/// its history for anyone who can see the alliance, and recording an election for the people who manage it.
struct AccountableBodyController: Controller {
    let services: AppServices

    var store: AllianceStore { AllianceStore(pool: services.pool, clock: services.clock) }
    var scope: AllianceScope { AllianceScope(services: services) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.accountableBody, .seeGroup, in: scope.context, show)
        routes.post(.accountableBody, .manageAlliance, in: scope.context, elect)
    }

    func page(_ view: GroupView, form: FormData = FormData(), errors: FormErrors = FormErrors()) async throws
        -> AccountableBodyPage
    {
        let groupID = view.group.id
        let decisions = view.canManage ? try await scope.authorisingDecisions(groupID: groupID) : []
        return AccountableBodyPage(
            group: view.group, terms: try await store.accountableBodies(groupID: groupID), canManage: view.canManage,
            members: view.canManage ? try await store.members(groupID: groupID) : [], decisions: decisions,
            form: form, errors: errors)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let form = FormData([(AllianceForms.ElectionField.startsOn, scope.today)])
        return try await services.pages.render(try await page(view, form: form), request: request, context: context)
    }

    @Sendable func elect(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let group = view.group
        let members = try await store.members(groupID: group.id)
        let decisions = try await scope.authorisingDecisions(groupID: group.id)
        let current = try await store.accountableBodies(groupID: group.id).first { $0.body.endsOn == nil }?.body
        var errors = FormErrors()
        if let input = AllianceForms.election(
            context.form, members: members, decisions: decisions, current: current, today: scope.today, errors: &errors)
        {
            do {
                let body = try await store.elect(
                    groupID: group.id, organisationID: input.organisationID, decisionID: input.decisionID,
                    startsOn: input.startsOn, by: signedIn.actor, requestID: context.requestID)
                try await services.sessions.setFlash(
                    Flash(
                        message:
                            "\(body.organisationName) is the accountable body from \(LondonTime.day(body.startsOn))."),
                    tokenHash: signedIn.session.tokenHash)
                return .seeOther(Href.alliance(group.id))
            } catch let refusal as AllianceRefusal {
                // Things changed between the check and the save.
                typealias F = AllianceForms.ElectionField
                switch refusal {
                case .decisionDoesNotStand:
                    errors.add(F.decision, "That decision no longer stands. Select an agreed decision")
                case .startsBeforeCurrentTerm(let day):
                    errors.add(
                        F.startsOn,
                        "The day cannot be before the current accountable body started on \(LondonTime.day(day))")
                case .alreadyAccountableBody(let since):
                    errors.add(
                        F.organisation,
                        AllianceForms.alreadyInPlace(
                            name: members.first { $0.organisationID == input.organisationID }?.organisationName
                                ?? "That organisation",
                            since: since))
                default: errors.add(F.organisation, "Select an organisation that is a member of the alliance now")
                }
            }
        }
        return try await services.pages.render(
            try await page(view, form: context.form, errors: errors), request: request, context: context)
    }
}
