import Foundation
import GRDB

/// One-time links: the first administrator's setup link, and "set your password" links for new people.
/// Valid for seven days and once only; only the token's hash is stored.
public struct AccountLinks: Sendable {
    public enum Purpose: String, Sendable {
        case firstAdministrator = "first_administrator"
        case setPassword = "set_password"
    }

    public static let lifetime: TimeInterval = 7 * 24 * 60 * 60

    /// A link that can still be used, and whose it is.
    public struct Valid: Sendable, Equatable {
        public let id: Int64
        public let purpose: Purpose
        public let userID: Int64?
    }

    let pool: DatabasePool
    let clock: AppClock

    public init(pool: DatabasePool, clock: AppClock) {
        self.pool = pool
        self.clock = clock
    }

    /// Makes a new link inside the caller's transaction, retiring any unused one with the same purpose and person.
    public static func create(purpose: Purpose, userID: Int64?, now: Date, in db: Database) throws -> String {
        try db.execute(
            sql: "UPDATE account_links SET used_at = ? WHERE purpose = ? AND user_id IS ? AND used_at IS NULL",
            arguments: [now, purpose.rawValue, userID]
        )
        let token = SecretToken.generate()
        try db.execute(
            sql: """
                INSERT INTO account_links (token_hash, purpose, user_id, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [SecretToken.hash(token), purpose.rawValue, userID, now, now.addingTimeInterval(lifetime)]
        )
        return token
    }

    public func create(purpose: Purpose, userID: Int64?) async throws -> String {
        let now = clock.now()
        return try await pool.write { db in try Self.create(purpose: purpose, userID: userID, now: now, in: db) }
    }

    /// The first administrator's setup link, made by `alongside serve` while there are no accounts.
    public func createSetupLink(by actor: AuditActor) async throws -> String {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: nil) { db, audit in
            let token = try Self.create(purpose: .firstAdministrator, userID: nil, now: now, in: db)
            let change = AuditChange<[String: String]>(
                action: "link created", recordKind: "account", recordID: nil,
                summary: "Made a one-time link to set up the first administrator", before: nil, after: nil
            )
            try audit.record(change)
            return token
        }
    }

    /// The link for a token if it is unused, unexpired and (for a person's link) their account is active.
    public func find(token: String, purpose: Purpose) async throws -> Valid? {
        guard let hash = SecretToken.hash(token) else { return nil }
        let now = clock.now()
        return try await pool.read { db in try Self.find(hash: hash, purpose: purpose, now: now, in: db) }
    }

    static func find(hash: Data, purpose: Purpose, now: Date, in db: Database) throws -> Valid? {
        try LinkOwner.fetchOne(
            db,
            sql: """
                SELECT l.id, l.user_id FROM account_links l LEFT JOIN users u ON u.id = l.user_id
                WHERE l.token_hash = ? AND l.purpose = ? AND l.used_at IS NULL AND l.expires_at > ?
                  AND (l.user_id IS NULL OR u.is_active = 1)
                """,
            arguments: [hash, purpose.rawValue, now]
        )
        .map { Valid(id: $0.id, purpose: purpose, userID: $0.userID) }
    }

    /// Marks a link used inside the caller's transaction; false if someone used it first.
    public static func use(id: Int64, now: Date, in db: Database) throws -> Bool {
        try db.execute(
            sql: "UPDATE account_links SET used_at = ? WHERE id = ? AND used_at IS NULL", arguments: [now, id])
        return db.changesCount == 1
    }
}

/// A usable link's id and the account it is for (nil for the first administrator's setup link).
private struct LinkOwner: FetchableRecord, Decodable {
    var id: Int64
    var userID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, userID = "user_id"
    }
}
