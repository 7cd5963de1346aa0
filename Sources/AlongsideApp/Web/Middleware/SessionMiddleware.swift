import Hummingbird
import HTTPTypes

/// Loads the visitor's session (one indexed read, joined with their account) and, after the handler,
/// sets or clears the cookie if the request started or ended a session. A signed-out visitor's form cookie is
/// read here too, and set when a page with a form was shown to someone without one.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let store: SessionStore
    let cookie: SessionCookie
    let formCookie: FormCookie

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if let token = cookie.read(from: request) {
            switch try await store.load(token: token, touch: request.uri.path != Href.sessionExpiring()) {
            case .live(let session):
                context.visit.loaded(session, expired: false)
            case .expired(let wasSignedIn, let ended):
                context.visit.loaded(nil, expired: wasSignedIn, ended: wasSignedIn ? ended : nil)
                if !wasSignedIn { context.visit.ended() }
            case .none:
                // A value we never issued (or one already ended): ignore it and tell the browser to drop it.
                context.visit.ended()
            }
        }
        if let value = formCookie.read(from: request) {
            context.visit.hasFormCookie(token: formCookie.token(for: value))
        }
        var response = try await next(request, context)
        if let shown = context.visit.flashToClear {
            // A flash is shown once: the page that showed it has been rendered.
            try await store.setFlash(nil, tokenHash: shown)
        }
        if let value = context.visit.formCookieToSet {
            response.headers.append(HTTPField(name: .setCookie, value: formCookie.header(setting: value)))
        }
        if let change = context.visit.cookieChange {
            response.headers.append(HTTPField(name: .setCookie, value: cookie.header(for: change)))
        }
        return response
    }
}
