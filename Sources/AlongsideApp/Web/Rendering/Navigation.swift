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

    /// The same links for the compact menu on a phone (issue 18), the places this person's role uses most first:
    /// an expert by experience's involvement and claims, an alliance lead's alliance, an administrator's people.
    /// Empty when there are too few links to need a menu.
    static func menu(for user: SessionUser?, currentPath: String) -> [NavLink] {
        let links = links(for: user, currentPath: currentPath)
        guard let user, links.count > 3 else { return [] }
        let first: [Path0]
        switch user.role {
        case .expertByExperience: first = [Href.home, Href.involvement, Href.groups, Href.actions, Href.decisionSearch]
        case .member: first = [Href.home, Href.groups, Href.actions, Href.decisionSearch, Href.involvement]
        case .allianceLead: first = [Href.home, Href.alliances, Href.groups, Href.decisionSearch, Href.actions]
        case .programmeManager: first = [Href.home, Href.groups, Href.decisionSearch, Href.actions, Href.roadmap]
        case .administrator: first = [Href.home, Href.users, Href.groups, Href.decisionSearch, Href.auditLog]
        }
        let order = first.map { $0() }
        let rank = { (link: NavLink) in order.firstIndex(of: link.href) ?? order.count }
        return links.enumerated().sorted { a, b in
            (rank(a.element), a.offset) < (rank(b.element), b.offset)
        }.map(\.element)
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
