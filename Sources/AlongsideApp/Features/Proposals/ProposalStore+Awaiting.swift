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

extension ProposalStore {
    /// Open proposals closing within `window` of `now`, each with the current members who may answer (observers may
    /// not) and have not: who a "closes tomorrow" reminder goes to (issue 20).
    public func closingSoon(now: Date, within window: TimeInterval) async throws -> [(
        proposal: Proposal, groupName: String, awaiting: [Int64]
    )] {
        let today = LondonTime.isoDay(now)
        return try await pool.read { db in
            let closing = try Row.fetchAll(
                db,
                sql: Proposal.selectSQL
                    + " WHERE p.status = 'open' AND p.closes_at > ? AND p.closes_at <= ? ORDER BY p.id",
                arguments: [now, now.addingTimeInterval(window)]
            ).map(Proposal.init)
            let names = try GroupStore.names(ids: closing.map(\.groupID), in: db)
            return try closing.map { proposal in
                let answered = Set(try Self.responses(proposalID: proposal.id, in: db).map(\.userID))
                let members = try Self.currentMembers(groupID: proposal.groupID, today: today, in: db)
                return (
                    proposal, names[proposal.groupID] ?? "", members.map(\.userID).filter { !answered.contains($0) }
                )
            }
        }
    }
}
