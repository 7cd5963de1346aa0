import Hummingbird
import Logging

/// Builds the application; the command line and the tests both come through here.
public func buildApplication(_ configuration: AppConfiguration, clock: AppClock = .system) async throws
    -> some ApplicationProtocol
{
    let services = try await AppServices.make(configuration, clock: clock)
    return buildApplication(services: services)
}

public func buildApplication(services: AppServices) -> some ApplicationProtocol {
    let router = buildRouter(services: services)
    let limits = services.configuration.effectiveConnectionLimits
    let counts = ConnectionCounts()
    return Application(
        router: router,
        server: .http1(
            configuration: .init(additionalChannelHandlers: [ConnectionGuardHandler(limits: limits, counts: counts)])),
        configuration: .init(
            address: .hostname(services.configuration.hostname, port: services.configuration.port),
            serverName: "Alongside"
        ),
        logger: services.configuration.logger
    )
}

/// Middleware order, outermost first:
/// request log → metrics → path guard → client address → security headers → error pages → static files → session → routes, each POST route checking its
/// CSRF token and body size before it reads the form (`RequestForm`).
/// Static files come before the session so they cost no database read.
func buildRouter(services: AppServices) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: MetricsMiddleware(metrics: .shared))
    router.add(middleware: PathGuardMiddleware())
    router.add(middleware: ClientAddressMiddleware(trustedProxies: Set(services.configuration.trustedProxies)))
    router.add(middleware: SecurityHeadersMiddleware(https: services.configuration.https))
    router.add(middleware: ErrorPagesMiddleware(pages: services.pages))
    router.add(
        middleware: FileMiddleware(
            services.configuration.publicDirectory,
            cacheControl: .init([(MediaType(type: .any), [.public, .maxAge(3600)])]),
            searchForIndexHtml: false
        ))
    router.add(
        middleware: SessionMiddleware(
            store: services.sessions, cookie: services.cookie, formCookie: services.formCookie))
    var routes = SiteRoutes(
        router: router,
        keeping: FormKeeping(store: KeptForms(), secure: services.configuration.https, clock: services.clock))
    for controller in controllers(services) {
        controller.addRoutes(to: &routes)
    }
    return router
}
