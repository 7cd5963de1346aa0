/// How far the partnership has come with the six first steps (issue 7; 003's check box).
enum FirstStepsFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [FirstStepsController(services: services)]
    }

    static let templates: [String] = [FirstStepsPage.template]
}
