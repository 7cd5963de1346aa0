import Foundation

/// The periods earnings are added up over. Activities have a London calendar date ("2026-03-03"), so a period
/// is a range of dates and the change of clocks cannot move an activity from one period to another.
///
/// - A week runs Monday to Sunday.
/// - A month is a calendar month. (Universal Credit's assessment period starts on the day a claim began, not the
///   1st; people are told this beside the monthly figures.)
/// - A tax year runs from 6 April to the next 5 April (HMRC).
public enum EarningsPeriods {
    /// The Monday on or before the day.
    public static func weekStart(_ isoDay: String) -> String? {
        guard let start = LondonTime.startOfDay(isoDay) else { return nil }
        let weekday = LondonTime.calendar.component(.weekday, from: start)  // 1 = Sunday … 7 = Saturday
        let back = (weekday + 5) % 7
        return LondonTime.addingDays(-back, to: isoDay)
    }

    /// The Sunday the week starting on `monday` ends on.
    public static func weekEnd(weekStart monday: String) -> String? {
        LondonTime.addingDays(6, to: monday)
    }

    /// "2026-03" for any day in March 2026.
    public static func month(_ isoDay: String) -> String? {
        guard LondonTime.startOfDay(isoDay) != nil else { return nil }
        return String(isoDay.prefix(7))
    }

    /// The first and last days of a month written "2026-03".
    public static func monthRange(_ month: String) -> (first: String, last: String)? {
        let first = month + "-01"
        guard month.count == 7, let next = LondonTime.addingMonths(1, to: first),
            let last = LondonTime.addingDays(-1, to: next),
            LondonTime.startOfDay(first) != nil
        else { return nil }
        return (first, last)
    }

    /// "March 2026" from "2026-03".
    public static func monthName(_ month: String) -> String {
        guard let number = Int(month.suffix(2)), (1...12).contains(number) else { return month }
        return "\(LondonTime.months[number - 1]) \(month.prefix(4))"
    }

    /// The calendar year a tax year starts in: 2025 for 6 April 2025 to 5 April 2026.
    public static func taxYear(_ isoDay: String) -> Int? {
        guard LondonTime.startOfDay(isoDay) != nil, let year = Int(isoDay.prefix(4)) else { return nil }
        let monthAndDay = isoDay.suffix(5)
        return monthAndDay >= "04-06" ? year : year - 1
    }

    /// The first and last days of the tax year starting in `year`.
    public static func taxYearRange(_ year: Int) -> (first: String, last: String) {
        (String(format: "%04d-04-06", year), String(format: "%04d-04-05", year + 1))
    }

    /// "2025 to 2026", as HMRC writes tax years.
    public static func taxYearName(_ year: Int) -> String {
        "\(year) to \(year + 1)"
    }

    /// The calendar months a tax year touches, in order: April to the next April, each written "2025-04".
    /// April comes twice because the tax year starts on the 6th: 6 to 30 April, then 1 to 5 April.
    public static func months(ofTaxYear year: Int) -> [String] {
        (0...12).map { index in
            let month = (3 + index) % 12 + 1
            return String(format: "%04d-%02d", index < 9 ? year : year + 1, month)
        }
    }

    /// The name of a month within a tax year, saying which part of April when the month is cut by the year's edge.
    public static func monthName(_ month: String, inTaxYear year: Int) -> String {
        if month == String(format: "%04d-04", year) { return monthName(month) + " (from 6 April)" }
        if month == String(format: "%04d-04", year + 1) { return monthName(month) + " (1 to 5 April)" }
        return monthName(month)
    }
}
