import Foundation
import GRDB

/// What an alliance keeps beside its group: its shared principles and whether its membership is published.
public struct AllianceSettings: Sendable, Equatable {
    public var groupID: Int64
    public var principles: String
    public var membershipPublished: Bool

    init(row: Row) {
        groupID = row["group_id"]
        principles = row["principles"]
        membershipPublished = row["membership_published"]
    }

    /// An alliance nobody has written anything for yet.
    public init(groupID: Int64, principles: String = "", membershipPublished: Bool = false) {
        self.groupID = groupID
        self.principles = principles
        self.membershipPublished = membershipPublished
    }
}

/// An organisation's place in an alliance.
public struct AllianceMember: Sendable, Equatable {
    public var id: Int64
    public var groupID: Int64
    public var organisationID: Int64
    public var organisationName: String
    public var status: MembershipStatus
    public var statusSince: String
    public var representativeName: String
    public var representativeEmail: String
    public var principlesAgreedOn: String?
    public var termsAgreedOn: String?
    public var termsVersion: Int?
    public var version: Int

    static let selectSQL = "SELECT m.*, o.name AS organisation_name FROM alliance_members m JOIN organisations o ON o.id = m.organisation_id"

    init(row: Row) {
        id = row["id"]
        groupID = row["group_id"]
        organisationID = row["organisation_id"]
        organisationName = row["organisation_name"]
        status = MembershipStatus(rawValue: row["status"]) ?? .interested
        statusSince = row["status_since"]
        representativeName = row["representative_name"]
        representativeEmail = row["representative_email"]
        principlesAgreedOn = row["principles_agreed_on"]
        termsAgreedOn = row["terms_agreed_on"]
        termsVersion = row["terms_version"]
        version = row["version"]
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
public struct MembershipHistoryEntry: Sendable, Equatable {
    public var status: MembershipStatus
    public var onDay: String
    public var note: String
    public var byName: String?
    public var recordedAt: Date
}

/// A term as the alliance's accountable body, from the decision that elected it.
public struct AccountableBody: Sendable, Equatable {
    public var id: Int64
    public var groupID: Int64
    public var organisationID: Int64
    public var organisationName: String
    public var decisionID: Int64
    public var startsOn: String
    /// Nil while it is the current accountable body.
    public var endsOn: String?

    static let selectSQL = """
        SELECT b.*, o.name AS organisation_name FROM alliance_accountable_bodies b JOIN organisations o ON o.id = b.organisation_id
        """

    init(row: Row) {
        id = row["id"]
        groupID = row["group_id"]
        organisationID = row["organisation_id"]
        organisationName = row["organisation_name"]
        decisionID = row["decision_id"]
        startsOn = row["starts_on"]
        endsOn = row["ends_on"]
    }
}

/// Money that came into the alliance: from a commissioner, perhaps through another body, to the accountable body.
public struct FundingReceived: Sendable, Equatable {
    public var id: Int64
    public var groupID: Int64
    public var amountPence: Int
    public var fromOrganisationID: Int64
    public var fromName: String
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
        SELECT f.*, fo.name AS from_name, vo.name AS via_name, tobody.name AS to_name
          FROM alliance_funding_received f
          JOIN organisations fo ON fo.id = f.from_organisation_id
          LEFT JOIN organisations vo ON vo.id = f.via_organisation_id
          LEFT JOIN organisations tobody ON tobody.id = f.to_organisation_id
        """

    init(row: Row) {
        id = row["id"]
        groupID = row["group_id"]
        amountPence = row["amount_pence"]
        fromOrganisationID = row["from_organisation_id"]
        fromName = row["from_name"]
        viaOrganisationID = row["via_organisation_id"]
        viaName = row["via_name"]
        toOrganisationID = row["to_organisation_id"]
        toName = row["to_name"]
        periodStartsOn = row["period_starts_on"]
        periodEndsOn = row["period_ends_on"]
        description = row["description"]
        withdrawnReason = row["withdrawn_reason"]
        recordedAt = row["recorded_at"]
    }
}

/// Money allocated to a member, authorised by a recorded alliance decision.
public struct Allocation: Sendable, Equatable {
    public var id: Int64
    public var groupID: Int64
    public var organisationID: Int64
    public var organisationName: String
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

    static let selectSQL = "SELECT a.*, o.name AS organisation_name FROM alliance_allocations a JOIN organisations o ON o.id = a.organisation_id"

    init(row: Row) {
        id = row["id"]
        groupID = row["group_id"]
        organisationID = row["organisation_id"]
        organisationName = row["organisation_name"]
        amountPence = row["amount_pence"]
        periodStartsOn = row["period_starts_on"]
        periodEndsOn = row["period_ends_on"]
        purpose = row["purpose"]
        contractYears = row["contract_years"]
        contractReference = row["contract_reference"]
        source = row["source"]
        decisionID = row["decision_id"]
        withdrawnReason = row["withdrawn_reason"]
        recordedAt = row["recorded_at"]
    }
}
