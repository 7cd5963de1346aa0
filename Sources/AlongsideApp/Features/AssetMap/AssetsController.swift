import Foundation
import Hummingbird

/// The community asset map (issue 7): anyone signed in reads it and downloads it; people who keep the map
/// (`manageAssets`) add, edit and mark entries checked.
struct AssetsController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var store: AssetStore { AssetStore(pool: services.pool, clock: services.clock) }
    var localities: LocalityStore { LocalityStore(pool: services.pool, clock: services.clock) }
    var needs: NeedStore { NeedStore(pool: services.pool, clock: services.clock) }

    static let manage = Access.capability(.manageAssets)

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.assets, .signedIn, index)
        routes.get(.assetsCSV, .signedIn, csv)
        routes.get(.assetsOpenReferral, .signedIn, openReferral)
        routes.get(.newAsset, Self.manage, new)
        routes.post(.newAsset, Self.manage, create)
        routes.get(.asset, .signedIn, show)
        routes.get(.editAsset, Self.manage, edit)
        routes.post(.editAsset, Self.manage, update)
        routes.post(.assetChecked, Self.manage, checked)
    }

    func asset(_ context: AppRequestContext) async throws -> Asset {
        guard let id = context.parameters.get("id", as: Int64.self), let asset = try await store.asset(id: id) else {
            throw AppError.notFound
        }
        return asset
    }

    func choices() async throws -> AssetForms.Choices {
        AssetForms.Choices(
            localities: try await localities.all(), needs: try await needs.all(),
            organisations: try await store.organisationChoices())
    }

    func names() async throws -> AssetNames {
        let choices = try await choices()
        return AssetNames(localities: choices.localities, needs: choices.needs, organisations: choices.organisations)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = AssetsPage(
            assets: try await store.all(), query: request.queryForm, names: try await names(), today: today,
            months: try await store.staleAfterMonths(), canManage: Policy.allows(signedIn.user.role, .manageAssets))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func csv(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let choices = try await choices()
        let document = AssetCSV.document(
            try await store.all(), localities: choices.localities, needs: choices.needs,
            organisations: choices.organisations)
        return .download(document, contentType: "text/csv; charset=utf-8", fileName: "community-assets-\(today).csv")
    }

    /// The map's old JSON export, shaped after an older Open Referral UK, is gone: the directory is published in the
    /// Open Referral UK 3.0 standard at `/openreferral/` (issue 18), so this address leads there.
    @Sendable func openReferral(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        Response(status: .permanentRedirect, headers: [.location: Href.openReferralServices()])
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = AssetPage(
            asset: try await asset(context), names: try await names(), today: today,
            months: try await store.staleAfterMonths(),
            canManage: Policy.allows(signedIn.user.role, .manageAssets))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func new(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = AssetFormPage(editing: nil, form: AssetForms.blank(today: today), choices: try await choices())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let choices = try await choices()
        var errors = FormErrors()
        guard let details = AssetForms.asset(context.form, choices: choices, today: today, errors: &errors) else {
            let page = AssetFormPage(editing: nil, form: context.form, choices: choices, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        let asset = try await store.create(details, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "\(asset.name) is on the map."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.asset(asset.id))
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let asset = try await asset(context)
        let page = AssetFormPage(
            editing: asset, form: AssetForms.formData(asset.details, version: asset.version),
            choices: try await choices())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let asset = try await asset(context)
        let version = context.form.expectedVersion
        let form = context.form
        let choices = try await choices()
        var errors = FormErrors()
        guard let details = AssetForms.asset(form, choices: choices, today: today, errors: &errors) else {
            return try await services.pages.render(
                AssetFormPage(editing: asset, form: form, choices: choices, errors: errors),
                request: request, context: context)
        }
        switch try await store.update(
            asset.id, details, expectedVersion: version, by: signedIn.actor, requestID: context.requestID)
        {
        case .saved(let saved):
            try await services.sessions.setFlash(
                Flash(message: "Saved the changes to \(saved.name)."), tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.asset(saved.id))
        case .conflict(let current):
            errors.add(
                AssetForms.AssetField.name,
                "Someone else saved this asset while you were editing it. Their version is shown first; yours is kept in the form. Save again to replace theirs with yours"
            )
            // The form keeps what this person typed, and now carries the current version so saving again replaces it.
            let page = AssetFormPage(
                editing: current, form: form.replacing(EditField.version, with: String(current.version)),
                choices: choices,
                errors: errors, conflict: current)
            return try await services.pages.render(page, request: request, context: context, status: .conflict)
        }
    }

    /// "Still correct": the entry was checked today. Sent from the asset's page or the review list (`from=review`).
    @Sendable func checked(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let asset = try await asset(context)
        let saved = try await store.markChecked(
            asset.id, today: today, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "\(saved.name) is marked as checked today, \(LondonTime.day(today))."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(
            context.form[AssetForms.CheckedField.from] == "review" ? Href.assetReview() : Href.asset(saved.id))
    }
}
