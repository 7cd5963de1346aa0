import Foundation

/// What a person has claimed and been paid in a tax year, by month and by week, with their own limit marked.
struct EarningsPage: PageModel {
    static let template = "payments/claims/earnings"
    let title = "What you have claimed and been paid"
    let year: SelectField
    let yearName: String
    let action = Href.earnings()
    let csvHref: String
    let totals: [SummaryLine]
    let months: [Row]
    let weeks: [Row]
    let hasWeeks: Bool
    let limitLine: String?
    let preferencesHref = Href.paymentPreferences()
    let claimsHref = Href.claims()

    struct Row: Encodable, Sendable {
        let period: String
        let earnings: String
        let expenses: String
        let hours: String
        let paid: String
        let overLimit: Bool
    }

    init(year: Int, years: [Int], claims: [Claim], limit: EarningsLimit?, limitPeriod: LimitPeriod?) {
        self.year = SelectField(
            EarningsController.TaxYearField.year, label: "Tax year",
            options: years.map { (String($0), EarningsPeriods.taxYearName($0)) },
            selected: String(year), errors: FormErrors())
        yearName = EarningsPeriods.taxYearName(year)
        csvHref = Href.earningsCSV(query: [EarningsController.TaxYearField.year.rawValue: year])
        let counting = claims.filter(\.status.counts)
        let paid = claims.filter { $0.status == .paid }
        let claimed = FinanceReports.Totals.of(counting), paidTotals = FinanceReports.Totals.of(paid)
        totals = [
            SummaryLine(
                "Earnings claimed",
                Money.format(claimed.earnings) + " (money and vouchers, from sent, approved and paid claims)"),
            SummaryLine("Given to charity", Money.format(claimed.donation)),
            SummaryLine("Expenses claimed", Money.format(claimed.expenses) + " (never earnings)"),
            SummaryLine(
                "Paid so far",
                Money.format(paidTotals.total) + " in \(paidTotals.claims) claim\(paidTotals.claims == 1 ? "" : "s")"),
        ]
        func row(_ label: String, _ group: [Claim], period: LimitPeriod) -> Row {
            let totals = FinanceReports.Totals.of(group.filter(\.status.counts))
            let over = limitPeriod == period && limit.map { totals.earnings > $0.amountPence } == true
            return Row(
                period: label, earnings: Money.format(totals.earnings), expenses: Money.format(totals.expenses),
                hours: Money.duration(minutes: totals.minutes),
                paid: Money.format(FinanceReports.Totals.of(group.filter { $0.status == .paid }).total),
                overLimit: over)
        }
        months = EarningsPeriods.months(ofTaxYear: year).map { month in
            row(
                EarningsPeriods.monthName(month, inTaxYear: year), claims.filter { $0.activityOn.hasPrefix(month) },
                period: .month)
        }
        let byWeek = Dictionary(grouping: claims.filter(\.status.counts)) {
            EarningsPeriods.weekStart($0.activityOn) ?? $0.activityOn
        }
        weeks = byWeek.keys.sorted().map { monday in
            let sunday = EarningsPeriods.weekEnd(weekStart: monday) ?? monday
            return row("\(LondonTime.day(monday)) to \(LondonTime.day(sunday))", byWeek[monday] ?? [], period: .week)
        }
        hasWeeks = !weeks.isEmpty
        limitLine = limitPeriod.map { period in
            guard let limit else {
                return
                    "You told us a \(period.noun)ly limit applies to you, but the workspace has no figure for it yet."
            }
            return
                "You told us the \(period.noun)ly limit applies to you: \(limit.name), \(Money.format(limit.amountPence)) a \(period.noun). Periods over it are marked."
        }
    }
}

