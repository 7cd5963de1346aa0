import Foundation

/// The form for an allocation to a member.
struct AllocationFormPage: PageModel {
    static let template = "alliance/funding/allocation-form"
    static let hasForm = true
    static let fieldNames: [FundingForms.AllocationField] = [
        .organisation, .amount, .periodStartsOn, .periodEndsOn, .purpose, .contractYears, .contractReference, .source,
        .decision,
    ]
    let title = "Allocate funding to a member"
    let allianceName: String
    let hasMembers: Bool
    let hasDecisions: Bool
    let newDecisionHref: String
    let organisation: SelectField
    let amount: Field
    let startsOn: Field
    let endsOn: Field
    let purpose: Field
    let contractYears: Field
    let contractReference: Field
    let source: Field
    let decision: SelectField
    let errors: FormErrors
    let action: String
    let fundingHref: String

    init(group: Group, members: [AllianceMember], decisions: [DecisionReference], form: FormData, errors: FormErrors) {
        typealias F = FundingForms.AllocationField
        allianceName = group.name
        hasMembers = !members.isEmpty
        hasDecisions = !decisions.isEmpty
        newDecisionHref = Href.newDecision(group.id)
        organisation = SelectField(
            F.organisation, label: "Member", hint: "Members that are joining, members or paused.",
            options: [(value: "", label: "Select a member")]
                + members.map {
                    (
                        value: String($0.organisationID),
                        label: "\($0.organisationName) (\($0.status.label.lowercased()))"
                    )
                },
            form: form, errors: errors)
        amount = Field(
            F.amount, label: "Amount, in pounds", form: form, hint: "For example, 12,500 or 12500.50",
            errors: errors)
        startsOn = Field(
            F.periodStartsOn, label: "First day of the period it covers", form: form,
            type: "date",
            hint:
                "The period lies within one financial year, 1 April to 31 March. Record each year of a longer contract as its own allocation.",
            errors: errors)
        endsOn = Field(
            F.periodEndsOn, label: "Last day of the period it covers", form: form, type: "date",
            errors: errors)
        purpose = Field(
            F.purpose, label: "What the money is for", form: form, type: "textarea", errors: errors)
        contractYears = Field(
            F.contractYears, label: "Length of the whole contract, in years", form: form,
            hint: "A whole number from 1 to 10. A three-year contract is recorded as three allocations, each giving 3.",
            errors: errors)
        contractReference = Field(
            F.contractReference, label: "Contract reference (optional)", form: form,
            hint: "Give each year of one contract the same reference, so they count as one contract.", errors: errors)
        source = Field(
            F.source, label: "Where the money comes from", form: form,
            hint: "For example, the community mental health transformation contract for 2026 to 2027.", errors: errors)
        decision = SelectField(
            F.decision, label: "The alliance decision that authorised it",
            hint: decisions.isEmpty
                ? "There are no agreed alliance decisions to choose from yet. Record the decision in the alliance's decision log first."
                : "Agreed decisions in the alliance's decision log, newest first.",
            options: [(value: "", label: "Select a decision")]
                + decisions.map { (value: String($0.id), label: $0.label) },
            form: form, errors: errors)
        self.errors = errors
        action = Href.newAllocation(group.id)
        fundingHref = Href.allianceFunding(group.id)
    }
}

/// "Check your answers" before an allocation is recorded.
struct AllocationCheckPage: CheckAnswersPage {
    let title = "Check the allocation"
    let intro: String
    let rows: [CheckAnswerRow]
    let hidden: [CarriedValue]
    let action: String
    let confirmLabel = "Record the allocation"
    let cancelHref: String
    let afterwards =
        "Allocations are never edited. If something is wrong later, withdraw it with a reason and record it again."
    /// When recording it would allocate more than came in (`FundingSummary.warnings(adding:…)`), said before it is saved.
    let checkWarning: CheckWarning?

    init(
        group: Group, input: AllocationInput, members: [AllianceMember], decisions: [DecisionReference], form: FormData,
        overAllocation: [String] = []
    ) {
        typealias F = FundingForms.AllocationField
        let action = Href.newAllocation(group.id)
        intro = "Nothing is saved yet. Check each answer, then record the allocation."
        let member = members.first { $0.organisationID == input.organisationID }?.organisationName ?? ""
        let decision = decisions.first { $0.id == input.decisionID }?.label ?? ""
        rows = [
            CheckAnswerRow("Member", member, field: F.organisation, form: action),
            CheckAnswerRow("Amount", Money.format(input.amountPence), field: F.amount, form: action),
            CheckAnswerRow(
                "Period",
                FundingPage.period(input.periodStartsOn, input.periodEndsOn)
                    + " (financial year \(FundingPage.year(input.periodStartsOn)))", field: F.periodStartsOn,
                form: action),
            CheckAnswerRow("Purpose", input.purpose, field: F.purpose, form: action),
            CheckAnswerRow(
                "Contract length", "\(input.contractYears) year\(input.contractYears == 1 ? "" : "s")",
                field: F.contractYears, form: action),
            CheckAnswerRow(
                "Contract reference", input.contractReference.isEmpty ? "None" : input.contractReference,
                field: F.contractReference, form: action),
            CheckAnswerRow("Source", input.source, field: F.source, form: action),
            CheckAnswerRow("Authorised by", decision, field: F.decision, form: action),
        ]
        hidden = CarriedValue.all(AllocationFormPage.fieldNames, from: form)
        self.action = action
        cancelHref = Href.allianceFunding(group.id)
        checkWarning =
            overAllocation.isEmpty
            ? nil
            : CheckWarning(
                heading: "This allocation takes the alliance over the money it has received",
                lines: overAllocation,
                advice:
                    "You can still record it. If more money has come in, record it as received first, so the totals stay true."
            )
    }
}
