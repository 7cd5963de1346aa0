/// A feature's routes: a small stateless controller that adds them (STYLE.md 4).
protocol Controller: Sendable {
    func addRoutes(to routes: inout SiteRoutes)
}

/// A capability as it declares itself, in one place in its own folder (`Features/<Name>/<Name>Feature.swift`): the
/// controllers that add its routes and the templates it renders (issue 16). The app lists features, not their insides.
protocol Feature {
    static func controllers(_ services: AppServices) -> [any Controller]
    /// Template names relative to `Views/`; start-up fails if one is missing.
    static var templates: [String] { get }
    /// The authorization policy's rules this feature declares (`Rule`); the policy's table is assembled from these.
    static var rules: [Rule] { get }
}

extension Feature {
    static var rules: [Rule] { [] }
}

/// Every feature of the app. A new feature adds itself here, once.
enum AppFeatures {
    static let all: [any Feature.Type] = [
        PagesFeature.self, HomeFeature.self, SignInFeature.self, AccountsFeature.self, AccountFeature.self,
        SessionFeature.self, AuditFeature.self, OutboxFeature.self, UrgentHelpFeature.self, FrontDoorFeature.self,
        GroupsFeature.self,
        TermsOfReferenceFeature.self, DecisionsFeature.self,
        MeetingsFeature.self, ProposalsFeature.self, RoadmapFeature.self, PaymentsFeature.self,
        InvolvementRolesFeature.self, AllianceFeature.self, OrganisationsFeature.self, CoproductionFeature.self,
        AssetMapFeature.self, OpenReferralFeature.self, FirstStepsFeature.self, BoardReportFeature.self,
        PersonalDataFeature.self, AuthorizationFeature.self,
    ]

    /// The authorization policy's table: the cross-cutting rules, then each feature's, in the order features are listed.
    static var rules: [Rule] { Rule.crossCutting + all.flatMap { $0.rules } }

    /// Every template the app renders or includes: the shared ones and each feature's.
    static var templates: [String] { Templates.shared + all.flatMap { $0.templates } }
}

/// Every feature's routes.
func controllers(_ services: AppServices) -> [any Controller] {
    AppFeatures.all.flatMap { $0.controllers(services) }
}
