import Foundation
import Hummingbird

/// The payment policy, the earnings limits and who approves or pays claims (issue 5; 003 Appendix 1). Everyone
/// signed in reads the policy and the limits; administrators add versions and limits and name people for duties.
struct PaymentPolicyController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var store: PaymentPolicyStore { PaymentPolicyStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.paymentPolicy, .signedIn, show)
        routes.get(.newPaymentPolicy, .capability(.managePaymentPolicy), new)
        routes.post(.newPaymentPolicy, .capability(.managePaymentPolicy), create)
        routes.get(.earningsLimits, .signedIn, limits)
        routes.post(.earningsLimits, .capability(.managePaymentPolicy), addLimit)
        routes.get(.claimDuties, .capability(.managePaymentPolicy), duties)
        routes.post(.claimDuties, .capability(.managePaymentPolicy), grantDuty)
        routes.post(.removeClaimDuty, .capability(.managePaymentPolicy), removeDuty)
    }

    // MARK: The policy

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = PaymentPolicyPage(
            policies: try await store.policies(), today: today,
            canManage: Policy.allows(signedIn.user.role, .managePaymentPolicy))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func new(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let policies = try await store.policies()
        let current = EffectiveDated.inForce(policies, on: today, from: \.effectiveFrom) ?? policies.last
        let page = PolicyFormPage(form: PaymentPolicyForms.formData(from: current), errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    /// `step=check` shows the answers to check, `step=change` goes back to the form with them, and only
    /// `step=confirm` saves.
    @Sendable func create(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        typealias F = PaymentPolicyForms.PolicyField
        let form = context.form
        if form[F.step] == "change" {
            return try await services.pages.render(
                PolicyFormPage(form: form, errors: FormErrors()), request: request, context: context)
        }
        let existing = Set(try await store.policies().map(\.effectiveFrom))
        var errors = FormErrors()
        guard let input = PaymentPolicyForms.policy(form, today: today, existingDates: existing, errors: &errors) else {
            return try await services.pages.render(
                PolicyFormPage(form: form, errors: errors), request: request, context: context)
        }
        guard form[F.step] == "confirm" else {
            return try await services.pages.render(
                PolicyCheckPage(input: input, form: form), request: request, context: context)
        }
        let saved = try await store.addPolicy(input, by: signedIn.actor, requestID: context.requestID)
        let when = saved.effectiveFrom == today ? "from today" : "from \(LondonTime.day(saved.effectiveFrom))"
        try await services.sessions.setFlash(
            Flash(message: "The new version of the payment policy is saved. It applies \(when)."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.paymentPolicy())
    }

    // MARK: Earnings limits

    @Sendable func limits(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = EarningsLimitsPage(
            limits: try await store.limits(), today: today,
            canManage: Policy.allows(signedIn.user.role, .managePaymentPolicy))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func addLimit(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        var limits = try await store.limits()
        var errors = FormErrors()
        if let input = PaymentPolicyForms.limit(context.form, existing: limits, errors: &errors) {
            do {
                let saved = try await store.addLimit(input, by: signedIn.actor, requestID: context.requestID)
                try await services.sessions.setFlash(
                    Flash(
                        message:
                            "The \(saved.period.label.lowercased()) limit of \(Money.format(saved.amountPence)) from \(LondonTime.day(saved.effectiveFrom)) is saved."
                    ),
                    tokenHash: signedIn.session.tokenHash)
                return .seeOther(Href.earningsLimits() + "#\(saved.period.rawValue)-limits")
            } catch is PaymentPolicyStore.DuplicateLimit {
                // Another administrator added a limit starting that day a moment ago: the database refused this one.
                errors.add(
                    PaymentPolicyForms.LimitField.effectiveFrom,
                    PaymentPolicyForms.duplicateLimitMessage(input.period, from: input.effectiveFrom))
                limits = try await store.limits()
            }
        }
        let page = EarningsLimitsPage(limits: limits, today: today, canManage: true, form: context.form, errors: errors)
        return try await services.pages.render(page, request: request, context: context)
    }

    // MARK: Claim duties

    @Sendable func duties(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = ClaimDutiesPage(duties: try await store.duties(), people: try await services.accounts.all())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func grantDuty(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let duties = try await store.duties()
        let people = try await services.accounts.all()
        var errors = FormErrors()
        guard let chosen = PaymentPolicyForms.duty(context.form, people: people, named: duties, errors: &errors),
            let userID = chosen.user.id
        else {
            let page = ClaimDutiesPage(duties: duties, people: people, form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        try await store.grant(
            chosen.duty, to: userID, name: chosen.user.name, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "\(chosen.user.name) now \(chosen.duty.sentence)."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.claimDuties())
    }

    @Sendable func removeDuty(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        guard let duty = context.parameters.get("duty").flatMap(ClaimDuty.Duty.init(rawValue:)),
            let userID = context.parameters.get("userID", as: Int64.self),
            let person = try await services.accounts.find(id: userID),
            try await store.holds(duty, userID: userID)
        else { throw AppError.notFound }
        try await store.remove(duty, from: userID, name: person.name, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "\(person.name) no longer \(duty.sentence)."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.claimDuties())
    }
}
