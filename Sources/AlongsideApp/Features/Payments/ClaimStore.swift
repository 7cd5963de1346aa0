import Foundation
import GRDB

/// Reading and changing claims. Every change writes the claim's own history and an audit row in the same
/// transaction. Changes of state only happen from the state and version the person saw, so two approvers
/// acting at once cannot both approve, and an approved claim cannot be edited.
public struct ClaimStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock
    /// Tells the claimant when their claim is returned, approved or paid (issue 20); nil sends nothing (the demo).
    var notifier: Notifier? = nil

    /// What the owner fills in. The rate and time come from the policy in force on the activity's date.
    public struct ClaimInput: Sendable, Equatable {
        public var activity: String
        public var groupID: Int64?
        public var meetingID: Int64?
        public var activityOn: String
        public var length: ActivityLength
        public var policy: PaymentPolicy
        public var choice: PaymentChoice
        public var lowerPence: Int?
        public var charity: String
        public var expenses: [ClaimExpense]
    }

    /// The change was refused because the claim is no longer as the person saw it.
    public struct Conflict: Error {
        public let current: Claim
    }

    // MARK: Reading

    public func claim(id: Int64) async throws -> Claim? {
        try await pool.read { db in try Self.claim(id: id, in: db) }
    }

    static func claim(id: Int64, in db: Database) throws -> Claim? {
        try fetch(db, where: "c.id = ?", arguments: [id]).first
    }

    /// A person's claims, newest activity first.
    public func claims(userID: Int64) async throws -> [Claim] {
        try await pool.read { db in
            try Self.fetch(db, where: "c.user_id = ?", arguments: [userID], order: "c.activity_on DESC, c.id DESC")
        }
    }

    /// A person's claims with activity between two days (inclusive), oldest first.
    public func claims(userID: Int64, from first: String, to last: String) async throws -> [Claim] {
        try await pool.read { db in
            try Self.fetch(
                db, where: "c.user_id = ? AND c.activity_on BETWEEN ? AND ?", arguments: [userID, first, last],
                order: "c.activity_on, c.id")
        }
    }

    /// Everyone's claims in the given states, oldest activity first.
    public func claims(in statuses: [ClaimStatus], from first: String = "0000-01-01", to last: String = "9999-12-31")
        async throws -> [Claim]
    {
        try await pool.read { db in
            let marks = statuses.map { _ in "?" }.joined(separator: ", ")
            var arguments = StatementArguments(statuses.map(\.rawValue))
            arguments += [first, last]
            return try Self.fetch(
                db, where: "c.status IN (\(marks)) AND c.activity_on BETWEEN ? AND ?", arguments: arguments,
                order: "c.activity_on, c.id")
        }
    }

    /// Everyone's claims recorded as paid on a day between `first` and `last` (both included), by payment day. For the
    /// board report: lived-experience involvement paid in a period.
    public func paid(from first: String, to last: String) async throws -> [Claim] {
        try await pool.read { db in
            try Self.fetch(
                db, where: "c.status = 'paid' AND c.paid_on BETWEEN ? AND ?", arguments: [first, last],
                order: "c.paid_on, c.id")
        }
    }

    /// How many claims are in a state, for the hub's counts.
    public func count(in status: ClaimStatus) async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claims WHERE status = ?", arguments: [status]) ?? 0
        }
    }

    /// The person's other claims that count towards their earnings (sent, approved or paid), near a day.
    public func earningsEntries(userID: Int64, around isoDay: String, excluding claimID: Int64?) async throws
        -> [EarningsEntry]
    {
        let first = LondonTime.addingDays(-40, to: isoDay) ?? isoDay,
            last = LondonTime.addingDays(40, to: isoDay) ?? isoDay
        return try await claims(userID: userID, from: first, to: last)
            .filter { $0.status.counts && $0.id != claimID }.map(\.earningsEntry)
    }

    /// The owner's other claims that may be for the same activity (`DuplicateClaims`), in any state, oldest first.
    public func possibleDuplicates(of claim: Claim) async throws -> [Claim] {
        let candidates = try await pool.read { db in
            try Self.fetch(
                db, where: "c.user_id = ? AND c.id <> ? AND (c.activity_on = ? OR c.meeting_id = ?)",
                arguments: [claim.userID, claim.id, claim.activityOn, claim.meetingID], order: "c.activity_on, c.id")
        }
        return DuplicateClaims.matches(
            for: DuplicateClaims.Entry(claim), among: candidates, entry: DuplicateClaims.Entry.init)
    }

    public func events(claimID: Int64) async throws -> [ClaimEvent] {
        try await pool.read { db in
            try ClaimEvent.fetchAll(
                db,
                sql: """
                    SELECT e.kind, e.note, e.at, u.name AS who FROM claim_events e LEFT JOIN users u ON u.id = e.user_id
                    WHERE e.claim_id = ? ORDER BY e.id
                    """, arguments: [claimID])
        }
    }

    static func fetch(_ db: Database, where condition: String, arguments: StatementArguments, order: String = "c.id")
        throws -> [Claim]
    {
        let claims = try Claim.fetchAll(
            db, sql: Claim.selectSQL + " WHERE \(condition) ORDER BY \(order)", arguments: arguments)
        guard !claims.isEmpty else { return [] }
        let ids = claims.map(\.id)
        let expenses = try KeyedRecord<ClaimExpense>.grouped(
            db,
            sql: """
                SELECT *, claim_id AS key FROM claim_expenses
                 WHERE claim_id IN (\(databaseQuestionMarks(count: ids.count))) ORDER BY claim_id, position
                """, arguments: StatementArguments(ids))
        let groupNames = try GroupStore.names(ids: claims.compactMap(\.groupID), in: db)
        let meetings = try MeetingStore.meetings(ids: claims.compactMap(\.meetingID), in: db)
        return claims.map { claim in
            var claim = claim
            claim.expenses = expenses[claim.id] ?? []
            claim.groupName = claim.groupID.flatMap { groupNames[$0] }
            claim.meetingLabel = claim.meetingID.flatMap { meetings[$0] }.map(Claim.label(for:))
            return claim
        }
    }

    // MARK: The owner's changes

    public func create(_ input: ClaimInput, userID: Int64, by actor: AuditActor, requestID: String?) async throws
        -> Claim
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql: """
                    INSERT INTO claims (user_id, activity, group_id, meeting_id, activity_on, length, policy_id, rate_pence, minutes, choice,
                        lower_pence, charity, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    userID, input.activity, input.groupID, input.meetingID, input.activityOn, input.length,
                    input.policy.id,
                    input.policy.rate(input.length), input.policy.minutes(input.length), input.choice,
                    input.choice == .lower ? input.lowerPence : nil, input.choice == .charity ? input.charity : "", now,
                    now,
                ])
            let id = db.lastInsertedRowID
            try Self.saveExpenses(input.expenses, claimID: id, in: db)
            try Self.addEvent(.created, claimID: id, by: actor, note: "", at: now, in: db)
            let claim = try Self.claim(id: id, in: db)!
            try Self.audit(
                "claim.created", claim, before: nil, summary: "Started a claim for \(claim.activity)", in: audit)
            return claim
        }
    }

    /// Changes a draft or returned claim; refused when it has moved on or changed since the person loaded it.
    public func update(_ id: Int64, version: Int, with input: ClaimInput, by actor: AuditActor, requestID: String?)
        async throws -> Claim
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.claim(id: id, in: db) else { throw AppError.notFound }
            try db.execute(
                sql: """
                    UPDATE claims SET activity = ?, group_id = ?, meeting_id = ?, activity_on = ?, length = ?, policy_id = ?, rate_pence = ?,
                        minutes = ?, choice = ?, lower_pence = ?, charity = ?, updated_at = ?, version = version + 1
                    WHERE id = ? AND version = ? AND status IN ('draft', 'returned')
                    """,
                arguments: [
                    input.activity, input.groupID, input.meetingID, input.activityOn, input.length, input.policy.id,
                    input.policy.rate(input.length), input.policy.minutes(input.length), input.choice,
                    input.choice == .lower ? input.lowerPence : nil, input.choice == .charity ? input.charity : "", now,
                    id, version,
                ])
            guard db.changesCount == 1 else { throw Conflict(current: before) }
            try db.execute(sql: "DELETE FROM claim_expenses WHERE claim_id = ?", arguments: [id])
            try Self.saveExpenses(input.expenses, claimID: id, in: db)
            try Self.addEvent(.changed, claimID: id, by: actor, note: "", at: now, in: db)
            let claim = try Self.claim(id: id, in: db)!
            try Self.audit(
                "claim.changed", claim, before: before, summary: "Changed the claim for \(claim.activity)", in: audit)
            return claim
        }
    }

    /// Sends a draft or returned claim for approval, noting whether the person was shown the earnings limit warning.
    public func submit(_ id: Int64, version: Int, afterWarning: Bool = false, by actor: AuditActor, requestID: String?)
        async throws -> Claim
    {
        try await move(
            id, version: version, from: [.draft, .returned], to: .submitted,
            set: "submitted_at = ?, return_reason = '', sent_with_warning = ?",
            arguments: [clock.now(), afterWarning], event: .submitted,
            note: afterWarning ? "after being shown that it goes over their earnings limit" : "",
            action: "claim.submitted", summary: "Sent a claim for approval", by: actor, requestID: requestID)
    }

    /// Deletes a draft that was never sent.
    public func deleteDraft(_ id: Int64, version: Int, by actor: AuditActor, requestID: String?) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.claim(id: id, in: db) else { throw AppError.notFound }
            try db.execute(
                sql: "DELETE FROM claims WHERE id = ? AND version = ? AND status = 'draft'", arguments: [id, version])
            guard db.changesCount == 1 else { throw Conflict(current: before) }
            try Self.audit(
                "claim.deleted", before, before: before, summary: "Deleted a draft claim for \(before.activity)",
                in: audit)
        }
    }

    // MARK: Approving and paying

    public func approve(_ id: Int64, version: Int, by actor: AuditActor, requestID: String?) async throws -> Claim {
        try await move(
            id, version: version, from: [.submitted], to: .approved, set: "decided_by = ?, decided_at = ?",
            arguments: [actor.userID, clock.now()], event: .approved, note: "", action: "claim.approved",
            summary: "Approved a claim",
            by: actor, requestID: requestID)
    }

    public func returnClaim(_ id: Int64, version: Int, reason: String, by actor: AuditActor, requestID: String?)
        async throws -> Claim
    {
        try await move(
            id, version: version, from: [.submitted], to: .returned,
            set: "decided_by = ?, decided_at = ?, return_reason = ?",
            arguments: [actor.userID, clock.now(), reason], event: .returned, note: reason, action: "claim.returned",
            summary: "Returned a claim", by: actor, requestID: requestID)
    }

    public func markPaid(
        _ id: Int64, version: Int, on day: String, reference: String, by actor: AuditActor, requestID: String?
    ) async throws -> Claim {
        try await move(
            id, version: version, from: [.approved], to: .paid, set: "paid_on = ?, paid_reference = ?, paid_by = ?",
            arguments: [day, reference, actor.userID], event: .paid, note: "reference \(reference)",
            action: "claim.paid",
            summary: "Recorded a claim as paid", by: actor, requestID: requestID)
    }

    private func move(
        _ id: Int64, version: Int, from: [ClaimStatus], to status: ClaimStatus, set: String,
        arguments: StatementArguments,
        event: ClaimEvent.Kind, note: String, action: String, summary: String, by actor: AuditActor, requestID: String?
    ) async throws -> Claim {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.claim(id: id, in: db) else { throw AppError.notFound }
            let marks = from.map { _ in "?" }.joined(separator: ", ")
            var all: StatementArguments = [status]
            all += arguments
            all += [now, id, version]
            all += StatementArguments(from.map(\.rawValue))
            try db.execute(
                sql: """
                    UPDATE claims SET status = ?, \(set), updated_at = ?, version = version + 1
                    WHERE id = ? AND version = ? AND status IN (\(marks))
                    """, arguments: all)
            guard db.changesCount == 1 else { throw Conflict(current: before) }
            try Self.addEvent(event, claimID: id, by: actor, note: note, at: now, in: db)
            let claim = try Self.claim(id: id, in: db)!
            try Self.audit(
                action, claim, before: before, summary: "\(summary) for \(claim.activity) (\(claim.personName))",
                in: audit)
            if let notifier, let notice = ClaimNotices.notice(event, claim, note: note) {
                try notifier.send(notice, to: claim.userID, now: now, in: db)
            }
            return claim
        }
    }

    // MARK: Helpers

    static func saveExpenses(_ expenses: [ClaimExpense], claimID: Int64, in db: Database) throws {
        for (position, expense) in expenses.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO claim_expenses (claim_id, position, kind, tenths_of_a_mile, amount_pence, note, receipt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    claimID, position, expense.kind, expense.tenthsOfAMile, expense.amountPence, expense.note,
                    expense.receipt,
                ])
        }
    }

    static func addEvent(
        _ kind: ClaimEvent.Kind, claimID: Int64, by actor: AuditActor, note: String, at now: Date, in db: Database
    ) throws {
        try db.execute(
            sql: "INSERT INTO claim_events (claim_id, kind, user_id, note, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [claimID, kind, actor.userID, note, now])
    }

    static func audit(_ action: String, _ claim: Claim, before: Claim?, summary: String, in trail: AuditTrail) throws {
        try trail.record(
            AuditChange<Claim.Snapshot>(
                action: action, recordKind: "claim", recordID: String(claim.id), summary: summary,
                before: before?.snapshot,
                after: action == "claim.deleted" ? nil : claim.snapshot))
    }
}

extension ClaimStore {
    /// A meeting a claim can name: one of the person's groups' meetings, not cancelled, within the last year.
    public struct MeetingOption: Sendable, Equatable {
        public let id: Int64
        public let groupID: Int64
        public let label: String
    }

    public func claimableMeetings(groupIDs: [Int64], from first: Date, to last: Date) async throws -> [MeetingOption] {
        guard !groupIDs.isEmpty else { return [] }
        return try await pool.read { db in
            let meetings = try MeetingStore.uncancelledMeetings(groupIDs: groupIDs, from: first, to: last, in: db)
            let names = try GroupStore.names(ids: meetings.map(\.groupID), in: db)
            return meetings.map { meeting in
                MeetingOption(
                    id: meeting.id, groupID: meeting.groupID,
                    label: "\(names[meeting.groupID] ?? ""): \(meeting.purpose), \(LondonTime.date(meeting.startsAt))")
            }
        }
    }
}
