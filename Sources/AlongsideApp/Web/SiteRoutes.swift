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

    /// Every route registered, with what it needs; the permission tests and the authorization page read it.
    public let book = RouteBook()
    public var declared: [RouteBook.Entry] { book.entries }

    /// Keeps a form sent just after its session ended, for after signing in again (issue 18); nil in tests that only
    /// list the routes.
    var keeping: FormKeeping?

    init(router: Router<AppRequestContext>, keeping: FormKeeping? = nil) {
        self.router = router
        self.keeping = keeping
    }

    public mutating func get(_ route: Route, _ handler: @escaping Handler) {
        add(.get, route, .everyone) { request, context, _ in try await handler(request, context) }
    }

    public mutating func post(_ route: Route, _ handler: @escaping Handler) {
        add(.post, route, .everyone) { request, context, _ in try await handler(request, context) }
    }

    /// A public POST whose address carries its own secret, with no form token: a one-click unsubscribe (RFC 8058),
    /// which a mail program sends without ever having shown a page of ours. The handler must check the secret in the
    /// path before changing anything, and what it changes must be harmless to repeat.
    public mutating func postOneClick(_ route: Route, _ handler: @escaping Handler) {
        add(.post, route, .everyone, formToken: false) { request, context, _ in try await handler(request, context) }
    }

    public mutating func get(_ route: Route, _ access: Access, _ handler: @escaping SignedInHandler) {
        precondition(access != .everyone, "use get(_:_:) for public routes")
        add(.get, route, access) { request, context, signedIn in try await handler(request, context, signedIn!) }
    }

    public mutating func post(_ route: Route, _ access: Access, _ handler: @escaping SignedInHandler) {
        precondition(access != .everyone, "use post(_:_:) for public routes")
        add(.post, route, access) { request, context, signedIn in try await handler(request, context, signedIn!) }
    }

    /// A route about one record (a group): the loader loads it for the person, answering 404 when there is none or
    /// they may not see it, then the policy checks the rule against it (403), all before the handler runs; the handler
    /// is handed the loaded record. With `checked: .byHandler` the handler checks the rule itself (through the record's
    /// `require()`), for routes that must first answer 404 for a missing sub-record.
    public mutating func get<Loader: RecordLoader>(
        _ route: Route, _ rule: Rule, in loader: Loader, checked: RuleCheck = .beforeHandler,
        _ handler: @escaping @Sendable (Request, AppRequestContext, Loader.Record) async throws -> Response
    ) {
        add(.get, route, .loaded(rule)) { request, context, signedIn in
            try await handler(request, context, try await Self.load(rule, checked, loader, context, signedIn!))
        }
    }

    public mutating func post<Loader: RecordLoader>(
        _ route: Route, _ rule: Rule, in loader: Loader, checked: RuleCheck = .beforeHandler,
        _ handler: @escaping @Sendable (Request, AppRequestContext, Loader.Record) async throws -> Response
    ) {
        add(.post, route, .loaded(rule)) { request, context, signedIn in
            try await handler(request, context, try await Self.load(rule, checked, loader, context, signedIn!))
        }
    }

    private static func load<Loader: RecordLoader>(
        _ rule: Rule, _ checked: RuleCheck, _ loader: Loader, _ context: AppRequestContext, _ person: SignedIn
    ) async throws -> Loader.Record {
        guard let record = try await loader.load(context, for: person, rule: rule) else { throw AppError.notFound }
        if checked == .beforeHandler { try Policy.require(rule, loader.standing(record)) }
        return record
    }

    private mutating func add(
        _ method: HTTPRequest.Method, _ route: Route, _ access: Access, formToken: Bool = true,
        _ handler: @escaping @Sendable (Request, AppRequestContext, SignedIn?) async throws -> Response
    ) {
        book.add(method, route, access)
        let keeping = keeping
        router.on(route.pattern, method: method) { request, context in
            var context = context
            if access == .everyone { context.visit.servesPublicPage() }
            if method == .post, !formToken {
                context.form = try await RequestForm.readUnchecked(request, route: route)
            } else if method == .post {
                if access == .everyone || context.visit.user != nil {
                    context.form = try await RequestForm.read(request, context: context, route: route, access: access)
                } else if context.visit.session == nil, context.visit.formToken == nil, !context.visit.sessionExpired {
                    // No page of ours was ever shown to this sender: refused before anything else.
                    throw AppError.csrfFailed
                }
                // Otherwise a signed-out visitor posting to a protected route is sent to sign in (below) without the
                // body being read: a redirect changes nothing, so it needs no token. A form sent by a session that has
                // just ended is kept first, when it proves it came from that session's page.
                else if let keeping,
                    let response = await keeping.keep(
                        request, context: context, route: route, access: access)
                {
                    return response
                }
            }
            let signedIn = try Self.check(access, request: request, context: context)
            if case .redirect(let response) = signedIn { return response }
            if method == .get, let keeping, let person = signedIn.person,
                let kept = keeping.take(request, person: person)
            {
                // Back on the form after signing in again: what they typed is in it; they send it again themselves.
                context.visit.replaceFlash(
                    Flash(
                        message:
                            "You were signed out before you sent this form. We kept what you typed: check it and send it again."
                    ))
                var response = try await KeptForm.$current.withValue(kept) {
                    try await handler(request, context, person)
                }
                response.headers.append(keeping.clearingCookie)
                return response
            }
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
        case .signedIn, .capability, .loaded:
            guard let person else {
                let back = request.method == .get ? request.uri.description : Href.home()
                return .redirect(
                    .seeOther(SignInReturn.signInHref(returningTo: back, expired: context.visit.sessionExpired)))
            }
            if case .capability(let rule) = access { try Policy.require(rule, Standing(role: person.user.role)) }
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
            !candidate.contains("\\"),
            !candidate.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return nil }
        return candidate
    }
}
