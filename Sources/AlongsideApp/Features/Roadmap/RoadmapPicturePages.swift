import Foundation

/// The status key shown as text beside a drawing: each status's colour name is not needed, its pattern is.
struct StatusKey: Encodable, Sendable {
    let label: String
    let pattern: String

    static var all: [StatusKey] {
        StatusAppearance.legend.map { StatusKey(label: $0.status.label, pattern: $0.patternDescription) }
    }
}

/// The relies-upon graph drawn on the server, with a table or list of the same information (issue 19). By default
/// it asks which deliverable to centre on and draws that deliverable's neighbourhood; a workstream, or the whole
/// graph, only on request.
struct RoadmapGraphPage: PageModel {
    static let template = "roadmap/graph"
    let roadmapLinks = RoadmapLinks()
    let title: String
    let workstream: SelectField
    let words: Field
    let key = StatusKey.all
    /// Deliverables matching the search, each leading to its neighbourhood.
    let matches: [DeliverableLink]
    let searched: Bool
    let neighbourhood: NeighbourhoodView?
    /// The drawing and table of many deliverables (a workstream or the whole graph), when asked for.
    let picture: Picture?
    let wholeHref: String
    let chooseHref: String

    struct Picture: Encodable, Sendable {
        let svg: String
        let summary: String
        let rows: [Row]
    }

    struct Row: Encodable, Sendable {
        let link: DeliverableLink
        let column: Int
        let cycle: Int?
        let reliesOn: [Target]
    }

    struct Target: Encodable, Sendable {
        let link: DeliverableLink
        /// The suggested order goes against this link: work on the pair side by side.
        let sideBySide: Bool
    }

    /// One deliverable's neighbourhood: a small drawing for wide screens and the same as lists for everyone.
    struct NeighbourhoodView: Encodable, Sendable {
        let centre: DeliverableLink
        let svg: String
        let summary: String
        let reliesOn: [Ring]
        let reliedOnBy: [Ring]
        let otherStepsHref: String
        let otherStepsLabel: String
    }

    struct Ring: Encodable, Sendable {
        let heading: String
        let members: [Member]
    }

    struct Member: Encodable, Sendable {
        let link: DeliverableLink
        /// This member's own neighbourhood.
        let aroundHref: String
    }

    static let searchLimit = 40

    init(graph: RoadmapGraph, suggested: SuggestedOrder.Result? = nil, workstreams: [Workstream], query: FormData) {
        typealias F = RoadmapForms.PictureFilterField
        let none = FormErrors()
        workstream = SelectField(
            F.workstream, label: "Workstream",
            options: [("", "All workstreams")] + workstreams.map { ($0.key, $0.name) },
            form: query, errors: none)
        let typed = String(query[F.words].prefix(100))
        words = Field(F.words, label: "Find a deliverable", value: typed, hint: "Part of its title")
        let stepCount = query[F.steps] == "1" ? 1 : 2
        wholeHref = Href.roadmapGraph(query: [F.view.rawValue: "whole"])
        chooseHref = Href.roadmapGraph()
        let searchWords = SearchWords(typed).words.map { $0.lowercased() }
        searched = !searchWords.isEmpty
        matches =
            searched
            ? graph.deliverables.filter { deliverable in
                let title = deliverable.title.lowercased()
                return searchWords.allSatisfy { title.contains($0) }
            }.prefix(Self.searchLimit).map(DeliverableLink.init)
            : []
        let centre = BoundedNumber.id(query[F.deliverable]).flatMap { graph.index(of: $0) }
        neighbourhood = centre.map { Self.neighbourhood(of: $0, in: graph, steps: stepCount) }
        let chosenWorkstream = workstreams.first { $0.key == query[F.workstream] }
        if centre == nil, chosenWorkstream != nil || query[F.view] == "whole" {
            picture = Self.picture(graph: graph, suggested: suggested, workstream: chosenWorkstream)
        } else {
            picture = nil
        }
        title =
            neighbourhood.map { "Around \($0.centre.title)" }
            ?? (picture == nil
                ? "The relies-upon graph" : "The relies-upon graph" + (chosenWorkstream.map { ": \($0.name)" } ?? ""))
    }

