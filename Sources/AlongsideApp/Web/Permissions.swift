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

/// Something a route can require beyond being signed in.
public enum Capability: String, CaseIterable, Sendable {
    case manageAccounts
    case viewAuditLog
    /// Creating groups; which kinds depends on the role (see `GroupAccess`).
    case createGroups
    /// Tailoring the roadmap: adding, editing, retiring and linking deliverables, importing, publishing.
    case manageRoadmap
    /// Writing involvement role descriptions, publishing adverts, handling expressions of interest and appointing (003 Appendix 1).
    case manageInvolvementRoles
    /// The payment policy, the earnings limits and who approves claims or records payments.
    case managePaymentPolicy
    /// The register of organisations and the workspace's list of communities (issue 6).
    case manageOrganisations
    /// The co-production action plan, answering insights ("you said, we did") and publishing a community's answers (issue 7).
    case manageCoproduction
    /// The community asset map: assets, needs, localities, imports and the review of stale entries (issue 7).
    case manageAssets
}

/// Which roles hold which capabilities. Deny by default: a capability no role lists is held by nobody.
public enum Permissions {
    static let table: [Capability: Set<Role>] = [
        .manageAccounts: [.administrator],
        .viewAuditLog: [.administrator],
        .createGroups: [.administrator, .programmeManager, .allianceLead],
        .manageRoadmap: [.administrator, .programmeManager],
        .manageInvolvementRoles: [.administrator, .programmeManager],
        .managePaymentPolicy: [.administrator],
        .manageOrganisations: [.administrator, .programmeManager, .allianceLead],
        // Experts by experience co-produce the plan and answer their communities as equal partners (003 step 2).
        .manageCoproduction: [.administrator, .programmeManager, .expertByExperience],
        .manageAssets: [.administrator, .programmeManager, .allianceLead, .expertByExperience],
    ]

    public static func allows(_ role: Role, _ capability: Capability) -> Bool {
        table[capability]?.contains(role) ?? false
    }
}

/// What a route needs; every route states one when it is registered (see `SiteRoutes`).
public enum Access: Sendable, Equatable {
    /// Anyone, signed in or not: public pages, sign-in, setup links.
    case everyone
    /// Any signed-in person.
    case signedIn
    /// A signed-in person whose role holds the capability.
    case capability(Capability)
}
