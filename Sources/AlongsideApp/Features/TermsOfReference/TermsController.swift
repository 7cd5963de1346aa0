import Foundation
import Hummingbird

/// A group's terms of reference: versions, drafts, proposing, reading and comparing.
/// Adopting a proposed version is done by a recorded decision of the group (not built yet: see issue 3).
struct TermsController: Controller {
    /// Far more versions than any group will adopt; a comparison link asking for more is not one of ours.
    static let maxVersionNumber = 100_000

    let services: AppServices

    var store: TermsStore { TermsStore(pool: services.pool, clock: services.clock) }
    var scope: GroupScope {
        GroupScope(store: GroupStore(pool: services.pool, clock: services.clock))
    }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.terms, .seeGroup, in: scope, index)
        routes.post(.terms, .draftTerms, in: scope, startDraft)
        routes.get(.compareTerms, .seeGroup, in: scope, compare)
        routes.get(.termsVersion, .seeGroup, in: scope, show)
        routes.get(.editTerms, .draftTerms, in: scope, edit)
        routes.post(.termsVersion, .draftTerms, in: scope, save)
        routes.post(.proposeTerms, .draftTerms, in: scope, propose)
        routes.post(.termsVisibility, .draftTerms, in: scope, setVisibility)
        routes.get(.publishedTerms, showPublished)
    }

    @Sendable func setVisibility(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let signedIn = view.person
        let group = view.group
        let version = try await loadVersion(context, group: group)
        guard let visibility = Visibility(rawValue: context.form[TermsForm.VisibilityField.visibility]) else {
            throw AppError.badRequest
        }
        try await store.setVisibility(
            visibility, groupID: group.id, number: version.number, by: signedIn.actor, requestID: context.requestID)
        let message =
            visibility == .published
            ? "Version \(version.number) is published: anyone can read it without signing in."
            : "Version \(version.number) is private again."
        try await services.sessions.setFlash(Flash(message: message), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.termsVersion(group.id, version.number))
    }

    /// A published version, for anyone: 404 unless that version is published.
    @Sendable func showPublished(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self),
            let group = try await GroupStore(pool: services.pool, clock: services.clock).find(id: id)
        else { throw AppError.notFound }
        let version = try await loadVersion(context, group: group)
        guard version.visibility == .published else { throw AppError.notFound }
        let page = TermsVersionPage(
            group: group, version: version, allNumbers: [], canManage: false, isPublicView: true)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let versions = try await store.versions(groupID: view.group.id).filter { view.mayRead($0.visibility) }
        let page = TermsIndexPage(group: view.group, versions: versions, canManage: view.canManage)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func startDraft(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let signedIn = view.person
        let group = view.group
        do {
            let draft = try await store.startDraft(groupID: group.id, by: signedIn.actor, requestID: context.requestID)
            return .seeOther(Href.editTerms(group.id, draft.number))
        } catch TermsStore.Refusal.openVersionExists(let number) {
            try await services.sessions.setFlash(
                Flash(
                    message:
                        "Version \(number) is still open. Finish it, or have the group decide on it, before starting another."
                ),
                tokenHash: signedIn.session.tokenHash
            )
            return .seeOther(Href.termsVersion(group.id, number))
        }
    }

    func loadVersion(_ context: AppRequestContext, group: Group) async throws -> TermsVersion {
        guard let number = context.parameters.get("number", as: Int.self),
            let version = try await store.version(groupID: group.id, number: number)
        else { throw AppError.notFound }
        return version
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let version = try await loadVersion(context, group: view.group)
        guard view.mayRead(version.visibility) else { throw AppError.notFound }
        let versions = try await store.versions(groupID: view.group.id).filter { view.mayRead($0.visibility) }
        let page = TermsVersionPage(
            group: view.group, version: version, allNumbers: versions.map(\.number), canManage: view.canManage)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let group = view.group
        let version = try await loadVersion(context, group: group)
        guard version.status == .draft else {
            return try await onlyDrafts(group: group, version: version, signedIn: signedIn)
        }
        let page = TermsFormPage(
            group: group, version: version, form: TermsForm.formData(version.content, revision: version.revision),
            errors: FormErrors(), conflict: nil)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func save(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let group = view.group
        let version = try await loadVersion(context, group: group)
        guard version.status == .draft else {
            return try await onlyDrafts(group: group, version: version, signedIn: signedIn)
        }
        var errors = FormErrors()
        // The revision the edit was made from: missing or malformed counts as out of date, so nothing is overwritten unseen.
        let revision = try context.form.number(TermsForm.TermsField.revision, in: 0...Int(Int32.max)) ?? -1
        guard let content = TermsForm.parse(context.form, errors: &errors) else {
            let page = TermsFormPage(group: group, version: version, form: context.form, errors: errors, conflict: nil)
            return try await services.pages.render(page, request: request, context: context)
        }
        switch try await store.saveDraft(
            groupID: group.id, number: version.number, content: content, expectedRevision: revision, by: signedIn.actor,
            requestID: context.requestID)
        {
        case .saved:
            try await services.sessions.setFlash(
                Flash(message: "The draft has been saved."), tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.termsVersion(group.id, version.number))
        case .conflict(let current):
            // Nothing is lost: their saved text is shown, and the form keeps this person's text, ready to save over it knowingly.
            let form = context.form.replacing(TermsForm.TermsField.revision, with: String(current.revision))
            var conflictErrors = FormErrors()
            conflictErrors.add(
                TermsForm.TermsField.scope,
                "Someone else saved this draft while you were editing it. Their version is shown first; your changes are still in the form below. Save again to replace theirs with yours"
            )
            let page = TermsFormPage(
                group: group, version: current, form: form, errors: conflictErrors, conflict: current)
            return try await services.pages.render(page, request: request, context: context, status: .conflict)
        }
    }

    @Sendable func propose(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response
    {
        let signedIn = view.person
        let group = view.group
        let version = try await loadVersion(context, group: group)
        guard version.status == .draft else {
            return try await onlyDrafts(group: group, version: version, signedIn: signedIn)
        }
        try await store.propose(
            groupID: group.id, number: version.number, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "Version \(version.number) is proposed. The group adopts it by recording a decision."),
            tokenHash: signedIn.session.tokenHash
        )
        return .seeOther(Href.termsVersion(group.id, version.number))
    }

    func onlyDrafts(group: Group, version: TermsVersion, signedIn: SignedIn) async throws -> Response {
        try await services.sessions.setFlash(
            Flash(
                message:
                    "Version \(version.number) is \(version.status.label.lowercased()), so it can no longer be changed. Start a new draft instead."
            ),
            tokenHash: signedIn.session.tokenHash
        )
        return .seeOther(Href.termsVersion(group.id, version.number))
    }

    @Sendable func compare(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response
    {
        let group = view.group
        typealias F = TermsForm.CompareField
        let query = request.queryForm
        guard let fromNumber = try query.number(F.from, in: 1...Self.maxVersionNumber),
            let toNumber = try query.number(F.to, in: 1...Self.maxVersionNumber),
            let from = try await store.version(groupID: group.id, number: fromNumber),
            let to = try await store.version(groupID: group.id, number: toNumber),
            view.mayRead(from.visibility), view.mayRead(to.visibility)
        else { throw AppError.notFound }
        let page = TermsComparePage(group: group, from: from, to: to)
        return try await services.pages.render(page, request: request, context: context)
    }
}
