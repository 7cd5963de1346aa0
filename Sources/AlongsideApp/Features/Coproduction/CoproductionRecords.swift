import Foundation
import GRDB

/// What a person writes for an action-plan item: what, how, who and when (003 step 2.4). Decodes from an
/// `action_plan_items` row; the deliverables are linked in their own table and attached after.
public struct PlanItemInput: Sendable, Equatable, Decodable {
    public var what: String
    public var how: String = ""
    public var who: String = ""
    public var dueOn: String?
    public var status: PlanStatus = .notStarted
    public var groupID: Int64?
    public var meetingID: Int64?
    public var deliverableIDs: [Int64] = []
    public var notes: String = ""

    enum CodingKeys: String, CodingKey {
        case what, how, who, dueOn = "due_on", status, groupID = "group_id", meetingID = "meeting_id", notes
    }
}

/// An item on the co-production action plan, with the deliverables it serves (attached after the row is decoded:
/// see `ActionPlanStore.fetch`).
public struct PlanItem: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var input: PlanItemInput
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public var what: String { input.what }
    public var status: PlanStatus { input.status }

    init(
        id: Int64, input: PlanItemInput, version: Int = 1, createdAt: Date = Date(timeIntervalSince1970: 0),
        updatedAt: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.id = id
        self.input = input
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, version, createdAt = "created_at", updatedAt = "updated_at"
    }

    /// The item's own columns, and what the person wrote from the same row.
    public init(from decoder: any Decoder) throws {
        let columns = try decoder.container(keyedBy: CodingKeys.self)
        id = try columns.decode(Int64.self, forKey: .id)
        input = try PlanItemInput(from: decoder)
        version = try columns.decode(Int.self, forKey: .version)
        createdAt = try columns.decode(Date.self, forKey: .createdAt)
        updatedAt = try columns.decode(Date.self, forKey: .updatedAt)
    }

    /// What the audit log keeps.
    var snapshot: [String: String] {
        [
            "what": input.what, "how": input.how, "who": input.who, "due_on": input.dueOn ?? "",
            "status": input.status.rawValue,
            "group": input.groupID.map(String.init) ?? "", "workshop": input.meetingID.map(String.init) ?? "",
            "deliverables": input.deliverableIDs.map(String.init).joined(separator: ", "), "notes": input.notes,
            "version": String(version),
        ]
    }
}

/// What a person records about an insight. Never a person's name: `sourceDetail` names a group, team or setting.
/// Decodes from an `insights` row; the communities, themes and links live in their own tables and are attached after.
public struct InsightInput: Sendable, Equatable, Decodable {
    public var heard: String
    public var sourceKind: SourceKind
    public var sourceDetail: String = ""
    public var place: String = ""
    public var heardOn: String
    public var communityIDs: [Int64] = []
    public var themes: [String] = []
    public var quote: String = ""
    public var quoteConsent: Bool = false
    public var groupID: Int64?
    public var meetingID: Int64?
    public var deliverableIDs: [Int64] = []
    public var decisionIDs: [Int64] = []
    public var planItemIDs: [Int64] = []

    enum CodingKeys: String, CodingKey {
        case heard, sourceKind = "source_kind", sourceDetail = "source_detail", place, heardOn = "heard_on", quote
        case quoteConsent = "quote_consent", groupID = "group_id", meetingID = "meeting_id"
    }
}

/// The "we did" answer to an insight.
public struct InsightResponse: Sendable, Equatable, Decodable {
    public var outcome: ResponseOutcome
    public var answer: String
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case outcome, answer, version, createdAt = "created_at", updatedAt = "updated_at"
    }

    var snapshot: [String: String] { ["outcome": outcome.rawValue, "answer": answer, "version": String(version)] }
}

/// An insight as stored, with its links and its answer (attached after the row is decoded: see `InsightStore.fetch`).
public struct Insight: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var input: InsightInput
    public var recordedBy: Int64?
    public var recorderName: String
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var response: InsightResponse?

    enum CodingKeys: String, CodingKey {
        case id, recordedBy = "recorded_by", recorderName = "recorder_name", version, createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public var heard: String { input.heard }
    public var isAnswered: Bool { response != nil }

    /// The quote as it may be shown outside the workspace: only with consent.
    public var publicQuote: String? { CoproductionRules.publicQuote(quote: input.quote, consent: input.quoteConsent) }

    var snapshot: [String: String] {
        [
            "heard": input.heard, "source_kind": input.sourceKind.rawValue, "source_detail": input.sourceDetail,
            "place": input.place,
            "heard_on": input.heardOn, "communities": input.communityIDs.map(String.init).joined(separator: ", "),
            "themes": input.themes.joined(separator: ", "), "quote": input.quote,
            "quote_consent": input.quoteConsent ? "yes" : "no",
            "group": input.groupID.map(String.init) ?? "", "workshop": input.meetingID.map(String.init) ?? "",
            "deliverables": input.deliverableIDs.map(String.init).joined(separator: ", "),
            "decisions": input.decisionIDs.map(String.init).joined(separator: ", "),
            "plan_items": input.planItemIDs.map(String.init).joined(separator: ", "), "version": String(version),
        ]
    }
}

extension Insight {
    /// The insight's own columns, and what the person recorded from the same row.
    public init(from decoder: any Decoder) throws {
        let columns = try decoder.container(keyedBy: CodingKeys.self)
        id = try columns.decode(Int64.self, forKey: .id)
        input = try InsightInput(from: decoder)
        recordedBy = try columns.decodeIfPresent(Int64.self, forKey: .recordedBy)
        recorderName = try columns.decode(String.self, forKey: .recorderName)
        version = try columns.decode(Int.self, forKey: .version)
        createdAt = try columns.decode(Date.self, forKey: .createdAt)
        updatedAt = try columns.decode(Date.self, forKey: .updatedAt)
    }
}
