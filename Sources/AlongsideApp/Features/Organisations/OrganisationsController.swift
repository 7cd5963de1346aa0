import Foundation
import Hummingbird

/// The register of organisations of every sector (issue 6). Anyone signed in reads it; administrators,
/// programme managers and alliance leads keep it.
struct OrganisationsController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var store: OrganisationStore { OrganisationStore(pool: services.pool, clock: services.clock) }
    var communityStore: CommunityStore { CommunityStore(pool: services.pool, clock: services.clock) }

    static let manage = Access.capability(.manageOrganisations)

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.organisations, .signedIn, index)
        routes.get(.organisationsCSV, .signedIn, csv)
        routes.get(.newOrganisation, Self.manage, new)
        routes.post(.newOrganisation, Self.manage, create)
        routes.get(.organisation, .signedIn, show)
        routes.get(.editOrganisation, Self.manage, edit)
        routes.post(.editOrganisation, Self.manage, update)
    }

    func organisation(_ context: AppRequestContext) async throws -> Organisation {
        guard let id = context.parameters.get("id", as: Int64.self),
            let organisation = try await store.organisation(id: id)
        else { throw AppError.notFound }
        return organisation
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = OrganisationsPage(
            organisations: try await store.all(), filter: OrganisationFilter(request.queryForm),
            canManage: Policy.allows(signedIn.user.role, .manageOrganisations))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func csv(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let document = OrganisationCSV.document(try await store.all(), communities: try await communityStore.all())
        return .download(document, contentType: "text/csv; charset=utf-8", fileName: "organisations-\(today).csv")
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let organisation = try await organisation(context)
        let memberships = try await services.organisationMemberships.memberships(
            organisationID: organisation.id, for: signedIn.user, today: today)
        let page = OrganisationPage(
            organisation: organisation, communities: try await communityStore.all(), memberships: memberships,
            canManage: Policy.allows(signedIn.user.role, .manageOrganisations))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func new(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let then = OrganisationThen(request.queryForm[OrganisationForms.OrganisationField.then])
        let page = OrganisationFormPage(
            editing: nil, form: OrganisationForms.blank, communities: try await communityStore.all(), then: then)
        return try await services.pages.render(page, request: request, context: context)
    }

    /// The checks both saves share: the form, then possible duplicates. Returns the details to save, or the page to show.
    func checked(
        _ request: Request, context: AppRequestContext, editing: Organisation?,
        form: FormData
    ) async throws -> (details: OrganisationDetails?, page: OrganisationFormPage?) {
        let communities = try await communityStore.all()
        let then = editing == nil ? OrganisationThen(form[OrganisationForms.OrganisationField.then]) : nil
        var errors = FormErrors()
        guard let details = OrganisationForms.organisation(form, communities: communities, errors: &errors) else {
            return (
                nil,
                OrganisationFormPage(editing: editing, form: form, communities: communities, errors: errors, then: then)
            )
        }
        let candidate = OrganisationDuplicates.Entry(
            id: editing?.id, name: details.name, charityNumber: details.charityNumber,
            companyNumber: details.companyNumber)
        let matches = OrganisationDuplicates.matches(
            for: candidate, among: try await store.all().map(OrganisationDuplicates.Entry.init))
        if !matches.isEmpty, !OrganisationForms.duplicatesConfirmed(form, matches: matches) {
            // Shown again with the warning (not an error: the person may be right), the box unticked.
            return (
                nil,
                OrganisationFormPage(
                    editing: editing,
                    form: form.replacing(OrganisationForms.OrganisationField.confirmNotDuplicate, with: ""),
                    communities: communities,
                    duplicates: matches, then: then)
            )
        }
        return (details, nil)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let (details, page) = try await checked(request, context: context, editing: nil, form: context.form)
        guard let details else { return try await services.pages.render(page!, request: request, context: context) }
        let organisation = try await store.create(details, by: signedIn.actor, requestID: context.requestID)
        if let then = OrganisationThen(context.form[OrganisationForms.OrganisationField.then]) {
            try await services.sessions.setFlash(
                Flash(message: "\(organisation.name) is in the register. It is chosen below: add it to the alliance."),
                tokenHash: signedIn.session.tokenHash)
            return .seeOther(then.after(registering: organisation.id))
        }
        try await services.sessions.setFlash(
            Flash(message: "\(organisation.name) is in the register."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.organisation(organisation.id))
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let organisation = try await organisation(context)
        let page = OrganisationFormPage(
            editing: organisation,
            form: OrganisationForms.formData(organisation.details, version: organisation.version),
            communities: try await communityStore.all())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let organisation = try await organisation(context)
        let version = context.form.expectedVersion
        let form = context.form
        let (details, page) = try await checked(request, context: context, editing: organisation, form: form)
        guard let details else { return try await services.pages.render(page!, request: request, context: context) }
        switch try await store.update(
            organisation.id, details, expectedVersion: version, by: signedIn.actor, requestID: context.requestID)
        {
        case .saved(let saved):
            try await services.sessions.setFlash(
                Flash(message: "Saved the changes to \(saved.name)."), tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.organisation(saved.id))
        case .conflict(let current):
            var errors = FormErrors()
            errors.add(
                OrganisationForms.OrganisationField.name,
                "Someone else saved this organisation while you were editing it. Their version is shown first; yours is kept in the form. Save again to replace theirs with yours"
            )
            // The form keeps what this person typed, and now carries the current version so saving again replaces it.
            let page = OrganisationFormPage(
                editing: current, form: form.replacing(EditField.version, with: String(current.version)),
                communities: try await communityStore.all(), errors: errors, conflict: current)
            return try await services.pages.render(page, request: request, context: context, status: .conflict)
        }
    }
}
