import Foundation
import Hummingbird

/// Insights heard from communities and staff (issue 7; 003 step 2.4a and b). Anyone signed in records one (experts
/// by experience bring them from their communities); the person who recorded it, or anyone who manages
/// co-production, edits it; those who manage co-production answer it.
struct InsightsController: Controller {
    let services: AppServices

    var stores: CoproductionStores { CoproductionStores(services: services) }

    static let manage = Access.capability(.manageCoproduction)

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.insights, .signedIn, index)
        routes.get(.insightsCSV, .signedIn, csv)
        routes.get(.newInsight, .signedIn, new)
        routes.post(.newInsight, .signedIn, create)
        routes.get(.insight, .signedIn, show)
        routes.get(.editInsight, .loaded(.editInsight), edit)
        routes.post(.editInsight, .loaded(.editInsight), update)
        routes.get(.insightResponse, Self.manage, answerForm)
        routes.post(.insightResponse, Self.manage, answer)
    }

    func insight(_ context: AppRequestContext) async throws -> Insight {
        guard let insight = try await stores.insights.insight(id: try CoproductionStores.id(context)) else {
            throw AppError.notFound
        }
        return insight
    }

    /// What the policy knows of the person and this insight: they own it when they recorded it.
    static func standing(_ insight: Insight, _ signedIn: SignedIn) -> Standing {
        Standing(role: signedIn.user.role, isOwner: insight.recordedBy == signedIn.user.id)
    }

    static func canEdit(_ insight: Insight, _ signedIn: SignedIn) -> Bool {
        Policy.allows(.editInsight, standing(insight, signedIn))
    }

    /// The insight if this person may edit it: 404 when there is none, 403 when it is someone else's.
    func editable(_ context: AppRequestContext, _ signedIn: SignedIn) async throws -> Insight {
        let insight = try await insight(context)
        try Policy.require(.editInsight, Self.standing(insight, signedIn))
        return insight
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = InsightsPage(
            insights: try await stores.insights.all(), filter: InsightFilter(request.queryForm),
            communities: try await stores.communities.all())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func csv(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let document = CoproductionCSV.insights(
            try await stores.insights.all(), communities: try await stores.communities.all(),
            scope: try await stores.scope(for: signedIn.user))
        return .download(document, contentType: "text/csv; charset=utf-8", fileName: "insights-\(stores.today).csv")
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let insight = try await insight(context)
        let page = InsightPage(
            insight: insight, scope: try await stores.scope(for: signedIn.user),
            communities: try await stores.communities.all(),
            deliverables: try await stores.roadmap.deliverables(includeRetired: true),
            planItems: try await stores.plan.all(),
            canEdit: Self.canEdit(insight, signedIn), canAnswer: Policy.allows(signedIn.user.role, .manageCoproduction))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func new(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let choices = try await stores.choices(for: signedIn.user)
        // From a workshop's page (?meeting=ID): heard there, on its day, in its group.
        typealias F = CoproductionForms.InsightField
        var pairs = [(F.heardOn, stores.today)]
        if let meeting = request.queryForm.id(CoproductionForms.FromWorkshopField.meeting),
            let workshop = choices.scope.workshop(meeting)
        {
            let day = min(LondonTime.isoDay(workshop.startsAt), stores.today)
            pairs = [(F.heardOn, day), (F.workshop, String(workshop.id)), (F.group, String(workshop.groupID))]
        }
        let page = InsightFormPage(editing: nil, form: FormData(pairs), choices: choices)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let choices = try await stores.choices(for: signedIn.user)
        var errors = FormErrors()
        guard
            let input = CoproductionForms.insight(context.form, choices: choices, today: stores.today, errors: &errors)
        else {
            let page = InsightFormPage(editing: nil, form: context.form, choices: choices, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        let insight = try await stores.insights.create(input, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "The insight is recorded."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.insight(insight.id))
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let insight = try await editable(context, signedIn)
        let page = InsightFormPage(
            editing: insight, form: CoproductionForms.formData(insight),
            choices: try await stores.choices(for: signedIn.user))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let insight = try await editable(context, signedIn)
        let version = context.form.expectedVersion
        let form = context.form
        let choices = try await stores.choices(for: signedIn.user)
        var errors = FormErrors()
        guard var input = CoproductionForms.insight(form, choices: choices, today: stores.today, errors: &errors) else {
            let page = InsightFormPage(editing: insight, form: form, choices: choices, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        // Links this person was never offered (a group, workshop or decision they cannot see, a retired community or
        // deliverable) are kept rather than silently dropped.
        input.groupID = CoproductionScope.kept(
            input.groupID, was: insight.input.groupID, offered: choices.scope.groupIDs)
        input.meetingID = CoproductionScope.kept(
            input.meetingID, was: insight.input.meetingID, offered: choices.scope.workshopIDs)
        let keeping = [
            "insight_communities": insight.input.communityIDs.filter { id in
                !choices.communities.contains { $0.id == id }
            },
            "insight_deliverables": insight.input.deliverableIDs.filter { id in
                !choices.deliverables.contains { $0.id == id }
            },
            "insight_decisions": insight.input.decisionIDs.filter { !choices.scope.decisionIDs.contains($0) },
        ]
        switch try await stores.insights.update(
            insight.id, input, expectedVersion: version, keeping: keeping, by: signedIn.actor,
            requestID: context.requestID)
        {
        case .saved(let saved):
            try await services.sessions.setFlash(
                Flash(message: "Saved the changes to the insight."), tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.insight(saved.id))
        case .conflict(let current):
            var errors = FormErrors()
            errors.add(
                CoproductionForms.InsightField.heard,
                "Someone else saved this insight while you were editing it. Their version is shown first; yours is kept in the form. Save again to replace theirs with yours"
            )
            let page = InsightFormPage(
                editing: current, form: form.replacing(EditField.version, with: String(current.version)),
                choices: choices,
                errors: errors, conflict: current)
            return try await services.pages.render(page, request: request, context: context, status: .conflict)
        }
    }

    @Sendable func answerForm(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let insight = try await insight(context)
        typealias F = CoproductionForms.ResponseField
        var form = FormData()
        if let response = insight.response {
            form = FormData([(F.outcome, response.outcome.rawValue), (F.answer, response.answer)])
                .replacing(EditField.version, with: String(response.version))
        }
        return try await services.pages.render(
            ResponseFormPage(insight: insight, form: form), request: request, context: context)
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let insight = try await insight(context)
        var errors = FormErrors()
        guard let parsed = CoproductionForms.answer(context.form, errors: &errors) else {
            return try await services.pages.render(
                ResponseFormPage(insight: insight, form: context.form, errors: errors), request: request,
                context: context)
        }
        let (outcome, text) = parsed
        // No version means a first answer (refused if someone has answered meanwhile); a malformed one never matches.
        let expected: Int? = context.form.trimmed(EditField.version).isEmpty ? nil : context.form.expectedVersion
        switch try await stores.insights.respond(
            insight.id, outcome: outcome, answer: text, expectedVersion: expected, by: signedIn.actor,
            requestID: context.requestID)
        {
        case .saved:
            try await services.sessions.setFlash(
                Flash(message: "The answer is saved. It shows on the pages of the communities the insight came from."),
                tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.insight(insight.id))
        case .conflict(let current):
            var errors = FormErrors()
            errors.add(
                CoproductionForms.ResponseField.outcome,
                "Someone else answered this insight while you were writing. Their answer is shown first; yours is kept in the form. Save again to replace theirs with yours"
            )
            let form = context.form.replacing(EditField.version, with: current.map { String($0.version) } ?? "")
            let page = ResponseFormPage(insight: insight, form: form, errors: errors, conflict: current)
            return try await services.pages.render(page, request: request, context: context, status: .conflict)
        }
    }
}
