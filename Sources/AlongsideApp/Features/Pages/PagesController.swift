import Foundation
import GRDB
import Hummingbird

/// Pages anyone can read, the health check, and the metrics a monitoring system reads.
struct PagesController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.accessibility) { request, context in
            try await services.pages.render(AccessibilityPage(), request: request, context: context)
        }
        routes.get(.privacy) { request, context in
            try await services.pages.render(PrivacyPage(), request: request, context: context)
        }
        routes.get(.health, health)
        routes.get(.metrics, metrics)
    }

    /// Prometheus's text format, for this machine (a scraper beside the server, or through the proxy on loopback only
    /// if the proxy is told not to pass `/metrics` on) or for a scraper holding `ALONGSIDE_METRICS_TOKEN`. Anyone else
    /// is told there is no such page.
    @Sendable func metrics(_ request: Request, context: AppRequestContext) async throws -> Response {
        let fromThisMachine =
            ["127.0.0.1", "::1"].contains(context.peerAddress) && context.peerAddress == context.remoteAddress
        let token = services.configuration.metricsToken
        let bearer = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        let holdsToken = token != nil && bearer != nil && SecretToken.constantTimeEquals(bearer!, token!)
        guard fromThisMachine || holdsToken else { throw AppError.notFound }
        let counts = try await OutboxStore(pool: services.pool, clock: services.clock).counts()
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: AppMetrics.shared.exposition(outbox: counts))))
    }

    /// 200 with `{"status":"ok","database":"ok"}` when the database answers; 503 when it does not.
    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Response {
        let databaseAnswers = (try? await services.pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
        let body =
            databaseAnswers
            ? #"{"status":"ok","database":"ok"}"# : #"{"status":"unavailable","database":"not answering"}"#
        return Response(
            status: databaseAnswers ? .ok : .serviceUnavailable,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
    }
}

/// The accessibility statement: fixed text, kept in its template.
struct AccessibilityPage: PageModel {
    static let template = "pages/accessibility"
    let title = "Accessibility statement"
}

/// What personal data is kept and why: fixed text, kept in its template.
struct PrivacyPage: PageModel {
    static let template = "pages/privacy"
    let title = "How we use your information"
    /// The retention rules, from the same list `alongside apply-retention` applies (issue 21).
    let retention = RetentionRule.all.map(\.rule)
    let personalDataHref = Href.personalData()
}
