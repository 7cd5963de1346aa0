import Foundation
import Hummingbird

/// The signed-in person a protected handler acts for. Only `SiteRoutes` makes one, after checking the
/// route's `Access`, so a protected handler cannot run without it.
public struct SignedIn: Sendable {
    public let user: SessionUser
    public let session: LoadedSession

    fileprivate init(user: SessionUser, session: LoadedSession) {
        self.user = user
        self.session = session
    }

    public var actor: AuditActor { AuditActor(userID: user.id, label: user.name) }
}

/// Registers routes. Every registration states its `Access`; there is no other way to add a route, so
/// nothing is reachable without a declared permission, and the check runs before the handler.
public struct SiteRoutes {
    public typealias Handler = @Sendable (Request, AppRequestContext) async throws -> Response
    public typealias SignedInHandler = @Sendable (Request, AppRequestContext, SignedIn) async throws -> Response

    let router: Router<AppRequestContext>

    /// Every route registered, with what it needs; the permission tests walk this list.
    public private(set) var declared: [(method: HTTPRequest.Method, route: Route, access: Access)] = []

    init(router: Router<AppRequestContext>) {
        self.router = router
    }

    public mutating func get(_ route: Route, _ handler: @escaping Handler) {
        add(.get, route, .everyone) { request, context, _ in try await handler(request, context) }
    }

    public mutating func post(_ route: Route, _ handler: @escaping Handler) {
        add(.post, route, .everyone) { request, context, _ in try await handler(request, context) }
    }

    public mutating func get(_ route: Route, _ access: Access, _ handler: @escaping SignedInHandler) {
        precondition(access != .everyone, "use get(_:_:) for public routes")
        add(.get, route, access) { request, context, signedIn in try await handler(request, context, signedIn!) }
    }

    public mutating func post(_ route: Route, _ access: Access, _ handler: @escaping SignedInHandler) {
        precondition(access != .everyone, "use post(_:_:) for public routes")
        add(.post, route, access) { request, context, signedIn in try await handler(request, context, signedIn!) }
    }

    private mutating func add(
        _ method: HTTPRequest.Method, _ route: Route, _ access: Access,
        _ handler: @escaping @Sendable (Request, AppRequestContext, SignedIn?) async throws -> Response
    ) {
        declared.append((method, route, access))
        router.on(route.pattern, method: method) { request, context in
            var context = context
            if method == .post {
                if access == .everyone || context.visit.user != nil {
                    context.form = try await RequestForm.read(request, context: context, route: route, access: access)
                } else if context.visit.session == nil, context.visit.formToken == nil, !context.visit.sessionExpired {
                    // No page of ours was ever shown to this sender: refused before anything else.
                    throw AppError.csrfFailed
                }
                // Otherwise a signed-out visitor posting to a protected route is sent to sign in (below) without the
                // body being read: a redirect changes nothing, so it needs no token.
            }
            let signedIn = try Self.check(access, request: request, context: context)
            if case .redirect(let response) = signedIn { return response }
            return try await handler(request, context, signedIn.person)
        }
    }

    enum Outcome {
        case allowed(SignedIn?)
        case redirect(Response)

        var person: SignedIn? {
            if case .allowed(let person) = self { return person }
            return nil
        }
    }

    /// Signed-out people asking for a private page go to sign in and come back; the wrong role gets 403.
    static func check(_ access: Access, request: Request, context: AppRequestContext) throws -> Outcome {
        let session = context.visit.session
        let person = session.flatMap { session in session.user.map { SignedIn(user: $0, session: session) } }
        switch access {
        case .everyone:
            return .allowed(person)
        case .signedIn, .capability:
            guard let person else {
                let back = request.method == .get ? request.uri.description : Href.home()
                return .redirect(.seeOther(SignInReturn.signInHref(returningTo: back, expired: context.visit.sessionExpired)))
            }
            if case .capability(let capability) = access, !Permissions.allows(person.user.role, capability) {
                throw AppError.forbidden
            }
            return .allowed(person)
        }
    }
}

/// Where to go after signing in: only a path on this site, never another site.
public enum SignInReturn {
    public static func signInHref(returningTo path: String, expired: Bool) -> String {
        var query = Query()
        if path != Href.home(), let safe = safeLocalPath(path) { query.append("next", ReturnPath(safe)) }
        if expired { query.append("expired", 1) }
        return Href.signIn(query: query)
    }

    /// The path if it is a plain local path ("/x", not "//host" or "/\host" or a full URL), else nil.
    public static func safeLocalPath(_ candidate: String) -> String? {
        guard candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.hasPrefix("/\\"),
              !candidate.contains("\\"), !candidate.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return nil }
        return candidate
    }
}
