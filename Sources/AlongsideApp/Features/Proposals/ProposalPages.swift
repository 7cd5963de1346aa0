import Foundation

struct ProposalsPage: PageModel {
    static let template = "proposals/index"
    let title: String
    let groupName: String
    let decisionsHref: String
    let newHref: String?
    let rows: [Row]
    let hasRows: Bool

    struct Row: Encodable, Sendable {
        let title: String
        let href: String
        let status: String
        let isOpen: Bool
        let closes: String
    }

    init(group: Group, proposals: [Proposal], canOpen: Bool) {
        title = "Online proposals: \(group.name)"
        groupName = group.name
        decisionsHref = Href.decisions(group.id)
        newHref = canOpen ? Href.newProposal(group.id) : nil
        rows = proposals.map {
            Row(
                title: $0.title, href: Href.proposal(group.id, $0.id), status: $0.status.label,
                isOpen: $0.status == .open,
                closes: LondonTime.dateTime($0.status == .open ? $0.closesAt : ($0.endedAt ?? $0.closesAt)))
        }
        hasRows = !rows.isEmpty
    }
}

struct ProposalFormPage: PageModel {
    static let template = "proposals/form"
    static let byLeadsMessage =
        "This group's terms of reference say decisions are made by its leads. Decisions by leads are not put to members, so they cannot be made by an online proposal"
    let title: String
    let groupName: String
    let cancelHref: String
    let action: String
    /// Nil when the method is refused (decisions by leads): the page explains instead of offering the form.
    let refusal: String?
    let methodSummary: String?
    let titleField: Field
    let question: Field
    let method: ChoiceField?
    let closesOn: Field
    let closesAtTime: Field
    let errors: FormErrors

    init(group: Group, terms: TermsVersion?, form: FormData, errors: FormErrors) {
        title = "Open an online proposal: \(group.name)"
        groupName = group.name
        cancelHref = Href.proposals(group.id)
        action = Href.proposals(group.id)
        let termsMethod = terms?.content.decisionMethod
        refusal = termsMethod == .byLeads ? Self.byLeadsMessage + "." : nil
        methodSummary = terms.map {
            "\($0.content.decisionMethod.label) — how members decide under version \($0.number) of the terms of reference. The quorum is checked when it closes."
        }
        typealias F = ProposalForm.OpenField
        titleField = Field(F.title, label: "Title", form: form, errors: errors)
        question = Field(
            F.question, label: "The question members are asked", form: form, type: "textarea",
            hint: "Say what is proposed and what agreeing to it would mean.", errors: errors)
        method =
            termsMethod == nil
            ? ChoiceField(
                radios: F.method, legend: "How members will decide (the group has no adopted terms of reference)",
                options: ProposalForm.methods.map { ($0.rawValue, $0.label) }, form: form, errors: errors
            ) : nil
        closesOn = Field(
            F.closesOn, label: "Closing date", form: form, type: "date",
            hint: "London time. Members can respond until then.", errors: errors)
        closesAtTime = Field(
            F.closesAtTime, label: "Closing time", form: form, type: "time",
            hint: "24-hour clock, like 17:00.", errors: errors)
        self.errors = errors
    }
}
