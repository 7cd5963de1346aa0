import Foundation
import GRDB

/// One version of a group's terms of reference.
public struct TermsVersion: Sendable, Equatable {
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

    init(row: Row) {
        id = row["id"]
        groupID = row["group_id"]
        number = row["version_number"]
        status = TermsStatus(rawValue: row["status"]) ?? .draft
        content = TermsContent(
            scope: row["scope"], attendance: row["attendance"], deputiesAllowed: row["deputies_allowed"],
            decisionMethod: DecisionMethod(rawValue: row["decision_method"]) ?? .consensus,
            quorumKind: QuorumKind(rawValue: row["quorum_kind"]) ?? .share, quorumValue: row["quorum_value"],
            quorumNeedsLivedExperience: row["quorum_needs_lived_experience"], waysOfWorking: row["ways_of_working"],
            reviewOn: row["review_on"]
        )
        revision = row["revision"]
        visibility = Visibility(rawValue: row["visibility"]) ?? .private
        updatedAt = row["updated_at"]
    }
}

/// What a version says: the parts 003 step 1 says terms of reference should cover.
public struct TermsContent: Sendable, Equatable {
    public var scope: String
    public var attendance: String
    public var deputiesAllowed: Bool
    public var decisionMethod: DecisionMethod
    public var quorumKind: QuorumKind
    public var quorumValue: Int
    public var quorumNeedsLivedExperience: Bool
    public var waysOfWorking: String
    public var reviewOn: String?

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
