/// The board report (issue 19): what the leaders group reports to the ICB board (001, joint governance) for a period,
/// worked out from the records, issued (frozen) and published. A read-only aggregator: it reads the roadmap, decisions,
/// payments, meetings, the alliance, first steps and co-production through their stores; nothing depends on it.
enum BoardReportFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [BoardReportController(services: services)]
    }

    static let templates: [String] = [
        BoardReportsPage.template, BoardReportPage.template, BoardReportPage.sectionsTemplate, "board-report/table",
        PublishedBoardReportPage.template,
    ]

    static let rules: [Rule] = [.issueBoardReport]
}

extension Rule {
    /// Programme managers and administrators prepare the board's papers. An issued report can hold the titles of
    /// decisions from groups a member cannot see, so the reports themselves are theirs too until one is published;
    /// then anyone, signed in or not, reads it at its public page.
    static let issueBoardReport = Rule(
        "issueBoardReport",
        permits:
            "Preview, issue, read, download and publish board reports (anyone reads a report once it is published)",
        holders: Holders(roles: [.administrator, .programmeManager]))
}
