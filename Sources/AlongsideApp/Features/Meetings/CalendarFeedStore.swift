import Foundation
import GRDB

/// Private calendar addresses. Calendar apps cannot sign in, so each person's feed address carries a secret;
/// only its hash is stored, and making a new address stops the old one working.
public struct CalendarFeedStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public func hasFeed(userID: Int64) async throws -> Bool {
        try await pool.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM calendar_feeds WHERE user_id = ?)", arguments: [userID]) ?? false
        }
    }

    /// Makes a new secret address for the person, replacing any earlier one. Returns the token to show once.
    public func renew(for user: SessionUser, requestID: String?) async throws -> String {
        let token = SecretToken.generate()
        let now = clock.now()
        try await pool.writeAudited(by: AuditActor(userID: user.id, label: user.name), at: now, requestID: requestID) {
            db, audit in
            let existed =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM calendar_feeds WHERE user_id = ?)", arguments: [user.id])
                ?? false
            try db.execute(sql: "DELETE FROM calendar_feeds WHERE user_id = ?", arguments: [user.id])
            try db.execute(
                sql: "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?, ?, ?)",
                arguments: [user.id, SecretToken.hash(token)!, now])
            let change = AuditChange<[String: String]>(
                action: existed ? "calendar address replaced" : "calendar address made", recordKind: "user",
                recordID: String(user.id),
                summary: existed
                    ? "Made a new private calendar address; the old one stopped working"
                    : "Made a private calendar address",
                before: nil, after: nil
            )
            try audit.record(change)
        }
        return token
    }

    /// The active person a feed token belongs to.
    public func person(token: String) async throws -> (id: Int64, role: Role)? {
        guard let hash = SecretToken.hash(token) else { return nil }
        return try await pool.read { db in
            try FeedPerson.fetchOne(
                db,
                sql: """
                    SELECT u.id, u.role FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token_hash = ? AND u.is_active = 1
                    """, arguments: [hash]
            )
            .map { (id: $0.id, role: $0.role) }
        }
    }

    /// Meetings of the groups a person belongs to today, from 90 days ago on (or from `since`), with their group's name.
    public func meetings(
        forUserID userID: Int64, today: String, groupID: Int64? = nil, since: Date? = nil, limit: Int? = nil
    ) async throws -> [(Meeting, String)] {
        let from = since ?? LondonTime.startOfDay(LondonTime.addingDays(-90, to: today) ?? today) ?? Date.distantPast
        return try await pool.read { db in
            var groupIDs = try GroupStore.currentGroupIDs(userID: userID, today: today, in: db)
            if let groupID { groupIDs = groupIDs.intersection([groupID]) }
            guard !groupIDs.isEmpty else { return [] }
            var arguments: StatementArguments = [from]
            arguments += StatementArguments(groupIDs.sorted())
            let meetings = try Row.fetchAll(
                db,
                sql: """
                    SELECT m.* FROM meetings m WHERE m.starts_at >= ? AND m.group_id IN (\(databaseQuestionMarks(count: groupIDs.count)))
                     ORDER BY m.starts_at
                    """ + (limit.map { " LIMIT \($0)" } ?? ""), arguments: arguments
            ).map(Meeting.init)
            let names = try GroupStore.names(ids: meetings.map(\.groupID), in: db)
            return meetings.map { ($0, names[$0.groupID] ?? "") }
        }
    }
}

/// The person a feed token belongs to: their id and role.
private struct FeedPerson: FetchableRecord, Decodable {
    var id: Int64
    var role: Role
}
