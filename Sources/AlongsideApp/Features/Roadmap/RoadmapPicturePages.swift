import Foundation

/// The status key shown as text beside a drawing: each status's colour name is not needed, its pattern is.
struct StatusKey: Encodable, Sendable {
    let label: String
    let pattern: String

    static var all: [StatusKey] {
        StatusAppearance.legend.map { StatusKey(label: $0.status.label, pattern: $0.patternDescription) }
    }
}

/// The relies-upon graph drawn on the server, with a table of the same information. Optionally one workstream.
struct RoadmapGraphPage: PageModel {
    static let template = "roadmap/graph"
    let roadmapLinks = RoadmapLinks()
    let title = "The relies-upon graph"
    let workstream: SelectField
    let svg: String
    let key: [StatusKey]
    let rows: [Row]
    let summary: String

    struct Row: Encodable, Sendable {
        let link: DeliverableLink
        let column: Int
        let cycle: Int?
        let reliesOn: [DeliverableLink]
    }

    init(graph: RoadmapGraph, workstreams: [Workstream], query: FormData) {
        typealias F = RoadmapForms.PictureFilterField
        workstream = SelectField(
            F.workstream, label: "Workstream",
            options: [("", "All workstreams")] + workstreams.map { ($0.key, $0.name) },
            form: query, errors: FormErrors())
        let chosen =
            query[F.workstream].isEmpty
            ? Array(graph.deliverables.indices)
            : graph.deliverables.indices.filter { graph.deliverables[$0].workstream == query[F.workstream] }
        var position: [Int: Int] = [:]
        for (index, node) in chosen.enumerated() { position[node] = index }
        var links: [(from: Int, to: Int)] = []
        for node in chosen {
            for target in graph.reliesOn(node) { if let to = position[target] { links.append((position[node]!, to)) } }
        }
        let shown = DependencyGraph(count: chosen.count, links: links)
        let layout = GraphLayout(shown)
        let nodes = chosen.map {
            RoadmapGraphSVG.Node(
                title: graph.deliverables[$0].title, status: graph.deliverables[$0].status,
                href: Href.deliverable(graph.deliverables[$0].id))
        }
        let name = workstreams.first { $0.key == query[F.workstream] }?.name
        svg = RoadmapGraphSVG.render(
            nodes: nodes, graph: shown, title: "What relies upon what" + (name.map { ": \($0)" } ?? ""),
            description:
                "\(chosen.count) deliverables and \(links.count) relies-upon links. Arrows point from a deliverable to what it relies upon.",
            idPrefix: "roadmap-graph", fitToWidth: false)
        key = StatusKey.all
        rows = layout.layers.enumerated().flatMap { column, members in
            members.map { member in
                Row(
                    link: DeliverableLink(graph.deliverables[chosen[member]]), column: column + 1,
                    cycle: layout.cycleOf[member].map { $0 + 1 },
                    reliesOn: shown.reliesOn[member].map { DeliverableLink(graph.deliverables[chosen[$0]]) })
            }
        }
        summary =
            "\(chosen.count) deliverable\(chosen.count == 1 ? "" : "s"), \(links.count) link\(links.count == 1 ? "" : "s"), \(layout.cycles.count) cycle\(layout.cycles.count == 1 ? "" : "s")."
    }
}

/// Deliverables by status at the end of each month, as a chart and a table.
struct RoadmapProgressPage: PageModel {
    static let template = "roadmap/progress"
    let roadmapLinks = RoadmapLinks()
    let title = "Progress over time"
    let svg: String
    let key: [StatusKey]
    let statuses: [String]
    let rows: [Row]

    struct Row: Encodable, Sendable {
        let month: String
        let counts: [Int]
        let total: Int
    }

    /// The months to show: from the month the first deliverable was added (at most 24 months back) to this one,
    /// each counted at its end in London time, or now for the month still running.
    static func months(from first: Date, to now: Date, limit: Int = 24) -> [(label: String, end: Date)] {
        let calendar = LondonTime.calendar
        guard var start = calendar.date(from: calendar.dateComponents([.year, .month], from: first)),
            let current = calendar.date(from: calendar.dateComponents([.year, .month], from: now))
        else { return [] }
        if let earliest = calendar.date(byAdding: .month, value: -(limit - 1), to: current), start < earliest {
            start = earliest
        }
        var result: [(label: String, end: Date)] = []
        while start <= current, let next = calendar.date(byAdding: .month, value: 1, to: start) {
            let parts = calendar.dateComponents([.year, .month], from: start)
            let label = "\(String(LondonTime.months[parts.month! - 1].prefix(3))) \(parts.year!)"
            result.append((label, min(next.addingTimeInterval(-1), now)))
            start = next
        }
        return result
    }

    init(histories: [ProgressSeries.History], now: Date) {
        let months = histories.map(\.createdAt).min().map { Self.months(from: $0, to: now) } ?? []
        let counts = ProgressSeries.counts(histories: histories, monthEnds: months.map(\.end))
        let series = zip(months, counts).map { (label: $0.0.label, counts: $0.1) }
        svg = ProgressChartSVG.render(
            months: series, title: "Deliverables by status at the end of each month",
            description: "A stacked bar per month; in place at the bottom. The same figures are in the table below.",
            idPrefix: "roadmap-progress")
        key = StatusKey.all
        statuses = DeliverableStatus.allCases.map(\.label)
        rows = series.map { month in
            let values = DeliverableStatus.allCases.map { month.counts[$0] ?? 0 }
            return Row(month: month.label, counts: values, total: values.reduce(0, +))
        }
    }
}
