import Foundation
import Hummingbird

/// A group's decision log: recording decisions against the terms of reference in force, and reading them.
struct DecisionsController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var groups: GroupStore { GroupStore(pool: services.pool, clock: services.clock) }
    var terms: TermsStore { TermsStore(pool: services.pool, clock: services.clock) }
    var store: DecisionStore { DecisionStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.decisions, .signedIn, index)
        routes.get(.newDecision, .signedIn, new)
        routes.post(.decisions, .signedIn, create)
        routes.get(.decision, .signedIn, show)
    }

    /// The group, and whether this person may record its decisions.
    func group(_ context: AppRequestContext, _ signedIn: SignedIn) async throws -> (Group, canRecord: Bool) {
        let (group, _) = try await GroupScope(store: groups, today: today).visible(context, for: signedIn.user)
        let seats = try await groups.currentSeats(userID: signedIn.user.id, groupID: group.id, today: today)
        return (group, GroupAccess.canRecordDecisions(group.kind, role: signedIn.user.role, seats: seats))
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let (group, canRecord) = try await group(context, signedIn)
        let page = DecisionsPage(group: group, decisions: try await store.decisions(groupID: group.id), canRecord: canRecord)
        return try await services.pages.render(page, request: request, context: context)
    }

    /// The form, checked against the group's versions of its terms of reference (read once per request).
    func formPage(group: Group, versions: [TermsVersion], form: FormData, errors: FormErrors, shortfalls: [String]) -> DecisionFormPage {
        let inForce = versions.first { $0.status == .adopted }
        return DecisionFormPage(
            group: group, form: form, errors: errors, inForce: inForce,
            proposed: versions.filter { $0.status == .proposed }.map(\.number), shortfalls: shortfalls
        )
    }

    @Sendable func new(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let (group, canRecord) = try await group(context, signedIn)
        guard canRecord else { throw AppError.forbidden }
        let versions = try await terms.versions(groupID: group.id)
        let inForce = versions.first { $0.status == .adopted }
        let members = try await groups.memberships(groupID: group.id).filter { $0.compositionMember.isCurrent(on: today) && $0.seat != .observer }
        let form = FormData([
            ("method", inForce?.content.decisionMethod.rawValue ?? ""), ("members_total", String(members.count)),
        ])
        let page = formPage(group: group, versions: versions, form: form, errors: FormErrors(), shortfalls: [])
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let (group, canRecord) = try await group(context, signedIn)
        guard canRecord else { throw AppError.forbidden }
        let versions = try await terms.versions(groupID: group.id)
        let inForce = versions.first { $0.status == .adopted }
        var errors = FormErrors()
        guard var input = DecisionForm.parse(context.form, proposedVersions: versions.filter { $0.status == .proposed }.map(\.number), errors: &errors) else {
            let page = formPage(group: group, versions: versions, form: context.form, errors: errors, shortfalls: [])
            return try await services.pages.render(page, request: request, context: context)
        }
        // The terms of reference are enforced, not just stored.
        let shortfalls = DecisionRules.shortfalls(
            terms: inForce?.content, method: input.method, memberCount: input.membersTotal, present: input.membersPresent,
            livedExperiencePresent: input.livedExperiencePresent
        )
        if shortfalls.isEmpty {
            input.invalidReason = nil
        } else if input.invalidReason == nil {
            errors.add("invalid_reason", "This decision does not meet the terms of reference. To record it anyway, as not valid, give the reason")
            let page = formPage(group: group, versions: versions, form: context.form, errors: errors, shortfalls: shortfalls)
            return try await services.pages.render(page, request: request, context: context)
        }
        let quorumMet = inForce.map {
            QuorumRule.evaluate(terms: $0.content, memberCount: input.membersTotal, present: input.membersPresent, livedExperiencePresent: input.livedExperiencePresent).met
        } ?? true
        let decision = try await store.record(input, groupID: group.id, termsVersion: inForce?.number, quorumMet: quorumMet, by: signedIn.user, requestID: context.requestID)
        try await services.sessions.setFlash(Flash(message: "The decision has been recorded."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Route.decision.href(group.id, decision.id))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let (group, _) = try await group(context, signedIn)
        guard let id = context.parameters.get("decisionID", as: Int64.self), let decision = try await store.decision(id: id, groupID: group.id)
        else { throw AppError.notFound }
        return try await services.pages.render(DecisionPage(group: group, decision: decision), request: request, context: context)
    }
}
