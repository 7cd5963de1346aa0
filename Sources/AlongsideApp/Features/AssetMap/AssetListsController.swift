import Foundation
import GRDB
import Hummingbird

/// The needs of the co-produced model and the localities the map is analysed by. Anyone signed in reads the lists;
/// people who keep the map add, rename, retire and bring back entries.
struct AssetListsController: Controller {
    let services: AppServices

    var localities: LocalityStore { LocalityStore(pool: services.pool, clock: services.clock) }
    var needs: NeedStore { NeedStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        for list in [AssetListKind.needs, .localities] {
            routes.get(list.listRoute, .signedIn) { request, context, signedIn in
                try await index(list, request, context, signedIn)
            }
            routes.post(list.listRoute, AssetsController.manage) { request, context, signedIn in
                try await create(list, request, context, signedIn)
            }
            routes.get(list.entryRoute, AssetsController.manage) { request, context, _ in
                try await show(list, request, context)
            }
            routes.post(list.entryRoute, AssetsController.manage) { request, context, signedIn in
                try await update(list, request, context, signedIn)
            }
            routes.post(list.retireRoute, AssetsController.manage) { _, context, signedIn in
                try await setRetired(list, true, context, signedIn)
            }
            routes.post(list.restoreRoute, AssetsController.manage) { _, context, signedIn in
                try await setRetired(list, false, context, signedIn)
            }
        }
    }

    /// Every entry of the list, with how many assets use each.
    func entries(_ list: AssetListKind) async throws -> [AssetListEntry] {
        let sql =
            list == .needs
            ? "SELECT need_id AS key, COUNT(*) AS value FROM asset_needs GROUP BY need_id"
            : "SELECT locality_id AS key, COUNT(*) AS value FROM assets WHERE locality_id IS NOT NULL GROUP BY locality_id"
        let counts = try await services.pool.read { db in try KeyedValue<Int>.keyed(db, sql: sql) }
        switch list {
        case .needs: return try await needs.all().map { AssetListEntry($0, assets: counts[$0.id] ?? 0) }
        case .localities: return try await localities.all().map { AssetListEntry($0, assets: counts[$0.id] ?? 0) }
        }
    }

    func entry(_ list: AssetListKind, _ context: AppRequestContext) async throws -> AssetListEntry {
        guard let id = context.parameters.get("id", as: Int64.self),
            let entry = try await entries(list).first(where: { $0.id == id })
        else {
            throw AppError.notFound
        }
        return entry
    }

    static func nameTaken(_ list: AssetListKind, name: String, retired: Bool) -> String {
        retired
            ? "There is already a retired \(list.noun) called \"\(name)\": bring it back from its page instead"
            : "There is already a \(list.noun) called \"\(name)\""
    }

    /// Saves a new entry (`id` nil) or changes one; returns the problem with the name, if any.
    func save(
        _ list: AssetListKind, _ id: Int64?, _ input: AssetListInput, _ signedIn: SignedIn, _ context: AppRequestContext
    ) async throws -> (name: String?, taken: String?) {
        switch list {
        case .needs:
            switch try await needs.save(id, input, by: signedIn.actor, requestID: context.requestID) {
            case .saved(let need): return (need.name, nil)
            case .nameTaken(let taken): return (nil, Self.nameTaken(list, name: taken.name, retired: taken.isRetired))
            }
        case .localities:
            switch try await localities.save(id, input, by: signedIn.actor, requestID: context.requestID) {
            case .saved(let locality): return (locality.name, nil)
            case .nameTaken(let taken): return (nil, Self.nameTaken(list, name: taken.name, retired: taken.isRetired))
            }
        }
    }

    func index(_ list: AssetListKind, _ request: Request, _ context: AppRequestContext, _ signedIn: SignedIn)
        async throws -> Response
    {
        let page = AssetListPage(
            list, entries: try await entries(list), canManage: Policy.allows(signedIn.user.role, .manageAssets))
        return try await services.pages.render(page, request: request, context: context)
    }

    func create(_ list: AssetListKind, _ request: Request, _ context: AppRequestContext, _ signedIn: SignedIn)
        async throws -> Response
    {
        var errors = FormErrors()
        if let input = AssetForms.listEntry(
            context.form, noun: list.noun, withKind: list == .localities, errors: &errors)
        {
            let (saved, taken) = try await save(list, nil, input, signedIn, context)
            if let saved {
                try await services.sessions.setFlash(
                    Flash(message: "Added \"\(saved)\" to the list."), tokenHash: signedIn.session.tokenHash)
                return .seeOther(list.listHref())
            }
            errors.add(AssetForms.ListEntryField.name, taken ?? "")
        }
        let page = AssetListPage(
            list, entries: try await entries(list), canManage: true, form: context.form, errors: errors)
        return try await services.pages.render(page, request: request, context: context)
    }

    func show(_ list: AssetListKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let entry = try await entry(list, context)
        typealias F = AssetForms.ListEntryField
        let form = FormData([
            (F.name, entry.name), list == .needs ? (F.description, entry.detail) : (F.kind, entry.kind?.rawValue ?? ""),
        ])
        return try await services.pages.render(
            AssetListEntryPage(list, entry: entry, form: form), request: request, context: context)
    }

    func update(_ list: AssetListKind, _ request: Request, _ context: AppRequestContext, _ signedIn: SignedIn)
        async throws -> Response
    {
        let entry = try await entry(list, context)
        var errors = FormErrors()
        if let input = AssetForms.listEntry(
            context.form, noun: list.noun, withKind: list == .localities, errors: &errors)
        {
            let (saved, taken) = try await save(list, entry.id, input, signedIn, context)
            if let saved {
                try await services.sessions.setFlash(
                    Flash(message: "Saved the changes to \"\(saved)\"."), tokenHash: signedIn.session.tokenHash)
                return .seeOther(list.listHref())
            }
            errors.add(AssetForms.ListEntryField.name, taken ?? "")
        }
        return try await services.pages.render(
            AssetListEntryPage(list, entry: entry, form: context.form, errors: errors), request: request,
            context: context)
    }

    func setRetired(_ list: AssetListKind, _ retired: Bool, _ context: AppRequestContext, _ signedIn: SignedIn)
        async throws -> Response
    {
        let entry = try await entry(list, context)
        let changed =
            list == .needs
            ? try await needs.setRetired(entry.id, retired, by: signedIn.actor, requestID: context.requestID)
            : try await localities.setRetired(entry.id, retired, by: signedIn.actor, requestID: context.requestID)
        let message: String
        switch (changed, retired) {
        case (true, true):
            message =
                "\"\(entry.name)\" is retired. It is no longer offered on forms or in the gap analysis; assets that use it keep it."
        case (true, false): message = "\"\(entry.name)\" is back on the list."
        case (false, true): message = "\"\(entry.name)\" was already retired, so nothing changed."
        case (false, false): message = "\"\(entry.name)\" was not retired, so nothing changed."
        }
        try await services.sessions.setFlash(Flash(message: message), tokenHash: signedIn.session.tokenHash)
        return .seeOther(list.entryHref(entry.id))
    }
}
