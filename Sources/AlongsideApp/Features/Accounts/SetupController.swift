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

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let link = try await validLink(context)
        let form = context.form
        let name = form.trimmed("name"), email = form.trimmed("email")
        var errors = FormErrors()
        if let problem = AccountRules.ownNameProblem(name) { errors.add("name", problem) }
        if let problem = AccountRules.emailProblem(email) { errors.add("email", problem) }
        AccountRules.newPasswordProblems(
            password: form["password"], confirmation: form["confirm_password"], personal: [name, email], into: &errors
        )
        guard errors.isEmpty else {
            return try await services.pages.render(
                SetupPage(form: form, errors: errors, action: request.uri.path), request: request, context: context)
        }
        let hash = try await services.hasher.hash(form["password"])
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
        name = Field("name", label: "Full name", value: form["name"], autocomplete: "name", errors: errors)
        email = Field(
            "email", label: "Email address", value: form["email"], type: "email", hint: "You will use this to sign in.",
            autocomplete: "email", errors: errors)
        passwordHint =
            "Use \(PasswordRules.minimumLength) characters or more. A few words together are easy to remember and hard to guess."
        password = Field(
            "password", label: "Create a password", type: "password", hint: passwordHint, autocomplete: "new-password",
            errors: errors)
        confirmPassword = Field(
            "confirm_password", label: "Enter the password again", type: "password", autocomplete: "new-password",
            errors: errors)
        self.errors = errors
        self.action = action
    }
}
