import Foundation

/// The part of a link after "?": names and values in the order given, each value percent-encoded the way
/// `FormData` decodes it, so a handler reads back exactly what was put in. Names are written as given: they are fixed
/// words in the code. `Href.actions(query: ["person": user.id])` is "/actions?person=7"; an empty query adds no "?".
public struct Query: Sendable, ExpressibleByDictionaryLiteral {
    private var items: [(name: String, value: String)] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, any QueryValue)...) {
        for (name, value) in elements { append(name, value) }
    }

    /// Name-value pairs as typed, for a search carried on to its exports or its next page.
    public init(_ pairs: [(String, String)]) {
        for (name, value) in pairs { append(name, value) }
    }

    public mutating func append(_ name: String, _ value: any QueryValue) {
        items.append((name, value.queryText))
    }

    /// This query with one more name and value at the end.
    public func appending(_ name: String, _ value: any QueryValue) -> Query {
        var copy = self
        copy.append(name, value)
        return copy
    }

    public var isEmpty: Bool { items.isEmpty }

    /// "q=peer%20support&page=2": the inverse of `FormData(urlEncoded:)`.
    public var encoded: String {
        items.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }
}

/// A value in a link's query, as it is written there (already percent-encoded).
public protocol QueryValue: Sendable {
    var queryText: String { get }
}

extension String: QueryValue {
    /// Everything but letters, digits and "-_.~" is percent-encoded, as a browser encodes a form field.
    public var queryText: String {
        addingPercentEncoding(withAllowedCharacters: Self.queryAllowed) ?? ""
    }

    private static let queryAllowed = CharacterSet.alphanumerics.union(["-", "_", ".", "~"])
}

extension Int64: QueryValue { public var queryText: String { String(self) } }
extension Int: QueryValue { public var queryText: String { String(self) } }

/// A local path carried in a `next=` query (where to go after signing in or extending a session): "/" is kept as
/// it is, so the address stays readable; `SignInReturn.safeLocalPath` checks the value when it comes back.
public struct ReturnPath: QueryValue {
    public let path: String

    public init(_ path: String) { self.path = path }

    public var queryText: String {
        path.addingPercentEncoding(withAllowedCharacters: Self.allowed) ?? ""
    }

    private static let allowed = CharacterSet.alphanumerics.union(["-", "_", ".", "/"])
}
