import Hummingbird

/// The session cookie. Behind HTTPS it is `Secure` with the `__Host-` prefix, which browsers only accept
/// from a secure origin with `Path=/` and no `Domain`, so no other site or subdomain can plant one.
public struct SessionCookie: Sendable {
    public let secure: Bool

    public init(secure: Bool) {
        self.secure = secure
    }

    public var name: String { Self.name("alongside_session", secure: secure) }

    public func read(from request: Request) -> String? {
        request.cookies[name]?.value
    }

    public func header(for change: Visit.CookieChange) -> String {
        let attributes = Self.attributes(secure: secure)
        switch change {
        case .set(let token):
            return "\(name)=\(token)\(attributes)"
        case .clear:
            return "\(name)=\(attributes); Max-Age=0"
        }
    }
}

extension SessionCookie {
    /// Every cookie of ours: behind HTTPS, the `__Host-` prefix (see above).
    static func name(_ base: String, secure: Bool) -> String { secure ? "__Host-" + base : base }

    /// Every cookie of ours: the whole site, not readable by script, not sent on cross-site posts; `Secure` behind HTTPS.
    static func attributes(secure: Bool) -> String { "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "") }
}
