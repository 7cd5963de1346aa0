import Foundation
import GRDB

/// Expressions of interest and the people appointed to roles. Every change is written with its audit row
/// in one transaction; audit snapshots never hold access needs or what people wrote about themselves.
public struct InterestStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock
    /// Tells managers of involvement roles about new interest, and acknowledges it (issue 20); nil sends nothing.
    let notifier: Notifier?

    public init(pool: DatabasePool, clock: AppClock, notifier: Notifier? = nil) {
        self.pool = pool
        self.clock = clock
        self.notifier = notifier
    }

    /// Who the audit log names for a submission from a public advert: there is no account behind it.
    static let publicForm = AuditActor(userID: nil, label: "Public advert form")

    // MARK: Interest

    public struct Filter: Sendable, Equatable {
        public var roleID: Int64?
        public var status: InterestStatus?
    }

    /// Newest first.
    public func interests(_ filter: Filter) async throws -> [Interest] {
        var sql = Interest.selectSQL + " WHERE 1 = 1"
        var arguments = StatementArguments()
        if let roleID = filter.roleID {
            sql += " AND i.role_id = ?"
            arguments += [roleID]
        }
        if let status = filter.status {
            sql += " AND i.status = ?"
            arguments += [status.rawValue]
        }
        sql += " ORDER BY i.received_at DESC, i.id DESC"
        let (query, values) = (sql, arguments)
        return try await pool.read { db in try Row.fetchAll(db, sql: query, arguments: values).map(Interest.init) }
    }

    /// How many expressions of interest are at `status` (a home page's count, without reading them all).
    public func count(status: InterestStatus) async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM involvement_interest WHERE status = ?", arguments: [status.rawValue])
                ?? 0
        }
    }

    public func interest(id: Int64) async throws -> Interest? {
        try await pool.read { db in try Self.interest(id: id, in: db) }
    }

    static func interest(id: Int64, in db: Database) throws -> Interest? {
        try Row.fetchOne(db, sql: Interest.selectSQL + " WHERE i.id = ?", arguments: [id]).map(Interest.init)
    }

    public func history(interestID: Int64) async throws -> [InterestHistoryEntry] {
        try await pool.read { db in
            try InterestHistoryEntry.fetchAll(
                db,
                sql: """
                    SELECT h.status, h.note, h.at, u.name AS by_name FROM involvement_interest_history h
                      LEFT JOIN users u ON u.id = h.by_user_id WHERE h.interest_id = ? ORDER BY h.id
                    """, arguments: [interestID])
        }
    }

    /// Records interest sent from an open advert. Refused (nil) when the advert closed in the meantime.
    public func receive(_ input: InterestInput, advertID: Int64, requestID: String?) async throws -> Interest? {
        let now = clock.now(), today = LondonTime.isoDay(now)
        return try await pool.writeAudited(by: Self.publicForm, at: now, requestID: requestID) { db, audit in
            guard
                let advert = try Row.fetchOne(
                    db, sql: "SELECT * FROM involvement_adverts WHERE id = ?", arguments: [advertID]
                ).map(Advert.init),
                advert.isOpen(today: today)
            else { return nil }
            let alreadyFromAddress =
                try Bool.fetchOne(
                    db,
                    sql:
                        "SELECT EXISTS (SELECT 1 FROM involvement_interest WHERE advert_id = ? AND email = ? COLLATE NOCASE)",
                    arguments: [advert.id, input.email]) ?? false
            try db.execute(
                sql: """
                    INSERT INTO involvement_interest (advert_id, role_id, name, email, phone, preferred_contact, access_needs, about,
                                                      status, received_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)
                    """,
                arguments: [
                    advert.id, advert.roleID, input.name, input.email, input.phone, input.preferredContact.rawValue,
                    input.accessNeeds, input.about, now, now,
                ])
            let interest = try Self.interest(id: db.lastInsertedRowID, in: db)!
            try Self.addHistory(interest.id, .new, note: "", at: now, by: nil, in: db)
            try audit.record(
                AuditChange(
                    action: "created", recordKind: "involvement_interest", recordID: String(interest.id),
                    summary: "Received an expression of interest in \"\(interest.roleTitle)\"", before: nil,
                    after: interest.snapshot))
            if let notifier {
                let managers = try Row.fetchAll(db, sql: "SELECT id, role FROM users WHERE is_active = 1 ORDER BY id")
                    .filter { Role(rawValue: $0["role"]).map { Policy.allows($0, .manageInvolvementRoles) } ?? false }
                    .map { $0["id"] as Int64 }
                try notifier.send(InterestNotices.received(interest), to: managers, now: now, in: db)
                if !alreadyFromAddress, !interest.email.isEmpty {
                    try Outbox.enqueue(
                        InterestNotices.acknowledgement(interest, baseURL: notifier.baseURL), host: notifier.host,
                        now: now, in: db)
                }
            }
            return interest
        }
    }

    public func setStatus(
        _ id: Int64, to status: InterestStatus, note: String, by actor: AuditActor, requestID: String?
    ) async throws -> Interest {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.interest(id: id, in: db) else { throw AppError.notFound }
            let after = try Self.moveStatus(before, to: status, note: note, at: now, by: actor, in: db)
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "involvement_interest", recordID: String(id),
                    summary: "Moved \(after.name)'s interest in \"\(after.roleTitle)\" to \(status.label.lowercased())",
                    before: before.snapshot, after: after.snapshot))
            return after
        }
    }

    static func moveStatus(
        _ interest: Interest, to status: InterestStatus, note: String, at now: Date, by actor: AuditActor,
        in db: Database
    ) throws -> Interest {
        try db.execute(
            sql: "UPDATE involvement_interest SET status = ?, status_note = ?, updated_at = ? WHERE id = ?",
            arguments: [status.rawValue, note, now, interest.id])
        try addHistory(interest.id, status, note: note, at: now, by: actor.userID, in: db)
        return try Self.interest(id: interest.id, in: db)!
    }

    static func addHistory(
        _ interestID: Int64, _ status: InterestStatus, note: String, at: Date, by userID: Int64?, in db: Database
    ) throws {
        try db.execute(
            sql:
                "INSERT INTO involvement_interest_history (interest_id, status, note, at, by_user_id) VALUES (?, ?, ?, ?, ?)",
            arguments: [interestID, status.rawValue, note, at, userID])
    }

    // MARK: Appointments

    public func appointments(roleID: Int64) async throws -> [Appointment] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: Appointment.selectSQL + " WHERE a.role_id = ? ORDER BY a.starts_on DESC, a.id DESC",
                arguments: [roleID]
            ).map(Appointment.init)
        }
    }

    /// The roles a person's account has been appointed to, current ones first.
    public func appointments(userID: Int64) async throws -> [Appointment] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: Appointment.selectSQL + " WHERE a.user_id = ? ORDER BY a.ends_on IS NOT NULL, a.starts_on DESC",
                arguments: [userID]
            )
            .map(Appointment.init)
        }
    }

    public func appointment(id: Int64, roleID: Int64) async throws -> Appointment? {
        try await pool.read { db in try Self.appointment(id: id, roleID: roleID, in: db) }
    }

    static func appointment(id: Int64, roleID: Int64, in db: Database) throws -> Appointment? {
        try Row.fetchOne(db, sql: Appointment.selectSQL + " WHERE a.id = ? AND a.role_id = ?", arguments: [id, roleID])
            .map(Appointment.init)
    }

    /// Puts someone in the role. Appointing from an expression of interest moves it to "appointed" in the same transaction.
    public func appoint(_ input: AppointmentInput, roleID: Int64, by actor: AuditActor, requestID: String?) async throws
        -> Appointment
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard try RoleStore.role(id: roleID, in: db) != nil else { throw AppError.notFound }
            try db.execute(
                sql: """
                    INSERT INTO involvement_appointments (role_id, interest_id, user_id, person_name, starts_on, ends_on, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    roleID, input.interestID, input.userID, input.personName, input.startsOn, input.endsOn, now, now,
                ])
            let appointment = try Self.appointment(id: db.lastInsertedRowID, roleID: roleID, in: db)!
            try audit.record(
                AuditChange(
                    action: "created", recordKind: "involvement_appointment", recordID: String(appointment.id),
                    summary:
                        "Appointed \(appointment.personName) as \"\(appointment.roleTitle)\" from \(LondonTime.day(appointment.startsOn))",
                    before: nil, after: appointment.snapshot))
            if let interestID = input.interestID, let before = try Self.interest(id: interestID, in: db),
                before.roleID == roleID, before.status != .appointed
            {
                let after = try Self.moveStatus(
                    before, to: .appointed, note: "Appointed from \(LondonTime.day(input.startsOn))", at: now,
                    by: actor, in: db)
                try audit.record(
                    AuditChange(
                        action: "updated", recordKind: "involvement_interest", recordID: String(interestID),
                        summary: "Moved \(after.name)'s interest in \"\(after.roleTitle)\" to appointed",
                        before: before.snapshot, after: after.snapshot))
            }
            return appointment
        }
    }

    public func endAppointment(_ id: Int64, roleID: Int64, on endsOn: String, by actor: AuditActor, requestID: String?)
        async throws -> Appointment
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.appointment(id: id, roleID: roleID, in: db) else { throw AppError.notFound }
            try db.execute(
                sql: "UPDATE involvement_appointments SET ends_on = ?, updated_at = ? WHERE id = ?",
                arguments: [endsOn, now, id])
            let after = try Self.appointment(id: id, roleID: roleID, in: db)!
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "involvement_appointment", recordID: String(id),
                    summary:
                        "Set the end of \(after.personName)'s time as \"\(after.roleTitle)\" to \(LondonTime.day(endsOn))",
                    before: before.snapshot, after: after.snapshot))
            return after
        }
    }
}
