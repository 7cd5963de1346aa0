import Foundation

/// What members are told by email about online proposals (issue 20): one opened for their answer, and its outcome
/// when it closes. (The reminder the day before it closes comes from the reminder sweep.)
enum ProposalNotices {
    static func opened(_ proposal: Proposal, groupName: String) -> Notice {
        Notice(
            kind: .proposals, event: "proposal_opened", subject: "Your answer is asked for: \(proposal.title)",
            paragraphs: [
                "\(proposal.openedByName) opened a proposal in \(groupName) and asks for your answer by "
                    + "\(LondonTime.dateTime(proposal.closesAt)).",
                proposal.question,
            ],
            link: ("Read the proposal and answer", Href.proposal(proposal.groupID, proposal.id)))
    }

    static func closed(_ proposal: Proposal, groupName: String, result: ProposalRules.Result) -> Notice {
        let answered =
            result.membersPresent == 1
            ? "1 of \(result.membersTotal) members answered."
            : "\(result.membersPresent) of \(result.membersTotal) members answered."
        let quorum = result.quorumMet ? "" : " That was not enough for a quorum."
        return Notice(
            kind: .proposals, event: "proposal_closed",
            subject: "\(result.outcome.label): \(proposal.title)",
            paragraphs: [
                "The proposal \"\(proposal.title)\" in \(groupName) closed. The outcome: \(result.outcome.label.lowercased()).",
                answered + quorum + " It is recorded in the group's decision log.",
            ],
            link: ("Read the proposal and the answers", Href.proposal(proposal.groupID, proposal.id)))
    }
}
