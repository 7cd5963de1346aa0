import Foundation
import GRDB

extension ProposalStore {
    /// Open proposals of `groupIDs` still taking responses at `now` that `userID` has not answered, soonest closing
    /// first: what waits for them on their home page (issue 20).
    public func awaitingResponse(userID: Int64, groupIDs: [Int64], now: Date) async throws -> [Proposal] {
        guard !groupIDs.isEmpty else { return [] }
        return try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: Proposal.selectSQL + """
                     WHERE p.group_id IN (\(databaseQuestionMarks(count: groupIDs.count))) AND p.status = 'open'
                       AND p.closes_at > ?
                       AND NOT EXISTS (SELECT 1 FROM proposal_responses r WHERE r.proposal_id = p.id AND r.user_id = ?)
                     ORDER BY p.closes_at, p.id
                    """, arguments: StatementArguments(groupIDs) + [now, userID]
            ).map(Proposal.init)
        }
    }
}
