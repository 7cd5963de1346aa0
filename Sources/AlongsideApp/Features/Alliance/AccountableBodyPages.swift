import Foundation

/// The accountable body: the current one, every earlier one with the decision that elected it, and for the
/// people who manage the alliance, the form to record an election.
struct AccountableBodyPage: PageModel {
    static let template = "alliance/accountable-body"
    static let hasForm = true
    let title = "Accountable body"
    let allianceName: String
    let allianceHref: String
    let current: Row?
    let rows: [Row]
    let hasRows: Bool
    let canManage: Bool
    let election: Election?
    let errors: FormErrors

    struct Row: Encodable, Sendable {
        let name: String
        let from: String
        let to: String
        let decisionLabel: String
        let decisionHref: String?
        let decisionStands: Bool
    }

    /// Said beside the day before the form is sent (issue 17): what an election records, and from when.
    static let startsHint =
        "The election is recorded from this day, not from the day you record it: the organisation you choose is the "
        + "accountable body from this day on, and the current accountable body's term ends on it."

    struct Election: Encodable, Sendable {
        let action: String
        let hasMembers: Bool
        let hasDecisions: Bool
        let newDecisionHref: String
        let decisionsHref: String
        let organisation: SelectField
        let decision: SelectField
        let startsOn: Field
    }

    init(
        group: Group, terms: [AccountableBodyTerm], canManage: Bool, members: [AllianceMember],
        decisions: [DecisionReference],
        form: FormData = FormData(), errors: FormErrors = FormErrors()
    ) {
        allianceName = group.name
        allianceHref = Href.alliance(group.id)
        rows = terms.map { term in
            Row(
                name: term.body.organisationName, from: LondonTime.day(term.body.startsOn),
                to: term.body.endsOn.map(LondonTime.day) ?? "Now",
                decisionLabel: term.decision?.label ?? "Decision \(term.body.decisionID)",
                decisionHref: term.decision?.href(groupID: group.id),
                decisionStands: term.decision?.stillStands ?? false)
        }
        current = zip(terms, rows).first { $0.0.body.endsOn == nil }?.1
        hasRows = !rows.isEmpty
        self.canManage = canManage
        let current = members.filter { $0.status == .member }
        typealias F = AllianceForms.ElectionField
        election =
            canManage
            ? Election(
                action: Href.accountableBody(group.id), hasMembers: !current.isEmpty, hasDecisions: !decisions.isEmpty,
                newDecisionHref: Href.newDecision(group.id), decisionsHref: Href.decisions(group.id),
                organisation: SelectField(
                    F.organisation, label: "Organisation elected",
                    hint: "Only a current member of the alliance can be its accountable body.",
                    options: [("", "Choose a member")]
                        + current.map { (String($0.organisationID), $0.organisationName) },
                    form: form, errors: errors),
                decision: SelectField(
                    F.decision, label: "The alliance decision that elected it",
                    hint:
                        "Agreed decisions in this alliance's decision log. Record the decision in the log first if it is not here.",
                    options: [("", "Choose a decision")] + decisions.map { (String($0.id), $0.label) },
                    form: form, errors: errors),
                startsOn: Field(
                    F.startsOn, label: "Day it became the accountable body", form: form, type: "date",
                    hint: Self.startsHint, errors: errors)
            ) : nil
        self.errors = errors
    }
}
