import Foundation
import GRDB

/// A group as stored.
public struct Group: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var name: String
    public var kind: GroupKind
    public var purpose: String
    public var status: GroupStatus
    public var visibility: Visibility
    /// Stored as a JSON array of raw values.
    public var requirements: [SeatRequirement]
    public var createdAt: Date
    public var updatedAt: Date

    static let columns = "id, name, kind, purpose, status, visibility, required_seats, created_at, updated_at"

    enum CodingKeys: String, CodingKey {
        case id, name, kind, purpose, status, visibility, requirements = "required_seats", createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// What the audit log keeps of a group.
    public var snapshot: [String: String] {
        [
            "name": name, "kind": kind.label, "purpose": purpose, "status": status.label,
            "visibility": visibility.rawValue, "requiredSeats": requirements.map(\.label).joined(separator: "; "),
        ]
    }

    static func encode(_ requirements: [SeatRequirement]) -> String {
        String(decoding: (try? JSONEncoder().encode(requirements.map(\.rawValue))) ?? Data("[]".utf8), as: UTF8.self)
    }
}

/// A membership with the names the group page shows.
public struct Membership: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var groupID: Int64
    public var userID: Int64
    public var personName: String
    public var seat: Seat
    public var sector: Sector
    public var community: String?
    public var organisation: String?
    public var deputyUserID: Int64?
    public var deputyName: String?
    public var startsOn: String
    public var endsOn: String?
    /// True when the member agreed to be named with their lived-experience seat on the group's public page; only they
    /// set it (issue 18).
    public var namedPublicly: Bool

    static let selectSQL = """
        SELECT m.id, m.group_id, m.user_id, u.name AS person_name, m.seat, m.sector, m.community, m.organisation,
               m.deputy_user_id, d.name AS deputy_name, m.starts_on, m.ends_on, m.named_publicly
        FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN users d ON d.id = m.deputy_user_id
        """

    enum CodingKeys: String, CodingKey {
        case id, groupID = "group_id", userID = "user_id", personName = "person_name", seat, sector, community
        case organisation, deputyUserID = "deputy_user_id", deputyName = "deputy_name", startsOn = "starts_on"
        case endsOn = "ends_on", namedPublicly = "named_publicly"
    }

    /// True when the public page would label this member as an expert by experience or a carer.
    var hasLivedExperienceSeat: Bool { sector.isLivedExperience }

    public var snapshot: [String: String] {
        var values = ["person": personName, "seat": seat.label, "represents": sector.label, "starts": startsOn]
        if let community { values["community"] = community }
        if let organisation { values["organisation"] = organisation }
        if let deputyName { values["deputy"] = deputyName }
        if let endsOn { values["ends"] = endsOn }
        return values
    }

    var compositionMember: CompositionCheck.Member {
        CompositionCheck.Member(
            name: personName, seat: seat, sector: sector, community: community, startsOn: startsOn, endsOn: endsOn)
    }
}
