import Foundation
import Hummingbird

/// The involvement hub, a person's own earnings by week, month and tax year (with a download), and their private
/// payment preferences.
struct EarningsController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var store: ClaimStore { ClaimStore(pool: services.pool, clock: services.clock) }
    var policies: PaymentPolicyStore { PaymentPolicyStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.involvement, .signedIn, hub)
        routes.get(.earnings, .signedIn, earnings)
        routes.get(.earningsCSV, .signedIn, earningsCSV)
        routes.get(.paymentPreferences, .signedIn, preferences)
        routes.post(.paymentPreferences, .signedIn, savePreferences)
    }

    @Sendable func hub(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let viewer = try await ClaimViewers(services: services).viewer(signedIn)
        let counts = Dictionary(grouping: try await store.claims(userID: signedIn.user.id), by: \.status).mapValues(
            \.count)
        let waiting = viewer.approves ? try await store.count(in: .submitted) : 0
        let toPay = viewer.pays ? try await store.count(in: .approved) : 0
        let appointments = try await InterestStore(pool: services.pool, clock: services.clock).appointments(
            userID: signedIn.user.id)
        let page = InvolvementPage(
            viewer: viewer, role: signedIn.user.role, counts: counts, waiting: waiting, toPay: toPay,
            appointments: appointments, today: today)
        return try await services.pages.render(page, request: request, context: context)
    }

    /// The earnings page's filter (a query string).
    enum TaxYearField: String, FormFieldName {
        case year
    }

    /// The person's claims in the tax year asked for (or the current one), with every year they have claims in.
    func taxYear(_ request: Request, userID: Int64) async throws -> (year: Int, years: [Int], claims: [Claim]) {
        let current = EarningsPeriods.taxYear(today) ?? 2026
        let all = try await store.claims(userID: userID)
        let years = Set(all.compactMap { EarningsPeriods.taxYear($0.activityOn) } + [current]).sorted(by: >)
        let asked = try request.queryForm.number(TaxYearField.year, in: 1000...9999) ?? current
        let year = years.contains(asked) ? asked : current
        // Oldest first, as the tables and the download read.
        let claims = all.filter { EarningsPeriods.taxYear($0.activityOn) == year }.sorted {
            ($0.activityOn, $0.id) < ($1.activityOn, $1.id)
        }
        return (year, years, claims)
    }

    @Sendable func earnings(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let (year, years, claims) = try await taxYear(request, userID: signedIn.user.id)
        let range = EarningsPeriods.taxYearRange(year)
        let preferences = try await policies.preferences(userID: signedIn.user.id)
        let limits = try await policies.limits().filter { $0.period == preferences.limitPeriod }
        let limit = EffectiveDated.inForce(limits, on: min(today, range.last), from: \.effectiveFrom)
        let page = EarningsPage(
            year: year, years: years, claims: claims, limit: limit, limitPeriod: preferences.limitPeriod)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func earningsCSV(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let (year, _, all) = try await taxYear(request, userID: signedIn.user.id)
        let claims = all.filter { $0.status != .draft }
        return .download(
            EarningsCSV.document(claims), contentType: "text/csv; charset=utf-8",
            fileName: "claims-\(year)-to-\(year + 1).csv")
    }

    @Sendable func preferences(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let form = PreferencesPage.formData(try await policies.preferences(userID: signedIn.user.id))
        let page = PreferencesPage(form: form, errors: FormErrors(), limits: try await policies.limits(), today: today)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func savePreferences(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        var errors = FormErrors()
        guard let preferences = PreferencesPage.parse(context.form, userID: signedIn.user.id, errors: &errors) else {
            let page = PreferencesPage(
                form: context.form, errors: errors, limits: try await policies.limits(), today: today)
            return try await services.pages.render(page, request: request, context: context)
        }
        try await policies.savePreferences(preferences, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "Your payment preferences are saved."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.involvement())
    }
}
