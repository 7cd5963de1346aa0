import Hummingbird

/// The signed-in home page: who you are and where you can go.
struct HomeController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.home, .signedIn) { request, context, signedIn in
            try await services.pages.render(HomePage(user: signedIn.user), request: request, context: context)
        }
    }
}

struct HomePage: PageModel {
    static let template = "home/index"
    let title = "Home"
    let name: String
    let roleLabel: String
    let links: [HomeLink]

    struct HomeLink: Encodable, Sendable {
        let label: String
        let href: String
        let description: String
    }

    init(user: SessionUser) {
        name = user.name
        roleLabel = user.role.label
        var links: [HomeLink] = [
            HomeLink(label: "Groups", href: Route.groups.href, description: "Your leaders group, working groups and alliance: who is at the table and what is missing."),
        ]
        if Permissions.allows(user.role, .manageAccounts) {
            links.append(HomeLink(label: "People", href: Route.users.href, description: "Create accounts, give people their sign-in links, and deactivate accounts."))
        }
        if Permissions.allows(user.role, .viewAuditLog) {
            links.append(HomeLink(label: "Audit log", href: Route.auditLog.href, description: "See every change made, by whom and when."))
        }
        links.append(HomeLink(label: "Your account", href: Route.account.href, description: "Change your password, or sign out of all your devices."))
        self.links = links
    }
}
