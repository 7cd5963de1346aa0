import Foundation

/// A board report's figures, exactly as worked out for its period: what the preview shows live and what issuing keeps
/// (as JSON in `board_reports.data_json`), so an issued report renders from these alone and later changes to the
/// records never alter it. Counts, titles and names of groups, organisations and communities only: never a person.
public struct BoardReportData: Codable, Sendable, Equatable {
    /// Raised if the shape ever changes, so older issued reports can still be read as they were.
    public var formatVersion = 1
    public var period: BoardReportPeriod
    /// When the figures were worked out (for an issued report, the moment it was issued).
    public var workedOutAt: Date
    public var roadmap: RoadmapFigures
    public var decisions: DecisionFigures
    public var involvement: InvolvementFigures
    public var alliances: [AllianceFigures]
    public var firstSteps: FirstStepsFigures
    public var feedback: FeedbackFigures

    /// Roadmap progress: where each deliverable stands now, what changed in the period, what is at risk and blocked.
    public struct RoadmapFigures: Codable, Sendable, Equatable {
        /// The status labels, in the order of each row's counts.
        public var statuses: [String]
        public var workstreams: [StatusCounts]
        public var total: StatusCounts
        public var changes: [Change]
        public var atRisk: [Risk]
        public var blocked: [Blocked]
    }

    public struct StatusCounts: Codable, Sendable, Equatable {
        public var name: String
        public var counts: [Int]
        public var total: Int
    }

    public struct Change: Codable, Sendable, Equatable {
        public var day: String
        public var deliverable: String
        public var workstream: String
        public var what: String
    }

    public struct Risk: Codable, Sendable, Equatable {
        public var deliverable: String
        public var workstream: String
        /// The note given when its status last changed, if any.
        public var reason: String
        public var waitingOn: [String]
    }

    public struct Blocked: Codable, Sendable, Equatable {
        public var deliverable: String
        public var workstream: String
        public var status: String
        public var waitingOn: [String]
    }

    /// Decisions first recorded in the period, as they now stand.
    public struct DecisionFigures: Codable, Sendable, Equatable {
        public var lines: [Decision]
        public var agreed: Int
        public var notValid: Int
        public var published: Int
    }

    public struct Decision: Codable, Sendable, Equatable {
        public var day: String
        public var group: String
        public var title: String
        public var outcome: String
        public var isValid: Bool
        /// The group and decision ids for the public link, when the decision was published at the time.
        public var groupID: Int64
        public var decisionID: Int64
        public var isPublished: Bool
    }

    /// Lived-experience involvement: claims paid in the period, and meetings held with lived experience present.
    public struct InvolvementFigures: Codable, Sendable, Equatable {
        public var payments: [Payments]
        public var paymentsTotal: Payments
        public var meetings: [Meetings]
        public var meetingsTotal: Meetings
    }

    public struct Payments: Codable, Sendable, Equatable {
        public var group: String
        public var claims: Int
        /// Different people paid: a count, never a name.
        public var people: Int
        public var minutes: Int
        /// Paid for time: to the person, as vouchers or to a charity they chose.
        public var paymentPence: Int
        public var expensesPence: Int
        public var totalPence: Int { paymentPence + expensesPence }
    }

    public struct Meetings: Codable, Sendable, Equatable {
        public var group: String
        public var held: Int
        public var attendanceRecorded: Int
        public var livedExperiencePresent: Int
    }

    /// One alliance's money whose period overlaps the report's.
    public struct AllianceFigures: Codable, Sendable, Equatable {
        public var name: String
        public var receivedPence: Int
        public var allocatedPence: Int
        public var smallAndMicroPence: Int
    }

    public struct FirstStepsFigures: Codable, Sendable, Equatable {
        public var summary: String
        public var steps: [Step]
    }

    public struct Step: Codable, Sendable, Equatable {
        public var number: Int
        public var outcome: String
        public var state: String
    }

    /// "You said, we did" answers given in the period.
    public struct FeedbackFigures: Codable, Sendable, Equatable {
        public var answered: Int
        /// Of those, answers on a community page that is published.
        public var published: Int
        public var outcomes: [Count]
        public var communities: [Community]
    }

    public struct Count: Codable, Sendable, Equatable {
        public var label: String
        public var count: Int
    }

    public struct Community: Codable, Sendable, Equatable {
        public var name: String
        public var answered: Int
        public var pageIsPublished: Bool
    }
}

extension BoardReportData {
    /// The JSON kept for an issued report: keys sorted, dates as ISO 8601, so the stored text is stable.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static func decode(_ json: String) throws -> BoardReportData {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(BoardReportData.self, from: Data(json.utf8))
    }
}
