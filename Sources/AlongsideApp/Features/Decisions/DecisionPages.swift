import Foundation

struct DecisionsPage: PageModel {
    static let template = "decisions/index"
    let title: String
    let groupName: String
    let groupHref: String
    let newHref: String?
    let rows: [Row]
    let hasRows: Bool

    struct Row: Encodable, Sendable {
        let title: String
        let href: String
        let recorded: String
        let outcome: String
        let validity: String?
    }

    init(group: Group, decisions: [Decision], canRecord: Bool) {
        title = "Decisions: \(group.name)"
        groupName = group.name
        groupHref = Route.group.href(group.id)
        newHref = canRecord ? Route.newDecision.href(group.id) : nil
        rows = decisions.map {
            Row(title: $0.title, href: Route.decision.href(group.id, $0.id), recorded: LondonTime.date($0.recordedAt),
                outcome: $0.outcome.label, validity: $0.isValid ? nil : "Not valid under the terms of reference")
        }
        hasRows = !rows.isEmpty
    }
}

struct DecisionFormPage: PageModel {
    static let template = "decisions/form"
    let title: String
    let groupName: String
    let termsSummary: String
    let titleField: Field
    let question: Field
    let method: ChoiceField
    let membersTotal: Field
    let membersPresent: Field
    let livedExperiencePresent: ChoiceField
    let votesFor: Field
    let votesAgainst: Field
    let votesAbstaining: Field
    let objections: Field
    let consensusRecord: Field
    let outcome: ChoiceField
    let rationale: Field
    let declarations: Field
    let reviewOn: Field
    let adoptsTerms: SelectField?
    let shortfalls: [String]
    let hasShortfalls: Bool
    let invalidReason: Field
    let errors: FormErrors
    let action: String
    let cancelHref: String

    init(group: Group, form: FormData, errors: FormErrors, inForce: TermsVersion?, proposed: [Int], shortfalls: [String]) {
        title = "Record a decision: \(group.name)"
        groupName = group.name
        termsSummary = inForce.map { "Checked against version \($0.number) of the terms of reference: \($0.content.decisionMethod.label.lowercased()); quorum \($0.content.sections.first { $0.title == "Quorum" }?.text ?? "")." }
            ?? "The group has no adopted terms of reference yet, so there is nothing to check the decision against."
        titleField = Field("title", label: "Title", value: form["title"], errors: errors)
        question = Field("question", label: "The question decided", value: form["question"], type: "textarea", errors: errors)
        method = ChoiceField("method", legend: "How the decision was made", options: DecisionMethod.allCases.map { ($0.rawValue, $0.label) }, selected: form["method"], errors: errors)
        membersTotal = Field("members_total", label: "Members of the group", value: form["members_total"], errors: errors)
        membersPresent = Field("members_present", label: "Members present (or taking part, between meetings)", value: form["members_present"], errors: errors)
        livedExperiencePresent = ChoiceField("lived_experience_present", legend: "Was an expert by experience or carer present?", options: [("yes", "Yes"), ("no", "No")], selected: form["lived_experience_present"], errors: errors)
        votesFor = Field("votes_for", label: "Votes for (majority vote only)", value: form["votes_for"], errors: errors)
        votesAgainst = Field("votes_against", label: "Votes against (majority vote only)", value: form["votes_against"], errors: errors)
        votesAbstaining = Field("votes_abstaining", label: "Abstentions (majority vote only)", value: form["votes_abstaining"], errors: errors)
        objections = Field("objections", label: "Objections (consent only)", value: form["objections"], errors: errors)
        consensusRecord = Field("consensus_record", label: "How the group reached it (consensus or by leads only)", value: form["consensus_record"], type: "textarea", errors: errors)
        outcome = ChoiceField("outcome", legend: "Outcome (consensus or by leads only; votes and objections decide it otherwise)", options: DecisionOutcome.allCases.map { ($0.rawValue, $0.label) }, selected: form["outcome"], errors: errors)
        rationale = Field("rationale", label: "Reasons", value: form["rationale"], type: "textarea", errors: errors)
        declarations = Field("declarations", label: "Declarations of interest (optional)", value: form["declarations"], type: "textarea", hint: "Who declared what interest, and whether they took part. One per line.", errors: errors)
        reviewOn = Field("review_on", label: "Review date (optional)", value: form["review_on"], type: "date", errors: errors)
        adoptsTerms = proposed.isEmpty ? nil : SelectField(
            "adopts_terms", label: "Does this decision adopt proposed terms of reference?",
            options: [("", "No")] + proposed.map { (String($0), "Yes: adopt version \($0)") }, selected: form["adopts_terms"], errors: errors
        )
        self.shortfalls = shortfalls
        hasShortfalls = !shortfalls.isEmpty
        invalidReason = Field("invalid_reason", label: "Why it is being recorded anyway", value: form["invalid_reason"], type: "textarea", errors: errors)
        self.errors = errors
        action = Route.decisions.href(group.id)
        cancelHref = Route.decisions.href(group.id)
    }
}

struct DecisionPage: PageModel {
    static let template = "decisions/show"
    let title: String
    let groupName: String
    let decisionsHref: String
    let rows: [Row]
    let invalidReason: String?

    struct Row: Encodable, Sendable {
        let label: String
        let value: String
    }

    init(group: Group, decision: Decision) {
        title = decision.title
        groupName = group.name
        decisionsHref = Route.decisions.href(group.id)
        var rows = [
            Row(label: "Question", value: decision.question),
            Row(label: "Outcome", value: decision.outcome.label),
            Row(label: "How it was made", value: decision.method.label),
            Row(label: "Terms of reference", value: decision.termsVersion.map { "Version \($0)" } ?? "None adopted"),
            Row(label: "Present", value: "\(decision.membersPresent) of \(decision.membersTotal) members" + (decision.livedExperiencePresent ? ", including an expert by experience or carer" : "")),
            Row(label: "Quorum", value: decision.quorumMet ? "Met" : "Not met"),
        ]
        if let votesFor = decision.votesFor {
            rows.append(Row(label: "Votes", value: "\(votesFor) for, \(decision.votesAgainst ?? 0) against, \(decision.votesAbstaining ?? 0) abstaining"))
        }
        if let objections = decision.objections { rows.append(Row(label: "Objections", value: String(objections))) }
        if let record = decision.consensusRecord { rows.append(Row(label: "How the group reached it", value: record)) }
        rows.append(Row(label: "Reasons", value: decision.rationale))
        if let declarations = decision.declarations { rows.append(Row(label: "Declarations of interest", value: declarations)) }
        if let review = decision.reviewOn { rows.append(Row(label: "Review date", value: LondonTime.day(review))) }
        if let adopted = decision.adoptsTermsVersion { rows.append(Row(label: "Adopts", value: "Version \(adopted) of the terms of reference")) }
        rows.append(Row(label: "Recorded", value: "\(LondonTime.dateTime(decision.recordedAt)) by \(decision.recordedByName)"))
        self.rows = rows
        invalidReason = decision.isValid ? nil : (decision.invalidReason ?? "")
    }
}
