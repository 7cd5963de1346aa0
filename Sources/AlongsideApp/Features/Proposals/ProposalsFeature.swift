/// Online proposals between meetings, decided by the group's method and quorum.
enum ProposalsFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [ProposalsController(services: services)]
    }

    static let templates: [String] = [
        ProposalsPage.template, ProposalFormPage.template, ProposalPage.template,
    ]

    static let rules: [Rule] = [.runProposals, .respondToProposals]
}

extension Rule {
    /// The people who record decisions open, close and withdraw proposals.
    static let runProposals = Rule(
        "runProposals", permits: "Open, close and withdraw a group's proposals",
        holders: .groupOfficers, record: "the group")
    /// Members with a say respond; observers watch.
    static let respondToProposals = Rule(
        "respondToProposals", permits: "Respond to a group's open proposal",
        holders: Holders(seats: [.chair, .coChair, .member, .secretary]), record: "the group")
}
