import Foundation
import HTTPTypes
import Hummingbird
@testable import AlongsideApp

/// The routes the router serves, read from the same table the app registers (so a new route is fuzzed without
/// editing the tests), with a matcher from a concrete path back to its route.
struct FuzzRouteTable: Sendable {
    struct Entry: Sendable, Hashable {
        let method: String
        let route: Route

        var segments: [Substring] { route.rawValue.split(separator: "/", omittingEmptySubsequences: false) }
        var hasParameters: Bool { route.rawValue.contains("{") }
        var literalCount: Int { segments.filter { !$0.hasPrefix("{") }.count }
        var description: String { "\(method) \(route.rawValue)" }
    }

    let entries: [Entry]

    init(services: AppServices) {
        var routes = SiteRoutes(router: .init(context: AppRequestContext.self))
        for controller in controllers(services) { controller.addRoutes(to: &routes) }
        entries = routes.declared.map { Entry(method: $0.method.rawValue.uppercased(), route: $0.route) }
    }

    func entries(_ method: String) -> [Entry] { entries.filter { $0.method == method } }

    /// The declared route a concrete path (query and fragment ignored) reaches with `method`: the one with the
    /// most literal segments, as the router prefers constants to parameters.
    func match(_ method: String, _ target: String) -> Entry? {
        let path = Self.pathOnly(target)
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return entries.filter { entry in
            guard entry.method == method else { return false }
            let segments = entry.segments
            guard segments.count == parts.count else { return false }
            return zip(segments, parts).allSatisfy { pattern, part in
                pattern.hasPrefix("{") ? !part.isEmpty : pattern == part
            }
        }.max { $0.literalCount < $1.literalCount }
    }

    static func pathOnly(_ target: String) -> String {
        String(
            target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
    }

    /// `route`'s path with every parameter replaced by `value`.
    static func fill(_ route: Route, with value: String) -> String {
        route.rawValue.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("{") ? value : String($0) }.joined(separator: "/")
    }

    /// `concrete` (a real path for `route`) with only parameter number `index` replaced by `value`.
    static func replaceParameter(_ index: Int, of route: Route, in concrete: String, with value: String) -> String {
        let pattern = route.rawValue.split(separator: "/", omittingEmptySubsequences: false)
        var parts = pathOnly(concrete).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let positions = pattern.indices.filter { pattern[$0].hasPrefix("{") }
        guard index < positions.count, positions[index] < parts.count else { return concrete }
        parts[positions[index]] = value
        return parts.joined(separator: "/")
    }

    static func parameterCount(_ route: Route) -> Int { route.rawValue.filter { $0 == "{" }.count }
}
