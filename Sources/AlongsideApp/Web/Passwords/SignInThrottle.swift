import Crypto
import Foundation
import GRDB

/// The rule: `maxFailures` failed sign-ins within `window` lock the key until `lockout` after the failure that
/// tipped it over. Refused attempts are not failures, so they do not extend the lock.
public struct ThrottleRule: Sendable, Equatable {
    public var maxFailures: Int
    public var window: TimeInterval
    public var lockout: TimeInterval

    /// One account guessed from one address: the guesser is stopped; the real person elsewhere is not.
    public static let perPair = ThrottleRule(maxFailures: 5, window: 15 * 60, lockout: 15 * 60)
    /// One account guessed from many addresses: stopped for every address the person has not signed in from.
    public static let perAccount = ThrottleRule(maxFailures: 20, window: 15 * 60, lockout: 15 * 60)
    /// Many accounts guessed from one address (a password spray): stopped for that address, except for people who
    /// have signed in from it before, so it locks nobody else out.
    public static let perAddress = ThrottleRule(maxFailures: 30, window: 15 * 60, lockout: 15 * 60)

    /// When the lock ends, or nil if `failures` (oldest first) do not lock the key at `now`.
    public func lockedUntil(failures: [Date], now: Date) -> Date? {
        guard failures.count >= maxFailures else { return nil }
        // Look for any run of `maxFailures` failures inside one window whose lockout has not yet ended.
        for end in stride(from: failures.count - 1, through: maxFailures - 1, by: -1) {
            let first = failures[end - maxFailures + 1], last = failures[end]
            if last.timeIntervalSince(first) <= window {
                let until = last.addingTimeInterval(lockout)
                return until > now ? until : nil
            }
        }
        return nil
    }

    /// How far back failures can still matter at `now`.
    var memory: TimeInterval { window + lockout }
}

/// The three rules applied together (pure, so the policy is unit-tested without a database).
public struct ThrottlePolicy: Sendable, Equatable {
    public var perPair = ThrottleRule.perPair
    public var perAccount = ThrottleRule.perAccount
    public var perAddress = ThrottleRule.perAddress
    /// How long a successful sign-in from an address keeps that address known for the account.
    public var knownFor: TimeInterval = 90 * 24 * 60 * 60

    public init() {}

    /// What the throttle knows about one attempt.
    public struct Evidence: Sendable, Equatable {
        public var pairFailures: [Date]
        public var accountFailures: [Date]
        public var addressFailures: [Date]
        public var isKnownPair: Bool

        public init(pairFailures: [Date], accountFailures: [Date], addressFailures: [Date], isKnownPair: Bool) {
            self.pairFailures = pairFailures
            self.accountFailures = accountFailures
            self.addressFailures = addressFailures
            self.isKnownPair = isKnownPair
        }
    }

    /// When the attempt may be made, or nil if it may be made now.
    public func lockedUntil(_ evidence: Evidence, now: Date) -> Date? {
        var until = perPair.lockedUntil(failures: evidence.pairFailures, now: now)
        if !evidence.isKnownPair {
            for candidate in [
                perAccount.lockedUntil(failures: evidence.accountFailures, now: now),
                perAddress.lockedUntil(failures: evidence.addressFailures, now: now),
            ] {
                if let candidate, candidate > (until ?? .distantPast) { until = candidate }
            }
        }
        return until
    }

    var memory: TimeInterval { max(perPair.memory, perAccount.memory, perAddress.memory) }
}

/// Counts failed sign-ins per account and address pair, per account and per address, in the database so the
/// limits survive a restart (issue 15). Addresses are the client's as `ClientAddress` worked them out.
public struct SignInThrottle: Sendable {
    let pool: DatabasePool
    public let policy: ThrottlePolicy

    public init(pool: DatabasePool, policy: ThrottlePolicy = ThrottlePolicy()) {
        self.pool = pool
        self.policy = policy
    }

    /// The stored form of an email address: its SHA-256, lower-cased and trimmed.
    static func accountKey(_ email: String) -> Data {
        Data(SHA256.hash(data: Data(email.trimmingCharacters(in: .whitespaces).lowercased().utf8)))
    }

    /// When this account may next be tried from this address, or nil if it may be tried now.
    public func lockedUntil(email: String, address: String, now: Date) async throws -> Date? {
        let account = Self.accountKey(email)
        let since = now.addingTimeInterval(-policy.memory)
        let knownSince = now.addingTimeInterval(-policy.knownFor)
        let evidence = try await pool.read { db in
            ThrottlePolicy.Evidence(
                pairFailures: try Date.fetchAll(
                    db,
                    sql: """
                        SELECT failed_at FROM sign_in_failures WHERE account_key = ? AND address = ? AND failed_at > ? ORDER BY failed_at
                        """, arguments: [account, address, since]),
                accountFailures: try Date.fetchAll(
                    db,
                    sql: """
                        SELECT failed_at FROM sign_in_failures WHERE account_key = ? AND failed_at > ? ORDER BY failed_at
                        """, arguments: [account, since]),
                addressFailures: try Date.fetchAll(
                    db,
                    sql: """
                        SELECT failed_at FROM sign_in_failures WHERE address = ? AND failed_at > ? ORDER BY failed_at
                        """, arguments: [address, since]),
                isKnownPair: try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM sign_in_known_addresses WHERE account_key = ? AND address = ? AND last_success_at > ?)
                        """, arguments: [account, address, knownSince]) ?? false
            )
        }
        return policy.lockedUntil(evidence, now: now)
    }

    public func isLocked(email: String, address: String, now: Date) async throws -> Bool {
        try await lockedUntil(email: email, address: address, now: now) != nil
    }

    public func recordFailure(email: String, address: String, now: Date) async throws {
        let account = Self.accountKey(email)
        let forgetBefore = now.addingTimeInterval(-policy.memory)
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM sign_in_failures WHERE failed_at <= ?", arguments: [forgetBefore])
            try db.execute(
                sql: "INSERT INTO sign_in_failures (account_key, address, failed_at) VALUES (?, ?, ?)",
                arguments: [account, address, now])
        }
    }

    /// The person got in: this address becomes known for the account, and its failures from here are forgotten.
    public func recordSuccess(email: String, address: String, now: Date) async throws {
        let account = Self.accountKey(email)
        let forgetKnownBefore = now.addingTimeInterval(-policy.knownFor)
        try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM sign_in_failures WHERE account_key = ? AND address = ?",
                arguments: [account, address])
            try db.execute(
                sql: "DELETE FROM sign_in_known_addresses WHERE last_success_at <= ?", arguments: [forgetKnownBefore])
            try db.execute(
                sql: """
                    INSERT INTO sign_in_known_addresses (account_key, address, last_success_at) VALUES (?, ?, ?)
                    ON CONFLICT (account_key, address) DO UPDATE SET last_success_at = excluded.last_success_at
                    """, arguments: [account, address, now])
        }
    }
}
