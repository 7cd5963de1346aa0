import Foundation

/// Money is whole pence everywhere: stored, added and compared as integers, and only turned into pounds to show
/// it ("£1,234.50") or to put it in a spreadsheet ("1234.50"). Nothing is ever held as a floating-point amount.
///
/// Rounding happens in one place only: mileage, which is miles (to a tenth of a mile) times a rate in pence,
/// rounded to the nearest penny with a half penny rounding up (see `Money.mileage`). Every other amount is
/// entered or set in whole pence, and every total is the plain sum of its parts.
public enum Money {
    /// "£1,234.50"; "£0.00" for nothing.
    public static func format(_ pence: Int) -> String {
        (pence < 0 ? "-£" : "£") + pounds(abs(pence), grouped: true)
    }

    /// "1234.50": for CSV files, where spreadsheets read it as a number.
    public static func plain(_ pence: Int) -> String {
        (pence < 0 ? "-" : "") + pounds(abs(pence), grouped: false)
    }

    private static func pounds(_ pence: Int, grouped: Bool) -> String {
        var whole = String(pence / 100)
        if grouped {
            var groups: [Substring] = []
            var rest = Substring(whole)
            while rest.count > 3 {
                groups.insert(rest.suffix(3), at: 0)
                rest = rest.dropLast(3)
            }
            groups.insert(rest, at: 0)
            whole = groups.joined(separator: ",")
        }
        let part = pence % 100
        return whole + "." + (part < 10 ? "0" : "") + String(part)
    }

    public enum ParseProblem: Error, Equatable {
        case empty, notAnAmount, tooManyPence, negative
    }

    /// Reads an amount in pounds as people type it: "12", "12.5", "12.50", "£12.50", "1,234.50".
    public static func parse(_ text: String) -> Result<Int, ParseProblem> {
        var cleaned = text.trimmingCharacters(in: .whitespaces)
        guard !cleaned.isEmpty else { return .failure(.empty) }
        if cleaned.hasPrefix("-") { return .failure(.negative) }
        if cleaned.hasPrefix("£") { cleaned.removeFirst() }
        cleaned = cleaned.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty || parts.count == 2,
            whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber), whole.count <= 9
        else { return .failure(.notAnAmount) }
        var pence = (Int(whole) ?? 0) * 100
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCII), fraction.allSatisfy(\.isNumber) else {
                return .failure(.notAnAmount)
            }
            guard fraction.count <= 2 else { return .failure(.tooManyPence) }
            pence += Int(fraction.count == 1 ? fraction + "0" : fraction)!
        }
        return .success(pence)
    }

    /// Miles (to a tenth) at a rate in pence per mile, rounded to the nearest penny, a half penny rounding up.
    public static func mileage(tenthsOfAMile: Int, pencePerMile: Int) -> Int {
        (tenthsOfAMile * pencePerMile + 5) / 10
    }

    /// Reads a distance in miles to a tenth ("12", "12.5") as tenths of a mile; nil when it is not one.
    public static func tenthsOfAMile(_ text: String) -> Int? {
        let cleaned = text.trimmingCharacters(in: .whitespaces)
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 5,
            whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        var tenths = Int(whole)! * 10
        if parts.count == 2 {
            guard parts[1].count == 1, let digit = Int(parts[1]) else { return nil }
            tenths += digit
        }
        return tenths
    }

    /// "12.5 miles" from tenths.
    public static func miles(_ tenths: Int) -> String {
        let text = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
        return text + (tenths == 10 ? " mile" : " miles")
    }

    /// "7 hours 30 minutes", "4 hours", "45 minutes", "0 hours".
    public static func duration(minutes: Int) -> String {
        if minutes == 0 { return "0 hours" }
        let hours = minutes / 60, rest = minutes % 60
        var parts: [String] = []
        if hours > 0 { parts.append("\(hours) hour\(hours == 1 ? "" : "s")") }
        if rest > 0 { parts.append("\(rest) minute\(rest == 1 ? "" : "s")") }
        return parts.joined(separator: " ")
    }
}
