import Foundation

/// When a person's daily digest may go out (issue 20): once a Europe/London day, never in quiet hours (9pm to 8am
/// London time, whether it is GMT or BST), and only when something is waiting. Items that arrive after the day's
/// digest wait for the next morning's.
public enum DigestSchedule {
    /// London hours in which no digest is sent: from 21:00 until 08:00.
    public static let quietFrom = 21
    public static let quietUntil = 8

    /// "9pm and 8am", for a sentence that says when none is sent.
    public static var quietHoursText: String {
        func clock(_ hour: Int) -> String { "\(hour % 12 == 0 ? 12 : hour % 12)\(hour < 12 ? "am" : "pm")" }
        return "\(clock(quietFrom)) and \(clock(quietUntil))"
    }

    public static func isQuiet(_ now: Date) -> Bool {
        let hour = WallClock(now).hour
        return hour >= quietFrom || hour < quietUntil
    }

    /// Whether a digest is due now, for someone whose last digest went out on `lastDay` (a London `YYYY-MM-DD`).
    public static func isDue(now: Date, lastDay: String?, waiting: Int) -> Bool {
        guard waiting > 0, !isQuiet(now) else { return false }
        return lastDay.map { $0 < LondonTime.isoDay(now) } ?? true
    }
}
