import Foundation

/// The UK public-sector financial year, 1 April to 31 March, named by the year it starts in. Commissioners fund an
/// alliance a financial year at a time, so each record of money lies within one (003 step 4; issue 6).
public struct FinancialYear: Hashable, Comparable, Sendable {
    public let startYear: Int

    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// The financial year a day ("2027-03-31") falls in; nil when the text is not a real day.
    public init?(containing isoDay: String) {
        guard LondonTime.startOfDay(isoDay) != nil, let year = Int(isoDay.prefix(4)),
            let month = Int(isoDay.dropFirst(5).prefix(2))
        else { return nil }
        startYear = month >= 4 ? year : year - 1
    }

    /// "2026 to 2027"
    public var label: String { "\(startYear) to \(startYear + 1)" }
    /// "2026–27" (with an en dash), for chart labels and column headings.
    public var short: String { "\(startYear)–" + String(format: "%02d", (startYear + 1) % 100) }
    /// "2026-04-01"
    public var startsOn: String { String(format: "%04d-04-01", startYear) }
    /// "2027-03-31"
    public var endsOn: String { String(format: "%04d-03-31", startYear + 1) }

    public static func < (left: FinancialYear, right: FinancialYear) -> Bool { left.startYear < right.startYear }
}

/// Checks on the period a record of money covers.
public enum FundingRules {
    public static let oneYearMessage =
        "An allocation covers one financial year at most (1 April to 31 March). "
        + "Record each year of a longer contract as its own allocation, giving the contract's full length in years."
    public static let receivedOneYearMessage =
        "Money received is recorded one financial year at a time (1 April to 31 March). "
        + "Record each year's money as its own entry."

    /// A problem with a period, and the field it belongs to.
    public struct PeriodProblem: Equatable, Sendable {
        public let field: String
        public let message: String
    }

    /// Problems with a period typed as ISO days, in field order: each day must be real, the end on or after the start,
    /// and both within one financial year. `startField`/`endField` name the form's inputs.
    public static func periodProblems(
        startsOn: String, endsOn: String, startField: String = "period_starts_on",
        endField: String = "period_ends_on", acrossYears: String = oneYearMessage
    ) -> [PeriodProblem] {
        var problems: [PeriodProblem] = []
        let start = FinancialYear(containing: startsOn), end = FinancialYear(containing: endsOn)
        if startsOn.isEmpty {
            problems.append(PeriodProblem(field: startField, message: "Enter the first day of the period"))
        } else if start == nil {
            problems.append(
                PeriodProblem(
                    field: startField,
                    message: "Enter the first day of the period as a real date, for example 2026-04-01"))
        }
        if endsOn.isEmpty {
            problems.append(PeriodProblem(field: endField, message: "Enter the last day of the period"))
        } else if end == nil {
            problems.append(
                PeriodProblem(
                    field: endField, message: "Enter the last day of the period as a real date, for example 2027-03-31")
            )
        }
        guard let start, let end else { return problems }
        if endsOn < startsOn {
            problems.append(
                PeriodProblem(
                    field: endField, message: "The last day of the period must be the same as or after the first day"))
        } else if start != end {
            problems.append(PeriodProblem(field: endField, message: acrossYears))
        }
        return problems
    }

    /// A share of a whole as a percentage to one decimal place, "42.9%", rounded half up with whole numbers only;
    /// nil when the whole is nothing (no share can be worked out).
    public static func percentage(_ part: Int, of whole: Int) -> String? {
        guard whole > 0, part >= 0 else { return nil }
        // Tenths of a per cent: part / whole × 1000, rounded half up, without floating point.
        let tenths = (2 * part * 1000 + whole) / (2 * whole)
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
