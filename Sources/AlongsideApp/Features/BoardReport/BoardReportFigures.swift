import Foundation

/// The board report's sums, as plain functions over plain values (unit-tested without a database): the sources read
/// the records, these count them.
public enum BoardReportFigures {
    // MARK: Roadmap

    /// A live deliverable as the report counts it.
    public struct Deliverable: Sendable, Equatable {
        public var title: String
        public var workstream: String
        public var status: DeliverableStatus
        /// What it relies upon directly that is not in place (`RoadmapGraph.waitingOn`), by title.
        public var waitingOn: [String]
        /// The note given with its latest status change.
        public var statusNote: String

        public init(
            title: String, workstream: String, status: DeliverableStatus, waitingOn: [String] = [],
            statusNote: String = ""
        ) {
            self.title = title
            self.workstream = workstream
            self.status = status
            self.waitingOn = waitingOn
            self.statusNote = statusNote
        }
    }

    /// The kinds of roadmap change a board hears about: status moves and deliverables added, retired or brought back.
    /// Owner changes name people and link changes are detail, so they stay on the roadmap's own changes page.
    public static let reportedChanges: Set<RoadmapChange.Kind> = [.status, .added, .retired, .restored]

    /// Counts by status per workstream (in the order given) and in total; the changes of the reported kinds; the
    /// deliverables at risk (with the reason given and what they wait on); and the others not in place that wait on
    /// something (blocked).
    public static func roadmap(
        deliverables: [Deliverable], workstreams: [String], changes: [BoardReportData.Change]
    ) -> BoardReportData.RoadmapFigures {
        let statuses = DeliverableStatus.allCases
        func counts(_ name: String, _ items: [Deliverable]) -> BoardReportData.StatusCounts {
            BoardReportData.StatusCounts(
                name: name, counts: statuses.map { status in items.filter { $0.status == status }.count },
                total: items.count)
        }
        let named = workstreams + deliverables.map(\.workstream).filter { !workstreams.contains($0) }
        var seen: Set<String> = []
        let order = named.filter { seen.insert($0).inserted }
        let rows = order.map { name in counts(name, deliverables.filter { $0.workstream == name }) }
            .filter { $0.total > 0 }
        let atRisk = deliverables.filter { $0.status == .atRisk }.map {
            BoardReportData.Risk(
                deliverable: $0.title, workstream: $0.workstream, reason: $0.statusNote, waitingOn: $0.waitingOn)
        }
        let blocked = deliverables.filter { $0.status != .atRisk && $0.status != .inPlace && !$0.waitingOn.isEmpty }
            .map {
                BoardReportData.Blocked(
                    deliverable: $0.title, workstream: $0.workstream, status: $0.status.label, waitingOn: $0.waitingOn)
            }
        return BoardReportData.RoadmapFigures(
            statuses: statuses.map(\.label), workstreams: rows, total: counts("All workstreams", deliverables),
            changes: changes, atRisk: atRisk, blocked: blocked)
    }

    // MARK: Payments and meetings

    /// A claim paid in the period, as the report counts it.
    public struct PaidClaim: Sendable, Equatable {
        public var personID: Int64
        public var group: String?
        public var minutes: Int
        public var paymentPence: Int
        public var expensesPence: Int

        public init(personID: Int64, group: String?, minutes: Int, paymentPence: Int, expensesPence: Int) {
            self.personID = personID
            self.group = group
            self.minutes = minutes
            self.paymentPence = paymentPence
            self.expensesPence = expensesPence
        }
    }

    public static let noGroup = "No group named"

    /// Totals by group (by name, claims without a group last) and overall. People are counted once each, overall
    /// and within each group, so the groups' people may add up to more than the total.
    public static func payments(_ claims: [PaidClaim]) -> (
        groups: [BoardReportData.Payments], total: BoardReportData.Payments
    ) {
        func sum(_ name: String, _ items: [PaidClaim]) -> BoardReportData.Payments {
            BoardReportData.Payments(
                group: name, claims: items.count, people: Set(items.map(\.personID)).count,
                minutes: items.reduce(0) { $0 + $1.minutes }, paymentPence: items.reduce(0) { $0 + $1.paymentPence },
                expensesPence: items.reduce(0) { $0 + $1.expensesPence })
        }
        let named = Set(claims.compactMap(\.group)).sorted { $0.lowercased() < $1.lowercased() }
        var groups = named.map { name in sum(name, claims.filter { $0.group == name }) }
        let ungrouped = claims.filter { $0.group == nil }
        if !ungrouped.isEmpty { groups.append(sum(noGroup, ungrouped)) }
        return (groups, sum("All groups", claims))
    }

