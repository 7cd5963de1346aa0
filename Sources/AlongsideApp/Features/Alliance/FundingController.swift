import Foundation
import Hummingbird

/// The alliance's money (issue 6, "Funding"; 003 step 4): funding received from commissioners, allocations to members
/// authorised by recorded alliance decisions, the funding page and the allocations spreadsheet. Anyone who may see the
/// alliance reads; alliance leads, programme managers and administrators record and withdraw. Money forms end with
/// "check your answers".
struct FundingController: Controller {
    let services: AppServices

    var scope: AllianceScope { AllianceScope(services: services) }
    var store: FundingStore { FundingStore(pool: services.pool, clock: services.clock) }
    var organisations: OrganisationStore { OrganisationStore(pool: services.pool, clock: services.clock) }
    var today: String { LondonTime.isoDay(services.clock.now()) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.allianceFunding, .seeGroup, in: scope.context, show)
        routes.get(.allocationsCSV, .seeGroup, in: scope.context, csv)
        routes.get(.newFundingReceived, .manageAlliance, in: scope.context, newReceived)
        routes.post(.newFundingReceived, .manageAlliance, in: scope.context, createReceived)
        routes.get(.withdrawFundingReceived, .manageAlliance, in: scope.context, withdrawReceivedForm)
        routes.post(.withdrawFundingReceived, .manageAlliance, in: scope.context, withdrawReceived)
        routes.get(.newAllocation, .manageAlliance, in: scope.context, newAllocation)
        routes.post(.newAllocation, .manageAlliance, in: scope.context, createAllocation)
        routes.get(.withdrawAllocation, .manageAlliance, in: scope.context, withdrawAllocationForm)
        routes.post(.withdrawAllocation, .manageAlliance, in: scope.context, withdrawAllocation)
    }

    func flash(_ message: String, _ signedIn: SignedIn) async throws {
        try await services.sessions.setFlash(Flash(message: message), tokenHash: signedIn.session.tokenHash)
    }

    // MARK: Reading

    @Sendable func show(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let groupID = view.group.id
        let book = try await store.book(groupID: groupID)
        let page = FundingPage(
            group: view.group, summary: book.summary, received: book.received, allocations: book.allocations,
            decisions: try await scope.decisionReferences(book.allocations.map(\.decisionID), groupID: groupID),
            sizes: book.sizes,
            accountableBody: book.accountableBody, canManage: view.canManage)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func csv(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let allocations = try await store.allocations(groupID: view.group.id)
        let register = Dictionary(
            uniqueKeysWithValues: try await organisations.organisations(ids: allocations.map(\.organisationID)).map {
                ($0.id, $0)
            })
        let body = FundingCSV.allocations(
            allocations, organisations: register,
            decisions: try await scope.decisionReferences(allocations.map(\.decisionID), groupID: view.group.id))
        return .download(
            body, contentType: "text/csv; charset=utf-8", fileName: "alliance-\(view.group.id)-allocations-\(today).csv"
        )
    }

    // MARK: Funding received

    @Sendable func newReceived(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let group = view.group
        let year = FinancialYear(containing: today)
        typealias F = FundingForms.ReceivedField
        let form = FormData([(F.periodStartsOn, year?.startsOn ?? ""), (F.periodEndsOn, year?.endsOn ?? "")])
        let page = ReceivedFormPage(
            group: group, organisations: try await organisations.all(),
            accountableBody: try await store.currentAccountableBody(groupID: group.id), form: form, errors: FormErrors()
        )
        return try await services.pages.render(page, request: request, context: context)
    }

    /// `step=check` shows the answers to check, `step=change` goes back to the form with them, and only
    /// `step=confirm` saves.
    @Sendable func createReceived(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let signedIn = view.person
        let group = view.group
        typealias F = FundingForms.ReceivedField
        let form = context.form
        let register = try await organisations.all()
        let body = try await store.currentAccountableBody(groupID: group.id)
        func formPage(_ errors: FormErrors) async throws -> Response {
            try await services.pages.render(
                ReceivedFormPage(
                    group: group, organisations: register, accountableBody: body, form: form, errors: errors),
                request: request, context: context)
        }
        if form[F.step] == "change" { return try await formPage(FormErrors()) }
        var errors = FormErrors()
        guard let input = FundingForms.received(form, organisations: register, errors: &errors) else {
            return try await formPage(errors)
        }
        guard form[F.step] == "confirm" else {
            let page = ReceivedCheckPage(
                group: group, input: input, organisations: register, accountableBody: body, form: form)
            return try await services.pages.render(page, request: request, context: context)
        }
        let saved: FundingReceived
        do {
            saved = try await store.recordReceived(
                input, groupID: group.id, by: signedIn.actor, requestID: context.requestID)
        } catch FundingStore.Refusal.unknownOrganisation {
            errors.add(F.fromOrganisation, "Select the organisation the money came from")
            return try await formPage(errors)
        }
        try await flash("\(Money.format(saved.amountPence)) received from \(saved.fromName) is recorded.", signedIn)
        return .seeOther(Href.allianceFunding(group.id) + "#received")
    }

    @Sendable func withdrawReceivedForm(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let group = view.group
        let item = try await loadReceived(context, groupID: group.id)
        return try await services.pages.render(
            FundingWithdrawPage(group: group, received: item, form: FormData(), errors: FormErrors()),
            request: request, context: context)
    }

    @Sendable func withdrawReceived(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let signedIn = view.person
        return try await withdraw(
            request, context, view, anchor: "#withdrawn-received", load: loadReceived, isWithdrawn: \.isWithdrawn,
            page: { FundingWithdrawPage(group: $0, received: $1, form: $2, errors: $3) }
        ) { group, item, reason in
            let saved = try await store.withdrawReceived(
                id: item.id, groupID: group.id, reason: reason, by: signedIn.actor, requestID: context.requestID)
            return "\(Money.format(saved.amountPence)) received from \(saved.fromName) is withdrawn."
        }
    }

    /// Withdraws either kind of money record: a reason is needed (422 without one), and a record already withdrawn
    /// answers 409 with its reason shown, as does one withdrawn by someone else a moment before.
    func withdraw<Item: Sendable>(
        _ request: Request, _ context: AppRequestContext, _ view: GroupView, anchor: String,
        load: (AppRequestContext, Int64) async throws -> Item, isWithdrawn: (Item) -> Bool,
        page: (Group, Item, FormData, FormErrors) -> FundingWithdrawPage,
        save: (Group, Item, String) async throws -> String
    ) async throws -> Response {
        let (group, signedIn) = (view.group, view.person)
        let item = try await load(context, group.id)
        var errors = FormErrors()
        guard !isWithdrawn(item), let reason = FundingForms.reason(context.form, errors: &errors) else {
            return try await services.pages.render(
                page(group, item, context.form, errors), request: request, context: context,
                status: isWithdrawn(item) ? .conflict : nil)
        }
        do {
            try await flash(try await save(group, item, reason), signedIn)
            return .seeOther(Href.allianceFunding(group.id) + anchor)
        } catch FundingStore.Refusal.alreadyWithdrawn {
            let latest = try await load(context, group.id)
            return try await services.pages.render(
                page(group, latest, context.form, FormErrors()), request: request, context: context, status: .conflict)
        }
    }

    func loadReceived(_ context: AppRequestContext, groupID: Int64) async throws -> FundingReceived {
        guard let id = context.parameters.get("receivedID", as: Int64.self),
            let item = try await store.received(id: id, groupID: groupID)
        else { throw AppError.notFound }
        return item
    }

    // MARK: Allocations

    @Sendable func newAllocation(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let group = view.group
        let year = FinancialYear(containing: today)
        typealias F = FundingForms.AllocationField
        let form = FormData([
            (F.periodStartsOn, year?.startsOn ?? ""), (F.periodEndsOn, year?.endsOn ?? ""), (F.contractYears, "1"),
        ])
        let page = AllocationFormPage(
            group: group, members: try await store.fundableMembers(groupID: group.id),
            decisions: try await scope.authorisingDecisions(groupID: group.id), form: form, errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func createAllocation(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let signedIn = view.person
        let group = view.group
        typealias F = FundingForms.AllocationField
        let form = context.form
        var members = try await store.fundableMembers(groupID: group.id)
        var decisions = try await scope.authorisingDecisions(groupID: group.id)
        func formPage(_ errors: FormErrors) async throws -> Response {
            try await services.pages.render(
                AllocationFormPage(group: group, members: members, decisions: decisions, form: form, errors: errors),
                request: request, context: context)
        }
        if form[F.step] == "change" { return try await formPage(FormErrors()) }
        var errors = FormErrors()
        guard let input = FundingForms.allocation(form, members: members, decisions: decisions, errors: &errors) else {
            return try await formPage(errors)
        }
        guard form[F.step] == "confirm" else {
            let book = try await store.book(groupID: group.id)
            let overAllocation = FundingSummary.warnings(
                adding: input.amountPence, startingOn: input.periodStartsOn,
                to: book.allocations.map(AllocationFigure.init), received: book.received.map(ReceivedFigure.init))
            let page = AllocationCheckPage(
                group: group, input: input, members: members, decisions: decisions, form: form,
                overAllocation: overAllocation)
            return try await services.pages.render(page, request: request, context: context)
        }
        do {
            let saved = try await store.recordAllocation(
                input, groupID: group.id, by: signedIn.actor, requestID: context.requestID)
            try await flash(
                "\(Money.format(saved.amountPence)) allocated to \(saved.organisationName) is recorded.", signedIn)
            return .seeOther(Href.allianceFunding(group.id) + "#allocations")
        } catch let refusal as FundingStore.Refusal {
            // The member or the decision changed between the check and the confirmation: show the form again, explained.
            members = try await store.fundableMembers(groupID: group.id)
            decisions = try await scope.authorisingDecisions(groupID: group.id)
            var errors = FormErrors()
            _ = FundingForms.allocation(form, members: members, decisions: decisions, errors: &errors)
            if errors.isEmpty {
                errors.add(
                    refusal == .notAMember ? F.organisation : F.decision,
                    "This changed a moment ago. Check it and try again")
            }
            return try await formPage(errors)
        }
    }

    @Sendable func withdrawAllocationForm(_ request: Request, context: AppRequestContext, in view: GroupView)
        async throws -> Response
    {
        let group = view.group
        let item = try await loadAllocation(context, groupID: group.id)
        return try await services.pages.render(
            FundingWithdrawPage(group: group, allocation: item, form: FormData(), errors: FormErrors()),
            request: request, context: context)
    }

    @Sendable func withdrawAllocation(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let signedIn = view.person
        return try await withdraw(
            request, context, view, anchor: "#withdrawn-allocations", load: loadAllocation, isWithdrawn: \.isWithdrawn,
            page: { FundingWithdrawPage(group: $0, allocation: $1, form: $2, errors: $3) }
        ) { group, item, reason in
            let saved = try await store.withdrawAllocation(
                id: item.id, groupID: group.id, reason: reason, by: signedIn.actor, requestID: context.requestID)
            return "The allocation of \(Money.format(saved.amountPence)) to \(saved.organisationName) is withdrawn."
        }
    }

    func loadAllocation(_ context: AppRequestContext, groupID: Int64) async throws -> Allocation {
        guard let id = context.parameters.get("allocationID", as: Int64.self),
            let item = try await store.allocation(id: id, groupID: groupID)
        else { throw AppError.notFound }
        return item
    }
}
