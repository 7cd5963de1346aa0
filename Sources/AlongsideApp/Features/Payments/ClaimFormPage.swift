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
        typealias F = ClaimForm.ClaimField
        activity = Field(
            F.activity, label: "What did you do?", form: form,
            hint: "For example: attended the leaders group meeting, or ran a listening event at a community centre.",
            errors: errors)
        meeting = SelectField(
            F.meeting, label: "Which meeting was it? (optional)",
            options: [("", "Not a meeting in Alongside")] + meetings.map { ($0.value, $0.label) },
            form: form, errors: errors)
        group = SelectField(
            F.group, label: "Which group was it for? (optional)",
            options: [("", "Not for a group")] + groups.map { ($0.value, $0.label) },
            form: form, errors: errors)
        activityOn = Field(
            F.activityOn, label: "Date of the activity", form: form, type: "date", errors: errors)
        length = ChoiceField(
            radios: F.length, legend: "How long was it?",
            options: ActivityLength.allCases.map { ($0.rawValue, $0.label) },
            form: form, errors: errors)
        rates =
            policy.map {
                "Today's rates: \(Money.format($0.halfDayPence)) for up to half a day and \(Money.format($0.wholeDayPence)) for a whole day. The rates in force on the date of the activity apply."
            } ?? ""
        choice = ChoiceField(
            radios: F.choice, legend: "How would you like to be paid for it?",
            options: PaymentChoice.allCases.map { ($0.rawValue, $0.label) },
            form: form, errors: errors)
        lowerAmount = Field(
            F.lowerAmount, label: "The lower amount, in pounds (only if you chose a lower amount)",
            form: form,
            hint: "For example 25.00", errors: errors)
        charity = Field(
            F.charity, label: "The charity's name (only if you chose a charity)", form: form, errors: errors
        )
        let rows = try ClaimForm.expenseRows(form)
        let kinds = [("", "Choose a kind")] + ExpenseKind.allCases.map { ($0.rawValue, $0.label) }
        expenses = (1...rows).map { row in
            typealias E = ClaimForm.ExpenseField
            let receipt = E(.receipt, row)
            return ExpenseRow(
                number: row,
                kind: SelectField(
                    E(.kind, row), label: "Kind of expense", options: kinds, form: form, errors: errors),
                amount: Field(
                    E(.amount, row), label: "Amount in pounds (not for mileage)", form: form, errors: errors),
                miles: Field(E(.miles, row), label: "Miles (mileage only)", form: form, errors: errors),
                note: Field(
                    E(.note, row), label: "Note (optional, needed for something else)", form: form, errors: errors),
                receiptID: Field.inputID(receipt.rawValue), receiptName: receipt.rawValue,
                receipt: !form[receipt].isEmpty
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
    /// The form says `voucherWarning` under the payment choices whatever is chosen; the check page and the claim page
    /// say it only when the claim is paid in vouchers (issue 17).
    static func voucherNote(for choice: PaymentChoice) -> String? {
        choice == .vouchers ? voucherWarning : nil
    }
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
