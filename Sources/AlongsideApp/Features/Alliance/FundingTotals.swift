import Foundation

/// The alliance's money in totals: what came in and went out, by year, the share to small and micro organisations, long
/// contracts and any warning. The overview shows these at a glance; the funding page shows them above the detail.
/// Rendered by the partial `alliance-funding/totals`.
struct FundingTotals: Encodable, Sendable {
    let hasMoney: Bool
    let totalReceived: String
    let totalAllocated: String
    let unallocatedLabel: String
    let unallocated: String
    let smallAndMicro: String
    let contractsSentence: String
    let warnings: [String]
    let hasWarnings: Bool
    let years: [Year]
    let hasYears: Bool
    let members: [MemberTotal]
    let hasMembers: Bool

    struct Year: Encodable, Sendable {
        let year: String
        let received: String
        let allocated: String
        /// "£2,000.00 over-allocated" or "£500.00 not yet allocated".
        let difference: String
        let isOver: Bool
    }

    struct MemberTotal: Encodable, Sendable {
        let name: String
        let total: String
        let size: String
    }

    init(_ summary: FundingSummary) {
        hasMoney = summary.totalReceived > 0 || summary.totalAllocated > 0
        totalReceived = Money.format(summary.totalReceived)
        totalAllocated = Money.format(summary.totalAllocated)
        unallocatedLabel = summary.unallocated < 0 ? "Allocated beyond what came in" : "Not yet allocated"
        unallocated = Money.format(abs(summary.unallocated))
        smallAndMicro =
            summary.smallAndMicroShare.map {
                "\(Money.format(summary.smallAndMicroPence)), \($0) of everything allocated"
            }
            ?? "Nothing is allocated yet"
        contractsSentence = summary.contractsSentence
        warnings = summary.warnings
        hasWarnings = !warnings.isEmpty
        years = summary.years.map { year in
            Year(
                year: year.year.label, received: Money.format(year.received), allocated: Money.format(year.allocated),
                difference: year.isOverAllocated
                    ? "\(Money.format(-year.difference)) over-allocated"
                    : "\(Money.format(year.difference)) not yet allocated",
                isOver: year.isOverAllocated)
        }
        hasYears = !years.isEmpty
        members = summary.members.map {
            MemberTotal(name: $0.name, total: Money.format($0.total), size: $0.isSmallOrMicro ? "Yes" : "No")
        }
        hasMembers = !members.isEmpty
    }
}

/// What one member has been allocated, for its member page.
struct MemberAllocations: Encodable, Sendable {
    let rows: [Row]
    let hasRows: Bool
    let total: String
    let fundingHref: String

    struct Row: Encodable, Sendable {
        let year: String
        let period: String
        let purpose: String
        let amount: String
        let contract: String
        let decisionTitle: String
        let decisionHref: String
        let decisionStands: Bool
        let withdrawnReason: String?
    }

    init(groupID: Int64, allocations: [Allocation], decisions: [Int64: DecisionReference]) {
        rows = allocations.map { allocation in
            let decision = decisions[allocation.decisionID]
            let years = "\(allocation.contractYears) year\(allocation.contractYears == 1 ? "" : "s")"
            return Row(
                year: FundingPage.year(allocation.periodStartsOn),
                period: FundingPage.period(allocation.periodStartsOn, allocation.periodEndsOn),
                purpose: allocation.purpose, amount: Money.format(allocation.amountPence),
                contract: allocation.contractReference.isEmpty ? years : "\(years) (\(allocation.contractReference))",
                decisionTitle: decision?.title ?? "Decision \(allocation.decisionID)",
                decisionHref: Href.decision(groupID, allocation.decisionID),
                decisionStands: decision?.stillStands ?? false,
                withdrawnReason: allocation.withdrawnReason
            )
        }
        hasRows = !rows.isEmpty
        total = Money.format(allocations.filter { !$0.isWithdrawn }.reduce(0) { $0 + $1.amountPence })
        fundingHref = Href.allianceFunding(groupID)
    }
}
