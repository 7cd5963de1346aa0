import Crypto
import Foundation

/// The secret in a one-click unsubscribe link (RFC 8058): who and which kind of message, signed with a key only the
/// server knows, so the link works without signing in and nobody can make one for someone else. Written
/// "<user id>.<kind>.<signature>".
public struct UnsubscribeToken: Sendable {
    let key: Data

    public init(key: Data) {
        self.key = key
    }

    public func make(userID: Int64, kind: NoticeKind) -> String {
        "\(userID).\(kind.rawValue).\(signature(userID: userID, kind: kind))"
    }

    /// The person and kind a token names, if the server signed it.
    public func read(_ token: String) -> (userID: Int64, kind: NoticeKind)? {
        guard token.utf8.count <= 200 else { return nil }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let userID = BoundedNumber.id(String(parts[0])),
            let kind = NoticeKind(rawValue: String(parts[1])),
            SecretToken.constantTimeEquals(String(parts[2]), signature(userID: userID, kind: kind))
        else { return nil }
        return (userID, kind)
    }

    private func signature(userID: Int64, kind: NoticeKind) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("unsubscribe:\(userID):\(kind.rawValue)".utf8), using: SymmetricKey(data: key))
        return SecretToken.base64URL(Data(mac))
    }
}
