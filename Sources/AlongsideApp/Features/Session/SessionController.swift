import Foundation
import Hummingbird

/// The warning before an idle sign-out, and "Stay signed in" (WCAG 2.2.1, Timing Adjustable).
struct SessionController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.sessionExpiring, .signedIn, show)
        routes.post(.sessionExtend, .signedIn, extend)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let policy = services.sessions.policy
        let session = signedIn.session
        let ends = policy.endsAt(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt)
        let page = SessionExpiringPage(
            endsAt: LondonTime.time(ends),
            idleMinutes: Int(policy.idleTimeout / 60),
            next: request.uri.queryParameters["next"].flatMap { SignInReturn.safeLocalPath(String($0)) } ?? Href.home()
        )
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func extend(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        try await services.sessions.touch(tokenHash: signedIn.session.tokenHash, at: services.clock.now())
        if request.headers[.accept]?.contains("application/json") == true {
            let seconds = Int(services.sessions.policy.idleTimeout - services.sessions.policy.warningBefore)
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"warnAfterSeconds":\#(seconds)}"#))
            )
        }
        return .seeOther(SignInReturn.safeLocalPath(context.form[ReturnPathField.next]) ?? Href.home())
    }
}

struct SessionExpiringPage: PageModel {
    static let template = "session/expiring"
    let title = "You will be signed out soon"
    let endsAt: String
    let idleMinutes: Int
    let next: String
    let action = Href.sessionExtend()
}
