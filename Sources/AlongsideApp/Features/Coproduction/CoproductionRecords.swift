import Foundation
import GRDB

/// What a person writes for an action-plan item: what, how, who and when (003 step 2.4).
public struct PlanItemInput: Sendable, Equatable {
    public var what: String
    public var how: String = ""
    public var who: String = ""
    public var dueOn: String?
    public var status: PlanStatus = .notStarted
    public var groupID: Int64?
    public var meetingID: Int64?
    public var deliverableIDs: [Int64] = []
    public var notes: String = ""
}

/// An item on the co-production action plan, with the deliverables it serves.
public struct PlanItem: Sendable, Equatable {
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

    init(row: Row, deliverableIDs: [Int64]) {
        id = row["id"]
        input = PlanItemInput(
            what: row["what"], how: row["how"], who: row["who"], dueOn: row["due_on"],
            status: PlanStatus(rawValue: row["status"]) ?? .notStarted, groupID: row["group_id"],
            meetingID: row["meeting_id"],
            deliverableIDs: deliverableIDs, notes: row["notes"])
        version = row["version"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
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
public struct InsightInput: Sendable, Equatable {
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
}

/// The "we did" answer to an insight.
public struct InsightResponse: Sendable, Equatable {
    public var outcome: ResponseOutcome
    public var answer: String
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    var snapshot: [String: String] { ["outcome": outcome.rawValue, "answer": answer, "version": String(version)] }
}

/// An insight as stored, with its links and its answer.
public struct Insight: Sendable, Equatable {
    public var id: Int64
    public var input: InsightInput
    public var recordedBy: Int64?
    public var recorderName: String
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var response: InsightResponse?

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
