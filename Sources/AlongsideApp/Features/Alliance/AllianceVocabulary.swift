import Foundation

/// Where an organisation has got to in an alliance. `MembershipRules` says which moves are allowed.
public enum MembershipStatus: String, CaseIterable, Codable, Sendable {
    case interested, joining, member, paused, left

    public var label: String {
        switch self {
        case .interested: return "Interested"
        case .joining: return "Joining"
        case .member: return "Member"
        case .paused: return "Paused"
        case .left: return "Left"
        }
    }

    /// The tag colour beside the words (the words carry the meaning).
    var tagClass: String {
        switch self {
        case .interested: return "tag tag-blue"
        case .joining, .paused: return "tag tag-yellow"
        case .member: return "tag"
        case .left: return "tag tag-grey"
        }
    }

    static var options: [(value: String, label: String)] { allCases.map { ($0.rawValue, $0.label) } }
}
