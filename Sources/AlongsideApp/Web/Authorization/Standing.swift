/// What the policy knows of one person in relation to one record: the facts a rule is answered from. Features supply
/// the facts (a group's seats, the named payment duties, who owns a claim); the policy alone decides what they allow.
public struct Standing: Sendable, Equatable {
    /// The person's role; nil when nobody is signed in.
    public var role: Role?
    /// The person's current seats in the record's group.
    public var seats: Set<Seat>
    /// True when the person is a current member of the record's group.
    public var isMember: Bool
    /// Duties an administrator named the person to.
    public var duties: Set<Duty>
    /// True when the record is the person's own.
    public var isOwner: Bool
    /// True when the record belongs to the VCSE alliance.
    public var inAlliance: Bool
    /// True when the record is published.
    public var isPublished: Bool

    public init(
        role: Role?, seats: Set<Seat> = [], isMember: Bool = false, duties: Set<Duty> = [], isOwner: Bool = false,
        inAlliance: Bool = false, isPublished: Bool = false
    ) {
        self.role = role
        self.seats = seats
        self.isMember = isMember
        self.duties = duties
        self.isOwner = isOwner
        self.inAlliance = inAlliance
        self.isPublished = isPublished
    }
}

/// A duty an administrator names a person to, beyond their role (issue 5: approvers and finance).
public enum Duty: String, CaseIterable, Sendable {
    case approveClaims
    case recordPayments

    public var label: String {
        switch self {
        case .approveClaims: return "Named claim approver"
        case .recordPayments: return "Named finance contact (records payments)"
        }
    }
}

/// A seat a person holds in a group. Seats are one of the facts the policy decides from, so the vocabulary lives here.
public enum Seat: String, CaseIterable, Codable, Sendable {
    case chair
    case coChair = "co_chair"
    case member
    case secretary
    case observer

    public var label: String {
        switch self {
        case .chair: return "Chair"
        case .coChair: return "Co-chair"
        case .member: return "Member"
        case .secretary: return "Secretary"
        case .observer: return "Observer"
        }
    }

    var isChairing: Bool { self == .chair || self == .coChair }
}
