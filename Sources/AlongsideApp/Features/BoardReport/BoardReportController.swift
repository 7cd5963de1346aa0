import Foundation
import Hummingbird

/// The board report (issue 19): the list and the period form, the live preview, issuing (which freezes the figures),
/// an issued report, publishing it, its public page and a CSV file of each table.
struct BoardReportController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var store: BoardReportStore { BoardReportStore(pool: services.pool, clock: services.clock) }
    var sources: BoardReportSources { BoardReportSources(services: services) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.boardReports, .capability(.issueBoardReport), index)
        routes.post(.boardReports, .capability(.issueBoardReport), issue)
        routes.get(.boardReportPreview, .capability(.issueBoardReport), preview)
        routes.get(.boardReportPreviewTable, .capability(.issueBoardReport), previewTable)
        routes.get(.boardReport, .capability(.issueBoardReport), show)
        routes.get(.boardReportTable, .capability(.issueBoardReport), issuedTable)
        routes.post(.publishBoardReport, .capability(.issueBoardReport), publish)
        routes.get(.publishedBoardReport, showPublished)
    }

    func listPage(start: String, end: String, errors: FormErrors) async throws -> BoardReportsPage {
        BoardReportsPage(start: start, end: end, today: today, reports: try await store.all(), errors: errors)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let period = BoardReportPeriod.lastFullQuarter(today: today)
        let page = try await listPage(start: period.startsOn, end: period.endsOn, errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    /// The period asked for, or the list page again with what was typed and what is wrong with it (422).
    enum Asked {
        case period(BoardReportPeriod)
        case problems(Response)
    }

    func period(_ form: FormData, request: Request, context: AppRequestContext) async throws -> Asked {
        typealias F = BoardReportPeriod.Field
        let (start, end) = (form[F.start], form[F.end])
        switch BoardReportPeriod.check(start: start, end: end, today: today) {
        case .success(let period): return .period(period)
        case .failure(let problems):
            let page = try await listPage(start: start, end: end, errors: problems.formErrors)
            return .problems(try await services.pages.render(page, request: request, context: context))
        }
    }

    @Sendable func preview(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        switch try await period(request.queryForm, request: request, context: context) {
        case .problems(let response): return response
        case .period(let period):
            let data = try await sources.figures(for: period, viewer: signedIn.user)
            let page = BoardReportPage(preview: data, absoluteURL: services.absoluteURL)
            return try await services.pages.render(page, request: request, context: context)
        }
    }

    /// Issuing works the figures out afresh at this moment and keeps them: what is kept is what the report says from
    /// now on.
    @Sendable func issue(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        switch try await period(context.form, request: request, context: context) {
        case .problems(let response): return response
        case .period(let period):
            let data = try await sources.figures(for: period, viewer: signedIn.user)
            let id = try await store.issue(data, by: signedIn.actor, requestID: context.requestID)
            try await services.sessions.setFlash(
                Flash(message: "The board report for \(period.label) is issued. Its figures will not change."),
                tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.boardReport(id))
        }
    }

    func table(_ context: AppRequestContext) throws -> BoardReportTable {
        guard let name = context.parameters.get("table"), let table = BoardReportTable(rawValue: name) else {
            throw AppError.notFound
        }
        return table
    }

    @Sendable func previewTable(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let table = try table(context)
        typealias F = BoardReportPeriod.Field
        let query = request.queryForm
        guard
            case .success(let period) = BoardReportPeriod.check(start: query[F.start], end: query[F.end], today: today)
        else {
            // A download has no form to show the problem on: back to the form, with the period typed.
            return .seeOther(
                Href.boardReportPreview(
                    query: Query([(F.start.rawValue, query[F.start]), (F.end.rawValue, query[F.end])])))
        }
        let data = try await sources.figures(for: period, viewer: signedIn.user)
        return .download(table.csv(data), contentType: "text/csv; charset=utf-8", fileName: table.fileName(period))
    }

    func issued(_ context: AppRequestContext) async throws -> (issued: BoardReportStore.Issued, data: BoardReportData) {
        guard let text = context.parameters.get("id"), let id = BoundedNumber.id(text),
            let found = try await store.report(id: id)
        else { throw AppError.notFound }
        return found
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let (issued, data) = try await issued(context)
        let page = BoardReportPage(issued: issued, data: data, absoluteURL: services.absoluteURL)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func issuedTable(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws
        -> Response
    {
        let table = try table(context)
        let (issued, data) = try await issued(context)
        return .download(
            table.csv(data), contentType: "text/csv; charset=utf-8", fileName: table.fileName(issued.period))
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let (issued, _) = try await issued(context)
        let changed = try await store.publish(id: issued.id, by: signedIn.actor, requestID: context.requestID)
        let message =
            changed
            ? "The board report for \(issued.period.label) is published: anyone can read it at its public page."
            : "The board report for \(issued.period.label) was already published."
        try await services.sessions.setFlash(Flash(message: message), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.boardReport(issued.id))
    }

    /// A published report, for anyone; 404 for one not published (or not issued), so nothing of it shows.
    @Sendable func showPublished(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (issued, data) = try await issued(context)
        guard issued.isPublished else { throw AppError.notFound }
        let page = PublishedBoardReportPage(issued: issued, data: data, absoluteURL: services.absoluteURL)
        return try await services.pages.render(page, request: request, context: context)
    }
}