/// Every claim in a tax year as a spreadsheet, ending with a totals line.
enum EarningsCSV {
    static func document(_ claims: [Claim]) -> String {
        let header = [
            "Activity date", "Week beginning", "Month", "Activity", "Group", "Where it has got to", "Payment choice",
            "To you (£)",
            "Vouchers (£)", "To a charity (£)", "Counts as earnings (£)", "Expenses (£)", "Total (£)", "Paid on",
            "Payment reference",
        ]
        var rows = claims.map { claim -> [String] in
            let amounts = claim.amounts
            return [
                claim.activityOn, EarningsPeriods.weekStart(claim.activityOn) ?? "", String(claim.activityOn.prefix(7)),
                claim.activity,
                claim.groupName ?? "", claim.status.label, claim.choice.shortLabel, Money.plain(amounts.toPerson),
                Money.plain(amounts.vouchers),
                Money.plain(amounts.donation), Money.plain(amounts.earnings), Money.plain(amounts.expenses),
                Money.plain(amounts.total),
                claim.paidOn ?? "", claim.paidReference,
            ]
        }
        let totals = FinanceReports.Totals.of(claims)
        rows.append([
            "Total", "", "", "\(totals.claims) claims", "", "", "", Money.plain(totals.toPerson),
            Money.plain(totals.vouchers),
            Money.plain(totals.donation), Money.plain(totals.earnings), Money.plain(totals.expenses),
            Money.plain(totals.total), "", "",
        ])
        return CSVFormat.document(header: header, rows: rows)
    }
}

/// A person's own payment preferences: which earnings limit applies to them (private) and how they usually want paying.
struct PreferencesPage: PageModel {
    static let template = "payments/claims/preferences"
    static let hasForm = true
    let title = "Your payment preferences"
    let action = Href.paymentPreferences()
    let limit: ChoiceField
    let choice: ChoiceField
    let lowerAmount: Field
    let charity: Field
    let voucherWarning = PaymentWords.voucherWarning
    let adviceLinks = PaymentWords.adviceLinks
    let factsNotAdvice = PaymentWords.factsNotAdvice
    let limitsHref = Href.earningsLimits()
    let errors: FormErrors

    /// The preferences form's fields.
    enum PreferencesField: String, FormFieldName {
        case limit, choice, lowerAmount = "lower_amount", charity
    }

    init(form: FormData, errors: FormErrors, limits: [EarningsLimit], today: String) {
        typealias F = PreferencesField
        func describe(_ period: LimitPeriod) -> String {
            guard
                let limit = EffectiveDated.inForce(
                    limits.filter { $0.period == period }, on: today, from: \.effectiveFrom)
            else {
                return "The \(period.noun)ly limit (no figure set yet)"
            }
            let hours = limit.hoursLimitMinutes.map { " and \(Money.duration(minutes: $0))" } ?? ""
            return
                "The \(period.noun)ly limit: \(limit.name), \(Money.format(limit.amountPence))\(hours) a \(period.noun)"
        }
        limit = ChoiceField(
            radios: F.limit, legend: "Does an earnings limit apply to you?",
            options: [("none", "No, or I would rather not say")]
                + LimitPeriod.allCases.map { ($0.rawValue, describe($0)) },
            form: form, errors: errors)
        choice = ChoiceField(
            radios: F.choice, legend: "How would you usually like to be paid?",
            options: PaymentChoice.allCases.map { ($0.rawValue, $0.label) },
            form: form, errors: errors)
        lowerAmount = Field(
            F.lowerAmount, label: "Your usual lower amount, in pounds (only if you chose a lower amount)",
            form: form,
            hint: "For example 25.00. You can change it on each claim.", errors: errors)
        charity = Field(
            F.charity, label: "The charity's name (only if you chose a charity)", form: form, errors: errors
        )
        self.errors = errors
    }

    static func formData(_ preferences: PaymentPreferences) -> FormData {
        typealias F = PreferencesField
        return FormData([
            (F.limit, preferences.limitPeriod?.rawValue ?? "none"), (F.choice, preferences.defaultChoice.rawValue),
            (F.lowerAmount, preferences.defaultLowerPence.map(Money.plain) ?? ""),
            (F.charity, preferences.defaultCharity),
        ])
    }

