import Foundation
import GRDB

extension GroupStore {
    /// One membership of a group, or nil.
    public func membership(_ id: Int64, groupID: Int64) async throws -> Membership? {
        try await pool.read { db in
            try Membership.fetchOne(
                db, sql: Membership.selectSQL + " WHERE m.id = ? AND m.group_id = ?", arguments: [id, groupID])
        }
    }

    /// The person's own memberships of a group, current and past.
    public func memberships(userID: Int64, groupID: Int64) async throws -> [Membership] {
        try await pool.read { db in
            try Membership.fetchAll(
                db, sql: Membership.selectSQL + " WHERE m.user_id = ? AND m.group_id = ? ORDER BY m.starts_on DESC",
                arguments: [userID, groupID])
        }
    }

    /// Records whether a member agrees to be named with their lived-experience seat on the group's public page, with
    /// its audit row. The handler checks that the membership is the person's own (`Rule.nameOwnSeatPublicly`).
    public func setNamedPublicly(
        _ agreed: Bool, membershipID: Int64, groupID: Int64, by actor: AuditActor, requestID: String?
    ) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard
                let before = try Membership.fetchOne(
                    db, sql: Membership.selectSQL + " WHERE m.id = ? AND m.group_id = ?",
                    arguments: [membershipID, groupID])
            else { throw AppError.notFound }
            try db.execute(
                sql: "UPDATE memberships SET named_publicly = ?, updated_at = ? WHERE id = ?",
                arguments: [agreed, now, membershipID])
            try audit.record(
                AuditChange(
                    action: "public naming", recordKind: "group", recordID: String(groupID),
                    summary: agreed
                        ? "\(before.personName) agreed to be named as \(PublicNaming.seatPhrase(before.sector)) on the public page"
                        : "\(before.personName) chose not to be named as \(PublicNaming.seatPhrase(before.sector)) on the public page",
                    before: ["namedPublicly": before.namedPublicly ? "yes" : "no"],
                    after: ["namedPublicly": agreed ? "yes" : "no"]))
        }
    }

    /// The published groups, open ones first, by name: what the public list of groups shows.
    public func publishedGroups() async throws -> [Group] {
        try await pool.read { db in
            try Group.fetchAll(
                db,
                sql: "SELECT \(Group.columns) FROM groups WHERE visibility = 'published' "
                    + "ORDER BY status = 'closed', name COLLATE NOCASE")
        }
    }
}
