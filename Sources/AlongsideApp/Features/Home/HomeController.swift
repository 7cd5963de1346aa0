import Hummingbird

/// "/": signed in, the person's home page (who you are and where you can go); signed out, the public front door.
struct HomeController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.home) { request, context in
            guard let user = context.visit.user else {
                let settings = try await FrontDoorStore(pool: services.pool, clock: services.clock).settings()
                let roadmapPublished = try await RoadmapStore(pool: services.pool, clock: services.clock).isPublished()
                return try await services.pages.render(
                    FrontDoorPage(settings: settings, roadmapPublished: roadmapPublished), request: request,
                    context: context)
            }
            context.visit.servesPersonalPage()
            return try await home(for: user, request: request, context: context)
        }
    }

    func home(for user: SessionUser, request: Request, context: AppRequestContext) async throws -> Response {
        let now = services.clock.now()
        let today = LondonTime.isoDay(now)
        // Worked out once per person per change to the data (a meeting that has started drops off once the
        // data changes or the kept page grows old: `DerivedCache.timeToLive`).
        let key = services.derived.key("home", variant: "\(user.id) \(today)")
        let page = try await services.derived.value(for: key) {
            let meetings = try await CalendarFeedStore(pool: services.pool, clock: services.clock)
                .meetings(forUserID: user.id, today: today, since: now, limit: 3)
            let actions = try await ActionStore(pool: services.pool, clock: services.clock).outstanding(
                ownerUserID: user.id)
            return HomePage(user: user, meetings: meetings, actions: actions, today: today)
        }
        return try await services.pages.render(page, request: request, context: context)
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
        if Policy.allows(user.role, .manageFrontDoor) {
            links.append(
                HomeLink(
                    label: "Public front door", href: Href.frontDoorSettings(),
                    description: "Set the partnership's name and purpose, shown to people who are not signed in."))
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
