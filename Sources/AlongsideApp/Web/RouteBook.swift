import Hummingbird
import NIOConcurrencyHelpers

/// The routes registered so far, each with its access; shared by reference so a page can list every route once
/// all are registered.
public final class RouteBook: Sendable {
    public struct Entry: Sendable {
        public let method: HTTPRequest.Method
        public let route: Route
        public let access: Access
    }

    private let box = NIOLockedValueBox<[Entry]>([])

    public init() {}

    public var entries: [Entry] { box.withLockedValue { $0 } }

    func add(_ method: HTTPRequest.Method, _ route: Route, _ access: Access) {
        box.withLockedValue { $0.append(Entry(method: method, route: route, access: access)) }
    }
}
