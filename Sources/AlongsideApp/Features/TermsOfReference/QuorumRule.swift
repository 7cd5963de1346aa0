import Foundation

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

    public static func evaluate(terms: TermsContent, memberCount: Int, present: Int, livedExperiencePresent: Bool)
        -> Result
    {
        let needed = needed(kind: terms.quorumKind, value: terms.quorumValue, memberCount: memberCount)
        var shortfalls: [String] = []
        if present < needed {
            shortfalls.append(
                "\(present) of \(memberCount) members were present; the terms of reference need \(needed).")
        }
        if terms.quorumNeedsLivedExperience, !livedExperiencePresent {
            shortfalls.append("The terms of reference need an expert by experience or carer present, and none was.")
        }
        return Result(needed: needed, met: shortfalls.isEmpty, shortfalls: shortfalls)
    }
}
