/// The pages about the service itself: accessibility and privacy statements, and the health check.
enum PagesFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [PagesController(services: services)]
    }

    static let templates: [String] = [
        AccessibilityPage.template, PrivacyPage.template,
    ]
}
