import Foundation

/// One proposal: the question, its closing time, the person's own response, who has responded, and after close
/// the outcome and its decision.
struct ProposalPage: PageModel {
    static let template = "proposals/show"
    let title: String
    let groupName: String
    let proposalsHref: String
    let question: String
    let status: String
    let isOpen: Bool
    let isWithdrawn: Bool
    let method: String
    let opened: String
    let closes: String
    let ended: String?
    let decisionHref: String?
    let outcome: String?
    let responseForm: ResponseForm?
    let ownResponse: String?
    let responded: [Responded]
    let hasResponded: Bool
    let yetToRespond: String
    let closeAction: String?
    let closeEarly: ChoiceField?
    let withdrawAction: String?
    let confirmWithdraw: ChoiceField?
    let errors: FormErrors

    struct ResponseForm: Encodable, Sendable {
        let action: String
        let response: ChoiceField
        let reason: Field
    }

    struct Responded: Encodable, Sendable {
        let name: String
        let answer: String
        let reason: String?
        let when: String
    }

    init(
        group: Group, proposal: Proposal, members: [Membership], responses: [ProposalResponse], viewerID: Int64,
        canRespond: Bool, canRun: Bool, decision: Decision?, form: FormData, errors: FormErrors
    ) {
        title = proposal.title
        groupName = group.name
        proposalsHref = Href.proposals(group.id)
        question = proposal.question
        status = proposal.status.label
        isOpen = proposal.status == .open
        isWithdrawn = proposal.status == .withdrawn
        method = proposal.method.label
        opened = "\(LondonTime.dateTime(proposal.openedAt)) by \(proposal.openedByName)"
        closes = LondonTime.dateTime(proposal.closesAt)
        ended = proposal.endedAt.map(LondonTime.dateTime)
        decisionHref = proposal.decisionID.map { Href.decision(group.id, $0) }
        outcome = decision.map { decision in
            decision.outcome.label
                + (decision.isValid ? "." : ". Not valid under the terms of reference: \(decision.invalidReason ?? "")")
        }
        let answers = ProposalRules.answers(for: proposal.method) ?? []
        typealias F = ProposalForm.ResponseField
        responseForm =
            isOpen && canRespond
            ? ResponseForm(
                action: Href.proposalResponse(group.id, proposal.id),
                response: ChoiceField(
                    radios: F.response, legend: "What do you say to the proposal?",
                    options: answers.map { ($0.rawValue, $0.label) }, form: form, errors: errors),
                reason: Field(
                    F.reason, label: "Your reason", form: form, type: "textarea",
                    hint: "Needed if you "
                        + (proposal.method == .consensus
                            ? "cannot agree" : proposal.method == .consent ? "object" : "want to explain your vote")
                        + ". Other members will see it.", errors: errors)
            ) : nil
        ownResponse = responses.first { $0.userID == viewerID }.map { "Your response: \($0.answer.label)." }
        responded = responses.map {
            Responded(
                name: $0.personName, answer: $0.answer.label, reason: $0.reason.isEmpty ? nil : $0.reason,
                when: LondonTime.dateTime($0.respondedAt))
        }
        hasResponded = !responded.isEmpty
        let memberIDs = Set(members.map(\.userID))
        let waiting = memberIDs.subtracting(responses.map(\.userID)).count
        yetToRespond =
            waiting == 0
            ? "Every member has responded."
            : waiting == 1 ? "1 member has not responded yet." : "\(waiting) members have not responded yet."
        closeAction = isOpen && canRun ? Href.closeProposal(group.id, proposal.id) : nil
        closeEarly =
            isOpen && canRun
            ? ChoiceField(
                ProposalForm.EndField.closeEarly, legend: "Close it before its closing time",
                hint:
                    "A proposal closes by itself at its closing time. Closing it early counts only the responses made so far.",
                multiple: true, options: [("yes", "I want to close it now, before its closing time")], selected: [],
                errors: errors
            ) : nil
        withdrawAction = isOpen && canRun ? Href.withdrawProposal(group.id, proposal.id) : nil
        confirmWithdraw =
            isOpen && canRun
            ? ChoiceField(
                ProposalForm.EndField.confirmWithdraw, legend: "Withdraw the proposal",
                hint: "Withdrawing it ends it without a decision: the responses made so far are kept but not counted.",
                multiple: true, options: [("yes", "I want to withdraw it")], selected: [], errors: errors
            ) : nil
        self.errors = errors
    }
}
