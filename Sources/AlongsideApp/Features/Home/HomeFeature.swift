/// Each person's home page.
enum HomeFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [HomeController(services: services)]
    }

    static let templates: [String] = [
        HomePage.template
    ]
}
