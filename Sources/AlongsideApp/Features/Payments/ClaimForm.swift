import Foundation

/// Reading and checking the claim form. Plain functions over the submitted values, so the rules are unit-tested
/// without a server. Field names are the ones the form uses; expense rows are numbered from 1.
public enum ClaimForm {
    /// The most a single expense may be: anything bigger is a typing mistake, not an expense.
    public static let largestExpense = 100_000
    public static let longestMileage = 10_000  // 1,000 miles, in tenths
    public static let mostExpenseRows = 10
    public static let startingExpenseRows = 2

    /// The claim form's fields, but the numbered expense rows (`ExpenseField`).
    enum ClaimField: String, FormFieldName {
        case activity, meeting, group, activityOn = "activity_on", length, choice, lowerAmount = "lower_amount"
        case charity, expenseRows = "expense_rows", addExpense = "add_expense"
    }

    /// The columns of the claim form's expense rows.
    enum ExpenseColumn: String {
        case kind = "expense_kind", amount = "expense_amount", miles = "expense_miles", note = "expense_note"
        case receipt = "expense_receipt"
    }

    /// One field of one expense row: its column's name and the row's number, `expense_kind_1`.
    typealias ExpenseField = NumberedField<ExpenseColumn>

    /// How many expense rows the form shows: what was sent, plus one when the person asked for another. The count is a
    /// hidden field our form fills in (at most one more than the rows allowed, for a saved claim's spare row), so a
    /// number outside that is refused with a 422 page before any arithmetic.
    public static func expenseRows(_ form: FormData) throws -> Int {
        typealias F = ClaimField
        let sent = try form.number(F.expenseRows, in: 0...(mostExpenseRows + 1)) ?? startingExpenseRows
        let rows = sent + (form[F.addExpense].isEmpty ? 0 : 1)
        return min(max(rows, 1), mostExpenseRows)
    }

    /// The choices the meeting and group selects offered, so nothing else is accepted.
    public struct Options: Sendable {
        public let groupIDs: Set<Int64>
        /// Meeting id → its group.
        public let meetings: [Int64: Int64]

        public init(groupIDs: Set<Int64>, meetings: [Int64: Int64]) {
            self.groupIDs = groupIDs
            self.meetings = meetings
        }
    }

    public static func parse(
        _ form: FormData, policies: [PaymentPolicy], today: String, options: Options, errors: inout FormErrors
    ) throws -> ClaimStore.ClaimInput? {
        typealias F = ClaimField
        let activity = form.trimmed(F.activity)
        if activity.isEmpty {
            errors.add(F.activity, "Enter what you did")
        } else {
            errors.checkLength(activity, F.activity, max: TextLimit.line, label: "What you did")
        }

        var meetingID: Int64?, groupID: Int64?
        if !form[F.meeting].isEmpty {
            if let id = form.id(F.meeting), let group = options.meetings[id] {
                meetingID = id; groupID = group
            } else {
                errors.add(F.meeting, "Choose a meeting from the list")
            }
        }
        if !form[F.group].isEmpty {
            if let id = form.id(F.group), options.groupIDs.contains(id) {
                if let groupID, groupID != id {
                    errors.add(F.group, "The meeting you chose belongs to another group: choose that group or none")
                }
                groupID = id
            } else {
                errors.add(F.group, "Choose a group from the list")
            }
        }

        let activityOn = form.trimmed(F.activityOn)
        var policy: PaymentPolicy?
        if activityOn.isEmpty {
            errors.add(F.activityOn, "Enter the date of the activity")
        } else if LondonTime.startOfDay(activityOn) == nil {
            errors.add(F.activityOn, "Enter a real date, for example 3 March 2026")
        } else if activityOn > today {
            errors.add(F.activityOn, "The date of the activity must be today or in the past")
        } else {
            policy = EffectiveDated.inForce(policies, on: activityOn, from: \.effectiveFrom)
            if policy == nil {
                errors.add(F.activityOn, "No payment policy was in force on that date: ask a programme manager")
            }
        }

        let length = ActivityLength(rawValue: form[F.length])
        if length == nil { errors.add(F.length, "Choose how long the activity was") }

        let choice = PaymentChoice(rawValue: form[F.choice])
        var lowerPence: Int?
        var charity = ""
        switch choice {
        case nil:
            errors.add(F.choice, "Choose how you would like to be paid")
        case .lower?:
            let rate = policy.flatMap { policy in length.map { policy.rate($0) } }
            switch Money.parse(form[F.lowerAmount]) {
            case .failure(.empty): errors.add(F.lowerAmount, "Enter the lower amount you would like")
            case .failure(.negative): errors.add(F.lowerAmount, "The lower amount must be more than £0.00")
            case .failure: errors.add(F.lowerAmount, "Enter the lower amount in pounds and pence, for example 25.00")
            case .success(let pence):
                if pence == 0 {
                    errors.add(
                        F.lowerAmount,
                        "The lower amount must be more than £0.00; to be paid nothing, choose no payment")
                } else if let rate, pence >= rate {
                    errors.add(F.lowerAmount, "The lower amount must be less than the full \(Money.format(rate))")
                } else {
                    lowerPence = pence
                }
            }
        case .charity?:
            charity = form.trimmed(F.charity)
            if charity.isEmpty {
                errors.add(F.charity, "Enter the name of the charity")
            } else if charity.count > 120 {
                errors.add(F.charity, "The charity's name must be 120 characters or fewer")
            }
        default:
            break
        }

        var expenses: [ClaimExpense] = []
        for row in 1...(try expenseRows(form)) {
            if let expense = parseExpense(form, row: row, policy: policy, errors: &errors) { expenses.append(expense) }
        }

        guard errors.isEmpty, let policy, let length, let choice else { return nil }
        return ClaimStore.ClaimInput(
            activity: activity, groupID: groupID, meetingID: meetingID, activityOn: activityOn, length: length,
            policy: policy, choice: choice, lowerPence: lowerPence, charity: charity, expenses: expenses)
    }