    static func neighbourhood(of centre: Int, in graph: RoadmapGraph, steps: Int) -> NeighbourhoodView {
        typealias F = RoadmapForms.PictureFilterField
        let around = Neighbourhood(centre, in: graph.graph, reliedOnBy: graph.graph.reliedOnBy, steps: steps)
        let chosen = around.nodes
        let (_, links, shown) = graph.subgraph(chosen)
        let title = graph.deliverables[centre].title
        let svg = RoadmapGraphSVG.render(
            nodes: chosen.map {
                RoadmapGraphSVG.Node(
                    title: graph.deliverables[$0].title, status: graph.deliverables[$0].status,
                    href: Href.deliverable(graph.deliverables[$0].id))
            }, graph: shown, title: "Around \(title)",
            description:
                "\(title), what it relies upon and what relies upon it, up to \(steps) step\(steps == 1 ? "" : "s") each way. Arrows point from a deliverable to what it relies upon.",
            idPrefix: "neighbourhood", fitToWidth: true)
        func rings(_ lists: [[Int]], near: String, far: String) -> [Ring] {
            lists.enumerated().map { distance, members in
                Ring(
                    heading: distance == 0 ? near : far,
                    members: members.map { node in
                        Member(
                            link: DeliverableLink(graph.deliverables[node]),
                            aroundHref: Href.roadmapGraph(query: [
                                F.deliverable.rawValue: String(graph.deliverables[node].id),
                                F.steps.rawValue: String(steps),
                            ]))
                    })
            }
        }
        let id = String(graph.deliverables[centre].id)
        let other = steps == 1 ? 2 : 1
        return NeighbourhoodView(
            centre: DeliverableLink(graph.deliverables[centre]), svg: svg,
            summary:
                "\(chosen.count - 1) deliverable\(chosen.count == 2 ? "" : "s") within \(steps) step\(steps == 1 ? "" : "s"), \(links.count) link\(links.count == 1 ? "" : "s").",
            reliesOn: rings(around.reliesOn, near: "Relies upon directly", far: "Two steps away: what those rely upon"),
            reliedOnBy: rings(
                around.reliedOnBy, near: "Relied upon directly by", far: "Two steps away: what relies on those"),
            otherStepsHref: Href.roadmapGraph(query: [F.deliverable.rawValue: id, F.steps.rawValue: String(other)]),
            otherStepsLabel: other == 1 ? "Show one step each way" : "Show two steps each way")
    }

    static func picture(graph: RoadmapGraph, suggested: SuggestedOrder.Result? = nil, workstream: Workstream?)
        -> Picture
    {
        let chosen =
            workstream.map { chosen in
                graph.deliverables.indices.filter { graph.deliverables[$0].workstream == chosen.key }
            }
            ?? Array(graph.deliverables.indices)
        let (position, links, shown) = graph.subgraph(chosen)
        // The whole graph is drawn in the suggested order, its breaking links marked (issue 19); a workstream as
        // before, its cycles framed.
        let breaks: [SuggestedOrder.Break] =
            workstream != nil
            ? []
            : (suggested ?? graph.suggestedOrder()).breaks.compactMap { link in
                position[link.node].flatMap { from in
                    position[link.reliesOn].map { SuggestedOrder.Break(node: from, reliesOn: $0) }
                }
            }
        let broken = Set(breaks)
        let layout = GraphLayout(
            DependencyGraph(
                count: chosen.count,
                links: links.filter { !broken.contains(SuggestedOrder.Break(node: $0.from, reliesOn: $0.to)) }))
        let nodes = chosen.map {
            RoadmapGraphSVG.Node(
                title: graph.deliverables[$0].title, status: graph.deliverables[$0].status,
                href: Href.deliverable(graph.deliverables[$0].id))
        }
        let svg = RoadmapGraphSVG.render(
            nodes: nodes, graph: shown, title: "What relies upon what" + (workstream.map { ": \($0.name)" } ?? ""),
            description:
                "\(chosen.count) deliverables and \(links.count) relies-upon links. Arrows point from a deliverable to what it relies upon.",
            idPrefix: "roadmap-graph", fitToWidth: false, breaks: breaks)
        let rows = layout.layers.enumerated().flatMap { column, members in
            members.map { member in
                Row(
                    link: DeliverableLink(graph.deliverables[chosen[member]]), column: column + 1,
                    cycle: workstream == nil
                        ? graph.cycleNumber(of: chosen[member]) : layout.cycleOf[member].map { $0 + 1 },
                    reliesOn: shown.reliesOn[member].map {
                        Target(
                            link: DeliverableLink(graph.deliverables[chosen[$0]]),
                            sideBySide: broken.contains(SuggestedOrder.Break(node: member, reliesOn: $0)))
                    })
            }
        }
        let cycles = workstream == nil ? graph.cycles.count : layout.cycles.count
        var summary =
            "\(chosen.count) deliverable\(chosen.count == 1 ? "" : "s"), \(links.count) link\(links.count == 1 ? "" : "s"), \(cycles) cycle\(cycles == 1 ? "" : "s")."
        if !breaks.isEmpty {
            summary +=
                " Drawn in the suggested order: \(breaks.count) link\(breaks.count == 1 ? " goes" : "s go") against it (dashed red), pairs to work on side by side."
        }
        return Picture(svg: svg, summary: summary, rows: rows)
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
