/// Every template the app renders or includes; start-up fails if one is missing from `Views/`.
enum Templates {
    static let all = [
        "layout", "partials/field", "partials/radios", "partials/csrf",
        ErrorPage.template, AccessibilityPage.template, PrivacyPage.template, HomePage.template,
        SignInPage.template, SetupPage.template, SetPasswordPage.template,
        UsersPage.template, NewUserPage.template, UserPage.template,
        AccountPage.template, ChangePasswordPage.template, SessionExpiringPage.template, AuditPage.template, AuditRow.template,
    ]
}
