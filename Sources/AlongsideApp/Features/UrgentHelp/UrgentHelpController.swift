import Hummingbird

/// An administrator sets the partnership's crisis line, shown with the national lines on every public page.
struct UrgentHelpController: Controller {
    let services: AppServices

    var store: UrgentHelpStore { UrgentHelpStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.urgentHelpSettings, .capability(.manageUrgentHelp), show)
        routes.post(.urgentHelpSettings, .capability(.manageUrgentHelp), save)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        typealias F = UrgentHelpForm.LineField
        let line = try await store.crisisLine()
        let form = FormData([(F.name, line?.name ?? ""), (F.phone, line?.phone ?? ""), (F.hours, line?.hours ?? "")])
        return try await services.pages.render(UrgentHelpSettingsPage(form: form), request: request, context: context)
    }

    @Sendable func save(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        var errors = FormErrors()
        guard let line = UrgentHelpForm.parse(context.form, errors: &errors) else {
            let page = UrgentHelpSettingsPage(form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        try await store.setCrisisLine(line, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(
                message: line == nil
                    ? "Removed the local crisis line. Public pages show the national lines only."
                    : "Public pages now show \(line!.name) beside the national lines."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.urgentHelpSettings())
    }
}
