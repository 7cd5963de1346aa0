/// What someone's account lets them do. Stored in `users.role`.
public enum Role: String, CaseIterable, Codable, Sendable {
    case administrator
    case programmeManager = "programme_manager"
    case allianceLead = "alliance_lead"
    case expertByExperience = "expert_by_experience"
    case member

    public var label: String {
        switch self {
        case .administrator: return "Administrator"
        case .programmeManager: return "Programme manager"
        case .allianceLead: return "Alliance lead"
        case .expertByExperience: return "Expert by experience"
        case .member: return "Member"
        }
    }
}

/// What a route needs; every route states one when it is registered (see `SiteRoutes`), and each names a rule of
/// the authorization policy (`Policy`), so the administrators' table can list the routes each rule opens.
public enum Access: Sendable, Equatable {
    /// Anyone, signed in or not: public pages, sign-in, setup links.
    case everyone
    /// Any signed-in person.
    case signedIn
    /// A signed-in person whose role holds the rule; checked before the handler runs.
    case capability(Rule)
    /// A signed-in person who holds the rule once the facts it needs are loaded: the record the route names (a group,
    /// a claim) or the duties an administrator named them to. Checked by the route's record loader before the handler
    /// (`SiteRoutes.get(_:_:in:checked:_:)`), or by the handler through `Policy.require` once it has loaded them.
    case loaded(Rule)

    /// The policy rule the route declares.
    public var rule: Rule {
        switch self {
        case .everyone: return .everyone
        case .signedIn: return .signedIn
        case .capability(let rule), .loaded(let rule): return rule
        }
    }
}
