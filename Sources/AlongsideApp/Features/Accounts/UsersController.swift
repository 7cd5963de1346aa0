import Foundation
import GRDB
import Hummingbird

/// Administrators create accounts, hand out one-time links, and deactivate or reactivate accounts.
struct UsersController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.users, .capability(.manageAccounts), index)
        routes.get(.newUser, .capability(.manageAccounts)) { request, context, _ in
            try await services.pages.render(
                NewUserPage(form: FormData(), errors: FormErrors()), request: request, context: context)
        }
        routes.post(.users, .capability(.manageAccounts), create)
        routes.get(.user, .capability(.manageAccounts), show)
        routes.post(.newUserLink, .capability(.manageAccounts), newLink)
        routes.post(.deactivateUser, .capability(.changeAccountStatus)) { request, context, signedIn in
            try await setActive(false, context: context, signedIn: signedIn)
        }
        routes.post(.reactivateUser, .capability(.changeAccountStatus)) { request, context, signedIn in
            try await setActive(true, context: context, signedIn: signedIn)
        }
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let users = try await services.accounts.all()
        return try await services.pages.render(UsersPage(users: users), request: request, context: context)
    }

    /// The new account form's fields.
    enum NewUserField: String, FormFieldName {
        case name, email, role
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        typealias F = NewUserField
        let form = context.form
        let name = form.trimmed(F.name), email = form.trimmed(F.email)
        var errors = FormErrors()
        if let problem = AccountRules.nameProblem(name) { errors.add(F.name, problem) }
        if let problem = AccountRules.emailProblem(email) { errors.add(F.email, problem) }
        if let problem = AccountRules.roleProblem(form[F.role]) { errors.add(F.role, problem) }
        guard errors.isEmpty, let role = Role(rawValue: form[F.role]) else {
            return try await services.pages.render(
                NewUserPage(form: form, errors: errors), request: request, context: context)
        }
        let now = services.clock.now()
        let token = TokenBox()
        let user: User
        do {
            user = try await services.accounts.create(
                name: name, email: email, role: role, passwordHash: nil, by: signedIn.actor,
                requestID: context.requestID
            ) { db, user in
                token.value = try AccountLinks.create(purpose: .setPassword, userID: user.id, now: now, in: db)
                // The link goes to the person in the same transaction (issue 20): no account without its message.
                try Outbox.enqueue(
                    AccountMail.invitation(
                        name: name, email: email, userID: user.id,
                        link: services.absoluteURL(Href.setPassword(token.value)), isNew: true),
                    host: services.mailHost, now: now, in: db)
            }
        } catch AccountStore.Failure.emailTaken {
            errors.add(F.email, "There is already an account with this email address")
            return try await services.pages.render(
                NewUserPage(form: form, errors: errors), request: request, context: context)
        }
        let link = services.absoluteURL(Href.setPassword(token.value))
        try await services.sessions.setFlash(
            Flash(
                message:
                    "Account created for \(user.name). A message with this link is on its way to them (see the outbox); you can also give it to them yourself. It works once, for 7 days.",
                link: link),
            tokenHash: signedIn.session.tokenHash
        )
        return .seeOther(Href.user(user.id!))
    }

    func loadUser(_ context: AppRequestContext) async throws -> User {
        guard let id = context.parameters.get("id", as: Int64.self), let user = try await services.accounts.find(id: id)
        else {
            throw AppError.notFound
        }
        return user
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let user = try await loadUser(context)
        let pending = try await services.pool.read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM account_links WHERE user_id = ? AND used_at IS NULL AND expires_at > ?)
                    """, arguments: [user.id, services.clock.now()]) ?? false
        }
        let page = UserPage(user: user, viewer: signedIn.user, hasPendingLink: pending)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func newLink(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let user = try await loadUser(context)
        guard user.isActive, let userID = user.id else { throw AppError.notFound }
        let now = services.clock.now()
        let token = try await services.pool.writeAudited(by: signedIn.actor, at: now, requestID: context.requestID) {
            db, audit in
            let token = try AccountLinks.create(purpose: .setPassword, userID: userID, now: now, in: db)
            try Outbox.enqueue(
                AccountMail.invitation(
                    name: user.name, email: user.email, userID: userID,
                    link: services.absoluteURL(Href.setPassword(token)), isNew: false),
                host: services.mailHost, now: now, in: db)
            let change = AuditChange<[String: String]>(
                action: "link created", recordKind: "account", recordID: String(userID),
                summary: "Made a new one-time link for \(user.name) to set their password", before: nil, after: nil
            )
            try audit.record(change)
            return token
        }
        let link = services.absoluteURL(Href.setPassword(token))
        try await services.sessions.setFlash(
            Flash(
                message:
                    "New link made for \(user.name) and sent to them (see the outbox). Any earlier link no longer works. This one works once, for 7 days.",
                link: link),
            tokenHash: signedIn.session.tokenHash
        )
        return .seeOther(Href.user(userID))
    }

    func setActive(_ active: Bool, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let user = try await loadUser(context)
        guard let userID = user.id else { throw AppError.notFound }
        try Policy.require(
            .changeAccountStatus, Standing(role: signedIn.user.role, isOwner: userID == signedIn.user.id))
        let updated = try await services.accounts.setActive(
            active, userID: userID, by: signedIn.actor, requestID: context.requestID)
        let message =
            active
            ? "\(updated.name)'s account is active again. Make a new link if they need to set a password."
            : "\(updated.name)'s account is deactivated. They have been signed out everywhere."
        try await services.sessions.setFlash(Flash(message: message), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.user(userID))
    }
}

/// Carries the new token out of the write transaction.
private final class TokenBox: @unchecked Sendable {
    var value = ""
}
