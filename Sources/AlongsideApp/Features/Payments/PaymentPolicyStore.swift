import Foundation
import GRDB

/// The payment policy's versions, the earnings limits, each person's private preferences, and who holds the
/// approving and paying duties. Every change writes its audit row in the same transaction.
public struct PaymentPolicyStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    /// Every version, oldest first.
    public func policies() async throws -> [PaymentPolicy] {
        try await pool.read { db in
            try PaymentPolicy.fetchAll(db, sql: "SELECT * FROM payment_policies ORDER BY effective_from")
        }
    }

    /// Every limit, oldest first.
    public func limits() async throws -> [EarningsLimit] {
        try await pool.read { db in
            try EarningsLimit.fetchAll(db, sql: "SELECT * FROM earnings_limits ORDER BY period, effective_from")
        }
    }

    /// The fields of a new policy version.
    public struct PolicyInput: Sendable, Equatable {
        public var effectiveFrom: String
        public var halfDayPence: Int
        public var wholeDayPence: Int
        public var halfDayMinutes: Int
        public var wholeDayMinutes: Int
        public var mileagePencePerMile: Int
        public var limits: [ExpenseKind: Int]
        public var note: String
    }

    public func addPolicy(_ input: PolicyInput, by actor: AuditActor, requestID: String?) async throws -> PaymentPolicy
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql: """
                    INSERT INTO payment_policies (effective_from, half_day_pence, whole_day_pence, half_day_minutes, whole_day_minutes,
                        mileage_pence_per_mile, travel_limit_pence, care_limit_pence, subsistence_limit_pence, other_limit_pence, note,
                        created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    input.effectiveFrom, input.halfDayPence, input.wholeDayPence, input.halfDayMinutes,
                    input.wholeDayMinutes,
                    input.mileagePencePerMile, input.limits[.travel], input.limits[.care], input.limits[.subsistence],
                    input.limits[.other], input.note, actor.userID, now,
                ])
            let policy = try PaymentPolicy.fetchOne(
                db, sql: "SELECT * FROM payment_policies WHERE id = ?", arguments: [db.lastInsertedRowID])!
            try audit.record(
                AuditChange<PaymentPolicy>(
                    action: "payment_policy.added", recordKind: "payment_policy", recordID: String(policy.id),
                    summary:
                        "Payment policy from \(LondonTime.day(policy.effectiveFrom)): \(Money.format(policy.halfDayPence)) half day, \(Money.format(policy.wholeDayPence)) whole day",
                    before: nil, after: policy))
            return policy
        }
    }

    /// The fields of a new earnings limit.
    public struct LimitInput: Sendable, Equatable {
        public var period: LimitPeriod
        public var effectiveFrom: String
        public var name: String
        public var amountPence: Int
        public var hoursLimitMinutes: Int?
        public var note: String
    }

    /// Another limit of the same period already starts on that day (the table allows one).
    public struct DuplicateLimit: Error {}

    /// Adds a limit; throws `DuplicateLimit` when one of the same period starts that day, even if it was added a moment
    /// ago by someone else (the table's unique start is the check that cannot race).
    public func addLimit(_ input: LimitInput, by actor: AuditActor, requestID: String?) async throws -> EarningsLimit {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            do {
                try db.execute(
                    sql: """
                        INSERT INTO earnings_limits (period, effective_from, name, amount_pence, hours_limit_minutes, note, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        input.period, input.effectiveFrom, input.name, input.amountPence, input.hoursLimitMinutes,
                        input.note,
                        actor.userID, now,
                    ])
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                throw DuplicateLimit()
            }
            let limit = try EarningsLimit.fetchOne(
                db, sql: "SELECT * FROM earnings_limits WHERE id = ?", arguments: [db.lastInsertedRowID])!
            try audit.record(
                AuditChange<EarningsLimit>(
                    action: "earnings_limit.added", recordKind: "earnings_limit", recordID: String(limit.id),
                    summary:
                        "\(limit.period.label) earnings limit from \(LondonTime.day(limit.effectiveFrom)): \(Money.format(limit.amountPence))",
                    before: nil, after: limit))
            return limit
        }
    }

    // MARK: Preferences

    public func preferences(userID: Int64) async throws -> PaymentPreferences {
        try await pool.read { db in try Self.preferences(userID: userID, in: db) }
    }

    static func preferences(userID: Int64, in db: Database) throws -> PaymentPreferences {
        try PaymentPreferences.fetchOne(
            db, sql: "SELECT * FROM payment_preferences WHERE user_id = ?", arguments: [userID])
            ?? PaymentPreferences(
                userID: userID, limitPeriod: nil, defaultChoice: .full, defaultLowerPence: nil, defaultCharity: "")
    }

    /// Saves a person's own preferences. The audit row says that they changed, not what they are: which
    /// earnings limit applies to someone is theirs alone.
    public func savePreferences(_ preferences: PaymentPreferences, by actor: AuditActor, requestID: String?)
        async throws
    {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql: """
                    INSERT INTO payment_preferences (user_id, limit_period, default_choice, default_lower_pence, default_charity, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (user_id) DO UPDATE SET limit_period = excluded.limit_period, default_choice = excluded.default_choice,
                        default_lower_pence = excluded.default_lower_pence, default_charity = excluded.default_charity, updated_at = excluded.updated_at
                    """,
                arguments: [
                    preferences.userID, preferences.limitPeriod, preferences.defaultChoice,
                    preferences.defaultLowerPence,
                    preferences.defaultCharity, now,
                ])
            try audit.record(
                AuditChange<String>(
                    action: "payment_preferences.changed", recordKind: "payment_preferences",
                    recordID: String(preferences.userID),
                    summary: "Changed their own payment preferences (kept private)", before: nil, after: nil))
        }
    }

    // MARK: Duties

    /// People named to approve claims or record payments, with their names.
    public func duties() async throws -> [ClaimDuty] {
        try await pool.read { db in
            try ClaimDuty.fetchAll(
                db,
                sql: """
                    SELECT d.user_id, d.duty, u.name FROM claim_duties d JOIN users u ON u.id = d.user_id
                    WHERE u.is_active ORDER BY d.duty, u.name COLLATE NOCASE
                    """)
        }
    }

    /// The duties a person has been named for, in one read.
    public func namedDuties(userID: Int64) async throws -> Set<ClaimDuty.Duty> {
        try await pool.read { db in
            Set(
                try ClaimDuty.Duty.fetchAll(
                    db, sql: "SELECT duty FROM claim_duties WHERE user_id = ?", arguments: [userID]))
        }
    }

    public func holds(_ duty: ClaimDuty.Duty, userID: Int64) async throws -> Bool {
        try await pool.read { db in try Self.holds(duty, userID: userID, in: db) }
    }

    static func holds(_ duty: ClaimDuty.Duty, userID: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM claim_duties WHERE user_id = ? AND duty = ?)",
            arguments: [userID, duty]) ?? false
    }

    public func grant(_ duty: ClaimDuty.Duty, to userID: Int64, name: String, by actor: AuditActor, requestID: String?)
        async throws
    {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql: "INSERT OR IGNORE INTO claim_duties (user_id, duty, granted_by, granted_at) VALUES (?, ?, ?, ?)",
                arguments: [userID, duty, actor.userID, now])
            guard db.changesCount > 0 else { return }
            try audit.record(
                AuditChange<String>(
                    action: "claim_duty.granted", recordKind: "claim_duty", recordID: "\(userID)-\(duty.rawValue)",
                    summary: "\(name) now \(duty.sentence)", before: nil, after: duty.rawValue))
        }
    }

    public func remove(
        _ duty: ClaimDuty.Duty, from userID: Int64, name: String, by actor: AuditActor, requestID: String?
    ) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(sql: "DELETE FROM claim_duties WHERE user_id = ? AND duty = ?", arguments: [userID, duty])
            guard db.changesCount > 0 else { return }
            try audit.record(
                AuditChange<String>(
                    action: "claim_duty.removed", recordKind: "claim_duty", recordID: "\(userID)-\(duty.rawValue)",
                    summary: "\(name) no longer \(duty.sentence)", before: duty.rawValue, after: nil))
        }
    }
}

/// A person's own choices about payment: private to them.
public struct PaymentPreferences: Codable, Sendable, Equatable, FetchableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    public var userID: Int64
    /// The earnings limit the person says applies to them; nil for none.
    public var limitPeriod: LimitPeriod?
    public var defaultChoice: PaymentChoice
    public var defaultLowerPence: Int?
    public var defaultCharity: String

    enum CodingKeys: String, CodingKey {
        case userID = "userId", limitPeriod, defaultChoice, defaultLowerPence, defaultCharity
    }
}

/// Someone named to approve claims, or to record that finance has paid them.
public struct ClaimDuty: Codable, Sendable, Equatable, FetchableRecord {
    public enum Duty: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        case approve, pay

        var label: String { self == .approve ? "Approves claims" : "Records payments (finance)" }
        var sentence: String { self == .approve ? "approves claims" : "records payments for finance" }
    }

    public var userID: Int64
    public var duty: Duty
    public var name: String

    enum CodingKeys: String, CodingKey {
        case userID = "user_id", duty, name
    }
}
