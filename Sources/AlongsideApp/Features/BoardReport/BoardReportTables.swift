import Foundation

/// Each table of the board report, as the page shows it and as a CSV file (money as 1234.50, hours to a tenth).
enum BoardReportTable: String, CaseIterable, Sendable {
    case roadmapStatus = "roadmap-status"
    case roadmapChanges = "roadmap-changes"
    case atRisk = "at-risk"
    case blocked
    case decisions
    case payments
    case meetings
    case alliance
    case firstSteps = "first-steps"
    case youSaidWeDid = "you-said-we-did"

    /// The table's caption on the page and the name of its download.
    var title: String {
        switch self {
        case .roadmapStatus: return "Deliverables by workstream and status"
        case .roadmapChanges: return "Roadmap changes in the period"
        case .atRisk: return "Deliverables at risk"
        case .blocked: return "Deliverables waiting on others"
        case .decisions: return "Decisions taken in the period"
        case .payments: return "Lived-experience involvement paid in the period"
        case .meetings: return "Meetings held in the period"
        case .alliance: return "The VCSE alliance's money"
        case .firstSteps: return "First steps"
        case .youSaidWeDid: return "You said, we did: answers given in the period"
        }
    }

    /// "board-report-2026-07-01-to-2026-09-30-decisions.csv"
    func fileName(_ period: BoardReportPeriod) -> String {
        "board-report-\(period.startsOn)-to-\(period.endsOn)-\(rawValue).csv"
    }

    func csv(_ data: BoardReportData) -> String {
        let (header, rows) = cells(data, forCSV: true)
        return CSVFormat.document(header: header, rows: rows)
    }

    /// The header and rows, as text: for a CSV file (column names, days as 2026-07-01, money as 1234.50) or for the
    /// page (days as 1 July 2026, money as £1,234.50; the page has its own headings).
    func cells(_ data: BoardReportData, forCSV: Bool) -> (header: [String], rows: [[String]]) {
        let roadmap = data.roadmap
        let money: (Int) -> String = { forCSV ? Money.plain($0) : Money.format($0) }
        let day: (String) -> String = { forCSV ? $0 : LondonTime.day($0) }
        switch self {
        case .roadmapStatus:
            return (
                ["workstream"] + roadmap.statuses.map { $0.lowercased().replacingOccurrences(of: " ", with: "_") }
                    + ["total"],
                (roadmap.workstreams + [roadmap.total]).map {
                    [$0.name] + $0.counts.map(String.init) + [String($0.total)]
                }
            )
        case .roadmapChanges:
            return (
                ["day", "deliverable", "workstream", "what_changed"],
                roadmap.changes.map { [day($0.day), $0.deliverable, $0.workstream, $0.what] }
            )
        case .atRisk:
            return (
                ["deliverable", "workstream", "reason_given", "waiting_on"],
                roadmap.atRisk.map { [$0.deliverable, $0.workstream, $0.reason, $0.waitingOn.joined(separator: "; ")] }
            )
        case .blocked:
            return (
                ["deliverable", "workstream", "status", "waiting_on"],
                roadmap.blocked.map {
                    [$0.deliverable, $0.workstream, $0.status, $0.waitingOn.joined(separator: "; ")]
                }
            )
        case .decisions:
            return (
                ["day", "group", "decision", "outcome", "valid", "published"],
                data.decisions.lines.map {
                    [
                        day($0.day), $0.group, $0.title, $0.outcome, $0.isValid ? "yes" : "no",
                        $0.isPublished ? "yes" : "no",
                    ]
                }
            )
        case .payments:
            let involvement = data.involvement
            return (
                ["group", "claims_paid", "people_paid", "hours", "paid_for_time", "expenses", "total"],
                (involvement.payments + [involvement.paymentsTotal]).map {
                    [
                        $0.group, String($0.claims), String($0.people), BoardReportFigures.hours(minutes: $0.minutes),
                        money($0.paymentPence), money($0.expensesPence), money($0.totalPence),
                    ]
                }
            )
        case .meetings:
            let involvement = data.involvement
            return (
                ["group", "meetings_held", "attendance_recorded", "lived_experience_present", "share_present"],
                (involvement.meetings + [involvement.meetingsTotal]).map {
                    [
                        $0.group, String($0.held), String($0.attendanceRecorded), String($0.livedExperiencePresent),
                        BoardReportFigures.livedExperienceShare($0) ?? "",
                    ]
                }
            )
        case .alliance:
            return (
                ["alliance", "received", "allocated", "to_small_and_micro", "share_to_small_and_micro"],
                data.alliances.map {
                    [
                        $0.name, money($0.receivedPence), money($0.allocatedPence),
                        money($0.smallAndMicroPence),
                        FundingRules.percentage($0.smallAndMicroPence, of: $0.allocatedPence) ?? "",
                    ]
                }
            )
        case .firstSteps:
            return (
                ["step", "outcome", "where_it_stands"],
                data.firstSteps.steps.map { [String($0.number), $0.outcome, $0.state] }
            )
        case .youSaidWeDid:
            return (
                ["community", "answers_given", "page_published"],
                data.feedback.communities.map { [$0.name, String($0.answered), $0.pageIsPublished ? "yes" : "no"] }
            )
        }
    }
}
