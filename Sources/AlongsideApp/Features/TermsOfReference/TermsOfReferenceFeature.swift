/// Terms of reference per group, versioned (003 step 1).
enum TermsOfReferenceFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [TermsController(services: services)]
    }

    static let templates: [String] = [
        TermsIndexPage.template, TermsVersionPage.template, TermsFormPage.template, TermsComparePage.template,
    ]

    static let rules: [Rule] = [.draftTerms]
}

extension Rule {
    /// The staff who manage a group draft its terms; the group adopts them by a recorded decision.
    static let draftTerms = Rule(
        "draftTerms", permits: "Draft, propose and publish a group's terms of reference",
        holders: .groupManagers, record: "the group")
}
