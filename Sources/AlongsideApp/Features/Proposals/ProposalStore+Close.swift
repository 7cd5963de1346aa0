import Foundation
import GRDB

/// Closing a proposal: its outcome, by the group's method and quorum under the terms in force, becomes a
/// decision in the log, in the same transaction as the proposal closes.
extension ProposalStore {
    /// Closes an open proposal and records its decision. `closer` is nil when it closes by itself, after its closing
    /// time (the decision is then recorded in the name of the person who opened it). Returns the decision's id.
    @discardableResult
    public func close(proposal: Proposal, closer: SessionUser?, requestID: String?) async throws -> Int64 {
        let now = clock.now()
        let today = LondonTime.isoDay(now)
        let actor =
            closer.map { AuditActor(userID: $0.id, label: $0.name) }
            ?? AuditActor(userID: nil, label: "Closed at its closing time")
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let current = try Self.proposal(id: proposal.id, groupID: proposal.groupID, in: db) else {
                throw AppError.notFound
            }
            guard current.status == .open else {
                // Closed by someone else a moment ago: nothing more to do.
                if let decisionID = current.decisionID { return decisionID }
                throw Refusal.notOpen
            }
            let members = try Self.currentMembers(groupID: current.groupID, today: today, in: db)
            let terms = try TermsStore.inForce(groupID: current.groupID, in: db)
            let responses = try Self.responses(proposalID: current.id, in: db)
            let result = ProposalRules.close(
                method: current.method, terms: terms?.content, members: members,
                answers: responses.map { ProposalRules.Answer(userID: $0.userID, answer: $0.answer, reason: $0.reason) }
            )
            let counted = responses.filter { response in members.contains { $0.userID == response.userID } }
            let input = Self.decisionInput(
                current, result: result, responses: counted, closerName: closer?.name, at: now)
            let decision = try DecisionStore.insert(
                input, groupID: current.groupID, termsVersion: terms?.number, quorumMet: result.quorumMet,
                correcting: nil,
                recordedBy: closer?.id ?? current.openedBy, at: now, in: db
            )
            try DecisionStore.audit(decision, correcting: nil, in: audit)
            try db.execute(
                sql: "UPDATE proposals SET status = 'closed', ended_at = ?, decision_id = ? WHERE id = ?",
                arguments: [now, decision.id, current.id])
            let change = AuditChange<[String: String]>(
                action: "closed", recordKind: "proposal", recordID: String(current.id),
                summary:
                    "Closed the online proposal \"\(current.title)\": \(result.outcome.label.lowercased()), recorded as decision #\(decision.id)",
                before: ["status": "Open"],
                after: ["status": "Closed", "outcome": result.outcome.label, "decision": String(decision.id)]
            )
            try audit.record(change)
            if let notifier {
                let groupName = try GroupStore.names(ids: [current.groupID], in: db)[current.groupID] ?? ""
                try notifier.send(
                    ProposalNotices.closed(current, groupName: groupName, result: result),
                    to: members.map(\.userID) + [current.openedBy], except: closer?.id, now: now, in: db)
            }
            return decision.id
        }
    }

    /// Closes every open proposal whose closing time has passed (the reminder sweep, so the outcome goes out on time
    /// even if nobody opens the proposal); returns how many closed.
    @discardableResult
    public func closeDue(now: Date) async throws -> Int {
        let due = try await pool.read { db in
            try Row.fetchAll(
                db, sql: Proposal.selectSQL + " WHERE p.status = 'open' AND p.closes_at <= ? ORDER BY p.id",
                arguments: [now]
            ).map(Proposal.init)
        }
        for proposal in due { try await close(proposal: proposal, closer: nil, requestID: nil) }
        return due.count
    }

    /// Current members who may answer (observers do not), each once; lived experience if any of their seats brings it.
    static func currentMembers(groupID: Int64, today: String, in db: Database) throws -> [ProposalRules.Member] {
        var members: [ProposalRules.Member] = []
        for seat in try GroupStore.currentSeats(groupID: groupID, today: today, in: db) where seat.seat != .observer {
            let userID = seat.userID
            let lived = seat.sector.isLivedExperience
            if let index = members.firstIndex(where: { $0.userID == userID }) {
                members[index] = .init(userID: userID, livedExperience: members[index].livedExperience || lived)
            } else {
                members.append(.init(userID: userID, livedExperience: lived))
            }
        }
        return members
    }

    /// The decision the proposal's answers make, with reasons summarising who answered what and why.
    static func decisionInput(
        _ proposal: Proposal, result: ProposalRules.Result, responses: [ProposalResponse], closerName: String?,
        at now: Date
    ) -> DecisionInput {
        let tally: String
        switch proposal.method {
        case .majorityVote:
            tally = "\(result.votesFor) for, \(result.against) against, \(result.abstaining) abstaining."
        case .consent: tally = result.objections == 1 ? "1 objection." : "\(result.objections) objections."
        case .consensus, .byLeads:
            tally = "\(result.membersPresent - result.cannotAgree) agreed, \(result.cannotAgree) could not agree."
        }
        var lines = [
            "Decided by an online proposal between meetings, opened by \(proposal.openedByName) on \(LondonTime.dateTime(proposal.openedAt)) and "
                + (closerName.map { "closed by \($0) on \(LondonTime.dateTime(now))." }
                    ?? "closed at its closing time, \(LondonTime.dateTime(proposal.closesAt))."),
            "\(result.membersPresent) of \(result.membersTotal) members responded: \(tally)",
        ]
        let reasons = responses.filter { !$0.reason.isEmpty }
        if !reasons.isEmpty {
            lines.append("Reasons given:")
            lines += reasons.map { "\($0.personName) (\($0.answer.label)): \($0.reason)" }
        }
        let invalid =
            result.shortfalls.isEmpty
            ? nil
            : "The online proposal closed without meeting the terms of reference: "
                + result.shortfalls.joined(separator: " ")
        return DecisionInput(
            title: proposal.title, question: proposal.question, method: proposal.method,
            membersTotal: result.membersTotal,
            membersPresent: result.membersPresent, livedExperiencePresent: result.livedExperiencePresent,
            votesFor: proposal.method == .majorityVote ? result.votesFor : nil,
            votesAgainst: proposal.method == .majorityVote ? result.against : nil,
            votesAbstaining: proposal.method == .majorityVote ? result.abstaining : nil,
            objections: proposal.method == .consent ? result.objections : nil,
            consensusRecord: proposal.method == .consensus ? "Online: \(tally)" : nil, outcome: result.outcome,
            rationale: lines.joined(separator: "\n"), declarations: nil, reviewOn: nil, invalidReason: invalid,
            adoptsTermsVersion: nil,
            meetingID: nil
        )
    }
}
