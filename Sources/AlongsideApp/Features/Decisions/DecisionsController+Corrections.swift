import Foundation
import Hummingbird

/// Correcting a decision (a new revision), publishing it, and its public page.
extension DecisionsController {
    /// The latest revision, for correcting or publishing; an earlier one sends the person to the latest.
    func latestRevision(_ context: AppRequestContext, group: Group) async throws -> (Decision, latestID: Int64) {
        let decision = try await loadDecision(context, group: group)
        let latest = try await store.revisions(chainID: decision.chainID, groupID: group.id).last ?? decision
        return (decision, latest.id)
    }

    @Sendable func correction(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let group = view.group
        let (decision, latestID) = try await latestRevision(context, group: group)
        guard decision.id == latestID else { return .seeOther(Href.correctDecision(group.id, latestID)) }
        let form = DecisionForm.formData(for: decision)
        let page = formPage(
            group: group, versions: try await terms.versions(groupID: group.id),
            form: form, errors: FormErrors(),
            shortfalls: [], setting: try await setting(group: group, form: form, correcting: decision)
        )
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func correct(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response
    {
        let signedIn = view.person
        let group = view.group
        let decision = try await loadDecision(context, group: group)
        return try await save(
            group: group, correcting: decision, request: request, context: context, signedIn: signedIn)
    }

    @Sendable func setVisibility(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let signedIn = view.person
        let group = view.group
        guard let visibility = Visibility(rawValue: context.form[DecisionForm.VisibilityField.visibility]) else {
            throw AppError.badRequest
        }
        let (decision, latestID) = try await latestRevision(context, group: group)
        guard decision.id == latestID else { throw AppError.notFound }
        try await store.setVisibility(visibility, of: decision, by: signedIn.actor, requestID: context.requestID)
        let message =
            visibility == .published
            ? "The decision is published: anyone can read it at its public page, without signing in."
            : "The decision is no longer published: only members and staff can read it."
        try await services.sessions.setFlash(Flash(message: message), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.decision(group.id, decision.id))
    }

    /// A published decision, as it now stands, for anyone. 404 for anything unpublished, so nothing of it shows.
    @Sendable func showPublished(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let groupID = context.parameters.get("id", as: Int64.self),
            let id = context.parameters.get("decisionID", as: Int64.self),
            let group = try await groups.find(id: groupID),
            let decision = try await store.publishedDecision(id: id, groupID: groupID)
        else { throw AppError.notFound }
        let page = PublishedDecisionPage(
            group: group, decision: decision, meetings: try await store.meetings(groupID: group.id))
        return try await services.pages.render(page, request: request, context: context)
    }
}
