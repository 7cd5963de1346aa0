import Hummingbird

/// The session cookie. Behind HTTPS it is `Secure` with the `__Host-` prefix, which browsers only accept
/// from a secure origin with `Path=/` and no `Domain`, so no other site or subdomain can plant one.
public struct SessionCookie: Sendable {
    public let secure: Bool

    public init(secure: Bool) {
        self.secure = secure
    }

    public var name: String { secure ? "__Host-alongside_session" : "alongside_session" }

    public func read(from request: Request) -> String? {
        request.cookies[name]?.value
    }

    public func header(for change: Visit.CookieChange) -> String {
        let attributes = "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
        switch change {
        case .set(let token):
            return "\(name)=\(token)\(attributes)"
        case .clear:
            return "\(name)=\(attributes); Max-Age=0"
        }
    }
}
