/// The VCSE alliance: membership, the accountable body and funding (003 step 4).
enum AllianceFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [
            AllianceController(services: services), MembershipController(services: services),
            AccountableBodyController(services: services), FundingController(services: services),
        ]
    }

    static let templates: [String] = [
        AllianceHubPage.template, AlliancePage.template, AllianceSettingsPage.template,
        PublishedAlliancePage.template, NewAllianceMemberPage.template, AllianceMemberPage.template,
        EditAllianceMemberPage.template, AccountableBodyPage.template, FundingPage.template,
        ReceivedFormPage.template, AllocationFormPage.template,
        FundingWithdrawPage.template, "alliance/details-fields", "alliance/funding/totals",
    ]

    static let rules: [Rule] = [.manageAlliance]
}

extension Rule {
    /// Alliance leads, programme managers and administrators run the alliance (003 step 4).
    static let manageAlliance = Rule(
        "manageAlliance", permits: "Manage the VCSE alliance: member organisations, funding and the accountable body",
        holders: .groupManagers, record: "the alliance")
}
