/// Terms of reference per group, versioned (003 step 1).
enum TermsOfReferenceFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [TermsController(services: services)]
    }

    static let templates: [String] = [
        TermsIndexPage.template, TermsVersionPage.template, TermsFormPage.template, TermsComparePage.template,
    ]
}
