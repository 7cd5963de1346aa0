import Foundation
import Hummingbird

/// Erasing a person (issue 21), for an administrator acting on a request: a page that says what will happen, and
/// asks for the person's name to be typed, so it is not done by mistake.
struct ErasureController: Controller {
    let services: AppServices

    enum EraseField: String, FormFieldName {
        case confirmName = "confirm_name"
    }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.eraseUser, .capability(.erasePeople)) { request, context, _ in
            let user = try await person(context)
            let page = ErasurePage(user: user, typed: "", errors: FormErrors())
            return try await services.pages.render(page, request: request, context: context)
        }
        routes.post(.eraseUser, .capability(.erasePeople)) { request, context, signedIn in
            let user = try await person(context)
            let id = user.id ?? 0
            let typed = context.form.trimmed(EraseField.confirmName)
            var errors = FormErrors()
            if id == signedIn.user.id {
                errors.add(EraseField.confirmName, "You cannot erase your own account: ask another administrator")
            } else if user.email == PersonErasure.erasedAddress(id) {
                errors.add(EraseField.confirmName, "This account was erased already")
            } else if typed != user.name {
                errors.add(
                    EraseField.confirmName, "Type the person's name exactly as shown, \(user.name), to erase them")
            }
            guard errors.isEmpty else {
                let page = ErasurePage(user: user, typed: typed, errors: errors)
                return try await services.pages.render(page, request: request, context: context)
            }
            try PersonErasure.erase(userID: id, by: signedIn.actor, now: services.clock.now(), pool: services.pool)
            services.auditRows.removeAll()
            try await services.sessions.setFlash(
                Flash(
                    message:
                        "The person's details were erased. The account now reads \"\(PersonErasure.pseudonym(id))\"."),
                tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.user(id))
        }
    }

    func person(_ context: AppRequestContext) async throws -> User {
        guard let id = context.parameters.get("id", as: Int64.self), let user = try await services.accounts.find(id: id)
        else { throw AppError.notFound }
        return user
    }
}

struct ErasurePage: PageModel {
    static let template = "accounts/erase"
    static let hasForm = true
    let title: String
    let name: String
    let userHref: String
    let action: String
    let field: Field
    let errors: FormErrors

    init(user: User, typed: String, errors: FormErrors) {
        let id = user.id ?? 0
        title = "Erase \(user.name)"
        name = user.name
        userHref = Href.user(id)
        action = Href.eraseUser(id)
        field = Field(
            ErasureController.EraseField.confirmName, label: "Type their name to confirm", value: typed,
            hint: "This cannot be undone.", errors: errors)
        self.errors = errors
    }
}
