import Foundation

/// The form for money that came into the alliance.
struct ReceivedFormPage: PageModel {
    static let template = "alliance/funding/received-form"
    static let hasForm = true
    static let fieldNames = [
        "amount", "from_organisation", "via_organisation", "period_starts_on", "period_ends_on", "description",
    ]
    let title = "Record funding received"
    let allianceName: String
    let accountableBody: String?
    let amount: Field
    let from: SelectField
    let via: SelectField
    let startsOn: Field
    let endsOn: Field
    let description: Field
    let errors: FormErrors
    let action: String
    let fundingHref: String

    init(
        group: Group, organisations: [Organisation], accountableBody: AccountableBody?, form: FormData,
        errors: FormErrors
    ) {
        allianceName = group.name
        self.accountableBody = accountableBody?.organisationName
        let options = organisations.map { (value: String($0.id), label: "\($0.name) – \($0.sector.label)") }
        amount = Field(
            "amount", label: "Amount, in pounds", value: form["amount"], hint: "For example, 12,500 or 12500.50",
            errors: errors)
        from = SelectField(
            "from_organisation", label: "Who the money came from",
            hint:
                "The commissioner, usually the integrated care board (ICB) or the local authority. Add a missing organisation to the register first.",
            options: [(value: "", label: "Select an organisation")] + options, selected: form["from_organisation"],
            errors: errors)
        via = SelectField(
            "via_organisation", label: "Who it came through (optional)",
            hint: "For example, the NHS trust that holds the contract and passes the money on.",
            options: [(value: "", label: "Nobody: it came directly")] + options, selected: form["via_organisation"],
            errors: errors)
        startsOn = Field(
            "period_starts_on", label: "First day of the period it covers", value: form["period_starts_on"],
            type: "date",
            hint: "The period lies within one financial year, 1 April to 31 March.", errors: errors)
        endsOn = Field(
            "period_ends_on", label: "Last day of the period it covers", value: form["period_ends_on"], type: "date",
            errors: errors)
        description = Field(
            "description", label: "Description (optional)", value: form["description"], type: "textarea",
            hint: "For example, the contract or grant it comes from.", errors: errors)
        self.errors = errors
        action = Href.newFundingReceived(group.id)
        fundingHref = Href.allianceFunding(group.id)
    }
}

/// "Check your answers" before money received is recorded (DESIGN.md: a money-related form ends with one).
struct ReceivedCheckPage: CheckAnswersPage {
    let title = "Check the funding received"
    let intro: String
    let rows: [CheckAnswerRow]
    let hidden: [CarriedValue]
    let action: String
    let confirmLabel = "Record the funding"
    let cancelHref: String
    let afterwards =
        "Money records are never edited. If something is wrong later, withdraw it with a reason and record it again."

    init(
        group: Group, input: ReceivedInput, organisations: [Organisation], accountableBody: AccountableBody?,
        form: FormData
    ) {
        let names = Dictionary(organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let action = Href.newFundingReceived(group.id)
        intro = "Nothing is saved yet. Check each answer, then record the funding."
        rows = [
            CheckAnswerRow("Amount", Money.format(input.amountPence), field: "amount", form: action),
            CheckAnswerRow("From", names[input.fromOrganisationID] ?? "", field: "from_organisation", form: action),
            CheckAnswerRow(
                "Through", input.viaOrganisationID.flatMap { names[$0] } ?? "Nobody: it came directly",
                field: "via_organisation", form: action),
            CheckAnswerRow(
                "Paid to",
                accountableBody.map { "\($0.organisationName), the accountable body" } ?? "No accountable body yet",
                field: nil, form: action),
            CheckAnswerRow(
                "Period",
                FundingPage.period(input.periodStartsOn, input.periodEndsOn)
                    + " (financial year \(FundingPage.year(input.periodStartsOn)))", field: "period_starts_on",
                form: action),
            CheckAnswerRow(
                "Description", input.description.isEmpty ? "None" : input.description, field: "description",
                form: action),
        ]
        hidden = CarriedValue.all(ReceivedFormPage.fieldNames, from: form)
        self.action = action
        cancelHref = Href.allianceFunding(group.id)
    }
}
