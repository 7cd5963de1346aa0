import Foundation

/// Recording an activity and its expenses, new or changed. Without JavaScript, "Add another expense" sends the
/// form back with one more row and saves nothing.
struct ClaimFormPage: PageModel {
    static let template = "payments/claims/form"
    static let hasForm = true
    let title: String
    let action: String
    let activity: Field
    let meeting: SelectField
    let group: SelectField
    let activityOn: Field
    let length: ChoiceField
    let rates: String
    let choice: ChoiceField
    let lowerAmount: Field
    let charity: Field
    let voucherWarning = PaymentWords.voucherWarning
    let expenses: [ExpenseRow]
    let expenseRows: String
    let canAddExpense: Bool
    let mileageHint: String
    let version: String?
    let errors: FormErrors
    let backHref: String

    struct ExpenseRow: Encodable, Sendable {
        let number: Int
        let kind: SelectField
        let amount: Field
        let miles: Field
        let note: Field
        let receiptID: String
        let receiptName: String
        let receipt: Bool
    }

    struct Option: Sendable {
        let value: String
        let label: String
    }

    init(
        claim: Claim?, form: FormData, errors: FormErrors, meetings: [Option], groups: [Option], policy: PaymentPolicy?
    ) throws {
        title = claim == nil ? "Claim for an activity" : "Change your claim"
        action = claim.map { Href.editClaim($0.id) } ?? Href.newClaim()
        version = claim.map { String($0.version) }
        activity = Field(
            "activity", label: "What did you do?", value: form["activity"],
            hint: "For example: attended the leaders group meeting, or ran a listening event at a community centre.",
            errors: errors)
        meeting = SelectField(
            "meeting", label: "Which meeting was it? (optional)",
            options: [("", "Not a meeting in Alongside")] + meetings.map { ($0.value, $0.label) },
            selected: form["meeting"], errors: errors)
        group = SelectField(
            "group", label: "Which group was it for? (optional)",
            options: [("", "Not for a group")] + groups.map { ($0.value, $0.label) },
            selected: form["group"], errors: errors)
        activityOn = Field(
            "activity_on", label: "Date of the activity", value: form["activity_on"], type: "date", errors: errors)
        length = ChoiceField(
            "length", legend: "How long was it?", options: ActivityLength.allCases.map { ($0.rawValue, $0.label) },
            selected: form["length"], errors: errors)
        rates =
            policy.map {
                "Today's rates: \(Money.format($0.halfDayPence)) for up to half a day and \(Money.format($0.wholeDayPence)) for a whole day. The rates in force on the date of the activity apply."
            } ?? ""
        choice = ChoiceField(
            "choice", legend: "How would you like to be paid for it?",
            options: PaymentChoice.allCases.map { ($0.rawValue, $0.label) },
            selected: form["choice"], errors: errors)
        lowerAmount = Field(
            "lower_amount", label: "The lower amount, in pounds (only if you chose a lower amount)",
            value: form["lower_amount"],
            hint: "For example 25.00", errors: errors)
        charity = Field(
            "charity", label: "The charity's name (only if you chose a charity)", value: form["charity"], errors: errors
        )
        let rows = try ClaimForm.expenseRows(form)
        let kinds = [("", "Choose a kind")] + ExpenseKind.allCases.map { ($0.rawValue, $0.label) }
        expenses = (1...rows).map { row in
            ExpenseRow(
                number: row,
                kind: SelectField(
                    "expense_kind_\(row)", label: "Kind of expense", options: kinds,
                    selected: form["expense_kind_\(row)"], errors: errors),
                amount: Field(
                    "expense_amount_\(row)", label: "Amount in pounds (not for mileage)",
                    value: form["expense_amount_\(row)"], errors: errors),
                miles: Field(
                    "expense_miles_\(row)", label: "Miles (mileage only)", value: form["expense_miles_\(row)"],
                    errors: errors),
                note: Field(
                    "expense_note_\(row)", label: "Note (optional, needed for something else)",
                    value: form["expense_note_\(row)"], errors: errors),
                receiptID: "field-expense_receipt_\(row)", receiptName: "expense_receipt_\(row)",
                receipt: !form["expense_receipt_\(row)"].isEmpty
            )
        }
        expenseRows = String(rows)
        canAddExpense = rows < ClaimForm.mostExpenseRows
        mileageHint =
            policy.map { "Mileage is paid at \($0.mileagePencePerMile)p a mile; we work out the amount." } ?? ""
        self.errors = errors
        backHref = claim.map { Href.claim($0.id) } ?? Href.claims()
    }
}

/// Words used on more than one payments page.
enum PaymentWords {
    static let voucherWarning = "Vouchers still count as earnings for most benefits, the same as money."
    static let adviceLinks: [AdviceLink] = [
        AdviceLink(label: "Citizens Advice: benefits", href: "https://www.citizensadvice.org.uk/benefits/"),
        AdviceLink(label: "Turn2us: benefits and grants", href: "https://www.turn2us.org.uk/"),
    ]
    static let factsNotAdvice = "Alongside gives you the figures, not advice. Independent benefits advice is free:"

    struct AdviceLink: Encodable, Sendable {
        let label: String
        let href: String
    }
}
