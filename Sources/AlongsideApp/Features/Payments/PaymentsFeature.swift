/// Paying experts by experience: claims, approvals, finance, earnings and the payment policy (003 Appendix 1).
enum PaymentsFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [
            EarningsController(services: services), ClaimsController(services: services),
            ClaimDecisionsController(services: services), PaymentPolicyController(services: services),
        ]
    }

    static let templates: [String] = [
        InvolvementPage.template, ClaimsPage.template, ClaimFormPage.template, ClaimCheckPage.template,
        ClaimPage.template, ApprovalsPage.template, FinancePage.template, FinanceSummaryPage.template,
        EarningsPage.template, PreferencesPage.template, PaymentPolicyPage.template, PolicyFormPage.template,
        EarningsLimitsPage.template, ClaimDutiesPage.template, "payments/claims/warning",
        "payments/claims/amounts",
    ]
}
