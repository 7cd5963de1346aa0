import Foundation
import GRDB
import Hummingbird
import Logging

/// What the features share: the database, the clock, rendering, sessions, password hashing.
/// Made once at start-up; tests make one over a temporary database.
public struct AppServices: Sendable {
    public let configuration: AppConfiguration
    public let pool: DatabasePool
    public let clock: AppClock
    public let pages: PageRenderer
    public let sessions: SessionStore
    public let cookie: SessionCookie
    /// Signed-out visitors' form tokens (CSRF without a session row).
    public let formCookie: FormCookie
    public let hasher: PasswordHasher
    public let throttle: SignInThrottle
    public let accounts: AccountStore
    public let links: AccountLinks
    /// The alliance places an organisation's page lists, answered by the alliance for the register.
    public let organisationMemberships: any OrganisationMembershipSource
    /// What came out of a workshop, answered by co-production for the meeting page.
    let workshopOutputs: any WorkshopOutputsSource
    /// A group's published records and its terms' deputy rule, for the group pages (answered in `App/GroupRecordsFromFeatures`).
    let groupRecords: any GroupRecordsSource
    /// The proposal that decided a decision, answered by proposals for the decision log.
    let decisionProposals: any DecisionProposalSource
    /// Which terms version was adopted by an instant, answered by the decision log for terms of reference.
    let termsAdoptions: any TermsAdoptionSource
    /// Recent held meetings, answered by Meetings for the roadmap's "what changed since" page.
    let recentMeetings: any RecentMeetingsSource
    /// The decisions, action-plan items and meeting actions naming a deliverable (`App/DeliverableRecordsFromFeatures`).
    let deliverableRecords: any DeliverableRecordsSource
    /// Rendered audit rows by event id (events are append-only, so a rendered row never goes stale).
    public let auditRows: FragmentCache<Int64>
    /// What pages work out from the data and render from it, kept until the data changes.
    public let derived: DerivedCache
    /// Sends people the notices features raise, inside the features' own transactions (issue 20).
    public let notifier: Notifier

    /// Opens and migrates the database and loads the templates; fails with a clear message if anything is missing.
    public static func make(_ configuration: AppConfiguration, clock: AppClock = .system) async throws -> AppServices {
        try configuration.checkFolders()
        let pool = try AppDatabase.open(path: configuration.databasePath)
        let (kept, _, repairs) = try await MigrationBackup.migrate(
            databasePath: configuration.databasePath, pool: pool,
            migrator: Migrator(directory: configuration.migrationsDirectory), now: Date())
        if let kept { configuration.logger.notice("Copied the database to \(kept) before applying new migrations.") }
        // Dates a migration repaired or could not repair are said at start-up too, not only by `alongside migrate`.
        for repair in repairs { configuration.logger.warning("\(repair.line)") }
        let views = try await Views(directory: configuration.viewsDirectory, required: AppFeatures.templates)
        let sessions = SessionStore(pool: pool, clock: clock, policy: configuration.sessionPolicy)
        let formCookie = FormCookie(secure: configuration.https, key: try ServerKeys.key(named: "form-token", in: pool))
        let dataVersion = DataVersion()
        dataVersion.watch(pool)
        let derived = DerivedCache(version: dataVersion, clock: clock)
        let notifier = Notifier(
            baseURL: configuration.baseURL, host: configuration.mailHost,
            unsubscribe: UnsubscribeToken(key: try ServerKeys.key(named: "unsubscribe", in: pool)))
        return AppServices(
            configuration: configuration,
            pool: pool,
            clock: clock,
            pages: PageRenderer(
                views: views, sessions: sessions, formCookie: formCookie, clock: clock,
                crisisLines: UrgentHelpStore(pool: pool, clock: clock), derived: derived),
            sessions: sessions,
            cookie: SessionCookie(secure: configuration.https),
            formCookie: formCookie,
            hasher: PasswordHasher(parameters: configuration.passwordParameters),
            throttle: SignInThrottle(pool: pool),
            accounts: AccountStore(pool: pool, clock: clock),
            links: AccountLinks(pool: pool, clock: clock),
            organisationMemberships: AllianceOrganisationMemberships(pool: pool),
            workshopOutputs: CoproductionWorkshopOutputs(pool: pool, clock: clock),
            groupRecords: GroupRecordsFromFeatures(pool: pool, clock: clock),
            decisionProposals: ProposalStore(pool: pool, clock: clock),
            termsAdoptions: DecisionStore(pool: pool, clock: clock),
            recentMeetings: MeetingStore(pool: pool, clock: clock),
            deliverableRecords: DeliverableRecordsFromFeatures(pool: pool, clock: clock),
            auditRows: FragmentCache(),
            derived: derived,
            notifier: notifier
        )
    }

    /// The address to put in front of a path in a link people copy: always the configured base (the public URL, or
    /// this server's own address), never the request's Host header, which whoever sends the request chooses (issue 15).
    func absoluteURL(_ path: String) -> String {
        configuration.baseURL + path
    }
}
