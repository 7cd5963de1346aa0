import Foundation
import Hummingbird
import Logging

/// Signing in and out.
struct SignInController: Controller {
    let services: AppServices

    /// A hash to verify against when no account matches, so a wrong email takes as long as a wrong password.
    static let decoyHash =
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$h0fRGrx4ENRkFlJq7Gf8Wg2bHqwlZ2j04BvYtjZ0PjM"

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.signIn, show)
        routes.post(.signIn, create)
        routes.post(.signOut, .signedIn, signOut)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.visit.user != nil {
            return .seeOther(nextPath(request.uri.queryParameters["next"].map(String.init)))
        }
        let query = request.uri.queryParameters
        var notice: String?
        if query["expired"] != nil || context.visit.sessionExpired {
            notice = "You were signed out because you had not done anything for a while. Sign in again to carry on."
        } else if query["signed-out"] == "all" {
            notice = "You have signed out of Alongside on all your devices."
        } else if query["signed-out"] != nil {
            notice = "You have signed out."
        } else if query["password-set"] != nil {
            notice = "Your password has been set. Sign in with it."
        }
        let page = SignInPage(email: "", next: query["next"].map(String.init), notice: notice, errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    /// The sign-in form's fields; where to go next is `ReturnPathField`.
    enum SignInField: String, FormFieldName {
        case email, password
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        typealias F = SignInField
        let form = context.form
        let email = form.trimmed(F.email)
        let password = form[F.password]
        let next = form[ReturnPathField.next]
        let address = context.remoteAddress
        var errors = FormErrors()
        if email.isEmpty { errors.add(F.email, "Enter your email address") }
        if password.isEmpty { errors.add(F.password, "Enter your password") }
        guard errors.isEmpty else {
            return try await fail(errors, email: email, next: next, request: request, context: context)
        }
        let now = services.clock.now()
        if let until = try await services.throttle.lockedUntil(email: email, address: address, now: now) {
            context.logger.warning("sign-in refused: too many attempts", metadata: ["address": "\(address)"])
            AppMetrics.shared.signInRefused(reason: "too_many_attempts")
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            errors.add(
                F.email,
                "There have been too many attempts to sign in to this account from here. Wait \(minutes) minute\(minutes == 1 ? "" : "s"), then try again"
            )
            return try await fail(errors, email: email, next: next, request: request, context: context)
        }
        let user = try await services.accounts.find(email: email)
        let hash = (user?.isActive == true ? user?.passwordHash : nil) ?? Self.decoyHash
        let matches = try await services.hasher.verify(password, against: hash)
        guard let user, let userID = user.id, user.isActive, user.passwordHash != nil, matches else {
            try await services.throttle.recordFailure(email: email, address: address, now: now)
            context.logger.notice("sign-in failed", metadata: ["address": "\(address)"])
            AppMetrics.shared.signInRefused(reason: "wrong_details")
            errors.add(F.email, "Enter a correct email address and password")
            return try await fail(errors, email: email, next: next, request: request, context: context)
        }
        try await services.throttle.recordSuccess(email: email, address: address, now: now)
        if services.hasher.needsRehash(hash) {
            try await services.accounts.upgradeHash(userID: userID, hash: try await services.hasher.hash(password))
        }
        try await SignInController.startSession(for: userID, name: user.name, services: services, context: context)
        context.logger.info("signed in", metadata: ["user": "\(userID)"])
        return .seeOther(nextPath(next))
    }

    /// Replaces whatever session the visitor had with a new signed-in one (a new id at every sign-in),
    /// and records the sign-in in the audit log.
    static func startSession(for userID: Int64, name: String, services: AppServices, context: AppRequestContext)
        async throws
    {
        let started = try await services.sessions.start(userID: userID, replacing: context.visit.session?.tokenHash)
        context.visit.started(started.session, token: started.token)
        try await services.accounts.recordSession(.signedIn, userID: userID, name: name, requestID: context.requestID)
    }

    func fail(_ errors: FormErrors, email: String, next: String, request: Request, context: AppRequestContext)
        async throws -> Response
    {
        let page = SignInPage(email: email, next: next.isEmpty ? nil : next, notice: nil, errors: errors)
        return try await services.pages.render(page, request: request, context: context)
    }

    func nextPath(_ next: String?) -> String {
        next.flatMap(SignInReturn.safeLocalPath) ?? Href.home()
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        try await services.sessions.end(tokenHash: signedIn.session.tokenHash)
        context.visit.ended()
        try await services.accounts.recordSession(
            .signedOut, userID: signedIn.user.id, name: signedIn.user.name, requestID: context.requestID)
        context.logger.info("signed out", metadata: ["user": "\(signedIn.user.id)"])
        return .seeOther(Href.signIn(query: ["signed-out": 1]))
    }
}

struct SignInPage: PageModel {
    static let template = "sign-in/form"
    static let hasForm = true
    let title = "Sign in"
    let email: Field
    let password: Field
    let next: String?
    let notice: String?
    let errors: FormErrors
    let action = Href.signIn()

    init(email: String, next: String?, notice: String?, errors: FormErrors) {
        typealias F = SignInController.SignInField
        self.email = Field(
            F.email, label: "Email address", value: email, type: "email", autocomplete: "username", errors: errors)
        self.password = Field(
            F.password, label: "Password", value: "", type: "password", autocomplete: "current-password",
            errors: errors)
        self.next = next.flatMap(SignInReturn.safeLocalPath)
        self.notice = notice
        self.errors = errors
    }
}
