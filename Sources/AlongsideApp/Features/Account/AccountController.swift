import Foundation
import Hummingbird

/// The signed-in person's own account: details, changing their password, signing out everywhere.
struct AccountController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.account, .signedIn) { request, context, signedIn in
            try await services.pages.render(AccountPage(user: signedIn.user), request: request, context: context)
        }
        routes.get(.changePassword, .signedIn) { request, context, _ in
            try await services.pages.render(
                ChangePasswordPage(errors: FormErrors()), request: request, context: context)
        }
        routes.post(.changePassword, .signedIn, changePassword)
        routes.post(.signOutEverywhere, .signedIn, signOutEverywhere)
    }

    /// The change-password form's fields.
    enum ChangePasswordField: String, FormFieldName {
        case currentPassword = "current_password", password, confirmPassword = "confirm_password"
    }

    @Sendable func changePassword(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        typealias F = ChangePasswordField
        let form = context.form
        let me = signedIn.user
        var errors = FormErrors()
        let current = form[F.currentPassword]
        if current.isEmpty {
            errors.add(F.currentPassword, "Enter your current password")
        } else {
            let stored = try await services.accounts.find(id: me.id)?.passwordHash ?? SignInController.decoyHash
            if !(try await services.hasher.verify(current, against: stored)) {
                errors.add(F.currentPassword, "Your current password is not right. Check it and try again")
            }
        }
        AccountRules.newPasswordProblems(
            form, passwordField: F.password, confirmationField: F.confirmPassword, personal: [me.name, me.email],
            into: &errors)
        if errors.isEmpty, form[F.password] == current {
            errors.add(F.password, "Your new password must be different from your current one")
        }
        guard errors.isEmpty else {
            return try await services.pages.render(
                ChangePasswordPage(errors: errors), request: request, context: context)
        }
        let hash = try await services.hasher.hash(form[F.password])
        try await services.accounts.setPassword(
            userID: me.id, hash: hash, by: signedIn.actor, summary: "\(me.name) changed their password",
            keepSession: signedIn.session.tokenHash, requestID: context.requestID
        )
        try await services.sessions.setFlash(
            Flash(message: "Your password has been changed. You have been signed out on your other devices."),
            tokenHash: signedIn.session.tokenHash
        )
        return .seeOther(Href.account())
    }

    @Sendable func signOutEverywhere(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        try await services.accounts.signOutEverywhere(
            userID: signedIn.user.id, by: signedIn.actor, requestID: context.requestID)
        context.visit.ended()
        return .seeOther(Href.signIn(query: ["signed-out": "all"]))
    }
}

struct AccountPage: PageModel {
    static let template = "account/show"
    let title = "Your account"
    let name: String
    let email: String
    let roleLabel: String
    let changePasswordHref = Href.changePassword()
    let emailPreferencesHref = Href.emailPreferences()
    let personalDataHref = Href.personalData()
    let signOutEverywhereHref = Href.signOutEverywhere()
    let calendarSettingsHref = Href.calendarSettings()

    init(user: SessionUser) {
        name = user.name
        email = user.email
        roleLabel = user.role.label
    }
}

struct ChangePasswordPage: PageModel {
    static let template = "account/password"
    let title = "Change your password"
    let currentPassword: Field
    let password: Field
    let confirmPassword: Field
    let errors: FormErrors
    let action = Href.changePassword()
    let cancelHref = Href.account()

    init(errors: FormErrors) {
        typealias F = AccountController.ChangePasswordField
        currentPassword = Field(
            F.currentPassword, label: "Current password", value: "", type: "password",
            autocomplete: "current-password", errors: errors)
        let hint =
            "Use \(PasswordRules.minimumLength) characters or more. A few words together are easy to remember and hard to guess."
        password = Field(
            F.password, label: "New password", value: "", type: "password", hint: hint, autocomplete: "new-password",
            errors: errors)
        confirmPassword = Field(
            F.confirmPassword, label: "Enter the new password again", value: "", type: "password",
            autocomplete: "new-password", errors: errors)
        self.errors = errors
    }
}
