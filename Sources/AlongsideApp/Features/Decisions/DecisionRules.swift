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

/// How votes and objections become an outcome.
public enum DecisionRules {
    /// The outcome the numbers give, for methods where numbers decide; nil where the group records it.
    /// Majority vote: more for than against (abstentions do not count; a tie is not agreed).
    /// Consent: agreed when nobody objects.
    public static func outcome(method: DecisionMethod, votesFor: Int, against: Int, objections: Int) -> DecisionOutcome?
    {
        switch method {
        case .majorityVote: return votesFor > against ? .agreed : .notAgreed
        case .consent: return objections == 0 ? .agreed : .notAgreed
        case .consensus, .byLeads: return nil
        }
    }

    /// Where a decision falls short of the terms of reference in force; empty when it meets them.
    public static func shortfalls(
        terms: TermsContent?, method: DecisionMethod, memberCount: Int, present: Int, livedExperiencePresent: Bool
    ) -> [String] {
        guard let terms else { return [] }
        var problems: [String] = []
        if method != terms.decisionMethod {
            problems.append(
                "The terms of reference say decisions are made by \(terms.decisionMethod.label.lowercased()), not \(method.label.lowercased())."
            )
        }
        problems +=
            QuorumRule.evaluate(
                terms: terms, memberCount: memberCount, present: present, livedExperiencePresent: livedExperiencePresent
            ).shortfalls
        return problems
    }
}
