import Foundation

/// The rules meetings follow: when a series falls, who counts towards quorum, and when an action is overdue.
public enum MeetingRules {
    /// The days of a planned series, starting on `firstDay`.
    public static func seriesDays(firstDay: String, every: MeetingRepeat, count: Int) -> [String] {
        (0..<max(count, 0)).compactMap { index in
            switch every {
            case .weekly: return LondonTime.addingDays(7 * index, to: firstDay)
            case .fortnightly: return LondonTime.addingDays(14 * index, to: firstDay)
            case .fourWeekly: return LondonTime.addingDays(28 * index, to: firstDay)
            case .monthly: return LondonTime.addingMonths(index, to: firstDay)
            }
        }
    }

    /// A member expected at a meeting: their membership runs on the meeting's day and they are not an observer.
    public struct Expected: Sendable, Equatable {
        public let userID: Int64
        public let name: String
        public let sector: Sector
        public let deputyUserID: Int64?
        public let deputyName: String?

        public init(userID: Int64, name: String, sector: Sector, deputyUserID: Int64?, deputyName: String?) {
            self.userID = userID
            self.name = name
            self.sector = sector
            self.deputyUserID = deputyUserID
            self.deputyName = deputyName
        }
    }

    /// Quorum at a meeting, from the terms of reference in force on its day.
    public struct Quorum: Sendable, Equatable {
        /// Members present in person, plus deputies where the terms allow them.
        public let counted: Int
        public let memberCount: Int
        public let livedExperiencePresent: Bool
        /// Nil when the group had no adopted terms of reference on the day.
        public let needed: Int?
        public let met: Bool
        public let shortfalls: [String]
    }

    /// Deputies count when the terms allow them (or when there are no terms); a deputy for an expert by
    /// experience or carer keeps that seat's lived experience in the room.
    public static func quorum(terms: TermsContent?, expected: [Expected], attendance: [Int64: AttendanceStatus])
        -> Quorum
    {
        let deputiesCount = terms?.deputiesAllowed ?? true
        let counted = expected.filter { member in
            switch attendance[member.userID] {
            case .present: return true
            case .deputy: return deputiesCount
            default: return false
            }
        }
        let lived = counted.contains { $0.sector.isLivedExperience }
        guard let terms else {
            return Quorum(
                counted: counted.count, memberCount: expected.count, livedExperiencePresent: lived, needed: nil,
                met: true, shortfalls: [])
        }
        var result = QuorumRule.evaluate(
            terms: terms, memberCount: expected.count, present: counted.count, livedExperiencePresent: lived
        ).shortfalls
        let deputies = expected.filter { attendance[$0.userID] == .deputy }.count
        if !deputiesCount, deputies > 0 {
            result.insert(
                "The terms of reference do not allow deputies, so \(deputies == 1 ? "the deputy present does" : "the \(deputies) deputies present do") not count.",
                at: 0)
        }
        let needed = QuorumRule.needed(kind: terms.quorumKind, value: terms.quorumValue, memberCount: expected.count)
        let met = counted.count >= needed && (!terms.quorumNeedsLivedExperience || lived)
        return Quorum(
            counted: counted.count, memberCount: expected.count, livedExperiencePresent: lived, needed: needed,
            met: met, shortfalls: met ? [] : result)
    }

    public static func isOverdue(status: ActionStatus, dueOn: String, today: String) -> Bool {
        status.carriesOver && dueOn < today
    }
}
