import Foundation

/// How what the asset map keeps is said in Open Referral UK 3.0's words (issue 18). Plain functions, unit-tested.
public enum OpenReferralRules {
    /// The standard's statuses (`schema-service.json`, `status`: active, inactive, defunct, temporarily closed).
    /// A paused asset is "temporarily closed"; a closed one is "defunct" (never published: the directory leaves
    /// closed assets out).
    public static func status(_ status: AssetStatus) -> String {
        switch status {
        case .active: return "active"
        case .paused: return "temporarily closed"
        case .closed: return "defunct"
        }
    }

    /// A website we may publish where the schema wants a URI (`format: uri`, RFC 3986): an http or https address
    /// written only in the characters a URI may hold. Anything else is left out (nil), never sent as "".
    public static func uri(_ text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), text.utf8.count <= 2_000 else { return nil }
        let allowed = Set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%".utf8)
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy(allowed.contains) else { return nil }
        let hex = Set("0123456789ABCDEFabcdef".utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "%") {
            guard index + 2 < bytes.count, hex.contains(bytes[index + 1]), hex.contains(bytes[index + 2]) else {
                return nil
            }
        }
        let afterScheme = text.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        guard afterScheme.count >= 3, !afterScheme[2].isEmpty else { return nil }
        return text
    }

    /// An email address we may publish where the schema wants one (`format: email`), or nil.
    public static func email(_ text: String) -> String? {
        ContactRules.isEmail(text) ? text : nil
    }

    /// Free text, or nil when there is none.
    static func text(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A time as the schema's `date-time` (RFC 3339) with the millisecond accuracy it asks for, in UTC.
    public static func dateTime(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// The languages typed ("English, Polish; BSL"), each once, in the order typed.
    public static func languages(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }
}
