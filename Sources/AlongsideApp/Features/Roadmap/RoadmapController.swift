import Foundation
import Hummingbird

/// The roadmap: the overview, each deliverable, tailoring it (add, edit, retire, links), status and success
/// markers. Analysis, exports and import live in their own controllers.
struct RoadmapController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var store: RoadmapStore { RoadmapStore(pool: services.pool, clock: services.clock) }
    var groups: GroupStore { GroupStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.roadmap, .signedIn, index)
        routes.get(.newDeliverable, .capability(.manageRoadmap), newForm)
        routes.post(.newDeliverable, .capability(.manageRoadmap), create)
        routes.get(.deliverable, .signedIn, show)
        routes.get(.editDeliverable, .capability(.manageRoadmap), editForm)
        routes.post(.editDeliverable, .capability(.manageRoadmap), update)
        routes.post(.deliverableStatus, .loaded(.updateDeliverable), setStatus)
        routes.post(.successMarker, .loaded(.updateDeliverable), setMarker)
        routes.post(.deliverableLinks, .capability(.manageRoadmap), addLink)
        routes.post(.removeDeliverableLink, .capability(.manageRoadmap), removeLink)
        routes.post(.retireDeliverable, .capability(.manageRoadmap), retire)
        routes.post(.restoreDeliverable, .capability(.manageRoadmap), restore)
    }

    /// People and groups a deliverable can belong to, as select options and as the set the form accepts.
    func owners(for signedIn: SignedIn) async throws -> (
        options: [(value: String, label: String)], valid: Set<DeliverableOwner>
    ) {
        let people = try await services.accounts.all().filter(\.isActive).compactMap { user in
            user.id.map { (DeliverableOwner.person($0), user.name) }
        }
        let visible = try await groups.visibleGroups(for: signedIn.user, today: today).map {
            (DeliverableOwner.group($0.group.id), "\($0.group.name) (group)")
        }
        let all = people + visible
        return (all.map { ($0.0.formValue, $0.1) }, Set(all.map(\.0)))
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let query = request.queryForm
        let canManage = Policy.allows(signedIn.user.role, .manageRoadmap)
        let filters = request.uri.query ?? ""
        // The page (its owner list holds the groups this person can see) and, shared by everyone who may manage or
        // not, its tables of deliverables: each worked out once per change to the data (`DerivedCache`).
        let pageKey = services.derived.key("roadmap", variant: "\(signedIn.user.id) \(filters)")
        let tablesKey = services.derived.key("roadmap/sections", variant: "\(canManage) \(filters)")
        let page = try await services.derived.value(for: pageKey) {
            let graph = try await store.graph(cachedIn: services.derived)
            let owners = try await owners(for: signedIn)
            var page = RoadmapPage(
                graph: graph, workstreams: try await store.workstreams(), owners: owners.options, query: query,
                canManage: canManage)
            page.sectionsHTML = try services.derived.value(for: tablesKey) {
                try services.pages.renderFragment(RoadmapSections(page), template: RoadmapSections.template)
            }
            return page
        }
        return try await services.pages.render(page, request: request, context: context)
    }

    func deliverable(_ context: AppRequestContext) async throws -> Deliverable {
        guard let id = context.parameters.get("id", as: Int64.self),
            let deliverable = try await store.deliverable(id: id)
        else { throw AppError.notFound }
        return deliverable
    }

    /// What the policy knows of the person and this deliverable: they own it when it is theirs or their group's.
    func standing(_ deliverable: Deliverable, _ signedIn: SignedIn) async throws -> Standing {
        let memberOf = Set(try await groups.currentSeats(userID: signedIn.user.id, today: today).keys)
        return Standing(
            role: signedIn.user.role, isOwner: deliverable.isOwned(by: signedIn.user.id, memberOf: memberOf))
    }

    func canUpdate(_ deliverable: Deliverable, _ signedIn: SignedIn) async throws -> Bool {
        Policy.allows(.updateDeliverable, try await standing(deliverable, signedIn))
    }

    func requireUpdate(_ deliverable: Deliverable, _ signedIn: SignedIn) async throws {
        try Policy.require(.updateDeliverable, try await standing(deliverable, signedIn))
    }

    /// `records` when the caller has read them already (a refused status change), so they are read once.
    func deliverablePage(
        _ deliverable: Deliverable, _ signedIn: SignedIn, form: FormData = FormData(),
        errors: FormErrors = FormErrors(),
        errorMarkerID: Int64? = nil, records known: [DeliverableRecord]? = nil
    ) async throws -> DeliverablePage {
        let records: [DeliverableRecord]
        if let known {
            records = known
        } else {
            records = try await services.deliverableRecords.records(naming: deliverable.id, for: signedIn.user)
        }
        return DeliverablePage(
            deliverable: deliverable, items: try await store.items(deliverableID: deliverable.id),
            graph: try await store.graph(cachedIn: services.derived),
            history: try await store.history(deliverableID: deliverable.id),
            canManage: Policy.allows(signedIn.user.role, .manageRoadmap),
            canUpdate: try await canUpdate(deliverable, signedIn),
            records: records, form: form, errors: errors, errorMarkerID: errorMarkerID)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = try await deliverablePage(try await deliverable(context), signedIn)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func newForm(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let page = DeliverableFormPage(
            editing: nil, workstreams: try await store.workstreams(), owners: try await owners(for: signedIn).options,
            form: FormData(), errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let workstreams = try await store.workstreams()
        let owners = try await owners(for: signedIn)
        var errors = FormErrors()
        guard
            let input = RoadmapForms.deliverable(
                context.form, workstreams: workstreams, owners: owners.valid, errors: &errors)
        else {
            let page = DeliverableFormPage(
                editing: nil, workstreams: workstreams, owners: owners.options, form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        let created = try await store.create(input, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "Added \"\(created.title)\" to the roadmap."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.deliverable(created.id))
    }

    @Sendable func editForm(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let deliverable = try await deliverable(context)
        guard !deliverable.isRetired else { throw AppError.notFound }
        let page = DeliverableFormPage(
            editing: deliverable, workstreams: try await store.workstreams(),
            owners: try await owners(for: signedIn).options,
            form: DeliverableFormPage.formData(for: deliverable), errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let deliverable = try await deliverable(context)
        guard !deliverable.isRetired else { throw AppError.notFound }
        let workstreams = try await store.workstreams()
        let owners = try await owners(for: signedIn)
        let version = context.form.expectedVersion
        var errors = FormErrors()
        guard
            let input = RoadmapForms.deliverable(
                context.form, workstreams: workstreams, owners: owners.valid, errors: &errors)
        else {
            let page = DeliverableFormPage(
                editing: deliverable, workstreams: workstreams, owners: owners.options, form: context.form,
                errors: errors, version: version)
            return try await services.pages.render(page, request: request, context: context)
        }
        switch try await store.update(
            deliverable.id, input, expectedVersion: version, by: signedIn.actor, requestID: context.requestID)
        {
        case .saved(let saved):
            try await services.sessions.setFlash(
                Flash(message: "Saved \"\(saved.title)\"."), tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.deliverable(saved.id))
        case .conflict(let current):
            errors.add(
                RoadmapForms.DeliverableField.title,
                "Someone else saved this deliverable while you were editing. Their version is shown below; yours is kept in the form. Save again to replace theirs"
            )
            let page = DeliverableFormPage(
                editing: current, workstreams: workstreams, owners: owners.options, form: context.form, errors: errors,
                version: current.version, conflict: current)
            var response = try await services.pages.render(page, request: request, context: context)
            response.status = .conflict
            return response
        }
    }

    @Sendable func setStatus(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let deliverable = try await deliverable(context)
        guard !deliverable.isRetired else { throw AppError.notFound }
        try await requireUpdate(deliverable, signedIn)
        var errors = FormErrors()
        let records = try await services.deliverableRecords.records(naming: deliverable.id, for: signedIn.user)
        let citable = Set(records.filter { $0.kind == .decision }.map(\.id))
        guard
            let change = RoadmapForms.status(
                context.form, current: deliverable.status, citable: citable, errors: &errors)
        else {
            return try await services.pages.render(
                try await deliverablePage(
                    deliverable, signedIn, form: context.form, errors: errors, records: records),
                request: request, context: context)
        }
        let saved = try await store.setStatus(
            deliverable.id, to: change.status, note: change.note, citing: change.decisionID, by: signedIn.actor,
            requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "\"\(saved.title)\" is now \(saved.status.label.lowercased())."),
            tokenHash: signedIn.session.tokenHash)
        // Back to the top of the page, where the notice and the new status under the title are seen together
        // (it used to jump to the history at the bottom, beside "Retire", with the notice out of sight).
        return .seeOther(Href.deliverable(saved.id))
    }

    @Sendable func setMarker(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let deliverable = try await deliverable(context)
        guard !deliverable.isRetired, let markerID = context.parameters.get("markerID", as: Int64.self),
            try await store.items(deliverableID: deliverable.id).contains(where: {
                $0.id == markerID && $0.kind == .successMarker
            })
        else { throw AppError.notFound }
        try await requireUpdate(deliverable, signedIn)
        var errors = FormErrors()
        guard let change = RoadmapForms.marker(context.form, markerID: markerID, errors: &errors) else {
            let page = try await deliverablePage(
                deliverable, signedIn, form: context.form, errors: errors, errorMarkerID: markerID)
            return try await services.pages.render(page, request: request, context: context)
        }
        try await store.setMarker(
            markerID, of: deliverable.id, status: change.status, evidence: change.evidence, by: signedIn.actor,
            requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "Success marker saved: \(change.status.label.lowercased())."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.deliverable(deliverable.id) + "#marker-\(markerID)")
    }

    @Sendable func addLink(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let deliverable = try await deliverable(context)
        guard !deliverable.isRetired else { throw AppError.notFound }
        let graph = try await store.graph(cachedIn: services.derived)
        var errors = FormErrors()
        guard
            let target = RoadmapForms.link(
                context.form, deliverableID: deliverable.id, candidates: Set(graph.deliverables.map(\.id)),
                errors: &errors)
        else {
            return try await services.pages.render(
                try await deliverablePage(deliverable, signedIn, form: context.form, errors: errors), request: request,
                context: context)
        }
        _ = try await store.addLink(deliverable.id, reliesOn: target, by: signedIn.actor, requestID: context.requestID)
        // With the new link it is in a cycle if it already was, or if what it now relies upon relies on it.
        let inCycle =
            graph.index(of: deliverable.id).map { node in
                graph.cycleNumber(of: node) != nil
                    || graph.index(of: target).map { graph.reliesOnTransitively($0).contains(node) } == true
            } ?? false
        let name = graph.deliverables.first { $0.id == target }?.title ?? "it"
        try await services.sessions.setFlash(
            Flash(
                message: "\"\(deliverable.title)\" now relies upon \"\(name)\"."
                    + (inCycle ? " This makes a cycle: they must progress together." : "")),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.deliverable(deliverable.id) + "#relies-upon")
    }

    @Sendable func removeLink(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let deliverable = try await deliverable(context)
        guard let target = context.parameters.get("targetID", as: Int64.self) else { throw AppError.notFound }
        try await store.removeLink(deliverable.id, reliesOn: target, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(Flash(message: "Link removed."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.deliverable(deliverable.id) + "#relies-upon")
    }

    @Sendable func retire(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let deliverable = try await deliverable(context)
        guard !deliverable.isRetired else { throw AppError.notFound }
        var errors = FormErrors()
        typealias F = RoadmapForms.RetireField
        if context.form[F.confirm] != "yes" {
            errors.add(F.confirm, "Tick the box to confirm you want to retire this deliverable")
        }
        errors.checkLength(context.form, F.reason, max: TextLimit.short, label: "The reason")
        guard errors.isEmpty else {
            return try await services.pages.render(
                try await deliverablePage(deliverable, signedIn, form: context.form, errors: errors), request: request,
                context: context)
        }
        _ = try await store.setRetired(
            deliverable.id, true, note: context.form.trimmed(F.reason), by: signedIn.actor, requestID: context.requestID
        )
        try await services.sessions.setFlash(
            Flash(message: "Retired \"\(deliverable.title)\". Its history is kept."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.deliverable(deliverable.id))
    }

    @Sendable func restore(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let deliverable = try await deliverable(context)
        guard deliverable.isRetired else { throw AppError.notFound }
        _ = try await store.setRetired(
            deliverable.id, false, note: "", by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "\"\(deliverable.title)\" is back on the roadmap."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.deliverable(deliverable.id))
    }
}
