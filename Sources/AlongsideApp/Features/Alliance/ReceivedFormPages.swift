import Foundation

/// The form for money that came into the alliance.
struct ReceivedFormPage: PageModel {
    static let template = "alliance/funding/received-form"
    static let hasForm = true
    static let fieldNames: [FundingForms.ReceivedField] = [
        .amount, .fromOrganisation, .viaOrganisation, .periodStartsOn, .periodEndsOn, .description,
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
        typealias F = FundingForms.ReceivedField
        allianceName = group.name
        self.accountableBody = accountableBody?.organisationName
        let options = organisations.map { (value: String($0.id), label: "\($0.name) – \($0.sector.label)") }
        amount = Field(
            F.amount, label: "Amount, in pounds", form: form, hint: "For example, 12,500 or 12500.50",
            errors: errors)
        from = SelectField(
            F.fromOrganisation, label: "Who the money came from",
            hint:
                "The commissioner, usually the integrated care board (ICB) or the local authority. Add a missing organisation to the register first.",
            options: [(value: "", label: "Select an organisation")] + options, form: form,
            errors: errors)
        via = SelectField(
            F.viaOrganisation, label: "Who it came through (optional)",
            hint: "For example, the NHS trust that holds the contract and passes the money on.",
            options: [(value: "", label: "Nobody: it came directly")] + options, form: form,
            errors: errors)
        startsOn = Field(
            F.periodStartsOn, label: "First day of the period it covers", form: form,
            type: "date",
            hint: "The period lies within one financial year, 1 April to 31 March.", errors: errors)
        endsOn = Field(
            F.periodEndsOn, label: "Last day of the period it covers", form: form, type: "date",
            errors: errors)
        description = Field(
            F.description, label: "Description (optional)", form: form, type: "textarea",
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
        typealias F = FundingForms.ReceivedField
        let action = Href.newFundingReceived(group.id)
        intro = "Nothing is saved yet. Check each answer, then record the funding."
        rows = [
            CheckAnswerRow("Amount", Money.format(input.amountPence), field: F.amount, form: action),
            CheckAnswerRow("From", names[input.fromOrganisationID] ?? "", field: F.fromOrganisation, form: action),
            CheckAnswerRow(
                "Through", input.viaOrganisationID.flatMap { names[$0] } ?? "Nobody: it came directly",
                field: F.viaOrganisation, form: action),
            CheckAnswerRow(
                "Paid to",
                accountableBody.map { "\($0.organisationName), the accountable body" } ?? "No accountable body yet",
                field: nil, form: action),
            CheckAnswerRow(
                "Period",
                FundingPage.period(input.periodStartsOn, input.periodEndsOn)
                    + " (financial year \(FundingPage.year(input.periodStartsOn)))", field: F.periodStartsOn,
                form: action),
            CheckAnswerRow(
                "Description", input.description.isEmpty ? "None" : input.description, field: F.description,
                form: action),
        ]
        hidden = CarriedValue.all(ReceivedFormPage.fieldNames, from: form)
        self.action = action
        cancelHref = Href.allianceFunding(group.id)
    }
}
