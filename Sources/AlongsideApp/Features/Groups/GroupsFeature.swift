/// Groups: the leaders group, the co-production working group, the VCSE alliance, advisory and task groups, and
/// their members.
enum GroupsFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [GroupsController(services: services)]
    }

    static let templates: [String] = [
        GroupsPage.template, GroupFormPage.template, GroupPage.template, MembershipFormPage.template,
        PublishedGroupsPage.template,
    ]

    static let rules: [Rule] = [.createGroups, .seeGroup, .seeGroupBusiness, .manageGroup, .nameOwnSeatPublicly]
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
    /// Issue 18: only the member decides whether the public page names them as an expert by experience or carer;
    /// nobody, not even the group's managers, decides it for them.
    static let nameOwnSeatPublicly = Rule(
        "nameOwnSeatPublicly",
        permits: "Agree (or not) to be named on a group's public page as an expert by experience or carer",
        holders: Holders(owner: true), record: "their own membership")
}

extension Holders {
    /// The people who manage a group.
    static let groupManagers = Holders(roles: [.administrator, .programmeManager], rolesInAlliance: [.allianceLead])
    /// The people who run a group's business: its managers and its chair, co-chair and secretary.
    static let groupOfficers = groupManagers.adding(Holders(seats: [.chair, .coChair, .secretary]))
}
