import Crypto
import Foundation
import GRDB
import Hummingbird

/// CSRF protection for people who are not signed in (sign-in, setup, set-password, expressions of interest)
/// without writing a session row for every page view (issue 15: 15,618 rows in 15 s of signed-out views).
///
/// The browser keeps a random value in an HttpOnly cookie; the form carries an HMAC of that value under a key
/// only the server knows (the "signed double-submit cookie" of the OWASP CSRF cheat sheet). Another site can
/// neither read the cookie nor compute the token for it, and nothing is stored per visitor.
public struct FormCookie: Sendable {
    public let secure: Bool
    /// The signing key's bytes (kept as `Data`, which is `Sendable`).
    let key: Data

    public init(secure: Bool, key: Data) {
        self.secure = secure
        self.key = key
    }

    public var name: String { SessionCookie.name("alongside_form", secure: secure) }

    /// The cookie's value if it is one we could have issued (43 base64url characters of 32 random bytes).
    public func read(from request: Request) -> String? {
        guard let value = request.cookies[name]?.value, SecretToken.hash(value) != nil else { return nil }
        return value
    }

    /// The token a form must carry for this cookie value.
    public func token(for cookieValue: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(cookieValue.utf8), using: SymmetricKey(data: key))
        return SecretToken.base64URL(Data(mac))
    }

    public func header(setting value: String) -> String {
        "\(name)=\(value)" + SessionCookie.attributes(secure: secure)
    }
}

/// The server's own secret keys, made once and kept in the database so they survive a restart.
public enum ServerKeys {
    /// The key called `name`, created from the system's secure random source the first time it is asked for.
    public static func key(named name: String, in pool: DatabasePool) throws -> Data {
        let data = try pool.write { db -> Data in
            if let existing = try Data.fetchOne(
                db, sql: "SELECT key FROM server_keys WHERE name = ?", arguments: [name])
            {
                return existing
            }
            let fresh = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
            try db.execute(sql: "INSERT INTO server_keys (name, key) VALUES (?, ?)", arguments: [name, fresh])
            return fresh
        }
        return data
    }
}
