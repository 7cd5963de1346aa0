import Foundation

/// The alliance's money (issue 6, "Funding"): the flow from commissioner to accountable body to members, totals and
/// warnings, the share to small and micro organisations, long contracts, a chart with its table, and every record.
struct FundingPage: PageModel {
    static let template = "alliance/funding/index"
    let title: String
    let allianceName: String
    let overviewHref: String
    let csvHref: String
    let canManage: Bool
    let newReceivedHref: String
    let newAllocationHref: String

    let accountableBody: String?
    let noAccountableBody: Bool
    let accountableBodyNote: String?
    let flowSentence: String
    let flowRows: [FlowRow]
    let hasFlows: Bool

    let totals: FundingTotals
    let hasAllocations: Bool
    let shareBasis = FundingSummary.shareBasis

    let chartSVG: String
    let yearHeadings: [String]
    let memberRows: [MemberRow]
    let yearTotals: [String]

    let received: [ReceivedRow]
    let hasReceived: Bool
    let withdrawnReceived: [ReceivedRow]
    let hasWithdrawnReceived: Bool
    let allocations: [AllocationRow]
    let withdrawnAllocations: [AllocationRow]
    let hasWithdrawnAllocations: Bool

    struct FlowRow: Encodable, Sendable {
        let from: String
        let via: String
        let to: String
        let amounts: [String]
        let total: String
    }

    struct MemberRow: Encodable, Sendable {
        let name: String
        let size: String
        let amounts: [String]
        let total: String
    }

    struct ReceivedRow: Encodable, Sendable {
        let period: String
        let year: String
        let from: String
        let via: String
        let to: String
        let amount: String
        let description: String
        let reason: String
        let withdrawHref: String?
    }

    struct AllocationRow: Encodable, Sendable {
        let member: String
        let period: String
        let year: String
        let amount: String
        let purpose: String
        let contract: String
        let source: String
        let decisionTitle: String
        let decisionHref: String
        let decisionStands: Bool
        let reason: String
        let withdrawHref: String?
    }

    init(
        group: Group, summary: FundingSummary, received: [FundingReceived], allocations: [Allocation],
        decisions: [Int64: DecisionReference],
        sizes: [Int64: VCSESize], accountableBody: AccountableBody?, canManage: Bool
    ) {
        title = "Funding"
        allianceName = group.name
        overviewHref = Href.alliance(group.id)
        csvHref = Href.allocationsCSV(group.id)
        self.canManage = canManage
        newReceivedHref = Href.newFundingReceived(group.id)
        newAllocationHref = Href.newAllocation(group.id)

        self.accountableBody = accountableBody?.organisationName
        noAccountableBody = accountableBody == nil
        accountableBodyNote = accountableBody.flatMap { summary.accountableBodyNote(name: $0.organisationName) }
        let memberCount = summary.members.count
        let bodyWords = accountableBody.map { "the accountable body, \($0.organisationName)" } ?? "the accountable body"
        flowSentence =
            "Money comes from commissioners, sometimes through another body such as an NHS trust, to \(bodyWords). "
            + "It is then allocated to members: \(memberCount) member\(memberCount == 1 ? " has" : "s have") live allocations."

        let years = summary.years.map(\.year)
        flowRows = summary.flows.map { flow in
            FlowRow(
                from: flow.fromName, via: flow.viaName ?? "Direct", to: flow.toName ?? "No accountable body yet",
                amounts: years.map { Money.format(flow.amount(in: $0)) }, total: Money.format(flow.total))
        }
        hasFlows = !flowRows.isEmpty

        totals = FundingTotals(summary)
        hasAllocations = summary.totalAllocated > 0

        let chartMembers = summary.members.map { member in
            FundingChartSVG.MemberBars(
                name: member.name, total: member.total,
                bars: years.map { FundingChartSVG.Bar(label: $0.short, pence: member.amount(in: $0)) })
        }
        chartSVG = FundingChartSVG.render(
            chartMembers, title: "Money allocated to each member by financial year",
            description:
                "Horizontal bars, one group for each member with its total, and one bar for each financial year labelled "
                + "with the year and the amount. The table after the chart gives the same figures.",
            idPrefix: "funding-chart")
        yearHeadings = years.map(\.label)
        memberRows = summary.members.map { member in
            MemberRow(
                name: member.name, size: sizes[member.organisationID]?.label ?? "Not recorded",
                amounts: years.map { Money.format(member.amount(in: $0)) }, total: Money.format(member.total))
        }
        yearTotals = summary.years.map { Money.format($0.allocated) }

        let receivedRows = received.map { item in
            ReceivedRow(
                period: Self.period(item.periodStartsOn, item.periodEndsOn), year: Self.year(item.periodStartsOn),
                from: item.fromName,
                via: item.viaName ?? "Direct", to: item.toName ?? "No accountable body yet",
                amount: Money.format(item.amountPence),
                description: item.description, reason: item.withdrawnReason ?? "",
                withdrawHref: canManage && !item.isWithdrawn ? Href.withdrawFundingReceived(group.id, item.id) : nil)
        }
        self.received = zip(received, receivedRows).filter { !$0.0.isWithdrawn }.map(\.1)
        hasReceived = !self.received.isEmpty
        withdrawnReceived = zip(received, receivedRows).filter { $0.0.isWithdrawn }.map(\.1)
        hasWithdrawnReceived = !withdrawnReceived.isEmpty

        let allocationRows = allocations.map { item in
            let decision = decisions[item.decisionID]
            let contract =
                "\(item.contractYears) year\(item.contractYears == 1 ? "" : "s")"
                + (item.contractReference.isEmpty ? "" : ", reference \(item.contractReference)")
            return AllocationRow(
                member: item.organisationName, period: Self.period(item.periodStartsOn, item.periodEndsOn),
                year: Self.year(item.periodStartsOn), amount: Money.format(item.amountPence), purpose: item.purpose,
                contract: contract, source: item.source,
                decisionTitle: decision?.label ?? "Decision \(item.decisionID)",
                decisionHref: Href.decision(group.id, item.decisionID), decisionStands: decision?.stillStands ?? false,
                reason: item.withdrawnReason ?? "",
                withdrawHref: canManage && !item.isWithdrawn ? Href.withdrawAllocation(group.id, item.id) : nil)
        }
        self.allocations = zip(allocations, allocationRows).filter { !$0.0.isWithdrawn }.map(\.1)
        withdrawnAllocations = zip(allocations, allocationRows).filter { $0.0.isWithdrawn }.map(\.1)
        hasWithdrawnAllocations = !withdrawnAllocations.isEmpty
    }

    /// "1 April 2026 to 31 March 2027"
    static func period(_ startsOn: String, _ endsOn: String) -> String {
        "\(LondonTime.day(startsOn)) to \(LondonTime.day(endsOn))"
    }

    /// "2026 to 2027"
    static func year(_ startsOn: String) -> String { FinancialYear(containing: startsOn)?.label ?? "" }
}
