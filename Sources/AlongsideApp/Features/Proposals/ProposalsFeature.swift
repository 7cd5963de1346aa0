/// Online proposals between meetings, decided by the group's method and quorum.
enum ProposalsFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [ProposalsController(services: services)]
    }

    static let templates: [String] = [
        ProposalsPage.template, ProposalFormPage.template, ProposalPage.template,
    ]
}
