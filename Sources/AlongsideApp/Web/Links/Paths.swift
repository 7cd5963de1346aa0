import Foundation

/// A value that fills one `{placeholder}` of a path: a record's id, a terms version number or a token.
public protocol PathValue: Sendable {
    /// The value as text, before percent-encoding.
    var pathText: String { get }
    /// The value as one path segment, percent-encoded.
    var pathSegment: String { get }
}

extension Int64: PathValue { public var pathText: String { String(self) } }
extension Int: PathValue { public var pathText: String { String(self) } }
extension String: PathValue { public var pathText: String { self } }

/// A route's typed link builder (`Path0`, `Path1`, `Path2`): how many values its path takes is in its type.
public protocol RoutePath: Sendable {
    var route: Route { get }
    /// How many values a link to this route takes.
    static var arity: Int { get }
}

/// A link to a path with no placeholders: `Href.groups()` is "/groups".
public struct Path0: RoutePath {
    public let route: Route
    public static let arity = 0

    init(_ route: Route) {
        assert(
            route.placeholderCount == Self.arity,
            "\(route.rawValue) takes \(route.placeholderCount) values, not \(Self.arity)")
        self.route = route
    }

    public func callAsFunction(query: Query = Query(), fragment: String? = nil) -> String {
        route.link(filling: [], query: query, fragment: fragment)
    }
}

/// A link to a path with one placeholder: `Href.group(7)` is "/groups/7".
public struct Path1<A: PathValue>: RoutePath {
    public let route: Route
    public static var arity: Int { 1 }

    init(_ route: Route) {
        assert(
            route.placeholderCount == Self.arity,
            "\(route.rawValue) takes \(route.placeholderCount) values, not \(Self.arity)")
        self.route = route
    }

    public func callAsFunction(_ a: A, query: Query = Query(), fragment: String? = nil) -> String {
        route.link(filling: [a], query: query, fragment: fragment)
    }
}

/// A link to a path with two placeholders, given in the order the path names them: `Href.meeting(7, 12)` is
/// "/groups/7/meetings/12".
public struct Path2<A: PathValue, B: PathValue>: RoutePath {
    public let route: Route
    public static var arity: Int { 2 }

    init(_ route: Route) {
        assert(
            route.placeholderCount == Self.arity,
            "\(route.rawValue) takes \(route.placeholderCount) values, not \(Self.arity)")
        self.route = route
    }

    public func callAsFunction(_ a: A, _ b: B, query: Query = Query(), fragment: String? = nil) -> String {
        route.link(filling: [a, b], query: query, fragment: fragment)
    }
}

extension Route {
    /// How many `{placeholder}` segments the path has.
    var placeholderCount: Int {
        rawValue.split(separator: "/").filter { $0.hasPrefix("{") }.count
    }

    /// The path with each `{placeholder}` replaced, in order, by a percent-encoded value ("/" included, so a value
    /// is always one segment), then the query and fragment if there are any. Only the typed builders call this, with
    /// as many values as the path has placeholders.
    fileprivate func link(filling values: [any PathValue], query: Query, fragment: String?) -> String {
        var path = values.isEmpty ? rawValue : filled(values)
        if !query.isEmpty { path += "?" + query.encoded }
        if let fragment { path += "#" + fragment }
        return path
    }

    /// The path with each `{placeholder}` segment replaced by the next value. Links are built on every page, so this
    /// walks the pattern once, with no splitting.
    private func filled(_ values: [any PathValue]) -> String {
        var path = ""
        path.reserveCapacity(rawValue.utf8.count + 8 * values.count)
        var remaining = values.makeIterator()
        var rest = Substring(rawValue)
        while let open = rest.firstIndex(of: "{") {
            path += rest[..<open]
            path += remaining.next()?.pathSegment ?? ""
            let end = rest[open...].firstIndex(of: "/") ?? rest.endIndex
            rest = rest[end...]
        }
        path += rest
        return path
    }

    fileprivate static let segmentAllowed = CharacterSet.urlPathAllowed.subtracting(["/"])
}

extension PathValue {
    /// The value as one path segment: percent-encoded, "/" included.
    public var pathSegment: String {
        pathText.addingPercentEncoding(withAllowedCharacters: Route.segmentAllowed) ?? ""
    }
}

extension Int64 {
    /// Digits need no encoding.
    public var pathSegment: String { String(self) }
}

extension Int {
    /// Digits need no encoding.
    public var pathSegment: String { String(self) }
}
