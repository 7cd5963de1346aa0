/// Accounts: the first administrator's setup link, one-time links to set a password, and managing people.
enum AccountsFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [
            SetupController(services: services), SetPasswordController(services: services),
            UsersController(services: services),
        ]
    }

    static let templates: [String] = [
        SetupPage.template, SetPasswordPage.template, UsersPage.template, NewUserPage.template, UserPage.template,
    ]
}
