/// The register of organisations and the workspace's list of communities.
enum OrganisationsFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [OrganisationsController(services: services), CommunitiesController(services: services)]
    }

    static let templates: [String] = [
        OrganisationsPage.template, OrganisationFormPage.template, OrganisationPage.template,
        CommunitiesPage.template, CommunityPage.template, "organisations/details",
    ]
}
