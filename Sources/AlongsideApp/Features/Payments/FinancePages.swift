import Foundation

/// Claims waiting for approval, with any that would take the person over their earnings limit flagged.
struct ApprovalsPage: PageModel {
    static let template = "payments/claims/approvals"
    let title = "Claims waiting for approval"
    let rows: [Row]
    let hasRows: Bool
    let summary: String

    struct Row: Encodable, Sendable {
        let href: String
        let person: String
        let date: String
        let activity: String
        let group: String
        let payment: String
        let expenses: String
        let total: String
        let overLimit: Bool
        let own: Bool
    }

    init(claims: [(claim: Claim, overLimit: Bool)], me: Int64) {
        rows = claims.map { item in
            let claim = item.claim, amounts = claim.amounts
            return Row(
                href: Href.claim(claim.id), person: claim.personName, date: LondonTime.day(claim.activityOn),
                activity: claim.activity,
                group: claim.groupName ?? "Not for a group", payment: Money.format(amounts.payment),
                expenses: Money.format(amounts.expenses),
                total: Money.format(amounts.total), overLimit: item.overLimit, own: claim.userID == me)
        }
        hasRows = !rows.isEmpty
        summary = rows.count == 1 ? "1 claim is waiting." : "\(rows.count) claims are waiting."
    }
}

/// Approved claims for finance to pay, with totals, and recent payments.
struct FinancePage: PageModel {
    static let template = "payments/claims/finance"
    let title = "Claims to pay"
    let rows: [Row]
    let hasRows: Bool
    let totals: TotalsRow
    let paid: [Row]
    let hasPaid: Bool
    let csvHref = Href.financeCSV()
    let summaryHref = Href.financeSummary()

    struct Row: Encodable, Sendable {
        let href: String
        let person: String
        let date: String
        let activity: String
        let how: String
        let toPerson: String
        let vouchers: String
        let donation: String
        let expenses: String
        let total: String
        let paidOn: String?
        let reference: String
    }

    struct TotalsRow: Encodable, Sendable {
        let toPerson: String
        let vouchers: String
        let donation: String
        let expenses: String
        let total: String

        init(_ totals: FinanceReports.Totals) {
            toPerson = Money.format(totals.toPerson)
            vouchers = Money.format(totals.vouchers)
            donation = Money.format(totals.donation)
            expenses = Money.format(totals.expenses)
            total = Money.format(totals.total)
        }
    }

    init(approved: [Claim], recentlyPaid: [Claim]) {
        rows = approved.map(Self.row)
        hasRows = !rows.isEmpty
        totals = TotalsRow(.of(approved))
        paid = recentlyPaid.map(Self.row)
        hasPaid = !paid.isEmpty
    }

    static func row(_ claim: Claim) -> Row {
        let amounts = claim.amounts
        return Row(
            href: Href.claim(claim.id), person: claim.personName, date: LondonTime.day(claim.activityOn),
            activity: claim.activity,
            how: claim.choice.shortLabel + (claim.choice == .charity ? ": \(claim.charity)" : ""),
            toPerson: Money.format(amounts.toPerson),
            vouchers: Money.format(amounts.vouchers), donation: Money.format(amounts.donation),
            expenses: Money.format(amounts.expenses),
            total: Money.format(amounts.total), paidOn: claim.paidOn.map(LondonTime.day), reference: claim.paidReference
        )
    }
}

/// A month's involvement spend and hours of lived-experience input, by group.
struct FinanceSummaryPage: PageModel {
    static let template = "payments/claims/summary"
    let title: String
    let month: SelectField
    let rows: [Row]
    let hasRows: Bool
    let totals: Row
    let action = Href.financeSummary()
    let financeHref = Href.financeClaims()

    struct Row: Encodable, Sendable {
        let group: String
        let claims: Int
        let hours: String
        let payments: String
        let expenses: String
        let total: String

        init(group: String, _ totals: FinanceReports.Totals) {
            self.group = group
            claims = totals.claims
            hours = Money.duration(minutes: totals.minutes)
            payments = Money.format(totals.payment)
            expenses = Money.format(totals.expenses)
            total = Money.format(totals.total)
        }
    }

    init(month: String, months: [String], claims: [Claim]) {
        title = "Involvement spend for \(EarningsPeriods.monthName(month))"
        self.month = SelectField(
            ClaimDecisionsController.SummaryFilterField.month, label: "Month",
            options: months.map { ($0, EarningsPeriods.monthName($0)) }, selected: month,
            errors: FormErrors())
        let sorted = claims.sorted { ($0.groupName ?? "~") < ($1.groupName ?? "~") }
        rows = FinanceReports.grouped(sorted) { $0.groupName ?? "Not for a group" }.map {
            Row(group: $0.key, $0.totals)
        }
        hasRows = !rows.isEmpty
        totals = Row(group: "All groups", .of(claims))
    }
}

/// The approved, unpaid claims as a spreadsheet for the finance system, ending with a totals line.
enum FinanceCSV {
    static func document(_ claims: [Claim]) -> String {
        let header = [
            "Claim", "Person", "Activity date", "Activity", "Group", "Payment choice", "To the person (£)",
            "Vouchers (£)",
            "To a charity (£)", "Charity", "Expenses (£)", "Total (£)", "Approved on",
        ]
        var rows = claims.map { claim -> [String] in
            let amounts = claim.amounts
            return [
                String(claim.id), claim.personName, claim.activityOn, claim.activity, claim.groupName ?? "",
                claim.choice.shortLabel,
                Money.plain(amounts.toPerson), Money.plain(amounts.vouchers), Money.plain(amounts.donation),
                claim.charity,
                Money.plain(amounts.expenses), Money.plain(amounts.total), claim.decidedAt.map(LondonTime.isoDay) ?? "",
            ]
        }
        let totals = FinanceReports.Totals.of(claims)
        rows.append([
            "Total", "\(totals.claims) claims", "", "", "", "", Money.plain(totals.toPerson),
            Money.plain(totals.vouchers),
            Money.plain(totals.donation), "", Money.plain(totals.expenses), Money.plain(totals.total), "",
        ])
        return CSVFormat.document(header: header, rows: rows)
    }
}
