import Foundation
import Hummingbird

/// A new person sets their own password through the one-time link an administrator gave them.
struct SetPasswordController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.setPassword, show)
        routes.post(.setPassword, update)
    }

    func linkAndUser(_ context: AppRequestContext) async throws -> (AccountLinks.Valid, User) {
        let token = context.parameters.get("token") ?? ""
        guard let link = try await services.links.find(token: token, purpose: .setPassword),
            let userID = link.userID, let user = try await services.accounts.find(id: userID)
        else { throw AppError.notFound }
        return (link, user)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, user) = try await linkAndUser(context)
        let page = SetPasswordPage(user: user, errors: FormErrors(), action: request.uri.path)
        return try await services.pages.render(page, request: request, context: context)
    }

    /// The set-a-password form's fields.
    enum SetPasswordField: String, FormFieldName {
        case password, confirmPassword = "confirm_password"
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        typealias F = SetPasswordField
        let (link, user) = try await linkAndUser(context)
        let form = context.form
        var errors = FormErrors()
        AccountRules.newPasswordProblems(
            form, passwordField: F.password, confirmationField: F.confirmPassword, personal: [user.name, user.email],
            into: &errors)
        guard errors.isEmpty, let userID = user.id else {
            let page = SetPasswordPage(user: user, errors: errors, action: request.uri.path)
            return try await services.pages.render(page, request: request, context: context)
        }
        let hash = try await services.hasher.hash(form[F.password])
        let now = services.clock.now()
        try await services.accounts.setPassword(
            userID: userID, hash: hash, by: AuditActor(userID: userID, label: user.name),
            summary: "\(user.name) set their password with a one-time link", keepSession: nil,
            requestID: context.requestID
        ) { db in
            // Used in the same transaction as the password change: a link works exactly once.
            guard try AccountLinks.use(id: link.id, now: now, in: db) else { throw AppError.notFound }
        }
        try await SignInController.startSession(for: userID, name: user.name, services: services, context: context)
        try await services.sessions.setFlash(
            Flash(message: "Your password is set and you are signed in."), tokenHash: context.visit.session!.tokenHash)
        return .seeOther(Href.home())
    }
}

struct SetPasswordPage: PageModel {
    static let template = "accounts/set-password"
    static let hasForm = true
    let title = "Create your password"
    let name: String
    let email: String
    let password: Field
    let confirmPassword: Field
    let errors: FormErrors
    let action: String

    init(user: User, errors: FormErrors, action: String) {
        name = user.name
        email = user.email
        let hint =
            "Use \(PasswordRules.minimumLength) characters or more. A few words together are easy to remember and hard to guess."
        typealias F = SetPasswordController.SetPasswordField
        password = Field(
            F.password, label: "Create a password", value: "", type: "password", hint: hint,
            autocomplete: "new-password", errors: errors)
        confirmPassword = Field(
            F.confirmPassword, label: "Enter the password again", value: "", type: "password",
            autocomplete: "new-password", errors: errors)
        self.errors = errors
        self.action = action
    }
}
