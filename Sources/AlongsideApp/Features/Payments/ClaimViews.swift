import Foundation

/// A labelled line in a summary list, with an optional "Change" link.
struct SummaryLine: Encodable, Sendable {
    let label: String
    let value: String
    let changeHref: String?
    let changeLabel: String?

    init(_ label: String, _ value: String, change: String? = nil) {
        self.label = label
        self.value = value
        changeHref = change
        changeLabel = change == nil ? nil : label.lowercased()
    }
}

/// The money in a claim as rows: the involvement payment, each expense, and the total.
struct AmountLines: Encodable, Sendable {
    let rows: [Row]
    let total: String

    struct Row: Encodable, Sendable {
        let label: String
        let detail: String
        let amount: String
    }

    init(_ claim: Claim) {
        let amounts = claim.amounts
        var rows = [
            Row(
                label: "Involvement payment", detail: PaymentWords.describe(claim),
                amount: Money.format(amounts.payment))
        ]
        for expense in claim.expenses {
            var detail = expense.note
            if expense.kind != .mileage {
                detail += (detail.isEmpty ? "" : ". ") + (expense.receipt ? "Receipt given" : "No receipt")
            }
            rows.append(Row(label: expense.description, detail: detail, amount: Money.format(expense.amountPence)))
        }
        self.rows = rows
        total = Money.format(amounts.total)
    }
}

extension PaymentWords {
    /// "£100.00 for a whole day, paid to you", in plain words.
    static func describe(_ claim: Claim) -> String {
        let rate =
            Money.format(claim.ratePence) + " for " + (claim.length == .half ? "up to half a day" : "a whole day")
        switch claim.choice {
        case .full: return rate + ", paid in full through the finance team"
        case .lower: return rate + ": a lower amount of \(Money.format(claim.lowerPence ?? 0)) asked for"
        case .charity: return rate + ", paid to \(claim.charity)"
        case .vouchers: return rate + ", given as vouchers"
        case .none: return rate + ": no payment asked for"
        }
    }
}

/// The earnings warning in words: to the person ("you") first, or to the approver, with the figures and the choices.
struct WarningView: Encodable, Sendable {
    let heading: String
    let lines: [String]
    let options: [String]
    let adviceLinks = PaymentWords.adviceLinks
    let factsNotAdvice = PaymentWords.factsNotAdvice

    /// `seen`: whether the person was shown this warning when they sent the claim (for the approver's wording).
    init(_ warning: EarningsWarning, forPerson: Bool, name: String, seen: Bool = false) {
        let limit = warning.limit
        let period =
            warning.limit.period == .week
            ? "the week from Monday \(LondonTime.day(warning.first)) to Sunday \(LondonTime.day(warning.last))"
            : "\(EarningsPeriods.monthName(String(warning.first.prefix(7))))"
        let whose = forPerson ? "you told us applies to you" : "\(name) told us applies to them"
        heading =
            forPerson
            ? "This claim would take you over the \(limit.period.label.lowercased()) limit \(whose)"
            : "With their other claims, this claim takes \(name) over the \(limit.period.label.lowercased()) limit \(whose)"
        var lines = [
            "Earnings already claimed for \(period): \(Money.format(warning.earlierEarnings)).",
            "This claim adds \(Money.format(warning.claimEarnings)), making \(Money.format(warning.totalEarnings)).",
        ]
        if warning.overAmount {
            lines.append(
                "That is \(Money.format(warning.excess)) over the \(limit.name) of \(Money.format(limit.amountPence)).")
        } else {
            lines.append("That is within the \(limit.name) of \(Money.format(limit.amountPence)).")
        }
        if let hours = limit.hoursLimitMinutes {
            let time =
                "Time: \(Money.duration(minutes: warning.earlierMinutes)) already, plus \(Money.duration(minutes: warning.claimMinutes)), making \(Money.duration(minutes: warning.totalMinutes))"
            lines.append(
                time
                    + (warning.overHours
                        ? ", over the limit of \(Money.duration(minutes: hours))."
                        : ", within the limit of \(Money.duration(minutes: hours))."))
        }
        self.lines = lines
        options =
            forPerson
            ? [
                "Take less: change the claim to a lower amount.",
                "Donate it: have the payment made to a charity you name.",
                "Decline the payment: choose no payment. You can still claim your expenses.",
                "Go ahead: send the claim as it is. The choice is yours.",
            ]
            : [
                seen
                    ? "\(name) was shown this warning when sending the claim, and chose to send it as it is."
                    : "\(name) was not shown a warning when sending this claim: the other claims that take the total over the limit came later or were sent since.",
                "You can approve it, or return it with a reason so \(name) can choose to take less, donate it or decline it.",
            ]
    }
}

/// How a claim's state is shown: words first, colour only as an extra.
enum ClaimStatusTag {
    static func css(_ status: ClaimStatus) -> String {
        switch status {
        case .draft: return "tag tag-grey"
        case .submitted: return "tag tag-blue"
        case .returned: return "tag tag-yellow"
        case .approved: return "tag"
        case .paid: return "tag"
        }
    }
}
