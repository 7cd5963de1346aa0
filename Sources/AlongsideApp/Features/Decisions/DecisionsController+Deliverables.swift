import Foundation
import Hummingbird

/// Naming the roadmap deliverables a decision affects (issue 19). Only the latest revision's page offers it; the
/// names belong to the whole decision, so a correction keeps them.
extension DecisionsController {
    var roadmap: RoadmapStore { RoadmapStore(pool: services.pool, clock: services.clock) }

    @Sendable func deliverablesForm(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let group = view.group
        let (decision, latestID) = try await latestRevision(context, group: group)
        guard decision.id == latestID else { return .seeOther(Href.decisionDeliverables(group.id, latestID)) }
        let page = DecisionDeliverablesPage(
            group: group, decision: decision, deliverables: try await roadmap.deliverables(),
            form: DecisionDeliverablesPage.formData(for: try await store.deliverableIDs(chainID: decision.chainID)),
            errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func setDeliverables(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let group = view.group
        let (decision, latestID) = try await latestRevision(context, group: group)
        guard decision.id == latestID else { throw AppError.notFound }
        // One read: the live deliverables are offered; the retired ones it names stay named.
        let all = try await roadmap.deliverables(includeRetired: true)
        let live = all.filter { !$0.isRetired }
        let field = DecisionDeliverablesPage.DeliverablesField.deliverables
        let chosen = GroupedChoices.chosenIDs(context.form.all(field), offered: Set(live.map(\.id)))
        guard !chosen.refused else {
            var errors = FormErrors()
            errors.add(field, "Select deliverables from the list")
            let page = DecisionDeliverablesPage(
                group: group, decision: decision, deliverables: live, form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        let retired = Set(all.filter(\.isRetired).map(\.id))
        try await store.setDeliverables(
            chosen.ids, of: decision, keeping: retired, by: view.person.actor, requestID: context.requestID)
        let message =
            chosen.ids.isEmpty
            ? "The decision names no roadmap deliverables."
            : "Saved: the decision names \(chosen.ids.count == 1 ? "1 roadmap deliverable" : "\(chosen.ids.count) roadmap deliverables")."
        try await services.sessions.setFlash(Flash(message: message), tokenHash: view.person.session.tokenHash)
        return .seeOther(Href.decision(group.id, decision.id) + "#deliverables")
    }
}
