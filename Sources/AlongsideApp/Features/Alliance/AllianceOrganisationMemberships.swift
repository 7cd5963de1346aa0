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
            let places = try KeyedRecord<Place>.grouped(
                db,
                sql: """
                    SELECT group_id AS key, status, status_since FROM alliance_members WHERE organisation_id = ?
                    """, arguments: [organisationID])
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
                return (places[group.id] ?? []).map { place in
                    OrganisationMembership(
                        groupID: group.id, groupName: group.name, statusLabel: place.status.label,
                        statusTagClass: place.status.tagClass, statusSince: place.statusSince)
                }
            }
        }
    }
}

/// The organisation's place in one alliance: its status and since when.
private struct Place: Sendable, Decodable {
    var status: MembershipStatus
    var statusSince: String

    enum CodingKeys: String, CodingKey {
        case status, statusSince = "status_since"
    }
}
