import Foundation
import GRDB

/// Reading and changing groups and memberships. Every change writes its audit row in the same transaction.
public struct GroupStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    /// The fields a person fills in for a group.
    public struct GroupInput: Sendable, Equatable {
        public var name: String
        public var kind: GroupKind
        public var purpose: String
        public var status: GroupStatus
        public var visibility: Visibility
        public var requirements: [SeatRequirement]
    }

    /// The fields a person fills in for a membership.
    public struct MembershipInput: Sendable, Equatable {
        public var userID: Int64
        public var seat: Seat
        public var sector: Sector
        public var community: String?
        public var organisation: String?
        public var deputyUserID: Int64?
        public var startsOn: String
        public var endsOn: String?
    }

    /// Groups the person may see, with whether they are a current member of each.
    public func visibleGroups(for user: SessionUser, today: String) async throws -> [(group: Group, isMember: Bool)] {
        try await pool.read { db in
            try GroupWithMembership.fetchAll(
                db,
                sql: """
                    SELECT \(Group.columns),
                           EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = groups.id AND m.user_id = ?
                                   AND m.starts_on <= ? AND (m.ends_on IS NULL OR m.ends_on > ?)) AS is_member
                    FROM groups ORDER BY status = 'closed', name COLLATE NOCASE
                    """, arguments: [user.id, today, today]
            )
            .map { (group: $0.group, isMember: $0.isMember) }
            .filter { Policy.allows(.seeGroup, $0.group.standing(role: user.role, isMember: $0.isMember)) }
        }
    }

    /// The seats held in a group on `today`, by person (one person may hold more than one), for a feature that counts
    /// members inside its own transaction (a proposal closing).
    static func currentSeats(groupID: Int64, today: String, in db: Database) throws -> [(
        userID: Int64, seat: Seat, sector: Sector
    )] {
        try HeldSeat.fetchAll(
            db,
            sql: """
                SELECT user_id, seat, sector FROM memberships WHERE group_id = ? AND starts_on <= ? AND (ends_on IS NULL OR ends_on > ?)
                ORDER BY user_id
                """, arguments: [groupID, today, today]
        ).map { (userID: $0.userID, seat: $0.seat, sector: $0.sector) }
    }

    /// How many groups there are, closed ones included.
    static func count(in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM groups") ?? 0
    }

    public func find(id: Int64) async throws -> Group? {
        try await pool.read { db in
            try Group.fetchOne(db, sql: "SELECT \(Group.columns) FROM groups WHERE id = ?", arguments: [id])
        }
    }

    public func memberships(groupID: Int64) async throws -> [Membership] {
        try await pool.read { db in
            try Membership.fetchAll(
                db,
                sql: Membership.selectSQL
                    + " WHERE m.group_id = ? ORDER BY m.ends_on IS NOT NULL, m.seat = 'observer', u.name COLLATE NOCASE",
                arguments: [groupID]
            )
        }
    }

    public func isCurrentMember(userID: Int64, groupID: Int64, today: String) async throws -> Bool {
        try await pool.read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM memberships WHERE group_id = ? AND user_id = ?
                                   AND starts_on <= ? AND (ends_on IS NULL OR ends_on > ?))
                    """, arguments: [groupID, userID, today, today]) ?? false
        }
    }

    /// The seats a person holds on a group today (chairs and secretaries run its meetings and decisions).
    public func currentSeats(userID: Int64, groupID: Int64, today: String) async throws -> [Seat] {
        try await pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT seat FROM memberships WHERE group_id = ? AND user_id = ? AND starts_on <= ? AND (ends_on IS NULL OR ends_on > ?)
                    """, arguments: [groupID, userID, today, today]
            ).compactMap(Seat.init)
        }
    }

    /// The seats a person holds today on every group they belong to.
    public func currentSeats(userID: Int64, today: String) async throws -> [Int64: [Seat]] {
        try await pool.read { db in
            try KeyedValue<Seat>.grouped(
                db,
                sql: """
                    SELECT group_id AS key, seat AS value FROM memberships WHERE user_id = ? AND starts_on <= ? AND (ends_on IS NULL OR ends_on > ?)
                    """, arguments: [userID, today, today])
        }
    }

    public func create(_ input: GroupInput, by actor: AuditActor, requestID: String?) async throws -> Group {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql: """
                    INSERT INTO groups (name, kind, purpose, status, visibility, required_seats, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    input.name, input.kind.rawValue, input.purpose, input.status.rawValue, input.visibility.rawValue,
                    Group.encode(input.requirements), now, now,
                ])
            let group = try Row.fetchOne(
                db, sql: "SELECT \(Group.columns) FROM groups WHERE id = ?", arguments: [db.lastInsertedRowID]
            ).map(Group.init)!
            let change = AuditChange<[String: String]>(
                action: "created", recordKind: "group", recordID: String(group.id),
                summary: "Created the group \(group.name)", before: nil, after: group.snapshot
            )
            try audit.record(change)
            return group
        }
    }

    public func update(_ id: Int64, with input: GroupInput, by actor: AuditActor, requestID: String?) async throws
        -> Group
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard
                let before = try Row.fetchOne(
                    db, sql: "SELECT \(Group.columns) FROM groups WHERE id = ?", arguments: [id]
                ).map(Group.init)
            else { throw AppError.notFound }
            try db.execute(
                sql: """
                    UPDATE groups SET name = ?, purpose = ?, status = ?, visibility = ?, required_seats = ?, updated_at = ? WHERE id = ?
                    """,
                arguments: [
                    input.name, input.purpose, input.status.rawValue, input.visibility.rawValue,
                    Group.encode(input.requirements), now, id,
                ])
            let after = try Row.fetchOne(db, sql: "SELECT \(Group.columns) FROM groups WHERE id = ?", arguments: [id])
                .map(Group.init)!
            let change = AuditChange(
                action: "updated", recordKind: "group", recordID: String(id),
                summary: "Changed the group \(after.name)", before: before.snapshot, after: after.snapshot
            )
            try audit.record(change)
            return after
        }
    }

    public func addMember(_ input: MembershipInput, groupID: Int64, by actor: AuditActor, requestID: String?)
        async throws -> Membership
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql: """
                    INSERT INTO memberships (group_id, user_id, seat, sector, community, organisation, deputy_user_id, starts_on, ends_on, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    groupID, input.userID, input.seat.rawValue, input.sector.rawValue, input.community,
                    input.organisation,
                    input.deputyUserID, input.startsOn, input.endsOn, now, now,
                ])
            let membership = try Row.fetchOne(
                db, sql: Membership.selectSQL + " WHERE m.id = ?", arguments: [db.lastInsertedRowID]
            ).map(Membership.init)!
            let change = AuditChange<[String: String]>(
                action: "member added", recordKind: "group", recordID: String(groupID),
                summary: "Added \(membership.personName) as \(membership.seat.label.lowercased())", before: nil,
                after: membership.snapshot
            )
            try audit.record(change)
            return membership
        }
    }

    /// Ends a membership on `day` (it stays in the group's history).
    public func endMembership(_ id: Int64, groupID: Int64, on day: String, by actor: AuditActor, requestID: String?)
        async throws
    {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard
                let before = try Row.fetchOne(
                    db, sql: Membership.selectSQL + " WHERE m.id = ? AND m.group_id = ?", arguments: [id, groupID]
                ).map(Membership.init)
            else { throw AppError.notFound }
            let endsOn = max(day, before.startsOn)
            try db.execute(
                sql: "UPDATE memberships SET ends_on = ?, updated_at = ? WHERE id = ?", arguments: [endsOn, now, id])
            var after = before
            after.endsOn = endsOn
            let change = AuditChange(
                action: "member left", recordKind: "group", recordID: String(groupID),
                summary: "Ended \(before.personName)'s membership", before: before.snapshot, after: after.snapshot
            )
            try audit.record(change)
        }
    }
}

/// A group with whether the person asking is a current member (`is_member`), for the list of groups.
private struct GroupWithMembership: FetchableRecord, Decodable {
    var group: Group
    var isMember: Bool

    enum CodingKeys: String, CodingKey {
        case isMember = "is_member"
    }

    init(from decoder: any Decoder) throws {
        group = try Group(from: decoder)
        isMember = try decoder.container(keyedBy: CodingKeys.self).decode(Bool.self, forKey: .isMember)
    }
}

/// A seat held on a group: who, which seat, representing which sector.
private struct HeldSeat: FetchableRecord, Decodable {
    var userID: Int64
    var seat: Seat
    var sector: Sector

    enum CodingKeys: String, CodingKey {
        case userID = "user_id", seat, sector
    }
}
