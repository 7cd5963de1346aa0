import Foundation

/// The words typed into a search box, capped so no search can grow without bound: a thousand words made a thousand
/// SQL terms and a 500 page (issue 15). Words past the caps are ignored rather than refused, so a search never errors.
public struct SearchWords: Sendable, Equatable {
    /// The most words searched for.
    public static let maxWords = 20
    /// The longest word searched for; a longer one is cut to this length.
    public static let maxWordLength = 100
    /// The most characters of the typed text read at all.
    public static let maxText = 500

    /// The words searched for, in the order typed.
    public let words: [String]
    /// True when some of what was typed was ignored, so the page can say so.
    public let wasCapped: Bool

    public init(_ typed: String) {
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        let read = text.prefix(Self.maxText)
        let all = read.split(whereSeparator: \.isWhitespace)
        words = all.prefix(Self.maxWords).map { String($0.prefix(Self.maxWordLength)) }
        wasCapped =
            read.count < text.count || all.count > Self.maxWords || all.contains { $0.count > Self.maxWordLength }
    }

    /// The words searched for, joined by single spaces.
    public var text: String { words.joined(separator: " ") }

    /// A sentence for the page when some words were ignored, or nil.
    public var note: String? {
        wasCapped
            ? "Only the first \(Self.maxWords) words, of up to \(Self.maxWordLength) letters each, were searched for."
            : nil
    }
}

extension FormData {
    /// The search words sent under `name`, capped (see `SearchWords`).
    public func searchWords(_ name: String) -> SearchWords { SearchWords(self[name]) }
}
