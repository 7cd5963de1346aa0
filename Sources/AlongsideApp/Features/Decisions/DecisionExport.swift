import Foundation

/// The decision log as data: one row per decision as it now stands, with stable snake_case keys, for CSV
/// (spreadsheets) and JSON (other systems). DESIGN.md "Exports people expect".
struct DecisionExportRow: Encodable, Sendable, Equatable {
    let id: Int64
    let groupID: Int64
    let groupName: String
    let title: String
    let question: String
    let method: String
    let outcome: String
    let isValid: Bool
    let invalidReason: String?
    let quorumMet: Bool
    let membersTotal: Int
    let membersPresent: Int
    let livedExperiencePresent: Bool
    let votesFor: Int?
    let votesAgainst: Int?
    let votesAbstaining: Int?
    let objections: Int?
    let rationale: String
    let declarations: String
    let meetingID: Int64?
    let betweenMeetings: Bool?
    let reviewOn: String?
    let recordedAt: String
    let recordedBy: String
    let correctsDecisionID: Int64?
    let correctionReason: String?
    let visibility: String
    let path: String

    /// Also the CSV header, in this order.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, groupID = "group_id", groupName = "group_name", title, question, method, outcome, isValid = "is_valid"
        case invalidReason = "invalid_reason", quorumMet = "quorum_met", membersTotal = "members_total",
            membersPresent = "members_present"
        case livedExperiencePresent = "lived_experience_present", votesFor = "votes_for", votesAgainst = "votes_against"
        case votesAbstaining = "votes_abstaining", objections, rationale, declarations, meetingID = "meeting_id"
        case betweenMeetings = "between_meetings", reviewOn = "review_on", recordedAt = "recorded_at", recordedBy =
            "recorded_by"
        case correctsDecisionID = "corrects_decision_id", correctionReason = "correction_reason", visibility, path
    }

    /// Null values are written as `null`, so every object has every key.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        for (key, value) in cells { try container.encode(value, forKey: key) }
    }

    init(_ item: GroupDecision, declarations: String) {
        let decision = item.decision
        id = decision.id
        groupID = decision.groupID
        groupName = item.groupName
        title = decision.title
        question = decision.question
        method = decision.method.rawValue
        outcome = decision.outcome.rawValue
        isValid = decision.isValid
        invalidReason = decision.invalidReason
        quorumMet = decision.quorumMet
        membersTotal = decision.membersTotal
        membersPresent = decision.membersPresent
        livedExperiencePresent = decision.livedExperiencePresent
        votesFor = decision.votesFor
        votesAgainst = decision.votesAgainst
        votesAbstaining = decision.votesAbstaining
        objections = decision.objections
        rationale = decision.rationale
        self.declarations = declarations
        meetingID = decision.meetingID
        betweenMeetings = decision.betweenMeetings
        reviewOn = decision.reviewOn
        recordedAt = ISO8601DateFormatter().string(from: decision.recordedAt)
        recordedBy = decision.recordedByName
        correctsDecisionID = decision.correctsDecisionID
        correctionReason = decision.correctionReason
        visibility = decision.visibility.rawValue
        path = Href.decision(decision.groupID, decision.id)
    }

    /// The row's CSV cells, in the order of the header (`CodingKeys.allCases`).
    var csvCells: [String] {
        let byKey = Dictionary(uniqueKeysWithValues: cells.map { ($0.0.rawValue, $0.1) })
        return CodingKeys.allCases.map { byKey[$0.rawValue]?.csvText ?? "" }
    }

    /// Each value as JSON would hold it.
    var cells: [(CodingKeys, DecisionExportValue)] {
        [
            (.id, .number(Int(id))), (.groupID, .number(Int(groupID))), (.groupName, .text(groupName)),
            (.title, .text(title)),
            (.question, .text(question)), (.method, .text(method)), (.outcome, .text(outcome)),
            (.isValid, .flag(isValid)),
            (.invalidReason, invalidReason.map(DecisionExportValue.text) ?? .null), (.quorumMet, .flag(quorumMet)),
            (.membersTotal, .number(membersTotal)),
            (.membersPresent, .number(membersPresent)), (.livedExperiencePresent, .flag(livedExperiencePresent)),
            (.votesFor, votesFor.map(DecisionExportValue.number) ?? .null),
            (.votesAgainst, votesAgainst.map(DecisionExportValue.number) ?? .null),
            (.votesAbstaining, votesAbstaining.map(DecisionExportValue.number) ?? .null),
            (.objections, objections.map(DecisionExportValue.number) ?? .null),
            (.rationale, .text(rationale)), (.declarations, .text(declarations)),
            (.meetingID, meetingID.map { .number(Int($0)) } ?? .null),
            (.betweenMeetings, betweenMeetings.map(DecisionExportValue.flag) ?? .null),
            (.reviewOn, reviewOn.map(DecisionExportValue.text) ?? .null),
            (.recordedAt, .text(recordedAt)), (.recordedBy, .text(recordedBy)),
            (.correctsDecisionID, correctsDecisionID.map { .number(Int($0)) } ?? .null),
            (.correctionReason, correctionReason.map(DecisionExportValue.text) ?? .null),
            (.visibility, .text(visibility)), (.path, .text(path)),
        ]
    }
}

/// One exported value.
enum DecisionExportValue: Encodable, Sendable, Equatable {
    case text(String), number(Int), flag(Bool), null

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .flag(let flag): try container.encode(flag)
        case .null: try container.encodeNil()
        }
    }

    var csvText: String {
        switch self {
        case .text(let text): return text
        case .number(let number): return String(number)
        case .flag(let flag): return flag ? "yes" : "no"
        case .null: return ""
        }
    }
}
