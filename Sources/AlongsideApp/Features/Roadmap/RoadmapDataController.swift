import Foundation
import GRDB
import Hummingbird

/// The roadmap's analysis, "what changed since", data in and out, and publishing.
struct RoadmapDataController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var store: RoadmapStore { RoadmapStore(pool: services.pool, clock: services.clock) }
    var groups: GroupStore { GroupStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.roadmapAnalysis, .signedIn, analysis)
        routes.get(.roadmapChanges, .signedIn, changes)
        routes.get(.roadmapGraph, .signedIn, graphPage)
        routes.get(.roadmapProgress, .signedIn, progress)
        routes.get(.roadmapJSON, .signedIn, json)
        routes.get(.roadmapAnalysisJSON, .signedIn, analysisJSON)
        routes.get(.roadmapDeliverablesCSV, .signedIn, deliverablesCSV)
        routes.get(.roadmapLinksCSV, .signedIn, linksCSV)
        routes.get(.roadmapImport, .capability(.manageRoadmap), importForm)
        routes.post(.roadmapImport, .capability(.manageRoadmap), importRoadmap)
        routes.get(.roadmapPublishing, .capability(.manageRoadmap), publishingForm)
        routes.post(.roadmapPublishing, .capability(.manageRoadmap), setPublishing)
        routes.get(.roadmapFocusAreas, .capability(.manageRoadmap), focusAreasForm)
        routes.post(.roadmapFocusAreas, .capability(.manageRoadmap), setFocusAreas)
        routes.get(.publishedRoadmap, published)
    }

    @Sendable func analysis(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let query = request.queryForm
        let page = RoadmapAnalysisPage(
            graph: try await store.graph(cachedIn: services.derived),
            suggested: try await store.suggestedOrder(cachedIn: services.derived),
            showAll: query[RoadmapForms.AnalysisField.all] == "yes")
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func graphPage(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let query = request.queryForm
        let page = RoadmapGraphPage(
            graph: try await store.graph(cachedIn: services.derived),
            suggested: try await store.suggestedOrder(cachedIn: services.derived),
            workstreams: try await store.workstreams(),
            query: query)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func progress(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let page = RoadmapProgressPage(histories: try await store.histories(), now: services.clock.now())
        return try await services.pages.render(page, request: request, context: context)
    }

    /// Held meetings of the groups the person can see, latest first: quick choices for "since".
    func recentMeetings(for signedIn: SignedIn) async throws -> [(name: String, day: String)] {
        let visible = try await groups.visibleGroups(for: signedIn.user, today: today).map(\.group)
        let names = Dictionary(visible.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return try await services.recentMeetings.recentMeetings(
            groupIDs: visible.map(\.id), before: services.clock.now(), limit: 4
        )
        .map { (name: names[$0.groupID] ?? "", day: LondonTime.isoDay($0.startsAt)) }
    }

    @Sendable func changes(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let query = request.queryForm
        let meetings = try await recentMeetings(for: signedIn)
        typealias F = RoadmapForms.ChangesField
        let given = query.trimmed(F.since)
        let day = given.isEmpty ? (meetings.first?.day ?? LondonTime.addingDays(-30, to: today) ?? today) : given
        var errors = FormErrors()
        guard let start = LondonTime.startOfDay(day) else {
            errors.add(F.since, "Enter the date as a real date, like 2026-09-01")
            let page = RoadmapChangesPage(since: given, changes: nil, meetings: meetings, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        let page = RoadmapChangesPage(
            since: day, changes: try await store.changes(since: start), meetings: meetings, errors: errors)
        return try await services.pages.render(page, request: request, context: context)
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    @Sendable func json(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let body = String(
            decoding: try Self.encoder().encode(
                RoadmapDocument(graph: try await store.graph(cachedIn: services.derived))), as: UTF8.self)
        return .download(body, contentType: "application/json; charset=utf-8", fileName: "roadmap-\(today).json")
    }

    @Sendable func analysisJSON(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let body = String(
            decoding: try Self.encoder().encode(
                RoadmapAnalysisDocument(
                    graph: try await store.graph(cachedIn: services.derived),
                    suggested: try await store.suggestedOrder(cachedIn: services.derived))), as: UTF8.self)
        return .download(
            body, contentType: "application/json; charset=utf-8", fileName: "roadmap-analysis-\(today).json")
    }

    @Sendable func deliverablesCSV(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        .download(
            RoadmapCSV.deliverables(try await store.graph(cachedIn: services.derived)),
            contentType: "text/csv; charset=utf-8",
            fileName: "roadmap-deliverables-\(today).csv")
    }

    @Sendable func linksCSV(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        .download(
            RoadmapCSV.links(try await store.graph(cachedIn: services.derived)), contentType: "text/csv; charset=utf-8",
            fileName: "roadmap-links-\(today).csv")
    }

    @Sendable func importForm(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        try await services.pages.render(RoadmapImportPage(text: "", problems: []), request: request, context: context)
    }

    @Sendable func importRoadmap(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let text = context.form[RoadmapForms.ImportField.roadmap]
        let workstreams = try await store.workstreams()
        let live = try await store.deliverables()
        let people = try await services.accounts.all().compactMap(\.id)
        let groupIDs = try await groups.visibleGroups(for: signedIn.user, today: today).map(\.group.id)
        let known = RoadmapImport.Known(
            deliverables: Set(live.map(\.id)), workstreams: Set(workstreams.map(\.key)), people: Set(people),
            groups: Set(groupIDs))
        let checked = RoadmapImport.parse(text).flatMap { RoadmapImport.validate($0, known: known) }
        switch checked {
        case .failure(let problems):
            return try await services.pages.render(
                RoadmapImportPage(text: text, problems: problems.list), request: request, context: context)
        case .success(let plan):
            let report = try await store.apply(plan, by: signedIn.actor, requestID: context.requestID)
            try await services.sessions.setFlash(Flash(message: report.summary), tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.roadmap())
        }
    }

    @Sendable func publishingForm(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let published = try await store.isPublished()
        let page = RoadmapPublishingPage(
            form: FormData([(RoadmapForms.PublishingField.published, published ? "yes" : "no")]), errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func setPublishing(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        typealias F = RoadmapForms.PublishingField
        let choice = context.form[F.published]
        guard choice == "yes" || choice == "no" else {
            var errors = FormErrors()
            errors.add(F.published, "Select whether to publish roadmap progress")
            return try await services.pages.render(
                RoadmapPublishingPage(form: context.form, errors: errors), request: request, context: context)
        }
        try await store.setPublished(choice == "yes", by: signedIn.actor, requestID: context.requestID)
        let message =
            choice == "yes"
            ? "Roadmap progress is published at \(Href.publishedRoadmap())."
            : "Roadmap progress is no longer published."
        try await services.sessions.setFlash(Flash(message: message), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.roadmap())
    }

    @Sendable func focusAreasForm(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let workstreams = try await store.workstreams()
        let form = FormData(
            workstreams.filter { FocusAreas.keys.contains($0.key) && $0.started }.map {
                (RoadmapForms.FocusField.started, $0.key)
            })
        return try await services.pages.render(
            RoadmapFocusAreasPage(workstreams: workstreams, form: form, errors: FormErrors()), request: request,
            context: context)
    }

    @Sendable func setFocusAreas(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let workstreams = try await store.workstreams()
        var errors = FormErrors()
        guard
            let started = FocusAreas.started(
                context.form.all(RoadmapForms.FocusField.started), among: workstreams, errors: &errors)
        else {
            return try await services.pages.render(
                RoadmapFocusAreasPage(workstreams: workstreams, form: context.form, errors: errors), request: request,
                context: context)
        }
        try await store.setStartedFocusAreas(started, by: signedIn.actor, requestID: context.requestID)
        let left = workstreams.filter { FocusAreas.keys.contains($0.key) && !started.contains($0.key) }.map(\.name)
        let message =
            left.isEmpty
            ? "Every focus area is started and counted."
            : "\(left.joined(separator: " and ")) is left out of the counts and analysis until it is started."
        try await services.sessions.setFlash(Flash(message: message), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.roadmap())
    }

    @Sendable func published(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard try await store.isPublished() else { throw AppError.notFound }
        let page = PublishedRoadmapPage(
            graph: try await store.graph(cachedIn: services.derived), workstreams: try await store.workstreams())
        return try await services.pages.render(page, request: request, context: context)
    }
}
