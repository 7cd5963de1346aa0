import Foundation
import Hummingbird
import NIOConcurrencyHelpers

/// The request context every route sees.
///
/// `visit` is shared by reference between the middleware layers, so the session middleware can fill it in
/// and the error pages and handlers further in (or further out) see the same visitor.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who is asking, and any change to their session cookie this request makes.
    public let visit: Visit
    /// The submitted form, read once (after the CSRF check) on state-changing requests.
    public var form: FormData
    /// The client's IP address, for the sign-in limits: the peer's, or where a trusted proxy says the request came
    /// from (`ClientAddressMiddleware`).
    public var remoteAddress: String
    /// The address of whatever opened the connection (a proxy, or the client itself), never rewritten: `/metrics`
    /// answers only a peer on this machine.
    public let peerAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        peerAddress = remoteAddress
        visit = Visit()
        form = FormData()
    }

    /// The request id Hummingbird puts in the logger's metadata; shown on error pages and in the request log.
    public var requestID: String { logger[metadataKey: "hb.request.id"]?.description ?? "-" }
}

/// The visitor's session as loaded for this request, and what the response must do to their cookie.
public final class Visit: Sendable {
    public enum CookieChange: Sendable, Equatable {
        case set(token: String)
        case clear
    }

    private struct State {
        var session: LoadedSession?
        var cookieChange: CookieChange?
        var expired = false
        var formToken: String?
        var formCookieToSet: String?
        var flashShownFor: Data?
        var isPublicPage = false
        var endedSession: LoadedSession?
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    public var session: LoadedSession? { state.withLockedValue { $0.session } }
    public var user: SessionUser? { session?.user }
    public var cookieChange: CookieChange? { state.withLockedValue { $0.cookieChange } }
    /// For a visitor who is not signed in: the token their form cookie proves (see `FormCookie`).
    public var formToken: String? { state.withLockedValue { $0.formToken } }
    /// A new form cookie value the response must set.
    public var formCookieToSet: String? { state.withLockedValue { $0.formCookieToSet } }
    /// True when the person's session ended for inactivity or age on this request.
    public var sessionExpired: Bool { state.withLockedValue { $0.expired } }

    /// True when the route answers everyone, signed in or not: a public page, which shows how to get urgent help.
    public var isPublicPage: Bool { state.withLockedValue { $0.isPublicPage } }

    func servesPublicPage() {
        state.withLockedValue { $0.isPublicPage = true }
    }

    /// For a route that answers everyone but shows a signed-in person their own page instead ("/"): no urgent-help box.
    func servesPersonalPage() {
        state.withLockedValue { $0.isPublicPage = false }
    }

    /// The signed-in session that ended on this request (idle or too old), for keeping a form it sent (`KeptForms`).
    var endedSession: LoadedSession? { state.withLockedValue { $0.endedSession } }

    func loaded(_ session: LoadedSession?, expired: Bool, ended: LoadedSession? = nil) {
        state.withLockedValue {
            $0.session = session
            $0.expired = expired
            $0.endedSession = ended
            if session == nil, expired { $0.cookieChange = .clear }
        }
    }

    func started(_ session: LoadedSession, token: String) {
        state.withLockedValue {
            $0.session = session
            $0.cookieChange = .set(token: token)
        }
    }

    func ended() {
        state.withLockedValue {
            $0.session = nil
            $0.cookieChange = .clear
        }
    }

    func hasFormCookie(token: String) {
        state.withLockedValue { $0.formToken = token }
    }

    func issuedFormCookie(_ value: String, token: String) {
        state.withLockedValue {
            $0.formToken = token
            $0.formCookieToSet = value
        }
    }

    /// The session whose flash the page rendered for this request showed, so it must now be cleared.
    var flashToClear: Data? { state.withLockedValue { $0.flashShownFor } }

    func flashShown(in session: LoadedSession) {
        state.withLockedValue { $0.flashShownFor = session.tokenHash }
    }

    func replaceFlash(_ flash: Flash?) {
        state.withLockedValue { $0.session?.flash = flash }
    }
}
