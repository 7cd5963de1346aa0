import Foundation
import Hummingbird

/// Keeping the map true and useful: entries due for a check, the gap analysis against the co-produced model's
/// needs (003 step 3), and the setting for how long an entry may go unchecked.
struct AssetReviewController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var store: AssetStore { AssetStore(pool: services.pool, clock: services.clock) }
    var localities: LocalityStore { LocalityStore(pool: services.pool, clock: services.clock) }
    var needs: NeedStore { NeedStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.assetReview, .signedIn, review)
        routes.get(.assetGaps, .signedIn, gaps)
        routes.get(.assetSettings, AssetsController.manage, settings)
        routes.post(.assetSettings, AssetsController.manage, saveSettings)
    }

    @Sendable func review(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = AssetReviewPage(
            assets: try await store.all(),
            names: AssetNames(localities: try await localities.all(), needs: try await needs.all()),
            today: today, months: try await store.staleAfterMonths(),
            canManage: Policy.allows(signedIn.user.role, .manageAssets))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func gaps(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = AssetGapsPage(
            assets: try await store.all(), localities: try await localities.all(), needs: try await needs.all())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func settings(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let form = FormData([(AssetForms.SettingsField.staleAfterMonths, String(try await store.staleAfterMonths()))])
        return try await services.pages.render(AssetSettingsPage(form: form), request: request, context: context)
    }

    @Sendable func saveSettings(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        var errors = FormErrors()
        guard let months = AssetForms.months(context.form, errors: &errors) else {
            return try await services.pages.render(
                AssetSettingsPage(form: context.form, errors: errors), request: request, context: context)
        }
        try await store.setStaleAfterMonths(months, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "Entries not checked for \(months) months are now listed for review."),
            tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.assetReview())
    }
}
