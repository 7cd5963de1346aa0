import Foundation
@testable import AlongsideApp

/// A hostile value with a short label for reports (the value itself may be 20,000 characters or invisible).
struct Hostile: Sendable {
    let label: String
    let value: String
}

/// The values sent in place of each field (issue 15: "no request can crash, stall or mislead Alongside").
enum FuzzPayloads {
    static let scriptTag = "<script>alert(1)</script>"
    static let imageTag = "<img src=x onerror=alert(1)>"

    /// What must never come back unescaped in an HTML page.
    static let markers = [scriptTag, imageTag]

    static let all: [Hostile] = [
        Hostile(label: "Int64.max", value: "9223372036854775807"),
        Hostile(label: "Int64.max+1", value: "9223372036854775808"),
        Hostile(label: "20 digits", value: "99999999999999999999"),
        Hostile(label: "-1", value: "-1"),
        Hostile(label: "Int64.min", value: "-9223372036854775808"),
        Hostile(label: "1e308", value: "1e308"),
        Hostile(label: "NaN", value: "NaN"),
        Hostile(label: "20,000 characters", value: String(repeating: "a", count: 20_000)),
        Hostile(label: "date 2026-+12-31", value: "2026-+12-31"),
        Hostile(label: "date 2026-1-5", value: "2026-1-5"),
        Hostile(label: "date 0000-00-00", value: "0000-00-00"),
        Hostile(label: "date 9999-99-99", value: "9999-99-99"),
        Hostile(label: "date 2026-02-30", value: "2026-02-30"),
        Hostile(label: "date with spaces", value: " 2026-01-05 "),
        Hostile(label: "time 25:99", value: "25:99"),
        Hostile(label: "NUL and ESC", value: "a\u{0}b\u{1b}[31mc\r\n"),
        Hostile(label: "right-to-left mark", value: "\u{202E}fdp.exe\u{200F}"),
        Hostile(label: "script tag", value: scriptTag),
        Hostile(label: "attribute breakout", value: "\"'>" + imageTag),
    ]

    /// The value with that label.
    static func named(_ label: String) -> Hostile { all.first { $0.label == label }! }

    static let numbers = all.filter {
        ["Int64.max", "Int64.max+1", "20 digits", "-1", "Int64.min", "1e308", "NaN"].contains($0.label)
    }
    static let dates = all.filter { $0.label.hasPrefix("date") || $0.label.hasPrefix("time") }
    /// Sent to every field: the overflow that traps, the text no field should take whole, and markup.
    static let core = all.filter { ["Int64.max", "20,000 characters", "attribute breakout"].contains($0.label) }

    /// The hostile values for one field: the core ones, every number for a field that holds a number, every
    /// malformed date for one that holds a date, and `extra` more picked by a generator seeded from `seed`.
    static func forField(_ name: String, value: String, extra: Int, seed: String) -> [Hostile] {
        var chosen = core
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let lowered = name.lowercased()
        if Int(trimmed) != nil
            || ["version", "amount", "pence", "rows", "page", "year", "count", "number", "id", "miles"]
                .contains(where: { lowered.contains($0) })
        {
            chosen += numbers
        }
        if trimmed.range(of: #"^\d{4}-\d{2}-\d{2}$|^\d{2}:\d{2}$"#, options: .regularExpression) != nil
            || ["date", "_on", "day", "month", "from", "until", "since", "time", "starts", "ends", "due"].contains(
                where: { lowered.contains($0) })
        {
            chosen += dates
        }
        let rest = all.filter { candidate in !chosen.contains { $0.label == candidate.label } }
        let picked = Set(rest.sample(extra, seed: seed).map(\.label))
        chosen += rest.filter { picked.contains($0.label) }
        return all.filter { candidate in chosen.contains { $0.label == candidate.label } }
    }

    /// Values for path parameters (`{id}` and the like).
    static let pathValues = [
        "9223372036854775807", "9223372036854775808", "-1", "0", "abc", "1e308", "%00", "%E2%80%AE1",
    ]
}

/// A small deterministic generator (SplitMix64), so a sample of the cross product is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    init(seed: String) {
        // FNV-1a over the text: a stable seed per route and field, whatever order they are met in
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        state = hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

extension Array {
    /// `count` elements picked without repeats by a generator seeded from `seed`, in their original order.
    func sample(_ count: Int, seed: String) -> [Element] {
        guard count < self.count else { return self }
        var generator = SeededGenerator(seed: seed)
        let picked = Set(indices.shuffled(using: &generator).prefix(count))
        return indices.filter(picked.contains).map { self[$0] }
    }
}

/// Plausible values for the blank fields of a form (a new record's form is mostly blank), so that the form as sent
/// is valid and a hostile value in one field is judged on its own, and can be stored, rather than refused along
/// with every empty required field. Guessed from the field's name; a wrong guess only makes a form refuse.
enum FuzzFill {
    static func value(for name: String, today: String) -> String {
        let n = name.lowercased()
        let past = LondonTime.addingDays(-7, to: today) ?? today
        let future = LondonTime.addingDays(14, to: today) ?? today
        if n.contains("email") { return "fuzz@example.org" }
        if n.contains("website") || n.contains("url") { return "https://example.org" }
        if n.contains("phone") { return "01234 567890" }
        if n.contains("postcode") { return "AB1 2CD" }
        if n.contains("time") { return n.contains("end") ? "11:00" : "10:00" }
        if n.contains("ends_on") || n.contains("until") { return LondonTime.addingDays(60, to: today) ?? future }
        if ["heard", "activity", "paid", "checked", "agreed", "since", "on_day", "starts_on", "effective"].contains(
            where: n.contains)
        {
            return past
        }
        if n.hasSuffix("_on") || n.contains("date") || n.contains("due") || n.contains("closes")
            || n.contains("closing")
        {
            return future
        }
        if ["amount", "limit", "pounds", "rate"].contains(where: n.contains) { return "10.00" }
        if ["count", "number", "members", "votes", "present", "total", "miles", "months", "value", "years", "weeks"]
            .contains(where: n.contains)
        {
            return "3"
        }
        return "Fuzz \(name.replacingOccurrences(of: "_", with: " "))"
    }
}
