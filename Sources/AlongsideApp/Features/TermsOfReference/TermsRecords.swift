import Foundation
import GRDB

/// One version of a group's terms of reference.
public struct TermsVersion: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var groupID: Int64
    public var number: Int
    public var status: TermsStatus
    public var content: TermsContent
    public var revision: Int
    public var visibility: Visibility
    public var updatedAt: Date

    static let columns = """
        id, group_id, version_number, status, scope, attendance, deputies_allowed, decision_method, quorum_kind,
        quorum_value, quorum_needs_lived_experience, ways_of_working, review_on, revision, visibility, updated_at
        """

    enum CodingKeys: String, CodingKey {
        case id, groupID = "group_id", number = "version_number", status, revision, visibility
        case updatedAt = "updated_at"
    }
}

/// What a version says: the parts 003 step 1 says terms of reference should cover. Decodes from a
/// `terms_of_reference` row.
public struct TermsContent: Sendable, Equatable, Decodable {
    public var scope: String
    public var attendance: String
    public var deputiesAllowed: Bool
    public var decisionMethod: DecisionMethod
    public var quorumKind: QuorumKind
    public var quorumValue: Int
    public var quorumNeedsLivedExperience: Bool
    public var waysOfWorking: String
    public var reviewOn: String?

    enum CodingKeys: String, CodingKey {
        case scope, attendance, deputiesAllowed = "deputies_allowed", decisionMethod = "decision_method"
        case quorumKind = "quorum_kind", quorumValue = "quorum_value"
        case quorumNeedsLivedExperience = "quorum_needs_lived_experience", waysOfWorking = "ways_of_working"
        case reviewOn = "review_on"
    }

    /// A first draft to start from, in the project's own words.
    public static let starter = TermsContent(
        scope:
            "What this group is for, what it oversees, and how it will shape the local community mental health model together with the people who use services.",
        attendance:
            "Members attend every meeting they can. Meetings are planned well ahead, with papers sent a week before in accessible formats.",
        deputiesAllowed: true, decisionMethod: .consensus, quorumKind: .share, quorumValue: 50,
        quorumNeedsLivedExperience: true,
        waysOfWorking:
            "We build trust by being open about what we know and what we decide. Experts by experience are equal partners, paid for their time. We co-produce: nothing about us without us.",
        reviewOn: nil
    )

    /// The version as titled sections of text, for reading and for comparing versions.
    public var sections: [(title: String, text: String)] {
        let quorum = quorumKind == .count ? "\(quorumValue) members" : "\(quorumValue)% of members"
        return [
            ("Scope and approach", scope),
            (
                "Attendance and deputies",
                attendance + "\n" + (deputiesAllowed ? "Members may send a deputy." : "Members may not send a deputy.")
            ),
            ("How decisions are made", decisionMethod.label),
            (
                "Quorum",
                quorum + (quorumNeedsLivedExperience ? ", including at least one expert by experience or carer" : "")
            ),
            ("Ways of working", waysOfWorking),
            ("Review date", reviewOn.map(LondonTime.day) ?? "Not set"),
        ]
    }

    var snapshot: [String: String] {
        Dictionary(uniqueKeysWithValues: sections.map { ($0.title, $0.text) })
    }
}

extension TermsVersion {
    /// The version's own columns, and what it says from the same row.
    public init(from decoder: any Decoder) throws {
        let columns = try decoder.container(keyedBy: CodingKeys.self)
        id = try columns.decode(Int64.self, forKey: .id)
        groupID = try columns.decode(Int64.self, forKey: .groupID)
        number = try columns.decode(Int.self, forKey: .number)
        status = try columns.decode(TermsStatus.self, forKey: .status)
        content = try TermsContent(from: decoder)
        revision = try columns.decode(Int.self, forKey: .revision)
        visibility = try columns.decode(Visibility.self, forKey: .visibility)
        updatedAt = try columns.decode(Date.self, forKey: .updatedAt)
    }
}
