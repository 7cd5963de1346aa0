import Foundation

/// A member's answer to an online proposal; which answers are offered depends on the group's method.
public enum ProposalAnswer: String, CaseIterable, Codable, Sendable {
    case votingFor = "for"
    case against
    case abstain
    case consent
    case object
    case agree
    case cannotAgree = "cannot_agree"

    public var label: String {
        switch self {
        case .votingFor: return "For"
        case .against: return "Against"
        case .abstain: return "Abstain"
        case .consent: return "I consent"
        case .object: return "I object"
        case .agree: return "I agree"
        case .cannotAgree: return "I cannot agree"
        }
    }

    /// Objections and disagreement must give a reason, so the group can respond to it.
    public var needsReason: Bool { self == .object || self == .cannotAgree }
}

/// Online proposals between meetings (issue 3): who may answer how, and what the answers decide at close.
public enum ProposalRules {
    /// The answers a method offers; nil for decisions by leads, which are not put to members.
    public static func answers(for method: DecisionMethod) -> [ProposalAnswer]? {
        switch method {
        case .majorityVote: return [.votingFor, .against, .abstain]
        case .consent: return [.consent, .object]
        case .consensus: return [.agree, .cannotAgree]
        case .byLeads: return nil
        }
    }

    /// A member of the group when the proposal closes: whether they bring lived experience, and their answer if any.
    public struct Member: Sendable, Equatable {
        public let userID: Int64
        public let livedExperience: Bool

        public init(userID: Int64, livedExperience: Bool) {
            self.userID = userID
            self.livedExperience = livedExperience
        }
    }

    public struct Answer: Sendable, Equatable {
        public let userID: Int64
        public let answer: ProposalAnswer
        public let reason: String

        public init(userID: Int64, answer: ProposalAnswer, reason: String = "") {
            self.userID = userID
            self.answer = answer
            self.reason = reason
        }
    }

    /// What closing a proposal records.
    public struct Result: Sendable, Equatable {
        public let outcome: DecisionOutcome
        public let membersTotal: Int
        /// Members who answered: they took part.
        public let membersPresent: Int
        public let livedExperiencePresent: Bool
        public let votesFor: Int
        public let against: Int
        public let abstaining: Int
        public let objections: Int
        public let cannotAgree: Int
        /// Where it falls short of the terms of reference in force; empty when it meets them (or there are none).
        public let shortfalls: [String]
        public let quorumMet: Bool
    }

    /// The outcome by the method: majority vote, more for than against (abstentions do not count; a tie is not
    /// agreed); consent, nobody objects; consensus, nobody cannot agree. Nobody answering agrees nothing.
    /// Answers from people who are no longer members when it closes are not counted.
    public static func close(method: DecisionMethod, terms: TermsContent?, members: [Member], answers: [Answer])
        -> Result
    {
        let memberIDs = Set(members.map(\.userID))
        let counted = answers.filter { memberIDs.contains($0.userID) }
        func count(_ answer: ProposalAnswer) -> Int { counted.filter { $0.answer == answer }.count }
        let votesFor = count(.votingFor), against = count(.against), objections = count(.object),
            cannotAgree = count(.cannotAgree)
        let outcome: DecisionOutcome
        if counted.isEmpty {
            outcome = .notAgreed
        } else if method == .consensus {
            outcome = cannotAgree == 0 ? .agreed : .notAgreed
        } else {
            outcome =
                DecisionRules.outcome(method: method, votesFor: votesFor, against: against, objections: objections)
                ?? .notAgreed
        }
        let answered = Set(counted.map(\.userID))
        let lived = members.contains { answered.contains($0.userID) && $0.livedExperience }
        let shortfalls = DecisionRules.shortfalls(
            terms: terms, method: method, memberCount: members.count, present: counted.count,
            livedExperiencePresent: lived)
        let quorumMet =
            terms.map {
                QuorumRule.evaluate(
                    terms: $0, memberCount: members.count, present: counted.count, livedExperiencePresent: lived
                ).met
            } ?? true
        return Result(
            outcome: outcome, membersTotal: members.count, membersPresent: counted.count, livedExperiencePresent: lived,
            votesFor: votesFor, against: against, abstaining: count(.abstain), objections: objections,
            cannotAgree: cannotAgree,
            shortfalls: shortfalls, quorumMet: quorumMet
        )
    }
}
