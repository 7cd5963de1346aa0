/// Signing in and out.
enum SignInFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [SignInController(services: services)]
    }

    static let templates: [String] = [
        SignInPage.template
    ]
}
