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
        // Worked out once per person per change to the data (a meeting that has started, or a proposal that has
        // closed, drops off once the data changes or the kept page grows old: `DerivedCache.timeToLive`).
        let key = services.derived.key("home", variant: "\(user.id) \(today)")
        let page = try await services.derived.value(for: key) {
            let meetings = try await CalendarFeedStore(pool: services.pool, clock: services.clock)
                .meetings(forUserID: user.id, today: today, since: now, limit: 3)
            let facts = try await HomeFactsReader(services: services).facts(for: user, now: now)
            let appointments = try await InterestStore(pool: services.pool, clock: services.clock)
                .appointments(userID: user.id).filter { ($0.endsOn ?? "9999-12-31") >= today }
            var firstSteps: [FirstStepAssessment]?
            if Policy.allows(user.role, .manageRoadmap) {
                let stepFacts = try await FirstStepsStore(pool: services.pool, clock: services.clock).facts()
                firstSteps = FirstStepsRules.assess(
                    stepFacts, categories: AssetCategory.allCases.map { (key: $0.rawValue, label: $0.label) })
            }
            return HomePage(
                user: user, tasks: HomeAgenda.tasks(facts, today: today, links: HomePage.links(userID: user.id)),
                meetings: meetings, appointments: appointments, firstSteps: firstSteps)
        }
        return try await services.pages.render(page, request: request, context: context)
    }
}
