import Foundation

/// The period a board report covers: two London days, both included. Plain rules, unit-tested.
public struct BoardReportPeriod: Sendable, Equatable, Codable {
    /// "2026-07-01"
    public let startsOn: String
    /// "2026-09-30", included.
    public let endsOn: String

    public init(startsOn: String, endsOn: String) {
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    /// A report covers at most three years: a board reports quarterly or yearly, and a longer period is a typing slip.
    public static let longestDays = 1_096

    /// The fields of the period form (a query string on the preview, hidden fields when issuing).
    enum Field: String, FormFieldName {
        case start, end
    }

    /// "1 July 2026 to 30 September 2026"
    public var label: String { "\(LondonTime.day(startsOn)) to \(LondonTime.day(endsOn))" }

    /// The period as a link's query (`?start=…&end=…`), as the preview reads it.
    var query: Query { [Field.start.rawValue: startsOn, Field.end.rawValue: endsOn] }

    /// The first moment of the period and the first moment after it, in London.
    public var instants: (start: Date, end: Date)? {
        guard let start = LondonTime.startOfDay(startsOn), let after = LondonTime.addingDays(1, to: endsOn),
            let end = LondonTime.startOfDay(after)
        else { return nil }
        return (start, end)
    }

    /// How many days the period covers, both ends included.
    public static func days(from first: String, to last: String) -> Int? {
        guard let start = LondonTime.startOfDay(first), let end = LondonTime.startOfDay(last) else { return nil }
        // Whole days between two London midnights; a clock change makes one day 23 or 25 hours, so round.
        return Int((end.timeIntervalSince(start) / 86_400).rounded()) + 1
    }

    /// The default: the last full quarter (January to March, April to June, July to September or October to
    /// December: the financial year's quarters) that ended before today.
    public static func lastFullQuarter(today: String) -> BoardReportPeriod {
        let year = Int(today.prefix(4)) ?? 2000
        let month = Int(today.dropFirst(5).prefix(2)) ?? 1
        let thisQuarterStartMonth = (month - 1) / 3 * 3 + 1
        let (startYear, startMonth) =
            thisQuarterStartMonth == 1 ? (year - 1, 10) : (year, thisQuarterStartMonth - 3)
        let start = String(format: "%04d-%02d-01", startYear, startMonth)
        let nextQuarter = String(format: "%04d-%02d-01", year, thisQuarterStartMonth)
        return BoardReportPeriod(startsOn: start, endsOn: LondonTime.addingDays(-1, to: nextQuarter) ?? nextQuarter)
    }

    /// The financial year so far: 1 April to today.
    public static func financialYearToDate(today: String) -> BoardReportPeriod {
        let year = Int(today.prefix(4)) ?? 2000
        let month = Int(today.dropFirst(5).prefix(2)) ?? 1
        let startYear = month >= 4 ? year : year - 1
        return BoardReportPeriod(startsOn: String(format: "%04d-04-01", startYear), endsOn: today)
    }

    /// A problem with what was typed, for one field.
    public struct Problem: Sendable, Equatable {
        public let field: String
        public let message: String
    }

    /// Checks a period as typed: both real `YYYY-MM-DD` days, the end not before the start nor after today, and no
    /// longer than `longestDays`. Either the period or the problems.
    public static func check(start: String, end: String, today: String) -> Result<BoardReportPeriod, ProblemList> {
        var problems: [Problem] = []
        let first = start.trimmingCharacters(in: .whitespaces)
        let last = end.trimmingCharacters(in: .whitespaces)
        if first.isEmpty {
            problems.append(Problem(field: Field.start.rawValue, message: "Enter the first day of the period"))
        } else if !LondonTime.isCanonicalDay(first) {
            problems.append(
                Problem(field: Field.start.rawValue, message: "Enter the first day as a date like 2026-07-01"))
        }
        if last.isEmpty {
            problems.append(Problem(field: Field.end.rawValue, message: "Enter the last day of the period"))
        } else if !LondonTime.isCanonicalDay(last) {
            problems.append(Problem(field: Field.end.rawValue, message: "Enter the last day as a date like 2026-09-30"))
        }
        guard problems.isEmpty else { return .failure(ProblemList(problems)) }
        if last < first {
            problems.append(
                Problem(field: Field.end.rawValue, message: "The last day must be the same as or after the first day"))
        } else if last > today {
            problems.append(
                Problem(
                    field: Field.end.rawValue,
                    message:
                        "The last day cannot be after today (\(LondonTime.day(today))): a report covers what has happened"
                ))
        } else if let days = days(from: first, to: last), days > longestDays {
            problems.append(
                Problem(
                    field: Field.start.rawValue,
                    message: "A report covers at most 3 years: this period is \(days) days. Choose a shorter period"))
        }
        guard problems.isEmpty else { return .failure(ProblemList(problems)) }
        return .success(BoardReportPeriod(startsOn: first, endsOn: last))
    }

    /// The problems found, as an `Error` so they can travel in a `Result`.
    public struct ProblemList: Error, Sendable, Equatable {
        public let problems: [Problem]

        init(_ problems: [Problem]) {
            self.problems = problems
        }

        var formErrors: FormErrors {
            var errors = FormErrors()
            for problem in problems { errors.add(problem.field, problem.message) }
            return errors
        }
    }
}
