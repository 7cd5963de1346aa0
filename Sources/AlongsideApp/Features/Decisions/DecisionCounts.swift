import Foundation

/// The numbers a decision records, and the rule that they could have happened (issue 17): nobody can be counted
/// twice or be a negative number. Members present are at most the group's members; votes cast (for, against and
/// abstaining) and objections are at most the members present. The rule is the same for every method.
public struct DecisionCounts: Sendable, Equatable {
    public var membersTotal: Int
    public var membersPresent: Int
    public var votesFor: Int?
    public var votesAgainst: Int?
    public var votesAbstaining: Int?
    public var objections: Int?

    public init(
        membersTotal: Int, membersPresent: Int, votesFor: Int? = nil, votesAgainst: Int? = nil,
        votesAbstaining: Int? = nil, objections: Int? = nil
    ) {
        self.membersTotal = membersTotal
        self.membersPresent = membersPresent
        self.votesFor = votesFor
        self.votesAgainst = votesAgainst
        self.votesAbstaining = votesAbstaining
        self.objections = objections
    }

    /// Which number a problem is about, so a form can put the message beside its input.
    public enum Count: String, Sendable, CaseIterable {
        case membersTotal, membersPresent, votesFor, votesAgainst, votesAbstaining, objections

        var label: String {
            switch self {
            case .membersTotal: return "The group's members"
            case .membersPresent: return "Members present"
            case .votesFor: return "Votes for"
            case .votesAgainst: return "Votes against"
            case .votesAbstaining: return "Abstentions"
            case .objections: return "Objections"
            }
        }
    }

    /// A count that cannot be, in words.
    public struct Problem: Sendable, Equatable {
        public let count: Count
        public let message: String
    }

    /// Every way these numbers cannot be; empty when they could. Sums are taken only after each count is known to be
    /// between 0 and `limit`, so nothing can overflow whatever is stored.
    public func problems(limit: Int = 1_000_000) -> [Problem] {
        var found: [Problem] = []
        let all: [(Count, Int?)] = [
            (.membersTotal, membersTotal), (.membersPresent, membersPresent), (.votesFor, votesFor),
            (.votesAgainst, votesAgainst), (.votesAbstaining, votesAbstaining), (.objections, objections),
        ]
        for case (let count, let value?) in all {
            if value < 0 {
                found.append(Problem(count: count, message: "\(count.label) cannot be a negative number"))
            } else if value > limit {
                found.append(Problem(count: count, message: "\(count.label) cannot be more than \(limit)"))
            }
        }
        guard found.isEmpty else { return found }
        if membersPresent > membersTotal {
            found.append(
                Problem(
                    count: .membersPresent,
                    message:
                        "Members present (\(membersPresent)) cannot be more than the group's members (\(membersTotal))")
            )
        }
        let votes = [votesFor, votesAgainst, votesAbstaining].compactMap { $0 }
        let cast = votes.reduce(0, +)
        if !votes.isEmpty, cast > membersPresent {
            found.append(
                Problem(
                    count: .votesFor,
                    message:
                        "The votes cast (for, against and abstaining: \(cast)) cannot be more than the members present (\(membersPresent))"
                ))
        }
        if let objections, objections > membersPresent {
            found.append(
                Problem(
                    count: .objections,
                    message: "Objections (\(objections)) cannot be more than the members present (\(membersPresent))"))
        }
        return found
    }
}

extension Decision {
    /// The numbers this revision records.
    public var counts: DecisionCounts {
        DecisionCounts(
            membersTotal: membersTotal, membersPresent: membersPresent, votesFor: votesFor, votesAgainst: votesAgainst,
            votesAbstaining: votesAbstaining, objections: objections)
    }
}
