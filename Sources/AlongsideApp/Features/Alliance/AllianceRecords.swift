import Foundation
import GRDB

/// What an alliance keeps beside its group: its shared principles and whether its membership is published.
public struct AllianceSettings: Sendable, Equatable, FetchableRecord, Decodable {
    public var groupID: Int64
    public var principles: String
    public var membershipPublished: Bool

    enum CodingKeys: String, CodingKey {
        case groupID = "group_id", principles, membershipPublished = "membership_published"
    }

    /// An alliance nobody has written anything for yet.
    public init(groupID: Int64, principles: String = "", membershipPublished: Bool = false) {
        self.groupID = groupID
        self.principles = principles
        self.membershipPublished = membershipPublished
    }
}

/// An organisation's place in an alliance.
public struct AllianceMember: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var groupID: Int64
    public var organisationID: Int64
    /// Named from the register after the read (`NamesOrganisations`).
    public var organisationName: String = ""
    public var status: MembershipStatus
    public var statusSince: String
    public var representativeName: String
    public var representativeEmail: String
    public var principlesAgreedOn: String?
    public var termsAgreedOn: String?
    public var termsVersion: Int?
    public var version: Int

    static let selectSQL = "SELECT m.* FROM alliance_members m"

    enum CodingKeys: String, CodingKey {
        case id, groupID = "group_id", organisationID = "organisation_id"
        case status, statusSince = "status_since", representativeName = "representative_name"
        case representativeEmail = "representative_email", principlesAgreedOn = "principles_agreed_on"
        case termsAgreedOn = "terms_agreed_on", termsVersion = "terms_version", version
    }

    var snapshot: [String: String] {
        [
            "organisation": organisationName, "status": status.label, "status_since": statusSince,
            "representative": representativeName, "principles_agreed_on": principlesAgreedOn ?? "",
            "terms_agreed_on": termsAgreedOn ?? "", "terms_version": termsVersion.map(String.init) ?? "",
        ]
    }
}

/// One move of a member from one status to another.
public struct MembershipHistoryEntry: Sendable, Equatable, FetchableRecord, Decodable {
    public var status: MembershipStatus
    public var onDay: String
    public var note: String
    public var byName: String?
    public var recordedAt: Date

    enum CodingKeys: String, CodingKey {
        case status, onDay = "on_day", note, byName = "by_name", recordedAt = "recorded_at"
    }
}

/// A term as the alliance's accountable body, from the decision that elected it.
public struct AccountableBody: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var groupID: Int64
    public var organisationID: Int64
    /// Named from the register after the read (`NamesOrganisations`).
    public var organisationName: String = ""
    public var decisionID: Int64
    public var startsOn: String
    /// Nil while it is the current accountable body.
    public var endsOn: String?

    static let selectSQL = "SELECT b.* FROM alliance_accountable_bodies b"

    enum CodingKeys: String, CodingKey {
        case id, groupID = "group_id", organisationID = "organisation_id"
        case decisionID = "decision_id", startsOn = "starts_on", endsOn = "ends_on"
    }
}

/// Money that came into the alliance: from a commissioner, perhaps through another body, to the accountable body.
public struct FundingReceived: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var groupID: Int64
    public var amountPence: Int
    public var fromOrganisationID: Int64
    /// The names are filled in from the register after the read (`NamesOrganisations`).
    public var fromName: String = ""
    public var viaOrganisationID: Int64?
    public var viaName: String?
    public var toOrganisationID: Int64?
    public var toName: String?
    public var periodStartsOn: String
    public var periodEndsOn: String
    public var description: String
    public var withdrawnReason: String?
    public var recordedAt: Date

    public var isWithdrawn: Bool { withdrawnReason != nil }

    static let selectSQL = """
        SELECT f.* FROM alliance_funding_received f
        """

    enum CodingKeys: String, CodingKey {
        case id, groupID = "group_id", amountPence = "amount_pence", fromOrganisationID = "from_organisation_id"
        case viaOrganisationID = "via_organisation_id"
        case toOrganisationID = "to_organisation_id", periodStartsOn = "period_starts_on"
        case periodEndsOn = "period_ends_on", description, withdrawnReason = "withdrawn_reason"
        case recordedAt = "recorded_at"
    }
}

/// Money allocated to a member, authorised by a recorded alliance decision.
public struct Allocation: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var groupID: Int64
    public var organisationID: Int64
    /// Named from the register after the read (`NamesOrganisations`).
    public var organisationName: String = ""
    public var amountPence: Int
    public var periodStartsOn: String
    public var periodEndsOn: String
    public var purpose: String
    public var contractYears: Int
    public var contractReference: String
    public var source: String
    public var decisionID: Int64
    public var withdrawnReason: String?
    public var recordedAt: Date

    public var isWithdrawn: Bool { withdrawnReason != nil }

    static let selectSQL = "SELECT a.* FROM alliance_allocations a"

    enum CodingKeys: String, CodingKey {
        case id, groupID = "group_id", organisationID = "organisation_id"
        case amountPence = "amount_pence", periodStartsOn = "period_starts_on", periodEndsOn = "period_ends_on", purpose
        case contractYears = "contract_years", contractReference = "contract_reference", source
        case decisionID = "decision_id", withdrawnReason = "withdrawn_reason", recordedAt = "recorded_at"
    }
}
