import Foundation

/// The earnings limits the workspace keeps, by period, with the add form for administrators.
struct EarningsLimitsPage: PageModel {
    static let template = "payments/limits"
    static let hasForm = true
    let title = "Earnings limits"
    let taxYear: String
    let sections: [Section]
    let addForm: AddForm?
    let errors: FormErrors
    let preferencesHref = Href.paymentPreferences()
    let policyHref = Href.paymentPolicy()

    struct Section: Encodable, Sendable {
        let id: String
        let heading: String
        let caption: String
        let isWeekly: Bool
        let rows: [Row]
        let hasRows: Bool
        let emptyText: String
        let warning: String
        let hasWarning: Bool
    }

    struct Row: Encodable, Sendable {
        let from: String
        let name: String
        let amount: String
        let hours: String
        let note: String
        let status: String
        let inForce: Bool
    }

    struct AddForm: Encodable, Sendable {
        let action = Href.earningsLimits()
        let periodField: ChoiceField
        let fromField: Field
        let nameField: Field
        let amountField: Field
        let hoursField: Field
        let noteField: Field
    }

    /// `limits` in any order; `form` and `errors` are what an administrator typed, if anything.
    init(
        limits: [EarningsLimit], today: String, canManage: Bool, form: FormData = FormData(),
        errors: FormErrors = FormErrors()
    ) {
        typealias F = PaymentPolicyForms.LimitField
        let year = EarningsPeriods.taxYear(today) ?? 0
        let yearName = EarningsPeriods.taxYearName(year)
        taxYear = yearName
        sections = LimitPeriod.allCases.map { period in
            let mine = limits.filter { $0.period == period }.sorted { $0.effectiveFrom > $1.effectiveFrom }
            let inForce = EffectiveDated.inForce(mine, on: today, from: \.effectiveFrom)
            let rows = mine.map { limit in
                Row(
                    from: LondonTime.day(limit.effectiveFrom), name: limit.name,
                    amount: Money.format(limit.amountPence) + " a \(period.noun)",
                    hours: limit.hoursLimitMinutes.map { Money.duration(minutes: $0) + " a week" } ?? "No hours limit",
                    note: limit.note,
                    status: limit.id == inForce?.id
                        ? "In force today" : limit.effectiveFrom > today ? "Coming" : "Replaced",
                    inForce: limit.id == inForce?.id)
            }
            var warning = ""
            if let newest = mine.first, let started = EarningsPeriods.taxYear(newest.effectiveFrom), started < year {
                warning =
                    "The newest \(period.label.lowercased()) figure started on \(LondonTime.day(newest.effectiveFrom)), before this tax year "
                    + "(\(yearName)) began on \(LondonTime.day(EarningsPeriods.taxYearRange(year).first)). It may be out of date: "
                    + "an administrator needs to add this year's figures."
            }
            return Section(
                id: "\(period.rawValue)-limits", heading: "\(period.label) limits",
                caption: "\(period.label) earnings limits, newest first",
                isWeekly: period == .week, rows: rows, hasRows: !rows.isEmpty,
                emptyText: "No \(period.label.lowercased()) limits are recorded.", warning: warning,
                hasWarning: !warning.isEmpty)
        }
        addForm =
            canManage
            ? AddForm(
                periodField: ChoiceField(
                    radios: F.period, legend: "Period", options: LimitPeriod.allCases.map { ($0.rawValue, $0.label) },
                    form: form, errors: errors),
                fromField: Field(
                    F.effectiveFrom, label: "Applies from", form: form, type: "date",
                    hint: "Usually 6 April, the start of the tax year. It may be in the past.", errors: errors),
                nameField: Field(
                    F.name, label: "Name", form: form, hint: "For example, Permitted work earnings limit.",
                    errors: errors),
                amountField: Field(
                    F.amount, label: "Amount, in pounds", form: form,
                    hint: "For example, 195.50. No more than £10,000.", errors: errors),
                hoursField: Field(
                    F.hours, label: "Hours limit (optional, weekly limits only)", form: form,
                    hint: "Between 1 and 100 hours a week, like 16 or 15:30. Leave empty if there is none.",
                    errors: errors),
                noteField: Field(
                    F.note, label: "Note (optional)", form: form, type: "textarea",
                    hint: "Who the limit applies to, in plain words.", errors: errors)
            ) : nil
        self.errors = errors
    }
}

/// Who is named to approve claims or record payments, with the form to name someone.
struct ClaimDutiesPage: PageModel {
    static let template = "payments/duties"
    static let hasForm = true
    let title = "Who approves and pays claims"
    let approvers: [Named]
    let hasApprovers: Bool
    let payers: [Named]
    let hasPayers: Bool
    let personField: SelectField
    let dutyField: ChoiceField
    let errors: FormErrors
    let action = Href.claimDuties()
    let policyHref = Href.paymentPolicy()

    struct Named: Encodable, Sendable {
        let name: String
        let removeAction: String
    }

    init(duties: [ClaimDuty], people: [User], form: FormData = FormData(), errors: FormErrors = FormErrors()) {
        func named(_ duty: ClaimDuty.Duty) -> [Named] {
            duties.filter { $0.duty == duty }.map {
                Named(name: $0.name, removeAction: Href.removeClaimDuty($0.userID, duty.rawValue))
            }
        }
        approvers = named(.approve)
        hasApprovers = !approvers.isEmpty
        payers = named(.pay)
        hasPayers = !payers.isEmpty
        let active = people.filter(\.isActive).compactMap { person in
            person.id.map { (String($0), "\(person.name) (\(person.role.label))") }
        }
        typealias F = PaymentPolicyForms.DutyField
        personField = SelectField(
            F.person, label: "Person", options: [("", "Choose a person")] + active, form: form,
            errors: errors)
        dutyField = ChoiceField(
            radios: F.duty, legend: "What they will do",
            options: [("approve", "Approve claims"), ("pay", "Record payments (finance)")],
            form: form, errors: errors)
        self.errors = errors
    }
}
