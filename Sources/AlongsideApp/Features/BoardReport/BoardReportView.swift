import Foundation

/// A board report's figures as the page draws them: the same for the live preview, an issued report and its public
/// page, built only from `BoardReportData` (so an issued report shows exactly what was kept). The public page leaves out
/// the reasons typed with status changes and the titles of decisions that were not published.
struct BoardReportView: Encodable, Sendable {
    static let template = "board-report/sections"

    let periodLabel: String
    let workedOutOn: String
    let roadmapSummary: String
    let decisionsSummary: String
    let paymentsSummary: String
    let meetingsSummary: String
    let allianceSummary: String
    let firstStepsSummary: String
    let feedbackSummary: String
    let shareBasis = FundingSummary.shareBasis
    let roadmapStatus: ReportTable
    let roadmapChanges: ReportTable
    let atRisk: ReportTable
    let blocked: ReportTable
    let decisions: ReportTable
    let payments: ReportTable
    let meetings: ReportTable
    let alliance: ReportTable
    let firstSteps: ReportTable
    let youSaidWeDid: ReportTable

    /// One cell: its column's heading (for phones), its text and, where there is one, a link and its full address.
    struct Cell: Encodable, Sendable {
        let label: String
        let value: String
        let href: String?
        let url: String?
    }

    struct Row: Encodable, Sendable {
        let head: Cell
        let cells: [Cell]
    }

    struct ReportTable: Encodable, Sendable {
        let id: String
        let caption: String
        let headers: [String]
        let rows: [Row]
        let hasRows: Bool
        let emptyText: String
        let csvHref: String?
    }

    /// - Parameters:
    ///   - csvHref: the download of each table, or nil for none (the public page).
    ///   - isPublic: leave out reasons typed with status changes and unpublished decisions' titles.
    ///   - absoluteURL: the full address of a path, for printing beside links.
    init(
        _ data: BoardReportData, isPublic: Bool, csvHref: ((BoardReportTable) -> String)?,
        absoluteURL: @escaping (String) -> String
    ) {
        periodLabel = data.period.label
        workedOutOn = LondonTime.dateTime(data.workedOutAt)
        func table(_ kind: BoardReportTable, empty: String) -> ReportTable {
            Self.table(kind, data, csvHref: csvHref, empty: empty)
        }
        let roadmap = data.roadmap
        roadmapSummary =
            "\(roadmap.total.total) deliverables: "
            + zip(roadmap.statuses, roadmap.total.counts).map { "\($1) \($0.lowercased())" }.joined(separator: ", ")
            + ". \(roadmap.changes.count) change\(roadmap.changes.count == 1 ? "" : "s") in the period; "
            + "\(roadmap.atRisk.count) at risk; \(roadmap.blocked.count) more waiting on others."
        roadmapStatus = table(.roadmapStatus, empty: "There are no deliverables on the roadmap.")
        roadmapChanges = table(.roadmapChanges, empty: "No deliverable changed status, was added or was retired.")
        atRisk = Self.table(
            .atRisk, data, csvHref: csvHref, empty: "No deliverable is at risk.", leavingOut: isPublic ? [2] : [])
        blocked = table(.blocked, empty: "No other deliverable is waiting on another.")

        let decisionFigures = data.decisions
        let unpublished = decisionFigures.lines.count - decisionFigures.published
        decisionsSummary =
            "\(decisionFigures.lines.count) decision\(decisionFigures.lines.count == 1 ? "" : "s") taken: "
            + "\(decisionFigures.agreed) agreed and valid, \(decisionFigures.notValid) recorded as not valid; "
            + "\(decisionFigures.published) published"
            + (isPublic && unpublished > 0
                ? ". The \(unpublished) not published \(unpublished == 1 ? "is" : "are") counted but not listed here."
                : ".")
        var decisionData = data
        if isPublic { decisionData.decisions.lines = decisionFigures.lines.filter(\.isPublished) }
        let decisionLines = decisionData.decisions.lines
        decisions = Self.table(
            .decisions, decisionData, csvHref: csvHref,
            empty: isPublic ? "No published decision was taken in the period." : "No decision was taken in the period.",
            linkColumn: 2,
            link: { index in
                let line = decisionLines[index]
                guard line.isPublished else { return nil }
                let path = Href.publishedDecision(line.groupID, line.decisionID)
                return (path, absoluteURL(path))
            })

        let involvement = data.involvement
        let paid = involvement.paymentsTotal
        paymentsSummary =
            "\(paid.people) \(paid.people == 1 ? "person" : "people") paid for "
            + "\(BoardReportFigures.hours(minutes: paid.minutes)) hours (\(paid.claims) claim\(paid.claims == 1 ? "" : "s")): "
            + "\(Money.format(paid.totalPence)) in all, \(Money.format(paid.paymentPence)) for time and "
            + "\(Money.format(paid.expensesPence)) in expenses."
        payments = table(.payments, empty: "No claim was paid in the period.")
        let held = involvement.meetingsTotal
        meetingsSummary =
            "\(held.held) meeting\(held.held == 1 ? "" : "s") held; attendance recorded at \(held.attendanceRecorded); "
            + "an expert by experience or carer was present at \(held.livedExperiencePresent)"
            + (BoardReportFigures.livedExperienceShare(held).map { " (\($0) of those with attendance recorded)." }
                ?? ".")
        meetings = table(.meetings, empty: "No meeting was held in the period.")

        let received = data.alliances.reduce(0) { $0 + $1.receivedPence }
        let allocated = data.alliances.reduce(0) { $0 + $1.allocatedPence }
        let small = data.alliances.reduce(0) { $0 + $1.smallAndMicroPence }
        allianceSummary =
            data.alliances.isEmpty
            ? "There is no VCSE alliance yet."
            : "\(Money.format(received)) received and \(Money.format(allocated)) allocated"
                + (FundingRules.percentage(small, of: allocated).map {
                    ", \(Money.format(small)) (\($0)) of it to small and micro organisations."
                } ?? ".")
        alliance = table(.alliance, empty: "There is no VCSE alliance yet.")
        firstStepsSummary = data.firstSteps.summary
        firstSteps = table(.firstSteps, empty: "No first steps were assessed.")
        let feedback = data.feedback
        feedbackSummary =
            "\(feedback.answered) answer\(feedback.answered == 1 ? "" : "s") given in the period, "
            + "\(feedback.published) of them on a published community page: "
            + feedback.outcomes.map { "\($0.count) \($0.label.lowercased())" }.joined(separator: "; ") + "."
        youSaidWeDid = table(.youSaidWeDid, empty: "No insight was answered in the period.")
    }

