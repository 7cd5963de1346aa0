import Hummingbird

/// An administrator sets the partnership's name and purpose, shown signed out at "/".
struct FrontDoorController: Controller {
    let services: AppServices

    var store: FrontDoorStore { FrontDoorStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.frontDoorSettings, .capability(.manageFrontDoor), show)
        routes.post(.frontDoorSettings, .capability(.manageFrontDoor), save)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        typealias F = FrontDoorForm.Field
        let settings = try await store.settings()
        let form = FormData([(F.name, settings.name), (F.purpose, settings.purpose)])
        return try await services.pages.render(FrontDoorSettingsPage(form: form), request: request, context: context)
    }

    @Sendable func save(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        var errors = FormErrors()
        guard let settings = FrontDoorForm.parse(context.form, errors: &errors) else {
            let page = FrontDoorSettingsPage(form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        try await store.set(settings, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "The public front door now introduces \(settings.name)."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.frontDoorSettings())
    }
}
