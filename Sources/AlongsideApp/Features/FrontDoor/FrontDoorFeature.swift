/// The public front door (issue 18): signed out, "/" introduces the partnership and leads to what it publishes. An
/// administrator sets the partnership's name and purpose here; the home feature shows the page.
enum FrontDoorFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [FrontDoorController(services: services)]
    }

    static let templates: [String] = [FrontDoorSettingsPage.template, FrontDoorPage.template]

    static let rules: [Rule] = [.manageFrontDoor]
}

/// Who sets the partnership's name and purpose on the public front door.
extension Rule {
    static let manageFrontDoor = Rule(
        "manageFrontDoor", permits: "Set the partnership's name and purpose, shown on the public front door",
        holders: Holders(roles: [.administrator]))
}
