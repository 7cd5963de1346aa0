import Foundation
import GRDB
import Hummingbird

/// The audit log, newest first, filtered by person, kind of record and date.
struct AuditController: Controller {
    /// A million pages of fifty: far beyond any log this service will keep.
    static let maxPage = 1_000_000

    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.auditLog, .capability(.viewAuditLog), index)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        typealias F = AuditFilterField
        let query = request.queryForm
        let input = AuditFilterInput(person: query[F.person], kind: query[F.kind], from: query[F.from], to: query[F.to])
        // A page number comes only from our own older and newer links: one past any real log is refused before the
        // offset arithmetic can overflow.
        let (filter, errors) = input.parsed(page: try query.number(F.page, in: 1...Self.maxPage) ?? 1)
        let (found, kinds, people) = try await services.pool.read { db in
            (
                try errors.isEmpty ? AuditQuery.events(filter, in: db) : (events: [], hasMore: false),
                try AuditQuery.kinds(in: db),
                try AuditQuery.people(in: db).map {
                    AuditPage.Option(value: String($0.id), label: $0.name, selected: false)
                }
            )
        }
        // Audit rows never change once written, so each is rendered once and then reused.
        let rows = try found.events.map { event in
            try services.auditRows.fragment(for: event.id) {
                try services.pages.renderFragment(AuditRow(event), template: AuditRow.template)
            }
        }
        let page = AuditPage(
            input: input, filter: filter, errors: errors, rows: rows, hasMore: found.hasMore, kinds: kinds,
            people: people
        )
        return try await services.pages.render(page, request: request, context: context)
    }
}

/// The audit log filter's fields (a query string), and the page number its older and newer links add.
enum AuditFilterField: String, FormFieldName {
    case person, kind, from, to, page
}

/// The filter as typed, kept so the form shows it again.
struct AuditFilterInput: Sendable, Equatable {
    var person: String
    var kind: String
    var from: String
    var to: String

    func parsed(page: Int = 1) -> (AuditFilter, FormErrors) {
        typealias F = AuditFilterField
        var errors = FormErrors()
        var filter = AuditFilter(page: page)
        if !person.isEmpty {
            if let id = BoundedNumber.id(person) {
                filter.person = id
            } else {
                errors.add(F.person, "Select a person from the list")
            }
        }
        if !kind.isEmpty { filter.kind = kind }
        if !from.isEmpty {
            if let day = LondonTime.startOfDay(from) {
                filter.from = day
            } else {
                errors.add(F.from, "Enter the start date as a real date, like 2026-03-03")
            }
        }
        if !to.isEmpty {
            if let day = LondonTime.startOfDay(to),
                let next = LondonTime.calendar.date(byAdding: .day, value: 1, to: day)
            {
                filter.toExclusive = next
            } else {
                errors.add(F.to, "Enter the end date as a real date, like 2026-03-31")
            }
        }
        if let from = filter.from, let to = filter.toExclusive, to <= from {
            errors.add(F.to, "The end date must be the same as or after the start date")
        }
        return (filter, errors)
    }
}

struct AuditPage: PageModel {
    static let template = "audit/index"
    let title = "Audit log"
    let action = Href.auditLog()
    let people: [Option]
    let kinds: [Option]
    let from: Field
    let to: Field
    let personError: String?
    /// Each row's HTML, rendered by `audit/row` (which escapes everything) and shown with `{{{ }}}`.
    let rows: [RenderedRow]
    let hasRows: Bool
    let pageNumber: Int
    let newerHref: String?
    let olderHref: String?
    let errors: FormErrors

    struct Option: Encodable, Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct RenderedRow: Encodable, Sendable {
        let html: String
    }

    init(
        input: AuditFilterInput, filter: AuditFilter, errors: FormErrors, rows: [String], hasMore: Bool,
        kinds: [String], people: [Option]
    ) {
        self.people = people.map { Option(value: $0.value, label: $0.label, selected: $0.value == input.person) }
        self.kinds = kinds.map { Option(value: $0, label: AuditPage.kindLabel($0), selected: $0 == input.kind) }
        typealias F = AuditFilterField
        from = Field(F.from, label: "From", value: input.from, type: "date", errors: errors)
        to = Field(F.to, label: "To", value: input.to, type: "date", errors: errors)
        personError = errors[F.person]
        self.rows = rows.map(RenderedRow.init)
        hasRows = !rows.isEmpty
        pageNumber = filter.page
        var base = [(String, String)]()
        for (field, value) in [(F.person, input.person), (F.kind, input.kind), (F.from, input.from), (F.to, input.to)]
        where !value.isEmpty {
            base.append((field.rawValue, value))
        }
        func href(page: Int) -> String { Href.auditLog(query: Query(base).appending(F.page.rawValue, page)) }
        newerHref = filter.page > 1 ? href(page: filter.page - 1) : nil
        olderHref = hasMore ? href(page: filter.page + 1) : nil
        self.errors = errors
    }

    static func kindLabel(_ kind: String) -> String {
        switch kind {
        case "account": return "Account"
        case "session": return "Sign-in"
        default: return kind.prefix(1).uppercased() + kind.dropFirst().replacingOccurrences(of: "_", with: " ")
        }
    }
}

/// One audit event as a table row.
struct AuditRow: Encodable, Sendable {
    static let template = "audit/row"
    let when: String
    let who: String
    let summary: String
    let record: String
    let changes: [AuditDiff.Change]
    let hasChanges: Bool

    init(_ event: AuditEvent) {
        when = LondonTime.dateTime(event.at)
        who = event.actorLabel
        summary = event.summary
        record = AuditPage.kindLabel(event.recordKind) + (event.recordID.map { " #\($0)" } ?? "")
        changes = AuditDiff.changes(before: event.beforeJSON, after: event.afterJSON)
        hasChanges = !changes.isEmpty
    }
}
