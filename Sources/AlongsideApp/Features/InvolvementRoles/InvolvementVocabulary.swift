import Foundation

/// The kinds of involvement a role can offer (003 Appendix 1, "How many roles are there?").
public enum InvolvementKind: String, CaseIterable, Codable, Sendable {
    case communityEngagement = "community_engagement"
    case workingGroup = "working_group"
    case advisoryGroup = "advisory_group"
    case partnershipBoard = "partnership_board"

    public var label: String {
        switch self {
        case .communityEngagement: return "Community engagement team"
        case .workingGroup: return "Working group member"
        case .advisoryGroup: return "Expert by experience advisory group"
        case .partnershipBoard: return "Decision-making partnership board"
        }
    }

    static var options: [(value: String, label: String)] { allCases.map { ($0.rawValue, $0.label) } }
}

/// Where an expression of interest has got to. "Appointed" is reached by appointing the person to the role.
public enum InterestStatus: String, CaseIterable, Codable, Sendable {
    case new
    case talkedTo = "talked_to"
    case offered
    case appointed
    case notThisTime = "not_this_time"

    public var label: String {
        switch self {
        case .new: return "New"
        case .talkedTo: return "Talked to"
        case .offered: return "Offered"
        case .appointed: return "Appointed"
        case .notThisTime: return "Not this time"
        }
    }

    /// The tag colour beside the words (the words carry the meaning).
    var tagClass: String {
        switch self {
        case .new: return "tag tag-blue"
        case .talkedTo, .offered: return "tag tag-yellow"
        case .appointed: return "tag"
        case .notThisTime: return "tag tag-grey"
        }
    }
}

/// How a person asked to be contacted. We do not ask for a postal address, so post is not offered.
public enum ContactMethod: String, CaseIterable, Codable, Sendable {
    case email
    case phone
    case text

    public var label: String {
        switch self {
        case .email: return "Email"
        case .phone: return "Phone call"
        case .text: return "Text message"
        }
    }
}
