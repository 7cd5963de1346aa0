import Foundation

/// Email addresses and phone numbers as people type them (an expression of interest, an organisation's contact, an
/// asset's): plausible shapes, never a promise that they reach anyone.
public enum ContactRules {
    public static let maxEmailLength = 254
    public static let maxPhoneLength = 30

    /// A plausible email address: something, one "@", a domain with a dot; no spaces. Real checking is replying to it.
    public static func isEmail(_ text: String) -> Bool {
        guard text.count <= maxEmailLength, !text.contains(where: { $0.isWhitespace }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }

    /// A phone number: digits with spaces, brackets, dots or dashes, perhaps a leading "+"; 10 to 15 digits
    /// (a UK number has 11 starting 0, or +44 and 10 more).
    public static func isPhone(_ text: String) -> Bool {
        guard text.count <= maxPhoneLength else { return false }
        let body = text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard body.allSatisfy({ $0.isASCII && ($0.isNumber || " ()-.".contains($0)) }) else { return false }
        let digits = body.filter(\.isNumber).count
        return (10...15).contains(digits)
    }
}
