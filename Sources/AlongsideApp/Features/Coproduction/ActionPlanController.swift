import Foundation
import Hummingbird

/// The co-production action plan (issue 7; 003 step 2.4). Anyone signed in reads it; administrators, programme
/// managers and experts by experience add and edit items.
struct ActionPlanController: Controller {
    let services: AppServices

    var stores: CoproductionStores { CoproductionStores(services: services) }

    static let manage = Access.capability(.manageCoproduction)

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.actionPlan, .signedIn, index)
        routes.get(.actionPlanCSV, .signedIn, csv)
        routes.get(.newPlanItem, Self.manage, new)
        routes.post(.newPlanItem, Self.manage, create)
        routes.get(.planItem, .signedIn, show)
        routes.get(.editPlanItem, Self.manage, edit)
        routes.post(.editPlanItem, Self.manage, update)
    }

    func item(_ context: AppRequestContext) async throws -> PlanItem {
        guard let item = try await stores.plan.item(id: try CoproductionStores.id(context)) else {
            throw AppError.notFound
        }
        return item
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = ActionPlanPage(
            items: try await stores.plan.all(),
            status: PlanStatus(rawValue: request.queryForm[ActionPlanPage.FilterField.status]),
            canManage: Policy.allows(signedIn.user.role, .manageCoproduction))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func csv(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let document = CoproductionCSV.plan(
            ActionPlanPage.ordered(try await stores.plan.all()), scope: try await stores.scope(for: signedIn.user),
            deliverables: try await stores.roadmap.deliverables(includeRetired: true))
        return .download(document, contentType: "text/csv; charset=utf-8", fileName: "action-plan-\(stores.today).csv")
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let item = try await item(context)
        let page = PlanItemPage(
            item: item, scope: try await stores.scope(for: signedIn.user),
            deliverables: try await stores.roadmap.deliverables(includeRetired: true),
            insights: try await stores.insights.insights(informingPlanItem: item.id),
            canManage: Policy.allows(signedIn.user.role, .manageCoproduction))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func new(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let choices = try await stores.choices(for: signedIn.user)
        // From a workshop's page: the item starts linked to it, and to its group.
        typealias F = CoproductionForms.PlanItemField
        var pairs = [(F.status, PlanStatus.notStarted.rawValue)]
        if let meeting = request.queryForm.id(CoproductionForms.FromWorkshopField.meeting),
            let workshop = choices.scope.workshop(meeting)
        {
            pairs += [(F.workshop, String(workshop.id)), (F.group, String(workshop.groupID))]
        }
        let page = PlanItemFormPage(editing: nil, form: FormData(pairs), choices: choices)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let choices = try await stores.choices(for: signedIn.user)
        var errors = FormErrors()
        guard let input = CoproductionForms.planItem(context.form, choices: choices, errors: &errors) else {
            let page = PlanItemFormPage(editing: nil, form: context.form, choices: choices, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        let item = try await stores.plan.create(input, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "\"\(item.what)\" is on the action plan."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.planItem(item.id))
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let item = try await item(context)
        let page = PlanItemFormPage(
            editing: item, form: CoproductionForms.formData(item), choices: try await stores.choices(for: signedIn.user)
        )
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let item = try await item(context)
        let version = context.form.expectedVersion
        let form = context.form
        let choices = try await stores.choices(for: signedIn.user)
        var errors = FormErrors()
        guard var input = CoproductionForms.planItem(form, choices: choices, errors: &errors) else {
            let page = PlanItemFormPage(editing: item, form: form, choices: choices, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        // A group or workshop this person cannot see was not offered to them, so it is kept rather than dropped.
        input.groupID = CoproductionScope.kept(input.groupID, was: item.input.groupID, offered: choices.scope.groupIDs)
        input.meetingID = CoproductionScope.kept(
            input.meetingID, was: item.input.meetingID, offered: choices.scope.workshopIDs)
        switch try await stores.plan.update(
            item.id, input, expectedVersion: version, by: signedIn.actor, requestID: context.requestID)
        {
        case .saved(let saved):
            try await services.sessions.setFlash(
                Flash(message: "Saved the changes to \"\(saved.what)\"."), tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.planItem(saved.id))
        case .conflict(let current):
            var errors = FormErrors()
            errors.add(
                CoproductionForms.PlanItemField.what,
                "Someone else saved this item while you were editing it. Their version is shown first; yours is kept in the form. Save again to replace theirs with yours"
            )
            // The form keeps what this person typed, and now carries the current version so saving again replaces it.
            let page = PlanItemFormPage(
                editing: current, form: form.replacing(EditField.version, with: String(current.version)),
                choices: choices, errors: errors, conflict: current)
            return try await services.pages.render(page, request: request, context: context, status: .conflict)
        }
    }
}
