import Hummingbird

/// Shows administrators who may do what (`/admin/authorization`).
struct AuthorizationController: Controller {
    let services: AppServices
    /// The policy's table, in order.
    let rules: [Rule]

    func addRoutes(to routes: inout SiteRoutes) {
        // The book fills as the other controllers register; by the time anyone asks for the page it holds every route.
        let book = routes.book
        routes.get(.authorization, .capability(.viewAuthorization)) { request, context, _ in
            let page = AuthorizationPage(rules: rules, routes: book.entries)
            return try await services.pages.render(page, request: request, context: context)
        }
    }
}
