import Foundation
import GRDB

public enum ProposalStatus: String, CaseIterable, Codable, Sendable {
    case open, closed, withdrawn

    public var label: String {
        switch self {
        case .open: return "Open"
        case .closed: return "Closed"
        case .withdrawn: return "Withdrawn"
        }
    }
}

/// A question put to a group's members between meetings.
public struct Proposal: Sendable, Equatable, FetchableRecord, Decodable {
    public let id: Int64
    public let groupID: Int64
    public let title: String
    public let question: String
    public let method: DecisionMethod
    public let termsVersion: Int?
    public let closesAt: Date
    public let openedBy: Int64
    public let openedByName: String
    public let openedAt: Date
    public let status: ProposalStatus
    public let endedAt: Date?
    public let decisionID: Int64?

    static let selectSQL = "SELECT p.*, u.name AS opened_by_name FROM proposals p JOIN users u ON u.id = p.opened_by"

    enum CodingKeys: String, CodingKey {
        case id, groupID = "group_id", title, question, method, termsVersion = "terms_version", closesAt = "closes_at"
        case openedBy = "opened_by", openedByName = "opened_by_name", openedAt = "opened_at", status
        case endedAt = "ended_at", decisionID = "decision_id"
    }

    /// Open, and past its closing time: it closes the next time anyone looks at it.
    public func isDue(at now: Date) -> Bool { status == .open && closesAt <= now }

    var snapshot: [String: String] {
        ["title": title, "method": method.label, "closes": LondonTime.dateTime(closesAt), "status": status.label]
    }
}

/// One member's answer, with their name.
public struct ProposalResponse: Sendable, Equatable, FetchableRecord, Decodable {
    public let userID: Int64
    public let personName: String
    public let answer: ProposalAnswer
    public let reason: String
    public let respondedAt: Date

    enum CodingKeys: String, CodingKey {
        case userID = "user_id", personName = "name", answer = "response", reason, respondedAt = "responded_at"
    }
}

/// What the chair fills in to open a proposal.
public struct ProposalInput: Sendable, Equatable {
    public var title: String
    public var question: String
    public var method: DecisionMethod
    public var closesAt: Date
}
