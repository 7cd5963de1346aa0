import Foundation
import GRDB

/// The signed-in person as a session knows them.
public struct SessionUser: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let email: String
    public let role: Role
}

/// A one-off message for the next page the person sees (and, once, a one-time link to hand on).
public struct Flash: Codable, Sendable, Equatable {
    public var message: String
    public var link: String?

    public init(message: String, link: String? = nil) {
        self.message = message
        self.link = link
    }
}

/// A session row with its person, as loaded at the start of a request.
public struct LoadedSession: Sendable, Equatable {
    public let tokenHash: Data
    public let csrfToken: String
    public let createdAt: Date
    public var lastSeenAt: Date
    public var flash: Flash?
    public let user: SessionUser?
}

extension LoadedSession {
    static let selectSQL = """
        SELECT s.token_hash, s.csrf_token, s.created_at, s.last_seen_at, s.flash,
               u.id AS user_id, u.name, u.email, u.role, u.is_active
        FROM sessions s LEFT JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ?
        """

    /// Reads one joined row; `isActive` is false when the session belongs to a deactivated account.
    static func decode(_ row: Row) -> (session: LoadedSession, isActive: Bool) {
        var user: SessionUser?
        var isActive = true
        if let id: Int64 = row["user_id"], let role = Role(rawValue: row["role"]) {
            user = SessionUser(id: id, name: row["name"], email: row["email"], role: role)
            isActive = row["is_active"]
        }
        let flashText: String? = row["flash"]
        let flash = flashText.flatMap { try? JSONDecoder().decode(Flash.self, from: Data($0.utf8)) }
        let session = LoadedSession(
            tokenHash: row["token_hash"], csrfToken: row["csrf_token"], createdAt: row["created_at"],
            lastSeenAt: row["last_seen_at"], flash: flash, user: user
        )
        return (session, isActive)
    }
}
