import Foundation

/// Which online proposal, if any, decided a decision, so its page can link to it. Proposals answer (wired in
/// `AppServices`): proposals build on the decision log, so the log does not depend on them (issue 16).
protocol DecisionProposalSource: Sendable {
    /// The proposal that recorded any of these decision revisions, or nil.
    func proposalID(decidedBy decisionIDs: [Int64]) async throws -> Int64?
}