    /// One expense row; nil when the row was left empty or has a problem (recorded in `errors`).
    static func parseExpense(_ form: FormData, row: Int, policy: PaymentPolicy?, errors: inout FormErrors)
        -> ClaimExpense?
    {
        let kindField = ExpenseField(.kind, row), amountField = ExpenseField(.amount, row)
        let milesField = ExpenseField(.miles, row), noteField = ExpenseField(.note, row)
        let note = form.trimmed(noteField)
        let receipt = !form[ExpenseField(.receipt, row)].isEmpty
        let typed = [form.trimmed(kindField), form.trimmed(amountField), form.trimmed(milesField), note]
        guard typed.contains(where: { !$0.isEmpty }) || receipt else { return nil }
        guard let kind = ExpenseKind(rawValue: form[kindField]) else {
            errors.add(kindField, "Choose the kind of expense \(row), or clear its other boxes")
            return nil
        }
        if note.count > 200 { errors.add(noteField, "The note on expense \(row) must be 200 characters or fewer") }
        if kind == .other && note.isEmpty { errors.add(noteField, "Say what expense \(row) was for") }
        var tenths: Int?
        let amount: Int
        if kind == .mileage {
            let milesText = form.trimmed(milesField)
            guard !milesText.isEmpty else {
                errors.add(milesField, "Enter how many miles you drove for expense \(row)")
                return nil
            }
            guard let distance = Money.tenthsOfAMile(milesText), distance > 0, distance <= longestMileage else {
                errors.add(
                    milesField,
                    "Enter the miles for expense \(row) as a number up to 1,000, to a tenth of a mile, for example 12.5"
                )
                return nil
            }
            tenths = distance
            amount = Money.mileage(tenthsOfAMile: distance, pencePerMile: policy?.mileagePencePerMile ?? 0)
            guard amount > 0 else {
                errors.add(milesField, "The payment policy pays nothing for mileage, so it cannot be claimed")
                return nil
            }
        } else {
            switch Money.parse(form[amountField]) {
            case .failure(.empty):
                errors.add(amountField, "Enter the amount of expense \(row)")
                return nil
            case .failure(.negative):
                errors.add(amountField, "The amount of expense \(row) must be more than £0.00")
                return nil
            case .failure:
                errors.add(amountField, "Enter the amount of expense \(row) in pounds and pence, for example 12.50")
                return nil
            case .success(let pence):
                if pence == 0 {
                    errors.add(amountField, "The amount of expense \(row) must be more than £0.00"); return nil
                }
                if pence > largestExpense {
                    errors.add(amountField, "Expense \(row) must be \(Money.format(largestExpense)) or less");
                    return nil
                }
                if let limit = policy?.limit(kind), pence > limit {
                    errors.add(
                        amountField,
                        "The policy pays up to \(Money.format(limit)) for \(kind.shortLabel.lowercased()): change expense \(row)"
                    )
                    return nil
                }
                amount = pence
            }
        }
        return ClaimExpense(kind: kind, tenthsOfAMile: tenths, amountPence: amount, note: note, receipt: receipt)
    }

    /// The form filled in from a saved claim, for editing.
    public static func formData(for claim: Claim) -> FormData {
        typealias F = ClaimField
        let pairs = [
            (F.activity, claim.activity), (F.meeting, claim.meetingID.map(String.init) ?? ""),
            (F.group, claim.groupID.map(String.init) ?? ""), (F.activityOn, claim.activityOn),
            (F.length, claim.length.rawValue),
            (F.choice, claim.choice.rawValue), (F.lowerAmount, claim.lowerPence.map(Money.plain) ?? ""),
            (F.charity, claim.charity),
            (F.expenseRows, String(max(claim.expenses.count + 1, startingExpenseRows))),
        ]
        var form = FormData(pairs)
        for (index, expense) in claim.expenses.enumerated() {
            let row = index + 1
            var cells: [(ExpenseColumn, String)] = [
                (.kind, expense.kind.rawValue),
                (.amount, expense.kind == .mileage ? "" : Money.plain(expense.amountPence)),
                (.miles, expense.tenthsOfAMile.map { Money.miles($0).components(separatedBy: " ")[0] } ?? ""),
                (.note, expense.note),
            ]
            if expense.receipt { cells.append((.receipt, "yes")) }
            for (column, value) in cells { form = form.replacing(ExpenseField(column, row), with: value) }
        }
        return form
    }

    /// A new claim's form: the person's usual payment choice, and today's date.
    public static func newForm(preferences: PaymentPreferences, today: String) -> FormData {
        typealias F = ClaimField
        return FormData([
            (F.activityOn, today), (F.choice, preferences.defaultChoice.rawValue),
            (F.lowerAmount, preferences.defaultLowerPence.map(Money.plain) ?? ""),
            (F.charity, preferences.defaultCharity),
            (F.expenseRows, String(startingExpenseRows)),
        ])
    }
}
