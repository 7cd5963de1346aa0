import Foundation

/// A label and its value, for summary lists.
struct PolicyLine: Encodable, Sendable {
    let label: String
    let value: String
}

/// One version of the payment policy in words (003 Appendix 1: what is paid, and which expenses are covered).
struct PolicySummary: Encodable, Sendable {
    let from: String
    let lines: [PolicyLine]
    let note: String
    let hasNote: Bool

    init(_ policy: PaymentPolicy) {
        from = LondonTime.day(policy.effectiveFrom)
        var lines = [
            PolicyLine(label: "Up to half a day", value: Self.rateSentence(policy, .half)),
            PolicyLine(label: "A whole day", value: Self.rateSentence(policy, .whole)),
            PolicyLine(label: "Mileage", value: Self.mileage(policy.mileagePencePerMile) + " in your own vehicle"),
        ]
        for kind in PaymentPolicyForms.limitKinds {
            lines.append(
                PolicyLine(
                    label: kind.shortLabel,
                    value: policy.limit(kind).map { "Up to \(Money.format($0)) for each expense" } ?? "No limit"))
        }
        self.lines = lines
        note = policy.note
        hasNote = !policy.note.isEmpty
    }

    /// "£50.00 for up to half a day of agreed activity (counted as 4 hours)"
    static func rateSentence(_ policy: PaymentPolicy, _ length: ActivityLength) -> String {
        let what = length == .half ? "up to half a day" : "a whole day"
        return
            "\(Money.format(policy.rate(length))) for \(what) of agreed activity (counted as \(Money.duration(minutes: policy.minutes(length))))"
    }

    /// "45p a mile"
    static func mileage(_ pence: Int) -> String { "\(pence)p a mile" }
}

/// The payment policy in force today, any versions still to come, and every version there has been.
struct PaymentPolicyPage: PageModel {
    static let template = "payments/policy"
    static let roundingRule =
        "Mileage is miles, to a tenth of a mile, times the rate, rounded to the nearest penny; a half penny rounds up. "
        + "Every other amount is in whole pence and every total is the sum of its parts."
    let title = "Payment policy"
    let today: String
    let current: PolicySummary?
    let hasCurrent: Bool
    let upcoming: [PolicySummary]
    let hasUpcoming: Bool
    let history: [HistoryRow]
    let roundingRule = PaymentPolicyPage.roundingRule
    let canManage: Bool
    let newHref = Href.newPaymentPolicy()
    let limitsHref = Href.earningsLimits()
    let dutiesHref = Href.claimDuties()

    struct HistoryRow: Encodable, Sendable {
        let dates: String
        let halfDay: String
        let wholeDay: String
        let mileage: String
        let limits: String
        let note: String
        let status: String
        let inForce: Bool
    }

    /// `policies` oldest first, as the store returns them.
    init(policies: [PaymentPolicy], today: String, canManage: Bool) {
        self.today = LondonTime.day(today)
        let inForce = EffectiveDated.inForce(policies, on: today, from: \.effectiveFrom)
        current = inForce.map(PolicySummary.init)
        hasCurrent = inForce != nil
        upcoming = policies.filter { $0.effectiveFrom > today }.map(PolicySummary.init)
        hasUpcoming = !upcoming.isEmpty
        history = policies.enumerated().map { index, policy in
            let next = index + 1 < policies.count ? policies[index + 1] : nil
            let until = next.flatMap { LondonTime.addingDays(-1, to: $0.effectiveFrom) }
            let limited = PaymentPolicyForms.limitKinds.compactMap { kind in
                policy.limit(kind).map { "\(kind.shortLabel): \(Money.format($0))" }
            }
            let status =
                policy.id == inForce?.id ? "In force today" : policy.effectiveFrom > today ? "Coming" : "Replaced"
            return HistoryRow(
                dates: "From \(LondonTime.day(policy.effectiveFrom))"
                    + (until.map { " to \(LondonTime.day($0))" } ?? ""),
                halfDay: "\(Money.format(policy.halfDayPence)) (\(Money.duration(minutes: policy.halfDayMinutes)))",
                wholeDay: "\(Money.format(policy.wholeDayPence)) (\(Money.duration(minutes: policy.wholeDayMinutes)))",
                mileage: PolicySummary.mileage(policy.mileagePencePerMile),
                limits: limited.isEmpty ? "No limits" : limited.joined(separator: "; ") + "; no limit on the others",
                note: policy.note, status: status, inForce: policy.id == inForce?.id
            )
        }.reversed()
        self.canManage = canManage
    }
}

