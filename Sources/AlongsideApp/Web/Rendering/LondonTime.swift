import Foundation

/// Dates and times as people in England read them: "3 March 2026" and "2:05pm", in Europe/London
/// whatever the server's own time zone (DESIGN.md, Conventions for pages).
public enum LondonTime {
    static let timeZone = TimeZone(identifier: "Europe/London")!
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()
    static let months = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// "3 March 2026"
    public static func date(_ date: Date) -> String {
        let parts = WallClock(date)
        return "\(parts.day) \(months[parts.month - 1]) \(parts.year)"
    }

    /// "2:05pm"
    public static func time(_ date: Date) -> String {
        let parts = WallClock(date)
        let hour = parts.hour, minute = parts.minute
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        let minutes = minute < 10 ? "0\(minute)" : "\(minute)"
        return "\(twelve):\(minutes)\(hour < 12 ? "am" : "pm")"
    }

    /// "3 March 2026 at 2:05pm"
    public static func dateTime(_ date: Date) -> String {
        "\(self.date(date)) at \(time(date))"
    }

    /// "2026-03-03", the value an `<input type="date">` uses.
    public static func isoDay(_ date: Date) -> String {
        let parts = WallClock(date)
        return String(format: "%04d-%02d-%02d", parts.year, parts.month, parts.day)
    }

    /// "2026-03-03" as "3 March 2026"; text that is not a date is shown as it is.
    public static func day(_ isoDay: String) -> String {
        startOfDay(isoDay).map(date) ?? isoDay
    }

    /// The instant a London day starts, from "2026-03-03"; nil when the text is not a real date written exactly
    /// `YYYY-MM-DD` (ASCII digits, no signs, no spaces), so what is stored is always the canonical form and the
    /// string comparisons of stored dates (`BETWEEN`, `<`) hold (issue 15).
    public static func startOfDay(_ isoDay: String) -> Date? {
        guard let (year, month, day) = canonicalDayParts(isoDay) else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
            calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
        else { return nil }
        return date
    }

    /// True when `text` is a real date written exactly `YYYY-MM-DD`.
    public static func isCanonicalDay(_ text: String) -> Bool { startOfDay(text) != nil }

    /// Year, month and day from exactly ten ASCII characters `DDDD-DD-DD`, the year from 1000 to 9999.
    static func canonicalDayParts(_ text: String) -> (Int, Int, Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            year >= 1000, (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return (year, month, day)
    }

    /// Hour and minute from exactly `HH:MM` (24-hour clock, ASCII digits), or nil.
    public static func clockParts(_ text: String) -> (hour: Int, minute: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == 0x3A,
            bytes.enumerated().allSatisfy({ $0.offset == 2 || ($0.element >= 0x30 && $0.element <= 0x39) })
        else { return nil }
        let hour = Int(bytes[0] - 0x30) * 10 + Int(bytes[1] - 0x30)
        let minute = Int(bytes[3] - 0x30) * 10 + Int(bytes[4] - 0x30)
        guard hour <= 23, minute <= 59 else { return nil }
        return (hour, minute)
    }

    /// The instant a London wall-clock time happens: "2027-03-04" and "14:30". Nil when either is not real or not
    /// written exactly `YYYY-MM-DD` and `HH:MM`.
    /// A time that does not exist (the hour skipped when clocks go forward) moves forward to one that does.
    public static func instant(isoDay: String, time: String) -> Date? {
        guard let start = startOfDay(isoDay), let (hour, minute) = clockParts(time) else { return nil }
        var parts = calendar.dateComponents([.year, .month, .day], from: start)
        parts.hour = hour
        parts.minute = minute
        return calendar.date(from: parts)
    }

    /// "14:30", the value an `<input type="time">` uses.
    public static func clockTime(_ date: Date) -> String {
        let parts = WallClock(date)
        return String(format: "%02d:%02d", parts.hour, parts.minute)
    }

    /// The London day `days` after an ISO day (or before, when negative).
    public static func addingDays(_ days: Int, to isoDay: String) -> String? {
        guard let start = startOfDay(isoDay), let moved = calendar.date(byAdding: .day, value: days, to: start) else {
            return nil
        }
        return self.isoDay(moved)
    }

    /// The same date `months` later; a date the month lacks (31 April) becomes its last day.
    public static func addingMonths(_ months: Int, to isoDay: String) -> String? {
        guard let start = startOfDay(isoDay), let moved = calendar.date(byAdding: .month, value: months, to: start)
        else { return nil }
        return self.isoDay(moved)
    }
}

/// A London wall-clock reading of an instant: the zone's offset at that instant, then plain arithmetic on the civil
/// calendar. Every page shows dates, and this is many times cheaper than asking `Calendar` for components; a test
/// checks it against `Calendar` across years of instants and the clock changes.
struct WallClock: Equatable {
    let year: Int, month: Int, day: Int, hour: Int, minute: Int

    init(_ date: Date) {
        let offset = LondonTime.timeZone.secondsFromGMT(for: date)
        let seconds = Int((date.timeIntervalSince1970 + Double(offset)).rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        hour = secondOfDay / 3_600
        minute = secondOfDay % 3_600 / 60
        (year, month, day) = Self.civil(fromDays: days)
    }

    init(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        (self.year, self.month, self.day, self.hour, self.minute) = (year, month, day, hour, minute)
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's days-to-civil algorithm).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
