import Foundation
import GRDB

/// The alliance's answer to the register's question "where does this organisation have a place?" (issue 16: the
/// register asks through `OrganisationMembershipSource`, so it reads no alliance tables itself).
struct AllianceOrganisationMemberships: OrganisationMembershipSource {
    let pool: DatabasePool

    /// The alliances the organisation has a place in, limited to the alliances `user` may see (as `GroupScope` decides).
    func memberships(organisationID: Int64, for user: SessionUser, today: String) async throws -> [OrganisationMembership] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT am.group_id, g.name, g.kind, g.visibility, am.status, am.status_since,
                       EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = g.id AND m.user_id = ?
                               AND m.starts_on <= ? AND (m.ends_on IS NULL OR m.ends_on > ?)) AS is_member
                  FROM alliance_members am JOIN groups g ON g.id = am.group_id
                 WHERE am.organisation_id = ?
                 ORDER BY g.name COLLATE NOCASE, g.id
                """, arguments: [user.id, today, today, organisationID]).compactMap { row in
                guard let kind = GroupKind(rawValue: row["kind"]), let visibility = Visibility(rawValue: row["visibility"]),
                      Policy.allows(.seeGroup, Standing(role: user.role, isMember: row["is_member"], inAlliance: kind == .vcseAlliance,
                                                                isPublished: visibility == .published))
                else { return nil }
                let status = MembershipStatus(rawValue: row["status"]) ?? .interested
                return OrganisationMembership(groupID: row["group_id"], groupName: row["name"],
                                              statusLabel: status.label, statusTagClass: status.tagClass, statusSince: row["status_since"])
            }
        }
    }
}
