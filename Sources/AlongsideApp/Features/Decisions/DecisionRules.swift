import Foundation

public enum DecisionOutcome: String, CaseIterable, Codable, Sendable {
    case agreed
    case notAgreed = "not_agreed"
    case deferred

    public var label: String {
        switch self {
        case .agreed: return "Agreed"
        case .notAgreed: return "Not agreed"
        case .deferred: return "Deferred"
        }
    }
}

/// Quorum under a group's terms of reference (003 step 1: terms say how decisions are agreed).
public enum QuorumRule {
    public struct Result: Equatable, Sendable {
        public let needed: Int
        public let met: Bool
        /// Plain-English reasons the meeting was not quorate; empty when it was.
        public let shortfalls: [String]
    }

    /// How many members must be present: a count, or a share of members rounded up.
    public static func needed(kind: QuorumKind, value: Int, memberCount: Int) -> Int {
        switch kind {
        case .count: return value
        case .share: return Int((Double(memberCount) * Double(value) / 100).rounded(.up))
        }
    }

    public static func evaluate(terms: TermsContent, memberCount: Int, present: Int, livedExperiencePresent: Bool) -> Result {
        let needed = needed(kind: terms.quorumKind, value: terms.quorumValue, memberCount: memberCount)
        var shortfalls: [String] = []
        if present < needed { shortfalls.append("\(present) of \(memberCount) members were present; the terms of reference need \(needed).") }
        if terms.quorumNeedsLivedExperience, !livedExperiencePresent {
            shortfalls.append("The terms of reference need an expert by experience or carer present, and none was.")
        }
        return Result(needed: needed, met: shortfalls.isEmpty, shortfalls: shortfalls)
    }
}

/// How votes and objections become an outcome.
public enum DecisionRules {
    /// The outcome the numbers give, for methods where numbers decide; nil where the group records it.
    /// Majority vote: more for than against (abstentions do not count; a tie is not agreed).
    /// Consent: agreed when nobody objects.
    public static func outcome(method: DecisionMethod, votesFor: Int, against: Int, objections: Int) -> DecisionOutcome? {
        switch method {
        case .majorityVote: return votesFor > against ? .agreed : .notAgreed
        case .consent: return objections == 0 ? .agreed : .notAgreed
        case .consensus, .byLeads: return nil
        }
    }

    /// Where a decision falls short of the terms of reference in force; empty when it meets them.
    public static func shortfalls(terms: TermsContent?, method: DecisionMethod, memberCount: Int, present: Int, livedExperiencePresent: Bool) -> [String] {
        guard let terms else { return [] }
        var problems: [String] = []
        if method != terms.decisionMethod {
            problems.append("The terms of reference say decisions are made by \(terms.decisionMethod.label.lowercased()), not \(method.label.lowercased()).")
        }
        problems += QuorumRule.evaluate(terms: terms, memberCount: memberCount, present: present, livedExperiencePresent: livedExperiencePresent).shortfalls
        return problems
    }
}
