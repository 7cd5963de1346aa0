/// Where an action-plan item has got to (the co-produced action plan: what, how, who, when; 003 step 2.4).
public enum PlanStatus: String, CaseIterable, Codable, Sendable {
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case done
    case stopped

    public var label: String {
        switch self {
        case .notStarted: return "Not started"
        case .inProgress: return "In progress"
        case .done: return "Done"
        case .stopped: return "Stopped"
        }
    }

    /// The tag's class; the words inside it carry the meaning, never the colour alone.
    var tagClass: String {
        switch self {
        case .notStarted: return "tag tag-grey"
        case .inProgress: return "tag tag-blue"
        case .done: return "tag"
        case .stopped: return "tag tag-yellow"
        }
    }

    static var options: [(value: String, label: String)] { allCases.map { ($0.rawValue, $0.label) } }
}

/// Who an insight was heard from (003 step 2.4a and b: communities, staff and peer support workers).
public enum SourceKind: String, CaseIterable, Codable, Sendable {
    case communityGroup = "community_group"
    case staff
    case peerSupportWorkers = "peer_support_workers"
    case individual

    public var label: String {
        switch self {
        case .communityGroup: return "A community group"
        case .staff: return "Staff"
        case .peerSupportWorkers: return "Peer support workers"
        case .individual: return "An individual"
        }
    }

    static var options: [(value: String, label: String)] { allCases.map { ($0.rawValue, $0.label) } }
}

/// What became of an insight: the "we did" half of "you said, we did".
public enum ResponseOutcome: String, CaseIterable, Codable, Sendable {
    case changed
    case changing
    case notChanged = "not_changed"

    /// How the form offers it.
    public var label: String {
        switch self {
        case .changed: return "We changed something"
        case .changing: return "We are changing something"
        case .notChanged: return "We have not changed anything, and here is why"
        }
    }

    /// How the public page says it, in plain words before the answer itself.
    public var publicWording: String {
        switch self {
        case .changed: return "We changed something."
        case .changing: return "We are changing something."
        case .notChanged: return "We have not changed anything. This is why."
        }
    }

    static var options: [(value: String, label: String)] { allCases.map { ($0.rawValue, $0.label) } }
}
