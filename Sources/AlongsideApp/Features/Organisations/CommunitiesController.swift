import Foundation
import Hummingbird

/// The workspace's list of communities, against which the alliance's reach is measured (issue 6). Anyone signed
/// in reads it; administrators, programme managers and alliance leads change it.
struct CommunitiesController: Controller {
    let services: AppServices

    var store: CommunityStore { CommunityStore(pool: services.pool, clock: services.clock) }

    static let manage = Access.capability(.manageOrganisations)

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.communities, .signedIn, index)
        routes.post(.communities, Self.manage, create)
        routes.get(.community, Self.manage, show)
        routes.post(.community, Self.manage, update)
        routes.post(.retireCommunity, Self.manage, retire)
        routes.post(.restoreCommunity, Self.manage, restore)
    }

    func community(_ context: AppRequestContext) async throws -> Community {
        guard let id = context.parameters.get("id", as: Int64.self), let community = try await store.community(id: id)
        else { throw AppError.notFound }
        return community
    }

    static func nameTaken(_ taken: Community) -> String {
        taken.isRetired
            ? "There is already a retired community called \"\(taken.name)\": bring it back from its page instead"
            : "There is already a community called \"\(taken.name)\""
    }

    func listPage(_ signedIn: SignedIn, form: FormData = FormData(), errors: FormErrors = FormErrors()) async throws
        -> CommunitiesPage
    {
        CommunitiesPage(
            communities: try await store.all(), reach: try await store.reachCounts(),
            canManage: Policy.allows(signedIn.user.role, .manageOrganisations), form: form, errors: errors)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        try await services.pages.render(try await listPage(signedIn), request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        var errors = FormErrors()
        if let input = OrganisationForms.community(context.form, errors: &errors) {
            switch try await store.create(input, by: signedIn.actor, requestID: context.requestID) {
            case .saved(let community):
                try await services.sessions.setFlash(
                    Flash(message: "Added \"\(community.name)\" to the list of communities."),
                    tokenHash: signedIn.session.tokenHash)
                return .seeOther(Href.communities())
            case .nameTaken(let taken):
                errors.add(OrganisationForms.CommunityField.name, Self.nameTaken(taken))
            }
        }
        return try await services.pages.render(
            try await listPage(signedIn, form: context.form, errors: errors), request: request, context: context)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let community = try await community(context)
        let page = CommunityPage(
            community: community, reach: try await store.reachCounts()[community.id] ?? 0,
            form: OrganisationForms.formData(community))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let community = try await community(context)
        var errors = FormErrors()
        if let input = OrganisationForms.community(context.form, errors: &errors) {
            switch try await store.update(community.id, input, by: signedIn.actor, requestID: context.requestID) {
            case .saved(let saved):
                try await services.sessions.setFlash(
                    Flash(message: "Saved the changes to \"\(saved.name)\"."), tokenHash: signedIn.session.tokenHash)
                return .seeOther(Href.communities())
            case .nameTaken(let taken):
                errors.add(OrganisationForms.CommunityField.name, Self.nameTaken(taken))
            }
        }
        let page = CommunityPage(
            community: community, reach: try await store.reachCounts()[community.id] ?? 0, form: context.form,
            errors: errors)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func retire(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        try await setRetired(true, context: context, signedIn: signedIn)
    }

    @Sendable func restore(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        try await setRetired(false, context: context, signedIn: signedIn)
    }

    func setRetired(_ retired: Bool, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let community = try await community(context)
        let changed = try await store.setRetired(
            community.id, retired, by: signedIn.actor, requestID: context.requestID)
        let message: String
        switch (changed, retired) {
        case (true, true):
            message =
                "\"\(community.name)\" is retired. It is no longer offered on forms; organisations that reach it keep it."
        case (true, false): message = "\"\(community.name)\" is back on the list of communities."
        case (false, true): message = "\"\(community.name)\" was already retired, so nothing changed."
        case (false, false): message = "\"\(community.name)\" was not retired, so nothing changed."
        }
        try await services.sessions.setFlash(Flash(message: message), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.community(community.id))
    }
}
