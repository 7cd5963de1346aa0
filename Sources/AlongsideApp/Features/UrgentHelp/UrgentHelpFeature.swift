/// Urgent help on every public page (issue 18): the national lines, and the partnership's own crisis line, which an
/// administrator sets here.
enum UrgentHelpFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [UrgentHelpController(services: services)]
    }

    static let templates: [String] = [UrgentHelpSettingsPage.template]

    static let rules: [Rule] = [.manageUrgentHelp]
}

/// Who sets the partnership's crisis line.
extension Rule {
    static let manageUrgentHelp = Rule(
        "manageUrgentHelp", permits: "Set the partnership's own crisis line, shown on every public page",
        holders: Holders(roles: [.administrator]))
}
