import Foundation

/// `/board-reports`: the reports issued, and the form that previews a report for a period.
struct BoardReportsPage: PageModel {
    static let template = "board-report/index"
    static let hasForm = true
    let title = "Board reports"
    let start: Field
    let end: Field
    let previewHref = Href.boardReportPreview()
    let quickPicks: [Link]
    let reports: [Report]
    let hasReports: Bool
    let errors: FormErrors

    struct Link: Encodable, Sendable {
        let label: String
        let href: String
    }

    struct Report: Encodable, Sendable {
        let period: String
        let href: String
        let issued: String
        let issuedBy: String
        let published: String
    }

    /// `start` and `end` are what was typed (kept after a problem) or the default period.
    init(start: String, end: String, today: String, reports: [BoardReportStore.Issued], errors: FormErrors) {
        typealias F = BoardReportPeriod.Field
        self.start = Field(
            F.start.rawValue, label: "First day of the period", value: start, type: "date",
            hint: "For example 2026-07-01.", errors: errors)
        self.end = Field(
            F.end.rawValue, label: "Last day of the period", value: end, type: "date",
            hint: "For example 2026-09-30. Not after today.", errors: errors)
        let picks = [
            ("The last full quarter", BoardReportPeriod.lastFullQuarter(today: today)),
            ("The financial year so far", BoardReportPeriod.financialYearToDate(today: today)),
        ]
        quickPicks = picks.map { label, period in
            Link(label: "\(label): \(period.label)", href: BoardReportsPage.previewHref(period))
        }
        self.reports = reports.map { report in
            Report(
                period: report.period.label, href: Href.boardReport(report.id),
                issued: LondonTime.dateTime(report.issuedAt), issuedBy: report.issuedByName,
                published: report.publishedAt.map { "Published \(LondonTime.date($0))" } ?? "Not published")
        }
        hasReports = !reports.isEmpty
        self.errors = errors
    }

    static func previewHref(_ period: BoardReportPeriod) -> String {
        Href.boardReportPreview(query: period.query)
    }
}

/// A board report: the live preview of a period (with "Issue this report"), or an issued report drawn from its kept
/// figures (with "Publish" until it is published).
struct BoardReportPage: PageModel {
    static let template = "board-report/report"
    static let sectionsTemplate = BoardReportView.template
    static let hasForm = true
    let title: String
    let listHref = Href.boardReports()
    let isPreview: Bool
    let lead: String
    /// The period, carried by the issue form.
    let startName = BoardReportPeriod.Field.start.rawValue
    let endName = BoardReportPeriod.Field.end.rawValue
    let startsOn: String
    let endsOn: String
    let issueHref: String?
    let publishHref: String?
    let publicHref: String?
    let publicURL: String?
    let report: BoardReportView

    init(preview data: BoardReportData, absoluteURL: @escaping (String) -> String) {
        title = "Board report preview: \(data.period.label)"
        isPreview = true
        lead =
            "Worked out from the records as they are now (\(LondonTime.dateTime(data.workedOutAt))). Nothing is kept "
            + "until you issue it; once issued, the report stays exactly as it is, whatever changes later."
        startsOn = data.period.startsOn
        endsOn = data.period.endsOn
        issueHref = Href.boardReports()
        publishHref = nil
        publicHref = nil
        publicURL = nil
        let period = data.period
        report = BoardReportView(
            data, isPublic: false,
            csvHref: { table in
                Href.boardReportPreviewTable(table.rawValue, query: period.query)
            }, absoluteURL: absoluteURL)
    }

    init(issued: BoardReportStore.Issued, data: BoardReportData, absoluteURL: @escaping (String) -> String) {
        title = "Board report: \(issued.period.label)"
        isPreview = false
        lead =
            "Issued \(LondonTime.dateTime(issued.issuedAt)) by \(issued.issuedByName). Its figures are kept as they "
            + "were then: later changes to the records do not alter it. "
            + (issued.publishedAt.map { "Published \(LondonTime.dateTime($0)): anyone can read it at its public page." }
                ?? "Not published: only programme managers and administrators can read it.")
        startsOn = issued.startsOn
        endsOn = issued.endsOn
        issueHref = nil
        publishHref = issued.isPublished ? nil : Href.publishBoardReport(issued.id)
        let publicPath = Href.publishedBoardReport(issued.id)
        publicHref = issued.isPublished ? publicPath : nil
        publicURL = issued.isPublished ? absoluteURL(publicPath) : nil
        let id = issued.id
        report = BoardReportView(
            data, isPublic: false, csvHref: { Href.boardReportTable(id, $0.rawValue) }, absoluteURL: absoluteURL)
    }
}

/// A published board report, for anyone: the same figures, without the reasons typed with status changes and without
/// the titles of decisions that were not published.
struct PublishedBoardReportPage: PageModel {
    static let template = "board-report/published"
    let title: String
    let lead: String
    let report: BoardReportView

    init(issued: BoardReportStore.Issued, data: BoardReportData, absoluteURL: @escaping (String) -> String) {
        title = "Board report: \(issued.period.label)"
        lead =
            "What the partnership's leaders group reported to the integrated care board for \(issued.period.label). "
            + "Issued \(LondonTime.date(issued.issuedAt)); the figures are as they were then."
        report = BoardReportView(data, isPublic: true, csvHref: nil, absoluteURL: absoluteURL)
    }
}
