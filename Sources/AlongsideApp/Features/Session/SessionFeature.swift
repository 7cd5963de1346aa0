/// The idle-session warning and staying signed in.
enum SessionFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [SessionController(services: services)]
    }

    static let templates: [String] = [
        SessionExpiringPage.template
    ]
}
