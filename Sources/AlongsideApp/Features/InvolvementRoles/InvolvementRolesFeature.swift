/// Involvement roles, adverts, expressions of interest and appointments (003 Appendix 1).
enum InvolvementRolesFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [
            RolesController(services: services), InterestController(services: services),
            OpportunitiesController(services: services), HeldRoleController(services: services),
        ]
    }

    static let templates: [String] = [
        RolesPage.template, RoleStartPage.template, RoleFormPage.template, RolePage.template,
        AppointmentFormPage.template, EndAppointmentPage.template, InterestListPage.template, InterestPage.template,
        OpportunitiesPage.template, OpportunityPage.template, InterestThanksPage.template,
        "involvement-roles/description", HeldRolePage.template,
    ]

    static let rules: [Rule] = [.manageInvolvementRoles]
}

extension Rule {
    /// 003 Appendix 1.
    static let manageInvolvementRoles = Rule(
        "manageInvolvementRoles",
        permits: "Write involvement role descriptions, publish adverts, handle expressions of interest and appoint",
        holders: Holders(roles: [.administrator, .programmeManager]))
}
