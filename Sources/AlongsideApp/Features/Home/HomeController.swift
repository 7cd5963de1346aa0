import Hummingbird

/// The signed-in home page: who you are and where you can go.
struct HomeController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.home, .signedIn) { request, context, signedIn in
            let now = services.clock.now()
            let today = LondonTime.isoDay(now)
            // Worked out once per person per change to the data (a meeting that has started drops off once the
            // data changes or the kept page grows old: `DerivedCache.timeToLive`).
            let key = services.derived.key("home", variant: "\(signedIn.user.id) \(today)")
            let page = try await services.derived.value(for: key) {
                let meetings = try await CalendarFeedStore(pool: services.pool, clock: services.clock)
                    .meetings(forUserID: signedIn.user.id, today: today, since: now, limit: 3)
                let actions = try await ActionStore(pool: services.pool, clock: services.clock).outstanding(
                    ownerUserID: signedIn.user.id)
                return HomePage(user: signedIn.user, meetings: meetings, actions: actions, today: today)
            }
            return try await services.pages.render(page, request: request, context: context)
        }
    }
}

struct HomePage: PageModel {
    static let template = "home/index"
    let title = "Home"
    let name: String
    let roleLabel: String
    let links: [HomeLink]
    let meetings: [MeetingLink]
    let hasMeetings: Bool
    let actionsSummary: String?
    let myActionsHref: String

    struct MeetingLink: Encodable, Sendable {
        let label: String
        let href: String
        let isCancelled: Bool
    }

    struct HomeLink: Encodable, Sendable {
        let label: String
        let href: String
        let description: String
    }

    init(user: SessionUser, meetings: [(Meeting, String)], actions: [ActionItem], today: String) {
        self.meetings = meetings.map { meeting, group in
            MeetingLink(
                label: "\(meeting.when): \(group)", href: Href.meeting(meeting.groupID, meeting.id),
                isCancelled: meeting.status == .cancelled)
        }
        hasMeetings = !self.meetings.isEmpty
        let overdue = actions.filter { $0.isOverdue(today: today) }.count
        actionsSummary =
            actions.isEmpty
            ? nil
            : "You have \(actions.count) action\(actions.count == 1 ? "" : "s") to do"
                + (overdue > 0 ? ", \(overdue) overdue." : ".")
        myActionsHref = Href.actions(query: ["person": user.id])
        name = user.name
        roleLabel = user.role.label
        var links: [HomeLink] = [
            HomeLink(
                label: "Groups", href: Href.groups(),
                description: "Your leaders group, working groups and alliance: who is at the table and what is missing."
            )
        ]
        if Policy.allows(user.role, .manageAccounts) {
            links.append(
                HomeLink(
                    label: "People", href: Href.users(),
                    description: "Create accounts, give people their sign-in links, and deactivate accounts."))
        }
        if Policy.allows(user.role, .viewAuditLog) {
            links.append(
                HomeLink(
                    label: "Audit log", href: Href.auditLog(), description: "See every change made, by whom and when."))
        }
        if Policy.allows(user.role, .manageUrgentHelp) {
            links.append(
                HomeLink(
                    label: "Urgent help", href: Href.urgentHelpSettings(),
                    description: "Add the partnership's own crisis line to the urgent help every public page shows."))
        }
        // Anyone signed in may read first steps (issue 18: it was reachable only through the co-production hub).
        links.append(
            HomeLink(
                label: "First steps", href: Href.firstSteps(),
                description: "How far the partnership has come with the first steps of the transformation."))
        links.append(
            HomeLink(
                label: "Your account", href: Href.account(),
                description: "Change your password, or sign out of all your devices."))
        self.links = links
    }
}
