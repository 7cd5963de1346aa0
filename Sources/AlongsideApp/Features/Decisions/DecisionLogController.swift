import Foundation
import Hummingbird

/// The decision log across groups: search with filters, the same as CSV and JSON, and the reviews that are due.
/// Only ever the groups the person can see.
struct DecisionLogController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var groups: GroupStore { GroupStore(pool: services.pool, clock: services.clock) }
    var store: DecisionStore { DecisionStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.decisionSearch, .signedIn, search)
        routes.get(.decisionsCSV, .signedIn, csv)
        routes.get(.decisionsJSON, .signedIn, json)
        routes.get(.reviewsDue, .signedIn, reviewsDue)
        routes.get(.decisionCounts, .capability(.reviewDecisionCounts), counts)
    }

    /// The filters as typed and as checked, and what they find.
    func results(_ request: Request, signedIn: SignedIn) async throws -> (
        DecisionSearchInput, FormErrors, [Group], [GroupDecision]
    ) {
        // The log of the groups the person sits on or manages (other groups' published decisions are on their public pages).
        let visible = try await groups.visibleGroups(for: signedIn.user, today: today)
            .filter {
                Policy.allows(.seeGroupBusiness, $0.group.standing(role: signedIn.user.role, isMember: $0.isMember))
            }.map(\.group)
        // Read as a form, because HTML forms send a space in a GET query as "+" (Hummingbird's query parameters keep it).
        let form = request.queryForm
        let input = DecisionSearchInput(query: form.values.compactMapValues(\.first))
        let (filter, errors) = input.parsed(visibleGroupIDs: Set(visible.map(\.id)))
        return (input, errors, visible, try await store.search(filter))
    }

    @Sendable func search(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let (input, errors, visible, found) = try await results(request, signedIn: signedIn)
        let page = DecisionSearchPage(
            input: input, errors: errors, groups: visible, results: found,
            showCounts: Policy.allows(signedIn.user.role, .reviewDecisionCounts))
        return try await services.pages.render(page, request: request, context: context)
    }

    func exportRows(_ found: [GroupDecision]) async throws -> [DecisionExportRow] {
        let summaries = try await store.declarationSummaries(decisionIDs: found.map(\.decision.id))
        return found.map { item in
            let parts = [summaries[item.decision.id], item.decision.declarations].compactMap { $0 }
            return DecisionExportRow(item, declarations: parts.joined(separator: "; "))
        }
    }

    /// Bad filters give a plain explanation rather than a file that silently ignores them.
    func refusal(_ errors: FormErrors) -> Response {
        let text = "The export was not made: " + errors.summary.map(\.message).joined(separator: "; ") + ".\n"
        return Response(
            status: .unprocessableContent, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    @Sendable func csv(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let (_, errors, _, found) = try await results(request, signedIn: signedIn)
        guard errors.isEmpty else { return refusal(errors) }
        let rows = try await exportRows(found)
        let document = CSVFormat.document(
            header: DecisionExportRow.CodingKeys.allCases.map(\.rawValue), rows: rows.map(\.csvCells)
        )
        return .download(document, contentType: "text/csv; charset=utf-8", fileName: "decisions-\(today).csv")
    }

    @Sendable func json(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let (_, errors, _, found) = try await results(request, signedIn: signedIn)
        guard errors.isEmpty else { return refusal(errors) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let body = String(decoding: try encoder.encode(try await exportRows(found)), as: UTF8.self)
        return .download(body, contentType: "application/json; charset=utf-8", fileName: "decisions-\(today).json")
    }

    /// Decisions already in the log whose counts cannot be (recorded before the counts were checked). Nothing is
    /// changed here: each is listed with a link to correct it, which records a new revision with a reason.
    @Sendable func counts(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let found = try await store.currentWithGroupNames().compactMap { item -> (GroupDecision, [String])? in
            let problems = item.decision.counts.problems().map(\.message)
            return problems.isEmpty ? nil : (item, problems)
        }
        let page = DecisionCountsPage(found: found)
        return try await services.pages.render(page, request: request, context: context)
    }

    /// Decisions whose review date has come: managers see the groups they manage, members the groups they sit on.
    @Sendable func reviewsDue(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let own = try await groups.visibleGroups(for: signedIn.user, today: today)
            .filter {
                Policy.allows(.seeGroupBusiness, $0.group.standing(role: signedIn.user.role, isMember: $0.isMember))
            }
        let due = try await store.reviewsDue(groupIDs: Set(own.map(\.group.id)), today: today)
        let page = ReviewsDuePage(due: due, today: today)
        return try await services.pages.render(page, request: request, context: context)
    }
}
