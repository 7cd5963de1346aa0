/// Groups: the leaders group, the co-production working group, the VCSE alliance, advisory and task groups, and
/// their members.
enum GroupsFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [GroupsController(services: services)]
    }

    static let templates: [String] = [
        GroupsPage.template, GroupFormPage.template, GroupPage.template, MembershipFormPage.template,
    ]
}