    /// A meeting held in the period, as the report counts it.
    public struct HeldMeeting: Sendable, Equatable {
        public var group: String
        public var attendanceRecorded: Bool
        public var livedExperiencePresent: Bool

        public init(group: String, attendanceRecorded: Bool, livedExperiencePresent: Bool) {
            self.group = group
            self.attendanceRecorded = attendanceRecorded
            self.livedExperiencePresent = livedExperiencePresent
        }
    }

    public static func meetings(_ meetings: [HeldMeeting]) -> (
        groups: [BoardReportData.Meetings], total: BoardReportData.Meetings
    ) {
        func sum(_ name: String, _ items: [HeldMeeting]) -> BoardReportData.Meetings {
            BoardReportData.Meetings(
                group: name, held: items.count, attendanceRecorded: items.filter(\.attendanceRecorded).count,
                livedExperiencePresent: items.filter(\.livedExperiencePresent).count)
        }
        let names = Set(meetings.map(\.group)).sorted { $0.lowercased() < $1.lowercased() }
        return (names.map { name in sum(name, meetings.filter { $0.group == name }) }, sum("All groups", meetings))
    }

    /// The share of meetings with attendance recorded at which lived experience was present: "75.0%", or nil when no
    /// attendance was recorded (a meeting whose attendance nobody recorded says nothing either way).
    public static func livedExperienceShare(_ meetings: BoardReportData.Meetings) -> String? {
        FundingRules.percentage(meetings.livedExperiencePresent, of: meetings.attendanceRecorded)
    }

    /// Minutes as hours to a tenth, rounded half up: 270 is "4.5", 20 is "0.3".
    public static func hours(minutes: Int) -> String {
        let tenths = (minutes * 10 + 30) / 60
        return "\(tenths / 10).\(tenths % 10)"
    }

    // MARK: Alliance

    /// True when a record of money covering `first`…`last` overlaps the report's period (both ends included).
    public static func overlaps(_ first: String, _ last: String, _ period: BoardReportPeriod) -> Bool {
        first <= period.endsOn && last >= period.startsOn
    }

    // MARK: You said, we did

    /// An answer given to an insight, with the communities the insight came from.
    public struct Answer: Sendable, Equatable {
        public var answeredAt: Date
        public var outcome: ResponseOutcome
        public var communityIDs: [Int64]

        public init(answeredAt: Date, outcome: ResponseOutcome, communityIDs: [Int64]) {
            self.answeredAt = answeredAt
            self.outcome = outcome
            self.communityIDs = communityIDs
        }
    }

    /// Answers given (last changed, as the public page dates them) in the period; those published (on a published
    /// community's page); by outcome; and by community (by name), each answer once per community it came from.
    public static func feedback(
        _ answers: [Answer], from start: Date, before end: Date, communities: [Int64: String], published: Set<Int64>
    ) -> BoardReportData.FeedbackFigures {
        let given = answers.filter { $0.answeredAt >= start && $0.answeredAt < end }
        let isPublished = { (answer: Answer) in answer.communityIDs.contains { published.contains($0) } }
        let byCommunity = Dictionary(grouping: given.flatMap { answer in answer.communityIDs.map { ($0, answer) } }) {
            $0.0
        }
        let lines = byCommunity.map { id, pairs in
            BoardReportData.Community(
                name: communities[id] ?? "Community \(id)", answered: pairs.count,
                pageIsPublished: published.contains(id))
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }
        return BoardReportData.FeedbackFigures(
            answered: given.count, published: given.filter(isPublished).count,
            outcomes: ResponseOutcome.allCases.map { outcome in
                BoardReportData.Count(label: outcome.label, count: given.filter { $0.outcome == outcome }.count)
            }, communities: lines)
    }
}
