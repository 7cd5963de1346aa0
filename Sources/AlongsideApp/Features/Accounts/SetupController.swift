import Foundation
import GRDB
import Hummingbird

/// The first administrator's account, made through the one-time link `alongside serve` prints while
/// there are no accounts. The link stops working once used, after seven days, or once any account exists.
struct SetupController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.setup, show)
        routes.post(.setup, create)
    }

    func validLink(_ context: AppRequestContext) async throws -> AccountLinks.Valid {
        let token = context.parameters.get("token") ?? ""
        guard try await services.accounts.count() == 0,
            let link = try await services.links.find(token: token, purpose: .firstAdministrator)
        else { throw AppError.notFound }
        return link
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try await validLink(context)
        return try await services.pages.render(
            SetupPage(form: FormData(), errors: FormErrors(), action: request.uri.path), request: request,
            context: context)
    }

    /// The first administrator's form's fields.
    enum SetupField: String, FormFieldName {
        case name, email, password, confirmPassword = "confirm_password"
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        typealias F = SetupField
        let link = try await validLink(context)
        let form = context.form
        let name = form.trimmed(F.name), email = form.trimmed(F.email)
        var errors = FormErrors()
        if let problem = AccountRules.ownNameProblem(name) { errors.add(F.name, problem) }
        if let problem = AccountRules.emailProblem(email) { errors.add(F.email, problem) }
        AccountRules.newPasswordProblems(
            form, passwordField: F.password, confirmationField: F.confirmPassword, personal: [name, email],
            into: &errors)
        guard errors.isEmpty else {
            return try await services.pages.render(
                SetupPage(form: form, errors: errors, action: request.uri.path), request: request, context: context)
        }
        let hash = try await services.hasher.hash(form[F.password])
        let now = services.clock.now()
        let user = try await services.accounts.create(
            name: name, email: email, role: .administrator, passwordHash: hash, by: nil, requestID: context.requestID
        ) { db, _ in
            // Used in the same transaction, so two people opening the link at once cannot both succeed.
            guard try AccountLinks.use(id: link.id, now: now, in: db), try User.fetchCount(db) == 1 else {
                throw AppError.notFound
            }
        }
        try await SignInController.startSession(for: user.id!, name: user.name, services: services, context: context)
        try await services.sessions.setFlash(
            Flash(message: "Your administrator account is ready. You are signed in."),
            tokenHash: context.visit.session!.tokenHash)
        return .seeOther(Href.home())
    }
}

struct SetupPage: PageModel {
    static let template = "accounts/setup"
    static let hasForm = true
    let title = "Set up Alongside"
    let name: Field
    let email: Field
    let password: Field
    let confirmPassword: Field
    let passwordHint: String
    let errors: FormErrors
    let action: String

    init(form: FormData, errors: FormErrors, action: String) {
        typealias F = SetupController.SetupField
        name = Field(F.name, label: "Full name", form: form, autocomplete: "name", errors: errors)
        email = Field(
            F.email, label: "Email address", form: form, type: "email", hint: "You will use this to sign in.",
            autocomplete: "email", errors: errors)
        passwordHint =
            "Use \(PasswordRules.minimumLength) characters or more. A few words together are easy to remember and hard to guess."
        password = Field(
            F.password, label: "Create a password", value: "", type: "password", hint: passwordHint,
            autocomplete: "new-password", errors: errors)
        confirmPassword = Field(
            F.confirmPassword, label: "Enter the password again", value: "", type: "password",
            autocomplete: "new-password", errors: errors)
        self.errors = errors
        self.action = action
    }
}
