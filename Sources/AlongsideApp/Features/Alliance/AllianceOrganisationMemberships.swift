import Foundation
import GRDB

/// The alliance's answer to the register's question "where does this organisation have a place?" (issue 16: the
/// register asks through `OrganisationMembershipSource`, so it reads no alliance tables itself).
struct AllianceOrganisationMemberships: OrganisationMembershipSource {
    let pool: DatabasePool

    /// The alliances the organisation has a place in, limited to the alliances `user` may see (as `GroupScope` decides).
    func memberships(organisationID: Int64, for user: SessionUser, today: String) async throws
        -> [OrganisationMembership]
    {
        try await pool.read { db in
            let places = Dictionary(
                grouping: try Row.fetchAll(
                    db,
                    sql: """
                        SELECT group_id, status, status_since FROM alliance_members WHERE organisation_id = ?
                        """, arguments: [organisationID]), by: { $0["group_id"] as Int64 })
            let memberOf = try GroupStore.currentGroupIDs(userID: user.id, today: today, in: db)
            // By the alliance's name, as the groups' store lists groups.
            return try GroupStore.groups(ids: places.keys, in: db).flatMap { group -> [OrganisationMembership] in
                guard
                    Policy.allows(
                        .seeGroup,
                        Standing(
                            role: user.role, isMember: memberOf.contains(group.id),
                            inAlliance: group.kind == .vcseAlliance,
                            isPublished: group.visibility == .published))
                else { return [] }
                return (places[group.id] ?? []).map { row in
                    let status = MembershipStatus(rawValue: row["status"]) ?? .interested
                    return OrganisationMembership(
                        groupID: group.id, groupName: group.name,
                        statusLabel: status.label, statusTagClass: status.tagClass, statusSince: row["status_since"])
                }
            }
        }
    }
}
