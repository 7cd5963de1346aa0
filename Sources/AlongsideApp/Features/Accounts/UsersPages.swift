import Foundation

struct UsersPage: PageModel {
    static let template = "accounts/index"
    let title = "People"
    let newUserHref = Href.newUser()
    let rows: [Row]

    struct Row: Encodable, Sendable {
        let name: String
        let href: String
        let email: String
        let roleLabel: String
        let status: String
        let isActive: Bool
    }

    init(users: [User]) {
        rows = users.map { user in
            Row(
                name: user.name, href: Href.user(user.id ?? 0), email: user.email, roleLabel: user.role.label,
                status: !user.isActive
                    ? "Deactivated" : (user.passwordHash == nil ? "Waiting to set a password" : "Active"),
                isActive: user.isActive
            )
        }
    }
}

struct NewUserPage: PageModel {
    static let template = "accounts/new"
    let title = "Create an account"
    let name: Field
    let email: Field
    let role: ChoiceField
    let errors: FormErrors
    let action = Href.users()
    let cancelHref = Href.users()

    init(form: FormData, errors: FormErrors) {
        typealias F = UsersController.NewUserField
        name = Field(F.name, label: "Full name", form: form, errors: errors)
        email = Field(
            F.email, label: "Email address", form: form, type: "email", hint: "They will use this to sign in.",
            errors: errors)
        role = ChoiceField(
            radios: F.role, legend: "Role", options: Role.allCases.map { ($0.rawValue, $0.label) }, form: form,
            errors: errors)
        self.errors = errors
    }
}

struct UserPage: PageModel {
    static let template = "accounts/show"
    let title: String
    let name: String
    let email: String
    let roleLabel: String
    let status: String
    let isActive: Bool
    let hasPassword: Bool
    let hasPendingLink: Bool
    let isYou: Bool
    let createdOn: String
    let newLinkAction: String
    let deactivateAction: String
    let reactivateAction: String
    let usersHref = Href.users()
    let auditHref: String
    let personalDataHref: String
    let eraseHref: String

    init(user: User, viewer: SessionUser, hasPendingLink: Bool) {
        let id = user.id ?? 0
        title = user.name
        name = user.name
        email = user.email
        roleLabel = user.role.label
        isActive = user.isActive
        hasPassword = user.passwordHash != nil
        status = !user.isActive ? "Deactivated" : (user.passwordHash == nil ? "Waiting to set a password" : "Active")
        self.hasPendingLink = hasPendingLink
        isYou = id == viewer.id
        createdOn = LondonTime.date(user.createdAt)
        newLinkAction = Href.newUserLink(id)
        deactivateAction = Href.deactivateUser(id)
        reactivateAction = Href.reactivateUser(id)
        auditHref = Href.auditLog(query: ["person": id])
        personalDataHref = Href.userPersonalData(id)
        eraseHref = Href.eraseUser(id)
    }
}
