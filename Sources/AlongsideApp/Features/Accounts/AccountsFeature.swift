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

    static let rules: [Rule] = [.changeAccountStatus]
}

extension Rule {
    /// Deactivating yourself could leave nobody able to manage accounts.
    static let changeAccountStatus = Rule(
        "changeAccountStatus", permits: "Deactivate or reactivate someone's account",
        holders: Holders(roles: [.administrator], neverOwn: true), record: "the account")
}
