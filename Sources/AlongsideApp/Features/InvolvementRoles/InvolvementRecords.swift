import Foundation
import GRDB

/// A role description in the shape of 003 Appendix 1. Multi-line fields hold one item per line.
public struct InvolvementRole: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var content: RoleContent
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public var title: String { content.title }

    enum CodingKeys: String, CodingKey {
        case id, version, createdAt = "created_at", updatedAt = "updated_at"
    }

    var snapshot: [String: String] { content.snapshot.merging(["version": String(version)]) { $1 } }
}

/// What a manager writes on the role form. Decodes from an `involvement_roles` row; `kinds` is stored as a JSON array
/// of raw values.
public struct RoleContent: Sendable, Equatable, Decodable {
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

    enum CodingKeys: String, CodingKey {
        case title, location, payment, about, purpose, tasks, kinds, responsibilities, support, essential, desirable
        case howToApply = "how_to_apply"
    }

    /// Every text of the description, in the order the form shows them (for the placeholder check before publishing).
    var texts: [String] {
        [title, location, payment, about, purpose, tasks, responsibilities, support, essential, desirable, howToApply]
    }

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

extension InvolvementRole {
    /// The role's own columns, and its description from the same row, its kinds in the list's order.
    public init(from decoder: any Decoder) throws {
        let columns = try decoder.container(keyedBy: CodingKeys.self)
        id = try columns.decode(Int64.self, forKey: .id)
        content = try RoleContent(from: decoder)
        content.kinds = InvolvementKind.allCases.filter(content.kinds.contains)
        version = try columns.decode(Int.self, forKey: .version)
        createdAt = try columns.decode(Date.self, forKey: .createdAt)
        updatedAt = try columns.decode(Date.self, forKey: .updatedAt)
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

/// A role as the managers' list shows it: with its latest advert (attached after: see `RoleStore.summaries`) and counts.
public struct RoleSummary: Sendable, Equatable, FetchableRecord, Decodable {
    public var role: InvolvementRole
    public var advert: Advert?
    public var interestCount: Int
    public var newInterestCount: Int
    public var currentAppointments: Int

    enum CodingKeys: String, CodingKey {
        case interestCount = "interest_count", newInterestCount = "new_count", currentAppointments = "current_count"
    }
}

extension RoleSummary {
    /// The role from its row, and the counts read beside it.
    public init(from decoder: any Decoder) throws {
        let counts = try decoder.container(keyedBy: CodingKeys.self)
        role = try InvolvementRole(from: decoder)
        interestCount = try counts.decode(Int.self, forKey: .interestCount)
        newInterestCount = try counts.decode(Int.self, forKey: .newInterestCount)
        currentAppointments = try counts.decode(Int.self, forKey: .currentAppointments)
    }
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
public struct InterestHistoryEntry: Sendable, Equatable, FetchableRecord, Decodable {
    public var status: InterestStatus
    public var note: String
    public var at: Date
    public var byName: String?

    enum CodingKeys: String, CodingKey {
        case status, note, at, byName = "by_name"
    }
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