    /// One table of the report: its rows as the page shows them, `leavingOut` columns dropped, and the cell in
    /// `linkColumn` of each row `link` gives a target for linked to it.
    static func table(
        _ kind: BoardReportTable, _ data: BoardReportData, csvHref: ((BoardReportTable) -> String)?, empty: String,
        leavingOut: Set<Int> = [], linkColumn: Int = 0, link: (Int) -> (href: String, url: String)? = { _ in nil }
    ) -> ReportTable {
        let (csvHeaders, rows) = kind.cells(data, forCSV: false)
        let all =
            kind == .roadmapStatus ? ["Workstream"] + data.roadmap.statuses + ["Total"] : (headings[kind] ?? csvHeaders)
        let keep = all.indices.filter { !leavingOut.contains($0) }
        let headers = keep.map { all[$0] }
        let shown = rows.enumerated().map { index, row in
            let target = link(index)
            let cells = keep.map { column in
                Cell(
                    label: all[column], value: row[column].isEmpty ? "None" : row[column],
                    href: column == linkColumn ? target?.href : nil, url: column == linkColumn ? target?.url : nil)
            }
            return Row(head: cells[0], cells: Array(cells.dropFirst()))
        }
        return ReportTable(
            id: kind.rawValue, caption: kind.title, headers: headers, rows: shown, hasRows: !shown.isEmpty,
            emptyText: empty, csvHref: csvHref?(kind))
    }

    /// The column headings as the page shows them.
    static let headings: [BoardReportTable: [String]] = [
        .roadmapChanges: ["Day", "Deliverable", "Workstream", "What changed"],
        .atRisk: ["Deliverable", "Workstream", "Reason given", "Waiting on"],
        .blocked: ["Deliverable", "Workstream", "Status", "Waiting on"],
        .decisions: ["Day", "Group", "Decision", "Outcome", "Valid", "Published"],
        .payments: ["Group", "Claims paid", "People paid", "Hours", "Paid for time", "Expenses", "Total"],
        .meetings: [
            "Group", "Meetings held", "Attendance recorded", "Lived experience present", "Share with lived experience",
        ],
        .alliance: ["Alliance", "Received", "Allocated", "To small and micro", "Share to small and micro"],
        .firstSteps: ["Step", "Outcome", "Where it stands"],
        .youSaidWeDid: ["Community", "Answers given", "Page published"],
    ]
}
