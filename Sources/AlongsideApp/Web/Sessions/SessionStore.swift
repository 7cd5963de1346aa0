import Foundation
import GRDB

/// Sessions kept in SQLite. Only ids this store generated are ever accepted: a cookie is looked up by the
/// hash of its value, and a value with no row is simply a signed-out visitor (never adopted as a new id).
public struct SessionStore: Sendable {
    public enum Lookup: Sendable, Equatable {
        case none
        case live(LoadedSession)
        /// The session ended through inactivity or age; `wasSignedIn` says whether to tell the person.
        case expired(wasSignedIn: Bool, ended: LoadedSession? = nil)
    }

    let pool: DatabasePool
    let clock: AppClock
    public let policy: SessionPolicy
    let cache = SessionCache()

    public init(pool: DatabasePool, clock: AppClock, policy: SessionPolicy) {
        self.pool = pool
        self.clock = clock
        self.policy = policy
        cache.watch(pool)
    }

    /// Finds the session for a cookie value; ends it if it has expired or its account was deactivated.
    /// With `touch` false the visit does not count as activity (the idle-warning page must not keep a session alive).
    public func load(token: String, touch shouldTouch: Bool = true) async throws -> Lookup {
        guard let hash = SecretToken.hash(token) else { return .none }
        let now = clock.now()
        guard let found = try await read(hash: hash, now: now) else { return .none }
        var session = found.session
        if !found.isActive {
            try await end(tokenHash: hash)
            return .none
        }
        if policy.state(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now) != .live {
            try await end(tokenHash: hash)
            return .expired(wasSignedIn: session.user != nil, ended: session)
        }
        if shouldTouch, policy.needsTouch(lastSeenAt: session.lastSeenAt, now: now) {
            try await touch(tokenHash: hash, at: now)
            session.lastSeenAt = now
        }
        return .live(session)
    }

    /// The session row and whether its account is active: from the cache when nothing has changed since.
    private func read(hash: Data, now: Date) async throws -> (session: LoadedSession, isActive: Bool)? {
        if let cached = cache.entry(for: hash, now: now) { return (cached.session, cached.isActive) }
        let generation = cache.generation
        let found = try await pool.read { db in
            let statement = try db.cachedStatement(sql: LoadedSession.selectSQL)
            return try Row.fetchOne(statement, arguments: [hash]).map(LoadedSession.decode)
        }
        if let found {
            cache.store(
                .init(session: found.session, isActive: found.isActive, generation: generation, loadedAt: now),
                for: hash)
        }
        return found
    }

    /// Starts a session; with `userID`, a signed-in one. Always a fresh id and a fresh CSRF token.
    public func start(userID: Int64?, replacing old: Data? = nil) async throws -> (
        token: String, session: LoadedSession
    ) {
        let token = SecretToken.generate()
        guard let hash = SecretToken.hash(token) else { preconditionFailure("generated token did not hash") }
        let csrf = SecretToken.generate()
        let now = clock.now()
        let idleCutoff = now.addingTimeInterval(-policy.idleTimeout)
        let session = try await pool.write { db -> LoadedSession in
            if let old { try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [old]) }
            // Tidy up sessions nobody can use any more (indexed, so cheap), so signed-out visitors
            // who never come back do not pile up.
            try db.execute(sql: "DELETE FROM sessions WHERE last_seen_at < ?", arguments: [idleCutoff])
            try db.execute(
                sql: """
                    INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [hash, userID, csrf, now, now]
            )
            return try Row.fetchOne(db, sql: LoadedSession.selectSQL, arguments: [hash]).map(LoadedSession.decode)!
                .session
        }
        return (token, session)
    }

    public func end(tokenHash: Data) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    /// Ends every session a person has, inside the caller's transaction (sign out everywhere, deactivation).
    public static func endAll(userID: Int64, in db: Database) throws -> Int {
        try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [userID])
        return db.changesCount
    }

    /// Resets the idle timer ("Stay signed in").
    public func touch(tokenHash: Data, at date: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", arguments: [date, tokenHash])
        }
    }

    public func setFlash(_ flash: Flash?, tokenHash: Data) async throws {
        let text = try flash.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try await pool.write { db in
            try db.execute(sql: "UPDATE sessions SET flash = ? WHERE token_hash = ?", arguments: [text, tokenHash])
        }
    }
}