    /// The preferences from the form, or nil with the problems recorded.
    static func parse(_ form: FormData, userID: Int64, errors: inout FormErrors) -> PaymentPreferences? {
        typealias F = PreferencesField
        let limit = form[F.limit] == "none" ? nil : LimitPeriod(rawValue: form[F.limit])
        if limit == nil && form[F.limit] != "none" {
            errors.add(F.limit, "Choose whether an earnings limit applies to you")
        }
        let choice = PaymentChoice(rawValue: form[F.choice])
        if choice == nil { errors.add(F.choice, "Choose how you would usually like to be paid") }
        var lower: Int?
        if choice == .lower {
            switch Money.parse(form[F.lowerAmount]) {
            case .success(let pence) where pence > 0: lower = pence
            case .failure(.empty): errors.add(F.lowerAmount, "Enter your usual lower amount")
            default:
                errors.add(
                    F.lowerAmount, "Enter the lower amount in pounds and pence, more than £0.00, for example 25.00")
            }
        }
        let charity = form.trimmed(F.charity)
        if choice == .charity && charity.isEmpty { errors.add(F.charity, "Enter the name of the charity") }
        if charity.count > 120 { errors.add(F.charity, "The charity's name must be 120 characters or fewer") }
        guard errors.isEmpty, let choice else { return nil }
        return PaymentPreferences(
            userID: userID, limitPeriod: limit, defaultChoice: choice, defaultLowerPence: lower,
            defaultCharity: choice == .charity ? charity : "")
    }
}

/// The start of everything about involvement payments, with what this person's role lets them do.
struct InvolvementPage: PageModel {
    static let template = "payments/claims/hub"
    let title = "Involvement and payments"
    let roles: [Link]
    let hasRoles: Bool
    let yours: [Link]
    let work: [Link]
    let hasWork: Bool
    let policy: [Link]

    struct Link: Encodable, Sendable {
        let label: String
        let href: String
        let hint: String?
    }

    init(
        viewer: ClaimAccess.Viewer, role: Role, counts: [ClaimStatus: Int], waiting: Int, toPay: Int,
        appointments: [Appointment], today: String
    ) {
        // Each links to the role's description, which the person holding it may read (issue 20).
        roles = appointments.filter { ($0.endsOn ?? "9999-12-31") >= today }.map { appointment in
            Link(
                label: appointment.roleTitle, href: Href.heldRole(appointment.roleID),
                hint: "since \(LondonTime.day(appointment.startsOn))"
                    + (appointment.endsOn.map { " until \(LondonTime.day($0))" } ?? ""))
        }
        hasRoles = !roles.isEmpty
        let returned = counts[.returned] ?? 0, drafts = counts[.draft] ?? 0
        var yourHint: [String] = []
        if drafts > 0 { yourHint.append("\(drafts) not sent yet") }
        if returned > 0 { yourHint.append("\(returned) returned to you") }
        yours = [
            Link(label: "Claim for an activity", href: Href.newClaim(), hint: "Agreed activity and expenses"),
            Link(
                label: "Your claims", href: Href.claims(),
                hint: yourHint.isEmpty ? nil : yourHint.joined(separator: ", ")),
            Link(
                label: "What you have claimed and been paid", href: Href.earnings(),
                hint: "By week, month and tax year, with a download"),
            Link(
                label: "Your payment preferences", href: Href.paymentPreferences(),
                hint: "How you like to be paid, and any earnings limit (private to you)"),
        ]
        var work: [Link] = []
        if viewer.approves {
            work.append(
                Link(label: "Claims waiting for approval", href: Href.claimApprovals(), hint: "\(waiting) waiting"))
        }
        if viewer.pays {
            work.append(
                Link(label: "Claims to pay", href: Href.financeClaims(), hint: "\(toPay) approved, not yet paid"))
        }
        if viewer.pays || viewer.approves {
            work.append(Link(label: "Monthly spend and hours by group", href: Href.financeSummary(), hint: nil))
        }
        if Policy.allows(role, .managePaymentPolicy) {
            work.append(Link(label: "Who approves claims and records payments", href: Href.claimDuties(), hint: nil))
        }
        if Policy.allows(role, .manageInvolvementRoles) {
            work.append(
                Link(
                    label: "Roles and adverts", href: Href.involvementRoles(),
                    hint: "Role descriptions, adverts and appointments"))
            work.append(
                Link(
                    label: "Expressions of interest", href: Href.involvementInterest(),
                    hint: "People who answered an advert"))
        }
        self.work = work
        hasWork = !work.isEmpty
        policy = [
            Link(
                label: "The payment policy", href: Href.paymentPolicy(),
                hint: "Rates for agreed activity and the expenses covered"),
            Link(
                label: "Earnings limits", href: Href.earningsLimits(),
                hint: "Facts about benefit earnings limits, and where to get advice"),
            Link(
                label: "Involvement opportunities", href: Href.opportunities(),
                hint: "Open adverts for expert-by-experience roles"),
        ]
    }
}
