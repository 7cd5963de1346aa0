import Foundation
import Hummingbird

/// Approving or returning sent claims, and finance recording payments, with the export and the monthly summary.
/// Approvers: programme managers, administrators and named approvers. Finance: administrators and named people.
struct ClaimDecisionsController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var store: ClaimStore { ClaimStore(pool: services.pool, clock: services.clock, notifier: services.notifier) }
    var viewers: ClaimViewers { ClaimViewers(services: services) }

    /// The field of the form that returns a claim to its owner.
    enum ReturnField: String, FormFieldName {
        case reason
    }

    /// The fields of the form that records a claim as paid.
    enum PaymentField: String, FormFieldName {
        case paidOn = "paid_on", reference
    }

    /// The monthly summary's filter (a query string).
    enum SummaryFilterField: String, FormFieldName {
        case month
    }

    func addRoutes(to routes: inout SiteRoutes) {
        // Named duties are loaded by the handler, so each rule is checked there (`.loaded`).
        routes.get(.claimApprovals, .loaded(.approveClaims), approvals)
        routes.post(.approveClaim, .loaded(.decideClaim), approve)
        routes.post(.returnClaim, .loaded(.decideClaim), returnClaim)
        routes.post(.payClaim, .loaded(.markClaimPaid), pay)
        routes.get(.financeClaims, .loaded(.recordPayments), finance)
        routes.get(.financeCSV, .loaded(.recordPayments), financeCSV)
        routes.get(.financeSummary, .loaded(.readFinanceSummary), summary)
    }

    @Sendable func approvals(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let viewer = try await viewers.viewer(signedIn)
        try Policy.require(.approveClaims, viewer.standing)
        var rows: [(claim: Claim, overLimit: Bool)] = []
        for claim in try await store.claims(in: [.submitted]) {
            rows.append((claim, try await viewers.warning(for: claim) != nil))
        }
        return try await services.pages.render(
            ApprovalsPage(claims: rows, me: signedIn.user.id), request: request, context: context)
    }

    @Sendable func approve(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let (claim, viewer) = try await decidable(context, signedIn)
        guard claim.status == .submitted else { return try await conflict(claim.id, viewer, request, context) }
        do {
            let approved = try await store.approve(
                claim.id, version: context.form.expectedVersion, by: signedIn.actor, requestID: context.requestID)
            try await services.sessions.setFlash(
                Flash(message: "You approved \(approved.personName)'s claim for \(approved.activity)."),
                tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.claimApprovals())
        } catch is ClaimStore.Conflict {
            return try await conflict(claim.id, viewer, request, context)
        }
    }

    @Sendable func returnClaim(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let (claim, viewer) = try await decidable(context, signedIn)
        guard claim.status == .submitted else { return try await conflict(claim.id, viewer, request, context) }
        typealias F = ReturnField
        let reason = context.form.trimmed(F.reason)
        var errors = FormErrors()
        if reason.isEmpty {
            errors.add(F.reason, "Say why you are returning the claim, so \(claim.personName) knows what to change")
        } else if reason.count > 1000 {
            errors.add(F.reason, "The reason must be 1,000 characters or fewer")
        }
        guard errors.isEmpty else {
            return try await claimPage(claim, viewer, form: context.form, errors: errors, request, context)
        }
        do {
            _ = try await store.returnClaim(
                claim.id, version: context.form.expectedVersion, reason: reason, by: signedIn.actor,
                requestID: context.requestID)
            try await services.sessions.setFlash(
                Flash(message: "You returned \(claim.personName)'s claim with your reason."),
                tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.claimApprovals())
        } catch is ClaimStore.Conflict {
            return try await conflict(claim.id, viewer, request, context)
        }
    }

    @Sendable func pay(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let viewer = try await viewers.viewer(signedIn)
        let claim = try await ClaimsController(services: services).visibleClaim(context, viewer)
        if claim.status == .paid, viewer.pays { return try await conflict(claim.id, viewer, request, context) }
        try Policy.require(.markClaimPaid, viewer.standing(claim), state: claim.status == .approved)
        let form = context.form
        var errors = FormErrors()
        typealias F = PaymentField
        let paidOn = form.trimmed(F.paidOn)
        let approvedOn = claim.decidedAt.map(LondonTime.isoDay) ?? claim.activityOn
        if paidOn.isEmpty {
            errors.add(F.paidOn, "Enter the date it was paid")
        } else if LondonTime.startOfDay(paidOn) == nil {
            errors.add(F.paidOn, "Enter a real date, for example 3 March 2026")
        } else if paidOn > today {
            errors.add(F.paidOn, "The date paid must be today or in the past")
        } else if paidOn < approvedOn {
            errors.add(
                F.paidOn, "The date paid must be on or after the day it was approved, \(LondonTime.day(approvedOn))")
        }
        let reference = form.trimmed(F.reference)
        if reference.isEmpty {
            errors.add(F.reference, "Enter the payment reference from the finance system")
        } else if reference.count > 60 {
            errors.add(F.reference, "The reference must be 60 characters or fewer")
        }
        guard errors.isEmpty else {
            return try await claimPage(claim, viewer, form: form, errors: errors, request, context)
        }
        do {
            _ = try await store.markPaid(
                claim.id, version: form.expectedVersion, on: paidOn, reference: reference, by: signedIn.actor,
                requestID: context.requestID)
            try await services.sessions.setFlash(
                Flash(message: "Recorded \(claim.personName)'s claim as paid."), tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.financeClaims())
        } catch is ClaimStore.Conflict {
            return try await conflict(claim.id, viewer, request, context)
        }
    }

    @Sendable func finance(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        try Policy.require(.recordPayments, try await viewers.viewer(signedIn).standing)
        let approved = try await store.claims(in: [.approved])
        let paid = try await store.claims(in: [.paid]).sorted { ($0.paidOn ?? "", $0.id) > ($1.paidOn ?? "", $1.id) }
            .prefix(20)
        return try await services.pages.render(
            FinancePage(approved: approved, recentlyPaid: Array(paid)), request: request, context: context)
    }

    @Sendable func financeCSV(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        try Policy.require(.recordPayments, try await viewers.viewer(signedIn).standing)
        let approved = try await store.claims(in: [.approved])
        return .download(
            FinanceCSV.document(approved), contentType: "text/csv; charset=utf-8",
            fileName: "claims-to-pay-\(today).csv")
    }

    @Sendable func summary(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let viewer = try await viewers.viewer(signedIn)
        try Policy.require(.readFinanceSummary, viewer.standing)
        let thisMonth = String(today.prefix(7))
        let months = (0..<24).compactMap {
            LondonTime.addingMonths(-$0, to: thisMonth + "-01").map { String($0.prefix(7)) }
        }
        let asked = request.queryForm[SummaryFilterField.month]
        let month = months.contains(asked) ? asked : thisMonth
        guard let range = EarningsPeriods.monthRange(month) else { throw AppError.badRequest }
        let claims = try await store.claims(in: [.approved, .paid], from: range.first, to: range.last)
        return try await services.pages.render(
            FinanceSummaryPage(month: month, months: months, claims: claims), request: request, context: context)
    }

    // MARK: Helpers

    /// A claim this person may approve or return: 404 if they may not see it, 403 if it is their own or not theirs to decide.
    func decidable(_ context: AppRequestContext, _ signedIn: SignedIn) async throws -> (Claim, ClaimAccess.Viewer) {
        let viewer = try await viewers.viewer(signedIn)
        try Policy.require(.approveClaims, viewer.standing)
        let claim = try await ClaimsController(services: services).visibleClaim(context, viewer)
        try Policy.require(.decideClaim, viewer.standing(claim))
        return (claim, viewer)
    }

    /// Someone else acted first: show the claim as it is now, with 409.
    func conflict(_ id: Int64, _ viewer: ClaimAccess.Viewer, _ request: Request, _ context: AppRequestContext)
        async throws -> Response
    {
        guard let current = try await store.claim(id: id) else { throw AppError.notFound }
        let notice =
            "Someone else dealt with this claim first: it is now \(current.status.label.lowercased()). Nothing was changed."
        var response = try await claimPage(
            current, viewer, form: FormData(), errors: FormErrors(), notice: notice, request, context)
        response.status = .conflict
        return response
    }

    func claimPage(
        _ claim: Claim, _ viewer: ClaimAccess.Viewer, form: FormData, errors: FormErrors, notice: String? = nil,
        _ request: Request,
        _ context: AppRequestContext
    ) async throws -> Response {
        let page = ClaimPage(
            claim: claim, events: try await store.events(claimID: claim.id), viewer: viewer,
            warning: try await viewers.warning(for: claim),
            duplicates: try await store.possibleDuplicates(of: claim), form: form, errors: errors, notice: notice,
            today: today)
        return try await services.pages.render(page, request: request, context: context)
    }
}
