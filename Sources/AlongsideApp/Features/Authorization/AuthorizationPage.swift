import Hummingbird

/// The policy as a table: a row a rule, with who holds it and the routes that declare it.
struct AuthorizationPage: PageModel {
    static let template = "authorization/index"
    let title = "Who may do what"
    let rows: [Row]
    let roles: [RoleRow]

    struct Row: Encodable, Sendable {
        let id: String
        let permits: String
        let record: String?
        let roles: [String]
        let seats: [String]
        let duties: [String]
        let others: [String]
        let limits: [String]
        let routes: [String]
        let hasRoutes: Bool
        /// "1 route", "12 routes".
        let routeCount: String
    }

    /// One role's answers across the rules that the role alone decides.
    struct RoleRow: Encodable, Sendable {
        let role: String
        let rules: [String]
        let hasRules: Bool
    }

    init(rules: [Rule], routes: [RouteBook.Entry]) {
        rows = rules.map { rule in
            let used = routes.filter { $0.access.rule == rule }.map { "\($0.method.rawValue) \($0.route.rawValue)" }
            return Row(
                id: rule.id, permits: rule.permits, record: rule.record,
                roles: Self.roles(rule.holders),
                seats: rule.holders.seats.sorted { $0.rawValue < $1.rawValue }.map(\.label),
                duties: rule.holders.duties.sorted { $0.rawValue < $1.rawValue }.map(\.label),
                others: Self.others(rule.holders), limits: Self.limits(rule.holders), routes: used,
                hasRoutes: !used.isEmpty,
                routeCount: used.count == 1 ? "1 route" : "\(used.count) routes"
            )
        }
        roles = Role.allCases.map { role in
            let held = rules.filter {
                $0.record == nil && !$0.holders.everyone && !$0.holders.signedIn && Policy.allows(role, $0)
            }.map(\.permits)
            return RoleRow(role: role.label, rules: held, hasRules: !held.isEmpty)
        }
    }

    static func roles(_ holders: Holders) -> [String] {
        Role.allCases.compactMap { role in
            if holders.roles.contains(role) { return role.label }
            if holders.rolesInAlliance.contains(role) { return "\(role.label) (for the VCSE alliance only)" }
            return nil
        }
    }

    static func others(_ holders: Holders) -> [String] {
        var lines: [String] = []
        if holders.everyone { lines.append("Anyone, signed in or not") }
        if holders.signedIn { lines.append("Anyone signed in") }
        if holders.members { lines.append("Any current member of the group") }
        if holders.owner { lines.append("The record's owner") }
        if holders.whenPublished { lines.append("Anyone signed in, when it is published") }
        return lines
    }

    static func limits(_ holders: Holders) -> [String] {
        var lines: [String] = []
        if holders.neverOwn { lines.append("Never on their own record") }
        if let state = holders.onlyWhile { lines.append("Only while it is \(state)") }
        return lines
    }
}
