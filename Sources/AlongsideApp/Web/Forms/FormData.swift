import Foundation

/// A submitted `application/x-www-form-urlencoded` body. Values are kept as typed (no trimming) so a
/// form shown again after an error holds exactly what the person entered.
public struct FormData: Sendable, Equatable {
    public private(set) var values: [String: [String]] = [:]

    public init() {}

    public init(_ pairs: [(String, String)]) {
        for (name, value) in pairs { values[name, default: []].append(value) }
    }

    public init(urlEncoded body: String) {
        var pairs: [(String, String)] = []
        for part in body.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            pairs.append((name, value))
        }
        self.init(pairs)
    }

    /// Name-value pairs as a query string ("q=peer%20support&page=2"), the inverse of `init(urlEncoded:)`: for links
    /// that carry a search on to its exports or its next page.
    static func queryString(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", "_", ".", "~"])) ?? "")" }
            .joined(separator: "&")
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The first value for `name`, or "" when it was not sent.
    public subscript(_ name: String) -> String { values[name]?.first ?? "" }

    /// The first value with surrounding spaces removed: what most fields are validated and saved as.
    public func trimmed(_ name: String) -> String {
        self[name].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The same form with one field's value replaced.
    public func replacing(_ name: String, with value: String) -> FormData {
        var copy = self
        copy.values[name] = [value]
        return copy
    }
}
