import Foundation
import Hummingbird

/// Online proposals between meetings (issue 3): a chair opens one with a closing time, members answer, and at close
/// the outcome becomes a decision. A proposal past its closing time closes the next time anyone looks at it.
struct ProposalsController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var groups: GroupStore { GroupStore(pool: services.pool, clock: services.clock) }
    var store: ProposalStore { ProposalStore(pool: services.pool, clock: services.clock, notifier: services.notifier) }

    func addRoutes(to routes: inout SiteRoutes) {
        let scope = GroupScope(store: groups, seeing: .seeGroupBusiness)
        routes.get(.proposals, .seeGroupBusiness, in: scope, index)
        routes.get(.newProposal, .runProposals, in: scope, new)
        routes.post(.proposals, .runProposals, in: scope, create)
        routes.get(.proposal, .seeGroupBusiness, in: scope, show)
        routes.post(.proposalResponse, .respondToProposals, in: scope, respond)
        routes.post(.closeProposal, .runProposals, in: scope, close)
        routes.post(.withdrawProposal, .runProposals, in: scope, withdraw)
    }

    /// The group the route loaded (404 unless the person is a member or manages it: proposals are the group's own
    /// business), whether they run its proposals, and whether they may answer.
    struct Standing {
        let group: Group
        let canRun: Bool
        let canRespond: Bool
    }

    func standing(_ view: GroupView) -> Standing {
        Standing(group: view.group, canRun: view.may(.runProposals), canRespond: view.may(.respondToProposals))
    }

    /// The proposal named in the route, closed first if its time has passed.
    func loadProposal(_ context: AppRequestContext, group: Group) async throws -> Proposal {
        guard let id = context.parameters.get("proposalID", as: Int64.self),
            let proposal = try await store.proposal(id: id, groupID: group.id)
        else { throw AppError.notFound }
        guard proposal.isDue(at: services.clock.now()) else { return proposal }
        try await store.close(proposal: proposal, closer: nil, requestID: context.requestID)
        return try await store.proposal(id: id, groupID: group.id) ?? proposal
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let standing = standing(view)
        var proposals = try await store.proposals(groupID: standing.group.id)
        let now = services.clock.now()
        if proposals.contains(where: { $0.isDue(at: now) }) {
            for proposal in proposals where proposal.isDue(at: now) {
                try await store.close(proposal: proposal, closer: nil, requestID: context.requestID)
            }
            proposals = try await store.proposals(groupID: standing.group.id)
        }
        let page = ProposalsPage(group: standing.group, proposals: proposals, canOpen: standing.canRun)
        return try await services.pages.render(page, request: request, context: context)
    }

    /// The method comes from the terms of reference in force; without terms the chair chooses it.
    func termsInForce(_ group: Group) async throws -> TermsVersion? {
        try await TermsStore(pool: services.pool, clock: services.clock).inForce(groupID: group.id)
    }

    @Sendable func new(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let standing = standing(view)
        let terms = try await termsInForce(standing.group)
        let page = ProposalFormPage(
            group: standing.group, terms: terms, form: FormData([(ProposalForm.OpenField.closesAtTime, "17:00")]),
            errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let standing = standing(view)
        let terms = try await termsInForce(standing.group)
        var errors = FormErrors()
        if terms?.content.decisionMethod == .byLeads {
            errors.add(ProposalForm.OpenField.title, ProposalFormPage.byLeadsMessage)
        }
        guard errors.isEmpty,
            let input = ProposalForm.parse(
                context.form, termsMethod: terms?.content.decisionMethod, now: services.clock.now(), errors: &errors)
        else {
            let page = ProposalFormPage(group: standing.group, terms: terms, form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        let proposal = try await store.open(
            input, groupID: standing.group.id, termsVersion: terms?.number, by: signedIn.actor,
            userID: signedIn.user.id, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "The proposal is open. Members can respond until it closes."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.proposal(standing.group.id, proposal.id))
    }

    func page(_ standing: Standing, proposal: Proposal, signedIn: SignedIn, form: FormData?, errors: FormErrors)
        async throws -> ProposalPage
    {
        let members = try await groups.memberships(groupID: standing.group.id)
            .filter { $0.compositionMember.isCurrent(on: today) && $0.seat != .observer }
        let responses = try await store.responses(proposalID: proposal.id)
        let own = responses.first { $0.userID == signedIn.user.id }
        var decision: Decision?
        if let decisionID = proposal.decisionID {
            decision = try await DecisionStore(pool: services.pool, clock: services.clock).decision(
                id: decisionID, groupID: standing.group.id)
        }
        typealias F = ProposalForm.ResponseField
        let shownForm = form ?? FormData([(F.response, own?.answer.rawValue ?? ""), (F.reason, own?.reason ?? "")])
        return ProposalPage(
            group: standing.group, proposal: proposal, members: members, responses: responses,
            viewerID: signedIn.user.id,
            canRespond: standing.canRespond, canRun: standing.canRun, decision: decision, form: shownForm,
            errors: errors
        )
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let standing = standing(view)
        let proposal = try await loadProposal(context, group: standing.group)
        let page = try await page(standing, proposal: proposal, signedIn: signedIn, form: nil, errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func respond(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response
    {
        let signedIn = view.person
        let standing = standing(view)
        let proposal = try await loadProposal(context, group: standing.group)
        guard proposal.status == .open else {
            return try await notOpen(proposal, group: standing.group, signedIn: signedIn)
        }
        var errors = FormErrors()
        guard let (answer, reason) = ProposalForm.parseAnswer(context.form, method: proposal.method, errors: &errors)
        else {
            let page = try await page(
                standing, proposal: proposal, signedIn: signedIn, form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        do {
            try await store.respond(
                proposal: proposal, answer: answer, reason: reason, by: signedIn.actor, userID: signedIn.user.id,
                requestID: context.requestID)
        } catch ProposalStore.Refusal.notOpen {
            return try await notOpen(proposal, group: standing.group, signedIn: signedIn)
        }
        try await services.sessions.setFlash(
            Flash(message: "Your response has been recorded. You can change it until the proposal closes."),
            tokenHash: signedIn.session.tokenHash
        )
        return .seeOther(Href.proposal(standing.group.id, proposal.id))
    }

    /// The chair closes it: after the closing time, or earlier if they confirm they mean to.
    @Sendable func close(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        return try await endOpenProposal(
            request, context, view, confirmation: .closeEarly,
            refusal: "The closing time has not come yet. To close it now, confirm that you want to close it early",
            done: "The proposal is closed and its outcome is recorded as a decision."
        ) { proposal in try await store.close(proposal: proposal, closer: signedIn.user, requestID: context.requestID) }
    }

    @Sendable func withdraw(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response
    {
        let signedIn = view.person
        return try await endOpenProposal(
            request, context, view, confirmation: .confirmWithdraw,
            refusal: "To withdraw the proposal, confirm that you want to withdraw it",
            done: "The proposal has been withdrawn. No decision is recorded."
        ) { proposal in try await store.withdraw(proposal: proposal, by: signedIn.actor, requestID: context.requestID) }
    }

    /// Closing and withdrawing: only the chair, only while it is open, and only with the confirmation box ticked.
    func endOpenProposal(
        _ request: Request, _ context: AppRequestContext, _ view: GroupView, confirmation: ProposalForm.EndField,
        refusal: String,
        done: String,
        _ end: (Proposal) async throws -> Void
    ) async throws -> Response {
        let signedIn = view.person
        let standing = standing(view)
        let proposal = try await loadProposal(context, group: standing.group)
        guard proposal.status == .open else {
            return try await notOpen(proposal, group: standing.group, signedIn: signedIn)
        }
        if context.form[confirmation] != "yes" {
            var errors = FormErrors()
            errors.add(confirmation, refusal)
            let page = try await page(standing, proposal: proposal, signedIn: signedIn, form: nil, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        try await end(proposal)
        try await services.sessions.setFlash(Flash(message: done), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.proposal(standing.group.id, proposal.id))
    }

    func notOpen(_ proposal: Proposal, group: Group, signedIn: SignedIn) async throws -> Response {
        try await services.sessions.setFlash(
            Flash(message: "This proposal is no longer open, so nothing was changed."),
            tokenHash: signedIn.session.tokenHash
        )
        return .seeOther(Href.proposal(group.id, proposal.id))
    }
}
