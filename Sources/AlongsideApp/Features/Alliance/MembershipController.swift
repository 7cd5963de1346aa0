import Foundation
import Hummingbird

/// Organisations in an alliance: adding one, its page, moving its status, and its representative and agreements.
/// Ids under another alliance answer 404.
struct MembershipController: Controller {
    let services: AppServices

    var store: AllianceStore { AllianceStore(pool: services.pool, clock: services.clock) }
    var scope: AllianceScope { AllianceScope(services: services) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.newAllianceMember, .manageAlliance, in: scope.context, new)
        routes.post(.newAllianceMember, .manageAlliance, in: scope.context, create)
        routes.get(.allianceMember, .seeGroup, in: scope.context, show)
        routes.post(.allianceMemberStatus, .manageAlliance, in: scope.context, changeStatus)
        routes.get(.editAllianceMember, .manageAlliance, in: scope.context, edit)
        routes.post(.editAllianceMember, .manageAlliance, in: scope.context, update)
    }

    func member(_ context: AppRequestContext, groupID: Int64) async throws -> AllianceMember {
        guard let id = context.parameters.get("memberID", as: Int64.self),
            let member = try await store.member(id: id, groupID: groupID)
        else { throw AppError.notFound }
        return member
    }

    func newPage(_ group: Group, form: FormData, errors: FormErrors) async throws -> NewAllianceMemberPage {
        NewAllianceMemberPage(
            group: group, addable: try await store.addableOrganisations(groupID: group.id),
            termsVersions: try await store.termsVersions(groupID: group.id), form: form, errors: errors)
    }

    @Sendable func new(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let group = view.group
        typealias F = AllianceForms.NewMemberField
        // Back from registering an organisation (`OrganisationThen`), it comes chosen; the select offers only
        // organisations that may be added, so any other number chooses nothing.
        let chosen = request.queryForm.id(F.organisation).map(String.init) ?? ""
        let form = FormData([
            (F.organisation, chosen), (F.status, MembershipStatus.interested.rawValue), (F.onDay, scope.today),
        ])
        return try await services.pages.render(
            try await newPage(group, form: form, errors: FormErrors()), request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let group = view.group
        let register = try await OrganisationStore(pool: services.pool, clock: services.clock).all()
        let present = Set(try await store.members(groupID: group.id).map(\.organisationID))
        let versions = try await store.termsVersions(groupID: group.id).map(\.number)
        var errors = FormErrors()
        if let input = AllianceForms.newMember(
            context.form, register: register, present: present, termsVersions: versions, today: scope.today,
            errors: &errors)
        {
            do {
                let member = try await store.addMember(
                    input, groupID: group.id, by: signedIn.actor, requestID: context.requestID)
                try await services.sessions.setFlash(
                    Flash(
                        message: "\(member.organisationName) is in the alliance as \(member.status.label.lowercased())."
                    ),
                    tokenHash: signedIn.session.tokenHash)
                return .seeOther(Href.allianceMember(group.id, member.id))
            } catch let refusal as AllianceRefusal {
                // Someone else added it, or the register changed, between the check and the save.
                switch refusal {
                case .termsVersionUnknown:
                    errors.add(
                        AllianceForms.MemberDetailsField.termsVersion,
                        "Select a version of this alliance's terms of reference")
                case .alreadyInAlliance:
                    errors.add(
                        AllianceForms.NewMemberField.organisation, "That organisation is already in this alliance")
                default:
                    errors.add(
                        AllianceForms.NewMemberField.organisation,
                        "Select an organisation from the register that is not closed")
                }
            }
        }
        return try await services.pages.render(
            try await newPage(group, form: context.form, errors: errors), request: request, context: context)
    }

    func memberPage(
        _ view: GroupView, _ member: AllianceMember, form: FormData = FormData(), errors: FormErrors = FormErrors()
    ) async throws -> AllianceMemberPage {
        guard
            let organisation = try await OrganisationStore(pool: services.pool, clock: services.clock).organisation(
                id: member.organisationID)
        else { throw AppError.notFound }
        let groupID = view.group.id
        let allocations = try await FundingStore(pool: services.pool, clock: services.clock).allocations(
            groupID: groupID, organisationID: organisation.id)
        let decisions = try await scope.decisionReferences(allocations.map(\.decisionID), groupID: groupID)
        return AllianceMemberPage(
            group: view.group, member: member, organisation: organisation,
            history: try await store.history(memberID: member.id),
            communities: try await CommunityStore(pool: services.pool, clock: services.clock).all(),
            allocations: MemberAllocations(groupID: groupID, allocations: allocations, decisions: decisions),
            seesPrivate: view.seesPrivate,
            canManage: view.canManage, today: scope.today, form: form, errors: errors
        )
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let page = try await memberPage(view, try await member(context, groupID: view.group.id))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func changeStatus(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let signedIn = view.person
        let group = view.group
        let member = try await member(context, groupID: group.id)
        typealias F = AllianceForms.StatusChangeField
        var errors = FormErrors()
        guard let move = AllianceForms.statusChange(context.form, member: member, today: scope.today, errors: &errors)
        else {
            return try await services.pages.render(
                try await memberPage(view, member, form: context.form, errors: errors), request: request,
                context: context)
        }
        let version = context.form.expectedVersion
        do {
            switch try await store.changeStatus(
                memberID: member.id, groupID: group.id, to: move.status, on: move.day, note: move.note,
                expectedVersion: version, by: signedIn.actor, requestID: context.requestID)
            {
            case .saved(let saved):
                try await services.sessions.setFlash(
                    Flash(message: "\(saved.organisationName) is now \(saved.status.label.lowercased())."),
                    tokenHash: signedIn.session.tokenHash)
                return .seeOther(Href.allianceMember(group.id, saved.id))
            case .conflict(let current):
                errors.add(
                    F.status,
                    "Someone else changed this member while you were looking at it. It is now \(current.status.label.lowercased()) since \(LondonTime.day(current.statusSince)). Check and choose again"
                )
                let page = try await memberPage(
                    view, current, form: context.form.replacing(EditField.version, with: String(current.version)),
                    errors: errors)
                return try await services.pages.render(page, request: request, context: context, status: .conflict)
            }
        } catch AllianceRefusal.moveNotAllowed(let problem) {
            errors.add(F.status, problem)
            return try await services.pages.render(
                try await memberPage(view, member, form: context.form, errors: errors), request: request,
                context: context)
        }
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let group = view.group
        let member = try await member(context, groupID: group.id)
        let form = MemberDetailsFields.formData(member).replacing(EditField.version, with: String(member.version))
        let page = EditAllianceMemberPage(
            group: group, member: member, termsVersions: try await store.termsVersions(groupID: group.id), form: form,
            errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let group = view.group
        let member = try await member(context, groupID: group.id)
        let versions = try await store.termsVersions(groupID: group.id)
        let version = context.form.expectedVersion
        var errors = FormErrors()
        guard
            let details = AllianceForms.details(
                context.form, termsVersions: versions.map(\.number), today: scope.today, errors: &errors)
        else {
            let page = EditAllianceMemberPage(
                group: group, member: member, termsVersions: versions, form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        switch try await store.updateDetails(
            memberID: member.id, groupID: group.id, details, expectedVersion: version, by: signedIn.actor,
            requestID: context.requestID)
        {
        case .saved(let saved):
            try await services.sessions.setFlash(
                Flash(message: "Saved \(saved.organisationName)'s representative and agreements."),
                tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.allianceMember(group.id, saved.id))
        case .conflict(let current):
            errors.add(
                AllianceForms.MemberDetailsField.representativeName,
                "Someone else saved this member while you were editing it. Their version is shown first; yours is kept in the form. Save again to replace theirs with yours"
            )
            let page = EditAllianceMemberPage(
                group: group, member: current, termsVersions: versions,
                form: context.form.replacing(EditField.version, with: String(current.version)), errors: errors,
                conflict: current)
            return try await services.pages.render(page, request: request, context: context, status: .conflict)
        }
    }
}
