import Foundation

/// Roadmap progress over time (issue 4: "report progress"): how many deliverables stood at each status at the end of
/// each month, worked out from each deliverable's status history. A pure function over plain values.
public enum ProgressSeries {
    public struct Change: Sendable, Equatable {
        public var at: Date
        public var status: DeliverableStatus

        public init(at: Date, status: DeliverableStatus) {
            self.at = at
            self.status = status
        }
    }

    /// One deliverable's life: created (not started) at `createdAt`, status changes in any order, and retired
    /// (no longer counted) from `retiredAt` if set.
    public struct History: Sendable, Equatable {
        public var createdAt: Date
        public var retiredAt: Date?
        public var changes: [Change]

        public init(createdAt: Date, retiredAt: Date? = nil, changes: [Change]) {
            self.createdAt = createdAt
            self.retiredAt = retiredAt
            self.changes = changes
        }

        public init(createdAt: Date, retiredAt: Date? = nil, changes: [(at: Date, status: DeliverableStatus)]) {
            self.init(
                createdAt: createdAt, retiredAt: retiredAt,
                changes: changes.map { Change(at: $0.at, status: $0.status) })
        }
    }

    /// For each moment in `monthEnds` (in the order given), how many live deliverables had each status then. Every
    /// status has an entry, zero where none. At a moment `m`:
    /// - a deliverable is live when `createdAt <= m` and it is not retired at or before `m`;
    /// - its status is the latest change at or before `m`, or "not started" if none; a change dated before creation
    ///   counts as made at creation, and of two changes at the same moment the later in the list wins.
    public static func counts(histories: [History], monthEnds: [Date]) -> [[DeliverableStatus: Int]] {
        let empty = Dictionary(uniqueKeysWithValues: DeliverableStatus.allCases.map { ($0, 0) })
        var result = Array(repeating: empty, count: monthEnds.count)
        let order = monthEnds.indices.sorted { monthEnds[$0] < monthEnds[$1] }
        for history in histories {
            // Stable sort by effective date: creation first, then the changes.
            let timeline =
                ([Change(at: history.createdAt, status: .notStarted)]
                + history.changes.map {
                    Change(at: max($0.at, history.createdAt), status: $0.status)
                }).enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
            var next = 0
            var status: DeliverableStatus?
            for index in order {
                let moment = monthEnds[index]
                while next < timeline.count, timeline[next].at <= moment {
                    status = timeline[next].status
                    next += 1
                }
                guard let current = status else { continue }
                if let retired = history.retiredAt, retired <= moment { continue }
                result[index][current, default: 0] += 1
            }
        }
        return result
    }
}
