/// A person's own account: their details and password.
enum AccountFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [AccountController(services: services), EmailPreferencesController(services: services)]
    }

    static let templates: [String] = [
        AccountPage.template, ChangePasswordPage.template, EmailPreferencesPage.template, UnsubscribePage.template,
    ]
}
