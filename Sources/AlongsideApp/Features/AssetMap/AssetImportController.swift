import Foundation
import Hummingbird

/// Importing assets from CSV (issue 7): validated first; if any row is wrong nothing changes and every problem is
/// listed by row and column; otherwise every row is saved in one transaction.
struct AssetImportController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var store: AssetStore { AssetStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.assetImport, AssetsController.manage, new)
        routes.post(.assetImport, AssetsController.manage, create)
    }

    @Sendable func new(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        try await services.pages.render(AssetImportPage(), request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        // A chosen file wins; a browser sends an empty part for a file input left empty.
        typealias F = AssetForms.ImportField
        let file = context.form[F.file]
        let text = file.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? context.form[F.csv] : file
        let known = AssetImport.Known(
            assets: Dictionary(uniqueKeysWithValues: try await store.all().map { ($0.id, $0.details) }),
            localities: try await LocalityStore(pool: services.pool, clock: services.clock).all(),
            needs: try await NeedStore(pool: services.pool, clock: services.clock).all(),
            organisations: try await store.organisationChoices(), today: today
        )
        switch AssetImport.check(text, known: known) {
        case .failure(let problems):
            return try await services.pages.render(
                AssetImportPage(pasted: context.form[F.csv], problems: problems.list), request: request,
                context: context)
        case .success(let drafts):
            let (added, updated) = try await store.importAssets(
                drafts, by: signedIn.actor, requestID: context.requestID)
            let noun = drafts.count == 1 ? "1 asset" : "\(drafts.count) assets"
            try await services.sessions.setFlash(
                Flash(message: "Imported \(noun): \(added) added, \(updated) updated."),
                tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.assets())
        }
    }
}
