/// How a group makes decisions (003 step 1: "vote, consensus, by leads"; consent added for sociocratic groups).
public enum DecisionMethod: String, CaseIterable, Codable, Sendable {
    case majorityVote = "majority_vote"
    case consensus
    case consent
    case byLeads = "by_leads"

    public var label: String {
        switch self {
        case .majorityVote: return "Majority vote"
        case .consensus: return "Consensus: everyone can accept it"
        case .consent: return "Consent: no one has a reasoned objection"
        case .byLeads: return "By the group's leads"
        }
    }
}

public enum QuorumKind: String, CaseIterable, Codable, Sendable {
    case count, share

    public var label: String { self == .count ? "A number of members" : "A percentage of members" }
}

/// A version's place in its life: drafted, put to the group, adopted by a decision, then replaced.
public enum TermsStatus: String, CaseIterable, Codable, Sendable {
    case draft, proposed, adopted, superseded

    public var label: String {
        switch self {
        case .draft: return "Draft"
        case .proposed: return "Proposed"
        case .adopted: return "Adopted"
        case .superseded: return "Superseded"
        }
    }
}
