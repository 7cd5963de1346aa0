import Foundation
import GRDB

/// Reading and changing accounts. Every change writes its audit row in the same transaction.
public struct AccountStore: Sendable {
    public enum Failure: Error, Equatable {
        case emailTaken
    }

    let pool: DatabasePool
    let clock: AppClock

    public init(pool: DatabasePool, clock: AppClock) {
        self.pool = pool
        self.clock = clock
    }

    public func count() async throws -> Int {
        try await pool.read { db in try User.fetchCount(db) }
    }

    public func find(id: Int64) async throws -> User? {
        try await pool.read { db in try User.fetchOne(db, key: id) }
    }

    public func find(email: String) async throws -> User? {
        try await pool.read { db in try User.filter(Column("email") == email).fetchOne(db) }
    }

    public func all() async throws -> [User] {
        try await pool.read { db in
            try User.order(Column("name").collating(.localizedCaseInsensitiveCompare)).fetchAll(db)
        }
    }

    /// Creates an account; `passwordHash` is nil when the person will set their own through a link.
    /// A nil `actor` means the new person made their own account (the first administrator, through the setup link).
    public func create(
        name: String, email: String, role: Role, passwordHash: String?, by actor: AuditActor?, requestID: String?,
        also extra: (@Sendable (Database, User) throws -> Void)? = nil
    ) async throws -> User {
        let now = clock.now()
        return try await pool.writeAudited(
            by: actor ?? AuditActor(userID: nil, label: name), at: now, requestID: requestID
        ) { db, audit in
            if try User.filter(Column("email") == email).fetchCount(db) > 0 { throw Failure.emailTaken }
            var user = User(
                id: nil, email: email, name: name, role: role, passwordHash: passwordHash, isActive: true,
                createdAt: now, updatedAt: now
            )
            try user.insert(db)
            let change = AuditChange<User.Snapshot>(
                action: "created", recordKind: "account", recordID: user.id.map(String.init),
                summary: "Created the account for \(name) (\(role.label))", before: nil, after: user.snapshot
            )
            // Someone making their own account is its actor, known by id only once it is saved.
            try audit.record(change, by: actor ?? AuditActor(userID: user.id, label: name))
            try extra?(db, user)
            return user
        }
    }

    /// Sets a new password hash. With `keepSession`, every other session of the person ends.
    public func setPassword(
        userID: Int64, hash: String, by actor: AuditActor, summary: String, keepSession: Data?, requestID: String?,
        also extra: (@Sendable (Database) throws -> Void)? = nil
    ) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try extra?(db)
            guard var user = try User.fetchOne(db, key: userID) else { throw AppError.notFound }
            let before = user.snapshot
            user.passwordHash = hash
            user.updatedAt = now
            try user.update(db)
            try db.execute(
                sql: "DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?", arguments: [userID, keepSession]
            )
            let change = AuditChange(
                action: "password set", recordKind: "account", recordID: String(userID), summary: summary,
                before: before, after: user.snapshot
            )
            try audit.record(change)
        }
    }

    /// Quietly upgrades a hash made with older settings; not a change the person made, so not audited.
    public func upgradeHash(userID: Int64, hash: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [hash, userID])
        }
    }

    /// Deactivates or reactivates an account. Deactivation ends every session the person has at once.
    public func setActive(_ active: Bool, userID: Int64, by actor: AuditActor, requestID: String?) async throws -> User
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard var user = try User.fetchOne(db, key: userID) else { throw AppError.notFound }
            guard user.isActive != active else { return user }
            let before = user.snapshot
            user.isActive = active
            user.updatedAt = now
            try user.update(db)
            if !active {
                _ = try SessionStore.endAll(userID: userID, in: db)
                try db.execute(
                    sql: "UPDATE account_links SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
                    arguments: [now, userID])
            }
            let change = AuditChange(
                action: active ? "reactivated" : "deactivated", recordKind: "account", recordID: String(userID),
                summary: "\(active ? "Reactivated" : "Deactivated") the account for \(user.name)",
                before: before, after: user.snapshot
            )
            try audit.record(change)
            return user
        }
    }

    /// Ends every session the person has ("sign out of all devices").
    public func signOutEverywhere(userID: Int64, by actor: AuditActor, requestID: String?) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            let ended = try SessionStore.endAll(userID: userID, in: db)
            let change = AuditChange<[String: Int]>(
                action: "signed out everywhere", recordKind: "session", recordID: String(userID),
                summary: "Signed out of all devices (\(ended) session\(ended == 1 ? "" : "s") ended)",
                before: ["sessions": ended], after: ["sessions": 0]
            )
            try audit.record(change)
        }
    }

    /// Records signing in or out in the audit log.
    public func recordSession(_ action: SessionEvent, userID: Int64, name: String, requestID: String?) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: AuditActor(userID: userID, label: name), at: now, requestID: requestID) {
            db, audit in
            let change = AuditChange<[String: String]>(
                action: action.rawValue, recordKind: "session", recordID: String(userID),
                summary: action == .signedIn ? "Signed in" : "Signed out", before: nil, after: nil
            )
            try audit.record(change)
        }
    }

    public enum SessionEvent: String, Sendable {
        case signedIn = "signed in"
        case signedOut = "signed out"
    }
}
