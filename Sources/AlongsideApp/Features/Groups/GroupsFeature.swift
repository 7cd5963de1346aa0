/// Groups: the leaders group, the co-production working group, the VCSE alliance, advisory and task groups, and
/// their members.
enum GroupsFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [GroupsController(services: services)]
    }

    static let templates: [String] = [
        GroupsPage.template, GroupFormPage.template, GroupPage.template, MembershipFormPage.template,
    ]

    static let rules: [Rule] = [.createGroups, .seeGroup, .seeGroupBusiness, .manageGroup]
}

/// Who may see and manage a group (issue 3, "Permissions" and "Visibility").
extension Rule {
    /// Which kinds a person may create is the same rule as managing one (`manageGroup`).
    static let createGroups = Rule(
        "createGroups", permits: "Create groups (an alliance lead creates only VCSE alliance groups)",
        holders: Holders(roles: [.administrator, .programmeManager, .allianceLead]))
    /// Programme managers and administrators manage any group; alliance leads manage VCSE alliance groups.
    static let manageGroup = Rule(
        "manageGroup", permits: "Manage a group: its details and members", holders: .groupManagers, record: "the group")
    /// Managers see every group; members see their own; everyone signed in sees published groups. Others get 404.
    static let seeGroup = Rule(
        "seeGroup", permits: "See a group (anyone else is told it does not exist)",
        holders: Holders.groupManagers.adding(Holders(members: true, whenPublished: true)), record: "the group")
    /// A published group's page is open, but its private meetings, terms, decisions and proposals are for its
    /// members and the staff who manage it.
    static let seeGroupBusiness = Rule(
        "seeGroupBusiness", permits: "See a group's private meetings, terms, decisions and proposals",
        holders: Holders.groupManagers.adding(Holders(members: true)), record: "the group")
}

extension Holders {
    /// The people who manage a group.
    static let groupManagers = Holders(roles: [.administrator, .programmeManager], rolesInAlliance: [.allianceLead])
    /// The people who run a group's business: its managers and its chair, co-chair and secretary.
    static let groupOfficers = groupManagers.adding(Holders(seats: [.chair, .coChair, .secretary]))
}
