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
        "payments/claims/amounts", "payments/claims/duplicates",
    ]

    static let rules: [Rule] = [
        .managePaymentPolicy, .claimForAnyGroup, .approveClaims, .decideClaim, .recordPayments, .markClaimPaid,
        .readFinanceSummary, .editClaim, .deleteClaim,
    ]
}

/// Who may do what with claims (issue 5). Programme managers and administrators approve, as does anyone an
/// administrator names; administrators and named finance people record payments. Nobody approves their own claim,
/// and nobody but the owner changes one.
extension Rule {
    static let managePaymentPolicy = Rule(
        "managePaymentPolicy",
        permits: "Set the payment policy, the earnings limits and who approves claims or records payments",
        holders: Holders(roles: [.administrator]))
    /// Staff may claim for any group they can see; everyone else for the groups they belong to.
    static let claimForAnyGroup = Rule(
        "claimForAnyGroup", permits: "Claim for time at any group they can see, not only their own",
        holders: Holders(roles: [.administrator, .programmeManager, .allianceLead]))
    static let approveClaims = Rule(
        "approveClaims", permits: "See the claims waiting for approval",
        holders: Holders(roles: [.programmeManager, .administrator], duties: [.approveClaims]))
    static let decideClaim = Rule(
        "decideClaim", permits: "Approve or return a sent claim",
        holders: Holders(roles: [.programmeManager, .administrator], duties: [.approveClaims], neverOwn: true),
        record: "the claim")
    static let recordPayments = Rule(
        "recordPayments", permits: "See approved claims to pay and export them for finance",
        holders: Holders(roles: [.administrator], duties: [.recordPayments]))
    static let markClaimPaid = Rule(
        "markClaimPaid", permits: "Record that a claim was paid",
        holders: Holders(roles: [.administrator], duties: [.recordPayments], neverOwn: true, onlyWhile: "approved"),
        record: "the claim")
    static let readFinanceSummary = Rule(
        "readFinanceSummary", permits: "Read the monthly summary of approved and paid claims",
        holders: Holders(roles: [.programmeManager, .administrator], duties: [.approveClaims, .recordPayments]))
    static let editClaim = Rule(
        "editClaim", permits: "Change a claim",
        holders: Holders(owner: true, onlyWhile: "a draft, or returned for changes"),
        record: "the claim")
    static let deleteClaim = Rule(
        "deleteClaim", permits: "Delete a claim", holders: Holders(owner: true, onlyWhile: "a draft"),
        record: "the claim")
}
