/// The main navigation for a person: what their role lets them reach, nothing more.
enum Navigation {
    static func links(for user: SessionUser?, currentPath: String) -> [NavLink] {
        guard let user else {
            return [NavLink(label: "Sign in", href: Href.signIn(), current: currentPath == Href.signIn())]
        }
        var items: [(String, Path0)] = [
            ("Home", Href.home), ("Groups", Href.groups), ("Decisions", Href.decisionSearch), ("Actions", Href.actions),
            ("Roadmap", Href.roadmap), ("Involvement", Href.involvement), ("Co-production", Href.coproduction),
            ("Alliance", Href.alliances),
        ]
        if Policy.allows(user.role, .manageAccounts) { items.append(("People", Href.users)) }
        if Policy.allows(user.role, .viewAuditLog) { items.append(("Audit log", Href.auditLog)) }
        if Policy.allows(user.role, .viewAuthorization) { items.append(("Who may do what", Href.authorization)) }
        items.append(("Your account", Href.account))
        let inAlliance = isAllianceSection(currentPath)
        return items.map { label, link in
            let href = link()
            let current: Bool
            switch link.route {
            case .alliances: current = inAlliance
            case .coproduction: current = isCoproductionSection(currentPath)
            case .groups: current = !inAlliance && (currentPath == href || currentPath.hasPrefix(href + "/"))
            default:
                current = href == "/" ? currentPath == "/" : (currentPath == href || currentPath.hasPrefix(href + "/"))
            }
            return NavLink(label: label, href: href, current: current)
        }
    }

    /// The co-production pages, with the asset map and the first steps view that the co-production working group keeps.
    static func isCoproductionSection(_ path: String) -> Bool {
        guard let first = path.split(separator: "/").first else { return false }
        return ["coproduction", "assets", "assets.csv", "first-steps"].contains(first)
    }

    /// The alliance's pages hang off its group, and the register of organisations and the communities list belong with them.
    static func isAllianceSection(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        if let first = parts.first, ["alliance", "organisations", "organisations.csv", "communities"].contains(first) {
            return true
        }
        return parts.count >= 3 && parts[0] == "groups" && parts[2] == "alliance"
    }
}
