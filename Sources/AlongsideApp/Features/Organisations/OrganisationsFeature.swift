/// The register of organisations and the workspace's list of communities.
enum OrganisationsFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [OrganisationsController(services: services), CommunitiesController(services: services)]
    }

    static let templates: [String] = [
        OrganisationsPage.template, OrganisationFormPage.template, OrganisationPage.template,
        CommunitiesPage.template, CommunityPage.template, "organisations/details",
    ]

    static let rules: [Rule] = [.manageOrganisations]
}

extension Rule {
    /// Issue 6.
    static let manageOrganisations = Rule(
        "manageOrganisations", permits: "Keep the register of organisations and the list of communities",
        holders: Holders(roles: [.administrator, .programmeManager, .allianceLead]))
}
