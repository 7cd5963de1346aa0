import Foundation
import GRDB

/// Involvement role descriptions and their adverts. Every change is written with its audit row in one transaction.
public struct RoleStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public init(pool: DatabasePool, clock: AppClock) {
        self.pool = pool
        self.clock = clock
    }

    var today: String { LondonTime.isoDay(clock.now()) }

    public enum EditOutcome: Sendable {
        case saved(InvolvementRole)
        /// Someone else saved first; their version is returned so both can be shown.
        case conflict(current: InvolvementRole)
    }

    // MARK: Roles

    public func role(id: Int64) async throws -> InvolvementRole? {
        try await pool.read { db in try Self.role(id: id, in: db) }
    }

    static func role(id: Int64, in db: Database) throws -> InvolvementRole? {
        try InvolvementRole.fetchOne(db, sql: "SELECT * FROM involvement_roles WHERE id = ?", arguments: [id])
    }

    /// Every role, by title, with its latest advert, the interest it has had and how many people are in it today.
    public func summaries(today: String) async throws -> [RoleSummary] {
        try await pool.read { db in
            let adverts = try Advert.fetchAll(db, sql: "SELECT * FROM involvement_adverts ORDER BY id")
            let latest = Dictionary(adverts.map { ($0.roleID, $0) }) { _, later in later }
            return try RoleSummary.fetchAll(
                db,
                sql: """
                    SELECT r.*,
                           (SELECT COUNT(*) FROM involvement_interest i WHERE i.role_id = r.id) AS interest_count,
                           (SELECT COUNT(*) FROM involvement_interest i WHERE i.role_id = r.id AND i.status = 'new') AS new_count,
                           (SELECT COUNT(*) FROM involvement_appointments a
                             WHERE a.role_id = r.id AND a.starts_on <= ? AND (a.ends_on IS NULL OR a.ends_on >= ?)) AS current_count
                      FROM involvement_roles r ORDER BY r.title COLLATE NOCASE, r.id
                    """, arguments: [today, today]
            ).map { summary in
                var summary = summary
                summary.advert = latest[summary.role.id]
                return summary
            }
        }
    }

    /// Roles for a filter list: id and title.
    public func titles() async throws -> [(id: Int64, title: String)] {
        try await pool.read { db in
            try RoleTitle.fetchAll(db, sql: "SELECT id, title FROM involvement_roles ORDER BY title COLLATE NOCASE, id")
        }
        .map { (id: $0.id, title: $0.title) }
    }

    public func create(_ content: RoleContent, by actor: AuditActor, requestID: String?) async throws -> InvolvementRole
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql: """
                    INSERT INTO involvement_roles (title, location, payment, about, purpose, tasks, kinds, responsibilities, support,
                                                   essential, desirable, how_to_apply, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: Self.arguments(content) + [now, now])
            let role = try Self.role(id: db.lastInsertedRowID, in: db)!
            try audit.record(
                AuditChange(
                    action: "created", recordKind: "involvement_role", recordID: String(role.id),
                    summary: "Wrote the role description \"\(role.title)\"", before: nil, after: role.snapshot))
            return role
        }
    }

    /// Saves an edit made from `expectedVersion`; refuses it when someone else has saved since.
    public func update(
        _ id: Int64, _ content: RoleContent, expectedVersion: Int, by actor: AuditActor, requestID: String?
    ) async throws -> EditOutcome {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.role(id: id, in: db) else { throw AppError.notFound }
            guard before.version == expectedVersion else { return .conflict(current: before) }
            try db.execute(
                sql: """
                    UPDATE involvement_roles SET title = ?, location = ?, payment = ?, about = ?, purpose = ?, tasks = ?, kinds = ?,
                           responsibilities = ?, support = ?, essential = ?, desirable = ?, how_to_apply = ?,
                           version = version + 1, updated_at = ?
                     WHERE id = ?
                    """, arguments: Self.arguments(content) + [now, id])
            let after = try Self.role(id: id, in: db)!
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "involvement_role", recordID: String(id),
                    summary: "Edited the role description \"\(after.title)\"", before: before.snapshot,
                    after: after.snapshot))
            return .saved(after)
        }
    }

    static func arguments(_ content: RoleContent) -> StatementArguments {
        [
            content.title, content.location, content.payment, content.about, content.purpose, content.tasks,
            content.kindsJSON,
            content.responsibilities, content.support, content.essential, content.desirable, content.howToApply,
        ]
    }

    // MARK: Adverts

    /// The role's most recent advert, open or not.
    public func latestAdvert(roleID: Int64) async throws -> Advert? {
        try await pool.read { db in try Self.latestAdvert(roleID: roleID, in: db) }
    }

    static func latestAdvert(roleID: Int64, in db: Database) throws -> Advert? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM involvement_adverts WHERE role_id = ? ORDER BY id DESC LIMIT 1", arguments: [roleID]
        ).map(Advert.init)
    }

    /// An advert and its role, only while it is open today: what the public may see.
    public func openAdvert(id: Int64, today: String) async throws -> (advert: Advert, role: InvolvementRole)? {
        try await pool.read { db in
            guard
                let advert = try Row.fetchOne(
                    db, sql: "SELECT * FROM involvement_adverts WHERE id = ?", arguments: [id]
                ).map(Advert.init),
                advert.isOpen(today: today), let role = try Self.role(id: advert.roleID, in: db)
            else { return nil }
            return (advert, role)
        }
    }

    /// Every advert open today, closing soonest first.
    public func openAdverts(today: String) async throws -> [(advert: Advert, role: InvolvementRole)] {
        try await pool.read { db in
            let adverts = try Row.fetchAll(
                db,
                sql:
                    "SELECT * FROM involvement_adverts WHERE closed_at IS NULL AND closes_on >= ? ORDER BY closes_on, id",
                arguments: [today]
            ).map(Advert.init)
            return try adverts.compactMap { advert in try Self.role(id: advert.roleID, in: db).map { (advert, $0) } }
        }
    }

    /// Advertises the role until `closesOn`. If it is already open, this moves the closing date instead of
    /// starting a second advert, so interest already sent stays with the advert it answered.
    public func publish(roleID: Int64, closesOn: String, by actor: AuditActor, requestID: String?) async throws
        -> Advert
    {
        let now = clock.now(), today = LondonTime.isoDay(now)
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let role = try Self.role(id: roleID, in: db) else { throw AppError.notFound }
            let before = try Self.latestAdvert(roleID: roleID, in: db)
            let summary: String
            if let before, before.isOpen(today: today) {
                try db.execute(
                    sql: "UPDATE involvement_adverts SET closes_on = ? WHERE id = ?", arguments: [closesOn, before.id])
                summary = "Changed the closing date of the advert for \"\(role.title)\" to \(LondonTime.day(closesOn))"
            } else {
                try db.execute(
                    sql:
                        "INSERT INTO involvement_adverts (role_id, closes_on, published_at, published_by) VALUES (?, ?, ?, ?)",
                    arguments: [roleID, closesOn, now, actor.userID])
                summary = "Advertised \"\(role.title)\", closing on \(LondonTime.day(closesOn))"
            }
            let after = try Self.latestAdvert(roleID: roleID, in: db)!
            let wasOpen = before.map { $0.isOpen(today: today) } ?? false
            try audit.record(
                AuditChange(
                    action: wasOpen ? "updated" : "created", recordKind: "involvement_advert",
                    recordID: String(after.id),
                    summary: summary, before: wasOpen ? before?.snapshot(roleTitle: role.title, today: today) : nil,
                    after: after.snapshot(roleTitle: role.title, today: today)))
            return after
        }
    }

    /// Closes the role's open advert before its closing date. Returns false when there was none open.
    public func closeAdvert(roleID: Int64, by actor: AuditActor, requestID: String?) async throws -> Bool {
        let now = clock.now(), today = LondonTime.isoDay(now)
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let role = try Self.role(id: roleID, in: db) else { throw AppError.notFound }
            guard let before = try Self.latestAdvert(roleID: roleID, in: db), before.isOpen(today: today) else {
                return false
            }
            try db.execute(
                sql: "UPDATE involvement_adverts SET closed_at = ?, closed_by = ? WHERE id = ?",
                arguments: [now, actor.userID, before.id])
            let after = try Self.latestAdvert(roleID: roleID, in: db)!
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "involvement_advert", recordID: String(before.id),
                    summary: "Closed the advert for \"\(role.title)\" early",
                    before: before.snapshot(roleTitle: role.title, today: today),
                    after: after.snapshot(roleTitle: role.title, today: today)))
            return true
        }
    }
}

/// A role's id and title, for a filter list.
private struct RoleTitle: FetchableRecord, Decodable {
    var id: Int64
    var title: String
}
