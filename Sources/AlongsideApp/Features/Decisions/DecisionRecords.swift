import Foundation
import GRDB

/// One revision of a recorded decision. A decision's first revision is the original; each correction is a
/// new revision that names the one it corrects (`correctsDecisionID`) and the original (`originalDecisionID`).
public struct Decision: Sendable, Equatable, FetchableRecord, Decodable {
    public let id: Int64
    public let groupID: Int64
    public let title: String
    public let question: String
    public let method: DecisionMethod
    public let termsVersion: Int?
    public let membersTotal: Int
    public let membersPresent: Int
    public let livedExperiencePresent: Bool
    public let quorumMet: Bool
    public let votesFor: Int?
    public let votesAgainst: Int?
    public let votesAbstaining: Int?
    public let objections: Int?
    public let consensusRecord: String?
    public let outcome: DecisionOutcome
    public let rationale: String
    /// Free-text declarations from before they were structured; still shown where a decision has them.
    public let declarations: String?
    public let reviewOn: String?
    public let isValid: Bool
    public let invalidReason: String?
    public let adoptsTermsVersion: Int?
    public let recordedByName: String
    public let recordedAt: Date
    public let meetingID: Int64?
    /// Nil when the decision was recorded before the meeting was asked for.
    public let betweenMeetings: Bool?
    public let correctsDecisionID: Int64?
    public let originalDecisionID: Int64?
    public let correctionReason: String?
    public let visibility: Visibility
    /// The structured declarations of interest; filled in by the store where a page needs them.
    public var declarationList: [DecisionDeclaration] = []

    /// The id every revision of this decision shares: the original's.
    public var chainID: Int64 { originalDecisionID ?? id }

    static let selectSQL = """
        SELECT d.*, u.name AS recorded_by_name FROM decisions d JOIN users u ON u.id = d.recorded_by
        """

    /// Only revisions that nobody has corrected: each decision once, as it now stands.
    static let isLatest = "NOT EXISTS (SELECT 1 FROM decisions c WHERE c.corrects_decision_id = d.id)"

    enum CodingKeys: String, CodingKey {
        case id, groupID = "group_id", title, question, method, termsVersion = "terms_version"
        case membersTotal = "members_total", membersPresent = "members_present"
        case livedExperiencePresent = "lived_experience_present", quorumMet = "quorum_met", votesFor = "votes_for"
        case votesAgainst = "votes_against", votesAbstaining = "votes_abstaining", objections
        case consensusRecord = "consensus_record", outcome, rationale, declarations, reviewOn = "review_on"
        case isValid = "is_valid", invalidReason = "invalid_reason", adoptsTermsVersion = "adopts_terms_version"
        case recordedByName = "recorded_by_name", recordedAt = "recorded_at", meetingID = "meeting_id"
        case betweenMeetings = "between_meetings", correctsDecisionID = "corrects_decision_id"
        case originalDecisionID = "original_decision_id", correctionReason = "correction_reason", visibility
    }
}

/// A declaration of interest made for a decision.
public struct DecisionDeclaration: Sendable, Equatable, FetchableRecord, Decodable {
    /// The person, when they were chosen from the group; nil when a name was typed.
    public var userID: Int64?
    public var personName: String
    public var interest: String
    public var tookPart: Bool

    enum CodingKeys: String, CodingKey {
        case userID = "user_id", personName = "person_name", interest, tookPart = "took_part"
    }

    public init(userID: Int64?, personName: String, interest: String, tookPart: Bool) {
        self.userID = userID
        self.personName = personName
        self.interest = interest
        self.tookPart = tookPart
    }

    /// "Ola Placeholder: trustee of the bidding charity (did not take part)"
    public var summary: String {
        "\(personName): \(interest) (\(tookPart ? "took part" : "did not take part"))"
    }
}

/// A meeting of the group, as the decision form offers it.
public struct DecisionMeetingChoice: Sendable, Equatable {
    public let id: Int64
    public let label: String
    /// A decision cannot be taken at a meeting that has not started, nor at one that was cancelled.
    public var startsAt: Date = .distantPast
    public var isCancelled = false
}

/// What a person records (or corrects).
public struct DecisionInput: Sendable, Equatable {
    public var title: String
    public var question: String
    public var method: DecisionMethod
    public var membersTotal: Int
    public var membersPresent: Int
    public var livedExperiencePresent: Bool
    public var votesFor: Int?
    public var votesAgainst: Int?
    public var votesAbstaining: Int?
    public var objections: Int?
    public var consensusRecord: String?
    public var outcome: DecisionOutcome
    public var rationale: String
    public var declarations: String?
    public var reviewOn: String?
    public var invalidReason: String?
    public var adoptsTermsVersion: Int?
    /// Nil: taken between meetings.
    public var meetingID: Int64? = nil
    public var declarationList: [DecisionDeclaration] = []
    /// Required for a correction: what is being corrected and why.
    public var correctionReason: String? = nil
}
