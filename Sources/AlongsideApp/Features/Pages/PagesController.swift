import Foundation
import GRDB
import Hummingbird

/// Pages anyone can read, and the health check.
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
}
