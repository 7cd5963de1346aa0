/// Every template the app renders or includes; start-up fails if one is missing from `Views/`.
enum Templates {
    static let all = core + coproduction + assetMap + firstSteps

    static let core = [
        "layout", "partials/field", "partials/radios", "partials/csrf", "partials/textarea", "partials/select", "partials/checkboxes",
        ErrorPage.template, AccessibilityPage.template, PrivacyPage.template, HomePage.template,
        SignInPage.template, SetupPage.template, SetPasswordPage.template,
        UsersPage.template, NewUserPage.template, UserPage.template,
        AccountPage.template, ChangePasswordPage.template, SessionExpiringPage.template, AuditPage.template, AuditRow.template,
        GroupsPage.template, GroupFormPage.template, GroupPage.template, MembershipFormPage.template,
        TermsIndexPage.template, TermsVersionPage.template, TermsFormPage.template, TermsComparePage.template,
        DecisionsPage.template, DecisionFormPage.template, DecisionPage.template,
        MeetingsPage.template, MeetingFormPage.template, MeetingPage.template, AttendancePage.template, MinutesPage.template,
        ActionsPage.template, ActionFormPage.template, CalendarPage.template,
        PublishedDecisionPage.template, DecisionSearchPage.template, ReviewsDuePage.template,
        ProposalsPage.template, ProposalFormPage.template, ProposalPage.template,
        RoadmapPage.template, DeliverablePage.template, DeliverableFormPage.template,
        RoadmapAnalysisPage.template, RoadmapChangesPage.template, RoadmapImportPage.template, RoadmapPublishingPage.template, PublishedRoadmapPage.template,
        RoadmapGraphPage.template, RoadmapProgressPage.template,
        InvolvementPage.template, ClaimsPage.template, ClaimFormPage.template, ClaimCheckPage.template, ClaimPage.template,
        "claims/warning", "claims/amounts", ApprovalsPage.template, FinancePage.template, FinanceSummaryPage.template,
        EarningsPage.template, PreferencesPage.template,
        "involvement-roles/description", RolesPage.template, RoleStartPage.template, RoleFormPage.template, RolePage.template,
        AppointmentFormPage.template, EndAppointmentPage.template, InterestListPage.template, InterestPage.template,
        OpportunitiesPage.template, OpportunityPage.template, InterestThanksPage.template,
        PaymentPolicyPage.template, PolicyFormPage.template, PolicyCheckPage.template, EarningsLimitsPage.template, ClaimDutiesPage.template,
        AllianceHubPage.template, AlliancePage.template, AllianceSettingsPage.template, PublishedAlliancePage.template, "alliance/details-fields", "alliance-funding/totals",
        NewAllianceMemberPage.template, AllianceMemberPage.template, EditAllianceMemberPage.template, AccountableBodyPage.template,
        OrganisationsPage.template, OrganisationFormPage.template, OrganisationPage.template, "partials/hinted-choices", "organisations/details",
        CommunitiesPage.template, CommunityPage.template,
        FundingPage.template, ReceivedFormPage.template, ReceivedCheckPage.template, AllocationFormPage.template, FundingWithdrawPage.template,
    ]
}
