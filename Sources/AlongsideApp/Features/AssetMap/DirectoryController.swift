import Foundation
import Hummingbird

/// The public community directory (issue 7): "what is in my community, without needing a referral". No sign-in;
/// only assets listed publicly and not closed; any other id answers 404, so hidden entries are not revealed.
struct DirectoryController: Controller {
    let services: AppServices

    var store: AssetStore { AssetStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.directory, index)
        routes.get(.directoryEntry, show)
    }

    func names() async throws -> AssetNames {
        AssetNames(
            localities: try await LocalityStore(pool: services.pool, clock: services.clock).all(),
            needs: try await NeedStore(pool: services.pool, clock: services.clock).all())
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        // A search is worked out once per change to the data, then kept (`DerivedCache`).
        let key = services.derived.key("directory", variant: request.uri.query ?? "")
        let page = try await services.derived.value(for: key) {
            let query = request.queryForm, names = try await names()
            let assets = try await store.directoryCandidates(DirectoryPage.search(query), needNames: names.needNames)
            return try DirectoryPage(assets: assets, query: query, names: names)
        }
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self), let asset = try await store.asset(id: id),
            DirectoryRules.isShown(asset)
        else {
            throw AppError.notFound
        }
        return try await services.pages.render(
            DirectoryEntryPage(asset: asset, names: try await names()), request: request, context: context)
    }
}