/// The form for a new version of the policy, started from the one in force.
struct PolicyFormPage: PageModel {
    static let template = "payments/policy-new"
    static let hasForm = true
    let title = "Add a new version of the payment policy"
    let effectiveFrom: Field
    let halfDay: Field
    let halfDayHours: Field
    let wholeDay: Field
    let wholeDayHours: Field
    let mileage: Field
    let limitFields: [Field]
    let noteField: Field
    let errors: FormErrors
    let action = Href.newPaymentPolicy()
    let policyHref = Href.paymentPolicy()

    init(form: FormData, errors: FormErrors) {
        typealias F = PaymentPolicyForms.PolicyField
        let hoursHint =
            "Used to count hours of involvement and for weekly hours limits. For example, 4 hours, 3:30 or 3.5."
        effectiveFrom = Field(
            F.effectiveFrom, label: "Date the new version starts", form: form, type: "date",
            hint: "Today or later. Activity on or after this date is paid at these rates.", errors: errors)
        halfDay = Field(
            F.halfDay, label: "Rate for up to half a day, in pounds", form: form,
            hint: "For example, 50.00", errors: errors)
        halfDayHours = Field(
            F.halfDayHours, label: "Hours half a day counts as", form: form, hint: hoursHint,
            errors: errors)
        wholeDay = Field(
            F.wholeDay, label: "Rate for a whole day, in pounds", form: form,
            hint: "For example, 100.00. At least the half-day rate.", errors: errors)
        wholeDayHours = Field(
            F.wholeDayHours, label: "Hours a whole day counts as", form: form,
            hint: "24 hours or fewer. For example, 7 hours 30 minutes, 7:30 or 7.5.", errors: errors)
        mileage = Field(
            F.mileage, label: "Mileage, in pence a mile", form: form,
            hint: "Whole pence, from 0 to 200. For example, 45.", errors: errors)
        limitFields = PaymentPolicyForms.limitFields.map { kind, field in
            Field(field, label: kind.label, form: form, hint: "In pounds. Leave empty for no limit.", errors: errors)
        }
        noteField = Field(
            F.note, label: "Note (optional)", form: form, type: "textarea",
            hint: "Why the policy changed, or anything people should know. Shown with the policy.", errors: errors)
        self.errors = errors
    }
}

/// "Check your answers" before a new version is saved (DESIGN.md, forms; WCAG 3.3.4).
struct PolicyCheckPage: CheckAnswersPage {
    let title = "Check the new payment policy"
    let intro: String
    let rows: [CheckAnswerRow]
    let hidden: [CarriedValue]
    let action = Href.newPaymentPolicy()
    let afterwards = "Changing the policy never changes a claim that is already approved."
    let confirmLabel = "Save the new policy"
    let cancelHref = Href.paymentPolicy()

    static let fieldNames: [PaymentPolicyForms.PolicyField] =
        [.effectiveFrom, .halfDay, .halfDayHours, .wholeDay, .wholeDayHours, .mileage]
        + PaymentPolicyForms.limitFields.map(\.field) + [.note]

    init(input: PaymentPolicyStore.PolicyInput, form: FormData) {
        intro =
            "Nothing is saved yet. Check each answer, then save the new version. It will apply to activity on or after "
            + "\(LondonTime.day(input.effectiveFrom))."
        func row(_ label: String, _ value: String, _ field: PaymentPolicyForms.PolicyField) -> CheckAnswerRow {
            CheckAnswerRow(label, value, field: field, form: Href.newPaymentPolicy())
        }
        var rows = [
            row("Starts on", LondonTime.day(input.effectiveFrom), .effectiveFrom),
            row(
                "Up to half a day",
                "\(Money.format(input.halfDayPence)), counted as \(Money.duration(minutes: input.halfDayMinutes))",
                .halfDay),
            row(
                "A whole day",
                "\(Money.format(input.wholeDayPence)), counted as \(Money.duration(minutes: input.wholeDayMinutes))",
                .wholeDay),
            row("Mileage", PolicySummary.mileage(input.mileagePencePerMile), .mileage),
        ]
        for (kind, field) in PaymentPolicyForms.limitFields {
            rows.append(
                row(
                    kind.shortLabel,
                    input.limits[kind].map { "Up to \(Money.format($0)) for each expense" } ?? "No limit", field))
        }
        rows.append(row("Note", input.note.isEmpty ? "None" : input.note, .note))
        self.rows = rows
        hidden = CarriedValue.all(Self.fieldNames, from: form)
    }
}
