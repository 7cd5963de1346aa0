import Foundation
import GRDB

/// A role description in the shape of 003 Appendix 1. Multi-line fields hold one item per line.
public struct InvolvementRole: Sendable, Equatable {
    public var id: Int64
    public var content: RoleContent
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public var title: String { content.title }

    init(row: Row) {
        id = row["id"]
        content = RoleContent(
            title: row["title"], location: row["location"], payment: row["payment"], about: row["about"],
            purpose: row["purpose"],
            tasks: row["tasks"], kinds: Self.kinds(fromJSON: row["kinds"]), responsibilities: row["responsibilities"],
            support: row["support"],
            essential: row["essential"], desirable: row["desirable"], howToApply: row["how_to_apply"]
        )
        version = row["version"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }

    static func kinds(fromJSON json: String) -> [InvolvementKind] {
        let raw = (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
        return InvolvementKind.allCases.filter { raw.contains($0.rawValue) }
    }

    var snapshot: [String: String] { content.snapshot.merging(["version": String(version)]) { $1 } }
}

/// What a manager writes on the role form.
public struct RoleContent: Sendable, Equatable {
    public var title: String
    public var location: String
    public var payment: String
    public var about: String
    public var purpose: String
    public var tasks: String
    public var kinds: [InvolvementKind]
    public var responsibilities: String
    public var support: String
    public var essential: String
    public var desirable: String
    public var howToApply: String

    var kindsJSON: String {
        String(decoding: (try? JSONEncoder().encode(kinds.map(\.rawValue))) ?? Data("[]".utf8), as: UTF8.self)
    }

    var snapshot: [String: String] {
        [
            "title": title, "location": location, "payment": payment, "about": about, "purpose": purpose,
            "tasks": tasks,
            "kinds": kinds.map(\.label).joined(separator: "; "), "responsibilities": responsibilities,
            "support": support,
            "essential": essential, "desirable": desirable, "how_to_apply": howToApply,
        ]
    }
}

/// A role advertised until a closing day.
public struct Advert: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var roleID: Int64
    public var closesOn: String
    public var publishedAt: Date
    public var closedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, roleID = "role_id", closesOn = "closes_on", publishedAt = "published_at", closedAt = "closed_at"
    }

    public func isOpen(today: String) -> Bool {
        AdvertRules.isOpen(closesOn: closesOn, closedEarly: closedAt != nil, today: today)
    }

    func snapshot(roleTitle: String, today: String) -> [String: String] {
        ["role": roleTitle, "closes_on": closesOn, "status": isOpen(today: today) ? "open" : "closed"]
    }
}

/// A role as the managers' list shows it: with its latest advert and counts.
public struct RoleSummary: Sendable, Equatable {
    public var role: InvolvementRole
    public var advert: Advert?
    public var interestCount: Int
    public var newInterestCount: Int
    public var currentAppointments: Int
}

/// An expression of interest. Personal data: shown only to people who manage involvement roles.
public struct Interest: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var advertID: Int64
    public var roleID: Int64
    public var roleTitle: String
    public var name: String
    public var email: String
    public var phone: String
    public var preferredContact: ContactMethod
    public var accessNeeds: String
    public var about: String
    public var status: InterestStatus
    public var statusNote: String
    public var receivedAt: Date

    static let selectSQL =
        "SELECT i.*, r.title AS role_title FROM involvement_interest i JOIN involvement_roles r ON r.id = i.role_id"

    enum CodingKeys: String, CodingKey {
        case id, advertID = "advert_id", roleID = "role_id", roleTitle = "role_title", name, email, phone
        case preferredContact = "preferred_contact", accessNeeds = "access_needs", about, status
        case statusNote = "status_note", receivedAt = "received_at"
    }

    /// For the audit log: who and where they have got to, never their access needs or what they told us about themselves.
    var snapshot: [String: String] { ["name": name, "role": roleTitle, "status": status.label] }
}

/// What someone sends from a public advert.
public struct InterestInput: Sendable, Equatable {
    public var name: String
    public var email: String
    public var phone: String
    public var preferredContact: ContactMethod
    public var accessNeeds: String
    public var about: String
}

/// One move of an expression of interest to a status.
public struct InterestHistoryEntry: Sendable, Equatable {
    public var status: InterestStatus
    public var note: String
    public var at: Date
    public var byName: String?
}

/// A person in a role.
public struct Appointment: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var roleID: Int64
    public var roleTitle: String
    public var interestID: Int64?
    public var userID: Int64?
    public var accountName: String?
    public var personName: String
    public var startsOn: String
    public var endsOn: String?

    static let selectSQL = """
        SELECT a.*, r.title AS role_title, u.name AS account_name
          FROM involvement_appointments a
          JOIN involvement_roles r ON r.id = a.role_id
          LEFT JOIN users u ON u.id = a.user_id
        """

    enum CodingKeys: String, CodingKey {
        case id, roleID = "role_id", roleTitle = "role_title", interestID = "interest_id", userID = "user_id"
        case accountName = "account_name", personName = "person_name", startsOn = "starts_on", endsOn = "ends_on"
    }

    public func standing(today: String) -> AppointmentRules.Standing {
        AppointmentRules.standing(startsOn: startsOn, endsOn: endsOn, today: today)
    }

    var snapshot: [String: String] {
        [
            "person": personName, "role": roleTitle, "starts_on": startsOn, "ends_on": endsOn ?? "",
            "account_id": userID.map(String.init) ?? "",
        ]
    }
}

/// What a manager fills in to appoint someone.
public struct AppointmentInput: Sendable, Equatable {
    public var personName: String
    public var interestID: Int64?
    public var userID: Int64?
    public var startsOn: String
    public var endsOn: String?
}
