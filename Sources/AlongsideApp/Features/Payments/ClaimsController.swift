import Foundation
import Hummingbird

/// A person's own claims: recording an activity and its expenses, checking and sending it, changing it while it is a
/// draft or has been returned, and following it to payment.
struct ClaimsController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var store: ClaimStore { ClaimStore(pool: services.pool, clock: services.clock) }
    var policies: PaymentPolicyStore { PaymentPolicyStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.claims, .signedIn, index)
        routes.get(.newClaim, .signedIn, new)
        routes.post(.newClaim, .signedIn, create)
        routes.get(.claim, .signedIn, show)
        // A claim is loaded (404 unless it is the person's own) before its rule is checked.
        routes.get(.editClaim, .loaded(.editClaim), edit)
        routes.post(.editClaim, .loaded(.editClaim), update)
        routes.get(.checkClaim, .loaded(.editClaim), check)
        routes.post(.checkClaim, .loaded(.editClaim), submit)
        routes.post(.deleteClaim, .loaded(.deleteClaim), delete)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        try await services.pages.render(
            ClaimsPage(claims: try await store.claims(userID: signedIn.user.id)), request: request, context: context)
    }

    @Sendable func new(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let form = ClaimForm.newForm(
            preferences: try await policies.preferences(userID: signedIn.user.id), today: today)
        return try await formPage(claim: nil, form: form, errors: FormErrors(), signedIn, request, context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        typealias F = ClaimForm.ClaimField
        let form = context.form
        let options = try await choices(signedIn, including: nil)
        if !form[F.addExpense].isEmpty {
            return try await formPage(
                claim: nil, form: form, errors: FormErrors(), signedIn, request, context, options: options)
        }
        var errors = FormErrors()
        guard
            let input = try ClaimForm.parse(
                form, policies: try await policies.policies(), today: today, options: options.rules, errors: &errors)
        else {
            return try await formPage(
                claim: nil, form: form, errors: errors, signedIn, request, context, options: options)
        }
        let claim = try await store.create(
            input, userID: signedIn.user.id, by: signedIn.actor, requestID: context.requestID)
        return .seeOther(Href.checkClaim(claim.id))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let viewer = try await ClaimViewers(services: services).viewer(signedIn)
        let claim = try await visibleClaim(context, viewer)
        let page = ClaimPage(
            claim: claim, events: try await store.events(claimID: claim.id), viewer: viewer,
            warning: try await ClaimViewers(services: services).warning(for: claim),
            duplicates: try await store.possibleDuplicates(of: claim), today: today)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let claim = try await ownEditableClaim(context, signedIn)
        return try await formPage(
            claim: claim, form: ClaimForm.formData(for: claim), errors: FormErrors(), signedIn, request, context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        typealias F = ClaimForm.ClaimField
        let claim = try await ownEditableClaim(context, signedIn)
        let form = context.form
        let options = try await choices(signedIn, including: claim)
        if !form[F.addExpense].isEmpty {
            return try await formPage(
                claim: claim, form: form, errors: FormErrors(), signedIn, request, context, options: options)
        }
        var errors = FormErrors()
        guard
            let input = try ClaimForm.parse(
                form, policies: try await policies.policies(), today: today, options: options.rules, errors: &errors)
        else {
            return try await formPage(
                claim: claim, form: form, errors: errors, signedIn, request, context, options: options)
        }
        do {
            let saved = try await store.update(
                claim.id, version: form.expectedVersion, with: input, by: signedIn.actor, requestID: context.requestID)
            return .seeOther(Href.checkClaim(saved.id))
        } catch let conflict as ClaimStore.Conflict {
            errors.add(
                F.activity,
                "This claim changed in another window or tab since you opened it. What you typed is kept: save again to use it"
            )
            var response = try await formPage(
                claim: conflict.current,
                form: form.replacing(EditField.version, with: String(conflict.current.version)),
                errors: errors, signedIn, request, context, options: options)
            response.status = .conflict
            return response
        }
    }

    @Sendable func check(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let claim = try await ownEditableClaim(context, signedIn)
        let page = ClaimCheckPage(
            claim: claim, warning: try await ClaimViewers(services: services).warning(for: claim),
            duplicates: try await store.possibleDuplicates(of: claim))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let claim = try await ownEditableClaim(context, signedIn)
        let warned = try await ClaimViewers(services: services).warning(for: claim) != nil
        do {
            _ = try await store.submit(
                claim.id, version: context.form.expectedVersion, afterWarning: warned, by: signedIn.actor,
                requestID: context.requestID)
            try await services.sessions.setFlash(
                Flash(message: "Your claim has been sent. You can follow it here."),
                tokenHash: signedIn.session.tokenHash)
        } catch is ClaimStore.Conflict {
            try await services.sessions.setFlash(
                Flash(message: "The claim changed before it was sent. Check it again below."),
                tokenHash: signedIn.session.tokenHash)
        }
        return .seeOther(Href.claim(claim.id))
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let claim = try await ownClaim(context, signedIn)
        try Policy.require(
            .deleteClaim, Standing(role: signedIn.user.role, isOwner: true), state: claim.status == .draft)
        do {
            try await store.deleteDraft(
                claim.id, version: context.form.expectedVersion, by: signedIn.actor, requestID: context.requestID)
            try await services.sessions.setFlash(
                Flash(message: "The draft claim for \(claim.activity) was deleted."),
                tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.claims())
        } catch is ClaimStore.Conflict {
            try await services.sessions.setFlash(
                Flash(message: "The draft changed in another window, so it was not deleted."),
                tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.claim(claim.id))
        }
    }

    // MARK: Loading and options

    func visibleClaim(_ context: AppRequestContext, _ viewer: ClaimAccess.Viewer) async throws -> Claim {
        guard let id = context.parameters.get("id", as: Int64.self), let claim = try await store.claim(id: id),
            viewer.canSee(claim)
        else { throw AppError.notFound }
        return claim
    }

    /// The person's own claim: 404 for anyone else's, so nobody learns which claims exist.
    func ownClaim(_ context: AppRequestContext, _ signedIn: SignedIn) async throws -> Claim {
        guard let id = context.parameters.get("id", as: Int64.self), let claim = try await store.claim(id: id),
            claim.userID == signedIn.user.id
        else { throw AppError.notFound }
        return claim
    }

    /// The person's own claim while they may still change it; once sent for approval or approved it is refused.
    func ownEditableClaim(_ context: AppRequestContext, _ signedIn: SignedIn) async throws -> Claim {
        let claim = try await ownClaim(context, signedIn)
        try Policy.require(
            .editClaim, Standing(role: signedIn.user.role, isOwner: true), state: claim.status.ownerCanEdit)
        return claim
    }

    struct Choices {
        let meetings: [ClaimFormPage.Option]
        let groups: [ClaimFormPage.Option]
        let rules: ClaimForm.Options
    }

    /// The groups the person belongs to (every visible group for staff) and those groups' meetings in the last year.
    func choices(_ signedIn: SignedIn, including claim: Claim?) async throws -> Choices {
        let staff = Policy.allows(signedIn.user.role, .claimForAnyGroup)
        let groups = try await GroupStore(pool: services.pool, clock: services.clock).visibleGroups(
            for: signedIn.user, today: today
        )
        .filter { $0.isMember || staff || $0.group.id == claim?.groupID }.map(\.group)
        let now = services.clock.now()
        var meetings = try await store.claimableMeetings(
            groupIDs: groups.map(\.id), from: now.addingTimeInterval(-366 * 86_400), to: now)
        if let claim, let meetingID = claim.meetingID, let groupID = claim.groupID,
            !meetings.contains(where: { $0.id == meetingID })
        {
            meetings.append(
                ClaimStore.MeetingOption(
                    id: meetingID, groupID: groupID, label: claim.meetingLabel ?? "The meeting chosen before"))
        }
        return Choices(
            meetings: meetings.map { ClaimFormPage.Option(value: String($0.id), label: $0.label) },
            groups: groups.map { ClaimFormPage.Option(value: String($0.id), label: $0.name) },
            rules: ClaimForm.Options(
                groupIDs: Set(groups.map(\.id)),
                meetings: Dictionary(meetings.map { ($0.id, $0.groupID) }, uniquingKeysWith: { first, _ in first }))
        )
    }

    func formPage(
        claim: Claim?, form: FormData, errors: FormErrors, _ signedIn: SignedIn, _ request: Request,
        _ context: AppRequestContext,
        options: Choices? = nil
    ) async throws -> Response {
        let options = if let options { options } else { try await choices(signedIn, including: claim) }
        let policy = EffectiveDated.inForce(try await policies.policies(), on: today, from: \.effectiveFrom)
        let page = try ClaimFormPage(
            claim: claim, form: form, errors: errors, meetings: options.meetings, groups: options.groups, policy: policy
        )
        return try await services.pages.render(page, request: request, context: context)
    }
}

/// Working out what a person may do with claims, and the earnings warning on a claim.
struct ClaimViewers {
    let services: AppServices

    func viewer(_ signedIn: SignedIn) async throws -> ClaimAccess.Viewer {
        let store = PaymentPolicyStore(pool: services.pool, clock: services.clock)
        let named = try await store.namedDuties(userID: signedIn.user.id)
        return ClaimAccess.Viewer(
            userID: signedIn.user.id, role: signedIn.user.role, duties: Set(named.map(ClaimAccess.duty)))
    }

    /// The warning for a claim not yet approved, against the limit its owner chose; nil when none applies.
    func warning(for claim: Claim) async throws -> EarningsWarning? {
        guard claim.status.ownerCanEdit || claim.status == .submitted else { return nil }
        let policies = PaymentPolicyStore(pool: services.pool, clock: services.clock)
        let preferences = try await policies.preferences(userID: claim.userID)
        guard preferences.limitPeriod != nil else { return nil }
        let others = try await ClaimStore(pool: services.pool, clock: services.clock)
            .earningsEntries(userID: claim.userID, around: claim.activityOn, excluding: claim.id)
        return EarningsCheck.warning(
            period: preferences.limitPeriod, limits: try await policies.limits(), activityOn: claim.activityOn,
            claimEarnings: claim.amounts.earnings, claimMinutes: claim.minutes, others: others)
    }
}
