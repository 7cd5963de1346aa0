import Foundation

/// The alliance's allocations as a spreadsheet (DESIGN.md: CSV for spreadsheets): one row for each allocation,
/// withdrawn ones included with their reason, then a line with the total of the live ones. Amounts are in pounds
/// ("12500.00") so spreadsheets read them as numbers.
enum FundingCSV {
    static let header = [
        "Member", "Sector", "Size now", "Amount (pounds)", "Period start", "Period end", "Financial year", "Purpose",
        "Contract years",
        "Contract reference", "Source", "Authorising decision", "Withdrawn reason",
    ]

    static let totalLabel = "Total of live allocations"

    static func allocations(
        _ allocations: [Allocation], organisations: [Int64: Organisation], decisions: [Int64: DecisionReference]
    ) -> String {
        var rows = allocations.map { item in
            let organisation = organisations[item.organisationID]
            return [
                item.organisationName, organisation?.sector.label ?? "", organisation?.size?.label ?? "",
                Money.plain(item.amountPence),
                item.periodStartsOn, item.periodEndsOn, FinancialYear(containing: item.periodStartsOn)?.label ?? "",
                item.purpose,
                String(item.contractYears), item.contractReference, item.source,
                decisions[item.decisionID]?.title ?? "",
                item.withdrawnReason ?? "",
            ]
        }
        let total = allocations.filter { !$0.isWithdrawn }.reduce(0) { $0 + $1.amountPence }
        rows.append([totalLabel, "", "", Money.plain(total)] + Array(repeating: "", count: header.count - 4))
        return CSVFormat.document(header: header, rows: rows)
    }
}
