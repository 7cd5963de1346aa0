/// The kinds of message a person chooses about (issue 20), each a group of related events: "meetings" covers
/// invitations, changes, cancellations and papers. Account messages (invitations, set-password links) are security
/// messages, sent whatever anyone chooses, so they are not a kind here.
public enum NoticeKind: String, Sendable, CaseIterable {
    case meetings
    case proposals
    case claims
    case actions
    case decisionReviews = "decision_reviews"
    case interest

    /// What the preferences page and the unsubscribe page call it.
    public var label: String {
        switch self {
        case .meetings: "Meetings: invitations, changes, cancellations and papers"
        case .proposals: "Proposals: opened, closing tomorrow, and the outcome"
        case .claims: "Your payment claims: returned, approved and paid"
        case .actions: "Actions: given to you, and overdue"
        case .decisionReviews: "Decisions due for review"
        case .interest: "Interest in involvement roles: people expressing it, and your own acknowledged"
        }
    }

    /// "emails about …" in a sentence.
    public var about: String {
        switch self {
        case .meetings: "meetings"
        case .proposals: "proposals"
        case .claims: "your payment claims"
        case .actions: "actions"
        case .decisionReviews: "decisions due for review"
        case .interest: "interest in involvement roles"
        }
    }
}

/// How a person gets one kind of message.
public enum NoticeChoice: String, Sendable, CaseIterable {
    /// Each message as it happens (the default).
    case now
    /// Gathered into one message a day, outside quiet hours (`DigestSchedule`).
    case digest
    case off

    public var label: String {
        switch self {
        case .now: "At once"
        case .digest: "In a daily digest"
        case .off: "Off"
        }
    }
}
